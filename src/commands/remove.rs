//! `remove ID [--json]`: delete a provider; refuse when it is the default or a profile selects it.
//! A provider's bridge goes with it: its relay is stopped and its record forgotten; and so does
//! its key in the OS keychain (`key set ID --keychain`): nothing would ever read it again.

use serde::Serialize;

use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Written};
use crate::commands::{display, load_config};
use crate::config::{ConfigFile, Layers, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: String,
    /// Remove even when it is the default or a profile selects it.
    pub force: bool,
    pub dry_run: bool,
}

#[derive(Debug, Serialize)]
struct Removed {
    schema_version: SchemaVersion,
    provider: String,
    /// Always `removed`.
    change: &'static str,
    default_cleared: bool,
    profiles_still_selecting: Vec<String>,
    /// The provider's bridge, stopped and forgotten (null: it had none).
    bridge: Option<RemovedBridge>,
    /// Its key was deleted from the OS keychain (it read it with `key get ID`).
    keychain_key_deleted: bool,
    #[serde(flatten)]
    written: Written,
    #[serde(skip)]
    said: Messages,
}

#[derive(Debug, Serialize)]
struct RemovedBridge {
    port: u16,
    upstream: String,
    /// The relay process ended (null: it was not running).
    stopped_pid: Option<u32>,
}

impl Output for Removed {
    fn human(&self, ctx: &Ctx) {
        self.written.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let id = args.id.as_str();
    let session = written::begin(ctx, args.dry_run)?;
    let mut cfg = load_config(ctx)?;
    if cfg.provider(id)?.is_none() {
        if ids::is_builtin(id) {
            return Err(UserError::usage(format!("`{id}` is a built-in provider and cannot be removed"))
                .hint("switch away from it with `codex-provider use ID`")
                .into());
        }
        return Err(Layers::new(&cfg, None).unknown_provider(id).into());
    }
    // Its key in the OS keychain: only when the provider runs our `key get ID` for it.
    let keychain_auth = super::key_keychain::keychain_command(&cfg, id).is_some();
    let selects = |f: &ConfigFile| f.selection().provider.as_deref() == Some(id);
    let is_default = selects(&cfg);
    let users: Vec<String> = crate::home::profile_names(&ctx.codex_home)
        .into_iter()
        .filter(|n| ConfigFile::load(&ctx.profile_path(n)).is_ok_and(|f| selects(&f)))
        .collect();
    if (is_default || !users.is_empty()) && !args.force {
        let mut why = Vec::new();
        if is_default {
            why.push("it is the default provider".to_string());
        }
        if !users.is_empty() {
            why.push(profiles_select(&users));
        }
        return Err(UserError::refused(format!("not removing `{id}`: {}", why.join(" and ")))
            .hint(match (is_default, users.first()) {
                (false, Some(n)) => {
                    format!("point it elsewhere first with `codex-provider use OTHER --profile {n}`, or pass --force")
                }
                _ => "switch first with `codex-provider use OTHER`, or pass --force".to_string(),
            })
            .into());
    }
    cfg.remove_provider(id)?;
    if is_default {
        cfg.set_selection(&Selection { provider: None, ..cfg.selection() })?;
    }
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let written = written::commit(&session, &format!("remove {id}"), &ops)?;
    let mut said = Messages::default();
    let mut bridge = None;
    let mut keychain_key_deleted = false;
    if !written.dry_run {
        crate::memo::rename(&ctx.codex_home, id, None)?;
        said.status(format!("Removed provider `{id}` from {}.", display(ctx, &cfg.path)));
        match crate::bridge::forget(&ctx.codex_home, id) {
            Ok(Some(h)) => {
                if let Some(pid) = h.stopped_pid {
                    said.status(format!("Stopped its bridge (pid {pid}, port {}).", h.record.port));
                }
                bridge = Some(RemovedBridge {
                    port: h.record.port,
                    upstream: h.record.upstream,
                    stopped_pid: h.stopped_pid,
                });
            }
            Ok(None) => {}
            // The provider is gone either way; say what is left running.
            Err(e) => said.warn(format!("its bridge was not stopped: {e}")),
        }
        if keychain_auth {
            match crate::keychain::delete(id) {
                Ok(true) => {
                    keychain_key_deleted = true;
                    said.status(format!("Deleted its key from {}.", crate::keychain::store_name()));
                    // The backup holds the config, never the key.
                    said.note(format!(
                        "`undo` brings the provider back without its key: then run `codex-provider key set {id} --keychain`"
                    ));
                }
                Ok(false) => {}
                // The provider is gone either way; say where the key still is.
                Err(e) => said.warn(format!(
                    "its key stays in the OS keychain (service `{}`, account `{id}`): {e}",
                    crate::keychain::SERVICE
                )),
            }
        }
        if is_default {
            said.warn(
                "it was the default: model_provider was removed, so Codex falls back to the built-in openai provider",
            );
        }
        for n in &users {
            said.warn(format!("profile `{n}` still selects `{id}`: `codex --profile {n}` will fail until you run `codex-provider use OTHER --profile {n}`"));
        }
    }
    output::emit(
        ctx,
        &Removed {
            schema_version: SchemaVersion,
            provider: id.to_string(),
            change: "removed",
            default_cleared: is_default,
            profiles_still_selecting: users,
            bridge,
            keychain_key_deleted,
            written,
            said,
        },
    )
}

/// "profile `a` selects it", "profiles `a` and `b` select it", "profiles `a`, `b` and `c` ...".
fn profiles_select(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => format!("profile {one} selects it"),
        [rest @ .., last] => format!("profiles {} and {last} select it", rest.join(", ")),
        [] => String::new(),
    }
}
