//! Variables as Codex sees them: the process environment first, then `KEY=VALUE` lines in
//! `$CODEX_HOME/.env` (Codex loads that file). Empty or blank counts as unset, as in Codex.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// `KEY=VALUE` lines; `export ` prefixes, quotes and `#` comments allowed; the last one wins.
pub fn parse(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map(str::trim_start).unwrap_or(line);
        if let Some((k, v)) = line.split_once('=') {
            let v = v.trim();
            let v = [('"', '"'), ('\'', '\'')]
                .iter()
                .find_map(|(a, b)| v.strip_prefix(*a).and_then(|s| s.strip_suffix(*b)))
                .unwrap_or(v);
            out.insert(k.trim().to_string(), v.to_string());
        }
    }
    out
}

/// The entries of `$CODEX_HOME/.env` (empty when there is none), read once per process:
/// `list` asks for every provider's key.
pub fn load(home: &Path) -> BTreeMap<String, String> {
    static CACHE: Mutex<Option<(PathBuf, BTreeMap<String, String>)>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((h, m)) = cache.as_ref()
        && h == home
    {
        return m.clone();
    }
    let m = std::fs::read_to_string(home.join(".env")).map(|t| parse(&t)).unwrap_or_default();
    *cache = Some((home.to_path_buf(), m.clone()));
    m
}

fn nonblank(v: String) -> Option<String> {
    if v.trim().is_empty() { None } else { Some(v) }
}

/// A variable of this process only (not `.env`): colour, `CODEX_HOME`, test pause points.
/// Not valid UTF-8 counts as unset.
pub fn process_var(var: &str) -> Option<String> {
    std::env::var(var).ok()
}

/// A path-valued variable of this process (`CODEX_HOME`, `SSL_CERT_FILE`); empty is unset.
pub fn process_path(var: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(var).filter(|v| !v.is_empty())
}

/// Every variable of this process (doctor's snapshot).
pub fn process_vars() -> BTreeMap<String, String> {
    std::env::vars().collect()
}

/// A variable's value the way Codex resolves it.
pub fn lookup(var: &str, home: &Path) -> Option<String> {
    process_var(var).and_then(nonblank).or_else(|| load(home).remove(var).and_then(nonblank))
}

/// Where a key variable is set, and its length in characters: never its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Env(usize),
    DotEnv(usize),
    Unset,
}

impl Presence {
    pub fn is_set(self) -> bool {
        !matches!(self, Presence::Unset)
    }
    /// `VAR (set, 51 chars)` / `VAR (set in $CODEX_HOME/.env, 51 chars)` / `VAR (not set)`.
    pub fn describe(self, var: &str) -> String {
        match self {
            Presence::Env(n) => crate::redact::set_chars(var, n, None),
            Presence::DotEnv(n) => crate::redact::set_chars(var, n, Some("$CODEX_HOME/.env")),
            Presence::Unset => format!("{var} (not set)"),
        }
    }
}

pub fn presence(var: &str, home: &Path) -> Presence {
    if let Some(v) = process_var(var).and_then(nonblank) {
        return Presence::Env(v.chars().count());
    }
    match load(home).remove(var).and_then(nonblank) {
        Some(v) => Presence::DotEnv(v.chars().count()),
        None => Presence::Unset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_codex() {
        let m = parse("# c\nexport A=1\nB = \"two\"\nC='3'\n\nbad\nA=4\n");
        assert_eq!(m.get("A").map(String::as_str), Some("4"));
        assert_eq!(m.get("B").map(String::as_str), Some("two"));
        assert_eq!(m.get("C").map(String::as_str), Some("3"));
        assert!(!m.contains_key("bad"));
    }

    #[test]
    fn env_wins_and_blank_is_unset() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(".env"), "DOTENV_T_A=\"from file\"\nDOTENV_T_B=   \n").unwrap();
        assert_eq!(lookup("DOTENV_T_A", d.path()).as_deref(), Some("from file"));
        assert_eq!(presence("DOTENV_T_A", d.path()), Presence::DotEnv(9));
        assert_eq!(lookup("DOTENV_T_B", d.path()), None);
        assert_eq!(presence("DOTENV_T_NONE", d.path()), Presence::Unset);
    }
}
