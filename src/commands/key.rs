//! `key set ID` / `key unset ID`: the one place a key is ever written to a file, as the provider's
//! `env_key` line in `$CODEX_HOME/.env` (Codex loads that file, so GUI and IDE launches that
//! do not inherit shell variables still find the key). Mode 0600, atomic, no backup copy:
//! a backup would be a second copy of the secret that `undo` users do not expect. The write
//! is recorded in the backup journal as one that kept no backup, so `undo` right after it
//! says it cannot restore `.env` instead of silently undoing the write before. With
//! `--keychain` (and `key get`) see [`super::key_keychain`].

use std::path::Path;

use serde::Serialize;

use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::{display, load_layers};
use crate::config::dotenv_write;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store;

/// The file Codex reads variables from.
const DOTENV: &str = ".env";

/// The provider's `env_key`, or why a key cannot be stored for it.
fn env_key_of(ctx: &Ctx, id: &str) -> Result<String, UserError> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let view = layers.provider(id)?.ok_or_else(|| layers.unknown_provider(id))?;
    let Some(var) = view.env_key().map(str::to_string) else {
        if view.fields.contains_key("auth") {
            return Err(UserError::usage(format!(
                "provider `{id}` gets its key from its auth.command, not from a variable"
            ))
            .hint(format!(
                "`codex-provider key set {id} --keychain` replaces the key in the OS keychain; `codex-provider key unset {id}` goes back to env_key"
            )));
        }
        let hint = if view.builtin {
            format!("`{id}` is a built-in provider without a key variable (it uses Codex's own login)")
        } else {
            format!(
                "name the variable first: `codex-provider set {id} env_key {}`",
                crate::config::ids::default_env_key(id)
            )
        };
        return Err(
            UserError::usage(format!("provider `{id}` has no env_key, so Codex reads no key for it")).hint(hint)
        );
    };
    if var.to_ascii_uppercase().starts_with("CODEX_") {
        return Err(UserError::usage(format!(
            "Codex ignores `{var}` in $CODEX_HOME/.env (it drops every CODEX_* name there)"
        ))
        .hint(format!(
            "rename the variable: `codex-provider set {id} env_key {}`",
            crate::config::ids::default_env_key(id)
        )));
    }
    Ok(var)
}

/// Writes `.env` atomically with mode 0600 (Windows: the folder's ACL). An existing file is
/// tightened to 0600 first, so the key is never readable by others, not even between chmod
/// and rename.
fn write_dotenv(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::platform::fs::make_private(&store::resolve_target(path)?)?;
    crate::interrupt::while_writing();
    let r = store::write_atomic(path, text.as_bytes());
    crate::interrupt::restore();
    r
}

fn read_dotenv(path: &Path) -> anyhow::Result<Option<String>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(
            String::from_utf8(b)
                .map_err(|_| UserError::usage(format!("{}: not valid UTF-8; it was not changed", path.display())))?,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => {
            Err(UserError::refused(format!("cannot read {}: {}", path.display(), crate::error::io_reason(&e))).into())
        }
    }
}

/// What `key set` / `key unset` did to `.env` (never the key).
#[derive(Debug, Serialize)]
struct KeyChange {
    schema_version: SchemaVersion,
    provider: String,
    env_key: String,
    file: std::path::PathBuf,
    /// `set` or `unset`.
    action: &'static str,
    changed: bool,
}

/// The status lines are said by the verb itself (the wizard shares them), so the human
/// rendering has nothing for stdout.
impl Output for KeyChange {
    fn human(&self, _ctx: &Ctx) {}
}

/// `key set`'s options.
#[derive(Debug, Clone, Default)]
pub struct SetOptions {
    pub id: String,
    /// Into the OS keychain, served to Codex by `auth.command` ([`super::key_keychain`]).
    pub keychain: bool,
}

pub fn set(opts: SetOptions, ctx: &Ctx) -> anyhow::Result<Exit> {
    let id = opts.id.as_str();
    if opts.keychain {
        return super::key_keychain::set(ctx, id);
    }
    let var = env_key_of(ctx, id)?;
    let stored = store_as(ctx, &var, &format!("key set {id}"))?;
    let change = KeyChange {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        env_key: var,
        file: stored.path.clone(),
        action: "set",
        changed: stored.changed,
    };
    let exit = output::emit(ctx, &change)?;
    stored.say(ctx, &format!("the key for `{id}`"));
    Ok(exit)
}

