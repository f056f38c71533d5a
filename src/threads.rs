//! How many Codex threads were recorded with each provider, read from Codex's own files and
//! never written: the first line of every `$CODEX_HOME/sessions/**/rollout-*.jsonl` is a
//! `session_meta` record whose `payload.model_provider` is the provider the thread ran with
//! (archived threads live in `archived_sessions/` and are not counted).
//!
//! Why it matters (checked with real Codex 0.169 and 0.171): `codex exec resume --last` only
//! finds threads recorded with the active provider, while the `codex resume` picker lists them
//! all. Only the first line of each file is read (capped), so 200 files cost a few
//! milliseconds; `state_5.sqlite` holds the same column but would need an SQLite library.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The first line of a rollout is a few KiB (it carries the base instructions); past this it
/// is not a rollout we understand.
const FIRST_LINE_CAP: u64 = 256 * 1024;
/// Directory depth under `sessions/` (Codex uses `YYYY/MM/DD/`); deeper trees are not walked.
const MAX_DEPTH: usize = 4;

/// Provider id → number of (not archived) threads recorded with it.
pub fn count_by_provider(codex_home: &Path) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    walk(&codex_home.join("sessions"), 0, &mut counts);
    counts
}

fn walk(dir: &Path, depth: usize, counts: &mut BTreeMap<String, usize>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        let name = e.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() && depth < MAX_DEPTH {
            walk(&e.path(), depth + 1, counts);
        } else if kind.is_file()
            && name.starts_with("rollout-")
            && name.ends_with(".jsonl")
            && let Some(p) = provider_of(&e.path())
        {
            *counts.entry(p).or_insert(0) += 1;
        }
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
}
