//! What Codex itself does, per supported release: the default model it sends when none is
//! set and the shape of its request headers (`codex-0.171-delta.md`, contract §8.2), plus
//! which Codex is installed (`CODEX_BIN`, else `codex` on PATH). Facts here were read from
//! the real binaries; a new release is one more row in [`RELEASES`] plus its key list in
//! `data/codex-config-keys.json` ([`known`]). [`ask`] asks the installed Codex itself.

pub mod ask;
pub mod known;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// One supported Codex release and what it does on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    pub version: &'static str,
    /// The model Codex sends to a custom provider when `model` is unset.
    pub default_model: &'static str,
    /// Its `accept-encoding` on `POST /responses` (None: it sends none).
    pub accept_encoding: Option<&'static str>,
    /// It decodes `Content-Encoding: gzip`/`zstd` streams (0.169 fails on them).
    pub decodes_compressed: bool,
}

/// Supported releases, oldest first; the last is the newest.
pub const RELEASES: &[Release] = &[
    Release { version: "0.169.0", default_model: "gpt-6.1-sol", accept_encoding: None, decodes_compressed: false },
    Release {
        version: "0.171.0",
        default_model: "gpt-6.2-sol",
        accept_encoding: Some("zstd,gzip"),
        decodes_compressed: true,
    },
];

/// `codex exec`'s originator (the user-agent starts with it too).
pub const ORIGINATOR: &str = "codex_exec";

pub fn newest() -> &'static Release {
    RELEASES.last().expect("at least one release")
}

fn parse(v: &str) -> Option<(u64, u64, u64)> {
    let mut it = v.trim().trim_start_matches('v').split(['.', '-', '+']).map(|p| p.parse::<u64>().ok());
    Some((it.next()??, it.next()??, it.next().flatten().unwrap_or(0)))
}

/// The release whose behaviour `version` has: the newest supported one not newer than it
/// (the oldest for an older Codex, the newest when the version does not parse).
pub fn release_for(version: &str) -> &'static Release {
    let Some(want) = parse(version) else { return newest() };
    RELEASES.iter().rev().find(|r| parse(r.version).is_some_and(|v| v <= want)).unwrap_or(&RELEASES[0])
}

/// The installed Codex: its version (from `codex --version`) when one is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub bin: PathBuf,
    pub version: String,
}

/// `$CODEX_BIN`, else `codex` on PATH.
pub fn find_bin() -> Option<PathBuf> {
    find_bin_in(|k| std::env::var_os(k))
}

/// [`find_bin`] over a given environment (doctor reads its environment once).
pub fn find_bin_in(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    if let Some(b) = var("CODEX_BIN").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(b)).filter(|p| p.is_file());
    }
    crate::platform::process::find_in_path("codex", &var("PATH")?, var("PATHEXT").as_deref())
}

/// The installed Codex, asked once per process (`codex --version`, killed after 3 s).
pub fn installed() -> Option<&'static Installed> {
    static CACHE: OnceLock<Option<Installed>> = OnceLock::new();
    CACHE
        .get_or_init(|| {
            let bin = find_bin()?;
            let version = version_of(&bin)?;
            Some(Installed { bin, version })
        })
        .as_ref()
}

/// The release to imitate: the installed Codex's, else the newest supported.
pub fn current() -> &'static Release {
    installed().map(|i| release_for(&i.version)).unwrap_or_else(newest)
}

/// The version Codex would put in its user-agent: the installed one, else the newest.
pub fn current_version() -> &'static str {
    match installed() {
        Some(i) if parse(&i.version).is_some() => i.version.as_str(),
        _ => newest().version,
    }
}

fn version_of(bin: &std::path::Path) -> Option<String> {
    let mut child = Command::new(bin)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() < Duration::from_secs(3) => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
    let mut out = String::new();
    use std::io::Read;
    child.stdout.take()?.read_to_string(&mut out).ok()?;
    // "codex-cli 0.171.0"
    let v = out.lines().next()?.split_whitespace().last()?.to_string();
    parse(&v).map(|_| v)
}

/// Codex's user-agent: `codex_exec/0.171.0 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.171.0)`.
pub fn user_agent(version: &str) -> String {
    let (os, os_version) = os_info();
    let arch = std::env::consts::ARCH;
    let term = header_safe(&terminal());
    format!("{ORIGINATOR}/{version} ({os} {os_version}; {arch}) {term} ({ORIGINATOR}; {version})")
}

/// The terminal the way Codex names it: `TERM_PROGRAM[/version]`, else `TERM`, else unknown.
fn terminal() -> String {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    if let Some(p) = var("TERM_PROGRAM") {
        return match var("TERM_PROGRAM_VERSION") {
            Some(v) => format!("{p}/{v}"),
            None => p,
        };
    }
    var("TERM").unwrap_or_else(|| "unknown".into())
}

/// Operating system name and a three-part version (as Codex's os_info prints them).
fn os_info() -> (String, String) {
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let field = |k: &str| {
        release.lines().find_map(|l| l.strip_prefix(k)?.strip_prefix('=')).map(|v| v.trim_matches('"').to_string())
    };
    let name = match (std::env::consts::OS, field("ID")) {
        ("linux", Some(id)) if !id.is_empty() => {
            let mut c = id.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(id)
        }
        ("linux", _) => "Linux".into(),
        ("macos", _) => "Mac OS".into(),
        (os, _) => os.to_string(),
    };
    let mut parts: Vec<String> = field("VERSION_ID").unwrap_or_default().split('.').map(str::to_string).collect();
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        return (header_safe(&name), "Unknown".into());
    }
    while parts.len() < 3 {
        parts.push("0".into());
    }
    (header_safe(&name), header_safe(&parts.join(".")))
}

fn header_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_follows_the_installed_version() {
        assert_eq!(release_for("0.169.0").default_model, "gpt-6.1-sol");
        assert_eq!(release_for("0.171.0").default_model, "gpt-6.2-sol");
        assert_eq!(release_for("0.170.5").version, "0.169.0");
        assert_eq!(release_for("0.200.0").version, "0.171.0");
        assert_eq!(release_for("0.100.0").version, "0.169.0");
        assert_eq!(release_for("garbage").version, newest().version);
    }

    #[test]
    fn user_agent_has_codex_shape() {
        let ua = user_agent("0.171.0");
        assert!(ua.starts_with("codex_exec/0.171.0 ("), "{ua}");
        assert!(ua.ends_with(" (codex_exec; 0.171.0)"), "{ua}");
        assert!(reqwest::header::HeaderValue::from_str(&ua).is_ok());
    }
}
