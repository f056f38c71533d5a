//! Hostile endpoints that tests/it/probe.rs does not cover: invalid UTF-8, non-JSON SSE data,
//! a redirect loop, gzip and zstd bombs (decoded as Codex 0.171 does, but never past the
//! 4 MiB cap), and bounded peak memory against huge / endless / bomb bodies.

#[cfg(unix)]
use std::path::Path;
#[cfg(unix)]
use std::process::{Command, Stdio};
#[cfg(unix)]
use std::time::{Duration, Instant};

use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

const VAR: &str = "HOSTILE_KEY";
use crate::support::CANARY as KEY;

fn probe(s: &Server, extra: &[&str]) -> (Run, Value) {
    let base = s.base();
    let mut args = vec!["--base-url", &base, "--env-key", VAR, "--model", "m"];
    args.extend_from_slice(extra);
    crate::support::probe_json(&Home::new(), &args, &[(VAR, KEY)])
}

#[test]
fn invalid_utf8_bodies_are_a_verdict_not_a_crash() {
    let s = Server::start(Mode::InvalidUtf8);
    let (r, j) = probe(&s, &[]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(j["verdict"], "bad_stream", "{}", r.stdout);
    assert!(r.stderr.is_empty() || !r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn sse_data_that_is_not_json_is_bad_stream() {
    let s = Server::start(Mode::BadJsonSse);
    let (r, j) = probe(&s, &[]);
    assert_eq!(r.code, 1);
    assert_eq!(j["verdict"], "bad_stream", "{}", r.stdout);
}

#[test]
fn redirect_loop_is_not_followed() {
    let s = Server::start(Mode::RedirectLoop);
    let (r, j) = probe(&s, &["--timeout", "600"]);
    assert_eq!(r.code, 1);
    assert_eq!(j["verdict"], "redirect", "{}", r.stdout);
    // One request per endpoint: no redirect was followed.
    let paths: Vec<String> = s.requests().iter().map(|q| q.path.clone()).collect();
    assert!(paths.len() <= 3, "{paths:?}");
}

#[test]
fn gzip_bomb_is_inflated_only_up_to_the_cap() {
    let s = Server::start(Mode::GzipBomb);
    // A generous clock: the cap, not the timeout, must end the read.
    let (r, j) = probe(&s, &["--timeout", "600"]);
    assert_eq!(r.code, 1);
    assert_ne!(j["verdict"], "ok", "{}", r.stdout);
    assert_ne!(j["verdict"], "timeout", "{}", r.stdout);
    // Like Codex 0.171, the probe asks for zstd and gzip (and nothing Codex cannot decode).
    let post = s.requests().into_iter().find(|q| q.method == "POST").expect("a POST");
    assert_eq!(post.header("accept-encoding"), Some("zstd,gzip"));
}

/// The peak RSS bound (issue 12): every probe, whatever the server sends, under 15 MiB.
#[cfg(unix)]
const RSS_BOUND_KIB: u64 = 15 * 1024;

/// Peak RSS in KiB of `bin probe` against `mode`, measured by /usr/bin/time (None when absent).
#[cfg(unix)]
fn peak_rss_kib(bin: &Path, mode: Mode, extra: &[&str]) -> Option<(u64, Duration, Value)> {
    let s = Server::start(mode);
    peak_rss_at(bin, &s.base(), extra)
}

/// The same against `base`.
#[cfg(unix)]
fn peak_rss_at(bin: &Path, base: &str, extra: &[&str]) -> Option<(u64, Duration, Value)> {
    if !Path::new("/usr/bin/time").exists() {
        return None;
    }
    let home = Home::new();
    let mut args = vec!["-f", "%M", bin.to_str().unwrap(), "probe", "--base-url", base, "--env-key", VAR];
    args.extend_from_slice(&["--model", "m", "--json"]);
    args.extend_from_slice(extra);
    let base_cmd = home.cmd(&[]);
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(&args)
        .envs(base_cmd.get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
        .env(VAR, KEY)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let took = t.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    let kib: u64 = err.lines().last()?.trim().parse().ok()?;
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    Some((kib, took, j))
}

/// The release binary, built here only when `CODEX_PROVIDER_RSS_RELEASE=1` (a clean release
/// build takes minutes on the 2-core machine; CI and BENCHMARKS.md measure it that way).
#[cfg(unix)]
fn release_bin() -> Option<std::path::PathBuf> {
    if std::env::var("CODEX_PROVIDER_RSS_RELEASE").as_deref() != Ok("1") {
        return None;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let st = Command::new(cargo)
        .args(["build", "--release", "--bin", "codex-provider"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(st.success(), "cargo build --release failed");
    Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/codex-provider"))
}

/// The modes that trickle their body on a clock (their peak is not the body's size).
#[cfg(unix)]
fn mode_is_clocked(name: &str) -> bool {
    name.starts_with("drip")
}

/// Every hostile body stays under 15 MiB of peak RSS. On the release binary (opt-in, see
/// [`release_bin`]) the bound is absolute. On the debug test binary, whose unoptimised code
/// alone makes an unreachable probe peak near 15 MiB, the bound is on what the body adds:
/// peak minus that same binary's unreachable-probe peak stays under 15 MiB minus the release
/// binary's unreachable-probe peak (measured 5.2 MiB, taken as 6; BENCHMARKS.md), i.e. under 9 MiB.
#[cfg(unix)] // measures peak RSS with GNU time (/usr/bin/time -f %M)
#[test]
fn peak_memory_is_bounded_against_huge_endless_and_bomb_bodies() {
    const RELEASE_IDLE_KIB: u64 = 6 * 1024;
    let (bin, release) = match release_bin() {
        Some(b) => (b, true),
        None => (crate::support::bin(), false),
    };
    // A port nobody listens on: the probe's own cost, with no body at all.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let Some((idle, _, j)) = peak_rss_at(&bin, &format!("http://{closed}/v1"), &[]) else {
        eprintln!("SKIPPED: /usr/bin/time not available");
        return;
    };
    assert_eq!(j["verdict"], "unreachable");
    let mut figures = vec![format!("unreachable (idle): {} KiB peak RSS", idle)];
    for (name, mode, extra) in [
        ("huge 64 MiB JSON", Mode::Huge, &["--timeout", "600"][..]),
        ("endless SSE", Mode::EndlessSse, &["--timeout", "600"][..]),
        ("gzip bomb", Mode::GzipBomb, &["--timeout", "600"][..]),
        ("zstd bomb", Mode::ZstdBomb, &["--timeout", "600"][..]),
        ("drip (timeout 2 s)", Mode::Drip, &["--timeout", "2"][..]),
    ] {
        let (kib, took, j) = peak_rss_kib(&bin, mode, extra).expect("measured");
        assert_ne!(j["verdict"], "ok");
        if release {
            assert!(kib < RSS_BOUND_KIB, "{name}: peak RSS {kib} KiB (release)");
        } else {
            let added = kib.saturating_sub(idle);
            assert!(
                added < RSS_BOUND_KIB - RELEASE_IDLE_KIB,
                "{name}: peak RSS {kib} KiB, {added} KiB over idle {idle}"
            );
        }
        // The body caps end these reads, not the clock (a generous timeout, so a loaded
        // machine cannot turn a cap that failed into a pass); the drip is the clock's case.
        if mode_is_clocked(name) {
            assert_eq!(j["verdict"], "timeout", "{name}");
        } else {
            assert_ne!(j["verdict"], "timeout", "{name}: stopped by the clock, not by the cap ({took:?})");
        }
        figures.push(format!("{name}: {kib} KiB peak RSS, {} ms, verdict {}", took.as_millis(), j["verdict"]));
    }
    eprintln!("{} binary\n{}", if release { "release" } else { "debug" }, figures.join("\n"));
}
