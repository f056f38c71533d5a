//! Fixture cases in the style of cargo's `cargo add` suite. Each directory under
//! `fixtures/cases/` holds:
//! - `cmd`: the arguments, one per line;
//! - `env` (optional): `KEY=VALUE` lines (`[HOME]` is the scratch home, `[FIXTURES]` the
//!   repository's `fixtures/`: `PATH=[FIXTURES]/codex-stub` pins `codex --version`);
//! - `in/` (optional): the starting Codex home; `in.corpus` (optional): a corpus file
//!   copied to `config.toml`;
//! - `out/`: the expected Codex home afterwards (every file compared byte for byte; our
//!   own `.codex-provider/` state is ignored);
//! - `stdout`, `stderr`, `code`: expected output (`[..]` matches any text within a line,
//!   `[HOME]` is the scratch home; `"durationMs": N` in JSON reads `"durationMs": [MS]`).
//!
//! Every case runs in an empty working directory (no project-local `.codex/`).
//!
//! `BLESS=1 cargo test --test it cases::` rewrites the expectations; review them with `git diff`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Home, corpus_dir, snapshot};

/// The tree as the cases compare it: our own `.codex-provider/` state and `.keep` left out.
fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = snapshot(root);
    t.retain(|rel, _| !rel.starts_with(".codex-provider") && rel != ".keep");
    t
}

fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in read_tree(from) {
        let dst = to.join(&rel);
        fs::create_dir_all(dst.parent().unwrap()).unwrap();
        fs::write(dst, bytes).unwrap();
    }
}

/// Line-wise match with `[..]` wildcards.
fn matches(expected: &str, actual: &str) -> bool {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    e.len() == a.len() && e.iter().zip(&a).all(|(e, a)| line_matches(e, a))
}

fn line_matches(pattern: &str, line: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[..]").collect();
    if parts.len() == 1 {
        return pattern == line;
    }
    let mut rest = line;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(pos) = rest.find(part) else { return false };
            rest = &rest[pos + part.len()..];
        }
    }
    true
}

fn without_times(text: &str) -> String {
    const KEY: &str = "\"generatedAt\": \"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(KEY) {
        let after = &rest[i + KEY.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&rest[..i + KEY.len()]);
        out.push_str("[TIME]");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `"durationMs": 12` → `"durationMs": [MS]` and doctor's `"generatedAt": "…Z"` →
/// `"generatedAt": "[TIME]"`: timings and clocks vary from run to run.
fn without_durations(text: &str) -> String {
    let text = without_times(text);
    let text = text.as_str();
    const KEY: &str = "\"durationMs\": ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(KEY) {
        let after = &rest[i + KEY.len()..];
        let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        out.push_str(&rest[..i + KEY.len()]);
        out.push_str(if digits > 0 { "[MS]" } else { "" });
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// A unified diff, expected → actual (a `[..]` line in the expectation shows as changed).
fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

fn run_case(dir: &Path, bless: bool) -> Result<(), String> {
    let home = Home::new();
    if dir.join("in").is_dir() {
        copy_tree(&dir.join("in"), home.path());
    }
    if let Ok(name) = fs::read_to_string(dir.join("in.corpus")) {
        fs::copy(corpus_dir().join(name.trim()), home.config()).unwrap();
    }
    let args: Vec<String> = fs::read_to_string(dir.join("cmd")).unwrap().lines().map(str::to_string).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let cwd = tempfile::tempdir().unwrap();
    let mut cmd = home.cmd(&args);
    cmd.current_dir(cwd.path());
    let fixtures = crate::support::fixtures_dir();
    if let Ok(env) = fs::read_to_string(dir.join("env")) {
        for line in env.lines().filter(|l| !l.trim().is_empty()) {
            let (k, v) = line.split_once('=').unwrap();
            cmd.env(
                k,
                v.replace("[HOME]", &home.path().to_string_lossy()).replace("[FIXTURES]", &fixtures.to_string_lossy()),
            );
        }
    }
    let out = cmd.output().unwrap();
    let norm = |b: &[u8]| without_durations(&crate::support::home_paths(&String::from_utf8_lossy(b), home.path()));
    let (stdout, stderr, code) = (norm(&out.stdout), norm(&out.stderr), out.status.code().unwrap_or(-1));
    let actual_tree = read_tree(home.path());
    if bless {
        // An expectation that still matches is kept, so its `[..]` wildcards survive.
        for (name, actual) in [("stdout", &stdout), ("stderr", &stderr)] {
            if !matches(&fs::read_to_string(dir.join(name)).unwrap_or_default(), actual) {
                fs::write(dir.join(name), actual).unwrap();
            }
        }
        fs::write(dir.join("code"), format!("{code}\n")).unwrap();
        let _ = fs::remove_dir_all(dir.join("out"));
        fs::create_dir_all(dir.join("out")).unwrap();
        fs::write(dir.join("out/.keep"), "").unwrap();
        for (rel, bytes) in &actual_tree {
            let dst = dir.join("out").join(rel);
            fs::create_dir_all(dst.parent().unwrap()).unwrap();
            fs::write(dst, bytes).unwrap();
        }
        return Ok(());
    }
    let mut errs = Vec::new();
    let want_code: i32 = fs::read_to_string(dir.join("code")).map(|s| s.trim().parse().unwrap()).unwrap_or(0);
    if code != want_code {
        errs.push(format!("exit code {code}, expected {want_code}"));
    }
    for (name, actual) in [("stdout", &stdout), ("stderr", &stderr)] {
        let expected = fs::read_to_string(dir.join(name)).unwrap_or_default();
        if !matches(&expected, actual) {
            errs.push(format!("{name} differs\n{}", diff(&expected, actual)));
        }
    }
    let expected_tree = read_tree(&dir.join("out"));
    if expected_tree != actual_tree {
        for (rel, bytes) in &expected_tree {
            match actual_tree.get(rel) {
                None => errs.push(format!("missing file {rel}")),
                Some(a) if a != bytes => errs.push(format!(
                    "file {rel} differs\n{}",
                    diff(&String::from_utf8_lossy(bytes), &String::from_utf8_lossy(a))
                )),
                _ => {}
            }
        }
        for rel in actual_tree.keys().filter(|k| !expected_tree.contains_key(*k)) {
            errs.push(format!("unexpected file {rel}"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("\n")) }
}

#[test]
fn fixture_cases() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let bless = std::env::var_os("BLESS").is_some();
    let mut dirs: Vec<PathBuf> =
        fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 20, "expected the fixture cases under {}", root.display());
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| {
            run_case(d, bless).err().map(|e| format!("=== {}\n{e}", d.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), dirs.len(), failures.join("\n\n"));
    eprintln!("{} fixture cases passed", dirs.len());
}

#[test]
fn wildcard_matching() {
    assert!(line_matches("a [..] c", "a bbb c"));
    assert!(!line_matches("a [..] c", "a bbb d"));
    assert!(line_matches("plain", "plain"));
    assert!(!matches("x\ny", "x"));
    assert_eq!(
        without_durations("{\"durationMs\": 31,\n\"durationMs\": 0}"),
        "{\"durationMs\": [MS],\n\"durationMs\": [MS]}"
    );
}
