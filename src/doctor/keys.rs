//! `config.*` checks about keys: the ones Codex ignores (asked of the installed Codex, else
//! its release's key lists, nested tables included) and top-level keys written after a
//! table header. A rename is offered only from a key Codex ignores to a key it knows, absent
//! from the table, whose value kind fits (`codex::known`).

use super::facts::{Facts, file_label, key_path, plural};
use super::{Check, FileRef, Fix, Repair, Status};
use crate::codex::known::{self, Kind, Known};
use crate::config::{ConfigFile, ids};

/// Tables whose keys are free-form (names, flags, environments), never misplaced root keys.
const FREE_FORM: &[&str] = &[
    "profiles",
    "agents",
    "env",
    "set",
    "http_headers",
    "env_http_headers",
    "query_params",
    "tools",
    "features",
    "mcp_servers",
];

/// One key Codex ignores, where it is, and what it was probably meant to be.
struct Unknown {
    file: FileRef,
    /// The dotted path (`model_providers.gw.base_uri`, `responses.process_mod`).
    path: String,
    near: Option<&'static str>,
    repair: Option<Repair>,
}

/// The files whose keys doctor reports: config.toml and every profile file.
fn all_files<'a>(f: &Facts<'a>) -> Vec<(FileRef, &'a ConfigFile)> {
    let mut files: Vec<(FileRef, &ConfigFile)> = f.base.map(|b| (FileRef::Config, b)).into_iter().collect();
    for (n, l) in &f.input.profile_files {
        if let Ok(cf) = l {
            files.push((FileRef::Profile(n.clone()), cf));
        }
    }
    files
}

/// The kind of a value from its TOML text.
fn kind_of(text: &str) -> Kind {
    match text.trim().chars().next() {
        Some('"' | '\'') => Kind::String,
        Some('{') => Kind::Table,
        Some('[') => Kind::Array,
        Some('t' | 'f') => Kind::Bool,
        _ => Kind::Integer,
    }
}

/// Whether `value` (TOML text) can go under the known top-level key `to`.
fn fits_root(to: &str, value: &str) -> bool {
    match (known::root_kind(to), kind_of(value)) {
        (Some(Kind::Enum), Kind::String) => {
            let v = value.trim().trim_matches(['"', '\'']);
            known::value_enum(to).is_some_and(|e| e.values.contains(&v) && !e.retired.iter().any(|(r, _)| *r == v))
        }
        (Some(want), got) => want == got && want != Kind::Other,
        (None, _) => false,
    }
}

/// Whether a provider field `to` takes a value of `value`'s kind.
fn fits_provider(to: &str, value: &str) -> bool {
    use crate::config::fields::{FIELD_TYPES, FieldType};
    let Some((_, ty)) = FIELD_TYPES.iter().find(|(k, _)| *k == to) else { return false };
    matches!(
        (ty, kind_of(value)),
        (FieldType::String, Kind::String)
            | (FieldType::Bool, Kind::Bool)
            | (FieldType::UInt(_), Kind::Integer)
            | (FieldType::Enum(_), Kind::String)
    )
}

/// A key at the top level or in a provider table that `known` does not list.
fn unknown_by_lists(known: Known, file: &FileRef, cf: &ConfigFile, out: &mut Vec<Unknown>) {
    for k in cf.root_keys() {
        if known.is_root_key(k) {
            continue;
        }
        let near = ids::closest(k, known.root_keys());
        let repair = near.filter(|n| !cf.has_root_key(n)).and_then(|n| {
            let v = cf.root_value_text(k)?;
            fits_root(n, &v).then(|| Repair::RenameKey {
                file: file.clone(),
                table: vec![],
                from: k.into(),
                to: n.into(),
            })
        });
        out.push(Unknown { file: file.clone(), path: k.to_string(), near, repair });
    }
    for t in cf.provider_tables() {
        let id = t.id().to_string();
        for k in t.keys() {
            if known.is_provider_field(k) {
                continue;
            }
            let near = ids::closest(k, known.provider_fields());
            let repair = near.filter(|n| !t.has(n)).and_then(|n| {
                let v = t.value_text(k)?;
                fits_provider(n, &v).then(|| Repair::RenameKey {
                    file: file.clone(),
                    table: vec!["model_providers".into(), id.clone()],
                    from: k.into(),
                    to: n.into(),
                })
            });
            out.push(Unknown { file: file.clone(), path: format!("model_providers.{id}.{k}"), near, repair });
        }
    }
    for v in cf.nested_values(&[]) {
        // Provider sub-tables (`[model_providers.X.capabilities]`) have known fields too.
        let [mp, id, sub] = v.table.as_slice() else { continue };
        let Some(fields) = known.provider_subtable(sub).filter(|_| mp == "model_providers") else { continue };
        if !fields.clone().any(|k| k == v.key) {
            let near = ids::closest(&v.key, fields);
            out.push(Unknown {
                file: file.clone(),
                path: format!("model_providers.{id}.{sub}.{}", v.key),
                near,
                repair: None,
            });
        }
    }
}

