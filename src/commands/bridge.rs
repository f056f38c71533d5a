//! `bridge start|stop|status|install|uninstall ID` and the `add --bridge` path: a chat-only
//! upstream made usable by running codex-relay in front of it (see `crate::bridge`).
//!
//! The provider keeps its `env_key`: Codex insists the variable is set and sends it as a
//! Bearer token, here only to 127.0.0.1 (codex-relay ignores the incoming Authorization and
//! uses the key it was started with). Keeping it means the same key variable drives both
//! hops, `doctor`'s key checks stay meaningful, and removing the bridge later is just
//! pointing `base_url` back at the upstream.

use std::path::PathBuf;

use crate::bridge::{self, State, unit};
use crate::cli::{BridgeCommand, BridgeIdArgs, BridgeStartArgs, BridgeStatusArgs};
use crate::commands::{display, load_config};
use crate::config::ProviderSpec;
use crate::config::view::Layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

pub fn run(cmd: BridgeCommand, ctx: &Ctx) -> anyhow::Result<Exit> {
    match cmd {
        BridgeCommand::Start(a) => start(a, ctx),
        BridgeCommand::Stop(a) => stop(a, ctx),
        BridgeCommand::Status(a) => status(a, ctx),
        BridgeCommand::Install(a) => install(a, ctx),
        BridgeCommand::Uninstall(a) => uninstall(a, ctx),
    }
}

/// The provider's `base_url` and `env_key` as configured.
fn provider_fields(ctx: &Ctx, id: &str) -> anyhow::Result<(Option<String>, Option<String>)> {
    let cfg = load_config(ctx)?;
    let layers = Layers::new(&cfg, None);
    let Some(view) = layers.provider(id)? else { return Err(layers.unknown_provider(id).into()) };
    Ok((view.base_url().map(str::to_string), view.env_key().map(str::to_string)))
}

/// Where the relay forwards to and on which port: the record's (a restart keeps the port
/// the provider's `base_url` names), else `--upstream` or the provider's own `base_url` (a
/// local upstream on 127.0.0.1 is an upstream too: only a record makes a URL a bridge).
fn plan_start(a: &BridgeStartArgs, ctx: &Ctx, base_url: Option<&str>) -> anyhow::Result<(String, u16, bool)> {
    if let Some(rec) = bridge::record::load(&ctx.codex_home, &a.id)? {
        return Ok((a.upstream.clone().unwrap_or(rec.upstream), rec.port, false));
    }
    let Some(upstream) = a.upstream.clone().or(base_url.map(str::to_string)) else {
        return Err(UserError::usage(format!("provider `{}` has no base_url to bridge to", a.id))
            .hint("pass --upstream https://HOST/v1")
            .into());
    };
    Ok((upstream, bridge::free_port()?, true))
}

fn start(a: BridgeStartArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    bridge::require_relay()?;
    let (base_url, env_key) = provider_fields(ctx, &a.id)?;
    if let State::Running(rec) = bridge::state(&ctx.codex_home, &a.id)? {
        ctx.ui.status(&format!(
            "Bridge for `{}` is already running on {} (pid {}).",
            a.id,
            bridge::base_url(rec.port),
            rec.pid
        ));
        return Ok(Exit::Ok);
    }
    let (upstream, port, repoint) = plan_start(&a, ctx, base_url.as_deref())?;
    let key = bridge::upstream_key(&ctx.codex_home, env_key.as_deref())?;
    if a.foreground {
        return foreground(ctx, &a.id, port, &upstream, env_key.as_deref(), key.as_deref());
    }
    bridge::record::remove(&ctx.codex_home, &a.id)?;
    let rec = bridge::spawn(&ctx.codex_home, &a.id, port, &upstream, env_key.as_deref(), key.as_deref())?;
    if repoint && base_url.as_deref() != Some(bridge::base_url(port).as_str()) {
        repoint_provider(ctx, &a.id, port)?;
    }
    ctx.ui.status(&format!(
        "Bridge for `{}` running: {} → {upstream} (pid {}).",
        a.id,
        bridge::base_url(rec.port),
        rec.pid
    ));
    Ok(Exit::Ok)
}

/// Replaces this process with the relay (for login services): the record names our pid,
/// which after exec is codex-relay's.
fn foreground(
    ctx: &Ctx,
    id: &str,
    port: u16,
    upstream: &str,
    env_key: Option<&str>,
    key: Option<&str>,
) -> anyhow::Result<Exit> {
    let bin = bridge::require_relay()?;
    let mut cmd = bridge::relay_command(&bin, port, upstream, key);
    let record = |pid| bridge::record::save(&ctx.codex_home, &bridge::Record::new(id, pid, port, upstream, env_key));
    match crate::platform::process::exec(&mut cmd, record)? {
        Ok(st) if st.success() => Ok(Exit::Ok),
        Ok(_) => Ok(Exit::Problem),
        Err(e) => Err(UserError::refused(format!("cannot run {}: {e}", bin.display())).into()),
    }
}

