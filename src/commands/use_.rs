//! `use_` (being built).

use crate::cli::UseArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn run(_args: UseArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
