//! The threads Codex recorded (`threads`) and how many each provider has (`use`, `list`), read
//! from Codex's own files and never written: the first line of every `$CODEX_HOME/sessions/**/rollout-*.jsonl` is a
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

/// One thread Codex recorded, as `threads` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Thread {
    /// The thread id (`codex resume ID`).
    pub id: String,
    /// The provider it was recorded with (None: an old rollout without one).
    pub provider: Option<String>,
    /// The model it was recorded with (its first turn's; None: no turn recorded).
    pub model: Option<String>,
    /// When it started (RFC 3339, as Codex wrote it).
    pub created: Option<String>,
    /// When its file last changed (RFC 3339, UTC): the order of the list, newest first.
    pub updated: String,
    /// The working directory it ran in.
    pub cwd: Option<String>,
    /// The first line of its first prompt, trimmed to [`PROMPT_CHARS`], key-like words masked.
    pub prompt: Option<String>,
    /// The rollout file, relative to `$CODEX_HOME`.
    pub file: String,
}

/// How much of a first prompt line is shown.
pub const PROMPT_CHARS: usize = 80;
/// Lines read from a rollout's head looking for the first prompt and model (the first turn's
/// are within the first dozen in 0.169 and 0.171), and the bytes, so a huge file costs little.
const HEAD_LINES: usize = 200;
const HEAD_BYTES: u64 = 8 << 20;

/// Every thread under `$CODEX_HOME/sessions` (archived ones are not listed, as Codex's picker
/// does not), newest first; `provider` keeps only that provider's. Read-only.
pub fn list(codex_home: &Path, provider: Option<&str>) -> Vec<Thread> {
    let mut out = Vec::new();
    walk(&codex_home.join("sessions"), "", 0, &mut |rel, path| {
        if let Some(t) = read_thread(path, &format!("sessions/{rel}"))
            && provider.is_none_or(|p| t.provider.as_deref() == Some(p))
        {
            out.push(t);
        }
    });
    out.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    out
}

/// A rollout's thread: its `session_meta` line, then the first prompt and the first turn's
/// model among the first [`HEAD_LINES`] lines. None: not a rollout (no `session_meta` first).
fn read_thread(path: &Path, rel: &str) -> Option<Thread> {
    let f = fs::File::open(path).ok()?;
    let updated = f.metadata().ok()?.modified().ok().map(rfc3339).unwrap_or_default();
    let mut r = BufReader::new(f.take(HEAD_BYTES));
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let first: serde_json::Value = serde_json::from_str(line.trim_end()).ok()?;
    if first.get("type")?.as_str()? != "session_meta" {
        return None;
    }
    let meta = first.get("payload")?;
    let text = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let mut t = Thread {
        id: text(meta, "id")?,
        provider: text(meta, "model_provider"),
        model: None,
        created: text(meta, "timestamp").or_else(|| text(&first, "timestamp")),
        updated,
        cwd: text(meta, "cwd"),
        prompt: None,
        file: rel.to_string(),
    };
    for _ in 0..HEAD_LINES {
        line.clear();
        if r.read_line(&mut line).ok()? == 0 {
            break;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line.trim_end()) else { continue };
        let p = &v["payload"];
        match v["type"].as_str() {
            Some("turn_context") if t.model.is_none() => t.model = text(p, "model"),
            Some("event_msg") if t.prompt.is_none() => t.prompt = user_prompt(p).map(|s| first_line(&s)),
            _ => {}
        }
        if t.prompt.is_some() && t.model.is_some() {
            break;
        }
    }
    Some(t)
}

