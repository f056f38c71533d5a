//! `add ID … --bridge`: the provider is written pointing at a local codex-relay in front of
//! its chat-only upstream (the relay itself is `crate::bridge`; the `bridge` verb manages it).

use super::plan::{Options, Plan};
use super::save::{Added, ensure_new, preview, probe_gate, write};
use crate::bridge;
use crate::commands::load_config;
use crate::ctx::Ctx;
use crate::error::UserError;
use crate::store::FileOp;

/// Shows the changes and asks whether to make them.
pub type Confirm<'a> = &'a dyn Fn(&[FileOp]) -> anyhow::Result<bool>;

/// `add ID … --bridge`: start codex-relay in front of the given (chat-only) base URL, write
/// the provider pointing at it, and probe through it; a refused probe stops the relay again.
/// `confirm` (the wizard's) sees the changes before anything starts and may decline them.
pub fn add(mut plan: Plan, args: &Options, ctx: &Ctx, confirm: Option<Confirm>) -> anyhow::Result<Added> {
    bridge::require_relay()?;
    let Some(upstream) = plan.spec.base_url.clone() else {
        return Err(UserError::usage("--bridge needs the upstream: --base-url URL or --preset").into());
    };
    ensure_new(&plan, &load_config(ctx)?, ctx)?;
    let port = bridge::free_port()?;
    plan.spec.base_url = Some(bridge::base_url(port));
    if args.dry_run {
        ctx.ui.note(&format!("--dry-run: the bridge to {upstream} was not started"));
        return write(&plan, true, ctx);
    }
    if let Some(confirm) = confirm
        && !confirm(&preview(&plan, ctx)?)?
    {
        return Err(UserError::refused(format!("cancelled; {}", crate::interrupt::nothing_written())).into());
    }
    let key = bridge::upstream_key(&ctx.codex_home, plan.spec.env_key.as_deref())?;
    bridge::record::remove(&ctx.codex_home, &plan.id, false)?;
    let rec = bridge::spawn(&ctx.codex_home, &plan.id, port, &upstream, plan.spec.env_key.as_deref(), key.as_deref())?;
    ctx.ui.status(&format!(
        "Bridge running: {} → {upstream} (pid {}).",
        bridge::base_url(port),
        rec.pid.unwrap_or_default()
    ));
    let saved = match args.save.no_probe {
        true => Ok(()),
        false => probe_gate(&mut plan, args, ctx),
    }
    .and_then(|()| write(&plan, false, ctx));
    if saved.is_err() {
        bridge::forget(&ctx.codex_home, &plan.id)?;
    }
    saved
}
