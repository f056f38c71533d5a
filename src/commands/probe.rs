//! `probe`: send Codex-shaped requests to a provider and say whether Codex would work.

use std::time::Duration;

use crate::cli::ProbeArgs;
use crate::config::ConfigFile;
use crate::config::Layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::probe::{self, Options, Target};

pub fn run(args: ProbeArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let target = target(&args, ctx)?;
    if args.codex {
        return super::probe_codex::run(&args, target, ctx);
    }
    let timeout = args.timeout;
    let opts = Options { timeout, connect_timeout: timeout.min(Duration::from_secs(5)), deep: args.deep };
    let report = probe::run(vec![target], &opts).pop().expect("one report per target");
    if args.json {
        ctx.ui.data(&serde_json::to_string_pretty(&report)?);
    } else {
        ctx.ui.data(&probe::render_human(&report, &ctx.ui));
    }
    Ok(if report.ok { Exit::Ok } else { Exit::Problem })
}

fn target(args: &ProbeArgs, ctx: &Ctx) -> anyhow::Result<Target> {
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
    let model = args.model.clone().or(sel.model);
    Ok(Target::from_provider(&view, model, &ctx.codex_home))
}