/// A key Codex reported ignoring, with a did-you-mean from the lists.
fn unknown_from_codex(known: Known, file: FileRef, cf: Option<&ConfigFile>, path: &str) -> Unknown {
    let segs: Vec<&str> = path.split('.').collect();
    let (near, repair) = match segs.as_slice() {
        [k] => {
            let near = ids::closest(k, known.root_keys());
            let repair = near.zip(cf).filter(|(n, cf)| !cf.has_root_key(n)).and_then(|(n, cf)| {
                let v = cf.root_value_text(k)?;
                fits_root(n, &v).then(|| Repair::RenameKey {
                    file: file.clone(),
                    table: vec![],
                    from: k.to_string(),
                    to: n.into(),
                })
            });
            (near, repair)
        }
        ["model_providers", id, k] => {
            let near = ids::closest(k, known.provider_fields());
            let t = cf.and_then(|cf| cf.provider(id).ok().flatten());
            let repair = near.zip(t).filter(|(n, t)| !t.has(n)).and_then(|(n, t)| {
                let v = t.value_text(k)?;
                fits_provider(n, &v).then(|| Repair::RenameKey {
                    file: file.clone(),
                    table: vec!["model_providers".into(), id.to_string()],
                    from: k.to_string(),
                    to: n.into(),
                })
            });
            (near, repair)
        }
        ["model_providers", _, sub, k] => (known.provider_subtable(sub).and_then(|f| ids::closest(k, f)), None),
        _ => (None, None),
    };
    Unknown { file, path: path.to_string(), near, repair }
}

/// Whether a dotted path is a known top-level key written inside a table.
fn is_misplaced(known: Known, path: &str) -> bool {
    let segs: Vec<&str> = path.split('.').collect();
    segs.len() > 1
        && !FREE_FORM.contains(&segs[0])
        && known.is_root_key(segs[segs.len() - 1])
        && !(segs[0] == "model_providers" && known.is_provider_field(segs[segs.len() - 1]))
}

/// Every key Codex ignores, by the installed Codex's own answer for the files it read, by
/// the lists for the others.
fn unknowns(f: &Facts) -> Vec<Unknown> {
    let mut out = Vec::new();
    let asked = f.input.codex_load.as_ref().filter(|v| v.loads());
    let in_scope = |file: &FileRef| match file {
        FileRef::Config => true,
        FileRef::Profile(n) => f.input.options.profile.as_deref() == Some(n.as_str()),
    };
    for (file, cf) in all_files(f) {
        match asked {
            Some(v) if in_scope(&file) => {
                let label = file_label(&file);
                for i in v.ignored.iter().filter(|i| i.file == label) {
                    if !is_misplaced(f.known, &i.key) {
                        out.push(unknown_from_codex(f.known, file.clone(), Some(cf), &i.key));
                    }
                }
            }
            _ => unknown_by_lists(f.known, &file, cf, &mut out),
        }
    }
    out
}

pub fn unknown_keys(f: &Facts) -> Check {
    const ID: &str = "config.unknown_keys";
    let Some(_) = f.base else { return Check::skipped(ID, "config.toml does not parse") };
    let mut check = Check::ok(ID, "no unrecognized keys in provider tables or at the top level");
    let found = unknowns(f);
    if found.is_empty() {
        return check;
    }
    let mut shown = Vec::new();
    let mut repairs = Vec::new();
    for u in found {
        let hint = u.near.map(|n| format!(": did you mean `{n}`?")).unwrap_or_default();
        check = check.detail(u.path.clone(), format!("in {}{hint}", file_label(&u.file)));
        shown.push(match u.near {
            Some(n) => format!("{} (did you mean `{n}`?)", u.path),
            None => u.path,
        });
        repairs.extend(u.repair);
    }
    check.status = Status::Warning;
    check.summary = format!(
        "Codex ignores {}: {}",
        plural(shown.len(), "unrecognized setting", "unrecognized settings"),
        shown.join(", ")
    );
    let fix = (!repairs.is_empty())
        .then(|| Fix { summary: format!("rename {}", plural(repairs.len(), "typo key", "typo keys")), repairs });
    check.remedy("rename or remove each key (did-you-mean is only a guess; `codex-provider doctor --fix` renames a typo only to a key Codex knows, of the same type, not already set)").with_fix(fix)
}

