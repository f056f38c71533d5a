//! What codex-provider remembers per provider under `$CODEX_HOME/.codex-provider/`: the
//! provider's own model, and the endpoint's model list from the last probe or `models` call
//! (with the time it was fetched), so `use` can check a model without the network; and the
//! `env_key` a provider had before its key moved to the keychain (`key unset` puts it back).
//!
//! A provider is a whole: its model goes with it. Codex has one `model` for whichever provider
//! is selected, and a gateway that serves only its own ids refuses another provider's model, so
//! every place that names a model for a provider (`add --model`, the wizard's pick, `use
//! --model`, `import --model`, a preset's default, an applied team file) records it here, and
//! every place that needs one (`use`, `use --profile`, `probe`, `probe --all`, `doctor --all`,
//! `apply`, `export`, `models`, `list`) reads it through [`model_of`]. It lives in our state
//! folder, not in config.toml: Codex's provider table has no `model` field (an unknown key there
//! is a warning), and a profile file per provider would be a file the user never asked for.
//!
//! One small JSON file per provider (`models/ID.json`); a missing or unreadable file is simply
//! "nothing remembered". Written by rename (never torn) and without fsync: losing it only costs
//! a check. Never holds a secret: ids, a variable name and a timestamp only.

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
    /// The provider's model: the one last named or picked for it (`last_model` in files
    /// written before it meant this).
    #[serde(default, alias = "last_model")]
    pub model: Option<String>,
    /// The provider's `env_key` before `key set --keychain` replaced it (`key unset` puts it
    /// back): a variable name, never a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_key: Option<String>,
}

/// Where a provider's model comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelFrom {
    /// The active selection (`model` in config.toml or the profile file).
    Selection,
    /// Remembered for the provider here.
    Remembered,
    /// Its preset's default (for a provider recognised as a preset's).
    Preset(&'static str),
}

/// The model `id` goes with: the selection's when `id` is the provider `layers` select and a
/// model is set there; else the one remembered for `id`; else its preset's default. None when
/// none is known: never another provider's model.
pub fn model_of(home: &Path, layers: &crate::config::Layers, id: &str) -> Option<(String, ModelFrom)> {
    let sel = layers.selection();
    if sel.provider == id
        && let Some(m) = sel.model
    {
        return Some((m, ModelFrom::Selection));
    }
    if let Some(m) = read(home, id).model {
        return Some((m, ModelFrom::Remembered));
    }
    let view = layers.provider(id).ok().flatten();
    let preset = crate::presets::for_provider(id, view.as_ref().and_then(|v| v.base_url()))?;
    preset.example_model.map(|m| (m.to_string(), ModelFrom::Preset(preset.id)))
}

fn file(home: &Path, id: &str) -> Option<PathBuf> {
    // Provider ids are table keys and may hold any character: only plain names get a file.
    crate::home::is_plain_name(id).then(|| home.join(STATE_DIR).join("models").join(format!("{id}.json")))
}

/// The providers with a remembered model list, sorted (shell completion of `--model`).
pub fn ids_with_models(home: &Path) -> Vec<String> {
    let Ok(rd) = fs::read_dir(home.join(STATE_DIR).join("models")) else { return Vec::new() };
    let mut ids: Vec<String> = rd
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .filter(|id| !read(home, id).models.is_empty())
        .collect();
    ids.sort();
    ids
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

/// Remembers `model` as `id`'s (None forgets nothing). Only into an existing Codex home.
pub fn save_model(home: &Path, id: &str, model: Option<&str>) -> anyhow::Result<()> {
    let Some(m) = model else { return Ok(()) };
    let old = read(home, id);
    if old.model.as_deref() == Some(m) || !home.is_dir() {
        return Ok(());
    }
    write(home, id, &Memo { model: Some(m.to_string()), ..old })
}

/// Moves what is remembered for `old` to `new` (`rename`); forgets it with `new` None (`remove`).
pub fn rename(home: &Path, old: &str, new: Option<&str>) -> anyhow::Result<()> {
    let (Some(from), to) = (file(home, old), new.and_then(|n| file(home, n))) else { return Ok(()) };
    match to {
        Some(to) if from.exists() => fs::rename(&from, to)?,
        _ => match fs::remove_file(&from) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        },
    }
    Ok(())
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
        save_model(d.path(), "gw", Some("b")).unwrap();
        let m = read(d.path(), "gw");
        assert_eq!(m.models, ["a", "b"]);
        assert!(m.fetched_unix > 0);
        assert_eq!(m.model.as_deref(), Some("b"));
        save_models(d.path(), "gw", &[]).unwrap();
        assert_eq!(read(d.path(), "gw").models, ["a", "b"], "an empty list says nothing");
    }

    #[test]
    fn files_from_before_keep_their_model() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join(STATE_DIR).join("models");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("gw.json"), r#"{"models":[],"fetched_unix":0,"last_model":"m1"}"#).unwrap();
        assert_eq!(read(d.path(), "gw").model.as_deref(), Some("m1"));
        rename(d.path(), "gw", Some("corp")).unwrap();
        assert_eq!(read(d.path(), "corp").model.as_deref(), Some("m1"));
        rename(d.path(), "corp", None).unwrap();
        assert_eq!(read(d.path(), "corp"), Memo::default());
    }

    #[test]
    fn odd_ids_and_missing_homes_write_nothing() {
        let d = tempfile::tempdir().unwrap();
        save_model(d.path(), "../x", Some("m")).unwrap();
        assert!(!d.path().join(STATE_DIR).exists());
        save_models(&d.path().join("nope"), "gw", &["a".into()]).unwrap();
        assert!(!d.path().join("nope").exists());
    }
}
