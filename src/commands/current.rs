//! `current` (being built).

use crate::cli::CurrentArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn run(_args: CurrentArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
