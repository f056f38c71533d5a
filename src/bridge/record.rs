//! The bridge record `$CODEX_HOME/.codex-provider/bridges/ID.json`: which relay runs for a
//! provider (pid, port, upstream, when). It names the key variable, never holds a key.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub pid: u32,
    pub port: u16,
    /// The chat-only API root the relay forwards to (the provider's own `base_url` points at us).
    pub upstream: String,
    /// The variable the key was read from (its name only).
    pub env_key: Option<String>,
    /// Seconds since the Unix epoch.
    pub started_at: u64,
}

impl Record {
    pub fn new(id: &str, pid: u32, port: u16, upstream: &str, env_key: Option<&str>) -> Record {
        let started_at =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        Record {
            id: id.to_string(),
            pid,
            port,
            upstream: upstream.to_string(),
            env_key: env_key.map(str::to_string),
            started_at,
        }
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

pub fn remove(home: &Path, id: &str) -> anyhow::Result<()> {
    match std::fs::remove_file(path(home, id)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
