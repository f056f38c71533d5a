//! How many Codex threads were recorded with each provider, read from Codex's own files and
//! never written: the first line of every `$CODEX_HOME/sessions/**/rollout-*.jsonl` is a
//! `session_meta` record whose `payload.model_provider` is the provider the thread ran with
//! (archived threads live in `archived_sessions/` and are not counted).
//!
//! Why it matters (checked with real Codex 0.169 and 0.171): `codex exec resume --last` only
//! finds threads recorded with the active provider, while the `codex resume` picker lists them
//! all. Only the first line of each file is read (capped), and only once: a rollout's first
//! line never changes, so what it said is kept in `.codex-provider/threads.tsv` (relative path,
//! tab, provider) and later calls only list the directories (2,000 threads: 25 ms without the
//! cache, a few with it; BENCHMARKS.md). `state_5.sqlite` holds the same column but would need
//! an SQLite library.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use crate::store::STATE_DIR;

const CACHE: &str = "threads.tsv";

/// The first line of a rollout is a few KiB (it carries the base instructions); past this it
/// is not a rollout we understand.
const FIRST_LINE_CAP: u64 = 256 * 1024;
/// Directory depth under `sessions/` (Codex uses `YYYY/MM/DD/`); deeper trees are not walked.
const MAX_DEPTH: usize = 4;

/// Provider id → number of (not archived) threads recorded with it.
pub fn count_by_provider(codex_home: &Path) -> BTreeMap<String, usize> {
    let state = codex_home.join(STATE_DIR);
    let known = read_cache(&state.join(CACHE));
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut learned = false;
    walk(&codex_home.join("sessions"), "", 0, &mut |rel, path| {
        let provider = match known.get(rel) {
            Some(p) => Some(p.clone()),
            None => provider_of(path).inspect(|_| learned = true),
        };
        if let Some(p) = provider {
            seen.insert(rel.to_string(), p);
        }
    });
    // Our own state dir only: a read-only command does not create it.
    if (learned || seen.len() != known.len()) && state.is_dir() {
        write_cache(&state, &seen);
    }
    let mut counts = BTreeMap::new();
    for p in seen.into_values() {
        *counts.entry(p).or_insert(0) += 1;
    }
    counts
}

/// Calls `found(relative path, path)` for every rollout file under `dir`.
fn walk(dir: &Path, rel: &str, depth: usize, found: &mut dyn FnMut(&str, &Path)) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        let name = e.file_name();
        let name = name.to_string_lossy();
        let child = if rel.is_empty() { name.to_string() } else { format!("{rel}/{name}") };
        if kind.is_dir() && depth < MAX_DEPTH {
            walk(&e.path(), &child, depth + 1, found);
        } else if kind.is_file() && name.starts_with("rollout-") && name.ends_with(".jsonl") {
            found(&child, &e.path());
        }
    }
}

/// The cache: one `relative path<TAB>provider` line per rollout; unreadable means empty.
fn read_cache(path: &Path) -> HashMap<String, String> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines().filter_map(|l| l.split_once('\t')).map(|(r, p)| (r.to_string(), p.to_string())).collect()
}

/// Rewrites the cache (temp file + rename, no fsync: losing it costs one slow count). Entries
/// a line cannot hold (a tab or newline in a name) are left out and read again next time.
fn write_cache(state: &Path, seen: &HashMap<String, String>) {
    let plain = |s: &str| !s.contains(['\t', '\n', '\r']);
    let mut text = String::new();
    for (r, p) in seen.iter().filter(|(r, p)| plain(r) && plain(p)) {
        text.push_str(&format!("{r}\t{p}\n"));
    }
    let Ok(mut tmp) = tempfile::Builder::new().prefix(".threads.").tempfile_in(state) else { return };
    if tmp.write_all(text.as_bytes()).is_ok() {
        let _ = tmp.persist(state.join(CACHE));
    }
}

/// The `model_provider` of a rollout's first `session_meta` line.
fn provider_of(path: &Path) -> Option<String> {
    let f = fs::File::open(path).ok()?;
    let mut line = String::new();
    BufReader::new(f.take(FIRST_LINE_CAP)).read_line(&mut line).ok()?;
    let line = line.trim_end();
    if let Some(p) = compact_provider(line) {
        return Some(p);
    }
    // Typed, so serde skips the large fields (base instructions) instead of building them.
    #[derive(serde::Deserialize)]
    struct Line {
        #[serde(rename = "type")]
        kind: String,
        payload: Payload,
    }
    #[derive(serde::Deserialize)]
    struct Payload {
        model_provider: Option<String>,
    }
    let l: Line = serde_json::from_str(line).ok()?;
    if l.kind != "session_meta" {
        return None;
    }
    l.payload.model_provider
}

