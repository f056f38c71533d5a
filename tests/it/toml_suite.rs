//! The official TOML suite (toml-test, vendored in `fixtures/toml-test/`, MIT): every valid
//! file loads through the config door (`ConfigFile::load`), renders back byte for byte when
//! nothing is edited, and its values equal the suite's `.json`. The byte-exact edit sweep
//! (`add`, `use`, `remove` on every file) builds on this (issue 11).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codex_provider::config::ConfigFile;
use serde_json::{Value, json};
use toml_edit::{Datetime, Item};

/// Valid files the library does not read as the suite says, each with the reason. The test
/// fails when one of them starts passing, so the list stays true.
const KNOWN_BAD: &[(&str, &str)] = &[];

fn suite() -> PathBuf {
    crate::support::fixtures_dir().join("toml-test")
}

/// The suite's files under `sub`, as paths relative to it, without extension.
fn cases(sub: &str, ext: &str) -> Vec<String> {
    crate::support::snapshot(&suite().join(sub))
        .into_keys()
        .filter_map(|k| k.strip_suffix(ext).map(str::to_string))
        .collect()
}

/// A value in the suite's tagged form, with numbers and datetimes spelled canonically.
fn tagged_leaf(ty: &str, value: &str) -> Value {
    let canon = match ty {
        "integer" => value.parse::<i64>().map(|i| i.to_string()).unwrap_or_else(|_| value.into()),
        "float" => canon_float(value),
        t if t.starts_with("date") || t.starts_with("time") => {
            let d = value.parse::<Datetime>().map(|d| d.to_string()).unwrap_or_else(|_| value.into());
            with_seconds(ty, d)
        }
        _ => value.into(),
    };
    json!({ "type": ty, "value": canon })
}

/// TOML 1.1 lets a time omit its seconds (`07:32`); toml_edit prints it so, the suite
/// spells `07:32:00`: the same value.
fn with_seconds(ty: &str, mut d: String) -> String {
    let at = if ty == "time-local" { Some(0) } else { d.find('T').map(|i| i + 1) };
    if let Some(at) = at
        && d.len() >= at + 5
        && !d[at + 5..].starts_with(':')
    {
        d.insert_str(at + 5, ":00");
    }
    d
}

fn canon_float(s: &str) -> String {
    match s.trim_start_matches('+') {
        "nan" | "-nan" | "NaN" | "-NaN" => "nan".into(),
        "inf" => "inf".into(),
        "-inf" => "-inf".into(),
        t => t.replace('_', "").parse::<f64>().map(|f| format!("{f:?}")).unwrap_or_else(|_| s.into()),
    }
}

/// Expected JSON normalised the same way as [`to_tagged`]'s output.
fn normalise(v: &Value) -> Value {
    match v {
        Value::Object(m) if m.len() == 2 && m.get("type").is_some_and(Value::is_string) && m.contains_key("value") => {
            tagged_leaf(m["type"].as_str().unwrap(), m["value"].as_str().unwrap_or_default())
        }
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), normalise(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(normalise).collect()),
        other => other.clone(),
    }
}

fn value_to_tagged(v: &toml_edit::Value) -> Value {
    use toml_edit::Value as V;
    match v {
        V::String(s) => tagged_leaf("string", s.value()),
        V::Integer(i) => tagged_leaf("integer", &i.value().to_string()),
        V::Float(f) => tagged_leaf("float", &f.value().to_string()),
        V::Boolean(b) => tagged_leaf("bool", &b.value().to_string()),
        V::Datetime(d) => {
            let d = d.value();
            let ty = match (d.date.is_some(), d.time.is_some(), d.offset.is_some()) {
                (true, true, true) => "datetime",
                (true, true, false) => "datetime-local",
                (true, false, _) => "date-local",
                _ => "time-local",
            };
            tagged_leaf(ty, &d.to_string())
        }
        V::Array(a) => Value::Array(a.iter().map(value_to_tagged).collect()),
        V::InlineTable(t) => Value::Object(t.iter().map(|(k, v)| (k.to_string(), value_to_tagged(v))).collect()),
    }
}

fn to_tagged(item: &Item) -> Value {
    match item {
        Item::None => Value::Null,
        Item::Value(v) => value_to_tagged(v),
        Item::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.to_string(), to_tagged(v))).collect()),
        Item::ArrayOfTables(a) => Value::Array(a.iter().map(|t| to_tagged(&Item::Table(t.clone()))).collect()),
    }
}

/// Why the file at `rel` (under `valid/`, no extension) does not pass, if it does not.
fn check_valid(rel: &str) -> Result<(), String> {
    let path = suite().join("valid").join(format!("{rel}.toml"));
    let original = std::fs::read(&path).unwrap();
    let cf = ConfigFile::load(&path).map_err(|e| format!("refused: {}", e.message))?;
    if cf.render().as_bytes() != original {
        return Err("an unedited render changed bytes".into());
    }
    let text = String::from_utf8(original).unwrap();
    let doc: toml_edit::DocumentMut =
        text.strip_prefix('\u{feff}').unwrap_or(&text).parse().map_err(|e| format!("toml_edit: {e}"))?;
    let actual = to_tagged(doc.as_item());
    let expected_text = std::fs::read_to_string(suite().join("valid").join(format!("{rel}.json"))).unwrap();
    let expected = normalise(&serde_json::from_str(&expected_text).unwrap());
    if actual != expected {
        return Err(format!("values differ\n--- expected\n{expected:#}\n--- actual\n{actual:#}"));
    }
    Ok(())
}

#[test]
fn every_valid_file_loads_renders_back_and_has_the_suites_values() {
    let files = cases("valid", ".toml");
    assert!(files.len() >= 250, "toml-test not vendored at {}", suite().display());
    let failures: BTreeMap<String, String> =
        files.iter().filter_map(|f| check_valid(f).err().map(|e| (f.clone(), e))).collect();
    let known: BTreeMap<&str, &str> = KNOWN_BAD.iter().copied().collect();
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|(f, _)| !known.contains_key(f.as_str()))
        .map(|(f, e)| format!("=== valid/{f}.toml: {e}"))
        .collect();
    let fixed: Vec<&&str> = known.keys().filter(|f| !failures.contains_key(**f)).collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} of {} valid files fail:\n{}\nlisted in KNOWN_BAD but passing now: {fixed:?}",
        unexpected.len(),
        files.len(),
        unexpected.join("\n")
    );
    assert!(Path::new(&suite().join("LICENSE")).is_file(), "the suite's MIT licence travels with it");
}
