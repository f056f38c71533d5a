//! The local Responses↔Chat bridge: the existing `codex-relay` binary run on a 127.0.0.1 port
//! in front of a chat-only upstream. We never translate anything ourselves; this module only
//! finds, starts, records, checks and stops that process.
//!
//! The upstream key reaches the relay through its environment (`CODEX_RELAY_API_KEY`, which
//! codex-relay reads as its `--api-key` default), never argv (visible in `ps`) and never a file.

pub mod record;
pub mod unit;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub use record::Record;

use crate::platform::process::{Stop, stop_pid};

/// The relay's executable name on PATH.
pub const RELAY: &str = "codex-relay";
/// The variable codex-relay reads its upstream key from.
pub const RELAY_KEY_VAR: &str = "CODEX_RELAY_API_KEY";

/// How to install codex-relay, both ways.
pub const INSTALL_HINT: &str = "install it with `pip install --user codex-relay` (ships the binary) or `cargo install codex-relay`, then make sure it is on PATH";

/// Why the relay cannot run or stop, as facts (port, pid, log file). `Display` is the one
/// line; the fix and the exit code are the command layer's (`commands/errors.rs`).
#[derive(Debug)]
pub enum Error {
    /// No `codex-relay` on PATH ([`INSTALL_HINT`] says how to get it).
    RelayMissing,
    /// The provider's `env_key` variable is set neither in the environment nor in `.env`.
    KeyUnset { var: String },
    /// Something else listens on the port the bridge `id` is recorded with.
    PortTaken { port: u16, id: String },
    /// The relay binary could not be started.
    Spawn { bin: PathBuf, source: std::io::Error },
    /// The relay exited before listening; its output is in `log`.
    ExitedAtStart { status: std::process::ExitStatus, log: PathBuf },
    /// The relay did not listen within `waited`; its output is in `log`.
    NotListening { port: u16, waited: Duration, log: PathBuf },
    /// The recorded relay survived TERM and KILL.
    DidNotExit { pid: u32 },
    /// This platform gets no login service from us (Windows): `command` is the one the user
    /// can run instead (`schtasks`).
    NoLoginService { command: String },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::RelayMissing => write!(f, "`{RELAY}` is not on PATH"),
            Error::KeyUnset { var } => write!(f, "{var} is not set: the bridge would have no key for the upstream"),
            Error::PortTaken { port, .. } => write!(f, "port {port} on 127.0.0.1 is already taken by another program"),
            Error::Spawn { bin, source } => write!(f, "cannot run {}: {source}", bin.display()),
            Error::ExitedAtStart { status, .. } => write!(f, "codex-relay exited at start ({status})"),
            Error::NotListening { port, waited, .. } => {
                write!(f, "codex-relay did not listen on port {port} within {} s", waited.as_secs())
            }
            Error::DidNotExit { pid } => write!(f, "codex-relay (pid {pid}) did not exit"),
            Error::NoLoginService { .. } => {
                write!(f, "codex-provider writes no login service on Windows; use Task Scheduler yourself")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Spawn { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `codex-relay` on PATH.
pub fn relay_bin() -> Option<PathBuf> {
    crate::platform::process::find_program(RELAY)
}

/// The relay, or [`Error::RelayMissing`].
pub fn require_relay() -> Result<PathBuf, Error> {
    relay_bin().ok_or(Error::RelayMissing)
}

/// A port nobody listens on right now (the kernel's choice; the relay binds it next).
/// The upstream key from `env_key` (process environment, then `$CODEX_HOME/.env`, as Codex
/// reads it); an unset variable is refused, since the upstream would answer 401 to every turn.
pub fn upstream_key(codex_home: &Path, env_key: Option<&str>) -> Result<Option<String>, Error> {
    let Some(var) = env_key else { return Ok(None) };
    match crate::env::lookup(var, codex_home) {
        Some(k) => Ok(Some(k)),
        None => Err(Error::KeyUnset { var: var.to_string() }),
    }
}

pub fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The provider `base_url` that points Codex at a bridge on `port`.
pub fn base_url(port: u16) -> String {
    format!("http://127.0.0.1:{port}/v1")
}

/// The port of a `http://127.0.0.1:PORT/v1` (or localhost) base URL.
pub fn loopback_port(base_url: &str) -> Option<u16> {
    let rest = base_url.strip_prefix("http://")?;
    let hostport = rest.split('/').next()?;
    let (host, port) = hostport.rsplit_once(':')?;
    matches!(host, "127.0.0.1" | "localhost" | "[::1]").then_some(())?;
    port.parse().ok()
}

/// The relay's arguments (no secret among them).
pub fn relay_args(port: u16, upstream: &str) -> Vec<String> {
    ["--bind", "127.0.0.1", "--port", &port.to_string(), "--upstream", upstream].iter().map(|s| s.to_string()).collect()
}

/// The relay command with the key in its environment and every other `CODEX_RELAY_*`
/// variable removed (they would override our flags' defaults, e.g. a stray history dir).
pub fn relay_command(bin: &Path, port: u16, upstream: &str, key: Option<&str>) -> Command {
    let mut c = Command::new(bin);
    c.args(relay_args(port, upstream));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("CODEX_RELAY_") {
            c.env_remove(k);
        }
    }
    if let Some(k) = key {
        c.env(RELAY_KEY_VAR, k);
    }
    c
}

/// Whether something accepts connections on 127.0.0.1:`port`.
pub fn port_open(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(300)).is_ok()
}

/// Whether `pid` is a live process (not a zombie).
pub fn pid_alive(pid: u32) -> bool {
    crate::platform::process::pid_alive(pid)
}

/// Whether `pid` runs codex-relay (where the system names a process's program; elsewhere
/// trusted when alive).
pub fn pid_is_relay(pid: u32) -> bool {
    if !pid_alive(pid) {
        return false;
    }
    crate::platform::process::program_of(pid).is_none_or(|argv0| argv0.ends_with(RELAY))
}

/// What `status` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Running(Record),
    /// No record: this provider has no bridge (never started, or removed).
    None,
    /// Recorded, not running (`bridge stop`): `bridge start` runs it again as recorded.
    Stopped(Record),
    /// A record whose process is gone or whose port is not the relay's.
    Stale(Record, String),
}

