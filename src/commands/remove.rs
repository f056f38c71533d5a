//! `remove` (being built).

use crate::cli::RemoveArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn run(_args: RemoveArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
