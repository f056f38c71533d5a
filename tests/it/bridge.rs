//! `bridge` and `add --bridge` against the real codex-relay (PyPI, pinned in .ci/run) in
//! front of the fake server's streaming Chat Completions mode, and the real Codex through it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::server::{Mode, Server};
use crate::support::{Home, Run, codex};

const KEY: &str = "sk-bridge-test-0123456789abcdef";

/// The directory holding `codex-relay`: `$CODEX_RELAY_DIR`, else the CI cache. Missing:
/// panics under CI, else None with a loud notice.
fn relay_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CODEX_RELAY_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        home.join(".cache/codex-provider-ci/codex-relay-0.5.8/bin")
    });
    if dir.join("codex-relay").is_file() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("codex-relay is missing under CI: run .ci/run or set CODEX_RELAY_DIR");
    }
    eprintln!("\n!!!!! SKIPPED: codex-relay not found (set CODEX_RELAY_DIR) !!!!!\n");
    None
}

fn path_with(dir: &std::path::Path) -> String {
    format!("{}:/usr/bin:/bin", dir.display())
}

fn run(home: &Home, path: &str, args: &[&str]) -> Run {
    Run::from(home.cmd(args).env("PATH", path).env("FAKE_API_KEY", KEY).output().expect("run"))
}

fn record(home: &Home, id: &str) -> serde_json::Value {
    serde_json::from_str(&home.read(&format!(".codex-provider/bridges/{id}.json"))).expect("bridge record")
}

fn alive(pid: u32) -> bool {
    // SAFETY: signal 0 checks existence only.
    let exists = unsafe { libc::kill(pid as i32, 0) } == 0;
    let zombie = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.rsplit_once(')').is_some_and(|(_, r)| r.trim_start().starts_with('Z')))
        .unwrap_or(false);
    exists && !zombie
}

fn wait_dead(pid: u32) -> bool {
    let until = Instant::now() + Duration::from_secs(5);
    while alive(pid) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    !alive(pid)
}

/// Stops the bridge at the end of a test even when an assertion failed.
struct Cleanup<'a>(&'a Home, String, u32);
impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let _ = self.0.cmd(&["bridge", "stop", &self.1]).env("PATH", "/usr/bin:/bin").output();
        if alive(self.2) {
            // SAFETY: the relay pid this test started.
            unsafe { libc::kill(self.2 as i32, libc::SIGKILL) };
        }
    }
}

#[test]
fn add_bridge_probe_and_real_codex_round_trip_then_stop_leaves_no_process() {
    let Some(dir) = relay_dir() else { return };
    let path = path_with(&dir);
    let srv = Server::start(Mode::ChatStream);
    let home = Home::new();
    let base = srv.base();
    let r = run(
        &home,
        &path,
        &["add", "x", "--base-url", &base, "--env-key", "FAKE_API_KEY", "--model", "mock-model", "--use", "--bridge"],
    );
    r.code(0);
    let rec = record(&home, "x");
    let pid = rec["pid"].as_u64().unwrap() as u32;
    let port = rec["port"].as_u64().unwrap();
    let _cleanup = Cleanup(&home, "x".into(), pid);
    assert!(alive(pid), "relay runs");
    assert_eq!(rec["upstream"], base.as_str());
    let cfg = home.read("config.toml");
    assert!(cfg.contains(&format!("base_url = \"http://127.0.0.1:{port}/v1\"")), "{cfg}");
    assert!(cfg.contains("env_key = \"FAKE_API_KEY\""), "{cfg}");
    // The relay got its key through the environment, not argv.
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert!(!String::from_utf8_lossy(&cmdline).contains(KEY));
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    assert!(String::from_utf8_lossy(&environ).contains(&format!("CODEX_RELAY_API_KEY={KEY}")));
    let chat = srv.requests().into_iter().filter(|q| q.path.ends_with("/chat/completions")).count();
    assert!(chat > 0, "the add probe went through the relay to the upstream's chat endpoint");

    let p = run(&home, &path, &["probe", "x"]);
    p.code(0);
    assert!(p.stdout.contains("ok"), "{}", p.stdout);
    assert!(
        srv.requests()
            .iter()
            .any(|q| q.path.ends_with("/chat/completions")
                && q.header("authorization") == Some(&format!("Bearer {KEY}"))),
        "the relay sends the upstream key"
    );

    let Some(_) = codex::bin() else { return };
    let out = codex::exec(
        home.path(),
        &["--dangerously-bypass-approvals-and-sandbox", "-c", "model_providers.x.stream_max_retries=0"],
        &[("FAKE_API_KEY", KEY)],
        Duration::from_secs(60),
    );
    assert!(!out.timed_out, "codex exec timed out: {out:?}");
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("done from fake"), "{out:?}");
    let reqs = srv.requests();
    let result =
        reqs.iter().find(|q| q.body.contains("\"role\":\"tool\"")).expect("a tool result reached the upstream");
    assert!(result.body.contains("tool-ran"), "the tool ran and its output went back: {}", result.body);

    for f in ["config.toml", ".codex-provider/bridges/x.json", ".codex-provider/bridges/x.log"] {
        assert!(!home.read(f).contains(KEY), "{f} holds the key");
    }
    let s = run(&home, &path, &["bridge", "status", "x", "--json"]);
    s.code(0);
    assert!(s.stdout.contains("\"state\": \"running\""), "{}", s.stdout);

    let st = run(&home, &path, &["bridge", "stop", "x"]);
    st.code(0);
    assert!(wait_dead(pid), "no relay process is left (pid {pid})");
    // The record stays, without a pid, so that `bridge start` can restart the same relay.
    let kept = record(&home, "x");
    assert!(kept["pid"].is_null(), "{kept}");
    assert_eq!((kept["port"].as_u64(), &kept["upstream"]), (Some(port), &serde_json::json!(base)));
    let s = run(&home, &path, &["bridge", "status", "x"]);
    s.code(1);
    assert!(s.stdout.contains(&format!("x: stopped, http://127.0.0.1:{port}/v1 → {base}")), "{}", s.stdout);
}

