//! codex-provider: manage the model providers of OpenAI's Codex CLI.
//!
//! The binary is a thin wrapper over [`run`]; the modules are public so the fuzz target and
//! the benchmarks can drive the config editor directly.

pub mod catalog;
pub mod cli;
pub mod codex_cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod ctx;
pub mod doctor;
pub mod dotenv;
pub mod endpoint;
pub mod error;
pub mod home;
pub mod interrupt;
pub mod presets;
pub mod probe;
pub mod probe_codex;
pub mod store;
pub mod testpoint;
pub mod ui;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::error::{Exit, UserError};

/// Parses the command line, runs the command, prints errors; returns the exit code.
pub fn run() -> ExitCode {
    clap_complete::CompleteEnv::with_factory(cli::Cli::command).complete();
    let cli = cli::Cli::parse();
    let ctx = match ctx::Ctx::new(&cli.global) {
        Ok(c) => c,
        Err(e) => return report(&ui::Ui::new(cli.global.color, false, 0), &e),
    };
    match commands::dispatch(cli.command, &ctx) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(e) => report(&ctx.ui, &e),
    }
}

/// Prints an error as one line plus its hint, and picks the exit code.
fn report(ui: &ui::Ui, e: &anyhow::Error) -> ExitCode {
    if let Some(u) = e.downcast_ref::<UserError>() {
        ui.error(&u.message, u.hint.as_deref());
        return ExitCode::from(u.exit as u8);
    }
    let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
    ui.error(&chain.join(": "), None);
    ExitCode::from(Exit::Problem as u8)
}
