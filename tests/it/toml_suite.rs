//! The official TOML suite (toml-test, vendored in `fixtures/toml-test/`, MIT): every valid
//! file loads through the config door (`ConfigFile::load`), renders back byte for byte when
//! nothing is edited, and its values equal the suite's `.json`; every valid file survives
//! `add`, `use`, `remove` and the round trips byte for byte outside the edit (issue 11);
//! every invalid file is refused by the binary with `line:col`, or is a TOML 1.1 feature
//! toml_edit accepts and is edited cleanly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codex_provider::config::{ConfigFile, ProviderSpec, Selection};
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

pub(crate) fn to_tagged(item: &Item) -> Value {
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
    let cf = ConfigFile::load(&path).map_err(|e| format!("refused: {e}"))?;
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

// ---------------------------------------------------------------------------------------
// The edit sweep (issue 11): every valid file through `add`, `use`, `remove` and the round
// trips, byte-exact outside the edit, values as the suite says plus the edit's own.

const NEW_ID: &str = "zz-new";

fn spec() -> ProviderSpec {
    ProviderSpec {
        name: Some("Zed \"漢\"".into()),
        base_url: Some("http://zz.example/v1".into()),
        env_key: Some("ZZ_KEY".into()),
        wire_api: Some("responses".into()),
        http_headers: vec![("X-Team".into(), "a b".into())],
        ..Default::default()
    }
}

fn s(v: &str) -> Value {
    json!({ "type": "string", "value": v })
}

/// Whether `new` is `old` with one contiguous run of bytes inserted (nothing else changed).
pub(crate) fn one_insertion(old: &str, new: &str) -> bool {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let q = a[p..].iter().rev().zip(b[p..].iter().rev()).take_while(|(x, y)| x == y).count();
    b.len() >= a.len() && p + q >= a.len()
}

fn tagged_text(text: &str) -> Result<Value, String> {
    let doc: toml_edit::DocumentMut =
        text.strip_prefix('\u{feff}').unwrap_or(text).parse().map_err(|e| format!("result does not parse: {e}"))?;
    Ok(to_tagged(doc.as_item()))
}

fn load(text: &str) -> Result<ConfigFile, String> {
    ConfigFile::parse(Path::new("config.toml"), text.to_string()).map_err(|e| e.to_string())
}

/// `add`, `use`, `remove` and the round trips on `text`, whose values are `expected`.
fn check_edits(text: &str, expected: &Value) -> Result<(), String> {
    // add: one insertion; the values are the file's plus the new provider's.
    let mut f = load(text)?;
    f.upsert_provider(NEW_ID, &spec(), false).map_err(|e| format!("add refused: {e}"))?;
    let added = f.render();
    if !one_insertion(text, &added) {
        return Err(format!("add changed bytes outside its insertion:\n{added}"));
    }
    let mut want = expected.clone();
    let providers = want.as_object_mut().unwrap().entry("model_providers").or_insert_with(|| json!({}));
    providers.as_object_mut().ok_or("model_providers is not a table")?.insert(
        NEW_ID.into(),
        json!({
            "name": s("Zed \"漢\""), "base_url": s("http://zz.example/v1"), "env_key": s("ZZ_KEY"),
            "wire_api": s("responses"), "http_headers": { "X-Team": s("a b") }
        }),
    );
    if tagged_text(&added)? != normalise(&want) {
        return Err(format!("values after add differ:\n{added}"));
    }
    // use: the two selection lines are one insertion at the root.
    let mut u = load(&added)?;
    let sel = Selection { provider: Some(NEW_ID.into()), model: Some("m-new".into()) };
    u.set_selection(&sel).map_err(|e| format!("use refused: {e}"))?;
    let used = u.render();
    if !one_insertion(&added, &used) {
        return Err(format!("use changed bytes outside its insertion:\n{used}"));
    }
    let root = want.as_object_mut().unwrap();
    root.insert("model_provider".into(), s(NEW_ID));
    root.insert("model".into(), s("m-new"));
    if tagged_text(&used)? != normalise(&want) {
        return Err(format!("values after use differ (model_provider must be at the root):\n{used}"));
    }
    // remove --force: the provider and its selection go; back to the original bytes.
    let mut r = load(&used)?;
    if !r.remove_provider(NEW_ID).map_err(|e| format!("remove refused: {e}"))? {
        return Err("remove found nothing".into());
    }
    r.set_selection(&Selection::default()).map_err(|e| e.to_string())?;
    if r.render() != text {
        return Err(format!("add, use, remove is not the identity:\n{}", r.render()));
    }
    // add then remove alone is the identity too.
    let mut g = load(&added)?;
    g.remove_provider(NEW_ID).map_err(|e| e.to_string())?;
    if g.render() != text {
        return Err(format!("add then remove is not the identity:\n{}", g.render()));
    }
    Ok(())
}

#[test]
fn every_valid_file_survives_add_use_remove_byte_for_byte() {
    let files = cases("valid", ".toml");
    assert!(files.len() >= 250, "toml-test not vendored at {}", suite().display());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|rel| {
            let dir = suite().join("valid");
            let text = std::fs::read_to_string(dir.join(format!("{rel}.toml"))).unwrap();
            let expected: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{rel}.json"))).unwrap()).unwrap();
            check_edits(&text, &expected).err().map(|e| format!("=== valid/{rel}.toml: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} valid files:\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// Invalid files toml_edit 0.25 (TOML 1.1) accepts; each is edited cleanly instead of being
/// refused (checked below with its own values as the expectation).
const ACCEPTED_INVALID: &[(&str, &str)] = &[
    ("datetime/no-secs", "TOML 1.1: a time may omit its seconds"),
    ("local-datetime/no-secs", "TOML 1.1: a time may omit its seconds"),
    ("local-time/no-secs", "TOML 1.1: a time may omit its seconds"),
    ("inline-table/linebreak-01", "TOML 1.1: inline tables may span lines"),
    ("inline-table/linebreak-02", "TOML 1.1: inline tables may span lines"),
    ("inline-table/linebreak-03", "TOML 1.1: inline tables may span lines"),
    ("inline-table/linebreak-04", "TOML 1.1: inline tables may span lines"),
    ("inline-table/trailing-comma", "TOML 1.1: inline tables may end with a comma"),
    ("string/basic-byte-escapes", "TOML 1.1: `\\xHH` escapes in basic strings"),
];

/// Every invalid file is refused by the binary (exit 2, `path:line:col`, no write, nothing
/// created), or is one of [`ACCEPTED_INVALID`] and is edited cleanly.
#[test]
fn every_invalid_file_is_refused_with_line_and_column_or_edited_cleanly() {
    let files = cases("invalid", ".toml");
    assert!(files.len() >= 400, "toml-test not vendored at {}", suite().display());
    let accepted: BTreeMap<&str, &str> = ACCEPTED_INVALID.iter().copied().collect();
    let mut problems = Vec::new();
    let mut seen_accepted = Vec::new();
    for rel in &files {
        let orig = std::fs::read(suite().join("invalid").join(format!("{rel}.toml"))).unwrap();
        let home = crate::support::Home::new();
        std::fs::write(home.config(), &orig).unwrap();
        let r = home.run(&["add", NEW_ID, "--base-url", "http://zz.example/v1", "--no-probe"]);
        if r.code == 0 {
            seen_accepted.push(rel.clone());
            if !accepted.contains_key(rel.as_str()) {
                problems.push(format!("=== invalid/{rel}.toml: accepted (exit 0) but not in ACCEPTED_INVALID"));
                continue;
            }
            let text = String::from_utf8(orig).unwrap();
            let expected = tagged_text(&text).unwrap();
            if let Err(e) = check_edits(&text, &expected) {
                problems.push(format!("=== invalid/{rel}.toml (accepted): {e}"));
            }
            continue;
        }
        let left: Vec<String> = crate::support::snapshot(home.path()).into_keys().collect();
        let has_line_col = r.stderr.lines().next().is_some_and(|l| {
            let after = l.split("config.toml:").nth(1).unwrap_or("");
            let mut parts = after.splitn(3, ':');
            parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
        });
        if r.code != 2 || !has_line_col || std::fs::read(home.config()).unwrap() != orig || left != ["config.toml"] {
            problems.push(format!(
                "=== invalid/{rel}.toml: exit {}, files {left:?}, stderr {}",
                r.code,
                r.stderr.trim()
            ));
        }
    }
    let stale: Vec<&&str> = accepted.keys().filter(|k| !seen_accepted.iter().any(|s| s == **k)).collect();
    assert!(
        problems.is_empty() && stale.is_empty(),
        "{} of {} invalid files:\n{}\nin ACCEPTED_INVALID but refused now: {stale:?}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}
