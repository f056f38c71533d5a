//! Check `provider.bridge`: a provider whose `base_url` is a codex-relay bridge we started
//! (`codex-provider bridge`/`add --bridge`) needs that relay running, or every Codex turn
//! fails with "connection refused". Reads the bridge states gathered in the input (records
//! and the process table). Only reported when a provider in scope points at a recorded
//! bridge (None otherwise), so a config without bridges reads exactly as before.

use super::facts::Facts;
use super::findings::Findings;
use super::{Check, Status};
use crate::bridge::{self, State};

pub fn provider_bridge(f: &Facts) -> Option<Check> {
    const ID: &str = "provider.bridge";
    let layers = f.layers.as_ref()?;
    let mut found = Findings::default();
    let mut ok = Vec::new();
    let mut upstreams = Vec::new();
    for id in &f.targets {
        let Ok(Some(view)) = layers.provider(id) else { continue };
        let Some(port) = view.base_url().and_then(bridge::loopback_port) else { continue };
        let Some(st) = f.input.bridges.iter().find(|s| s.record().is_some_and(|r| r.id == *id || r.port == port))
        else {
            continue;
        };
        let Some(rec) = st.record() else { continue };
        let start = format!("codex-provider bridge start {}", rec.id);
        upstreams.push(rec.upstream.clone());
        match st {
            State::Running(r) if r.port == port => {
                let pid = r.pid.map(|p| format!(" (pid {p})")).unwrap_or_default();
                ok.push(format!("{id}: bridge running on port {port}{pid} → {}", r.upstream));
            }
            State::Running(r) => {
                found
                    .add(
                        Status::Fail,
                        format!("{id}: base_url names port {port}, but its bridge runs on port {}", r.port),
                    )
                    .remedy(format!("codex-provider bridge stop {} && {start}", rec.id));
            }
            State::Stopped(_) => {
                found
                    .add(
                        Status::Fail,
                        format!("{id}: its bridge (port {port} → {}) is stopped; Codex cannot connect", rec.upstream),
                    )
                    .remedy(start);
            }
            State::Stale(_, why) => {
                found
                    .add(
                        Status::Fail,
                        format!("{id}: the bridge on port {port} is not running ({why}); Codex cannot connect"),
                    )
                    .remedy(start);
            }
            State::None => {}
        }
    }
    if found.is_empty() && ok.is_empty() {
        return None;
    }
    let mut check = found.into_check(Check::ok(ID, ok.join("; ")));
    if let [one] = upstreams.as_slice() {
        check = check.detail("upstream", one.clone());
    }
    Some(check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bridge::Record;
    use crate::config::ConfigFile;
    use crate::doctor::DoctorInput;

    fn input(states: Vec<State>) -> (tempfile::TempDir, DoctorInput) {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("config.toml");
        let text =
            "model_provider = \"x\"\n[model_providers.x]\nname = \"X\"\nbase_url = \"http://127.0.0.1:4444/v1\"\n";
        std::fs::write(&path, text).unwrap();
        let mut i = DoctorInput::empty(t.path());
        i.base = Ok(ConfigFile::load(&path).unwrap());
        i.bridges = states;
        (t, i)
    }

    fn rec() -> Record {
        Record::new("x", 42, 4444, "http://up/v1", Some("K"))
    }

    #[test]
    fn a_stopped_bridge_fails_with_the_command_that_starts_it() {
        let (_t, i) = input(vec![State::Stopped(rec().stopped())]);
        let c = provider_bridge(&Facts::new(&i)).expect("reported");
        assert_eq!(c.status, Status::Fail, "{c:?}");
        assert!(c.summary.contains("is stopped") && c.summary.contains("http://up/v1"), "{}", c.summary);
        assert_eq!(c.remediation.as_deref(), Some("codex-provider bridge start x"));
    }

    #[test]
    fn running_is_ok_stale_fails_and_no_record_says_nothing() {
        let (_t, i) = input(vec![State::Running(rec())]);
        let c = provider_bridge(&Facts::new(&i)).unwrap();
        assert_eq!(c.status, Status::Ok, "{c:?}");
        let (_t, i) = input(vec![State::Stale(rec(), "pid 42 is gone".into())]);
        let c = provider_bridge(&Facts::new(&i)).unwrap();
        assert_eq!((c.status, c.remediation.as_deref()), (Status::Fail, Some("codex-provider bridge start x")));
        let (_t, i) = input(Vec::new());
        assert!(provider_bridge(&Facts::new(&i)).is_none());
    }
}
