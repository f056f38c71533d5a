//! What the installed Codex says about itself, asked once per binary and cached: its
//! version (`codex --version`), the model it sends when none is set (`codex debug models
//! --bundled`: the visible model with the lowest `priority`), its bundled model slugs, and
//! whether it has `app-server --print-startup-config` (else config loads are asked with
//! `debug prompt-input`). The three questions run at once, each in a scratch `CODEX_HOME`.
//!
//! The answers are kept in `$CODEX_HOME/.codex-provider/codex-facts.json`, keyed by the
//! binary's path, size and modification time (an upgrade in place changes them), so that
//! `probe` and `doctor` do not start Codex three times on every run. As with the other
//! caches there, a read-only command never creates the folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::run;
use crate::store::STATE_DIR;

const CACHE_FILE: &str = "codex-facts.json";
/// Binaries remembered at once (newest first).
const CACHE_KEEP: usize = 8;
/// `--version` and `app-server --help` answer in well under a second.
const QUICK: Duration = Duration::from_secs(10);
/// `debug models --bundled` prints ~1 MB of JSON.
const MODELS: Duration = Duration::from_secs(20);

/// What one Codex binary said about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinaryFacts {
    /// The first line of `codex --version` (`codex-cli 0.171.0`).
    pub version_text: String,
    /// The version in it (`0.171.0`), when it has one.
    pub version: Option<String>,
    /// The model it sends when `model` is unset (None: it did not list its bundled models).
    pub default_model: Option<String>,
    /// Every bundled model slug, in its order.
    pub bundled_slugs: Vec<String>,
    /// It has `app-server --print-startup-config` (a JSON load answer).
    pub startup_config: bool,
    /// How long asking took (0 when it came from the cache).
    #[serde(skip)]
    pub duration_ms: u64,
}

/// Why the binary could not be asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoAnswer(pub String);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    size: u64,
    mtime_ns: u128,
    facts: BinaryFacts,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    binaries: Vec<Entry>,
}

/// The binary's identity: canonical path, size and mtime (of the file the path resolves to).
fn identity(bin: &Path) -> Option<(PathBuf, u64, u128)> {
    let path = std::fs::canonicalize(bin).ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((path, meta.len(), mtime))
}

/// The facts of `bin`: from the cache under `home` when the binary is unchanged, else asked
/// (and remembered when `home`'s state folder exists).
pub fn of(bin: &Path, home: Option<&Path>) -> Result<BinaryFacts, NoAnswer> {
    let id = identity(bin);
    let cache_path = home.map(|h| h.join(STATE_DIR).join(CACHE_FILE));
    let mut cache: CacheFile = cache_path
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    if let Some((path, size, mtime)) = &id
        && let Some(e) = cache.binaries.iter().find(|e| &e.path == path && e.size == *size && e.mtime_ns == *mtime)
    {
        return Ok(e.facts.clone());
    }
    let facts = ask(bin)?;
    if let (Some((path, size, mtime_ns)), Some(cache_path)) = (id, cache_path)
        && cache_path.parent().is_some_and(Path::is_dir)
    {
        cache.binaries.retain(|e| e.path != path);
        cache.binaries.insert(0, Entry { path, size, mtime_ns, facts: facts.clone() });
        cache.binaries.truncate(CACHE_KEEP);
        write_atomic(&cache_path, &cache);
    }
    Ok(facts)
}

