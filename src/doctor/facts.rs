//! What every check shares: the parsed files, the layered view, the providers in scope and
//! what the probes proved, built once from the gathered input.

use std::collections::BTreeSet;

use super::{DoctorInput, FileRef};
use crate::config::ConfigFile;
use crate::config::view::{Layers, Source};

/// What the config checks share: the parsed files, the layered view and the providers in scope.
pub struct Facts<'a> {
    pub input: &'a DoctorInput,
    pub base: Option<&'a ConfigFile>,
    /// `config.toml` with the `--profile` file over it (when that file exists and parses).
    pub layers: Option<Layers<'a>>,
    /// The providers doctor is asked about: the active one, `--provider ID`, or all (`--all`).
    pub targets: Vec<String>,
    /// Providers whose probe proved that `{base}/v1/responses` works (enables the "add /v1" fix).
    pub v1_proven: BTreeSet<String>,
    /// What the installed Codex's release knows (the newest supported one without Codex).
    pub known: crate::codex::known::Known,
}

impl<'a> Facts<'a> {
    pub fn new(input: &'a DoctorInput) -> Facts<'a> {
        let base = input.base.as_ref().ok();
        let layers = base.map(|b| {
            let profile = input.options.profile.as_ref().and_then(|n| {
                let f = input.profile_files.get(n)?.as_ref().ok()?;
                Some((n.as_str(), f))
            });
            Layers::new(b, profile)
        });
        let targets = match &layers {
            None => Vec::new(),
            Some(l) => {
                let active = l.selection().provider;
                if let Some(p) = &input.options.provider {
                    vec![p.clone()]
                } else if input.options.all {
                    let mut v = l.custom_ids().unwrap_or_default();
                    if !v.contains(&active) {
                        v.insert(0, active);
                    }
                    v
                } else {
                    vec![active]
                }
            }
        };
        let release = match &input.codex {
            super::input::CodexBin::Version { text, .. } => {
                crate::codex::release_for(text.rsplit(' ').next().unwrap_or(""))
            }
            _ => crate::codex::newest(),
        };
        let known = crate::codex::known::Known::of(release.version);
        Facts { input, base, layers, targets, v1_proven: BTreeSet::new(), known }
    }

    /// The files whose provider tables Codex reads: config.toml and the selected profile.
    pub fn files(&self) -> Vec<(FileRef, &ConfigFile)> {
        let mut v: Vec<(FileRef, &ConfigFile)> = self.base.map(|b| (FileRef::Config, b)).into_iter().collect();
        if let Some((n, f)) = self.layers.and_then(|l| l.profile()) {
            v.push((FileRef::Profile(n.to_string()), f));
        }
        v
    }
}

pub fn file_label(f: &FileRef) -> String {
    match f {
        FileRef::Config => "config.toml".into(),
        FileRef::Profile(n) => format!("{n}.config.toml"),
    }
}

pub fn source_file(s: Option<&Source>) -> FileRef {
    match s {
        Some(Source::Profile(n)) => FileRef::Profile(n.clone()),
        _ => FileRef::Config,
    }
}

/// A dotted key path with non-bare segments quoted, as users see it in TOML.
pub fn key_path(segs: &[&str]) -> String {
    segs.iter()
        .map(|s| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                s.to_string()
            } else {
                format!("{s:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

macro_rules! need_config {
    ($f:expr, $id:expr) => {
        match ($f.base, $f.layers.as_ref()) {
            (Some(b), Some(l)) => (b, l),
            _ => return Check::skipped($id, "config.toml does not parse"),
        }
    };
}
pub(crate) use need_config;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::doctor::Check;
    use std::path::Path;

    pub(crate) fn input(text: &str) -> DoctorInput {
        let mut i = DoctorInput::empty(Path::new("/h"));
        i.base = ConfigFile::parse(Path::new("/h/config.toml"), text.to_string()).map_err(|e| e.to_string());
        i
    }

    pub(crate) fn run1(i: &DoctorInput, f: fn(&Facts) -> Check) -> Check {
        f(&Facts::new(i))
    }

    pub(crate) fn corpus(name: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus").join(name)).unwrap()
    }
}
