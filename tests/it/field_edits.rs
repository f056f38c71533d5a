//! `set`, `unset` and `apply` through the library on files written the way people write them:
//! spaced and quoted headers (`[ model_providers . "gw" ]`), dotted-key providers, inline
//! tables, CRLF islands in an LF file, a BOM, comments after values. Each edit must be a
//! splice: the output is the input with one stretch replaced, and every byte before and after
//! it is the input's.

use std::path::Path;

use codex_provider::config::fields::{FieldPath, FieldType, FieldValue, Fields, parse_field};
use codex_provider::config::{Change, ConfigFile};

const QUIRKY: &str = concat!(
    "\u{feff}# my config\n",
    "model_provider = \"gw\"   # active\n",
    "model_providers . dot . name = \"Dotted\"  # dotted\n",
    "model_providers.dot.base_url = \"https://d.example/v1\"\r\n",
    "model_providers.dot.query_params.api-version = \"1\"\n",
    "model_providers.inl = { name = \"I\", http_headers = { A = \"1\" } }\n",
    "\n",
    "[ model_providers . \"gw\" ]   # the gateway\r\n",
    "name = \"Gateway\"\t# shown\r\n",
    "  base_url = 'https://gw.example/v1'  # literal\r\n",
    "request_max_retries = 4 # retries\n",
    "http_headers = { \"X-Team\" = \"a\" , X-Other=\"b\" }   # odd spacing\n",
    "\n",
    "[model_providers.gw.env_http_headers]\n",
    "# about K\n",
    "K = \"ENV_K\"\n",
    "\n",
    "[model_providers.\"crlf\"]\r\n",
    "name = \"C\"\r\n",
    "\r\n",
    "[tui]\n",
    "x = 1",
);

fn load(text: &str) -> ConfigFile {
    ConfigFile::parse(Path::new("config.toml"), text.to_string()).unwrap()
}

/// `old` with the `nth` occurrence of `from` replaced by `to`: what a splice of that one
/// stretch gives (every byte before and after it is the input's).
fn spliced(old: &str, from: &str, nth: usize, to: &str) -> String {
    let at = old.match_indices(from).nth(nth).unwrap_or_else(|| panic!("{from:?} #{nth} not in the input")).0;
    format!("{}{to}{}", &old[..at], &old[at + from.len()..])
}

/// `old` with `text` inserted right after the first occurrence of `after`.
fn inserted(old: &str, after: &str, text: &str) -> String {
    spliced(old, after, 0, &format!("{after}{text}"))
}

fn set(f: &mut ConfigFile, id: &str, field: &str, v: FieldValue) -> bool {
    f.set_provider_field(id, &parse_field(field).unwrap(), &v).unwrap()
}

fn unset(f: &mut ConfigFile, id: &str, field: &str) -> bool {
    f.unset_provider_field(id, &parse_field(field).unwrap()).unwrap()
}

fn s(v: &str) -> FieldValue {
    FieldValue::Str(v.into())
}

/// Runs `edit` on QUIRKY and checks the result is `want`, parses, and is dirty.
fn check(edit: impl FnOnce(&mut ConfigFile) -> bool, want: String) {
    let mut f = load(QUIRKY);
    assert!(edit(&mut f), "the edit changed nothing");
    let out = f.render();
    assert_eq!(out, want);
    assert!(f.is_dirty());
    load(&out);
}

#[test]
fn set_replaces_only_the_value_bytes_in_every_style() {
    let q = QUIRKY;
    check(|f| set(f, "gw", "request_max_retries", FieldValue::UInt(7)), spliced(q, "= 4 #", 0, "= 7 #"));
    check(|f| set(f, "gw", "name", s("New")), spliced(q, "\"Gateway\"", 0, "\"New\""));
    check(
        |f| set(f, "gw", "base_url", s("https://x/v1")),
        spliced(q, "'https://gw.example/v1'", 0, "\"https://x/v1\""),
    );
    check(|f| set(f, "gw", "http_headers.X-Team", s("z")), spliced(q, "\"a\"", 0, "\"z\""));
    check(|f| set(f, "dot", "name", s("D2")), spliced(q, "\"Dotted\"", 0, "\"D2\""));
    check(
        |f| set(f, "dot", "base_url", s("https://e/v1")),
        spliced(q, "\"https://d.example/v1\"", 0, "\"https://e/v1\""),
    );
    check(|f| set(f, "dot", "query_params.api-version", s("2")), spliced(q, "\"1\"\n", 0, "\"2\"\n"));
    check(|f| set(f, "inl", "name", s("J")), spliced(q, "\"I\"", 0, "\"J\""));
    check(|f| set(f, "inl", "http_headers.A", s("9")), spliced(q, "A = \"1\"", 0, "A = \"9\""));
    check(|f| set(f, "crlf", "name", s("D")), spliced(q, "\"C\"", 0, "\"D\""));
    check(|f| set(f, "gw", "env_http_headers.K", s("ENV_J")), spliced(q, "\"ENV_K\"", 0, "\"ENV_J\""));
}

