//! Check `provider.bridge`: a provider whose `base_url` is a codex-relay bridge we started
//! (`codex-provider bridge`/`add --bridge`) needs that relay running, or every Codex turn
//! fails with "connection refused". Reads the bridge records and the process table. Only
//! reported when a provider in scope points at a recorded bridge (None otherwise), so a
//! config without bridges reads exactly as before.

use super::facts::Facts;
use super::{Check, Status};
use crate::bridge::{self, State};

pub fn provider_bridge(f: &Facts) -> Option<Check> {
    const ID: &str = "provider.bridge";
    let layers = f.layers.as_ref()?;
    let records = bridge::record::all(&f.input.home);
    let mut check = Check::skipped(ID, "no provider in scope points at a bridge");
    let mut ok = Vec::new();
    for id in &f.targets {
        let Ok(Some(view)) = layers.provider(id) else { continue };
        let Some(port) = view.base_url().and_then(bridge::loopback_port) else { continue };
        let Some(rec) = records.iter().find(|r| r.id == *id || r.port == port) else { continue };
        let start = format!("codex-provider bridge start {}", rec.id);
        match bridge::state(&f.input.home, &rec.id) {
            Ok(State::Running(r)) if r.port == port => {
                ok.push(format!("{id}: bridge running on port {port} (pid {}) → {}", r.pid, r.upstream));
            }
            Ok(State::Running(r)) => {
                check = Check::new(
                    ID,
                    Status::Fail,
                    format!("{id}: base_url names port {port}, but its bridge runs on port {}", r.port),
                )
                .remedy(format!("codex-provider bridge stop {} && {start}", rec.id));
            }
            Ok(st) => {
                let why = match st {
                    State::Stale(_, w) => w,
                    _ => "not running".into(),
                };
                check = Check::new(
                    ID,
                    Status::Fail,
                    format!("{id}: the bridge on port {port} is not running ({why}); Codex cannot connect"),
                )
                .detail("upstream", rec.upstream.clone())
                .remedy(start);
            }
            Err(e) => check = Check::new(ID, Status::Warning, format!("{id}: cannot read the bridge record: {e}")),
        }
    }
    if check.status == Status::Skipped && !ok.is_empty() {
        check = Check::ok(ID, ok.join("; "));
    }
    (check.status != Status::Skipped).then_some(check)
}
