//! Where Codex keeps its files: the `CODEX_HOME` directory, `config.toml` in it, and the
//! `NAME.config.toml` profile files beside it. One rule for every command, completion and
//! check, so they never disagree about which files exist or which names are selectable.

use std::path::{Path, PathBuf};

/// The user config inside the Codex home.
pub const CONFIG_FILE: &str = "config.toml";
/// `NAME` + this is a profile file (`codex --profile NAME` layers it over config.toml).
pub const PROFILE_SUFFIX: &str = ".config.toml";

/// There is no home directory to put `.codex` in, and no Codex home was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoHomeDir;

impl std::fmt::Display for NoHomeDir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cannot find the home directory")
    }
}

impl std::error::Error for NoHomeDir {}

/// The Codex home directory, the way Codex resolves it: `--codex-home`, else `$CODEX_HOME`
/// (an empty value counts as unset), else `~/.codex`.
pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf, NoHomeDir> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(v) = std::env::var_os("CODEX_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    crate::platform::codex_home_default().ok_or(NoHomeDir)
}

/// Why Codex would refuse to start with `home`, in its words (0.169 and 0.171: `Error finding
/// codex home: …`, exit 1, before reading any config), or None. Codex refuses a `$CODEX_HOME`
/// that is missing or not a directory, and creates a missing `~/.codex`; a `--codex-home` of
/// ours that is not there is refused the same way, since Codex could never be pointed at it.
pub fn refused_by_codex(home: &Path) -> Option<String> {
    let problem = match std::fs::metadata(home) {
        Ok(m) if m.is_dir() => return None,
        Ok(_) => "is not a directory",
        Err(_) => "does not exist",
    };
    if crate::platform::codex_home_default().is_some_and(|h| h == home) {
        return None;
    }
    Some(format!("Error finding codex home: CODEX_HOME points to \"{}\", but that path {problem}", home.display()))
}

pub fn config_path(home: &Path) -> PathBuf {
    home.join(CONFIG_FILE)
}

pub fn profile_path(home: &Path, name: &str) -> PathBuf {
    home.join(format!("{name}{PROFILE_SUFFIX}"))
}

/// `[A-Za-z0-9_-]{1,64}`: the profile names `codex --profile` accepts (and the provider ids we
/// write). `config::ids::check_profile_name` turns it into an error that never echoes a key.
pub fn is_plain_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Every `NAME.config.toml` in the home, by name, sorted; names Codex cannot select are
/// included (doctor reports them).
pub fn profile_files(home: &Path) -> Vec<(String, PathBuf)> {
    let Ok(rd) = std::fs::read_dir(home) else { return Vec::new() };
    let mut v: Vec<(String, PathBuf)> = rd
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let profile = name.strip_suffix(PROFILE_SUFFIX).filter(|p| !p.is_empty())?.to_string();
            Some((profile, e.path()))
        })
        .collect();
    v.sort();
    v
}

/// The profiles a user can select: [`profile_files`] with a valid name (`config.config.toml`
/// is not a profile).
pub fn profile_names(home: &Path) -> Vec<String> {
    profile_files(home).into_iter().map(|(n, _)| n).filter(|n| is_plain_name(n) && n != "config").collect()
}