/// `bridge stop` then `bridge start`: the relay comes back on the same port with the same
/// upstream (not the old relay's dead port), so `probe` is ok and the real Codex answers;
/// while stopped, doctor's `provider.bridge` fails naming the command that starts it.
/// `remove --force` then stops the relay and forgets the record.
#[test]
fn stop_then_start_keeps_the_upstream_and_remove_ends_the_bridge() {
    let Some((srv, home, path)) = bridged_setup() else { return };
    let upstream = srv.base();
    let (pid, port) = started(&home, &path);
    let _c = Cleanup(&home, "x".into(), pid);
    run(&home, &path, &["bridge", "stop", "x"]).code(0);
    assert!(wait_dead(pid), "the relay stopped (pid {pid})");

    let d = run(&home, &path, &["doctor", "--offline", "--json"]);
    d.code(1);
    let v: serde_json::Value = serde_json::from_str(&d.stdout).expect("doctor json");
    let check = &v["checks"]["provider.bridge"];
    assert_eq!(check["status"], "fail", "{check}");
    assert!(check["summary"].as_str().unwrap().contains("stopped"), "{check}");
    assert!(check.to_string().contains("codex-provider bridge start x"), "{check}");

    let r = run(&home, &path, &["bridge", "start", "x"]);
    r.code(0);
    assert!(r.stderr.contains(&format!("→ {upstream}")), "{}", r.stderr);
    let rec = record(&home, "x");
    let pid2 = rec["pid"].as_u64().expect("running again") as u32;
    let _c2 = Cleanup(&home, "x".into(), pid2);
    assert_eq!((rec["port"].as_u64(), &rec["upstream"]), (Some(port), &serde_json::json!(upstream)), "{rec}");
    assert!(home.read("config.toml").contains(&format!("http://127.0.0.1:{port}/v1")));
    let p = run(&home, &path, &["probe", "x", "--json"]);
    p.code(0);
    assert_eq!(p.json()["verdict"], "ok", "{}", p.stdout);
    let d = run(&home, &path, &["doctor", "--offline", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&d.stdout).expect("doctor json");
    assert_eq!(v["checks"]["provider.bridge"]["status"], "ok", "{}", d.stdout);

    if codex::bin().is_some() {
        let out = codex::exec(
            home.path(),
            &["--dangerously-bypass-approvals-and-sandbox", "-c", "model_providers.x.stream_max_retries=0"],
            &[("FAKE_API_KEY", KEY)],
            Duration::from_secs(60),
        );
        assert!(!out.timed_out, "codex exec timed out: {out:?}");
        assert_eq!(out.code, Some(0), "{out:?}");
        assert!(out.stdout.contains("done from fake"), "{out:?}");
    }

    let r = run(&home, &path, &["remove", "x", "--force", "--json"]);
    r.code(0);
    let j = r.json();
    assert_eq!(j["bridge"]["stopped_pid"].as_u64(), Some(u64::from(pid2)), "{j}");
    assert!(wait_dead(pid2), "remove stopped the relay (pid {pid2})");
    for f in ["x.json", "x.log"] {
        assert!(!home.path().join(".codex-provider/bridges").join(f).exists(), "{f} is left");
    }
    let s = run(&home, &path, &["bridge", "status", "--json"]);
    assert_eq!(s.json()["bridges"], serde_json::json!([]), "{}", s.stdout);
}

/// Another program took the stopped bridge's port: `bridge start` moves it to a free port and
/// repoints the provider, keeping the upstream; `probe` is ok through it.
#[test]
fn start_moves_off_a_port_another_program_took() {
    let Some((srv, home, path)) = bridged_setup() else { return };
    let (pid, port) = started(&home, &path);
    let _c = Cleanup(&home, "x".into(), pid);
    run(&home, &path, &["bridge", "stop", "x"]).code(0);
    assert!(wait_dead(pid));
    let squatter = std::net::TcpListener::bind(("127.0.0.1", port as u16)).expect("the stopped bridge's port is free");
    let r = run(&home, &path, &["bridge", "start", "x"]);
    r.code(0);
    assert!(r.stderr.contains(&format!("port {port} is taken by another program")), "{}", r.stderr);
    let rec = record(&home, "x");
    let pid2 = rec["pid"].as_u64().expect("running") as u32;
    let _c2 = Cleanup(&home, "x".into(), pid2);
    let port2 = rec["port"].as_u64().unwrap();
    assert_ne!(port2, port);
    assert_eq!(rec["upstream"], srv.base().as_str());
    assert!(home.read("config.toml").contains(&format!("http://127.0.0.1:{port2}/v1")), "repointed");
    run(&home, &path, &["probe", "x"]).code(0);
    drop(squatter);
}

/// A provider pointing at a dead local port with no record (a bridge whose record was lost):
/// `bridge start` refuses to bridge to it and asks for the upstream.
#[test]
fn start_without_a_record_refuses_a_dead_local_upstream() {
    let Some(dir) = relay_dir() else { return };
    let home = Home::new();
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    home.write(
        "config.toml",
        &format!(
            "[model_providers.x]\nname = \"X\"\nbase_url = \"http://127.0.0.1:{dead}/v1\"\nenv_key = \"FAKE_API_KEY\"\n"
        ),
    );
    let r = run(&home, &path_with(&dir), &["bridge", "start", "x"]);
    r.code(1);
    assert!(r.stderr.contains("where nothing listens") && r.stderr.contains("--upstream"), "{}", r.stderr);
    assert!(!home.path().join(".codex-provider/bridges/x.json").exists());
}

/// A chat-only fake server and a home whose default provider `x` is that server.
fn bridged_setup() -> Option<(Server, Home, String)> {
    let path = path_with(&relay_dir()?);
    let srv = Server::start(Mode::ChatStream);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!("model = \"mock-model\"\nmodel_provider = \"x\"\n\n[model_providers.x]\nname = \"X\"\nbase_url = \"{}\"\nenv_key = \"FAKE_API_KEY\"\nwire_api = \"responses\"\n", srv.base()),
    );
    Some((srv, home, path))
}