#[test]
fn set_adds_a_missing_key_in_its_tables_style() {
    let q = QUIRKY;
    // An entry of an inline table, after its last one.
    check(|f| set(f, "gw", "http_headers.New", s("n")), inserted(q, "X-Other=\"b\"", ", New = \"n\""));
    check(|f| set(f, "inl", "http_headers.B", s("2")), inserted(q, "A = \"1\"", ", B = \"2\""));
    check(|f| set(f, "inl", "env_key", s("K")), inserted(q, "{ A = \"1\" }", ", env_key = \"K\""));
    // A line of a standard sub-table, after its last key, in that line's ending.
    check(|f| set(f, "gw", "env_http_headers.L", s("ENV_L")), inserted(q, "K = \"ENV_K\"\n", "L = \"ENV_L\"\n"));
    // A dotted line, spelled like the provider's last line.
    check(
        |f| set(f, "dot", "request_max_retries", FieldValue::UInt(3)),
        inserted(q, "api-version = \"1\"\n", "model_providers.dot.request_max_retries = 3\n"),
    );
    check(
        |f| set(f, "dot", "query_params.b", s("2")),
        inserted(q, "api-version = \"1\"\n", "model_providers.dot.query_params.b = \"2\"\n"),
    );
    // A new map: `field = { k = v }` after the table's last key, in that line's ending.
    check(|f| set(f, "gw", "query_params.x", s("1")), inserted(q, "# odd spacing\n", "query_params = { x = \"1\" }\n"));
    check(|f| set(f, "crlf", "env_key", s("CK")), inserted(q, "name = \"C\"\r\n", "env_key = \"CK\"\r\n"));
}

#[test]
fn unset_removes_only_the_entry() {
    let q = QUIRKY;
    check(|f| unset(f, "gw", "request_max_retries"), spliced(q, "request_max_retries = 4 # retries\n", 0, ""));
    check(|f| unset(f, "gw", "http_headers.X-Other"), spliced(q, " , X-Other=\"b\"", 0, ""));
    check(|f| unset(f, "gw", "http_headers.X-Team"), spliced(q, "\"X-Team\" = \"a\" , ", 0, ""));
    check(
        |f| unset(f, "dot", "base_url"),
        spliced(q, "model_providers.dot.base_url = \"https://d.example/v1\"\r\n", 0, ""),
    );
    check(|f| unset(f, "inl", "name"), spliced(q, "name = \"I\", ", 0, ""));
    // A map left empty goes, in each style: the inline table's line, the sub-table with its
    // header and the blank line before it, the dotted line.
    check(|f| unset(f, "inl", "http_headers.A"), spliced(q, ", http_headers = { A = \"1\" }", 0, ""));
    check(
        |f| unset(f, "gw", "env_http_headers.K"),
        spliced(q, "\n[model_providers.gw.env_http_headers]\n# about K\nK = \"ENV_K\"\n", 0, ""),
    );
    check(
        |f| unset(f, "dot", "query_params.api-version"),
        spliced(q, "model_providers.dot.query_params.api-version = \"1\"\n", 0, ""),
    );
}

#[test]
fn no_op_edits_change_nothing() {
    let mut f = load(QUIRKY);
    assert!(!set(&mut f, "gw", "request_max_retries", FieldValue::UInt(4)));
    assert!(!set(&mut f, "gw", "base_url", s("https://gw.example/v1")), "a literal string that reads the same");
    assert!(!set(&mut f, "inl", "http_headers.A", s("1")));
    assert!(!unset(&mut f, "gw", "env_key"));
    assert!(!unset(&mut f, "gw", "http_headers.Nope"));
    assert!(!unset(&mut f, "gw", "query_params.x"), "no map: nothing to remove");
    let not_a_map = FieldPath { field: "name".into(), key: Some("sub".into()), ty: FieldType::String };
    assert!(!f.unset_provider_field("gw", &not_a_map).unwrap(), "not a map: nothing to remove");
    assert!(!f.is_dirty());
    assert_eq!(f.render(), QUIRKY);
}

#[test]
fn errors_are_unchanged() {
    let mut f = load(QUIRKY);
    let e = f.set_provider_field("nope", &parse_field("name").unwrap(), &s("x")).unwrap_err();
    assert_eq!(e.to_string(), "provider `nope` is not defined in this file");
    let e = f.unset_provider_field("nope", &parse_field("name").unwrap()).unwrap_err();
    assert_eq!(e.to_string(), "provider `nope` is not defined in this file");
    let mut f = load("[model_providers.a]\nhttp_headers = \"oops\"\n");
    let e = f.set_provider_field("a", &parse_field("http_headers.X").unwrap(), &s("1")).unwrap_err();
    assert_eq!(e.to_string(), "`http_headers` of provider `a` is not a table");
    let mut f = load("model_providers = 1\n");
    let e = f.set_provider_field("a", &parse_field("name").unwrap(), &s("x")).unwrap_err();
    assert_eq!(e.to_string(), "provider `a` is not defined in this file");
    assert!(!f.is_dirty());
}

