//! `apply -f FILE`: make config.toml's providers match a team file. Providers are added or
//! updated in place (fields the file names are set, every other byte kept), the new and
//! changed ones probed concurrently before anything is written, and with `--prune` the
//! providers the file lacks are removed unless something selects them. Idempotent: a second
//! run finds nothing to change and does not touch the file.

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Diff};
use crate::commands::{display, load_config};

use crate::config::Change;
use crate::config::fields::{Fields, parse_field};
use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};
use crate::ctx::Ctx;
use crate::endpoint::normalize_base_url;
use crate::error::{Exit, UserError};
use crate::probe;
use crate::store::FileOp;

/// The providers of the file (TOML like `export` writes, or `export --json`), validated:
/// known fields, writable ids, valid URLs, and no key value anywhere (refused unechoed).
/// A providers file: each provider's fields, and the models it names (`[provider_models]`,
/// or `models` in the JSON form).
struct TeamFile {
    providers: Vec<(String, Fields)>,
    models: Vec<(String, String)>,
}

fn read_providers(args: &Options) -> Result<TeamFile, UserError> {
    let path = &args.file;
    let text = std::fs::read_to_string(path).map_err(|e| {
        UserError::usage(format!("{}: cannot read: {}", path.display(), crate::config::file::io_reason(&e)))
    })?;
    let TeamFile { providers, models } = match serde_json::from_str::<Value>(&text) {
        Ok(v) => {
            let providers = v
                .get("providers")
                .and_then(Value::as_object)
                .ok_or_else(|| UserError::usage(format!("{}: JSON without a `providers` object", path.display())))?
                .iter()
                .map(|(id, f)| Ok((id.clone(), f.as_object().cloned().ok_or_else(|| not_table(path, id))?)))
                .collect::<Result<_, UserError>>()?;
            let models = v
                .get("models")
                .and_then(Value::as_object)
                .map(|m| m.iter().filter_map(|(id, m)| Some((id.clone(), m.as_str()?.to_string()))).collect())
                .unwrap_or_default();
            TeamFile { providers, models }
        }
        Err(_) => {
            let f = ConfigFile::parse(path, text)?;
            let providers = f
                .provider_ids()?
                .into_iter()
                .map(|id| Ok((id.clone(), f.provider_fields(&id)?.unwrap_or_default())))
                .collect::<Result<_, UserError>>()?;
            TeamFile { providers, models: f.provider_models() }
        }
    };
    for (id, fields) in &providers {
        ids::check_new_provider_id(id)?;
        for (k, v) in fields {
            let name = format!("{id}.{k}");
            if k == "experimental_bearer_token" || secret_in(v) {
                return Err(UserError::usage(format!(
                    "{}: {name} holds a key value (not shown); nothing was written",
                    path.display()
                ))
                .hint("keep keys out of shared files: name a variable in env_key and run `codex-provider key set ID` on each machine"));
            }
            if let Err(e) = parse_field(k) {
                let structured = matches!(
                    e,
                    crate::config::Error::MapNeedsKey { .. } | crate::config::Error::StructuredField { .. }
                );
                if !structured {
                    let e = UserError::from(e);
                    return Err(UserError { message: format!("{}: {name}: {}", path.display(), e.message), ..e });
                }
            }
        }
        if let Some(url) = fields.get("base_url").and_then(Value::as_str) {
            normalize_base_url(url)
                .map_err(UserError::from)
                .map_err(|e| UserError { message: format!("{}: {id}: {}", path.display(), e.message), ..e })?;
        }
    }
    Ok(TeamFile { providers, models })
}

fn not_table(path: &std::path::Path, id: &str) -> UserError {
    UserError::usage(format!("{}: provider `{id}` is not a table", path.display()))
}

fn secret_in(v: &Value) -> bool {
    match v {
        Value::String(s) => crate::redact::looks_like_secret(s),
        Value::Object(o) => o.iter().any(|(k, v)| k.eq_ignore_ascii_case("authorization") || secret_in(v)),
        Value::Array(a) => a.iter().any(secret_in),
        _ => false,
    }
}

