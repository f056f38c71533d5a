//! The probe's verdict against what the real Codex CLI 0.169 does with the same config and
//! the same fake server (the oracle). Skipped loudly when Codex is missing (fails under CI).

use std::time::Duration;

use crate::support::codex::{self, Outcome};
use crate::support::server::{Bad, Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

use crate::support::CANARY as KEY;

struct Case {
    home: Home,
    probe: Value,
    codex: Outcome,
}

/// Writes a config selecting `base_url`, runs `codex exec` and `codex-provider probe --json` on it.
fn run_both(base_url: &str) -> Option<Case> {
    run_both_for(base_url, Duration::from_secs(60))
}

fn run_both_for(base_url: &str, codex_timeout: Duration) -> Option<Case> {
    codex::bin()?;
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(base_url, "mock-model"));
    let scratch_home = home.path().join("user-home");
    std::fs::create_dir_all(&scratch_home).unwrap();
    let out = codex::exec(
        home.path(),
        &[],
        &[("FAKE_API_KEY", KEY), ("HOME", scratch_home.to_str().unwrap())],
        codex_timeout,
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

#[test]
fn oracle_unreachable_codex_hangs_probe_does_not() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let started = std::time::Instant::now();
    // Codex retries "waiting for network" forever (docs/codex-facts.md#retries); give it 8 s.
    let Some(c) = run_both_for(&format!("http://127.0.0.1:{port}/v1"), Duration::from_secs(8)) else { return };
    assert!(c.codex.timed_out, "Codex ended: {:?}\n{}", c.codex.code, c.codex.stderr);
    assert!(c.codex.stderr.contains("waiting for network"), "{}", c.codex.stderr);
    assert_eq!(c.probe["verdict"], "unreachable");
    assert!(c.probe["duration_ms"].as_u64().unwrap() < 2000);
    eprintln!("unreachable oracle took {:?}", started.elapsed());
}

#[test]
fn oracle_missing_key() {
    let s = Server::start(Mode::Ok);
    let Some(_) = codex::bin() else { return };
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(&s.base(), "mock-model"));
    let out = codex::exec(home.path(), &[], &[("FAKE_API_KEY", "")], Duration::from_secs(30));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("FAKE_API_KEY"), "{}", out.stderr);
    let run = Run::from(home.cmd(&["probe", "--json"]).env("FAKE_API_KEY", "").output().unwrap());
    let j: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["verdict"], "missing_key");
    assert!(s.requests().is_empty(), "neither Codex nor the probe may send a request without the key");
}

/// What real Codex sends as the key when `$CODEX_HOME/.env` holds it in a given spelling
/// (and, for precedence, when the process environment has it too). Codex reads `.env` with the
/// `dotenvy` crate; `codex-provider` must resolve the key the same way (`env.rs`).
#[test]
fn oracle_dotenv_spellings_and_precedence() {
    let Some(_) = codex::bin() else { return };
    // (.env text, FAKE_API_KEY in the process env, OTHER in the process env)
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("FAKE_API_KEY=plain-key # a comment\n", None, None),
        ("export FAKE_API_KEY=\"dq-key\\\"x\"\n", None, None),
        ("FAKE_API_KEY='sq-key#x'\n", None, None),
        ("FAKE_API_KEY=sub-${OTHER}-z\n", None, Some("other")),
        ("FAKE_API_KEY=from-dotenv\n", Some("from-process"), None),
        ("FAKE_API_KEY=\n", Some("from-process-2"), None),
    ];
    for (dotenv, process, other) in cases {
        let s = Server::start(Mode::Ok);
        let home = Home::new();
        home.write("config.toml", &codex::config_toml(&s.base(), "mock-model"));
        home.write(".env", dotenv);
        let scratch_home = home.path().join("user-home");
        std::fs::create_dir_all(&scratch_home).unwrap();
        let mut env = vec![("HOME", scratch_home.to_str().unwrap())];
        env.extend(process.map(|v| ("FAKE_API_KEY", v)));
        env.extend(other.map(|v| ("OTHER", v)));
        let out = codex::exec(home.path(), &[], &env, Duration::from_secs(60));
        let sent: Option<String> = s
            .requests()
            .iter()
            .find_map(|r| r.header("authorization").map(|a| a.trim_start_matches("Bearer ").to_string()));
        let mut cmd = home.cmd(&["probe", "--json"]);
        cmd.env_remove("FAKE_API_KEY");
        for (k, v) in &env {
            cmd.env(k, v);
        }
        let _ = cmd.output().unwrap();
        let ours: Option<String> = s
            .requests()
            .iter()
            .rev()
            .find_map(|r| r.header("authorization").map(|a| a.trim_start_matches("Bearer ").to_string()));
        eprintln!(
            "oracle .env {dotenv:?} process {process:?}: codex sent {sent:?} (exit {:?}); we sent {ours:?}",
            out.code
        );
        // An empty `.env` entry still overrides the exported key: Codex then has none.
        let blank = dotenv.ends_with("=\n");
        assert_eq!(sent.is_some(), !blank, "codex key for {dotenv:?}: {}", out.stderr);
        assert_eq!(ours, sent, ".env {dotenv:?}, process {process:?}");
    }
}

