//! `key set ID --keychain`, `key get ID` and `key unset ID` for a provider whose key lives in
//! the OS keychain: the key goes to the keychain ([`crate::keychain`]), and the provider gets
//! `auth = { command = "<this binary>", args = ["key", "get", "ID"] }` in place of `env_key`
//! (Codex refuses both), so Codex asks us for the key and no file holds it. `key unset` takes
//! it out of the keychain and puts the remembered `env_key` back.

use std::io::IsTerminal;
use std::path::PathBuf;

use serde::Serialize;

use crate::auth_command::AuthCommand;
use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::{display, load_config, written};
use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::keychain;
use crate::store::FileOp;

/// What `key set --keychain` and a keychain `key unset` did (never the key).
#[derive(Debug, Serialize)]
struct KeychainChange {
    schema_version: SchemaVersion,
    provider: String,
    /// `"keychain"`: where the key is (was) kept.
    store: &'static str,
    /// `"set"` or `"unset"`.
    action: &'static str,
    /// Whether the keychain or config.toml changed.
    changed: bool,
    /// config.toml.
    file: PathBuf,
    /// The provider's `auth.command` and its args after the command (null after `unset`).
    auth_command: Option<Vec<String>>,
    /// After `set`: the env_key it replaced (remembered for `unset`); after `unset`: the
    /// env_key restored.
    env_key: Option<String>,
    #[serde(skip)]
    said: Messages,
}

/// Nothing for stdout: the status lines say what happened (stderr, in both modes).
impl Output for KeychainChange {
    fn human(&self, _ctx: &Ctx) {}

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

/// The key `key get` serves: never serialised (`key get` has no `--json`, and no document
/// may carry a key); the human rendering is the key alone on stdout, for Codex.
#[derive(Debug, Serialize)]
struct Served {
    #[serde(skip)]
    key: String,
}

impl Output for Served {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data_raw(format!("{}\n", self.key).as_bytes());
    }
}

/// The one-line refusal where no keychain is reachable.
fn unreachable(e: &keychain::Error, id: &str) -> UserError {
    UserError::refused(format!("{e}; store the key in $CODEX_HOME/.env instead: `codex-provider key set {id}`"))
}

/// config.toml with `id` as one of its own providers (built-ins have no table to edit).
fn config_with(ctx: &Ctx, id: &str) -> Result<ConfigFile, UserError> {
    let cfg = load_config(ctx)?;
    if cfg.has_provider(id)? {
        return Ok(cfg);
    }
    if ids::is_builtin(id) {
        return Err(UserError::usage(format!(
            "`{id}` is a built-in provider: Codex does not run an auth.command for it"
        )));
    }
    Err(Layers::new(&cfg, None).unknown_provider(id).into())
}

/// `key set ID --keychain`.
pub(crate) fn set(ctx: &Ctx, id: &str) -> anyhow::Result<Exit> {
    keychain::available().map_err(|e| unreachable(&e, id))?;
    let session = written::begin(ctx, false)?;
    let mut cfg = config_with(ctx, id)?;
    let view = Layers::new(&cfg, None).provider(id)?.ok_or_else(|| UserError::usage(format!("no provider `{id}`")))?;
    if let Some(f) =
        ["experimental_bearer_token", "requires_openai_auth"].into_iter().find(|f| view.fields.contains_key(*f))
    {
        return Err(UserError::refused(format!("provider `{id}` sets {f}, which Codex refuses next to auth.command"))
            .hint(format!("remove it first: `codex-provider unset {id} {f}`"))
            .into());
    }
    if let Some(other) = AuthCommand::of(&view).filter(|a| !a.is_keychain(id)) {
        return Err(UserError::refused(format!(
            "provider `{id}` already gets its key from its own auth.command (`{}`); not replacing it",
            crate::redact::mask_line(&other.shown())
        ))
        .hint(format!("remove it first: `codex-provider unset {id} auth`"))
        .into());
    }
    let previous = view.env_key().map(str::to_string);
    let value = super::key_input::read_key(ctx, &format!("`{id}`"))?;
    let had = keychain::get(id).map_err(|e| unreachable(&e, id))?;
    let stored_changed = had.as_deref() != Some(value.as_str());
    if stored_changed {
        keychain::set(id, &value).map_err(|e| unreachable(&e, id))?;
    }
    if let Some(var) = &previous {
        crate::memo::save_env_key(&ctx.codex_home, id, var)?;
    }
    let command = AuthCommand::keychain(id);
    cfg.set_auth_command(id, &command.command, &command.args)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let config_changed = written::commit(&session, &format!("key set {id} --keychain"), &ops)?.changed;
    let mut said = Messages::default();
    let chars = value.chars().count();
    said.status(match stored_changed {
        true => format!("Stored the key for `{id}` in {} ({chars} chars).", keychain::store_name()),
        false => format!("{} already holds this key for `{id}`.", keychain::store_name_capitalized()),
    });
    if config_changed {
        let removed = previous.as_deref().map(|v| format!("; env_key `{v}` removed")).unwrap_or_default();
        said.status(format!(
            "{}: `{id}` now gets its key from `{}` (auth.command){removed}.",
            display(ctx, &cfg.path),
            command.shown()
        ));
    }
    if let Some(var) = &previous
        && crate::env::load(&ctx.codex_home).contains_key(var)
    {
        said.note(format!(
            "{} still holds {var} in plain text; Codex no longer reads it for `{id}`: delete that line",
            display(ctx, &ctx.codex_home.join(".env"))
        ));
    }
    let change = KeychainChange {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        store: "keychain",
        action: "set",
        changed: stored_changed || config_changed,
        file: cfg.path.clone(),
        auth_command: Some(std::iter::once(command.command.clone()).chain(command.args.clone()).collect()),
        env_key: previous,
        said,
    };
    output::emit(ctx, &change)
}

