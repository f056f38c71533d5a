//! `--fix`: turns the checks' repairs into edited copies of the files (through
//! `ConfigFile`'s repair methods, so decor stays), ready for `store::Session::commit`.
//!
//! A fix must never make things worse (issue 12): with Codex installed, each repair is
//! applied to a copy first and the installed Codex loads the result in a scratch
//! `CODEX_HOME` (`codex::ask`). The repair is kept only when Codex loads it at least as
//! well as before (it loads, or the same refusal, and no key ignored that was not);
//! otherwise it is reported as a suggestion and not applied.

use std::collections::BTreeMap;
use std::path::Path;

use super::facts::file_label;
use super::{DoctorInput, FileRef, Fix, Repair};
use crate::codex::ask::{self, Load, Verdict};
use crate::config::ConfigFile;

/// The files the repairs change (dirty ones only), the summaries of the fixes applied and
/// the repairs Codex did not load as well, with why.
pub struct Plan {
    pub files: Vec<ConfigFile>,
    pub applied: Vec<String>,
    pub declined: Vec<Declined>,
}

/// A repair left as a suggestion: what it would have done and what Codex said to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined {
    pub repair: String,
    pub why: String,
}

type Files = BTreeMap<FileRef, ConfigFile>;

fn file_of<'a>(input: &DoctorInput, files: &'a mut Files, f: &FileRef) -> Option<&'a mut ConfigFile> {
    if !files.contains_key(f) {
        // Only files that parsed: an unparseable file is never written.
        let loaded = match f {
            FileRef::Config => input.base.as_ref().ok(),
            FileRef::Profile(n) => input.profile_files.get(n).and_then(|l| l.as_ref().ok()),
        }?;
        files.insert(f.clone(), loaded.clone());
    }
    files.get_mut(f)
}

fn apply_one(cf: &mut ConfigFile, r: &Repair) -> bool {
    match r {
        Repair::WireApi { provider, .. } => cf.set_wire_api_responses(provider),
        Repair::RenameKey { table, from, to, .. } => cf.rename_key(table, from, to),
        Repair::RenameProvider { from, to, .. } => cf.rename_provider(from, to).is_ok_and(|(table, _)| table),
        Repair::BaseUrl { provider, url, query, .. } => cf.set_base_url(provider, url, query),
    }
}

/// One line saying what a repair does, as a suggestion.
pub fn describe(r: &Repair) -> String {
    let file = file_label(r.file());
    let dotted = |table: &[String], k: &str| {
        let mut segs: Vec<&str> = table.iter().map(String::as_str).collect();
        segs.push(k);
        super::facts::key_path(&segs)
    };
    match r {
        Repair::WireApi { provider, .. } => {
            format!("set wire_api = \"responses\" in [model_providers.{provider}] ({file})")
        }
        Repair::RenameKey { table, from, to, .. } => {
            format!("rename `{}` to `{}` ({file})", dotted(table, from), dotted(table, to))
        }
        Repair::RenameProvider { from, to, .. } => format!("rename provider `{from}` to `{to}` ({file})"),
        Repair::BaseUrl { provider, url, .. } => {
            format!("set base_url = \"{url}\" in [model_providers.{provider}] ({file})")
        }
    }
}

/// Applies every repair of `fixes` to in-memory copies of the files, each one kept only if
/// the installed Codex (when doctor could ask it) loads the result at least as well as it
/// loaded the files before. Provider renames go last, since the other repairs name the
/// provider by its old id.
pub fn plan(input: &DoctorInput, fixes: &[&Fix]) -> Plan {
    let mut judge = Judge::new(input);
    let mut files = Files::new();
    let mut repairs: Vec<(usize, &Repair)> =
        fixes.iter().enumerate().flat_map(|(i, f)| f.repairs.iter().map(move |r| (i, r))).collect();
    repairs.sort_by_key(|(_, r)| matches!(r, Repair::RenameProvider { .. }));
    let mut done = vec![false; fixes.len()];
    let mut declined = Vec::new();
    for (i, r) in repairs {
        let mut candidate = files.clone();
        let Some(cf) = file_of(input, &mut candidate, r.file()) else { continue };
        if !apply_one(cf, r) {
            continue;
        }
        match judge.accepts(input, &candidate) {
            Ok(()) => {
                files = candidate;
                done[i] = true;
            }
            Err(why) => declined.push(Declined { repair: describe(r), why }),
        }
    }
    let applied = fixes.iter().zip(done).filter(|(_, d)| *d).map(|(f, _)| f.summary.clone()).collect();
    Plan { files: files.into_values().filter(ConfigFile::is_dirty).collect(), applied, declined }
}

