//! What codex-provider remembers per provider under `$CODEX_HOME/.codex-provider/`, so `use`
//! can check a model without the network: the endpoint's model list from the last probe or
//! `models` call (with the time it was fetched), the model last used with the provider, and
//! the `env_key` it had before its key moved to the keychain.
//!
//! One small JSON file per provider (`models/ID.json`); a missing or unreadable file is simply
//! "nothing remembered". Written by rename (never torn) and without fsync: losing it only costs
//! a check. Never holds a secret: ids and a timestamp only.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::store::STATE_DIR;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memo {
    /// The endpoint's model ids (empty: never fetched, or the endpoint listed none).
    #[serde(default)]
    pub models: Vec<String>,
    /// When `models` was fetched (seconds since the epoch; 0: never).
    #[serde(default)]
    pub fetched_unix: u64,
    /// The model selected the last time this provider was made the default.
    #[serde(default)]
    pub last_model: Option<String>,
    /// The provider's `env_key` before `key set --keychain` replaced it (`key unset` puts it
    /// back): a variable name, never a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_key: Option<String>,
}

fn file(home: &Path, id: &str) -> Option<PathBuf> {
    // Provider ids are table keys and may hold any character: only plain names get a file.
    crate::home::is_plain_name(id).then(|| home.join(STATE_DIR).join("models").join(format!("{id}.json")))
}

/// What is remembered about `id` (default when nothing is).
pub fn read(home: &Path, id: &str) -> Memo {
    file(home, id).and_then(|p| fs::read(p).ok()).and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
}

fn write(home: &Path, id: &str, memo: &Memo) -> anyhow::Result<()> {
    let Some(path) = file(home, id) else { return Ok(()) };
    let dir = path.parent().expect("under the state dir");
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".memo.").tempfile_in(dir)?;
    tmp.write_all(&serde_json::to_vec_pretty(memo)?)?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// Remembers the endpoint's model list (an empty list is not remembered: it says nothing).
/// Only into an existing Codex home: a probe of a bare URL must not create one.
pub fn save_models(home: &Path, id: &str, models: &[String]) -> anyhow::Result<()> {
    if models.is_empty() || !home.is_dir() {
        return Ok(());
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let memo = Memo { models: models.to_vec(), fetched_unix: now, ..read(home, id) };
    write(home, id, &memo)
}

/// Remembers the model last used with `id` (None forgets nothing).
pub fn save_last_model(home: &Path, id: &str, model: Option<&str>) -> anyhow::Result<()> {
    let Some(m) = model else { return Ok(()) };
    let old = read(home, id);
    if old.last_model.as_deref() == Some(m) {
        return Ok(());
    }
    write(home, id, &Memo { last_model: Some(m.to_string()), ..old })
}

/// Remembers the `env_key` a provider had before its key moved to the keychain.
pub fn save_env_key(home: &Path, id: &str, var: &str) -> anyhow::Result<()> {
    let old = read(home, id);
    if old.env_key.as_deref() == Some(var) {
        return Ok(());
    }
    write(home, id, &Memo { env_key: Some(var.to_string()), ..old })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_and_last_model_round_trip_and_keep_each_other() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(read(d.path(), "gw"), Memo::default());
        save_models(d.path(), "gw", &["a".into(), "b".into()]).unwrap();
        save_last_model(d.path(), "gw", Some("b")).unwrap();
        let m = read(d.path(), "gw");
        assert_eq!(m.models, ["a", "b"]);
        assert!(m.fetched_unix > 0);
        assert_eq!(m.last_model.as_deref(), Some("b"));
        save_models(d.path(), "gw", &[]).unwrap();
        assert_eq!(read(d.path(), "gw").models, ["a", "b"], "an empty list says nothing");
    }

    #[test]
    fn odd_ids_and_missing_homes_write_nothing() {
        let d = tempfile::tempdir().unwrap();
        save_last_model(d.path(), "../x", Some("m")).unwrap();
        assert!(!d.path().join(STATE_DIR).exists());
        save_models(&d.path().join("nope"), "gw", &["a".into()]).unwrap();
        assert!(!d.path().join("nope").exists());
    }
}