/// `bridge start x`; the recorded pid and port.
fn started(home: &Home, path: &str) -> (u32, u64) {
    run(home, path, &["bridge", "start", "x"]).code(0);
    let rec = record(home, "x");
    (rec["pid"].as_u64().unwrap() as u32, rec["port"].as_u64().unwrap())
}

#[test]
fn stale_bridge_is_reported_by_status_and_doctor_and_start_restarts_on_the_same_port() {
    let Some((_srv, home, path)) = bridged_setup() else { return };
    let (pid, port) = started(&home, &path);
    let _c = Cleanup(&home, "x".into(), pid);
    assert!(home.read("config.toml").contains(&format!("http://127.0.0.1:{port}/v1")), "start repoints the provider");
    let d = run(&home, &path, &["doctor", "--offline", "--json"]);
    assert!(d.stdout.contains("bridge running on port"), "{}", d.stdout);

    // SAFETY: the relay this test started.
    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
    assert!(wait_dead(pid));
    let s = run(&home, &path, &["bridge", "status", "x"]);
    s.code(1);
    assert!(s.stdout.contains("stale") && s.stdout.contains("is gone"), "{}", s.stdout);
    let d = run(&home, &path, &["doctor", "--offline", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&d.stdout).expect("doctor json");
    let check = &v["checks"]["provider.bridge"];
    assert_eq!(check["status"], "fail", "{check}");
    assert!(check.to_string().contains("codex-provider bridge start x"), "{check}");

    run(&home, &path, &["bridge", "start", "x"]).code(0);
    let rec2 = record(&home, "x");
    let pid2 = rec2["pid"].as_u64().unwrap() as u32;
    let _c2 = Cleanup(&home, "x".into(), pid2);
    assert_eq!(rec2["port"].as_u64().unwrap(), port, "same port as the provider's base_url");
    run(&home, &path, &["probe", "x"]).code(0);
    run(&home, &path, &["bridge", "stop", "x"]).code(0);
    assert!(wait_dead(pid2));
}

#[test]
fn missing_relay_says_how_to_install_it_both_ways() {
    let home = Home::new();
    home.write("config.toml", "[model_providers.x]\nname = \"X\"\nbase_url = \"http://127.0.0.1:9/v1\"\n");
    for args in [&["bridge", "start", "x"][..], &["add", "y", "--base-url", "http://127.0.0.1:9/v1", "--bridge"]] {
        let r = run(&home, "/nonexistent", args);
        r.code(1);
        assert!(r.stderr.contains("`codex-relay` is not on PATH"), "{}", r.stderr);
        assert!(
            r.stderr.contains("pip install --user codex-relay") && r.stderr.contains("cargo install codex-relay"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn chat_only_add_names_bridge() {
    let srv = Server::start(Mode::ChatOnly);
    let home = Home::new();
    let r = run(
        &home,
        "/usr/bin:/bin",
        &["add", "x", "--base-url", &srv.base(), "--env-key", "FAKE_API_KEY", "--model", "m"],
    );
    r.code(1);
    assert!(r.stderr.contains("chat_only") && r.stderr.contains("--bridge"), "{}", r.stderr);
}

#[test]
fn install_writes_a_unit_without_the_key_and_uninstall_removes_it() {
    let Some(dir) = relay_dir() else { return };
    let home = Home::new();
    home.write(
        "config.toml",
        "[model_providers.x]\nname = \"X\"\nbase_url = \"http://127.0.0.1:9/v1\"\nenv_key = \"FAKE_API_KEY\"\n",
    );
    let xdg = home.path().join("xdg");
    let out = home
        .cmd(&["bridge", "install", "x"])
        .env("PATH", path_with(&dir))
        .env("FAKE_API_KEY", KEY)
        .env("XDG_CONFIG_HOME", &xdg)
        .output()
        .unwrap();
    let r = Run::from(out);
    r.code(0);
    let unit = xdg.join("systemd/user/codex-provider-bridge-x.service");
    let text = std::fs::read_to_string(&unit).expect("unit written");
    assert!(text.contains("\"bridge\" \"start\" \"x\" \"--foreground\""), "{text}");
    assert!(!text.contains(KEY));
    assert!(r.stderr.contains("systemctl --user enable --now codex-provider-bridge-x.service"), "{}", r.stderr);
    let r = Run::from(home.cmd(&["bridge", "uninstall", "x"]).env("XDG_CONFIG_HOME", &xdg).output().unwrap());
    r.code(0);
    assert!(!unit.exists());
}

/// One HTTP/1.1 POST with `connection: close`, read to the end; the wall time.
fn post(port: u16, path: &str, body: &str) -> Duration {
    use std::io::{Read, Write};
    let t = Instant::now();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nauthorization: Bearer {KEY}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    assert!(out.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&out));
    t.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// BENCHMARKS.md "Bridge overhead": `cargo test --test bridge -- --ignored --nocapture`.
#[test]
#[ignore]
fn bridge_overhead() {
    let Some((srv, home, path)) = bridged_setup() else { return };
    let (pid, port) = started(&home, &path);
    let _c = Cleanup(&home, "x".into(), pid);
    let relay = port as u16;
    let chat = r#"{"model":"mock-model","stream":true,"messages":[{"role":"user","content":"say hi"}]}"#;
    let resp = r#"{"model":"mock-model","stream":true,"input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"say hi"}]}]}"#;
    for _ in 0..3 {
        post(srv.addr.port(), "/v1/chat/completions", chat);
        post(relay, "/v1/responses", resp);
    }
    let direct = median((0..20).map(|_| post(srv.addr.port(), "/v1/chat/completions", chat)).collect());
    let bridged = median((0..20).map(|_| post(relay, "/v1/responses", resp)).collect());
    println!(
        "direct chat/completions: {direct:?}; through codex-relay /responses: {bridged:?}; overhead {:?}",
        bridged.saturating_sub(direct)
    );
    assert!(bridged < Duration::from_secs(1));
}