/// The text of a user message event: `user_message` (`message`) or, in 0.169+, an
/// `item_completed` whose item is a `UserMessage` (`content[].text`).
fn user_prompt(p: &serde_json::Value) -> Option<String> {
    match p["type"].as_str()? {
        "user_message" => p["message"].as_str().map(str::to_string),
        "item_completed" if p["item"]["type"] == "UserMessage" => {
            let parts: Vec<&str> = p["item"]["content"].as_array()?.iter().filter_map(|c| c["text"].as_str()).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        _ => None,
    }
}

/// The first non-blank line, trimmed to [`PROMPT_CHARS`] (an ellipsis when cut), control
/// characters dropped, anything key-like masked.
fn first_line(s: &str) -> String {
    let line = s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let clean: String = line.chars().filter(|c| !c.is_control()).collect();
    let masked = clean
        .split(' ')
        .map(|w| {
            let core = w.trim_matches(|c: char| "\"'`,;:()[]{}<>".contains(c));
            match crate::redact::looks_like_secret(core) || crate::redact::looks_like_secret(w) {
                true => w.replace(core, crate::redact::PLACEHOLDER),
                false => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    match masked.char_indices().nth(PROMPT_CHARS) {
        Some((i, _)) => format!("{}…", masked[..i].trim_end()),
        None => masked,
    }
}

/// `2026-12-06T18:19:07Z` from a file time (UTC, whole seconds).
fn rfc3339(t: std::time::SystemTime) -> String {
    let secs = t.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// The command that reopens thread `id` with its own provider and model, in its own
/// directory, as argv: Codex refuses to resume a thread with another provider ("Cannot change
/// this thread's model provider"), without `model` it would send the current default model to
/// that provider, and from another directory it first asks which directory to use.
/// Values that TOML would read as something other than a string are quoted for `-c`.
pub fn resume_args(t: &Thread) -> Vec<String> {
    let mut v = vec!["codex".to_string()];
    if let Some(p) = &t.provider {
        v.extend(["-c".to_string(), format!("model_provider={}", toml_string(p))]);
    }
    if let Some(m) = &t.model {
        v.extend(["-c".to_string(), format!("model={}", toml_string(m))]);
    }
    // In its own directory when it still exists (else Codex asks which one to use).
    if let Some(cwd) = t.cwd.as_deref().filter(|d| Path::new(d).is_dir()) {
        v.extend(["-C".to_string(), cwd.to_string()]);
    }
    v.extend(["resume".to_string(), t.id.clone()]);
    v
}

/// A `-c` value Codex reads back as this string: bare when TOML cannot parse it as a value
/// (Codex then takes the raw text: a letter first, and not `true`, `false`, `inf` or `nan`),
/// else a quoted TOML string (JSON's escapes are TOML's).
fn toml_string(s: &str) -> String {
    let bare = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:".contains(c))
        && !["true", "false", "inf", "nan"].contains(&s);
    match bare {
        true => s.to_string(),
        false => serde_json::to_string(s).unwrap_or_default(),
    }
}

/// argv as one shell line (POSIX quoting where needed).
pub fn shell_line(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+".contains(c)) {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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

#[cfg(test)]
mod list_tests {
    use super::*;

    fn rollout(home: &Path, rel: &str, lines: &[String]) {
        let p = home.join("sessions").join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, lines.join("\n") + "\n").unwrap();
    }

    fn meta(id: &str, provider: &str) -> String {
        format!(
            r#"{{"timestamp":"t","type":"session_meta","payload":{{"id":"{id}","timestamp":"2026-12-01T10:00:00.000Z","cwd":"/w","model_provider":"{provider}","base_instructions":"x"}}}}"#
        )
    }

    #[test]
    fn lists_threads_with_provider_model_and_first_prompt_line() {
        let d = tempfile::tempdir().unwrap();
        let turn = |m: &str| format!(r#"{{"type":"turn_context","payload":{{"model":"{m}"}}}}"#);
        let item = |text: &str| {
            format!(
                r#"{{"type":"event_msg","payload":{{"type":"item_completed","item":{{"type":"UserMessage","content":[{{"type":"text","text":{}}}]}}}}}}"#,
                serde_json::Value::from(text)
            )
        };
        let env_ctx = r#"{"type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>"}]}}"#;
        rollout(
            d.path(),
            "2026/12/01/rollout-a.jsonl",
            &[meta("aaa", "alpha"), env_ctx.into(), turn("m-1"), item("\n  fix the build  \nsecond line")],
        );
        let old = r#"{"type":"event_msg","payload":{"type":"user_message","message":"use sk-canary-7f3a9c2e1b4d5f60 please"}}"#;
        rollout(d.path(), "2026/12/02/rollout-b.jsonl", &[meta("bbb", "beta"), old.into()]);
        rollout(d.path(), "2026/12/02/rollout-c.jsonl", &[r#"{"type":"event_msg"}"#.into()]);
        let long = "x".repeat(200);
        rollout(d.path(), "2026/12/03/rollout-d.jsonl", &[meta("ddd", "alpha"), item(&long), turn("m-2")]);
        let all = list(d.path(), None);
        assert_eq!(all.len(), 3);
        let a = all.iter().find(|t| t.id == "aaa").unwrap();
        assert_eq!((a.provider.as_deref(), a.model.as_deref()), (Some("alpha"), Some("m-1")));
        assert_eq!(a.prompt.as_deref(), Some("fix the build"));
        assert_eq!(a.created.as_deref(), Some("2026-12-01T10:00:00.000Z"));
        assert_eq!(a.file, "sessions/2026/12/01/rollout-a.jsonl");
        let b = all.iter().find(|t| t.id == "bbb").unwrap();
        assert!(!b.prompt.as_deref().unwrap().contains("7f3a9c2e1b4d5f60"), "{b:?}");
        assert_eq!(b.model, None);
        let long_one = all.iter().find(|t| t.id == "ddd").unwrap();
        assert_eq!(long_one.prompt.as_deref().unwrap().chars().count(), PROMPT_CHARS + 1);
        assert_eq!(list(d.path(), Some("beta")).len(), 1);
        assert_eq!(shell_line(&resume_args(a)), "codex -c model_provider=alpha -c model=m-1 resume aaa");
        let odd = Thread { provider: Some("true".into()), model: Some("my model".into()), ..a.clone() };
        assert_eq!(
            shell_line(&resume_args(&odd)),
            r#"codex -c 'model_provider="true"' -c 'model="my model"' resume aaa"#
        );
    }

    #[test]
    fn file_times_are_rfc3339_utc() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_581_147);
        assert_eq!(rfc3339(t), "2026-12-06T18:19:07Z");
        assert_eq!(
            rfc3339(std::time::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00Z"
        );
    }
}
