//! `docs/json.md` is checked against the commands: every ```json example parses, and the
//! command named in the `<!-- run: ... -->` line above it, run against a fixture home and the
//! in-process fake server, prints a document with the same keys, recursively, and the same
//! JSON types (values may differ; a documented `null` or an actual one matches any type, as
//! those fields are nullable; array elements are compared pairwise).

use std::path::Path;

use serde_json::Value;

use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};

/// The key the fixture's providers read; a canary that must appear in no output.
const KEY: &str = "sk-docs-canary-0123456789abcdef";

/// One documented example: its command line(s) (`A && B`: B is compared, A only prepares;
/// `NAME=VALUE cmd ...` sets a variable; `{base}` is the fake server's URL),
/// whether it needs the real Codex, and the JSON text.
struct Example {
    line: usize,
    run: String,
    needs_codex: bool,
    /// `<!-- run (keychain): ... -->`: needs an OS keychain; `{id}` is a provider id of its own.
    needs_keychain: bool,
    json: String,
}

fn examples(doc: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String, bool, bool)> = None;
    let mut lines = doc.lines().enumerate();
    while let Some((i, l)) = lines.next() {
        let l = l.trim();
        if let Some(rest) = l.strip_prefix("<!-- run").and_then(|r| r.strip_suffix("-->")) {
            let (needs_codex, rest) = match rest.strip_prefix(" (codex)") {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let (needs_keychain, rest) = match rest.strip_prefix(" (keychain)") {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let run = rest.strip_prefix(':').unwrap_or_else(|| panic!("docs/json.md:{}: bad run line", i + 1));
            pending = Some((i + 1, run.trim().to_string(), needs_codex, needs_keychain));
        } else if l == "```json" {
            let mut json = String::new();
            for (_, l) in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                json.push_str(l);
                json.push('\n');
            }
            let (line, run, needs_codex, needs_keychain) =
                pending.take().unwrap_or_else(|| panic!("docs/json.md:{}: a json example without a run line", i + 1));
            out.push(Example { line, run, needs_codex, needs_keychain, json });
        }
    }
    out
}

