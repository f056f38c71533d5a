//! `catalog [ID]`: write `$CODEX_HOME/codex-provider-models.json` (the installed Codex's
//! bundled entries plus one per model of the provider's `/models`) and point
//! `model_catalog_json` at it, so Codex stops printing "Model metadata for `X` not found"
//! and uses the endpoint's context window. One transaction: both files backed up, `undo`
//! restores both. `--dry-run` prints the config diff and a summary of the catalog (its
//! diff would be the whole ~1 MB bundled catalog).

use std::time::Duration;

use serde::Serialize;

use crate::catalog::{self, Built};
use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::written::{self, Diff, Written};
use crate::commands::{display, load_config};
use crate::config::Layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::probe::Target;
use crate::store::FileOp;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The provider [default: the active one].
    pub id: Option<String>,
    pub timeout: Duration,
    pub dry_run: bool,
}

#[derive(Serialize)]
struct Added {
    slug: String,
    context_window: Option<u64>,
    /// `endpoint` when `/models` said it, `template` when copied from the bundled entry.
    context_source: &'static str,
    modelled_on: String,
}

#[derive(Serialize)]
struct Cataloged {
    schema_version: SchemaVersion,
    provider: String,
    path: String,
    dry_run: bool,
    changed: bool,
    bundled: usize,
    kept: usize,
    added: Vec<Added>,
    skipped: Vec<String>,
    /// With `--dry-run`: `[{path, diff}]` of config.toml (the catalog file's diff would be the
    /// whole bundled catalog), else `[]`.
    diffs: Vec<Diff>,
    #[serde(skip)]
    summary: String,
    #[serde(skip)]
    written: Written,
}

impl Output for Cataloged {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data(&self.summary);
        self.written.human(ctx);
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let dry_run = args.dry_run;
    let session = written::begin(ctx, dry_run)?;
    let mut cfg = load_config(ctx)?;
    let layers = Layers::new(&cfg, None);
    let sel = layers.selection();
    let id = args.id.clone().unwrap_or(sel.provider.clone());
    let Some(view) = layers.provider(&id)? else {
        return Err(layers.unknown_provider(&id).into());
    };
    let bin =
        crate::codex_cli::required("catalog needs the installed Codex (its bundled model entries are copied in)")?;
    let bundled = catalog::bundled_from_codex(&bin).map_err(|e| {
        UserError::refused(e).hint("set CODEX_BIN to the codex binary, or install it: npm install -g @openai/codex")
    })?;
    let target = Target::from_provider(&view, None, &ctx.codex_home);
    let timeout = args.timeout;
    let opts = crate::probe::Options { timeout, connect_timeout: timeout.min(Duration::from_secs(5)), deep: false };
    let body = crate::probe::fetch_models(&target, &opts).map_err(|e| {
        UserError::refused(format!("cannot list the models of `{id}`: {e}"))
            .hint(format!("`codex-provider probe {id}` says what is wrong; the files were not changed"))
    })?;
    let models = catalog::endpoint_models(&body);
    if models.is_empty() {
        return Err(UserError::refused(format!("`{id}`'s /models lists no models; the files were not changed")).into());
    }
    let path = ctx.codex_home.join(catalog::FILE_NAME);
    let path = std::path::absolute(&path).unwrap_or(path);
    let old_text = std::fs::read_to_string(&path).ok();
    let mut old = old_text.as_deref().map(catalog::old_entries).unwrap_or_default();
    // A catalog the user pointed Codex at by hand: its entries are kept (ours replaces it).
    if let Some(p) = cfg.model_catalog_json().map(|p| ctx.codex_home.join(p))
        && p != path
        && let Ok(t) = std::fs::read_to_string(&p)
    {
        old.extend(catalog::old_entries(&t));
    }
    let built = catalog::build(&bundled, &old, &id, &models);
    let text = serde_json::to_string_pretty(&built.catalog)? + "\n";
    cfg.set_model_catalog_json(&path.to_string_lossy())?;
    let file_op = (old_text.as_deref() != Some(text.as_str())).then(|| FileOp::Write {
        path: path.clone(),
        old: old_text.clone(),
        new: text,
    });
    let config_op = FileOp::from_file(&cfg);
    let changed = file_op.is_some() || config_op.is_some();
    let ops: Vec<FileOp> =
        if dry_run { config_op.into_iter().collect() } else { file_op.into_iter().chain(config_op).collect() };
    let summary = summary(&built, &id, &display(ctx, &path), changed);
    let written = written::commit(&session, &format!("catalog {id}"), &ops)?;
    let added = built
        .added
        .iter()
        .map(|(slug, context_window, from_endpoint, t)| Added {
            slug: slug.to_string(),
            context_window: *context_window,
            context_source: if *from_endpoint { "endpoint" } else { "template" },
            modelled_on: t.to_string(),
        })
        .collect();
    output::emit(
        ctx,
        &Cataloged {
            schema_version: SchemaVersion,
            provider: id,
            path: path.display().to_string(),
            dry_run,
            changed,
            bundled: built.bundled,
            kept: built.kept,
            added,
            skipped: built.skipped.clone(),
            diffs: written.diffs.clone(),
            summary,
            written,
        },
    )
}

fn summary(b: &Built, id: &str, shown: &str, changed: bool) -> String {
    let mut s = format!(
        "{shown}: {} bundled entries, {} from `{id}`{}{}\n",
        b.bundled,
        b.added.len(),
        if b.kept > 0 { format!(", {} kept from before", b.kept) } else { String::new() },
        if changed { "" } else { " (unchanged)" },
    );
    let width = b.added.iter().map(|a| a.0.len()).max().unwrap_or(0);
    for (slug, ctx, from_endpoint, t) in &b.added {
        let ctx = match ctx {
            Some(n) => format!("context {n}{}", if *from_endpoint { "" } else { " (the template's)" }),
            None => "context unknown".into(),
        };
        s.push_str(&format!("  {slug:width$}  {ctx}, modelled on {t}\n"));
    }
    for slug in &b.skipped {
        s.push_str(&format!("  {slug:width$}  already in the catalog (kept as is)\n"));
    }
    s
}
