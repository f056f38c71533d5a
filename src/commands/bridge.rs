//! `bridge start|stop|status|install|uninstall ID` and the `add --bridge` path: a chat-only
//! upstream made usable by running codex-relay in front of it (see `crate::bridge`).
//!
//! The provider keeps its `env_key`: Codex insists the variable is set and sends it as a
//! Bearer token, here only to 127.0.0.1 (codex-relay ignores the incoming Authorization and
//! uses the key it was started with). Keeping it means the same key variable drives both
//! hops, `doctor`'s key checks stay meaningful, and removing the bridge later is just
//! pointing `base_url` back at the upstream.

use std::path::PathBuf;

use serde::Serialize;

use crate::bridge::{self, State, unit};
use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::written;
use crate::commands::{display, load_config};
use crate::config::ProviderSpec;
use crate::config::view::Layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::FileOp;

/// What `bridge` was asked to do, for which provider.
#[derive(Debug, Clone)]
pub enum Action {
    Start {
        id: String,
        /// `--upstream URL` [default: the recorded one, else the provider's base_url].
        upstream: Option<String>,
        /// Run the relay in this process (login services).
        foreground: bool,
    },
    Stop(String),
    /// Every recorded bridge without an id.
    Status(Option<String>),
    Install(String),
    Uninstall(String),
}

/// What `bridge start` needs.
struct StartArgs {
    id: String,
    upstream: Option<String>,
    foreground: bool,
}

pub fn run(action: Action, ctx: &Ctx) -> anyhow::Result<Exit> {
    match action {
        Action::Start { id, upstream, foreground } => start(StartArgs { id, upstream, foreground }, ctx),
        Action::Stop(id) => stop(&id, ctx),
        Action::Status(id) => status(id, ctx),
        Action::Install(id) => install(&id, ctx),
        Action::Uninstall(id) => uninstall(&id, ctx),
    }
}

/// The provider's `base_url` and `env_key` as configured.
fn provider_fields(ctx: &Ctx, id: &str) -> anyhow::Result<(Option<String>, Option<String>)> {
    let cfg = load_config(ctx)?;
    let layers = Layers::new(&cfg, None);
    let Some(view) = layers.provider(id)? else { return Err(layers.unknown_provider(id).into()) };
    Ok((view.base_url().map(str::to_string), view.env_key().map(str::to_string)))
}

/// Where the relay forwards to and on which port: the record's (kept by `bridge stop`; a
/// restart keeps the port the provider's `base_url` names, unless another program took it),
/// else `--upstream` or the provider's own `base_url` (a local upstream on 127.0.0.1 is an
/// upstream too: only a record makes a URL a bridge). The bool: repoint the provider.
fn plan_start(a: &StartArgs, ctx: &Ctx, base_url: Option<&str>) -> anyhow::Result<(String, u16, bool)> {
    if let Some(u) = &a.upstream {
        crate::endpoint::check_url_length("--upstream", u)?;
    }
    if let Some(rec) = bridge::record::load(&ctx.codex_home, &a.id)? {
        let upstream = a.upstream.clone().unwrap_or(rec.upstream);
        if bridge::port_open(rec.port) {
            // Not our relay (`start` returned early when it runs): move to a free port.
            ctx.ui.warn(&format!("port {} is taken by another program: the bridge moves to a new port", rec.port));
            return Ok((upstream, bridge::free_port()?, true));
        }
        return Ok((upstream, rec.port, false));
    }
    let Some(upstream) = a.upstream.clone().or(base_url.map(str::to_string)) else {
        return Err(UserError::usage(format!("provider `{}` has no base_url to bridge to", a.id))
            .hint("pass --upstream https://HOST/v1")
            .into());
    };
    // A provider pointing at a dead local port with no record is most likely a bridge whose
    // record is gone: a relay forwarding there would answer every turn with an error.
    if a.upstream.is_none()
        && let Some(port) = bridge::loopback_port(&upstream)
        && !bridge::port_open(port)
    {
        return Err(UserError::refused(format!(
            "provider `{}` points at {upstream}, where nothing listens, and no bridge is recorded for it",
            a.id
        ))
        .hint("pass the chat-only API root the bridge forwards to: `--upstream URL` (or start that local server first)")
        .into());
    }
    Ok((upstream, bridge::free_port()?, true))
}

