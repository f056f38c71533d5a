//! `rename OLD NEW`: rename a provider table in every file that defines it (config.toml and
//! profile files, each in its own style) and every `model_provider` that selects it, as one
//! write (one `undo` entry restores all the files).

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
    let ops: Vec<FileOp> = files.iter().filter_map(|(_, f)| FileOp::from_file(f)).collect();
    let w = written::commit(&session, &format!("rename {old} {new}"), &ops)?;
    let mut said = Messages::default();
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
            said,
        },
    )
}
