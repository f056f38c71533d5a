//! `doctor` (being built).

use crate::cli::DoctorArgs;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn run(_args: DoctorArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
