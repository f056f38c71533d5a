//! One module per user-facing verb, below the CLI: each takes plain options (built by `cli`),
//! orchestrates the layers below, and returns a typed result that [`output`] prints as text
//! or JSON. No clap type, no TOML, no HTTP here.

pub mod add;
pub mod apply;
pub mod bridge;
pub mod catalog;
pub mod completions;
pub mod current;
pub mod doctor;
pub(crate) mod errors;
pub mod export;
pub mod import;
pub mod key;
mod key_input;
mod key_keychain;
pub mod list;
pub mod models;
pub mod output;
mod pick;
pub mod presets;
pub mod probe;
mod probe_codex;
pub mod profile;
pub mod remove;
pub mod rename;
pub mod set;
pub mod show;
pub mod threads;
pub mod undo;
pub mod use_;
mod written;

use crate::ctx::Ctx;

use std::path::Path;

use crate::config::{ConfigFile, LayeredFiles, ids};
use crate::error::UserError;

/// `config.toml` (an empty document when missing).
pub(crate) fn load_config(ctx: &Ctx) -> Result<ConfigFile, UserError> {
    well_typed(ConfigFile::load(&ctx.config_path()).map_err(|e| offer_undo(ctx, e))?)
}

/// A parse error offers `undo` only when there is a backup to restore.
fn offer_undo(ctx: &Ctx, e: crate::config::Error) -> UserError {
    let parse = matches!(e, crate::config::Error::Parse { .. });
    let e = UserError::from(e);
    if parse && !crate::store::list_undo(&ctx.codex_home).is_empty() {
        return e.hint(format!("{}; `codex-provider undo` restores our last backup", errors::PARSE_HINT));
    }
    e
}

/// A file with a value Codex cannot read (see `ConfigFile::type_errors`) is unusable input
/// (exit 2): editing around it would leave a config Codex still refuses, so nothing is written.
fn well_typed(f: ConfigFile) -> Result<ConfigFile, UserError> {
    match f.type_errors().into_iter().next() {
        None => Ok(f),
        Some(e) => Err(errors::codex_refuses(&f.path, &e)),
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
