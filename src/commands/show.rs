//! `show` (being built).

use crate::cli::ShowArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn run(_args: ShowArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
