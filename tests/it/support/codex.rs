//! The real Codex CLI as an oracle: `codex exec` against the fake server, with a deadline
//! (Codex retries "waiting for network" forever on refused connections).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The releases the full oracle set runs on: `$CODEX_FULL` (set by `.ci/run`), else the
/// oldest supported and the newest tested.
pub fn full() -> Vec<String> {
    releases("CODEX_FULL", "0.160.0 0.171.0")
}

/// The releases a smoke set runs on: `$CODEX_SMOKE`, else 0.169.0.
pub fn smoke() -> Vec<String> {
    releases("CODEX_SMOKE", "0.169.0")
}

fn releases(var: &str, default: &str) -> Vec<String> {
    let v = std::env::var(var).ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| default.into());
    v.split_whitespace().map(str::to_string).collect()
}

/// The newest release of the full set (what "the real Codex" means in a single-release test).
pub fn newest_version() -> String {
    full().last().cloned().expect("CODEX_FULL names a release")
}

/// Where release `version` is: `$CODEX_BIN_0_171_0` (dots as underscores), else the CI
/// cache `~/.cache/codex-provider-ci/codex-VERSION/` that `.ci/run` installs into.
fn release_path(version: &str) -> PathBuf {
    let var = format!("CODEX_BIN_{}", version.replace('.', "_"));
    if let Some(p) = std::env::var_os(&var).filter(|v| !v.is_empty()) {
        return p.into();
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    home.join(format!(".cache/codex-provider-ci/codex-{version}/node_modules/.bin/codex"))
}

/// The real Codex `version`, checked to say that version. When it is missing: panics under
/// `CI` (a test that cannot run fails the run), else prints a loud SKIP line and returns None.
pub fn require_codex(version: &str) -> Option<PathBuf> {
    static SEEN: Mutex<BTreeMap<String, Result<PathBuf, String>>> = Mutex::new(BTreeMap::new());
    let found = SEEN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(version.to_string())
        .or_insert_with(|| {
            let p = release_path(version);
            if !p.is_file() {
                return Err(format!("{} is not a file", p.display()));
            }
            let out = Command::new(&p).arg("--version").stdin(Stdio::null()).output();
            let said = out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default();
            if said.split_whitespace().last() != Some(version) {
                return Err(format!("{} says {said:?}, not {version}", p.display()));
            }
            Ok(p)
        })
        .clone();
    match found {
        Ok(p) => Some(p),
        Err(why) => missing(&format!("Codex {version} ({why}; set CODEX_BIN_{})", version.replace('.', "_"))),
    }
}

/// The newest release of the full set ([`require_codex`] of [`newest_version`]).
pub fn bin() -> Option<PathBuf> {
    require_codex(&newest_version())
}

/// The directory holding `codex-relay`: `$CODEX_RELAY_DIR`, else the CI cache (as
/// [`require_codex`] when missing).
pub fn require_relay() -> Option<PathBuf> {
    let dir = std::env::var_os("CODEX_RELAY_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        home.join(".cache/codex-provider-ci/codex-relay-0.5.8/bin")
    });
    if dir.join("codex-relay").is_file() {
        return Some(dir);
    }
    missing(&format!("codex-relay ({} has none; set CODEX_RELAY_DIR)", dir.display()))
}

/// Panics under `CI`, else says loudly that the test did not run.
fn missing(what: &str) -> Option<PathBuf> {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing under CI: run .ci/run, or set the variable");
    }
    eprintln!("\n!!!!! SKIP: {what} is missing; this test did not run !!!!!\n");
    None
}

#[derive(Debug)]
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
}

/// Runs `codex exec --skip-git-repo-check [extra] "say hi"` with CODEX_HOME=home, stdin
/// null, cwd a temp dir and a clean proxy environment; kills it after `timeout`.
pub fn exec(home: &Path, extra_args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Outcome {
    exec_bin(&bin().expect("codex binary (call bin() first to skip)"), home, extra_args, env, timeout)
}

/// [`exec`] with a given Codex binary (to run one release on purpose).
pub fn exec_bin(bin: &Path, home: &Path, extra_args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Outcome {
    let cwd = tempfile::tempdir().expect("tempdir");
    exec_prompt(bin, home, cwd.path(), extra_args, env, "say hi", timeout)
}

/// [`exec_bin`] with a working directory and a prompt of the caller's.
pub fn exec_prompt(
    bin: &Path,
    home: &Path,
    cwd: &Path,
    extra_args: &[&str],
    env: &[(&str, &str)],
    prompt: &str,
    timeout: Duration,
) -> Outcome {
    let mut c = Command::new(bin);
    c.arg("exec").arg("--skip-git-repo-check").args(extra_args).arg(prompt);
    c.current_dir(cwd).env("CODEX_HOME", home).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    super::scrub(&mut c);
    c.env("NO_PROXY", "127.0.0.1,localhost");
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("spawn codex");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait codex") {
            break Some(st);
        }
        if Instant::now() >= deadline {
            timed_out = true;
            // The npm shim runs the native binary as a child: kill the whole tree, each
            // process by its own (positive) id; never a group or -1.
            kill_tree(child.id());
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Outcome {
        code: status.and_then(|s| s.code()),
        stdout: t_out.join().unwrap_or_default(),
        stderr: t_err.join().unwrap_or_default(),
        timed_out,
    }
}

/// A config.toml selecting provider `fake` at `base_url` with key variable `FAKE_API_KEY`
/// and no retries (fast failures: docs/codex-facts.md "Retries").
pub fn config_toml(base_url: &str, model: &str) -> String {
    format!(
        r#"model = "{model}"
model_provider = "fake"

[model_providers.fake]
name = "Fake"
base_url = "{base_url}"
env_key = "FAKE_API_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0
"#
    )
}

/// Ids of `root` and its descendants, children first, read from /proc.
fn descendants(root: u32) -> Vec<u32> {
    let mut parent_of: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else { continue };
        if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            parent_of.push((pid, ppid));
        }
    }
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        out.extend(parent_of.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    out.reverse();
    out
}

/// Kills `root` and its descendants, each by its own id.
pub fn kill_tree(root: u32) {
    let me = std::process::id();
    for pid in descendants(root) {
        if pid > 1 && pid != me {
            // SAFETY: kill(2) with a positive pid signals exactly that process.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }
}