/// What [`store`] did: the file, whether it changed, the key's length (never the key).
pub(crate) struct Stored {
    pub path: std::path::PathBuf,
    pub changed: bool,
    var: String,
    chars: usize,
    /// The variable is exported in this shell with another value (never the value itself).
    shell_differs: bool,
}

impl Stored {
    /// The status line (`what` names the key: "the key for `gw`").
    pub fn say(&self, ctx: &Ctx, what: &str) {
        let (var, chars, path) = (&self.var, self.chars, display(ctx, &self.path));
        ctx.ui.status(&match self.changed {
            true => format!(
                "Stored {what} as {var} in {path} ({}, {}).",
                crate::redact::chars_count(chars),
                crate::platform::fs::PRIVATE
            ),
            false => format!("{var} in {path} already holds this key; nothing to change."),
        });
        // Codex loads `.env` over its environment (checked with Codex 0.169 and 0.171: the
        // `.env` value is the bearer token sent), so an exported value is shadowed, not used.
        if self.shell_differs {
            ctx.ui.note(&format!(
                "{var} is also exported in this shell with another value; Codex uses the one in {path} (it loads .env over the shell's variables)"
            ));
        }
    }
}

/// Reads a key (hidden prompt or stdin) and stores it as `var` in `$CODEX_HOME/.env`: the
/// code `key set` and the `add` wizard's "store the key now" share.
pub(crate) fn store(ctx: &Ctx, var: &str) -> anyhow::Result<Stored> {
    store_as(ctx, var, &format!("store {var} in .env"))
}

/// [`store`], recording the write as `command` for `undo` (which cannot restore it).
fn store_as(ctx: &Ctx, var: &str, command: &str) -> anyhow::Result<Stored> {
    let value = super::key_input::read_key(ctx, var)?;
    let quoted =
        dotenv_write::quote(&value).ok_or_else(|| UserError::usage("the key cannot be written on one line"))?;
    let session = crate::commands::written::begin(ctx, false)?;
    let path = ctx.codex_home.join(DOTENV);
    let old = read_dotenv(&path)?;
    let new = dotenv_write::set(old.as_deref().unwrap_or(""), var, &quoted);
    let changed = old.as_deref() != Some(new.as_str());
    if changed {
        write_dotenv(&path, &new)?;
        session.record_unbacked(command, &[&path])?;
    }
    crate::env::reload();
    let shell_differs = crate::env::process_var(var).is_some_and(|v| !v.trim().is_empty() && v != value);
    Ok(Stored { path, changed, var: var.to_string(), chars: value.chars().count(), shell_differs })
}

/// `key get ID`: the keychain's key on stdout, for Codex ([`super::key_keychain::get`]).
pub fn get(id: &str, reveal: bool, ctx: &Ctx) -> anyhow::Result<Exit> {
    super::key_keychain::get(ctx, id, reveal)
}

pub fn unset(id: &str, ctx: &Ctx) -> anyhow::Result<Exit> {
    if super::key_keychain::uses_keychain(ctx, id) {
        return super::key_keychain::unset(ctx, id);
    }
    let var = env_key_of(ctx, id)?;
    let path = ctx.codex_home.join(DOTENV);
    let session = crate::commands::written::begin(ctx, false)?;
    let new = read_dotenv(&path)?.and_then(|old| dotenv_write::unset(&old, &var));
    let changed = new.is_some();
    if let Some(new) = &new {
        write_dotenv(&path, new)?;
        session.record_unbacked(&format!("key unset {id}"), &[&path])?;
    }
    let change = KeyChange {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        env_key: var.clone(),
        file: path.clone(),
        action: "unset",
        changed,
    };
    let exit = output::emit(ctx, &change)?;
    ctx.ui.status(&match changed {
        true => format!("Removed {var} from {}.", display(ctx, &path)),
        false => format!("{} has no {var} line; nothing to change.", display(ctx, &path)),
    });
    if crate::env::process_var(&var).is_some_and(|v| !v.trim().is_empty()) {
        ctx.ui.note(&format!("{var} is still exported in this shell; Codex started from here uses that value"));
    }
    Ok(exit)
}
