//! The config-edit fuzz property, shared by the libFuzzer target (`fuzz_targets/config_edit.rs`,
//! nightly + cargo-fuzz) and the bounded stable test (`tests/it/fuzz_stable.rs`), from this crate.
//!
//! For any input: parsing never panics; a file that parses renders back byte-identical;
//! every editor operation either refuses cleanly or yields a file that parses again, holds
//! the new values and keeps every line it does not own, in order (edits are splices, see
//! `src/config/`); a new table-style provider is one inserted run of bytes, a new selection
//! too, and add then remove gives the original bytes back.

use std::path::Path;

use codex_provider::config::fields::{FieldValue, parse_field};
use codex_provider::config::{ConfigFile, ProviderSpec, Selection};

/// Inputs beyond this are not interesting for the editor and only slow the fuzzer down.
const MAX_INPUT: usize = 64 * 1024;

fn lines(t: &str) -> Vec<&str> {
    t.trim_start_matches('\u{feff}')
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fn is_subsequence(small: &[&str], big: &[&str]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

/// Every line of `small` is in `big` (as often), in any order.
/// Whether `new` is `old` with one contiguous run of bytes inserted.
fn one_insertion(old: &str, new: &str) -> bool {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let q = a[p..].iter().rev().zip(b[p..].iter().rev()).take_while(|(x, y)| x == y).count();
    b.len() >= a.len() && p + q >= a.len()
}

fn reparse(out: &str) -> ConfigFile {
    match ConfigFile::parse(Path::new("f.toml"), out.to_string()) {
        Ok(f) => f,
        Err(e) => panic!("edited file does not parse: {e}\n{out}"),
    }
}

pub fn check(data: &[u8]) {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(f) = ConfigFile::parse(Path::new("f.toml"), text.to_string()) else { return };
    assert_eq!(f.render(), text, "a parsed file does not render back byte-identical");
    assert!(!f.is_dirty());
    let orig_lines = lines(text);
    let body = text.trim_start_matches('\u{feff}');
    // The harness looks at the TOML itself (the crate keeps its document private).
    let doc: toml_edit::DocumentMut = body.parse().expect("parsed above");

    // add
    let spec = ProviderSpec {
        name: Some("Fuzz".into()),
        base_url: Some("http://fuzz/v1".into()),
        env_key: Some("FUZZ_KEY".into()),
        wire_api: Some("responses".into()),
        ..Default::default()
    };
    let table_form = match doc.as_table().get("model_providers") {
        None => true,
        Some(toml_edit::Item::Table(t)) => !t.is_dotted() && t.iter().all(|(_, v)| v.is_table()),
        _ => false,
    };
    let mut g = f.clone();
    if let Ok(existing) = g.provider("zz-fuzz")
        && existing.is_none()
        && g.upsert_provider("zz-fuzz", &spec, false).is_ok()
    {
        let out = g.render();
        let r = reparse(&out);
        let p = r.provider("zz-fuzz").expect("providers readable").expect("added provider present");
        assert_eq!(p.str_field("base_url"), Some("http://fuzz/v1"));
        let inline_form = doc.as_table().get("model_providers").is_some_and(|p| p.is_value());
        if !inline_form {
            assert!(is_subsequence(&orig_lines, &lines(&out)), "add changed an existing line\n{text}\n---\n{out}");
        }
        if table_form || inline_form {
            assert!(one_insertion(text, &out), "add changed bytes outside its table\n{text}\n---\n{out}");
        }
        // add then remove is the identity (unless `model_providers` was an empty parent,
        // which the removal of its last provider takes along).
        let empty_parent =
            doc.as_table().get("model_providers").is_some_and(|p| p.as_table_like().is_some_and(|t| t.is_empty()));
        let mut back = reparse(&out);
        assert!(back.remove_provider("zz-fuzz").expect("removable"), "added provider not removable");
        if !empty_parent {
            assert_eq!(back.render(), text, "add then remove is not the identity\n---\n{out}");
        }
    }

    // replace and remove every existing provider (a few at most)
    let ids = f.provider_ids().unwrap_or_default();
    for id in ids.iter().take(3) {
        let mut g = f.clone();
        let s = ProviderSpec { base_url: Some("http://new/v1".into()), ..Default::default() };
        if g.upsert_provider(id, &s, true).is_ok() {
            let r = reparse(&g.render());
            if let Ok(Some(p)) = r.provider(id) {
                assert_eq!(p.str_field("base_url"), Some("http://new/v1"));
            }
        }
        let mut g = f.clone();
        if g.remove_provider(id).unwrap_or(false) {
            let out = g.render();
            let r = reparse(&out);
            assert!(matches!(r.provider(id), Ok(None)), "{id} still present");
            let tables = ids.iter().filter(|o| *o != id && matches!(f.provider(o), Ok(Some(_))));
            for other in tables {
                assert!(matches!(r.provider(other), Ok(Some(_))), "removing {id} lost {other}");
            }
        }
    }

    // set/unset of provider fields (`codex-provider set`): a value replaced in place, a map key
    // added in the map's style; both parse back with the value and keep every line they do not
    // own; adding a new map key then unsetting it gives the original bytes back.
    for id in ids.iter().take(2) {
        if !matches!(f.provider(id), Ok(Some(_))) {
            continue;
        }
        let url = parse_field("base_url").expect("a known field");
        let mut g = f.clone();
        if g.set_provider_field(id, &url, &FieldValue::Str("http://set/v1".into())).is_ok() {
            let out = g.render();
            let r = reparse(&out);
            assert_eq!(r.provider_field(id, &url).ok().flatten().as_deref(), Some("\"http://set/v1\""), "{out}");
        }
        let key = parse_field("http_headers.X-Fuzz").expect("a known map field");
        let mut g = f.clone();
        let had = matches!(f.provider_field(id, &key), Ok(Some(_)));
        if !had && g.set_provider_field(id, &key, &FieldValue::Str("v".into())).unwrap_or(false) {
            let out = g.render();
            let r = reparse(&out);
            assert_eq!(r.provider_field(id, &key).ok().flatten().as_deref(), Some("\"v\""), "{out}");
            assert!(is_subsequence(&orig_lines, &lines(&out)) || out.lines().count() == text.lines().count());
            let mut back = r.clone();
            if back.unset_provider_field(id, &key).unwrap_or(false) {
                let undone = back.render();
                let had_map = f.provider_fields(id).ok().flatten().is_some_and(|m| m.contains_key("http_headers"));
                if had_map {
                    // The map was there: only its new entry came and went.
                    assert_eq!(undone, text, "set then unset of a new map key is not the identity\n---\n{out}");
                } else {
                    // The map was created for the key and goes with it; a provider that was an
                    // implicit table keeps the header that held it (same values, one line more).
                    assert_eq!(reparse(&undone).provider_fields(id).ok(), f.provider_fields(id).ok(), "{undone}");
                    assert!(is_subsequence(&orig_lines, &lines(&undone)), "set then unset lost a line\n---\n{undone}");
                }
            }
        }
    }

    // set_selection: provider set, model removed
    let mut g = f.clone();
    if g.set_selection(&Selection { provider: Some("fuzz-prov".into()), ..g.selection() }).is_err() {
        // Refused (a table of that name): nothing changed.
        assert_eq!(g.render(), text);
    } else {
        let out = g.render();
        let r = reparse(&out);
        assert_eq!(r.selection().provider.as_deref(), Some("fuzz-prov"));
        let others: Vec<&str> = orig_lines.iter().copied().filter(|l| !l.contains("model_provider")).collect();
        if text.matches("model_provider").count() <= 1 && !text.contains("\'\'\'") && !text.contains("\"\"\"") {
            assert!(is_subsequence(&others, &lines(&out)), "set_selection changed another line\n{text}\n---\n{out}");
        }
        if f.selection().provider.is_none() && !doc.as_table().contains_key("model_provider") {
            assert!(one_insertion(text, &out), "set_selection changed bytes outside its line\n{text}\n---\n{out}");
        }
    }

    let mut g = f.clone();
    if g.set_selection(&Selection { model: None, ..g.selection() }).unwrap_or(false) {
        let r = reparse(&g.render());
        assert!(r.selection().model.is_none() && !r.has_root_key("model"));
    }
}
