//! One file per user-facing verb; orchestration only (no TOML, no HTTP, no printing rules).

use crate::cli::Command;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn dispatch(cmd: Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    let _ = ctx;
    match cmd {
        _ => Err(UserError::usage("not built yet").into()),
    }
}
