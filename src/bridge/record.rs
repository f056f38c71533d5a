//! The bridge record `$CODEX_HOME/.codex-provider/bridges/ID.json`: what a provider's relay
//! needs to run (port, upstream, key variable) and, while it runs, its pid and start time. It
//! outlives `bridge stop` (so `bridge start` restarts the same relay) and goes with the
//! provider (`remove`). It names the key variable, never holds a key.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    /// The running relay; None once stopped.
    pub pid: Option<u32>,
    /// The port the provider's `base_url` names (kept across restarts).
    pub port: u16,
    /// The chat-only API root the relay forwards to (the provider's own `base_url` points at us).
    pub upstream: String,
    /// The variable the key was read from (its name only).
    pub env_key: Option<String>,
    /// Seconds since the Unix epoch, while running.
    pub started_at: Option<u64>,
}

impl Record {
    /// A running relay's record.
    pub fn new(id: &str, pid: u32, port: u16, upstream: &str, env_key: Option<&str>) -> Record {
        let started_at =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        Record {
            id: id.to_string(),
            pid: Some(pid),
            port,
            upstream: upstream.to_string(),
            env_key: env_key.map(str::to_string),
            started_at: Some(started_at),
        }
    }

    /// The same bridge, not running.
    pub fn stopped(self) -> Record {
        Record { pid: None, started_at: None, ..self }
    }
}

pub fn dir(home: &Path) -> PathBuf {
    home.join(".codex-provider").join("bridges")
}

pub fn path(home: &Path, id: &str) -> PathBuf {
    dir(home).join(format!("{id}.json"))
}

/// The relay's stdout and stderr (codex-relay logs requests, never the key).
pub fn log_path(home: &Path, id: &str) -> PathBuf {
    dir(home).join(format!("{id}.log"))
}

pub fn load(home: &Path, id: &str) -> anyhow::Result<Option<Record>> {
    match std::fs::read_to_string(path(home, id)) {
        Ok(s) => Ok(serde_json::from_str(&s).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Every record (for doctor: which bridge a loopback base_url belongs to).
pub fn all(home: &Path) -> Vec<Record> {
    let Ok(rd) = std::fs::read_dir(dir(home)) else { return Vec::new() };
    let mut v: Vec<Record> = rd
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| serde_json::from_str(&std::fs::read_to_string(e.path()).ok()?).ok())
        .collect();
    v.sort_by(|a: &Record, b| a.id.cmp(&b.id));
    v
}

pub fn save(home: &Path, rec: &Record) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir(home))?;
    crate::store::write_atomic(&path(home, &rec.id), serde_json::to_string_pretty(rec)?.as_bytes())
}

/// Deletes the record; `and_log`: the relay's log too (the provider is gone).
pub fn remove(home: &Path, id: &str, and_log: bool) -> anyhow::Result<()> {
    let log = and_log.then(|| log_path(home, id));
    for p in std::iter::once(path(home, id)).chain(log) {
        match std::fs::remove_file(p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records written before a stopped bridge was kept (pid and start time always set) still load.
    #[test]
    fn older_records_load() {
        let old = r#"{"id":"x","pid":42,"port":4444,"upstream":"http://u/v1","env_key":"K","started_at":7}"#;
        let r: Record = serde_json::from_str(old).unwrap();
        assert_eq!((r.pid, r.started_at), (Some(42), Some(7)));
        let s = r.stopped();
        assert_eq!((s.pid, s.started_at, s.port, s.upstream.as_str()), (None, None, 4444, "http://u/v1"));
        let back: Record = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
