//! `probe`: send Codex-shaped requests to a provider and say whether Codex would work.

use std::time::Duration;

use serde::Serialize;

use crate::commands::load_layers;
use crate::commands::output::{self, Output};
use crate::config::ConfigFile;
use crate::config::Layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::probe::{self, Target};
use crate::ui::{Tone, table};

/// What `probe` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A configured provider [default: the active one].
    pub id: Option<String>,
    /// Probe this URL instead of a configured provider.
    pub base_url: Option<String>,
    /// The key variable, with `base_url`.
    pub env_key: Option<String>,
    pub model: Option<String>,
    pub profile: Option<String>,
    /// Each request's timeout; with `codex`, the whole Codex run's.
    pub timeout: Duration,
    pub deep: bool,
    pub all: bool,
    pub codex: bool,
}

/// One probe's report (its JSON is the report's own, `schema_version` included).
#[derive(Serialize)]
#[serde(transparent)]
struct Probed(probe::Report);

impl Output for Probed {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data(&probe::render_human(&self.0, &ctx.ui));
    }
    fn exit(&self) -> Exit {
        if self.0.ok { Exit::Ok } else { Exit::Problem }
    }
}

/// `probe --all`: a JSON list of the reports, or one row each.
#[derive(Serialize)]
#[serde(transparent)]
struct ProbedAll(Vec<probe::Report>);

impl Output for ProbedAll {
    fn human(&self, ctx: &Ctx) {
        let reports = &self.0;
        let mut rows = vec![vec!["PROVIDER".into(), "VERDICT".into(), "LATENCY".into(), "MODEL".into()]];
        for r in reports {
            rows.push(vec![
                r.target.provider.clone().unwrap_or_default(),
                r.verdict.as_str().to_string(),
                format!("{} ms", r.duration_ms),
                r.target.model.clone().unwrap_or_else(|| "(Codex's default)".into()),
            ]);
        }
        let out = table::painted(&rows, Some(&ctx.ui), &|row, col| match (row, col) {
            (0, _) => Some(Tone::Bold),
            (r, 1) if reports[r - 1].ok => Some(Tone::Ok),
            (_, 1) => Some(Tone::Fail),
            _ => None,
        });
        ctx.ui.data(&out.join("\n"));
    }
    fn exit(&self) -> Exit {
        if self.0.iter().all(|r| r.ok) { Exit::Ok } else { Exit::Problem }
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let timeout = args.timeout;
    let opts = probe::Options { timeout, connect_timeout: timeout.min(Duration::from_secs(5)), deep: args.deep };
    if args.all {
        return all(&args, &opts, ctx);
    }
    let target = target(&args, ctx)?;
    if args.codex {
        return super::probe_codex::run(args.profile.clone(), args.timeout, target, ctx);
    }
    let report = probe::run(vec![target], &opts).pop().expect("one report per target");
    if let Some(id) = &report.target.provider {
        crate::memo::save_models(&ctx.codex_home, id, &report.models)?;
    }
    output::emit(ctx, &Probed(report))
}

/// `probe --all`: every provider config.toml defines (built-ins need Codex's own login), probed
/// concurrently by the one probe API; one row each, or a JSON list of the reports.
fn all(args: &Options, opts: &probe::Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, args.profile.as_deref())?;
    let layers = files.layers();
    let mut targets = Vec::new();
    for id in layers.all_ids()? {
        if let Some(v) = layers.provider(&id)?.filter(|v| !v.builtin) {
            let model = args.model.clone().or_else(|| own_model(ctx, &layers, &id));
            targets.push(Target::from_provider(&v, model, &ctx.codex_home));
        }
    }
    if targets.is_empty() {
        return Err(UserError::refused("no provider to probe: config.toml defines none")
            .hint("codex-provider add ID --base-url URL")
            .into());
    }
    output::emit(ctx, &ProbedAll(probe::run(targets, opts)))
}

fn target(args: &Options, ctx: &Ctx) -> anyhow::Result<Target> {
    if let Some(url) = &args.base_url {
        if args.id.is_some() {
            return Err(UserError::usage("give a provider id or --base-url, not both").into());
        }
        if let Some(var) = &args.env_key {
            crate::config::ids::check_env_var_name("--env-key", var)?;
        }
        let api_key =
            args.env_key.as_deref().and_then(|v| crate::env::lookup(v, &ctx.codex_home)).map(probe::Secret::new);
        return Ok(Target {
            provider: None,
            base_url: url.clone(),
            env_key: args.env_key.clone(),
            api_key,
            model: args.model.clone(),
            ..Target::default()
        });
    }
    if args.env_key.is_some() {
        return Err(UserError::usage("--env-key goes with --base-url")
            .hint("a configured provider uses its own env_key")
            .into());
    }
    let base = ConfigFile::load(&ctx.config_path())?;
    let profile = match &args.profile {
        Some(name) => {
            crate::config::ids::check_profile_name(name)?;
            let path = ctx.profile_path(name);
            if !path.exists() {
                return Err(UserError::usage(format!("no profile `{name}`: {} does not exist", path.display()))
                    .hint("`codex-provider profile list` shows the profiles")
                    .into());
            }
            Some((name.clone(), ConfigFile::load(&path)?))
        }
        None => None,
    };
    let layers = Layers::new(&base, profile.as_ref().map(|(n, f): &(String, ConfigFile)| (n.as_str(), f)));
    let sel = layers.selection();
    let id = args.id.clone().unwrap_or_else(|| sel.provider.clone());
    let Some(view) = layers.provider(&id)? else {
        return Err(layers.unknown_provider(&id).into());
    };
    let model = args.model.clone().or_else(|| own_model(ctx, &layers, &id));
    Ok(Target::from_provider(&view, model, &ctx.codex_home))
}

/// The model a provider is probed with when `--model` is absent: its own (`memo::model_of`),
/// never the active provider's.
fn own_model(ctx: &Ctx, layers: &Layers, id: &str) -> Option<String> {
    crate::memo::model_of(&ctx.codex_home, layers, id).map(|(m, _)| m)
}