fn start(a: StartArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    bridge::require_relay()?;
    let (base_url, env_key) = provider_fields(ctx, &a.id)?;
    if let State::Running(rec) = bridge::state(&ctx.codex_home, &a.id)? {
        ctx.ui.status(&format!(
            "Bridge for `{}` is already running on {} (pid {}).",
            a.id,
            bridge::base_url(rec.port),
            rec.pid.unwrap_or_default()
        ));
        return Ok(Exit::Ok);
    }
    let (upstream, port, repoint) = plan_start(&a, ctx, base_url.as_deref())?;
    let key = bridge::upstream_key(&ctx.codex_home, env_key.as_deref())?;
    if a.foreground {
        return foreground(ctx, &a.id, port, &upstream, env_key.as_deref(), key.as_deref());
    }
    // The record is replaced only once the new relay listens: a failed start keeps it.
    let rec = bridge::spawn(&ctx.codex_home, &a.id, port, &upstream, env_key.as_deref(), key.as_deref())?;
    if repoint && base_url.as_deref() != Some(bridge::base_url(port).as_str()) {
        repoint_provider(ctx, &a.id, port)?;
    }
    ctx.ui.status(&format!(
        "Bridge for `{}` running: {} → {upstream} (pid {}).",
        a.id,
        bridge::base_url(rec.port),
        rec.pid.unwrap_or_default()
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
    let session = written::begin(ctx, false)?;
    let mut cfg = load_config(ctx)?;
    let spec = ProviderSpec { base_url: Some(bridge::base_url(port)), ..Default::default() };
    cfg.upsert_provider(id, &spec, true)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    written::commit(&session, &format!("bridge start {id}"), &ops)?;
    ctx.ui.status(&format!("Pointed provider `{id}` at the bridge in {}.", display(ctx, &cfg.path)));
    Ok(())
}

fn stop(id: &str, ctx: &Ctx) -> anyhow::Result<Exit> {
    match bridge::stop(&ctx.codex_home, id)? {
        Some(h) => {
            let rec = &h.record;
            let did = match h.stopped_pid {
                Some(pid) => format!("Stopped the bridge for `{id}` (pid {pid}, port {}).", rec.port),
                None => format!("The bridge for `{id}` was not running (port {}).", rec.port),
            };
            ctx.ui.status(&did);
            ctx.ui.hint(&format!(
                "`codex-provider bridge start {id}` starts it again on port {} → {}",
                rec.port, rec.upstream
            ));
        }
        None => ctx.ui.status(&format!("No bridge is recorded for `{id}`; nothing to stop.")),
    }
    Ok(Exit::Ok)
}

/// One bridge's state.
#[derive(Debug, Serialize)]
struct BridgeRow {
    id: String,
    /// `running`, `stale` or `stopped`.
    state: &'static str,
    /// Why a bridge is stale.
    reason: Option<String>,
    pid: Option<u32>,
    port: Option<u16>,
    base_url: Option<String>,
    upstream: Option<String>,
    started_at: Option<u64>,
}

#[derive(Debug, Serialize)]
struct Bridges {
    schema_version: SchemaVersion,
    bridges: Vec<BridgeRow>,
    #[serde(skip)]
    exit: Exit,
}

impl Output for Bridges {
    fn human(&self, ctx: &Ctx) {
        if self.bridges.is_empty() {
            ctx.ui.data("no bridges");
        }
        for r in &self.bridges {
            let id = &r.id;
            let line = match r.state {
                "running" => format!(
                    "{id}: running, {} → {} (pid {})",
                    r.base_url.as_deref().unwrap_or(""),
                    r.upstream.as_deref().unwrap_or(""),
                    r.pid.map(|p| p.to_string()).unwrap_or_default()
                ),
                "stale" => format!(
                    "{id}: stale, {}; restart with `codex-provider bridge start {id}`",
                    r.reason.as_deref().unwrap_or("")
                ),
                _ => match (&r.base_url, &r.upstream) {
                    (Some(b), Some(u)) => {
                        format!("{id}: stopped, {b} → {u}; start with `codex-provider bridge start {id}`")
                    }
                    _ => format!("{id}: stopped; start with `codex-provider bridge start {id}`"),
                },
            };
            ctx.ui.data(&line);
        }
    }

    fn exit(&self) -> Exit {
        self.exit
    }
}

fn status(only: Option<String>, ctx: &Ctx) -> anyhow::Result<Exit> {
    let ids: Vec<String> = match &only {
        Some(id) => vec![id.clone()],
        None => bridge::record::all(&ctx.codex_home).into_iter().map(|r| r.id).collect(),
    };
    let mut bridges = Vec::new();
    let mut exit = Exit::Ok;
    for id in &ids {
        let st = bridge::state(&ctx.codex_home, id)?;
        let rec = st.record();
        let reason = match &st {
            State::Stale(_, w) => Some(w.clone()),
            _ => None,
        };
        if !matches!(st, State::Running(_)) && only.is_some() {
            exit = Exit::Problem;
        }
        bridges.push(BridgeRow {
            id: id.clone(),
            state: st.word(),
            reason,
            pid: rec.and_then(|r| r.pid),
            port: rec.map(|r| r.port),
            base_url: rec.map(|r| bridge::base_url(r.port)),
            upstream: rec.map(|r| r.upstream.clone()),
            started_at: rec.and_then(|r| r.started_at),
        });
    }
    output::emit(ctx, &Bridges { schema_version: SchemaVersion, bridges, exit })
}

fn install(id: &str, ctx: &Ctx) -> anyhow::Result<Exit> {
    bridge::require_relay()?;
    provider_fields(ctx, id)?;
    let exe = std::env::current_exe()?;
    let argv = unit::command(&exe, &ctx.codex_home, id);
    let kind = unit::Kind::native(Some(&argv), id)?;
    let path = unit_path(kind, id)?;
    let path_env = std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into());
    let text = unit::render(kind, id, &argv, &path_env);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::write_atomic(&path, text.as_bytes())?;
    ctx.ui.status(&format!("Wrote {}.", display(ctx, &path)));
    ctx.ui.hint(&unit::enable_hint(kind, id, &path));
    Ok(Exit::Ok)
}

fn uninstall(id: &str, ctx: &Ctx) -> anyhow::Result<Exit> {
    let kind = unit::Kind::native(None, id)?;
    let path = unit_path(kind, id)?;
    match std::fs::remove_file(&path) {
        Ok(()) => {
            ctx.ui.status(&format!("Removed {}.", display(ctx, &path)));
            if kind == unit::Kind::Systemd {
                ctx.ui.hint(&format!("if it was enabled: `systemctl --user disable --now {}`", unit::name(kind, id)));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ctx.ui.status(&format!("No login service for `{id}` ({} does not exist).", display(ctx, &path)));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Exit::Ok)
}

fn unit_path(kind: unit::Kind, id: &str) -> Result<PathBuf, UserError> {
    crate::config::ids::check_new_provider_id(id).or_else(|_| crate::config::ids::check_profile_name(id))?;
    unit::path(kind, id).ok_or_else(|| UserError::usage("cannot find the home directory for the login service"))
}
