//! Completion: the static scripts clap_complete generates from the CLI definition
//! (`completions SHELL`), and the dynamic candidates of its engine (`COMPLETE=bash
//! codex-provider`), which read only what they must and never fail: a broken config just
//! completes nothing.

use std::ffi::OsString;
use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;

use crate::config::{ConfigFile, ids};

/// The Codex home for candidates: a `--codex-home` already typed on the line being completed,
/// else `$CODEX_HOME`, else `~/.codex` (candidate functions get no parsed args, so we read argv).
fn home() -> Option<PathBuf> {
    crate::home::resolve(home_from_line(std::env::args_os())).ok()
}

/// `--codex-home DIR` / `--codex-home=DIR` among the words after the engine's `--` separator
/// (`codex-provider -- codex-provider use --codex-home DIR ""`); the last one wins. The shell
/// passes `~` unexpanded, so a leading `~/` is expanded here.
fn home_from_line(argv: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let words: Vec<String> =
        argv.into_iter().skip_while(|a| a != "--").skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        if w == "--codex-home" {
            // The last word is the one being completed, not a value yet.
            if i + 2 < words.len() {
                found = Some(words[i + 1].clone());
            }
        } else if let Some(v) = w.strip_prefix("--codex-home=") {
            found = Some(v.to_string());
        }
    }
    let dir = found.filter(|d| !d.is_empty())?;
    match dir.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().map(|h| h.join(rest)),
        None => Some(PathBuf::from(dir)),
    }
}

/// The static script for `shell`, generated into memory so the printer writes it (a full
/// disk is an error, a closed pipe is not; clap_complete itself panics on a write error).
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut super::Cli::command(), "codex-provider", &mut script);
    script
}

fn custom_ids() -> Vec<String> {
    let Some(h) = home() else { return vec![] };
    ConfigFile::load(&crate::home::config_path(&h)).ok().and_then(|f| f.provider_ids().ok()).unwrap_or_default()
}

fn cands(v: impl IntoIterator<Item = String>) -> Vec<CompletionCandidate> {
    v.into_iter().map(|s| CompletionCandidate::new(OsString::from(s))).collect()
}

pub fn custom_provider_ids() -> Vec<CompletionCandidate> {
    cands(custom_ids())
}

pub fn provider_ids() -> Vec<CompletionCandidate> {
    let mut v = custom_ids();
    for b in ids::BUILTIN {
        if !v.iter().any(|x| x == b) {
            v.push(b.to_string());
        }
    }
    cands(v)
}

pub fn provider_ids_and_dash() -> Vec<CompletionCandidate> {
    let mut c = provider_ids();
    c.push(CompletionCandidate::new("-").help(Some("the previous default".into())));
    c
}

pub fn profile_names() -> Vec<CompletionCandidate> {
    cands(home().map(|h| crate::home::profile_names(&h)).unwrap_or_default())
}

pub fn preset_ids() -> Vec<CompletionCandidate> {
    crate::presets::ALL.iter().map(|p| CompletionCandidate::new(p.id).help(Some(p.name.into()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Option<PathBuf> {
        home_from_line(words.iter().map(OsString::from))
    }

    #[test]
    fn codex_home_from_the_completed_line() {
        assert_eq!(line(&["cp", "--", "cp", "use", "--codex-home", "/x", ""]), Some(PathBuf::from("/x")));
        assert_eq!(line(&["cp", "--", "cp", "--codex-home=/y", "use", ""]), Some(PathBuf::from("/y")));
        assert_eq!(line(&["cp", "--", "cp", "use", "--codex-home", ""]), None, "value still being typed");
        assert_eq!(line(&["cp", "--codex-home", "/z", "use"]), None, "only words after the separator");
        assert_eq!(line(&["cp", "--", "cp", "use", ""]), None);
    }
}
