//! One file per user-facing verb; orchestration only (no TOML, no HTTP, no printing rules).

mod add;
mod completions;
mod current;
mod doctor;
mod list;
mod presets;
mod probe;
mod profile;
mod remove;
mod show;
mod undo;
mod use_;

use crate::cli::{Command, ProfileCommand};
use crate::ctx::Ctx;
use crate::error::Exit;

pub fn dispatch(cmd: Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match cmd {
        Command::Add(a) => add::run(a, ctx),
        Command::Use(a) => use_::run(a, ctx),
        Command::List(a) => list::run(a, ctx),
        Command::Current(a) => current::run(a, ctx),
        Command::Show(a) => show::run(a, ctx),
        Command::Remove(a) => remove::run(a, ctx),
        Command::Probe(a) => probe::run(a, ctx),
        Command::Doctor(a) => doctor::run(a, ctx),
        Command::Profile(ProfileCommand::List(a)) => profile::list(a, ctx),
        Command::Profile(ProfileCommand::Show(a)) => profile::show(a, ctx),
        Command::Profile(ProfileCommand::Remove(a)) => profile::remove(a, ctx),
        Command::Profile(ProfileCommand::Migrate(a)) => profile::migrate(a, ctx),
        Command::Presets(a) => presets::run(a, ctx),
        Command::Undo(a) => undo::run(a, ctx),
        Command::Completions(a) => completions::run(a, ctx),
    }
}
