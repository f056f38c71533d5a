//! The real Codex CLI as an oracle: `codex exec` against the fake server, with a deadline
//! (Codex retries "waiting for network" forever on refused connections).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const DEFAULT_BIN: &str = "/root/.cache/codex-provider-ci/codex-0.169.0/node_modules/.bin/codex";

/// The Codex binary: `$CODEX_BIN`, else the CI cache, else `codex` on PATH. When missing:
/// panics under `CI`, otherwise prints a loud skip notice and returns None.
pub fn bin() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(v) = std::env::var_os("CODEX_BIN").filter(|v| !v.is_empty()) {
        candidates.push(v.into());
    }
    candidates.push(DEFAULT_BIN.into());
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path).map(|d| d.join("codex")));
    }
    if let Some(found) = candidates.into_iter().find(|p| p.is_file()) {
        return Some(found);
    }
    if std::env::var_os("CI").is_some() {
        panic!("the Codex CLI oracle is missing under CI: set CODEX_BIN or install @openai/codex@0.169.0");
    }
    eprintln!("\n!!!!! SKIPPED: Codex CLI not found (set CODEX_BIN); the oracle test did not run !!!!!\n");
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

/// A release from the CI cache (`~/.cache/codex-provider-ci/codex-VERSION`), when installed.
pub fn release(version: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let p = home.join(format!(".cache/codex-provider-ci/codex-{version}/node_modules/.bin/codex"));
    p.is_file().then_some(p)
}

/// Codex 0.171 from the CI cache, when installed.
pub fn bin_0171() -> Option<PathBuf> {
    release("0.171.0")
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
/// and no retries (fast failures, contract §8.5).
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