/// Asks the installed Codex about each candidate, against the best verdict so far.
struct Judge<'a> {
    /// The Codex to ask and its verdict on the files as they stand (None: cannot ask, so
    /// the repairs are applied on doctor's own knowledge).
    codex: Option<(&'a Path, Verdict)>,
    how: ask::Asking,
}

impl<'a> Judge<'a> {
    fn new(input: &'a DoctorInput) -> Judge<'a> {
        let codex = match (&input.codex_path, &input.codex_load) {
            (Some(bin), Some(v)) if !matches!(v.load, Load::NoAnswer(_)) => Some((bin.as_path(), v.clone())),
            _ => None,
        };
        let how = ask::Asking { startup_config: input.codex_facts.as_ref().is_some_and(|f| f.startup_config) };
        Judge { codex, how }
    }

    /// Ok when Codex loads `candidate` at least as well as the current files (which it
    /// then becomes); Err with what Codex said otherwise.
    fn accepts(&mut self, input: &DoctorInput, candidate: &Files) -> Result<(), String> {
        let Some((bin, before)) = &self.codex else { return Ok(()) };
        let text = |f: &FileRef| -> Option<String> {
            if let Some(cf) = candidate.get(f) {
                return Some(cf.render());
            }
            let loaded = match f {
                FileRef::Config => input.base.as_ref().ok(),
                FileRef::Profile(n) => input.profile_files.get(n).and_then(|l| l.as_ref().ok()),
            }?;
            loaded.existed.then(|| loaded.original().to_string())
        };
        let config = text(&FileRef::Config);
        let profile =
            input.options.profile.as_ref().and_then(|n| Some((n.as_str(), text(&FileRef::Profile(n.clone()))?)));
        let files = ask::Files {
            home: &input.home,
            config: config.as_deref(),
            profile: profile.as_ref().map(|(n, t)| (*n, t.as_str())),
        };
        let after = ask::verdict(bin, &files, self.how);
        if after.at_least_as_good_as(before) {
            self.codex = Some((bin, after));
            return Ok(());
        }
        Err(match &after.load {
            Load::Refused(r) => format!("Codex would refuse the result: {}", r.detail),
            Load::NoAnswer(why) => format!("Codex could not check the result: {why}"),
            Load::Loads => {
                let new: Vec<String> = after
                    .ignored
                    .iter()
                    .filter(|k| !before.ignored.contains(k))
                    .map(|k| format!("`{}` ({})", k.key, k.file))
                    .collect();
                format!("Codex would ignore {}", new.join(", "))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::{self, Status};
    use std::path::Path;

    #[test]
    fn fixing_then_rechecking_clears_the_failures() {
        let text = "model = \"m\"\nmodel_provider = \"openai\"\n[model_providers.openai]\nname = \"O\"\nbase_uri = \"https://h/v1\"\nwire_api = \"chat\" # old\n";
        let mut input = DoctorInput::empty(Path::new("/h"));
        input.base = ConfigFile::parse(Path::new("/h/config.toml"), text.into()).map_err(|e| e.to_string());
        let report = doctor::run(&input, None);
        assert_eq!(report.get("config.wire_api").unwrap().status, Status::Fail);
        let p = plan(&input, &report.fixes());
        assert_eq!(p.applied.len(), 3, "{:?}", p.applied);
        let out = p.files[0].render();
        assert_eq!(
            out,
            "model = \"m\"\nmodel_provider = \"openai-custom\"\n[model_providers.openai-custom]\nname = \"O\"\nbase_url = \"https://h/v1\"\nwire_api = \"responses\" # old\n"
        );
        input.base = ConfigFile::parse(Path::new("/h/config.toml"), out).map_err(|e| e.to_string());
        let again = doctor::run(&input, None);
        for id in ["config.wire_api", "config.reserved_ids", "config.unknown_keys"] {
            assert_eq!(again.get(id).unwrap().status, Status::Ok, "{id}");
        }
    }
}