impl State {
    pub fn word(&self) -> &'static str {
        match self {
            State::Running(_) => "running",
            State::None | State::Stopped(_) => "stopped",
            State::Stale(..) => "stale",
        }
    }

    pub fn record(&self) -> Option<&Record> {
        match self {
            State::Running(r) | State::Stopped(r) | State::Stale(r, _) => Some(r),
            State::None => None,
        }
    }
}

/// The bridge of provider `id`, checked against the live process table and port.
pub fn state(home: &Path, id: &str) -> anyhow::Result<State> {
    Ok(match record::load(home, id)? {
        Some(rec) => state_of(rec),
        None => State::None,
    })
}

/// What a record means now: its pid and port checked against the process table.
pub fn state_of(rec: Record) -> State {
    let Some(pid) = rec.pid else { return State::Stopped(rec) };
    let alive = pid_is_relay(pid);
    let open = port_open(rec.port);
    match (alive, open) {
        (true, true) => State::Running(rec),
        (true, false) => {
            let why = format!("codex-relay (pid {pid}) is not listening on port {}", rec.port);
            State::Stale(rec, why)
        }
        (false, true) => {
            let why = format!("pid {pid} is gone and port {} is taken by something else", rec.port);
            State::Stale(rec, why)
        }
        (false, false) => {
            let why = format!("pid {pid} is gone");
            State::Stale(rec, why)
        }
    }
}

