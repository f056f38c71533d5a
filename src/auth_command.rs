//! A provider's command-backed key, `auth = { command, args, cwd, timeout_ms }`: Codex runs
//! the command and sends its stdout (trimmed) as the bearer token. `key set ID --keychain`
//! writes one that runs this binary (`key get ID`); `probe`, `models` and `doctor` get the key
//! the same way Codex does, by running the command, so what they test is what Codex will send.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::config::view::ProviderView;

/// The args of the command `key set --keychain` writes, before the provider id.
pub const KEY_GET: [&str; 2] = ["key", "get"];
/// How long the command may run when `timeout_ms` is not set.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);
/// More than this on stdout is not a key.
const MAX_OUTPUT: u64 = 64 << 10;

/// Why the command gives no key: facts for a report line (`probe`, `doctor`, `models`), which
/// each caller words around `Display`. The key never enters one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The command's absolute path does not exist (a reinstall moved the binary).
    Missing { command: String },
    /// The command's path is not a file.
    NotAFile { command: String },
    /// The command's file is not executable.
    NotExecutable { command: String },
    /// The command is not on PATH.
    NotFound { command: String },
    /// It could not be started; `reason` is the OS's.
    Spawn { command: String, reason: String },
    /// It ran past its timeout and was killed; `shown` is the command line.
    Timeout { shown: String, ms: u128 },
    /// It exited unsuccessfully (`status`: `exit N` or `a signal`); `line` is its first stderr
    /// line, masked.
    Failed { shown: String, status: String, line: String },
    /// It succeeded but printed nothing.
    NoKey { shown: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Missing { command } => write!(f, "{command} does not exist"),
            Error::NotAFile { command } => write!(f, "{command} is not a file"),
            Error::NotExecutable { command } => write!(f, "{command} is not executable"),
            Error::NotFound { command } => write!(f, "`{command}` not found (not installed, or not on PATH?)"),
            Error::Spawn { command, reason } => write!(f, "cannot run `{command}`: {reason}"),
            Error::Timeout { shown, ms } => write!(f, "`{shown}` did not finish within {ms} ms"),
            Error::Failed { shown, status, line } => write!(f, "`{shown}` failed ({status}): {line}"),
            Error::NoKey { shown } => write!(f, "`{shown}` printed no key"),
        }
    }
}

impl std::error::Error for Error {}

/// `auth` of a provider, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthCommand {
    pub command: String,
    pub args: Vec<String>,
    pub cwd: Option<PathBuf>,
    pub timeout: Duration,
}

impl AuthCommand {
    /// The provider's `auth` table (None: it has none, or no string `command`).
    pub fn of(view: &ProviderView) -> Option<AuthCommand> {
        let t = view.fields.get("auth")?.0.as_table_like()?;
        let command = t.get("command")?.as_str()?.to_string();
        let args = t
            .get("args")
            .and_then(|a| a.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let cwd = t.get("cwd").and_then(|c| c.as_str()).map(PathBuf::from);
        let timeout = t
            .get("timeout_ms")
            .and_then(|v| v.as_integer())
            .and_then(|ms| u64::try_from(ms).ok())
            .filter(|ms| *ms > 0)
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis);
        Some(AuthCommand { command, args, cwd, timeout })
    }

