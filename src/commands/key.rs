//! `key set ID` / `key unset ID`: the one place a key is ever written, as the provider's
//! `env_key` line in `$CODEX_HOME/.env` (Codex loads that file, so GUI and IDE launches that
//! do not inherit shell variables still find the key). Mode 0600, atomic, no backup copy:
//! a backup would be a second copy of the secret that `undo` users do not expect.

use std::io::{IsTerminal, Read};
use std::path::Path;

use serde_json::json;

use crate::cli::KeyArgs;
use crate::commands::{display, load_layers};
use crate::config::dotenv_write;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store;

/// The file Codex reads variables from.
const DOTENV: &str = ".env";
/// A line longer than this on stdin is not a key (a pasted file, a binary).
const MAX_KEY_BYTES: usize = 16 << 10;

/// The provider's `env_key`, or why a key cannot be stored for it.
fn env_key_of(ctx: &Ctx, id: &str) -> Result<String, UserError> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let view = layers.provider(id)?.ok_or_else(|| layers.unknown_provider(id))?;
    let Some(var) = view.env_key().map(str::to_string) else {
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

/// The key: a hidden prompt on a terminal, else one line of stdin (trailing newline removed).
fn read_key(ctx: &Ctx, var: &str) -> anyhow::Result<String> {
    let value = if std::io::stdin().is_terminal() && !ctx.yes {
        crate::interrupt::on_ctrl_c_cancel();
        let r = dialoguer::Password::with_theme(&dialoguer::theme::ColorfulTheme::default())
            .with_prompt(format!("Key for {var} (input hidden)"))
            .allow_empty_password(true)
            .interact();
        crate::interrupt::restore();
        r.map_err(|e| UserError::refused(format!("prompt failed: {e}; nothing was written")))?
    } else {
        let mut buf = Vec::new();
        std::io::stdin().take(MAX_KEY_BYTES as u64 + 1).read_to_end(&mut buf)?;
        if buf.len() > MAX_KEY_BYTES {
            return Err(UserError::usage("stdin holds more than 16 KiB; expected one line with the key").into());
        }
        let text = String::from_utf8(buf).map_err(|_| UserError::usage("the key on stdin is not UTF-8"))?;
        let line = text.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&text);
        if line.contains('\n') {
            return Err(UserError::usage("stdin holds more than one line; expected only the key")
                .hint(format!("printf %s \"$KEY\" | codex-provider key set ID  (the value goes to {var})"))
                .into());
        }
        line.to_string()
    };
    if value.trim().is_empty() {
        return Err(UserError::usage("the key is empty; nothing was written")
            .hint("type or pipe the key itself (an empty value would count as unset for Codex)")
            .into());
    }
    if value.trim() != value || value.chars().any(char::is_control) {
        return Err(UserError::usage(
            "the key has leading/trailing spaces or control characters (not shown); nothing was written",
        )
        .hint("paste only the key")
        .into());
    }
    Ok(value)
}

/// Writes `.env` atomically with mode 0600. An existing file is tightened to 0600 first, so
/// the key is never readable by others, not even between chmod and rename.
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
            Err(UserError::refused(format!("cannot read {}: {}", path.display(), crate::config::file::io_reason(&e)))
                .into())
        }
    }
}

fn report(ctx: &Ctx, json: bool, id: &str, var: &str, path: &Path, action: &str, changed: bool) -> anyhow::Result<()> {
    if json {
        let out = json!({
            "schema_version": 1,
            "provider": id,
            "env_key": var,
            "file": path,
            "action": action,
            "changed": changed,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
    }
    Ok(())
}

pub fn set(args: KeyArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let var = env_key_of(ctx, &args.id)?;
    let stored = store(ctx, &var)?;
    report(ctx, args.json, &args.id, &var, &stored.path, "set", stored.changed)?;
    stored.say(ctx, &format!("the key for `{}`", args.id));
    Ok(Exit::Ok)
}

/// What [`store`] did: the file, whether it changed, the key's length (never the key).
pub(crate) struct Stored {
    pub path: std::path::PathBuf,
    pub changed: bool,
    var: String,
    chars: usize,
}

impl Stored {
    /// The status line (`what` names the key: "the key for `gw`").
    pub fn say(&self, ctx: &Ctx, what: &str) {
        let (var, chars, path) = (&self.var, self.chars, display(ctx, &self.path));
        ctx.ui.status(&match self.changed {
            true => format!("Stored {what} as {var} in {path} ({chars} chars, {}).", crate::platform::fs::PRIVATE),
            false => format!("{var} in {path} already holds this key; nothing to change."),
        });
        if std::env::var(var).is_ok_and(|v| !v.trim().is_empty()) {
            ctx.ui.note(&format!("{var} is also set in this shell; Codex started from here sees that value too"));
        }
    }
}

/// Reads a key (hidden prompt or stdin) and stores it as `var` in `$CODEX_HOME/.env`: the
/// code `key set` and the `add` wizard's "store the key now" share.
pub(crate) fn store(ctx: &Ctx, var: &str) -> anyhow::Result<Stored> {
    let value = read_key(ctx, var)?;
    let quoted =
        dotenv_write::quote(&value).ok_or_else(|| UserError::usage("the key cannot be written on one line"))?;
    let _session = crate::commands::written::begin(ctx, false)?;
    let path = ctx.codex_home.join(DOTENV);
    let old = read_dotenv(&path)?;
    let new = dotenv_write::set(old.as_deref().unwrap_or(""), var, &quoted);
    let changed = old.as_deref() != Some(new.as_str());
    if changed {
        write_dotenv(&path, &new)?;
    }
    crate::env::reload();
    Ok(Stored { path, changed, var: var.to_string(), chars: value.chars().count() })
}

pub fn unset(args: KeyArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let var = env_key_of(ctx, &args.id)?;
    let path = ctx.codex_home.join(DOTENV);
    let _session = crate::commands::written::begin(ctx, false)?;
    let new = read_dotenv(&path)?.and_then(|old| dotenv_write::unset(&old, &var));
    let changed = new.is_some();
    if let Some(new) = &new {
        write_dotenv(&path, new)?;
    }
    report(ctx, args.json, &args.id, &var, &path, "unset", changed)?;
    ctx.ui.status(&match changed {
        true => format!("Removed {var} from {}.", display(ctx, &path)),
        false => format!("{} has no {var} line; nothing to change.", display(ctx, &path)),
    });
    Ok(Exit::Ok)
}
