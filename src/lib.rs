//! codex-provider: manage the model providers of OpenAI's Codex CLI.
//!
//! The binary is a thin wrapper over [`run`]. Only what the fuzz target, the benchmarks and the
//! tests drive directly is public (`config`, `store`, `cli` for the man pages); everything else
//! is private, so rustc reports code nothing uses.

mod auth_command;
mod bridge;
mod catalog;
pub mod cli;
mod codex;
mod commands;
pub mod config;
mod ctx;
mod doctor;
mod endpoint;
mod env;
mod error;
mod home;
mod interrupt;
mod keychain;
mod memo;
mod platform;
mod presets;
mod probe;
mod probe_codex;
mod redact;
pub mod store;
mod testpoint;
mod threads;
mod ui;

use std::process::ExitCode;

use crate::error::{Exit, UserError};

/// Parses the command line, runs the command, prints errors; returns the exit code.
pub fn run() -> ExitCode {
    let (g, command) = cli::parse();
    let ui = ui::Ui::new(g.color, g.quiet, g.verbose);
    let ctx = match ctx::Ctx::new(g.codex_home, ui.clone(), g.yes, g.json) {
        Ok(c) => c,
        Err(e) => return report(&ui::Ui::new(g.color, false, 0), &e),
    };
    let result = cli::dispatch(command, &ctx);
    finish(&ctx.ui, result)
}

/// The exit code of a run, with stdout's fate applied (ripgrep's rule): a closed pipe ends a
/// successful run early and is still success; any other write error fails the run (exit 1)
/// with one line, unless the command already failed with its own error.
fn finish(ui: &ui::Ui, result: anyhow::Result<Exit>) -> ExitCode {
    match (result, ui::stdout_failure()) {
        (Err(e), _) => report(ui, &e),
        (Ok(_), Some(ui::StdoutFailure::BrokenPipe)) => ExitCode::from(Exit::Ok as u8),
        (Ok(_), Some(ui::StdoutFailure::Failed(why))) => {
            ui.error(&format!("cannot write to stdout: {why}"), None);
            ExitCode::from(Exit::Problem as u8)
        }
        (Ok(exit), None) => ExitCode::from(exit as u8),
    }
}

/// Prints an error as one line plus its hint, and picks the exit code.
fn report(ui: &ui::Ui, e: &anyhow::Error) -> ExitCode {
    if let Some(u) = e.downcast_ref::<UserError>() {
        ui.error(&u.message, u.hint.as_deref());
        return ExitCode::from(u.exit as u8);
    }
    if let Some(u) = commands::errors::user_error(e) {
        ui.error(&u.message, u.hint.as_deref());
        return ExitCode::from(u.exit as u8);
    }
    let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
    ui.error(&chain.join(": "), None);
    ExitCode::from(Exit::Problem as u8)
}
