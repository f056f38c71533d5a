//! `--fix`: turns the checks' repairs into edited copies of the files (through
//! `ConfigFile`'s repair methods, so decor stays), ready for `store::Session::commit`.

use std::collections::BTreeMap;

use super::{DoctorInput, FileRef, Fix, Repair};
use crate::config::ConfigFile;

/// The files the repairs change (dirty ones only) and the summaries of the fixes applied.
pub struct Plan {
    pub files: Vec<ConfigFile>,
    pub applied: Vec<String>,
}

fn file_of<'a>(
    input: &DoctorInput,
    files: &'a mut BTreeMap<FileRef, ConfigFile>,
    f: &FileRef,
) -> Option<&'a mut ConfigFile> {
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

/// Applies every repair of `fixes` to in-memory copies of the files. Provider renames go
/// last, since the other repairs name the provider by its old id.
pub fn plan(input: &DoctorInput, fixes: &[&Fix]) -> Plan {
    let mut files = BTreeMap::new();
    let mut repairs: Vec<(usize, &Repair)> =
        fixes.iter().enumerate().flat_map(|(i, f)| f.repairs.iter().map(move |r| (i, r))).collect();
    repairs.sort_by_key(|(_, r)| matches!(r, Repair::RenameProvider { .. }));
    let mut done = vec![false; fixes.len()];
    for (i, r) in repairs {
        if let Some(cf) = file_of(input, &mut files, r.file()) {
            done[i] |= apply_one(cf, r);
        }
    }
    let applied = fixes.iter().zip(done).filter(|(_, d)| *d).map(|(f, _)| f.summary.clone()).collect();
    Plan { files: files.into_values().filter(ConfigFile::is_dirty).collect(), applied }
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
        input.base = ConfigFile::parse(Path::new("/h/config.toml"), text.into()).map_err(|e| e.message);
        let report = doctor::run(&input, None);
        assert_eq!(report.get("config.wire_api").unwrap().status, Status::Fail);
        let p = plan(&input, &report.fixes());
        assert_eq!(p.applied.len(), 3, "{:?}", p.applied);
        let out = p.files[0].render();
        assert_eq!(
            out,
            "model = \"m\"\nmodel_provider = \"openai-custom\"\n[model_providers.openai-custom]\nname = \"O\"\nbase_url = \"https://h/v1\"\nwire_api = \"responses\" # old\n"
        );
        input.base = ConfigFile::parse(Path::new("/h/config.toml"), out).map_err(|e| e.message);
        let again = doctor::run(&input, None);
        for id in ["config.wire_api", "config.reserved_ids", "config.unknown_keys"] {
            assert_eq!(again.get(id).unwrap().status, Status::Ok, "{id}");
        }
    }
}
