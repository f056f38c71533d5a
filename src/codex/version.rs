//! Codex release numbers, as `codex --version` prints them. Pure (no process, no file), so
//! the low layers (`known`) can order releases without reaching the runner.

/// `(major, minor, patch)` of `0.171.0` (a `v` prefix and a pre-release tail are allowed).
pub fn parse(v: &str) -> Option<(u64, u64, u64)> {
    let mut it = v.trim().trim_start_matches('v').split(['.', '-', '+']).map(|p| p.parse::<u64>().ok());
    Some((it.next()??, it.next()??, it.next().flatten().unwrap_or(0)))
}

/// The version word in `codex --version`'s line (`codex-cli 0.171.0` → `0.171.0`).
pub fn version_in(text: &str) -> Option<&str> {
    text.split_whitespace().find(|w| parse(w).is_some())
}
