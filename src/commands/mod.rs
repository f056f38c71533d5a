//! One module per user-facing verb; orchestration only (no TOML, no HTTP, no printing rules).

mod add;
mod apply;
mod bridge;
mod catalog;
mod completions;
mod current;
mod doctor;
mod export;
mod import;
mod key;
mod list;
mod models;
mod outcome;
mod pick;
mod presets;
mod probe;
mod probe_codex;
mod profile;
mod remove;
mod rename;
mod set;
mod show;
mod undo;
mod use_;
mod written;

use crate::cli::{Command, KeyCommand, ProfileCommand};
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
        Command::Catalog(a) => catalog::run(a, ctx),
        Command::Key(KeyCommand::Set(a)) => key::set(a, ctx),
        Command::Key(KeyCommand::Unset(a)) => key::unset(a, ctx),
        Command::Rename(a) => rename::run(a, ctx),
        Command::Set(a) => set::set(a, ctx),
        Command::Unset(a) => set::unset(a, ctx),
        Command::Export(a) => export::run(a, ctx),
        Command::Apply(a) => apply::run(a, ctx),
        Command::Import(a) => import::run(a, ctx),
        Command::Models(a) => models::run(a, ctx),
        Command::Bridge(c) => bridge::run(c, ctx),
    }
}

use std::path::Path;

use crate::config::{ConfigFile, LayeredFiles, ids};
use crate::error::UserError;

/// `config.toml` (an empty document when missing).
pub(crate) fn load_config(ctx: &Ctx) -> Result<ConfigFile, UserError> {
    well_typed(ConfigFile::load(&ctx.config_path()).map_err(|e| offer_undo(ctx, e))?)
}

/// A parse error offers `undo` only when there is a backup to restore.
fn offer_undo(ctx: &Ctx, e: UserError) -> UserError {
    if e.hint.as_deref() == Some(crate::config::file::PARSE_HINT)
        && !crate::store::list_undo(&ctx.codex_home).is_empty()
    {
        return e.hint(format!("{}; `codex-provider undo` restores our last backup", crate::config::file::PARSE_HINT));
    }
    e
}

/// A file with a value Codex cannot read (see `ConfigFile::type_errors`) is unusable input
/// (exit 2): editing around it would leave a config Codex still refuses, so nothing is written.
fn well_typed(f: ConfigFile) -> Result<ConfigFile, UserError> {
    match f.type_errors().into_iter().next() {
        None => Ok(f),
        Some(e) => Err(UserError::usage(format!("{}: {}", f.path.display(), e.message)).hint(
            "fix it by hand (`codex-provider doctor` explains it); Codex refuses to start with it (the file was not changed)",
        )),
    }
}

/// A profile file; `must_exist` turns a missing file into an error naming the fix.
pub(crate) fn load_profile(ctx: &Ctx, name: &str, must_exist: bool) -> Result<ConfigFile, UserError> {
    ids::check_profile_name(name)?;
    let path = ctx.profile_path(name);
    let f = well_typed(ConfigFile::load(&path).map_err(|e| offer_undo(ctx, e))?)?;
    if must_exist && !f.existed {
        let names = crate::home::profile_names(&ctx.codex_home);
        let hint = match ids::closest(name, names.iter().map(String::as_str)) {
            Some(n) => format!("did you mean `{n}`? (`codex-provider profile list`)"),
            None => format!("create it with `codex-provider use PROVIDER --profile {name}`"),
        };
        return Err(UserError::usage(format!("profile `{name}` not found: no {}", display(ctx, &path))).hint(hint));
    }
    Ok(f)
}

/// config.toml with the profile file layered over it, as `codex --profile NAME` does.
pub(crate) fn load_layers(ctx: &Ctx, profile: Option<&str>) -> Result<LayeredFiles, UserError> {
    let base = load_config(ctx)?;
    let profile = match profile {
        Some(n) => Some((n.to_string(), load_profile(ctx, n, true)?)),
        None => None,
    };
    Ok(LayeredFiles { base, profile })
}

/// A path for messages: `~/...` under the home directory.
pub(crate) fn display(_ctx: &Ctx, path: &Path) -> String {
    if let Some(home) = crate::platform::user_home()
        && let Ok(rest) = path.strip_prefix(&home)
    {
        return format!("~{}{}", std::path::MAIN_SEPARATOR, rest.display());
    }
    path.display().to_string()
}

/// Whether the key variable is set (process env or `$CODEX_HOME/.env`); never its value.
pub(crate) fn key_presence(ctx: &Ctx, var: &str) -> crate::env::Presence {
    crate::env::presence(var, &ctx.codex_home)
}
