//! `completions SHELL`: the static script clap_complete generates from the CLI definition.
//!
//! Static scripts know subcommands and flags only; provider ids and profile names come from the
//! dynamic engine (`source <(COMPLETE=bash codex-provider)`, see docs/completions.md).

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::ctx::Ctx;
use crate::error::Exit;

pub fn run(args: CompletionsArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "codex-provider", &mut out);
    Ok(Exit::Ok)
}