pub fn misplaced_keys(f: &Facts) -> Check {
    const ID: &str = "config.misplaced_keys";
    let Some(base) = f.base else { return Check::skipped(ID, "config.toml does not parse") };
    let mut check = Check::ok(ID, "no top-level keys are hidden inside a table");
    let _ = base;
    let files = all_files(f);
    let in_scope = |file: &FileRef| match file {
        FileRef::Config => true,
        FileRef::Profile(n) => f.input.options.profile.as_deref() == Some(n.as_str()),
    };
    let mut found = Vec::new();
    for (file, cf) in files {
        // Root-only keys sitting in explicit tables below the root.
        let misplaced = cf.nested_values(FREE_FORM).into_iter().filter(|v| {
            let path = format!("{}.{}", v.table.join("."), v.key);
            let ignored = match f.input.codex_load.as_ref().filter(|c| c.loads() && in_scope(&file)) {
                // The installed Codex says which nested keys it ignores.
                Some(c) => c.ignored.iter().any(|i| {
                    i.file == file_label(&file)
                        && (i.key == path || i.key.ends_with(&format!(".{}", v.key)) && i.key.starts_with(&v.table[0]))
                }),
                None => true,
            };
            ignored && is_misplaced(f.known, &path)
        });
        for v in misplaced {
            let segs: Vec<&str> = v.table.iter().map(String::as_str).collect();
            let (key, table, value) = (v.key.as_str(), key_path(&segs), v.text.as_str());
            let lost = key == "model_provider" && cf.selection().provider.is_none();
            if lost {
                check.status = Status::Fail;
            } else {
                check.status = check.status.max(Status::Warning);
            }
            check = check.detail(
                format!("{table}.{key}"),
                format!("in {}: written after [{table}], so Codex reads it as part of that table", file_label(&file)),
            );
            found.push(format!("`{key} = {value}` is inside [{table}] in {}", file_label(&file)));
        }
    }
    if found.is_empty() {
        return check;
    }
    check.summary = format!("{}: top-level keys written after a table header belong to that table", found.join("; "));
    if check.status == Status::Fail {
        check.summary.push_str(" (so no model_provider is set and Codex uses the built-in openai provider)");
    }
    check.remedy(
        "move these lines above the first [table] header of the file: top-level keys must come before any table",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::facts::tests::{corpus, input, run1};

    #[test]
    fn typo_keys_suggest_and_fix() {
        let c = run1(&input(&corpus("09-typo-base-uri.toml")), unknown_keys);
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains("model_providers.inferix.base_uri (did you mean `base_url`?)"), "{}", c.summary);
        let c = run1(
            &input("modle = \"x\"\n[model_providers.a]\nname = \"a\"\nenvkey = \"A\"\nfoo_bar_baz = 1\n"),
            unknown_keys,
        );
        assert!(c.summary.contains("modle (did you mean `model`?)"), "{}", c.summary);
        assert!(c.summary.contains("envkey (did you mean `env_key`?)"));
        assert!(c.summary.contains("model_providers.a.foo_bar_baz"));
        assert_eq!(c.fix.unwrap().repairs.len(), 2);
        // every key Codex does not know is reported, a guess only when one is close
        let c = run1(&input("brand_new_setting = 1\nzsh_path = \"/bin/zsh\"\n"), unknown_keys);
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains("brand_new_setting, zsh_path"), "{}", c.summary);
        assert!(c.fix.is_none());
        // real keys are never renamed: the measured false positives
        let fp = "model_auto_compact_token_limit_scope = \"total\"\n[goals]\n";
        assert_eq!(run1(&input(fp), unknown_keys).status, Status::Ok);
        // a rename must fit the target's type and values
        let c = run1(&input("model_personality = \"pragmatic\"\n"), unknown_keys);
        assert!(c.fix.is_none(), "{c:?}");
    }

    #[test]
    fn root_keys_after_a_table() {
        let c = run1(&input(&corpus("15-root-keys-after-table.toml")), misplaced_keys);
        assert_eq!(c.status, Status::Fail);
        assert!(
            c.summary.contains("`model_provider = \"gateway\"` is inside [projects.\"/home/ines/code/atlas\"]"),
            "{}",
            c.summary
        );
        assert!(c.summary.contains("project_doc_max_bytes"));
        assert_eq!(run1(&input(&corpus("10-big-mcp-servers-env-subtables.toml")), misplaced_keys).status, Status::Ok);
        assert_eq!(run1(&input(&corpus("04-legacy-profile-selected.toml")), misplaced_keys).status, Status::Ok);
    }
}
