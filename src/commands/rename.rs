//! `rename OLD NEW`: rename a provider table in every file that defines it (config.toml and
//! profile files, each in its own style) and every `model_provider` that selects it, as one
//! write (one `undo` entry restores all the files).

use serde_json::json;

use crate::cli::RenameArgs;
use crate::commands::{display, load_config, load_profile, outcome};

use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

pub fn run(args: RenameArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let (old, new) = (args.old.as_str(), args.new.as_str());
    if ids::is_builtin(old) {
        return Err(UserError::usage(format!("`{old}` is a built-in provider and cannot be renamed"))
            .hint(format!("add a copy under another id with `codex-provider add {new} ...`"))
            .into());
    }
    ids::check_new_provider_id(new)?;
    let session = crate::commands::written::begin(ctx, args.write.dry_run)?;
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
    let mut report = Vec::new();
    for (label, f) in &mut files {
        let (table, selector) = f.rename_provider(old, new)?;
        if table || selector {
            report.push((label.clone(), display(ctx, &f.path), table, selector));
        }
    }
    let ops: Vec<FileOp> = files.iter().filter_map(|(_, f)| FileOp::from_file(f)).collect();
    outcome::commit(ctx, &session, args.json, &format!("rename {old} {new}"), &ops)?;
    if args.json {
        let files: Vec<_> = report
            .iter()
            .map(|(_, path, table, selector)| json!({ "path": path, "provider_table": table, "model_provider": selector }))
            .collect();
        let out = json!({
            "schema_version": 1,
            "old": old,
            "new": new,
            "dry_run": session.dry_run(),
            "files": files,
            "diffs": outcome::diffs(&session, &ops),
        });
        outcome::print(ctx, &out)?;
    }
    if session.dry_run() {
        return Ok(Exit::Ok);
    }
    let parts: Vec<String> = report
        .iter()
        .map(|(label, _, table, selector)| match (table, selector) {
            (true, true) => format!("{label} (table and model_provider)"),
            (true, false) => format!("{label} (table)"),
            _ => format!("{label} (model_provider)"),
        })
        .collect();
    ctx.ui.status(&format!("Renamed provider `{old}` to `{new}` in {}.", parts.join(", ")));
    Ok(Exit::Ok)
}
