//! The one way codex-provider runs Codex and codex-relay: stdin closed, stdout and stderr
//! captured, in a process group of its own, and the whole group killed on a deadline or
//! when a watched stderr line appears (the npm shim runs the native binary as a child, and
//! grandchildren may hold the pipes open). Questions about a config run in a scratch
//! `CODEX_HOME` ([`scratch_home`]): Codex writes into its home when it starts
//! (`installation_id`, `skills/`, ...), and a question must not. Groups and detaching are
//! `platform::process`'s (a process group on Unix, a job object on Windows).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// No installed Codex for a command that cannot work without it. `what` is the caller's
/// reason for needing it; `codex_bin` is `CODEX_BIN` when it was set (and is not a file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    pub what: String,
    pub codex_bin: Option<String>,
}

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.codex_bin {
            Some(v) => write!(f, "{}: CODEX_BIN={v} is not a file", self.what),
            None => write!(f, "{}: no `codex` on PATH", self.what),
        }
    }
}

impl std::error::Error for NotFound {}

/// The installed Codex for a command that cannot work without it (`what` needs it because …).
pub fn required(what: &str) -> Result<PathBuf, NotFound> {
    crate::codex::find_bin().ok_or_else(|| NotFound {
        what: what.to_string(),
        codex_bin: std::env::var_os("CODEX_BIN").filter(|v| !v.is_empty()).map(|v| v.to_string_lossy().into_owned()),
    })
}

/// A throw-away `CODEX_HOME`.
pub fn scratch_home() -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new().prefix("codex-provider-ask-").tempdir()
}

/// `bin ARGS` with `CODEX_HOME` and the working directory set to `home` (a scratch home
/// from [`scratch_home`] for every question that must not touch the user's).
pub fn codex(bin: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
    c.args(args).env("CODEX_HOME", home).env_remove("CODEX_SANDBOX").current_dir(home);
    c
}

/// [`run`] with nothing to watch for.
pub fn run_for(cmd: Command, timeout: Duration) -> Result<Outcome, String> {
    run(cmd, timeout, &|_| false)
}

/// Starts a long-running child (the bridge's relay) that outlives us: stdin closed, detached
/// from our terminal (`platform::process::detach`). Its stdout/stderr are the caller's.
pub fn spawn_detached(mut cmd: Command) -> std::io::Result<std::process::Child> {
    cmd.stdin(Stdio::null());
    crate::platform::process::detach(&mut cmd);
    cmd.spawn()
}

#[derive(Debug, Clone)]
pub struct Outcome {
    /// Exit code (None when killed).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
    /// The stderr line that made us stop early (see [`run`]).
    pub stopped_on: Option<String>,
    pub duration_ms: u64,
}

/// Output kept per stream: Codex's own dumps (`debug models --bundled` is ~1 MB) fit.
const MAX_OUTPUT: usize = 16 << 20;

