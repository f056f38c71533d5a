//! `presets`: every preset is something `add` could write, and the output is script-friendly.

use crate::support::Home;

fn presets_json() -> Vec<serde_json::Value> {
    let r = Home::new().run(&["presets", "--json"]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["schema_version"], 1);
    v["presets"].as_array().expect("presets array").clone()
}

/// Validity is checked through the binary's JSON so the test sees exactly what users see;
/// name rules mirror `config::ids` (a test crate cannot import the binary's modules).
#[test]
fn every_preset_is_valid() {
    let reserved = ["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime", "gcp"];
    let presets = presets_json();
    let mut seen = std::collections::HashSet::new();
    for p in &presets {
        let id = p["id"].as_str().unwrap();
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
        assert!(!reserved.contains(&id), "{id} is reserved by Codex");
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{id}");
        assert!(!p["name"].as_str().unwrap().is_empty(), "{id}: Codex requires a name");

        let raw = p["base_url"].as_str().unwrap();
        let url = reqwest::Url::parse(raw).unwrap_or_else(|e| panic!("{id}: {raw}: {e}"));
        assert!(matches!(url.scheme(), "http" | "https"), "{id}: {raw}");
        assert!(url.host_str().is_some(), "{id}: {raw}");
        assert!(url.query().is_none() && !raw.ends_with('/'), "{id}: Codex appends /responses to {raw}");
        assert!(!raw.ends_with("/responses"), "{id}: {raw}");

        if let Some(var) = p["env_key"].as_str() {
            let ok = var.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                && var.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            assert!(ok, "{id}: env_key {var}");
        }
        match p["responses"].as_str().unwrap() {
            "native" => assert!(p["bridge"].is_null(), "{id}"),
            "bridge" => assert!(p["bridge"].as_str().is_some_and(|b| b.contains("litellm")), "{id}"),
            "probe" => {}
            other => panic!("{id}: responses = {other}"),
        }
        let placeholder = raw.contains("YOUR-");
        assert_eq!(placeholder, p["needs_edit"].is_string(), "{id}: placeholder URL needs `needs_edit`");
    }
}

#[test]
fn json_lists_at_least_twenty_with_stable_fields() {
    let presets = presets_json();
    assert!(presets.len() >= 20, "{} presets", presets.len());
    let fields = [
        "id",
        "name",
        "base_url",
        "needs_edit",
        "env_key",
        "model_style",
        "example_model",
        "responses",
        "bridge",
        "query_params",
        "http_headers",
        "notes",
    ];
    for p in &presets {
        for f in fields {
            assert!(p.get(f).is_some(), "{} lacks {f}", p["id"]);
        }
        assert!(p["query_params"].is_object() && p["http_headers"].is_object());
    }
    for id in ["openrouter", "azure", "ollama-local", "litellm", "deepseek", "gemini", "zai", "nvidia"] {
        assert!(presets.iter().any(|p| p["id"] == id), "{id} missing");
    }
    let azure = presets.iter().find(|p| p["id"] == "azure").unwrap();
    assert_eq!(azure["base_url"], "https://YOUR-RESOURCE.openai.azure.com/openai/v1");
}

#[test]
fn table_lists_every_id_with_its_responses_support() {
    let presets = presets_json();
    let r = Home::new().run(&["presets"]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("ID") && lines[0].contains("BASE URL") && lines[0].contains("RESPONSES"));
    assert_eq!(lines.len(), presets.len() + 1, "one row per preset:\n{}", r.stdout);
    for (p, line) in presets.iter().zip(&lines[1..]) {
        let id = p["id"].as_str().unwrap();
        assert!(line.starts_with(&format!("{id} ")), "{line}");
        assert!(line.contains(p["base_url"].as_str().unwrap()), "{line}");
        let want = match p["responses"].as_str().unwrap() {
            "native" => "native",
            "bridge" => "needs bridge",
            _ => "probe decides",
        };
        assert!(line.ends_with(want), "{line}");
    }
}

#[test]
fn no_colour_through_a_pipe() {
    let r = Home::new().run(&["presets"]);
    r.code(0);
    assert!(!r.stdout.contains("\x1b["), "{:?}", r.stdout);
    assert!(!r.stderr.contains("\x1b["), "{:?}", r.stderr);
}

#[test]
fn force_color_paints_the_table_but_never_json() {
    let home = Home::new();
    let out = home.cmd(&["presets"]).env("FORCE_COLOR", "1").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\x1b[1m") && text.contains("\x1b[32mnative"), "{text:?}");

    let out = home.cmd(&["presets", "--json"]).env("FORCE_COLOR", "1").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("\x1b["), "JSON must stay parseable");
}
