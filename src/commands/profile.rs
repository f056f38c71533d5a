//! `profile list|show|remove|migrate`: profile files (`NAME.config.toml`, layered over
//! config.toml by `codex --profile NAME`) and the migration away from legacy `[profiles.x]`.

use std::io::IsTerminal;

use serde_json::json;

use crate::cli::{JsonArgs, MigrateArgs, ProfileNameArgs, ProfileRemoveArgs};
use crate::commands::{display, load_config, load_profile};
use crate::config::{ConfigFile, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

pub fn list(args: JsonArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut rows = Vec::new();
    for n in crate::home::profile_names(&ctx.codex_home) {
        let path = ctx.profile_path(&n);
        let (sel, err) = match ConfigFile::load(&path) {
            Ok(f) => (f.selection(), None),
            Err(e) => (Default::default(), Some(e.to_string())),
        };
        rows.push((n, path, sel.provider, sel.model, err));
    }
    let legacy = load_config(ctx).map(|c| c.legacy_profiles()).unwrap_or_default();
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
    let Selection { provider: p, model: m } = f.selection();
    let defined = f.provider_ids()?;
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

pub fn migrate(args: MigrateArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, args.write.dry_run)?;
    let mut cfg = load_config(ctx)?;
    let keep_default = args.keep_default || offer_default(ctx, &cfg, args.write.dry_run)?;
    let Some(m) = migration(ctx, &mut cfg, args.force, keep_default)? else {
        ctx.ui.status("No legacy profiles in config.toml; nothing to migrate.");
        return Ok(Exit::Ok);
    };
    let mut ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    ops.extend(m.files.iter().filter_map(FileOp::from_file));
    crate::commands::written::commit(ctx, &session, "profile migrate", &ops)?;
    if !args.write.dry_run {
        report(ctx, &m);
    }
    Ok(Exit::Ok)
}

/// On a terminal, with a legacy `profile = "x"` and no `--keep-default`: asks whether x's
/// provider and model become the default (else plain `codex` silently goes to openai).
fn offer_default(ctx: &Ctx, cfg: &ConfigFile, dry: bool) -> anyhow::Result<bool> {
    let Some(sel) = cfg.legacy_profile_selector() else { return Ok(false) };
    let can_ask = !ctx.yes && !dry && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !can_ask {
        return Ok(false);
    }
    crate::ui::prompt::confirm(&format!("Make profile `{sel}`'s provider and model the default?"), true)
}

/// What the legacy-profile migration did: the profile files it writes, the keys it moved
/// and the `profile = "x"` it removed (with the selection made the default, if any).
pub struct Migration {
    pub files: Vec<ConfigFile>,
    moved: Vec<(String, std::path::PathBuf, usize)>,
    selector: Option<String>,
    default: Option<Selection>,
}

/// The migration away from legacy profiles, on `cfg` (edited in place): each
/// `[profiles.NAME]` moves to `NAME.config.toml` and `profile = "x"` is removed; with
/// `keep_default`, x's provider and model become the top-level default. None when there is
/// nothing to migrate. `profile migrate` and `doctor --fix` both run it.
pub fn migration(
    ctx: &Ctx,
    cfg: &mut ConfigFile,
    force: bool,
    keep_default: bool,
) -> anyhow::Result<Option<Migration>> {
    let names = cfg.legacy_profiles();
    let selector = cfg.legacy_profile_selector().map(str::to_string);
    if names.is_empty() && selector.is_none() {
        return Ok(None);
    }
    for n in &names {
        ids::check_profile_name(n).map_err(|e| {
            UserError::usage(format!(
                "cannot migrate [profiles.\"{n}\"]: `codex --profile` accepts only letters, digits, `-` and `_`"
            ))
            .hint(format!("rename the table to a plain name first ({})", UserError::from(e).hint.unwrap_or_default()))
        })?;
    }
    let mut files = Vec::new();
    let mut moved = Vec::new();
    for n in &names {
        let legacy = cfg.take_legacy_profile(n).expect("listed by legacy_profiles");
        let mut pf = load_profile(ctx, n, false)?;
        if pf.existed {
            let clashes: Vec<String> = legacy.keys().into_iter().filter(|k| pf.has_root_key(k)).collect();
            if !clashes.is_empty() && !force {
                return Err(UserError::refused(format!(
                    "{} already exists and sets {}",
                    display(ctx, &pf.path),
                    clashes.join(", ")
                ))
                .hint("pass --force to overwrite those keys with the legacy table's values")
                .into());
            }
        }
        let n_moved = pf.adopt_legacy_profile(n, &legacy)?;
        moved.push((n.clone(), pf.path.clone(), n_moved));
        files.push(pf);
    }
    let mut default = None;
    if let Some(sel) = &selector {
        cfg.remove_legacy_profile_selector();
        if keep_default {
            let picked = match files.iter().zip(&names).find(|(_, n)| *n == sel) {
                Some((pf, _)) => pf.selection(),
                None => load_profile(ctx, sel, false)?.selection(),
            };
            let now = cfg.selection();
            let after = Selection { provider: picked.provider.or(now.provider), model: picked.model.or(now.model) };
            cfg.set_selection(&after)?;
            default = Some(after);
        }
    }
    Ok(Some(Migration { files, moved, selector, default }))
}

/// Says what `migration` did (after it was written).
pub fn report(ctx: &Ctx, m: &Migration) {
    for (n, path, moved) in &m.moved {
        ctx.ui.status(&format!(
            "Migrated [profiles.{n}] to {} ({moved} keys). Run `codex --profile {n}`.",
            display(ctx, path)
        ));
    }
    let Some(sel) = &m.selector else { return };
    match &m.default {
        Some(d) => ctx.ui.status(&format!(
            "Removed `profile = \"{sel}\"` from config.toml and made its selection the default: provider `{}`, model `{}`.",
            d.provider.as_deref().unwrap_or("openai"),
            d.model.as_deref().unwrap_or("(Codex's default)")
        )),
        None => {
            ctx.ui.status(&format!(
                "Removed `profile = \"{sel}\"` from config.toml: Codex has no default profile any more."
            ));
            ctx.ui.hint(&format!("run `codex --profile {sel}`, or `codex-provider use --profile {sel}` to make its provider and model the default"));
        }
    }
}
