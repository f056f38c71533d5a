//! `rename OLD NEW`: rename a provider table in every file that defines it (config.toml and
//! profile files, each in its own style) and every `model_provider` that selects it, as one
//! write (one `undo` entry restores all the files). A key in the OS keychain moves with the
//! provider: its entry is copied to the new id, `auth.command` runs `key get NEW`, and the old
//! entry is deleted once the files are written.

use std::path::PathBuf;

use serde::Serialize;

use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Diff};
use crate::commands::{display, load_config, load_profile};

use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

/// One file the rename touches, and what in it.
#[derive(Debug, Serialize)]
struct Touched {
    path: String,
    provider_table: bool,
    model_provider: bool,
    #[serde(skip)]
    label: String,
    #[serde(skip)]
    full_path: PathBuf,
}

#[derive(Debug, Serialize)]
pub struct Renamed {
    schema_version: SchemaVersion,
    old: String,
    new: String,
    dry_run: bool,
    changed: bool,
    files: Vec<Touched>,
    diffs: Vec<Diff>,
    /// Its key in the OS keychain now sits under the new id (`key set OLD --keychain`).
    keychain_key_moved: bool,
    #[serde(skip)]
    said: Messages,
}

impl Output for Renamed {
    fn human(&self, ctx: &Ctx) {
        if self.dry_run {
            for d in &self.diffs {
                ctx.ui.data(&d.diff);
            }
            if self.changed {
                ctx.ui.note("dry run: nothing was written");
            }
        }
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

pub fn run(old: &str, new: &str, dry_run: bool, ctx: &Ctx) -> anyhow::Result<Exit> {
    if ids::is_builtin(old) {
        return Err(UserError::usage(format!("`{old}` is a built-in provider and cannot be renamed"))
            .hint(format!("add a copy under another id with `codex-provider add {new} ...`"))
            .into());
    }
    ids::check_new_provider_id(new)?;
    let session = written::begin(ctx, dry_run)?;
    let mut files: Vec<(String, ConfigFile)> = vec![("config.toml".into(), load_config(ctx)?)];
    for name in crate::home::profile_names(&ctx.codex_home) {
        files.push((format!("{name}.config.toml"), load_profile(ctx, &name, true)?));
    }
    let mut defined = false;
    for (label, f) in &files {
        defined |= f.has_provider(old)?;
        if f.has_provider(new)? {
            return Err(UserError::refused(format!("provider `{new}` already exists in {label}"))
                .hint(format!("choose another id, or remove it first (`codex-provider remove {new}`)"))
                .into());
        }
    }
    if !defined {
        let base = files.swap_remove(0).1;
        let layers = Layers::new(&base, None);
        return Err(layers.unknown_provider(old).into());
    }
    // `key get OLD` in config.toml's table: the keychain entry follows the id.
    let keychain_cmd = super::key_keychain::keychain_command(&files[0].1, old);
    let mut touched = Vec::new();
    for (label, f) in &mut files {
        let (table, selector) = f.rename_provider(old, new)?;
        if table || selector {
            touched.push(Touched {
                path: display(ctx, &f.path),
                provider_table: table,
                model_provider: selector,
                label: label.clone(),
                full_path: f.path.clone(),
            });
        }
    }
    let mut said = Messages::default();
    let mut keychain_key_moved = false;
    if let Some(cmd) = &keychain_cmd {
        let args: Vec<String> = ["key", "get", new].map(String::from).into();
        files[0].1.set_auth_command(new, &cmd.command, &args)?;
        if !dry_run {
            keychain_key_moved = copy_keychain_key(old, new, &mut said)?;
        }
    }
    let ops: Vec<FileOp> = files.iter().filter_map(|(_, f)| FileOp::from_file(f)).collect();
    let w = match written::commit(&session, &format!("rename {old} {new}"), &ops) {
        Ok(w) => w,
        Err(e) => {
            // Nothing was written: the copy goes again, the old entry is still the key.
            if keychain_key_moved {
                let _ = crate::keychain::delete(new);
            }
            return Err(e);
        }
    };
    if keychain_key_moved {
        match crate::keychain::delete(old) {
            Ok(_) => {
                said.status(format!("Moved its key in {} from `{old}` to `{new}`.", crate::keychain::store_name()));
                // The backup holds the config, never the key.
                said.note(format!(
                    "`undo` goes back to `key get {old}`, whose entry is gone: then run `codex-provider key set {old} --keychain`"
                ));
            }
            Err(e) => said.warn(format!(
                "its key is now under `{new}`, and the old entry stays (service `{}`, account `{old}`): {e}",
                crate::keychain::SERVICE
            )),
        }
    }
    if !w.dry_run {
        crate::memo::rename(&ctx.codex_home, old, Some(new))?;
        let parts: Vec<String> = touched
            .iter()
            .map(|t| match (t.provider_table, t.model_provider) {
                (true, true) => format!("{} (table and model_provider)", t.label),
                (true, false) => format!("{} (table)", t.label),
                _ => format!("{} (model_provider)", t.label),
            })
            .collect();
        said.status(format!("Renamed provider `{old}` to `{new}` in {}.", parts.join(", ")));
    }
    debug_assert!(touched.iter().all(|t| w.files.contains(&t.full_path) || !w.changed));
    output::emit(
        ctx,
        &Renamed {
            schema_version: SchemaVersion,
            old: old.to_string(),
            new: new.to_string(),
            dry_run: w.dry_run,
            changed: w.changed,
            files: touched,
            diffs: w.diffs,
            keychain_key_moved,
            said,
        },
    )
}

/// Copies the keychain entry of `old` to `new` before the files say `key get NEW`; true when
/// there was one. An unreachable keychain refuses the rename (nothing was written); a missing
/// entry is said, since Codex had no key for the provider before either.
fn copy_keychain_key(old: &str, new: &str, said: &mut Messages) -> Result<bool, UserError> {
    let refused = |e: crate::keychain::Error| {
        UserError::refused(format!("cannot move the key of `{old}` in the OS keychain: {e}; nothing was changed"))
            .hint(format!("run this again where the keychain is reachable, or `codex-provider key unset {old}` first"))
    };
    match crate::keychain::get(old).map_err(refused)? {
        Some(key) => {
            crate::keychain::set(new, &key).map_err(refused)?;
            Ok(true)
        }
        None => {
            said.warn(format!(
                "{} holds no key for `{old}`: store one with `codex-provider key set {new} --keychain`",
                crate::keychain::store_name_capitalized()
            ));
            Ok(false)
        }
    }
}