/// Runs `cmd` to completion or until `timeout`, or until a stderr line satisfies `stop_on`
/// (e.g. "waiting for network", which Codex retries forever). Spawn errors are one line.
pub fn run(mut cmd: Command, timeout: Duration, stop_on: &dyn Fn(&str) -> bool) -> Result<Outcome, String> {
    let started = Instant::now();
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    crate::platform::process::own_group(&mut cmd);
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd.spawn().map_err(|e| format!("cannot run {program}: {}", crate::error::io_reason(&e)))?;
    let group = crate::platform::process::Group::adopt(&child);
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let t_out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut out).take(MAX_OUTPUT as u64).read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    });
    let (tx, rx) = mpsc::channel::<String>();
    let t_err = std::thread::spawn(move || {
        let mut all = String::new();
        let mut pending = Vec::new();
        let mut chunk = [0u8; 8192];
        while let Ok(n) = err.read(&mut chunk) {
            if n == 0 {
                break;
            }
            pending.extend_from_slice(&chunk[..n]);
            while let Some(i) = pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = pending.drain(..=i).collect();
                let line = String::from_utf8_lossy(&line).trim_end().to_string();
                if all.len() < MAX_OUTPUT {
                    all.push_str(&line);
                    all.push('\n');
                }
                let _ = tx.send(line);
            }
        }
        all.push_str(&String::from_utf8_lossy(&pending));
        all
    });
    let deadline = started + timeout;
    let (mut timed_out, mut stopped_on) = (false, None);
    let status = loop {
        if let Ok(Some(st)) = child.try_wait() {
            break Some(st);
        }
        while let Ok(line) = rx.try_recv() {
            if stopped_on.is_none() && stop_on(&line) {
                stopped_on = Some(line);
            }
        }
        if stopped_on.is_some() || Instant::now() >= deadline {
            timed_out = stopped_on.is_none();
            group.kill();
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Grandchildren may hold the pipes open after the shim exits: end the group either way.
    drop(group);
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    Ok(Outcome {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        timed_out,
        stopped_on,
        duration_ms: started.elapsed().as_millis() as u64,
    })
}

/// Codex's stderr lines worth showing: its own errors, without the noise every run prints
/// (PATH aliases, bubblewrap, stack backtraces). Codex quotes servers verbatim, and servers
/// echo keys ("Incorrect API key provided: sk-…"): each of `secrets` is scrubbed, and so is
/// every word that looks like a key.
pub fn meaningful_lines(stderr: &str, secrets: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for l in stderr.lines() {
        let t = l.trim();
        if t.starts_with("Stack backtrace") {
            break;
        }
        if t.is_empty()
            || t.contains("could not create PATH aliases")
            || t.contains("bubblewrap")
            || t == "Reading additional input from stdin..."
        {
            continue;
        }
        lines.push(mask_words(&crate::redact::scrub(t, secrets)));
    }
    lines
}

/// `line` with each whitespace-separated word that looks like a key (ignoring the
/// punctuation around it) replaced.
fn mask_words(line: &str) -> String {
    let masked: Vec<String> = line
        .split(' ')
        .map(|w| {
            let core = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            if core.len() >= 8 && crate::redact::looks_like_secret(core) {
                w.replace(core, crate::redact::PLACEHOLDER)
            } else {
                w.to_string()
            }
        })
        .collect();
    masked.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shell running `script` (`sh -c`; `cmd /c` on Windows).
    fn shell(unix: &str, windows: &str) -> Command {
        let (mut c, script) =
            if cfg!(windows) { (Command::new("cmd"), ["/c", windows]) } else { (Command::new("sh"), ["-c", unix]) };
        c.args(script);
        c
    }

    #[test]
    fn kills_on_deadline_and_on_a_watched_line() {
        // `ping -n 30` is Windows' 30 s sleep.
        let c = shell("sleep 30", "ping -n 30 127.0.0.1 >NUL");
        let o = run(c, Duration::from_millis(200), &|_| false).unwrap();
        assert!(o.timed_out && o.code.is_none() && o.duration_ms < 5000, "{o:?}");
        let c = shell(
            "echo 'ERROR: Reconnecting... waiting for network' >&2; sleep 30",
            "echo ERROR: Reconnecting... waiting for network 1>&2 & ping -n 30 127.0.0.1 >NUL",
        );
        let o = run(c, Duration::from_secs(20), &|l| l.contains("waiting for network")).unwrap();
        assert!(!o.timed_out && o.stopped_on.is_some() && o.duration_ms < 5000, "{o:?}");
    }

    #[test]
    fn meaningful_lines_drop_codex_noise() {
        let e = "WARNING: proceeding, even though we could not create PATH aliases: x\nError: boom\n\nStack backtrace:\n  0: <unknown>\n";
        assert_eq!(meaningful_lines(e, &[]), vec!["Error: boom".to_string()]);
        let e = "ERROR: unexpected status 401 Unauthorized: Incorrect API key provided: sk-abcdefghijklmnop1234. Bye\n";
        let l = meaningful_lines(e, &[]).join("\n");
        assert!(!l.contains("sk-abc") && l.contains("401 Unauthorized"), "{l}");
        let l = meaningful_lines("ERROR: bad key mykeyvalue\n", &["mykeyvalue".into()]).join("");
        assert!(!l.contains("mykeyvalue"), "{l}");
    }
}