/// Providers something selects: config.toml's default and every profile file's.
fn selected(ctx: &Ctx, cfg: &ConfigFile) -> Vec<String> {
    let mut v: Vec<String> = cfg.selected_provider().map(str::to_string).into_iter().collect();
    for n in crate::home::profile_names(&ctx.codex_home) {
        if let Ok(f) = ConfigFile::load(&ctx.profile_path(&n))
            && let Some(p) = f.selected_provider()
        {
            v.push(p.to_string());
        }
    }
    v
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-f FILE`: the providers file.
    pub file: PathBuf,
    pub prune: bool,
    pub no_probe: bool,
    pub force: bool,
    pub timeout: Duration,
    pub dry_run: bool,
}

/// One provider's probe, in brief.
#[derive(Debug, Serialize)]
struct Probed {
    provider: Option<String>,
    verdict: probe::Verdict,
    ok: bool,
    duration_ms: u64,
}

/// What `apply` did to config.toml's providers.
#[derive(Debug, Serialize)]
struct Applied {
    schema_version: SchemaVersion,
    file: String,
    added: Vec<String>,
    updated: Vec<String>,
    unchanged: Vec<String>,
    removed: Vec<String>,
    kept_selected: Vec<String>,
    probes: Vec<Probed>,
    changed: bool,
    dry_run: bool,
    diffs: Vec<Diff>,
    #[serde(skip)]
    said: Messages,
}

impl Output for Applied {
    fn human(&self, ctx: &Ctx) {
        if self.dry_run && self.changed {
            for d in &self.diffs {
                ctx.ui.data(&d.diff);
            }
            ctx.ui.note("dry run: nothing was written");
        }
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

/// What merging the file into config.toml changes, by provider id.
#[derive(Default)]
struct Merged {
    added: Vec<String>,
    updated: Vec<String>,
    unchanged: Vec<String>,
    removed: Vec<String>,
    kept: Vec<String>,
}

/// Merges the file's providers into `cfg` (and prunes, when asked).
fn merge(ctx: &Ctx, cfg: &mut ConfigFile, team: &TeamFile, prune: bool) -> anyhow::Result<Merged> {
    let mut m = Merged::default();
    for (id, fields) in &team.providers {
        match cfg.merge_provider(id, fields)? {
            Change::Added => m.added.push(id.clone()),
            Change::Updated => m.updated.push(id.clone()),
            Change::Unchanged => m.unchanged.push(id.clone()),
        }
    }
    if prune {
        let in_file: Vec<&String> = team.providers.iter().map(|(id, _)| id).collect();
        let selected = selected(ctx, cfg);
        for id in cfg.provider_ids()? {
            if in_file.contains(&&id) {
                continue;
            }
            if selected.contains(&id) {
                m.kept.push(id);
            } else if cfg.remove_provider(&id)? {
                m.removed.push(id);
            }
        }
    }
    Ok(m)
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let team = read_providers(&args)?;
    // Probe first, on config.toml as it is now: a refused apply takes no lock and creates
    // nothing (not even a missing Codex home).
    let mut preview = load_config(ctx)?;
    let m = merge(ctx, &mut preview, &team, args.prune)?;
    let probes = match args.no_probe {
        true => vec![],
        false => probe_changed(ctx, &preview, &team, &args, m.added.iter().chain(&m.updated))?,
    };
    let failed: Vec<&probe::Report> = probes.iter().filter(|r| !r.ok).collect();
    if !failed.is_empty() && !args.force {
        for r in &failed {
            ctx.ui.warn(&format!(
                "{}: {} ({})",
                r.target.provider.as_deref().unwrap_or("?"),
                r.summary,
                r.verdict.as_str()
            ));
        }
        let names: Vec<&str> = failed.iter().filter_map(|r| r.target.provider.as_deref()).collect();
        return Err(UserError::refused(format!("not applied: the probe failed for {}", names.join(", ")))
            .hint("fix the endpoints or keys (each is probed with its model: `[provider_models]` in the file), or pass --force to write anyway, --no-probe to skip the probes")
            .into());
    }
    let session = written::begin(ctx, args.dry_run)?;
    let mut cfg = load_config(ctx)?;
    let Merged { added, updated, unchanged, removed, kept } = merge(ctx, &mut cfg, &team, args.prune)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let file = args.file.display().to_string();
    let w = written::commit(&session, &format!("apply -f {file}"), &ops)?;
    if !w.dry_run {
        for (id, model) in &team.models {
            if team.providers.iter().any(|(p, _)| p == id) {
                crate::memo::save_model(&ctx.codex_home, id, Some(model))?;
            }
        }
    }
    let mut said = Messages::default();
    for id in &kept {
        said.note(format!("kept `{id}` although the file lacks it: it is the default or a profile selects it"));
    }
    if !session.dry_run() {
        said.status(match ops.is_empty() {
            true => format!("{} already matches {file}; nothing to change.", display(ctx, &cfg.path)),
            false => format!(
                "Applied {file} to {}: {} added, {} updated, {} removed, {} unchanged.",
                display(ctx, &cfg.path),
                added.len(),
                updated.len(),
                removed.len(),
                unchanged.len()
            ),
        });
    }
    let probes = probes
        .iter()
        .map(|r| Probed {
            provider: r.target.provider.clone(),
            verdict: r.verdict,
            ok: r.ok,
            duration_ms: r.duration_ms,
        })
        .collect();
    output::emit(
        ctx,
        &Applied {
            schema_version: SchemaVersion,
            file,
            added,
            updated,
            unchanged,
            removed,
            kept_selected: kept,
            probes,
            changed: !ops.is_empty(),
            dry_run: w.dry_run,
            diffs: w.diffs,
            said,
        },
    )
}

/// Probes the given providers as they will be written, all at once.
fn probe_changed<'a>(
    ctx: &Ctx,
    cfg: &ConfigFile,
    team: &TeamFile,
    args: &Options,
    ids: impl Iterator<Item = &'a String>,
) -> anyhow::Result<Vec<probe::Report>> {
    let layers = Layers::new(cfg, None);
    let mut targets = Vec::new();
    for id in ids {
        if let Some(view) = layers.provider(id)? {
            // The file's model for it, else its own here (never the active provider's).
            let model = team
                .models
                .iter()
                .find(|(p, _)| p == id)
                .map(|(_, m)| m.clone())
                .or_else(|| crate::memo::model_of(&ctx.codex_home, &layers, id).map(|(m, _)| m));
            targets.push(probe::Target::from_provider(&view, model, &ctx.codex_home));
        }
    }
    if targets.is_empty() {
        return Ok(vec![]);
    }
    Ok(probe::run(targets, &probe::Options { timeout: args.timeout, ..Default::default() }))
}