/// Points `[model_providers.ID].base_url` at the bridge (one locked, backed-up write).
fn repoint_provider(ctx: &Ctx, id: &str, port: u16) -> anyhow::Result<()> {
    let session = crate::commands::written::begin(ctx, false)?;
    let mut cfg = load_config(ctx)?;
    let spec = ProviderSpec { base_url: Some(bridge::base_url(port)), ..Default::default() };
    cfg.upsert_provider(id, &spec, true)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    crate::commands::written::commit(ctx, &session, &format!("bridge start {id}"), &ops)?;
    ctx.ui.status(&format!("Pointed provider `{id}` at the bridge in {}.", display(ctx, &cfg.path)));
    Ok(())
}

fn stop(a: BridgeIdArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    match bridge::stop(&ctx.codex_home, &a.id)? {
        Some(rec) => ctx.ui.status(&format!("Stopped the bridge for `{}` (pid {}, port {}).", a.id, rec.pid, rec.port)),
        None => ctx.ui.status(&format!("No bridge is recorded for `{}`; nothing to stop.", a.id)),
    }
    Ok(Exit::Ok)
}

fn status(a: BridgeStatusArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let ids: Vec<String> = match &a.id {
        Some(id) => vec![id.clone()],
        None => bridge::record::all(&ctx.codex_home).into_iter().map(|r| r.id).collect(),
    };
    let mut rows = Vec::new();
    let mut worst = Exit::Ok;
    for id in &ids {
        let st = bridge::state(&ctx.codex_home, id)?;
        let (rec, why) = match &st {
            State::Running(r) => (Some(r), None),
            State::Stale(r, w) => (Some(r), Some(w.clone())),
            State::Stopped => (None, None),
        };
        if !matches!(st, State::Running(_)) && a.id.is_some() {
            worst = Exit::Problem;
        }
        rows.push(serde_json::json!({
            "id": id, "state": st.word(), "reason": why,
            "pid": rec.map(|r| r.pid), "port": rec.map(|r| r.port),
            "base_url": rec.map(|r| bridge::base_url(r.port)), "upstream": rec.map(|r| r.upstream.clone()),
            "started_at": rec.map(|r| r.started_at),
        }));
    }
    if a.json {
        ctx.ui.data(&serde_json::to_string_pretty(&serde_json::json!({"schema_version": 1, "bridges": rows}))?);
        return Ok(worst);
    }
    if rows.is_empty() {
        ctx.ui.data("no bridges");
    }
    for r in &rows {
        let id = r["id"].as_str().unwrap_or("");
        let line = match r["state"].as_str() {
            Some("running") => format!(
                "{id}: running, {} → {} (pid {})",
                r["base_url"].as_str().unwrap_or(""),
                r["upstream"].as_str().unwrap_or(""),
                r["pid"]
            ),
            Some("stale") => format!(
                "{id}: stale, {}; restart with `codex-provider bridge start {id}`",
                r["reason"].as_str().unwrap_or("")
            ),
            _ => format!("{id}: stopped; start with `codex-provider bridge start {id}`"),
        };
        ctx.ui.data(&line);
    }
    Ok(worst)
}

fn install(a: BridgeIdArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    bridge::require_relay()?;
    provider_fields(ctx, &a.id)?;
    let exe = std::env::current_exe()?;
    let argv = unit::command(&exe, &ctx.codex_home, &a.id);
    let kind = unit::Kind::native(Some(&argv), &a.id)?;
    let path = unit_path(kind, &a.id)?;
    let path_env = std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into());
    let text = unit::render(kind, &a.id, &argv, &path_env);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::write_atomic(&path, text.as_bytes())?;
    ctx.ui.status(&format!("Wrote {}.", display(ctx, &path)));
    ctx.ui.hint(&unit::enable_hint(kind, &a.id, &path));
    Ok(Exit::Ok)
}

fn uninstall(a: BridgeIdArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let kind = unit::Kind::native(None, &a.id)?;
    let path = unit_path(kind, &a.id)?;
    match std::fs::remove_file(&path) {
        Ok(()) => {
            ctx.ui.status(&format!("Removed {}.", display(ctx, &path)));
            if kind == unit::Kind::Systemd {
                ctx.ui
                    .hint(&format!("if it was enabled: `systemctl --user disable --now {}`", unit::name(kind, &a.id)));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ctx.ui.status(&format!("No login service for `{}` ({} does not exist).", a.id, display(ctx, &path)));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Exit::Ok)
}

fn unit_path(kind: unit::Kind, id: &str) -> Result<PathBuf, UserError> {
    crate::config::ids::check_new_provider_id(id).or_else(|_| crate::config::ids::check_profile_name(id))?;
    unit::path(kind, id).ok_or_else(|| UserError::usage("cannot find the home directory for the login service"))
}
