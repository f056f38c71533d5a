//! Variables as Codex sees them: the process environment with `$CODEX_HOME/.env` loaded over
//! it. Codex sets every `.env` entry into its own environment at start-up, so a `.env` entry
//! wins over an exported variable, except names starting with `CODEX_` (any case), which Codex
//! refuses to take from `.env`. Empty or blank counts as unset, as in Codex. This is the one
//! door: everyone else reads variables through here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// `.env` text read the way Codex reads it: with the `dotenvy` crate Codex itself uses
/// (`export ` prefixes, single and double quotes, backslash escapes in double quotes, `#`
/// comments after a blank, `$VAR`/`${VAR}` from the environment and earlier lines); a line
/// dotenvy rejects is skipped, as Codex skips it; the last one wins. Checked against real
/// Codex in `tests/it/oracle.rs` (docs/codex-facts.md#environment).
pub fn parse(text: &str) -> BTreeMap<String, String> {
    dotenvy::from_read_iter(text.as_bytes()).flatten().collect()
}

static CACHE: Mutex<Option<(PathBuf, BTreeMap<String, String>)>> = Mutex::new(None);

/// The entries of `$CODEX_HOME/.env` (empty when there is none), read once per process:
/// `list` asks for every provider's key.
pub fn load(home: &Path) -> BTreeMap<String, String> {
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

/// Forgets the cached `.env` (the wizard just stored a key there and probes again).
pub fn reload() {
    CACHE.lock().unwrap_or_else(|e| e.into_inner()).take();
}

/// The names (never the values) of the set variables that look like API-key variables
/// (`*_API_KEY`, `*_KEY`, `*_TOKEN`), from the process and `.env`, sorted: the wizard's
/// "another key variable" list.
pub fn key_like_names(home: &Path) -> Vec<String> {
    let looks = |k: &str| {
        let k = k.to_ascii_uppercase();
        ["_API_KEY", "_KEY", "_TOKEN"].iter().any(|s| k.ends_with(s))
    };
    let mut names: Vec<String> =
        process_vars().into_keys().chain(load(home).into_keys()).filter(|k| looks(k)).collect();
    names.sort();
    names.dedup();
    names.retain(|k| lookup(k, home).is_some());
    names
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
    crate::platform::env_vars()
}

/// Whether Codex takes `var` from `.env` (it refuses `CODEX_*`, whatever the case).
pub fn dotenv_may_set(var: &str) -> bool {
    !var.to_ascii_uppercase().starts_with("CODEX_")
}

/// The one precedence rule, on values already read: `.env` over the process (unless the
/// name is `CODEX_*`); returns the value and whether it came from `.env`. Blank is unset.
pub fn resolve<'a>(var: &str, process: Option<&'a str>, dotenv: Option<&'a str>) -> Option<(&'a str, bool)> {
    let chosen = match dotenv.filter(|_| dotenv_may_set(var)) {
        Some(v) => (v, true),
        None => (process?, false),
    };
    (!chosen.0.trim().is_empty()).then_some(chosen)
}

/// A variable's value the way Codex resolves it.
pub fn lookup(var: &str, home: &Path) -> Option<String> {
    let file = load(home);
    let process = process_var(var);
    resolve(var, process.as_deref(), file.get(var).map(String::as_str)).map(|(v, _)| v.to_string())
}

/// The base-URL variables the old guides teach for the built-in provider, in the order
/// `import`, `doctor` and the `add` wizard read them (Codex 0.169+ ignores both).
pub const OPENAI_URL_VARS: [&str; 2] = ["OPENAI_BASE_URL", "OPENAI_API_BASE"];
/// The key variable those guides pair with them.
pub const OPENAI_KEY_VAR: &str = "OPENAI_API_KEY";

/// A variable of the old guides' setup, found: its name, its value, and whether it came from
/// `$CODEX_HOME/.env`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub var: &'static str,
    pub value: String,
    pub in_dotenv: bool,
}

/// The first of [`OPENAI_URL_VARS`] that is set, resolved as Codex would (`.env` over the
/// process; blank is unset), over values already read (doctor's snapshot).
pub fn openai_url_in(process: &BTreeMap<String, String>, dotenv: &BTreeMap<String, String>) -> Option<Found> {
    OPENAI_URL_VARS.iter().find_map(|var| {
        let (value, in_dotenv) =
            resolve(var, process.get(*var).map(String::as_str), dotenv.get(*var).map(String::as_str))?;
        Some(Found { var, value: value.to_string(), in_dotenv })
    })
}

/// [`openai_url_in`] over this process and `$CODEX_HOME/.env`.
pub fn openai_url(home: &Path) -> Option<Found> {
    let process: BTreeMap<String, String> =
        OPENAI_URL_VARS.iter().filter_map(|v| process_var(v).map(|x| (v.to_string(), x))).collect();
    openai_url_in(&process, &load(home))
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
    let file = load(home);
    let process = process_var(var);
    match resolve(var, process.as_deref(), file.get(var).map(String::as_str)) {
        Some((v, true)) => Presence::DotEnv(v.chars().count()),
        Some((v, false)) => Presence::Env(v.chars().count()),
        None => Presence::Unset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_codex() {
        let m = parse("# c\nexport A=1\nB=\"two\"\nC='3'\nD=x # note\nE=\"a\\\"b\"\n\nbad\nA=4\n");
        assert_eq!(m.get("A").map(String::as_str), Some("4"));
        assert_eq!(m.get("B").map(String::as_str), Some("two"));
        assert_eq!(m.get("C").map(String::as_str), Some("3"));
        assert_eq!(m.get("D").map(String::as_str), Some("x"), "inline comment");
        assert_eq!(m.get("E").map(String::as_str), Some("a\"b"), "escape");
        assert!(!m.contains_key("bad"));
    }

    #[test]
    fn dotenv_wins_except_codex_names_and_blank_is_unset() {
        assert_eq!(resolve("K", Some("p"), Some("f")), Some(("f", true)));
        assert_eq!(resolve("K", Some("p"), None), Some(("p", false)));
        assert_eq!(resolve("CODEX_API_KEY", Some("p"), Some("f")), Some(("p", false)));
        assert_eq!(resolve("codex_x", None, Some("f")), None);
        assert_eq!(resolve("K", Some("p"), Some("  ")), None);
    }

    #[test]
    fn the_first_set_url_variable_wins_dotenv_over_process() {
        let m = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(openai_url_in(&m(&[]), &m(&[])), None);
        let f = openai_url_in(&m(&[("OPENAI_API_BASE", "http://b/v1"), ("OPENAI_BASE_URL", " ")]), &m(&[])).unwrap();
        assert_eq!((f.var, f.value.as_str(), f.in_dotenv), ("OPENAI_API_BASE", "http://b/v1", false));
        let f = openai_url_in(&m(&[("OPENAI_BASE_URL", "http://p/v1")]), &m(&[("OPENAI_BASE_URL", "http://f/v1")]));
        assert_eq!(f.map(|f| (f.value, f.in_dotenv)), Some(("http://f/v1".to_string(), true)));
    }

    #[test]
    fn reads_the_file() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join(".env"), "DOTENV_T_A=\"from file\"\nDOTENV_T_B=   \n").unwrap();
        assert_eq!(lookup("DOTENV_T_A", d.path()).as_deref(), Some("from file"));
        assert_eq!(presence("DOTENV_T_A", d.path()), Presence::DotEnv(9));
        assert_eq!(lookup("DOTENV_T_B", d.path()), None);
        assert_eq!(presence("DOTENV_T_NONE", d.path()), Presence::Unset);
    }
}