/// Temp file + rename; losing the cache costs one slow run, so errors are ignored.
fn write_atomic(path: &Path, cache: &CacheFile) {
    let Ok(text) = serde_json::to_vec_pretty(cache) else { return };
    let tmp = path.with_extension(format!("json.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Asks `bin` its three questions at once.
pub fn ask(bin: &Path) -> Result<BinaryFacts, NoAnswer> {
    let start = Instant::now();
    let scratch = run::scratch_home().map_err(|e| NoAnswer(format!("cannot make a scratch CODEX_HOME: {e}")))?;
    let home = scratch.path();
    let (version, models, help) = std::thread::scope(|s| {
        let v = s.spawn(|| run::run_for(run::codex(bin, home, &["--version"]), QUICK));
        let m = s.spawn(|| run::run_for(run::codex(bin, home, &["debug", "models", "--bundled"]), MODELS));
        let h = s.spawn(|| run::run_for(run::codex(bin, home, &["app-server", "--help"]), QUICK));
        let join = |t: std::thread::ScopedJoinHandle<'_, Result<run::Outcome, String>>| {
            t.join().unwrap_or_else(|_| Err("the question panicked".into()))
        };
        (join(v), join(m), join(h))
    });
    let shown = bin.display();
    let version = version.map_err(NoAnswer)?;
    if version.timed_out {
        return Err(NoAnswer(format!("{shown} --version did not answer within {} s", QUICK.as_secs())));
    }
    let version_text = version.stdout.lines().next().unwrap_or("").trim().to_string();
    if version.code != Some(0) || version_text.is_empty() {
        return Err(NoAnswer(format!("{shown} --version failed (exit {:?})", version.code)));
    }
    let entries = models
        .ok()
        .filter(|o| o.code == Some(0))
        .and_then(|o| crate::catalog::bundled_entries(&o.stdout).ok())
        .unwrap_or_default();
    let startup_config = help.is_ok_and(|o| o.code == Some(0) && o.stdout.contains("--print-startup-config"));
    Ok(BinaryFacts {
        version: super::version_in(&version_text).map(str::to_string),
        version_text,
        default_model: default_model(&entries),
        bundled_slugs: entries.iter().filter_map(|e| e.get("slug")?.as_str().map(str::to_string)).collect(),
        startup_config,
        duration_ms: start.elapsed().as_millis() as u64,
    })
}

/// The model Codex sends when none is set: the visible (`visibility = "list"`) bundled model
/// with the lowest `priority` (checked against what 0.160.0–0.171.0 send, docs/codex-facts.md).
pub fn default_model(entries: &[serde_json::Value]) -> Option<String> {
    entries
        .iter()
        .filter(|e| e.get("visibility").and_then(|v| v.as_str()) == Some("list"))
        .filter_map(|e| Some((e.get("priority")?.as_i64()?, e.get("slug")?.as_str()?)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, s)| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn default_is_the_visible_model_with_the_lowest_priority() {
        let e = [
            json!({"slug": "b", "priority": 2, "visibility": "list"}),
            json!({"slug": "hidden", "priority": 0, "visibility": "hide"}),
            json!({"slug": "a", "priority": 1, "visibility": "list"}),
        ];
        assert_eq!(default_model(&e).as_deref(), Some("a"));
        assert_eq!(default_model(&e[1..2]), None);
    }

    #[test]
    fn the_cache_is_used_only_for_the_same_binary_and_never_creates_the_folder() {
        let home = tempfile::tempdir().unwrap();
        let bin = home.path().join("codex");
        std::fs::write(&bin, "#!/bin/sh\n").unwrap();
        let (path, size, mtime_ns) = identity(&bin).unwrap();
        let facts = BinaryFacts {
            version_text: "codex-cli 9.9.9".into(),
            version: Some("9.9.9".into()),
            default_model: Some("m".into()),
            bundled_slugs: vec!["m".into()],
            startup_config: true,
            duration_ms: 0,
        };
        let state = home.path().join(STATE_DIR);
        std::fs::create_dir(&state).unwrap();
        let cache = CacheFile { binaries: vec![Entry { path, size, mtime_ns, facts: facts.clone() }] };
        write_atomic(&state.join(CACHE_FILE), &cache);
        // The file is not a Codex: only the cache can answer.
        assert_eq!(of(&bin, Some(home.path())), Ok(facts));
        std::fs::write(&bin, "#!/bin/sh\nexit 3\n").unwrap();
        assert!(of(&bin, Some(home.path())).is_err(), "a changed binary is asked again");
        let other = tempfile::tempdir().unwrap();
        assert!(of(&bin, Some(other.path())).is_err());
        assert!(!other.path().join(STATE_DIR).exists());
    }
}
