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
}

impl<'a> Judge<'a> {
    fn new(input: &'a DoctorInput) -> Judge<'a> {
        let codex = match (&input.codex_path, &input.codex_load) {
            (Some(bin), Some(v)) if !matches!(v.load, Load::NoAnswer(_)) => Some((bin.as_path(), v.clone())),
            _ => None,
        };
        Judge { codex }
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
        let after = ask::verdict(bin, &files);
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
    use crate::codex::ask;
    use crate::doctor::input::{self, Options};
    use crate::doctor::{self, Status};
    use std::path::{Path, PathBuf};

    /// The real Codex 0.171 (CODEX_BIN, else the CI cache); None skips, loudly.
    fn real_codex() -> Option<PathBuf> {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        let found = std::env::var_os("CODEX_BIN")
            .map(PathBuf::from)
            .into_iter()
            .chain([home.join(".cache/codex-provider-ci/codex-0.171.0/node_modules/.bin/codex")])
            .find(|p| p.is_file());
        if found.is_none() {
            eprintln!("!!!!! SKIPPED: no real Codex (set CODEX_BIN) !!!!!");
        }
        found
    }

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

    /// The input doctor gathers for `home`, asking `bin` (not whatever CODEX_BIN the test has).
    fn gathered(home: &Path, bin: &Path) -> input::DoctorInput {
        let mut i = input::gather(home, Options::default());
        let text = std::fs::read_to_string(home.join("config.toml")).ok();
        let files = ask::Files { home, config: text.as_deref(), profile: None };
        i.codex_load = Some(ask::verdict(bin, &files));
        i.codex_path = Some(bin.to_path_buf());
        i
    }

    fn rename(from: &str, to: &str) -> Repair {
        Repair::RenameKey { file: FileRef::Config, table: vec![], from: from.into(), to: to.into() }
    }

    /// The renames issue 12 measured as breaking (a real key renamed to a near one of another
    /// type) are declined with Codex's own words; a good rename next to them is kept.
    #[test]
    fn a_rename_codex_would_refuse_stays_a_suggestion() {
        let Some(bin) = real_codex() else { return };
        let home = tempfile::tempdir().unwrap();
        let reference = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/codex-keys/false-positives.config.toml"),
        )
        .expect("reference config");
        std::fs::write(home.path().join("config.toml"), format!("model_reasoning_efort = \"high\"\n{reference}"))
            .unwrap();
        let input = gathered(home.path(), &bin);
        assert!(input.codex_load.as_ref().unwrap().loads(), "{:?}", input.codex_load);
        let bad = Fix {
            summary: "rename the scope".into(),
            repairs: vec![rename("model_auto_compact_token_limit_scope", "model_auto_compact_token_limit")],
        };
        let good = Fix {
            summary: "rename the effort".into(),
            repairs: vec![rename("model_reasoning_efort", "model_reasoning_effort")],
        };
        let plan = plan(&input, &[&bad, &good]);
        assert_eq!(plan.applied, vec!["rename the effort".to_string()]);
        assert_eq!(plan.declined.len(), 1, "{:?}", plan.declined);
        let d = &plan.declined[0];
        assert!(
            d.repair.contains("`model_auto_compact_token_limit_scope` to `model_auto_compact_token_limit`"),
            "{d:?}"
        );
        assert!(d.why.contains("invalid type: string \"total\", expected i64"), "{d:?}");
        let out = plan.files[0].render();
        assert!(
            out.contains("model_auto_compact_token_limit_scope = \"total\"")
                && out.contains("model_reasoning_effort = \"high\""),
            "{out}"
        );
    }

    /// A rename to a key Codex knows but ignores here (a wrong table) is not "as well as
    /// before" either: the rename from one ignored key to another is declined.
    #[test]
    fn a_rename_that_trades_one_ignored_key_for_another_is_declined() {
        let Some(bin) = real_codex() else { return };
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join("config.toml"), "modle = \"gpt-5.4\"\n").unwrap();
        let input = gathered(home.path(), &bin);
        let f = Fix { summary: "rename".into(), repairs: vec![rename("modle", "also_not_a_key")] };
        let plan = plan(&input, &[&f]);
        assert!(plan.applied.is_empty() && plan.files.is_empty());
        assert!(plan.declined[0].why.contains("Codex would ignore `also_not_a_key`"), "{:?}", plan.declined);
    }
}