/// `key get ID`: the key on stdout and nothing else; never on a terminal without `--reveal`.
pub(crate) fn get(ctx: &Ctx, id: &str, reveal: bool) -> anyhow::Result<Exit> {
    if std::io::stdout().is_terminal() && !reveal {
        return Err(UserError::refused(format!(
            "not printing the key for `{id}` to a terminal (Codex runs this command itself); pass --reveal to show it"
        ))
        .into());
    }
    let one_line = |e: keychain::Error| UserError::refused(format!("no key for `{id}`: {e}"));
    match keychain::get(id).map_err(one_line)? {
        Some(key) => output::emit(ctx, &Served { key }),
        None => Err(UserError::refused(format!(
            "no key for `{id}` in {}: store one with `codex-provider key set {id} --keychain`",
            keychain::store_name()
        ))
        .into()),
    }
}

/// Whether `key unset ID` is the keychain's: the provider's `auth.command` is ours.
pub(crate) fn uses_keychain(ctx: &Ctx, id: &str) -> bool {
    load_config(ctx).is_ok_and(|cfg| keychain_command(&cfg, id).is_some())
}

/// Provider `id`'s `auth.command` in `cfg` when it is ours (`codex-provider key get ID`): its
/// key lives in the OS keychain. `key unset`, `remove` and `rename` ask this.
pub(crate) fn keychain_command(cfg: &ConfigFile, id: &str) -> Option<AuthCommand> {
    let view = Layers::new(cfg, None).provider(id).ok().flatten()?;
    AuthCommand::of(&view).filter(|a| a.is_keychain(id))
}

/// `key unset ID` for a keychain provider: the entry deleted, `env_key` restored (the one it
/// had, else the default name for the id).
pub(crate) fn unset(ctx: &Ctx, id: &str) -> anyhow::Result<Exit> {
    let session = written::begin(ctx, false)?;
    let mut cfg = config_with(ctx, id)?;
    let var = crate::memo::read(&ctx.codex_home, id).env_key.unwrap_or_else(|| ids::default_env_key(id));
    let deleted = keychain::delete(id)
        .map_err(|e| UserError::refused(format!("{e}; nothing was changed (config.toml still runs `key get {id}`)")))?;
    cfg.restore_env_key(id, &var)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let config_changed = written::commit(&session, &format!("key unset {id}"), &ops)?.changed;
    let mut said = Messages::default();
    said.status(match deleted {
        true => format!("Removed the key for `{id}` from {}.", keychain::store_name()),
        false => format!("{} held no key for `{id}`.", keychain::store_name_capitalized()),
    });
    said.status(format!(
        "{}: `{id}` reads its key from {var} again (auth.command removed); set it with `codex-provider key set {id}` or export it.",
        display(ctx, &cfg.path)
    ));
    let change = KeychainChange {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        store: "keychain",
        action: "unset",
        changed: deleted || config_changed,
        file: cfg.path.clone(),
        auth_command: None,
        env_key: Some(var),
        said,
    };
    output::emit(ctx, &change)
}
