//! `profile list|show|remove|migrate` (being built).

use crate::cli::{JsonArgs, MigrateArgs, ProfileNameArgs, ProfileRemoveArgs};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

pub fn list(_a: JsonArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
pub fn show(_a: ProfileNameArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
pub fn remove(_a: ProfileRemoveArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
pub fn migrate(_a: MigrateArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    Err(UserError::usage("this command is not built yet").into())
}
