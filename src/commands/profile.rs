//! `profile list|show|remove|migrate`: profile files (`NAME.config.toml`, layered over
//! config.toml by `codex --profile NAME`) and the migration away from legacy `[profiles.x]`.

use serde_json::json;

use crate::cli::{JsonArgs, MigrateArgs, ProfileNameArgs, ProfileRemoveArgs};
use crate::commands::{display, load_config, load_profile};
use crate::complete::profile_file_names;
use crate::config::{ConfigFile, MODEL, MODEL_PROVIDER, edit, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

fn summary(f: &ConfigFile) -> (Option<String>, Option<String>) {
    (edit::root_str(&f.doc, MODEL_PROVIDER).map(str::to_string), edit::root_str(&f.doc, MODEL).map(str::to_string))
}

pub fn list(args: JsonArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut rows = Vec::new();
    for n in profile_file_names(&ctx.codex_home) {
        let path = ctx.profile_path(&n);
        let (p, m, err) = match ConfigFile::load(&path) {
            Ok(f) => {
                let (p, m) = summary(&f);
                (p, m, None)
            }
            Err(e) => (None, None, Some(e.message)),
        };
        rows.push((n, path, p, m, err));
    }
    let legacy = load_config(ctx).map(|c| edit::legacy_profiles(&c.doc)).unwrap_or_default();
    if args.json {
        let out = json!({
            "schema_version": 1,
            "profiles": rows.iter().map(|(n, path, p, m, e)| json!({"name": n, "path": path, "provider": p, "model": m, "error": e})).collect::<Vec<_>>(),
            "legacy_profiles": legacy,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }
    if rows.is_empty() && legacy.is_empty() {
        ctx.ui.status("No profile files. Create one with `codex-provider use ID --profile NAME`.");
        return Ok(Exit::Ok);
    }
    let mut t = vec![vec!["PROFILE".to_string(), "PROVIDER".into(), "MODEL".into(), "FILE".into()]];
    for (n, path, p, m, e) in &rows {
        let file = match e {
            Some(_) => format!("{} (does not parse)", display(ctx, path)),
            None => display(ctx, path),
        };
        t.push(vec![n.clone(), p.clone().unwrap_or("-".into()), m.clone().unwrap_or("-".into()), file]);
    }
    for n in &legacy {
        t.push(vec![
            n.clone(),
            "-".into(),
            "-".into(),
            "legacy [profiles] table: run `codex-provider profile migrate`".into(),
        ]);
    }
    ctx.ui.data(&crate::ui::table::lines(&t).join("\n"));
    Ok(Exit::Ok)
}

pub fn show(args: ProfileNameArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let f = load_profile(ctx, &args.name, true)?;
    let (p, m) = summary(&f);
    let defined = edit::provider_ids(&f.doc)?;
    if args.json {
        let out = json!({
            "schema_version": 1, "name": args.name, "path": f.path, "provider": p, "model": m,
            "providers_defined": defined,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }
    let mut out = vec![
        format!("profile {} ({})", args.name, display(ctx, &f.path)),
        format!("  provider: {}", p.as_deref().unwrap_or("- (from config.toml)")),
        format!("  model:    {}", m.as_deref().unwrap_or("- (from config.toml)")),
    ];
    if !defined.is_empty() {
        out.push(format!("  defines:  {}", defined.join(", ")));
    }
    out.push(format!("  use it:   codex --profile {}", args.name));
    if ctx.ui.verbose > 0 {
        out.push(String::new());
        out.push(crate::redact::mask_text(f.original()));
    }
    ctx.ui.data(&out.join("\n"));
    Ok(Exit::Ok)
}

pub fn remove(args: ProfileRemoveArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, args.write.dry_run)?;
    let f = load_profile(ctx, &args.name, true)?;
    let op = FileOp::Delete { path: f.path.clone(), old: f.original().to_string() };
    crate::commands::written::commit(ctx, &session, &format!("profile remove {}", args.name), &[op])?;
    if !args.write.dry_run {
        ctx.ui.status(&format!(
            "Removed profile `{}` ({}); `codex-provider undo` restores it.",
            args.name,
            display(ctx, &f.path)
        ));
    }
    Ok(Exit::Ok)
}

/// Moves the items of a legacy profile table to the top level of a profile document.
fn move_items(src: &toml_edit::Item, dst: &mut toml_edit::DocumentMut) -> usize {
    let mut n = 0;
    let root = dst.as_table_mut();
    match src {
        toml_edit::Item::Table(t) => {
            for (k, item) in t.iter() {
                let key = t.key(k).cloned().unwrap_or_else(|| toml_edit::Key::new(k));
                root.insert_formatted(&key, item.clone());
                n += 1;
            }
        }
        toml_edit::Item::Value(toml_edit::Value::InlineTable(t)) => {
            for (k, v) in t.iter() {
                let mut v = v.clone();
                v.decor_mut().clear();
                root.insert(k, toml_edit::Item::Value(v));
                n += 1;
            }
        }
        _ => {}
    }
    n
}

pub fn migrate(args: MigrateArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, args.write.dry_run)?;
    let mut cfg = load_config(ctx)?;
    let names = edit::legacy_profiles(&cfg.doc);
    let selector = edit::legacy_profile_selector(&cfg.doc).map(str::to_string);
    if names.is_empty() && selector.is_none() {
        ctx.ui.status("No legacy profiles in config.toml; nothing to migrate.");
        return Ok(Exit::Ok);
    }
    for n in &names {
        ids::check_profile_name(n).map_err(|e| {
            UserError::usage(format!(
                "cannot migrate [profiles.\"{n}\"]: `codex --profile` accepts only letters, digits, `-` and `_`"
            ))
            .hint(format!("rename the table to a plain name first ({})", e.hint.unwrap_or_default()))
        })?;
    }
    let mut files = Vec::new();
    let mut report = Vec::new();
    for n in &names {
        let item = cfg.doc[crate::config::PROFILES][n.as_str()].clone();
        let mut pf = load_profile(ctx, n, false)?;
        if pf.existed {
            let clashes: Vec<String> = item
                .as_table_like()
                .map(|t| t.iter().map(|(k, _)| k.to_string()).filter(|k| pf.doc.contains_key(k)).collect())
                .unwrap_or_default();
            if !clashes.is_empty() && !args.force {
                return Err(UserError::refused(format!(
                    "{} already exists and sets {}",
                    display(ctx, &pf.path),
                    clashes.join(", ")
                ))
                .hint("pass --force to overwrite those keys with the legacy table's values")
                .into());
            }
        }
        let moved = if pf.existed {
            move_items(&item, &mut pf.doc)
        } else {
            let mut doc = toml_edit::DocumentMut::new();
            let moved = move_items(&item, &mut doc);
            let comments = item
                .as_table()
                .map(|t| t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").trim().to_string())
                .unwrap_or_default();
            let mut text = format!(
                "# Profile `{n}`, migrated from [profiles.{n}] in config.toml by codex-provider.\n# Use it with: codex --profile {n}\n"
            );
            if !comments.is_empty() {
                text.push_str(&comments);
                text.push('\n');
            }
            text.push('\n');
            text.push_str(doc.to_string().trim_start_matches('\n'));
            pf.doc = text.parse().map_err(|e| anyhow::anyhow!("internal: migrated profile does not parse: {e}"))?;
            moved
        };
        report.push((n.clone(), pf.path.clone(), moved));
        files.push(pf);
    }
    // Remove the legacy parts from config.toml.
    if let Some(profiles) = cfg.doc.get_mut(crate::config::PROFILES).and_then(|i| i.as_table_like_mut()) {
        for n in &names {
            profiles.remove(n);
        }
        if profiles.is_empty() {
            cfg.doc.remove(crate::config::PROFILES);
        }
    }
    if selector.is_some() {
        edit::remove_root(&mut cfg.doc, crate::config::PROFILE);
    }
    let mut ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    ops.extend(files.iter().filter_map(FileOp::from_file));
    crate::commands::written::commit(ctx, &session, "profile migrate", &ops)?;
    if args.write.dry_run {
        return Ok(Exit::Ok);
    }
    for (n, path, moved) in &report {
        ctx.ui.status(&format!(
            "Migrated [profiles.{n}] to {} ({moved} keys). Run `codex --profile {n}`.",
            display(ctx, path)
        ));
    }
    if let Some(sel) = selector {
        ctx.ui
            .status(&format!("Removed `profile = \"{sel}\"` from config.toml: Codex has no default profile any more."));
        ctx.ui.hint(&format!("run `codex --profile {sel}`, or `codex-provider use --profile {sel}` to make its provider and model the default"));
    }
    Ok(Exit::Ok)
}