    /// The command `key set ID --keychain` writes: this binary, `key get ID`.
    pub fn keychain(id: &str) -> AuthCommand {
        AuthCommand {
            command: self_path().to_string_lossy().into_owned(),
            args: KEY_GET.iter().map(|s| s.to_string()).chain([id.to_string()]).collect(),
            cwd: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Whether this is the command `key set ID --keychain` writes (any path to a codex-provider
    /// binary, `key get ID`).
    pub fn is_keychain(&self, id: &str) -> bool {
        let name = Path::new(&self.command).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        name == "codex-provider"
            && self.args.len() == 3
            && self.args[..2] == KEY_GET.map(String::from)
            && self.args[2] == id
    }

    /// The command line, for messages (`/usr/local/bin/codex-provider key get gw`).
    pub fn shown(&self) -> String {
        std::iter::once(self.command.as_str()).chain(self.args.iter().map(String::as_str)).collect::<Vec<_>>().join(" ")
    }

    /// Why the command cannot run as written, without running it: an absolute path that is
    /// gone or not executable (a reinstall moved the binary).
    pub fn stale(&self) -> Option<Error> {
        let p = Path::new(&self.command);
        if !p.is_absolute() {
            return None;
        }
        let command = self.command.clone();
        match std::fs::metadata(p) {
            Err(_) => Some(Error::Missing { command }),
            Ok(m) if !m.is_file() => Some(Error::NotAFile { command }),
            Ok(_) if !crate::platform::fs::is_executable(p) => Some(Error::NotExecutable { command }),
            Ok(_) => None,
        }
    }

    /// Runs the command as Codex does (stdin closed, killed after the timeout) and returns its
    /// stdout trimmed, or why there is no key. The key never enters the reason.
    pub fn run(&self) -> Result<String, Error> {
        let mut c = Command::new(&self.command);
        c.args(&self.args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        if let Some(d) = &self.cwd {
            c.current_dir(d);
        }
        let mut child = c.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { command: self.command.clone() },
            _ => Error::Spawn { command: self.command.clone(), reason: e.to_string() },
        })?;
        let mut out = child.stdout.take().expect("piped");
        let mut err = child.stderr.take().expect("piped");
        let t_out = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = (&mut out).take(MAX_OUTPUT).read_to_end(&mut b);
            std::io::copy(&mut out, &mut std::io::sink()).ok();
            b
        });
        let t_err = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = (&mut err).take(MAX_OUTPUT).read_to_end(&mut b);
            std::io::copy(&mut err, &mut std::io::sink()).ok();
            b
        });
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(st)) => break st,
                Ok(None) if start.elapsed() < self.timeout => std::thread::sleep(Duration::from_millis(5)),
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(Error::Timeout { shown: self.shown(), ms: self.timeout.as_millis() });
                }
            }
        };
        let stdout = t_out.join().unwrap_or_default();
        let stderr = String::from_utf8_lossy(&t_err.join().unwrap_or_default()).into_owned();
        let key = String::from_utf8(stdout).unwrap_or_default();
        let key = key.trim();
        if !status.success() {
            // Its first stderr line, with anything looking like the key masked.
            let why = stderr.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no message");
            let why = crate::redact::scrub(why, &[key.to_string()]).replace("error: ", "");
            let status = status.code().map_or("a signal".to_string(), |c| format!("exit {c}"));
            return Err(Error::Failed { shown: self.shown(), status, line: crate::redact::mask_line(&why) });
        }
        if key.is_empty() {
            return Err(Error::NoKey { shown: self.shown() });
        }
        Ok(key.to_string())
    }
}

/// This binary's path for `auth.command`: the `codex-provider` found on PATH when it is this
/// very file (a package manager's stable link survives upgrades; the versioned file it points
/// at does not), else the running executable itself.
pub fn self_path() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("codex-provider"));
    let real = crate::platform::fs::canonicalize(&exe).unwrap_or_else(|_| exe.clone());
    let name = format!("codex-provider{}", std::env::consts::EXE_SUFFIX);
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path).filter(|d| d.is_absolute()) {
            let cand = dir.join(&name);
            if crate::platform::fs::canonicalize(&cand).is_ok_and(|c| c == real) {
                return cand;
            }
        }
    }
    real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_keychain_command_and_runs_commands_with_a_deadline() {
        let a = AuthCommand::keychain("gw");
        assert!(Path::new(&a.command).is_absolute());
        assert_eq!(a.args, ["key", "get", "gw"]);
        // (Here the running executable is the test binary, not codex-provider.)
        let mut b = a.clone();
        // An absolute path that does not exist, in this platform's form.
        let gone = if cfg!(windows) { r"C:\opt\x\bin\codex-provider.exe" } else { "/opt/x/bin/codex-provider" };
        b.command = gone.into();
        assert!(b.is_keychain("gw") && !b.is_keychain("other"));
        assert_eq!(b.stale().map(|e| e.to_string()), Some(format!("{gone} does not exist")));
        b.command = "/usr/bin/gcloud".into();
        assert!(!b.is_keychain("gw"));
        #[cfg(unix)]
        {
            let sh = |script: &str, ms: u64| AuthCommand {
                command: "/bin/sh".into(),
                args: vec!["-c".into(), script.into()],
                cwd: None,
                timeout: Duration::from_millis(ms),
            };
            assert_eq!(sh("printf '  tok-1\\n'", 10_000).run().as_deref(), Ok("tok-1"));
            let e = sh("echo 'error: no key for gw' >&2; exit 1", 10_000).run().unwrap_err().to_string();
            assert!(e.contains("failed (exit 1): no key for gw"), "{e}");
            assert!(sh("true", 10_000).run().unwrap_err().to_string().ends_with("printed no key"));
            assert!(sh("sleep 5", 200).run().unwrap_err().to_string().contains("did not finish within 200 ms"));
        }
    }
}