/// Unset then set of the same value gives the original bytes back where the key was the last
/// of its table, spelled as we write it, with no comment of its own.
#[test]
fn unset_then_set_restores_the_original_bytes() {
    let files: &[(&str, &str, FieldValue)] = &[
        ("[model_providers.a]\nname = \"A\"\nenv_key = \"K\"\n\n[tui]\nx = 1\n", "env_key", s("K")),
        (
            "[model_providers.a]\r\nname = \"A\"\r\nrequest_max_retries = 3\r\n",
            "request_max_retries",
            FieldValue::UInt(3),
        ),
        ("[model_providers.a]\nname = \"A\"\nenv_key = \"K\"", "env_key", s("K")),
        ("[model_providers.a]\nname = \"A\"\nhttp_headers = { X = \"1\", Y = \"2\" }\n", "http_headers.Y", s("2")),
        ("[model_providers.a]\nname = \"A\"\nhttp_headers = { X = \"1\" }\n", "http_headers.X", s("1")),
        ("model_providers = { a = { name = \"A\", env_key = \"K\" } }\n", "env_key", s("K")),
        ("model_providers.a.name = \"A\"\nmodel_providers.a.env_key = \"K\"\n\n[t]\n", "env_key", s("K")),
        ("model_providers . a . name = \"A\"\nmodel_providers . a . env_key = \"K\"\n", "env_key", s("K")),
        ("[ model_providers . \"a\" ]\n  name = \"A\"\n  env_key = \"K\"\n", "env_key", s("K")),
        (
            "[model_providers.a]\nname = \"A\"\n\n[model_providers.a.http_headers]\nX = \"1\"\nY = \"2\"\n",
            "http_headers.Y",
            s("2"),
        ),
    ];
    for (text, field, v) in files {
        let mut f = load(text);
        assert!(unset(&mut f, "a", field), "{text}");
        assert_ne!(f.render(), *text);
        assert!(set(&mut f, "a", field, v.clone()), "{text}");
        assert_eq!(f.render(), *text, "unset then set of {field}");
        assert!(!f.is_dirty());
    }
}

fn fields(json: &str) -> Fields {
    serde_json::from_str(json).unwrap()
}

#[test]
fn apply_merges_in_place_and_keeps_the_rest() {
    let mut f = load(QUIRKY);
    let j = fields(r#"{"name": "New", "request_max_retries": 4, "http_headers": {"X-Team": "a", "Y": "y"}}"#);
    assert_eq!(f.merge_provider("gw", &j).unwrap(), Change::Updated);
    let want = inserted(&spliced(QUIRKY, "\"Gateway\"", 0, "\"New\""), "X-Other=\"b\"", ", Y = \"y\"");
    assert_eq!(f.render(), want);
    assert_eq!(f.merge_provider("gw", &j).unwrap(), Change::Unchanged, "applying twice changes nothing");
    assert_eq!(f.render(), want);

    // Dotted provider: replaced in place, new keys as dotted lines, a new map inline.
    let mut f = load(QUIRKY);
    let j = fields(r#"{"base_url": "https://e/v1", "env_key": "DK", "http_headers": {"H": "1", "gone": null}}"#);
    assert_eq!(f.merge_provider("dot", &j).unwrap(), Change::Updated);
    let want = inserted(
        &spliced(QUIRKY, "\"https://d.example/v1\"", 0, "\"https://e/v1\""),
        "api-version = \"1\"\n",
        "model_providers.dot.env_key = \"DK\"\nmodel_providers.dot.http_headers = { H = \"1\" }\n",
    );
    assert_eq!(f.render(), want);
}

#[test]
fn apply_adds_a_provider_in_the_files_style() {
    // (A JSON object's keys come in sorted order.)
    let j = fields(r#"{"name": "N", "http_headers": {"A": "1"}, "request_max_retries": 2}"#);
    // Dotted providers: dotted lines (this used to panic on an empty first insert).
    let text = "model_providers.a.name = \"A\"\n\n[tui]\nx = 1\n";
    let mut f = load(text);
    assert_eq!(f.merge_provider("n", &j).unwrap(), Change::Added);
    assert_eq!(
        f.render(),
        inserted(
            text,
            "\"A\"\n",
            "model_providers.n.http_headers = { A = \"1\" }\nmodel_providers.n.name = \"N\"\nmodel_providers.n.request_max_retries = 2\n"
        )
    );
    // Inline: one entry.
    let text = "model_providers = { a = { name = \"A\" } }\r\n";
    let mut f = load(text);
    assert_eq!(f.merge_provider("n", &j).unwrap(), Change::Added);
    assert_eq!(
        f.render(),
        inserted(text, "\"A\" }", ", n = { http_headers = { A = \"1\" }, name = \"N\", request_max_retries = 2 }")
    );
    // Tables: a block after the last provider's.
    let text = "[model_providers.a]\nname = \"A\"\n\n[tui]\nx = 1\n";
    let mut f = load(text);
    assert_eq!(f.merge_provider("n", &j).unwrap(), Change::Added);
    assert_eq!(
        f.render(),
        inserted(
            text,
            "\"A\"\n",
            "\n[model_providers.n]\nhttp_headers = { A = \"1\" }\nname = \"N\"\nrequest_max_retries = 2\n"
        )
    );
}
