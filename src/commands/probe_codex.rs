//! `probe --codex`: resolve the provider as `probe` does, then hand it to the real Codex
//! (see `crate::probe_codex` for how it runs and what it leaves behind).

use std::time::Duration;

use crate::cli::ProbeArgs;
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::probe::Target;
use crate::probe_codex::{self, Provider, Spec};

/// `--timeout` when given; Codex turns on real models take tens of seconds, so the probe's
/// 15 s default becomes 120 s here.
const DEFAULT_TIMEOUT_S: f64 = 120.0;

pub fn run(args: &ProbeArgs, target: Target, ctx: &Ctx) -> anyhow::Result<Exit> {
    let bin = crate::codex::run::required("probe --codex runs the installed Codex")?;
    let secs = if args.timeout == Duration::from_secs(15) { DEFAULT_TIMEOUT_S } else { args.timeout.as_secs_f64() };
    let secret = target.api_key.clone();
    let provider = match target.provider {
        Some(id) => Provider::Configured(id),
        None => Provider::Adhoc { base_url: target.base_url, env_key: target.env_key },
    };
    let spec = Spec {
        bin,
        provider,
        model: target.model,
        profile: args.profile.clone(),
        codex_home: ctx.codex_home.clone(),
        timeout: Duration::from_secs_f64(secs),
        secret,
    };
    ctx.ui.status(&format!("running Codex on a one-file task (up to {secs:.0} s)…"));
    let report = probe_codex::run(&spec);
    if args.json {
        ctx.ui.data(&serde_json::to_string_pretty(&report)?);
    } else {
        ctx.ui.data(&probe_codex::render(&report));
    }
    Ok(if report.ok { Exit::Ok } else { Exit::Problem })
}
