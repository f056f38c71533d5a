//! The probe's verdict against what the real Codex CLI 0.169 does with the same config and
//! the same fake server (the oracle). Skipped loudly when Codex is missing (fails under CI).

mod support;

use std::time::Duration;

use serde_json::Value;
use support::codex::{self, Outcome};
use support::server::{Bad, Mode, Server};
use support::{Home, Run};

const KEY: &str = "sk-canary-oracle-0123456789";

struct Case {
    home: Home,
    probe: Value,
    codex: Outcome,
}

/// Writes a config selecting `base_url`, runs `codex exec` and `codex-provider probe --json` on it.
fn run_both(base_url: &str) -> Option<Case> {
    codex::bin()?;
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(base_url, "mock-model"));
    let scratch_home = home.path().join("user-home");
    std::fs::create_dir_all(&scratch_home).unwrap();
    let out = codex::exec(
        home.path(),
        &[],
        &[("FAKE_API_KEY", KEY), ("HOME", scratch_home.to_str().unwrap())],
        Duration::from_secs(60),
    );
    let run = Run::from(home.cmd(&["probe", "--json"]).env("FAKE_API_KEY", KEY).output().unwrap());
    assert!(!run.stdout.contains(KEY) && !run.stderr.contains(KEY));
    let probe: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{}\n{}", run.stdout, run.stderr));
    assert_eq!(run.code, if probe["ok"] == true { 0 } else { 1 });
    eprintln!(
        "oracle {base_url}: codex exit {:?} (timed out: {}), stdout {:?}, last stderr line {:?}; probe verdict {}",
        out.code,
        out.timed_out,
        out.stdout.trim(),
        out.stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").replace(KEY, "<key>"),
        probe["verdict"]
    );
    Some(Case { home, probe, codex: out })
}

#[test]
fn oracle_ok_codex_prints_the_text() {
    let s = Server::start(Mode::Ok);
    let Some(c) = run_both(&s.base()) else { return };
    assert!(!c.codex.timed_out);
    assert_eq!(c.codex.code, Some(0), "{}", c.codex.stderr);
    assert!(c.codex.stdout.contains("hi from fake"), "{}", c.codex.stdout);
    assert_eq!(c.probe["verdict"], "ok");
    let _ = c.home;
}

#[test]
fn oracle_bad_stream_codex_exits_0_and_prints_nothing() {
    for bad in [Bad::DeltasOnly, Bad::NoRole] {
        let s = Server::start(Mode::Bad(bad));
        let Some(c) = run_both(&s.base()) else { return };
        assert_eq!(c.codex.code, Some(0), "{bad:?}: {}", c.codex.stderr);
        assert_eq!(c.codex.stdout.trim(), "", "{bad:?}");
        assert_eq!(c.probe["verdict"], "bad_stream");
        assert!(c.probe["hint"].as_str().unwrap().contains("print nothing"));
    }
}

#[test]
fn oracle_auth_codex_fails_401() {
    let s = Server::start(Mode::Unauthorized);
    let Some(c) = run_both(&s.base()) else { return };
    assert_eq!(c.codex.code, Some(1));
    assert!(c.codex.stderr.contains("401"), "{}", c.codex.stderr);
    assert_eq!(c.probe["verdict"], "auth");
}

#[test]
fn oracle_not_found_and_our_suggested_fix_works_in_codex() {
    let s = Server::start(Mode::Ok);
    let Some(c) = run_both(&s.url()) else { return };
    assert_eq!(c.codex.code, Some(1));
    assert!(c.codex.stderr.contains("404"), "{}", c.codex.stderr);
    assert_eq!(c.probe["verdict"], "not_found");
    // Apply our suggestion; Codex must now work.
    let fixed = c.probe["suggested_base_url"].as_str().expect("suggested_base_url").to_string();
    let Some(c2) = run_both(&fixed) else { return };
    assert_eq!(c2.codex.code, Some(0), "{}", c2.codex.stderr);
    assert!(c2.codex.stdout.contains("hi from fake"));
    assert_eq!(c2.probe["verdict"], "ok");
}

#[test]
fn oracle_json_not_sse_codex_fails() {
    let s = Server::start(Mode::JsonNotSse);
    let Some(c) = run_both(&s.base()) else { return };
    assert_eq!(c.codex.code, Some(1), "{}", c.codex.stderr);
    assert_eq!(c.probe["verdict"], "not_sse");
}
