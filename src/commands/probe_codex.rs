//! `probe --codex`: resolve the provider as `probe` does, then hand it to the real Codex
//! (see `crate::probe_codex` for how it runs and what it leaves behind).

use std::time::Duration;

use serde::Serialize;

use crate::commands::output::{self, Output};
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::probe::Target;
use crate::probe_codex::{self, Provider, Spec};

/// The Codex run's report (its JSON is the report's own).
#[derive(Serialize)]
#[serde(transparent)]
struct Ran(probe_codex::CodexReport);

impl Output for Ran {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data(&probe_codex::render(&self.0));
    }
    fn exit(&self) -> Exit {
        if self.0.ok { Exit::Ok } else { Exit::Problem }
    }
}

/// Runs Codex on `target` for at most `timeout` (the CLI's default for `--codex` is 120 s:
/// a Codex turn on a real model takes tens of seconds).
pub fn run(profile: Option<String>, timeout: Duration, target: Target, ctx: &Ctx) -> anyhow::Result<Exit> {
    let bin = crate::codex_cli::required("probe --codex runs the installed Codex")?;
    let secs = timeout.as_secs_f64();
    let secret = target.api_key.clone();
    let provider = match target.provider {
        Some(id) => Provider::Configured(id),
        None => Provider::Adhoc { base_url: target.base_url, env_key: target.env_key },
    };
    let spec =
        Spec { bin, provider, model: target.model, profile, codex_home: ctx.codex_home.clone(), timeout, secret };
    ctx.ui.status(&format!("running Codex on a one-file task (up to {secs:.0} s)…"));
    output::emit(ctx, &Ran(probe_codex::run(&spec)))
}
