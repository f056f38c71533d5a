//! codex-provider: manage the model providers of OpenAI's Codex CLI.

mod cli;
mod commands;
mod complete;
mod config;
mod ctx;
mod doctor;
mod dotenv;
mod endpoint;
mod error;
mod presets;
mod probe;
mod store;
mod testpoint;
mod ui;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::error::{Exit, UserError};

fn main() -> ExitCode {
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
