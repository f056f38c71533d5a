//! `probe --codex`: the real Codex 0.171 (`CODEX_BIN`, else the CI cache) against the fake
//! server: a scripted file-creating tool call passes; a bad stream and a dead port fail,
//! naming the cause, in bounded time.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::catalog::codex_bin;
use crate::support::codex;
use crate::support::server::{Bad, Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

const KEY: &str = "sk-canary-probe-codex-0123456789";

fn probe(home: &Home, bin: &PathBuf, extra: &[&str]) -> (Run, Value, Duration) {
    home.write("config.toml", &codex::config_toml("http://127.0.0.1:1/v1", "mock-model"));
    let mut args = vec!["probe", "--codex", "--json"];
    args.extend_from_slice(extra);
    let started = Instant::now();
    let r = Run::from(
        home.cmd(&args).env("CODEX_BIN", bin).env("FAKE_API_KEY", KEY).env("NO_PROXY", "127.0.0.1").output().unwrap(),
    );
    let took = started.elapsed();
    assert!(!r.stdout.contains(KEY) && !r.stderr.contains(KEY), "the key leaked");
    let v = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
    (r, v, took)
}

/// The file Codex wrote in the scratch folder is gone with it; what proves the write is the
/// verdict, which requires the file to hold the run's token, and the server's second turn.
#[test]
fn a_scripted_tool_call_writes_the_file_and_passes() {
    let Some(bin) = codex_bin() else { return };
    let server = Server::start(Mode::WriteFile);
    let home = Home::new();
    home.write("config.toml", &codex::config_toml("http://127.0.0.1:1/v1", "mock-model"));
    let before: Vec<String> = list(home.path());
    let base = server.base();
    let (r, v, _) = probe(&home, &bin, &["--base-url", &base, "--env-key", "FAKE_API_KEY", "--model", "mock-model"]);
    r.code(0);
    assert_eq!(v["verdict"], "ok", "{v:#}");
    assert!(v["summary"].as_str().unwrap().contains("codex-probe.txt"));
    let reqs: Vec<_> = server.requests().into_iter().filter(|q| q.path.ends_with("/responses")).collect();
    assert_eq!(reqs.len(), 2, "a tool call round trip");
    assert!(reqs[1].body.contains("function_call_output"));
    assert_eq!(reqs[0].header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    // What Codex itself wrote in CODEX_HOME for the session (documented in src/probe_codex.rs).
    let after = list(home.path());
    let new: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
    eprintln!("codex wrote in CODEX_HOME: {new:?}");
    assert!(new.iter().any(|f| f.ends_with(".sqlite")), "Codex's session state: {new:?}");
    assert!(!after.iter().any(|f| f == "sessions"), "--ephemeral keeps sessions/ out: {after:?}");
    assert!(after.iter().all(|f| f == "config.toml" || !f.starts_with("codex-provider")), "{after:?}");
}

fn list(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn a_configured_provider_with_a_bad_stream_fails_naming_the_cause_quickly() {
    let Some(bin) = codex_bin() else { return };
    let server = Server::start(Mode::Bad(Bad::DeltasOnly));
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(&server.base(), "mock-model"));
    let started = Instant::now();
    let r = Run::from(
        home.cmd(&["probe", "--codex", "--json", "--timeout", "600"])
            .env("CODEX_BIN", &bin)
            .env("FAKE_API_KEY", KEY)
            .output()
            .unwrap(),
    );
    let took = started.elapsed();
    r.code(1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_ne!(v["verdict"], "ok", "{v:#}");
    assert_eq!(v["verdict"], "bad_stream", "{v:#}");
    assert!(v["summary"].as_str().unwrap().contains("OutputTextDelta without active item"), "{v:#}");
    assert!(!v["summary"].as_str().unwrap().is_empty() && v["hint"].is_string(), "{v:#}");
    // Stopped on Codex's own failure, long before the 600 s clock (generous for a loaded machine).
    assert!(took < Duration::from_secs(300), "took {took:?}");
}

#[test]
fn a_dead_port_is_unreachable_and_stops_early() {
    let Some(bin) = codex_bin() else { return };
    let home = Home::new();
    let (r, v, took) =
        probe(&home, &bin, &["--base-url", "http://127.0.0.1:1/v1", "--env-key", "FAKE_API_KEY", "--timeout", "600"]);
    r.code(1);
    assert_eq!(v["verdict"], "unreachable", "{v:#}");
    assert!(v["summary"].as_str().unwrap().contains("waiting for network"), "{v:#}");
    assert!(took < Duration::from_secs(300), "stopped early, took {took:?}");
}

#[test]
fn a_missing_key_variable_is_missing_key() {
    let Some(bin) = codex_bin() else { return };
    let server = Server::start(Mode::WriteFile);
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(&server.base(), "mock-model"));
    let r = Run::from(home.cmd(&["probe", "--codex", "--json"]).env("CODEX_BIN", &bin).output().unwrap());
    r.code(1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["verdict"], "missing_key", "{v:#}");
    assert!(v["codex_errors"][0].as_str().unwrap().contains("FAKE_API_KEY"), "{v:#}");
}

/// The fake server echoes the bearer token in its 401 message: Codex prints it, we must not.
#[test]
fn a_refused_key_is_auth_and_never_echoed() {
    let Some(bin) = codex_bin() else { return };
    let server = Server::start(Mode::Unauthorized);
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(&server.base(), "mock-model"));
    for json in [true, false] {
        let mut args = vec!["probe", "--codex", "--timeout", "60"];
        if json {
            args.push("--json");
        }
        let r = Run::from(home.cmd(&args).env("CODEX_BIN", &bin).env("FAKE_API_KEY", KEY).output().unwrap());
        r.code(1);
        assert!(!r.stdout.contains(KEY) && !r.stderr.contains(KEY), "the key leaked:\n{}\n{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("0123456789"), "a part of the key leaked:\n{}", r.stdout);
        if json {
            let v: Value = serde_json::from_str(&r.stdout).unwrap();
            assert_eq!(v["verdict"], "auth", "{v:#}");
        } else {
            assert!(r.stdout.contains("codex auth"), "{}", r.stdout);
        }
    }
}
