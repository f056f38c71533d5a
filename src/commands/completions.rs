//! `completions SHELL`: the static script clap_complete generates from the CLI definition.
//!
//! Static scripts know subcommands and flags only; provider ids and profile names come from the
//! dynamic engine (`source <(COMPLETE=bash codex-provider)`, see docs/completions.md).

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::ctx::Ctx;
use crate::error::Exit;

/// Generated into memory, then written by the printer, so a full disk is an error and a
/// closed pipe is not (clap_complete itself panics on a write error).
pub fn run(args: CompletionsArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "codex-provider", &mut script);
    ctx.ui.data_raw(&script);
    Ok(Exit::Ok)
}