/// The fast path for the compact JSON Codex writes: the `model_provider` string found by a
/// plain search (an unescaped `"model_provider":"` cannot occur inside another string), decoded
/// by serde; None sends the caller to the full parse.
fn compact_provider(line: &str) -> Option<String> {
    if !line.contains(r#""type":"session_meta""#) {
        return None;
    }
    let key = r#""model_provider":"#;
    let start = line.find(key)? + key.len();
    let rest = &line[start..];
    let bytes = rest.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return serde_json::from_str(&rest[..=i]).ok(),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rollout(home: &Path, rel: &str, first: &str) {
        let p = home.join("sessions").join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, format!("{first}\n{{\"type\":\"event_msg\"}}\n")).unwrap();
    }

    #[test]
    fn counts_first_session_meta_lines_only() {
        let d = tempfile::tempdir().unwrap();
        let meta = |p: &str| {
            format!(r#"{{"timestamp":"t","type":"session_meta","payload":{{"id":"x","model_provider":"{p}"}}}}"#)
        };
        rollout(d.path(), "2026/12/01/rollout-a.jsonl", &meta("gw"));
        rollout(d.path(), "2026/12/01/rollout-b.jsonl", &meta("gw"));
        rollout(d.path(), "2026/12/02/rollout-c.jsonl", &meta("ollama"));
        rollout(d.path(), "2026/12/02/notes.jsonl", &meta("gw"));
        rollout(d.path(), "2026/12/02/rollout-d.jsonl", r#"{"type":"event_msg"}"#);
        rollout(d.path(), "2026/12/02/rollout-e.jsonl", "not json");
        let spaced = r#"{"type": "session_meta", "payload": {"model_provider": "ollama"}}"#;
        rollout(d.path(), "2026/12/03/rollout-g.jsonl", spaced);
        let escaped = r#"{"type":"session_meta","payload":{"instructions":"say \"model_provider\":\"x\"","model_provider":"gw\u0021"}}"#;
        rollout(d.path(), "2026/12/03/rollout-h.jsonl", escaped);
        let archived = d.path().join("archived_sessions/rollout-f.jsonl");
        fs::create_dir_all(archived.parent().unwrap()).unwrap();
        fs::write(archived, meta("gw")).unwrap();
        let c = count_by_provider(d.path());
        assert_eq!(c.get("gw"), Some(&2));
        assert_eq!(c.get("ollama"), Some(&2));
        assert_eq!(c.get("gw!"), Some(&1));
        assert_eq!(c.len(), 3);
        assert!(count_by_provider(&d.path().join("missing")).is_empty());
    }

    #[test]
    fn first_lines_are_read_once_and_the_cache_follows_the_files() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path();
        let meta = |p: &str| format!(r#"{{"type":"session_meta","payload":{{"model_provider":"{p}"}}}}"#);
        rollout(home, "2026/12/01/rollout-a.jsonl", &meta("gw"));
        rollout(home, "2026/12/01/rollout-b.jsonl", &meta("ollama"));
        // Without our state dir nothing is cached (and nothing created).
        assert_eq!(count_by_provider(home).get("gw"), Some(&1));
        assert!(!home.join(STATE_DIR).exists());
        fs::create_dir(home.join(STATE_DIR)).unwrap();
        assert_eq!(count_by_provider(home).len(), 2);
        let cache = home.join(STATE_DIR).join(CACHE);
        assert_eq!(read_cache(&cache).get("2026/12/01/rollout-a.jsonl").map(String::as_str), Some("gw"));
        // A cached file is not read again: its first line now says otherwise, the count not.
        rollout(home, "2026/12/01/rollout-a.jsonl", &meta("changed"));
        assert_eq!(count_by_provider(home).get("gw"), Some(&1));
        // A deleted file leaves the cache; a new one joins it.
        fs::remove_file(home.join("sessions/2026/12/01/rollout-b.jsonl")).unwrap();
        rollout(home, "2026/12/02/rollout-c.jsonl", &meta("gw"));
        let c = count_by_provider(home);
        assert_eq!((c.get("gw"), c.get("ollama")), (Some(&2), None));
        assert_eq!(read_cache(&cache).len(), 2);
    }
}
