//! Dynamic completion candidates (clap_complete's engine, `COMPLETE=bash codex-provider`).
//! Reads only what it must, and never fails: a broken config just completes nothing.

use std::ffi::OsString;

use clap_complete::engine::CompletionCandidate;

use crate::config::{ConfigFile, edit, ids};

fn home() -> Option<std::path::PathBuf> {
    crate::ctx::resolve_home(None).ok()
}

fn custom_ids() -> Vec<String> {
    let Some(h) = home() else { return vec![] };
    ConfigFile::load(&h.join(crate::config::CONFIG_FILE))
        .ok()
        .and_then(|f| edit::provider_ids(&f.doc).ok())
        .unwrap_or_default()
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

/// Names of `NAME.config.toml` files in the Codex home.
pub fn profile_file_names(home: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(home)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter_map(|n| n.strip_suffix(crate::config::PROFILE_SUFFIX).map(str::to_string))
                .filter(|n| ids::check_profile_name(n).is_ok() && n != "config")
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub fn profile_names() -> Vec<CompletionCandidate> {
    cands(home().map(|h| profile_file_names(&h)).unwrap_or_default())
}

pub fn preset_ids() -> Vec<CompletionCandidate> {
    crate::presets::ALL.iter().map(|p| CompletionCandidate::new(p.id).help(Some(p.name.into()))).collect()
}
