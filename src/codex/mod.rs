//! What Codex itself does, read from the installed binary wherever it can tell: its
//! version, the model it sends when none is set and whether it loads a config ([`facts`],
//! [`ask`]), with [`run`] the one way any Codex or codex-relay process is started. What the
//! binary cannot tell offline (the shape of its requests) is written here as the release
//! where it changed; `docs/codex-facts.md` says how each fact was checked. Which Codex is
//! installed: `CODEX_BIN`, else `codex` on PATH.

pub mod ask;
pub mod facts;
pub mod known;
pub mod provider;
pub mod run;
pub mod version;

pub use version::{parse, version_in};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The oldest release codex-provider supports (README "Supported Codex releases").
pub const OLDEST_SUPPORTED: &str = "0.160.0";
/// The newest release the oracle tests ran against; a newer one gets a note, and what is
/// said about it is read from the binary.
pub const NEWEST_TESTED: &str = "0.171.0";
/// The model [`NEWEST_TESTED`] sends when none is set: said only when no Codex is installed.
pub const NEWEST_TESTED_DEFAULT_MODEL: &str = "gpt-6.2-sol";
/// Since this release Codex sends `accept-encoding: zstd,gzip` on its requests and decodes
/// compressed streams; before it, it sends none and fails on them (`UTF8 error`).
pub const COMPRESSION_SINCE: &str = "0.171.0";
/// The `accept-encoding` Codex sends since [`COMPRESSION_SINCE`].
const ACCEPT_ENCODING: &str = "zstd,gzip";

/// `codex exec`'s originator (the user-agent starts with it too).
pub const ORIGINATOR: &str = "codex_exec";

fn at_least(version: &str, since: &str) -> bool {
    match (parse(version), parse(since)) {
        (Some(v), Some(s)) => v >= s,
        _ => true,
    }
}

/// Where a version sits against the supported range and the tested releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// Older than [`OLDEST_SUPPORTED`].
    TooOld,
    Supported,
    /// Newer than [`NEWEST_TESTED`]: supported, facts from the binary.
    NewerThanTested,
    /// The version did not parse.
    Unknown,
}

pub fn range(version: &str) -> Range {
    let (Some(v), Some(old), Some(new)) = (parse(version), parse(OLDEST_SUPPORTED), parse(NEWEST_TESTED)) else {
        return Range::Unknown;
    };
    if v < old {
        Range::TooOld
    } else if v > new {
        Range::NewerThanTested
    } else {
        Range::Supported
    }
}

/// What codex-provider imitates: the installed Codex, or (none installed) the newest tested
/// release's table, and then it says so.
#[derive(Debug, Clone)]
pub struct Current {
    /// The installed binary and what it said (None: no Codex, or it did not answer).
    pub installed: Option<(PathBuf, facts::BinaryFacts)>,
}

impl Current {
    /// The version to imitate: the installed one, else [`NEWEST_TESTED`].
    pub fn version(&self) -> &str {
        self.installed.as_ref().and_then(|(_, f)| f.version.as_deref()).unwrap_or(NEWEST_TESTED)
    }

    /// The model Codex sends when none is set, and whether the installed binary said so.
    pub fn default_model(&self) -> (&str, bool) {
        match self.installed.as_ref().and_then(|(_, f)| f.default_model.as_deref()) {
            Some(m) => (m, true),
            None => (NEWEST_TESTED_DEFAULT_MODEL, false),
        }
    }

    /// "Codex 0.171.0 sends its default `m`"; with no Codex, the table's answer, saying so;
    /// with a Codex that did not list its models, that it is not known.
    pub fn default_model_sentence(&self) -> String {
        match (self.default_model(), &self.installed) {
            ((m, true), _) => format!("Codex {} sends its default `{m}`", self.version()),
            ((m, false), None) => {
                format!("Codex sends its default (none installed; {NEWEST_TESTED}, the newest tested, sends `{m}`)")
            }
            // Which one is not known: no other release's answer stands in for it.
            ((_, false), Some(_)) => format!(
                "Codex {} sends its default (which it did not name: `codex debug models --bundled` gave no list)",
                self.version()
            ),
        }
    }

    /// Its `accept-encoding` on requests (None: it sends none).
    pub fn accept_encoding(&self) -> Option<&'static str> {
        at_least(self.version(), COMPRESSION_SINCE).then_some(ACCEPT_ENCODING)
    }

    /// It decodes `Content-Encoding: gzip`/`zstd` streams.
    pub fn decodes_compressed(&self) -> bool {
        at_least(self.version(), COMPRESSION_SINCE)
    }
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

/// The installed Codex, asked once per process (from the facts cache under `home` when the
/// binary is unchanged). The first caller's `home` is the one used.
pub fn current_in(home: Option<&Path>) -> &'static Current {
    static CURRENT: OnceLock<Current> = OnceLock::new();
    CURRENT.get_or_init(|| {
        let installed = find_bin().and_then(|bin| facts::of(&bin, home).ok().map(|f| (bin, f)));
        Current { installed }
    })
}

/// [`current_in`] with `$CODEX_HOME` (or `~/.codex`) for the cache.
pub fn current() -> &'static Current {
    let home = crate::home::resolve(None).ok();
    current_in(home.as_deref())
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
    fn ranges_and_dated_changes() {
        assert_eq!(range("0.160.0"), Range::Supported);
        assert_eq!(range("0.159.9"), Range::TooOld);
        assert_eq!(range(NEWEST_TESTED), Range::Supported);
        assert_eq!(range("0.999.0"), Range::NewerThanTested);
        assert_eq!(range("garbage"), Range::Unknown);
        assert_eq!(version_in("codex-cli 0.170.0"), Some("0.170.0"));
        let facts = |v: &str| facts::BinaryFacts {
            version_text: format!("codex-cli {v}"),
            version: Some(v.into()),
            default_model: None,
            bundled_slugs: vec![],
            startup_config: false,
            duration_ms: 0,
        };
        let at = |v: &str| Current { installed: Some((PathBuf::from("codex"), facts(v))) };
        assert_eq!(at("0.170.0").accept_encoding(), None);
        assert_eq!(at(COMPRESSION_SINCE).accept_encoding(), Some("zstd,gzip"));
        assert!(at("0.999.0").decodes_compressed() && !at("0.160.0").decodes_compressed());
        let none = Current { installed: None };
        assert_eq!(none.default_model(), (NEWEST_TESTED_DEFAULT_MODEL, false));
        assert!(none.default_model_sentence().contains("none installed"));
        let mut f = facts("0.170.0");
        f.default_model = Some("m".into());
        let c = Current { installed: Some((PathBuf::from("codex"), f)) };
        assert_eq!(c.default_model_sentence(), "Codex 0.170.0 sends its default `m`");
        let silent = at("0.170.0");
        assert!(!silent.default_model_sentence().contains(NEWEST_TESTED), "{}", silent.default_model_sentence());
    }

    #[test]
    fn user_agent_has_codex_shape() {
        let ua = user_agent("0.171.0");
        assert!(ua.starts_with("codex_exec/0.171.0 ("), "{ua}");
        assert!(ua.ends_with(" (codex_exec; 0.171.0)"), "{ua}");
        assert!(reqwest::header::HeaderValue::from_str(&ua).is_ok());
    }
}