/// Starts codex-relay detached (own session, output to `bridges/ID.log`), waits until it
/// listens, and records it. The key is only ever in the child's environment.
pub fn spawn(
    home: &Path,
    id: &str,
    port: u16,
    upstream: &str,
    env_key: Option<&str>,
    key: Option<&str>,
) -> anyhow::Result<Record> {
    let bin = require_relay()?;
    if port_open(port) {
        return Err(Error::PortTaken { port, id: id.to_string() }.into());
    }
    let dir = record::dir(home);
    std::fs::create_dir_all(&dir)?;
    let log_path = record::log_path(home, id);
    let log = std::fs::OpenOptions::new().create(true).append(true).open(&log_path)?;
    let mut cmd = relay_command(&bin, port, upstream, key);
    cmd.stdout(log.try_clone()?).stderr(log);
    // The relay outlives us: the runner's detached start (stdin closed, own session).
    let mut child = crate::codex::run::spawn_detached(cmd).map_err(|e| Error::Spawn { bin: bin.clone(), source: e })?;
    let waited = Duration::from_secs(10);
    let deadline = Instant::now() + waited;
    while !port_open(port) {
        if let Some(status) = child.try_wait()? {
            return Err(Error::ExitedAtStart { status, log: log_path }.into());
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::NotListening { port, waited, log: log_path }.into());
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    let rec = Record::new(id, child.id(), port, upstream, env_key);
    record::save(home, &rec)?;
    Ok(rec)
}

/// What [`stop`] and [`forget`] did: the record as it was, and the pid they ended (None:
/// no relay was running).
#[derive(Debug, Clone)]
pub struct Halted {
    pub record: Record,
    pub stopped_pid: Option<u32>,
}

/// Stops the recorded relay (TERM, then KILL after 3 s) and keeps the record without its pid,
/// so `bridge start` restarts it with the same upstream, port and key variable. A pid that
/// is no longer codex-relay is never signalled. None: no record.
pub fn stop(home: &Path, id: &str) -> anyhow::Result<Option<Halted>> {
    let Some(rec) = record::load(home, id)? else { return Ok(None) };
    let stopped_pid = end(&rec)?;
    record::save(home, &rec.clone().stopped())?;
    Ok(Some(Halted { record: rec, stopped_pid }))
}

/// Stops the relay and deletes its record and log: the provider is gone (`remove`), or was
/// never saved (a refused `add --bridge`).
pub fn forget(home: &Path, id: &str) -> anyhow::Result<Option<Halted>> {
    let Some(rec) = record::load(home, id)? else { return Ok(None) };
    let stopped_pid = end(&rec)?;
    record::remove(home, id, true)?;
    Ok(Some(Halted { record: rec, stopped_pid }))
}

/// Ends the record's relay if it still runs; the pid ended.
fn end(rec: &Record) -> Result<Option<u32>, Error> {
    let Some(pid) = rec.pid.filter(|p| pid_is_relay(*p)) else { return Ok(None) };
    stop_pid(pid, Stop::Ask);
    let deadline = Instant::now() + Duration::from_secs(3);
    while pid_alive(pid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if pid_alive(pid) {
        stop_pid(pid, Stop::Kill);
        let deadline = Instant::now() + Duration::from_secs(2);
        while pid_alive(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    if pid_alive(pid) {
        return Err(Error::DidNotExit { pid });
    }
    Ok(Some(pid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_ports() {
        assert_eq!(loopback_port("http://127.0.0.1:4444/v1"), Some(4444));
        assert_eq!(loopback_port("http://localhost:80/v1"), Some(80));
        assert_eq!(loopback_port("https://127.0.0.1:4444/v1"), None);
        assert_eq!(loopback_port("http://example.com:4444/v1"), None);
        assert_eq!(base_url(5), "http://127.0.0.1:5/v1");
    }

    #[test]
    fn args_carry_no_key() {
        let a = relay_args(4444, "https://up.example/v1");
        assert_eq!(a, ["--bind", "127.0.0.1", "--port", "4444", "--upstream", "https://up.example/v1"]);
        let c = relay_command(Path::new("/bin/codex-relay"), 1, "u", Some("sk-secret"));
        assert!(c.get_args().all(|x| x != "sk-secret"));
        assert!(c.get_envs().any(|(k, v)| k == RELAY_KEY_VAR && v == Some("sk-secret".as_ref())));
    }
}
