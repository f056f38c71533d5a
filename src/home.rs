//! Where Codex keeps its files: the `CODEX_HOME` directory, `config.toml` in it, and the
//! `NAME.config.toml` profile files beside it. One rule for every command, completion and
//! check, so they never disagree about which files exist or which names are selectable.

use std::path::{Path, PathBuf};

use crate::error::UserError;

/// The user config inside the Codex home.
pub const CONFIG_FILE: &str = "config.toml";
/// `NAME` + this is a profile file (`codex --profile NAME` layers it over config.toml).
pub const PROFILE_SUFFIX: &str = ".config.toml";

/// The Codex home directory, the way Codex resolves it: `--codex-home`, else `$CODEX_HOME`
/// (an empty value counts as unset), else `~/.codex`.
pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf, UserError> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(v) = std::env::var_os("CODEX_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    match crate::platform::codex_home_default() {
        Some(h) => Ok(h),
        None => Err(UserError::usage("cannot find the home directory").hint("pass --codex-home DIR or set CODEX_HOME")),
    }
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
