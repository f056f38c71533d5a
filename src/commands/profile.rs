//! `profile list|show|remove|migrate`: profile files (`NAME.config.toml`, layered over
//! config.toml by `codex --profile NAME`) and the migration away from legacy `[profiles.x]`.

use std::io::IsTerminal;

use std::path::PathBuf;

use serde::Serialize;

use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::written;
use crate::commands::{display, load_config, load_profile};
use crate::config::{ConfigFile, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

/// One profile file, as `profile list` shows it.
#[derive(Debug, Serialize)]
struct ProfileRow {
    name: String,
    path: PathBuf,
    provider: Option<String>,
    model: Option<String>,
    /// Why the file does not parse, if it does not.
    error: Option<String>,
}

#[derive(Debug, Serialize)]
struct ProfileList {
    schema_version: SchemaVersion,
    profiles: Vec<ProfileRow>,
    legacy_profiles: Vec<String>,
}

impl Output for ProfileList {
    fn human(&self, ctx: &Ctx) {
        if self.profiles.is_empty() && self.legacy_profiles.is_empty() {
            ctx.ui.status("No profile files. Create one with `codex-provider use ID --profile NAME`.");
            return;
        }
        let mut t = vec![vec!["PROFILE".to_string(), "PROVIDER".into(), "MODEL".into(), "FILE".into()]];
        for r in &self.profiles {
            let file = match r.error {
                Some(_) => format!("{} (does not parse)", display(ctx, &r.path)),
                None => display(ctx, &r.path),
            };
            t.push(vec![
                r.name.clone(),
                r.provider.clone().unwrap_or("-".into()),
                r.model.clone().unwrap_or("-".into()),
                file,
            ]);
        }
        for n in &self.legacy_profiles {
            t.push(vec![
                n.clone(),
                "-".into(),
                "-".into(),
                "legacy [profiles] table: run `codex-provider profile migrate`".into(),
            ]);
        }
        ctx.ui.data(&crate::ui::table::lines(&t).join("\n"));
    }
}

pub fn list(ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut profiles = Vec::new();
    for name in crate::home::profile_names(&ctx.codex_home) {
        let path = ctx.profile_path(&name);
        let (sel, error) = match ConfigFile::load(&path) {
            Ok(f) => (f.selection(), None),
            Err(e) => (Default::default(), Some(e.to_string())),
        };
        profiles.push(ProfileRow { name, path, provider: sel.provider, model: sel.model, error });
    }
    let legacy_profiles = load_config(ctx).map(|c| c.legacy_profiles()).unwrap_or_default();
    output::emit(ctx, &ProfileList { schema_version: SchemaVersion, profiles, legacy_profiles })
}

/// One profile file and what it selects.
#[derive(Debug, Serialize)]
struct ProfileShown {
    schema_version: SchemaVersion,
    name: String,
    path: PathBuf,
    provider: Option<String>,
    model: Option<String>,
    providers_defined: Vec<String>,
    /// The file's text, masked (`-v`).
    #[serde(skip)]
    text: String,
}

impl Output for ProfileShown {
    fn human(&self, ctx: &Ctx) {
        let mut out = vec![
            format!("profile {} ({})", self.name, display(ctx, &self.path)),
            format!("  provider: {}", self.provider.as_deref().unwrap_or("- (from config.toml)")),
            format!("  model:    {}", self.model.as_deref().unwrap_or("- (from config.toml)")),
        ];
        if !self.providers_defined.is_empty() {
            out.push(format!("  defines:  {}", self.providers_defined.join(", ")));
        }
        out.push(format!("  use it:   codex --profile {}", self.name));
        if ctx.ui.verbose > 0 {
            out.push(String::new());
            out.push(self.text.clone());
        }
        ctx.ui.data(&out.join("\n"));
    }
}

pub fn show(name: &str, ctx: &Ctx) -> anyhow::Result<Exit> {
    let f = load_profile(ctx, name, true)?;
    let Selection { provider, model } = f.selection();
    let shown = ProfileShown {
        schema_version: SchemaVersion,
        name: name.to_string(),
        providers_defined: f.provider_ids()?,
        path: f.path.clone(),
        provider,
        model,
        text: crate::redact::mask_text(f.original()),
    };
    output::emit(ctx, &shown)
}

pub fn remove(name: &str, dry_run: bool, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = written::begin(ctx, dry_run)?;
    let f = load_profile(ctx, name, true)?;
    let op = FileOp::Delete { path: f.path.clone(), old: f.original().to_string() };
    written::commit(&session, &format!("profile remove {name}"), &[op])?.human(ctx);
    if !dry_run {
        ctx.ui.status(&format!(
            "Removed profile `{name}` ({}); `codex-provider undo` restores it.",
            display(ctx, &f.path)
        ));
    }
    Ok(Exit::Ok)
}

#[derive(Debug, Clone, Default)]
pub struct MigrateOptions {
    pub force: bool,
    pub keep_default: bool,
    pub dry_run: bool,
}

pub fn migrate(args: MigrateOptions, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = written::begin(ctx, args.dry_run)?;
    let mut cfg = load_config(ctx)?;
    let keep_default = args.keep_default || offer_default(ctx, &cfg, args.dry_run)?;
    let Some(m) = migration(ctx, &mut cfg, args.force, keep_default)? else {
        ctx.ui.status("No legacy profiles in config.toml; nothing to migrate.");
        return Ok(Exit::Ok);
    };
    let mut ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    ops.extend(m.files.iter().filter_map(FileOp::from_file));
    written::commit(&session, "profile migrate", &ops)?.human(ctx);
    if !args.dry_run {
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
            d.provider.as_deref().unwrap_or(crate::codex::provider::DEFAULT_PROVIDER),
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