/// Runs `codex exec` of one release against `s` (a config selecting it, model mock-model).
fn codex_on(bin: &std::path::Path, s: &Server) -> (Home, Outcome) {
    let home = Home::new();
    home.write("config.toml", &codex::config_toml(&s.base(), "mock-model"));
    let scratch = home.path().join("user-home");
    std::fs::create_dir_all(&scratch).unwrap();
    let env = [("FAKE_API_KEY", KEY), ("HOME", scratch.to_str().unwrap())];
    let out = codex::exec_bin(bin, home.path(), &[], &env, Duration::from_secs(60));
    (home, out)
}

fn object_keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    k.sort();
    k
}

/// The probe's first `POST /responses` has the shape of real Codex 0.171's, captured by the
/// same server: the same header names, the same user-agent / originator / accept-encoding
/// shapes, the same body keys (and turn-metadata keys); only ids and the prompt differ.
#[test]
fn oracle_probe_request_has_codex_0171_shape() {
    let Some(bin) = codex::require_codex("0.171.0") else { return };
    let s = Server::start(Mode::Ok);
    let (home, out) = codex_on(&bin, &s);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let codex_post = s.requests().into_iter().find(|q| q.method == "POST").expect("codex POST");
    let n = s.requests().len();
    let run = Run::from(
        home.cmd(&["probe", "--json"])
            .env("FAKE_API_KEY", KEY)
            .env("CODEX_BIN", &bin)
            .env("TERM", "xterm")
            .env("NO_PROXY", "127.0.0.1")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let probe_post =
        s.requests().into_iter().skip(n).find(|q| q.method == "POST" && q.path == "/v1/responses").expect("probe POST");

    let names = |q: &crate::support::server::Req| {
        let mut v: Vec<String> = q.headers.iter().map(|(k, _)| k.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(names(&probe_post), names(&codex_post), "header names differ");
    for h in ["accept", "content-type", "originator", "accept-encoding", "x-codex-beta-features"] {
        assert_eq!(probe_post.header(h), codex_post.header(h), "header {h}");
    }
    // user-agent: `codex_exec/0.171.0 (OS VERSION; ARCH) TERMINAL (codex_exec; 0.171.0)`.
    let shape = |ua: &str| {
        let (head, rest) = ua.split_once(" (").unwrap_or((ua, ""));
        let (os, rest) = rest.split_once(") ").unwrap_or(("", ""));
        let tail = rest.split_once(' ').map(|(_, t)| t).unwrap_or("");
        (head.to_string(), os.contains("; "), tail.to_string())
    };
    let (pua, cua) = (probe_post.header("user-agent").unwrap(), codex_post.header("user-agent").unwrap());
    assert_eq!(shape(pua), shape(cua), "user-agent {pua:?} vs {cua:?}");
    let meta = |q: &crate::support::server::Req| {
        object_keys(&serde_json::from_str(q.header("x-codex-turn-metadata").unwrap()).unwrap())
    };
    assert_eq!(meta(&probe_post), meta(&codex_post), "x-codex-turn-metadata keys");
    for h in ["session-id", "thread-id", "x-client-request-id"] {
        assert_eq!(probe_post.header(h).map(str::len), Some(36), "{h} is a UUID");
    }

    let (pb, cb): (Value, Value) =
        (serde_json::from_str(&probe_post.body).unwrap(), serde_json::from_str(&codex_post.body).unwrap());
    assert_eq!(object_keys(&pb), object_keys(&cb), "body keys");
    assert_eq!(object_keys(&pb["client_metadata"]), object_keys(&cb["client_metadata"]), "client_metadata keys");
    // Same key order too (serde_json sorts, so read positions in the raw text).
    let order = |body: &str, keys: &[String]| {
        let mut k: Vec<(usize, String)> =
            keys.iter().map(|k| (body.find(&format!("\"{k}\":")).unwrap(), k.clone())).collect();
        k.sort();
        k.into_iter().map(|(_, k)| k).collect::<Vec<_>>()
    };
    let keys = object_keys(&cb);
    assert_eq!(order(&probe_post.body, &keys), order(&codex_post.body, &keys), "body key order");
    for k in ["stream", "tool_choice", "parallel_tool_calls", "reasoning", "store", "include"] {
        assert_eq!(pb[k], cb[k], "body {k}");
    }
}

/// Codex reads gzip- and zstd-compressed streams since 0.171.0 (it asks for `zstd,gzip`);
/// before, it fails on them (`stream disconnected before completion: UTF8 error: invalid
/// utf-8 sequence`). On every release of the full and smoke sets, the probe (which decodes
/// them itself) passes exactly when that release's `codex exec` prints the answer.
#[test]
fn oracle_compressed_streams() {
    for version in codex::full().into_iter().chain(codex::smoke()) {
        let Some(bin) = codex::require_codex(&version) else { return };
        for mode in [Mode::Gzip, Mode::Zstd] {
            let s = Server::start(mode.clone());
            let (home, out) = codex_on(&bin, &s);
            assert!(!out.timed_out, "{version} {mode:?}");
            let codex_reads = out.code == Some(0) && out.stdout.contains("hi from fake");
            let run = Run::from(
                home.cmd(&["probe", "--json"]).env("FAKE_API_KEY", KEY).env("CODEX_BIN", &bin).output().unwrap(),
            );
            let j: Value = serde_json::from_str(&run.stdout).unwrap();
            let want = if codex_reads { "ok" } else { "bad_stream" };
            assert_eq!(j["verdict"], want, "{version} {mode:?}: codex {:?}\n{}", out.code, run.stdout);
        }
    }
}