/// Where `actual` differs from `documented` in keys or types (`path: why`).
fn shape_diff(path: &str, documented: &Value, actual: &Value, out: &mut Vec<String>) {
    use Value::*;
    match (documented, actual) {
        (Null, _) | (_, Null) => {}
        (Object(d), Object(a)) => {
            for k in d.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{k}: documented, not printed"));
            }
            for k in a.keys().filter(|k| !d.contains_key(*k)) {
                out.push(format!("{path}.{k}: printed, not documented"));
            }
            for (k, dv) in d {
                if let Some(av) = a.get(k) {
                    shape_diff(&format!("{path}.{k}"), dv, av, out);
                }
            }
        }
        (Array(d), Array(a)) => {
            for (i, (dv, av)) in d.iter().zip(a).enumerate() {
                shape_diff(&format!("{path}[{i}]"), dv, av, out);
            }
        }
        (Bool(_), Bool(_)) | (Number(_), Number(_)) | (String(_), String(_)) => {}
        (d, a) => out.push(format!("{path}: documented {}, printed {}", kind(d), kind(a))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The fixture home: two providers on the fake server (`gw` active, `local` selected by the
/// `work` profile), and a team file for `apply` in the working directory.
fn fixture(base: &str) -> Home {
    let home = Home::new();
    home.write(
        "config.toml",
        &format!(
            "model = \"mock-model\"\nmodel_provider = \"gw\"\n\n[model_providers.gw]\nname = \"Gateway\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\nstream_idle_timeout_ms = 300000\nquery_params = {{ \"api-version\" = \"2025-04-01-preview\" }}\n\n[model_providers.local]\nname = \"Local\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\n"
        ),
    );
    home.write("work.config.toml", "model_provider = \"local\"\nmodel = \"mock-model\"\n");
    std::fs::create_dir_all(home.path().join("no-home")).unwrap();
    home.write(
        "no-home/team.toml",
        &format!(
            "[model_providers.gw]\nname = \"Gateway\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\nrequest_max_retries = 2\n\n[model_providers.p1]\nname = \"P1\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\n"
        ),
    );
    home
}

/// Runs one documented command line: leading `NAME=VALUE` words set environment variables.
fn run(home: &Home, line: &str, codex: Option<&Path>) -> Run {
    use std::io::Write;
    let words: Vec<&str> = line.split_whitespace().collect();
    let n_env = words.iter().take_while(|w| w.split_once('=').is_some_and(|(k, _)| is_env_name(k))).count();
    let mut c = home.cmd(&words[n_env..]);
    for (k, v) in words[..n_env].iter().filter_map(|w| w.split_once('=')) {
        c.env(k, v);
    }
    c.current_dir(home.path().join("no-home"))
        .env("GW_API_KEY", KEY)
        .env("NO_PROXY", "127.0.0.1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(bin) = codex {
        c.env("CODEX_BIN", bin);
    }
    let mut child = c.spawn().expect("run codex-provider");
    // `key set` reads the key from stdin; the others never read it.
    let _ = child.stdin.take().unwrap().write_all(format!("{KEY}\n").as_bytes());
    Run::from(child.wait_with_output().unwrap())
}

fn is_env_name(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[test]
fn json_examples_match_the_commands() {
    let doc_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let all = examples(&doc);
    assert!(all.len() >= 20, "only {} examples found in docs/json.md", all.len());
    let server = Server::start(Mode::Ok);
    let codex_server = Server::start(Mode::WriteFile);
    // The real Codex is a Linux binary: the examples that need it are checked on Linux only.
    #[cfg(unix)]
    let codex = crate::support::codex::bin();
    #[cfg(windows)]
    let codex: Option<std::path::PathBuf> = None;
    let keychain = std::sync::OnceLock::new();
    let mut problems = Vec::new();
    for (n, ex) in all.iter().enumerate() {
        let documented: Value = serde_json::from_str(&ex.json)
            .unwrap_or_else(|e| panic!("docs/json.md:{}: the example does not parse: {e}", ex.line));
        if ex.needs_codex && codex.is_none() {
            eprintln!("docs/json.md:{}: `{}` skipped: no Codex installed", ex.line, ex.run);
            continue;
        }
        if ex.needs_keychain && !*keychain.get_or_init(crate::support::keychain::keychain_or_skip) {
            continue;
        }
        let home = fixture(&server.base());
        // A keychain entry of its own, removed at the end of the example.
        let own = crate::support::keychain::unique_id("docs");
        let _entry = ex.needs_keychain.then(|| crate::support::keychain::Entry { id: own.clone() });
        let steps: Vec<String> = ex
            .run
            .split(" && ")
            .map(|s| {
                s.replace("{base}", &server.base()).replace("{codex_base}", &codex_server.base()).replace("{id}", &own)
            })
            .collect();
        let (last, setup) = steps.split_last().unwrap();
        for s in setup {
            let r = run(&home, s, codex.as_deref());
            assert_eq!(r.code, 0, "docs/json.md:{}: setup `{s}` failed: {}", ex.line, r.stderr);
        }
        let r = run(&home, last, codex.as_deref());
        r.no_leak(KEY);
        let actual: Value = match serde_json::from_str(&r.stdout) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("docs/json.md:{}: `{last}` printed no JSON ({e}): {}", ex.line, r.stderr));
                continue;
            }
        };
        if let Some(dir) = std::env::var_os("JSON_DOCS_ACTUAL") {
            // A writing aid: the actual documents, to refresh an example by hand.
            let name = format!("{n:02}.json");
            std::fs::write(Path::new(&dir).join(name), serde_json::to_string_pretty(&actual).unwrap()).unwrap();
        }
        let mut diff = Vec::new();
        shape_diff("$", &documented, &actual, &mut diff);
        for d in diff {
            problems.push(format!("docs/json.md:{}: `{last}`: {d}", ex.line));
        }
    }
    assert!(problems.is_empty(), "docs/json.md and the commands disagree:\n{}", problems.join("\n"));
}

#[test]
fn shape_diff_sees_keys_and_types_not_values() {
    let d: Value = serde_json::json!({"a": 1, "b": [{"c": "x"}], "n": null});
    let same: Value = serde_json::json!({"a": 2, "b": [{"c": "y"}, {"c": "z"}], "n": "now set"});
    let mut out = Vec::new();
    shape_diff("$", &d, &same, &mut out);
    assert!(out.is_empty(), "{out:?}");
    let other: Value = serde_json::json!({"a": "2", "b": [{"d": "y"}], "extra": true});
    shape_diff("$", &d, &other, &mut out);
    assert_eq!(
        out,
        [
            "$.n: documented, not printed",
            "$.extra: printed, not documented",
            "$.a: documented a number, printed a string",
            "$.b[0].c: documented, not printed",
            "$.b[0].d: printed, not documented",
        ]
    );
}
