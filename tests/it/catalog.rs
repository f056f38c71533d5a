//! `catalog` and doctor's `config.model_catalog` against the fake server and the real Codex
//! (the newest of the full set, `support::codex::bin`).

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::support::codex;
use crate::support::server::{CATALOG_MODELS, Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

fn config(base: &str, model: &str) -> String {
    format!(
        "model = \"{model}\"\nmodel_provider = \"fake\"\n\n[model_providers.fake]\nname = \"Fake\"\nbase_url = \"{base}\"\nenv_key = \"FAKE_API_KEY\"\nrequest_max_retries = 0\nstream_max_retries = 0\n"
    )
}

fn run(home: &Home, bin: &PathBuf, args: &[&str]) -> Run {
    Run::from(home.cmd(args).env("CODEX_BIN", bin).env("FAKE_API_KEY", "sk-fake-0123456789").output().unwrap())
}

/// `codex debug models` with the home's config: (slug, context_window) of every entry.
fn codex_models(home: &Home, bin: &PathBuf) -> Vec<(String, Option<u64>)> {
    let out = Command::new(bin)
        .args(["debug", "models"])
        .env("CODEX_HOME", home.path())
        .env("FAKE_API_KEY", "sk-fake-0123456789")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["slug"].as_str().unwrap().to_string(), m["context_window"].as_u64()))
        .collect()
}

#[test]
fn real_codex_uses_the_catalog_endpoint_context_and_keeps_bundled_models() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Catalog);
    let home = Home::new();
    home.write("config.toml", &config(&server.base(), "mock-model"));
    let exec = |home: &Home| {
        let mut c = Command::new(&bin);
        c.args(["exec", "--skip-git-repo-check", "--ephemeral", "say hi"]);
        codex_exec(c, home)
    };
    let before = exec(&home);
    assert!(before.contains("Model metadata for `mock-model` not found"), "{before}");
    let bundled_before = codex_models(&home, &bin);

    let r = run(&home, &bin, &["catalog", "--json"]);
    r.code(0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["added"].as_array().unwrap().len(), CATALOG_MODELS.len(), "{v:#}");
    let path = home.path().join("codex-provider-models.json");
    assert_eq!(v["path"], path.display().to_string());
    assert!(home.read("config.toml").contains(&format!("model_catalog_json = \"{}\"", path.display())));

    let after = exec(&home);
    assert!(!after.contains("Model metadata for"), "{after}");
    let models = codex_models(&home, &bin);
    for (slug, _) in &bundled_before {
        assert!(models.iter().any(|(s, _)| s == slug), "bundled `{slug}` lost: {models:?}");
    }
    for (id, _, n) in CATALOG_MODELS {
        assert!(models.contains(&(id.to_string(), Some(*n))), "`{id}` with context {n}: {models:?}");
    }
    // Regenerating replaces only our entries: a hand-written one survives, ours are not doubled.
    let mut cat: Value = serde_json::from_str(&home.read("codex-provider-models.json")).unwrap();
    cat["models"].as_array_mut().unwrap().push(serde_json::json!({"slug": "by-hand", "display_name": "x",
        "supported_reasoning_levels": [], "shell_type": "shell_command", "visibility": "list", "supported_in_api": true,
        "priority": 99, "support_verbosity": false, "truncation_policy": {"mode": "tokens", "limit": 10000},
        "experimental_supported_tools": [], "base_instructions": "hand"}));
    std::fs::write(&path, cat.to_string()).unwrap();
    run(&home, &bin, &["catalog"]).code(0);
    let again = codex_models(&home, &bin);
    assert_eq!(again.len(), models.len() + 1, "{again:?}");
    assert!(again.iter().any(|(s, _)| s == "by-hand"));
    // Both files are one undo step.
    run(&home, &bin, &["undo"]).code(0);
    assert!(home.read("codex-provider-models.json").contains("by-hand"));
}

/// Runs `codex exec` (stdin closed, a deadline) and returns its stderr.
fn codex_exec(mut c: Command, home: &Home) -> String {
    let dir = tempfile::tempdir().unwrap();
    c.current_dir(dir.path())
        .env("CODEX_HOME", home.path())
        .env("FAKE_API_KEY", "sk-fake-0123456789")
        .env("NO_PROXY", "127.0.0.1")
        .stdin(std::process::Stdio::null());
    let mut child = c.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        assert!(std::time::Instant::now() < deadline, "codex exec did not finish in 60 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn dry_run_writes_nothing_and_shows_the_config_diff() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Catalog);
    let home = Home::new();
    home.write("config.toml", &config(&server.base(), "mock-model"));
    let r = run(&home, &bin, &["catalog", "--dry-run"]);
    r.code(0);
    assert!(r.stdout.contains("+model_catalog_json = "), "{}", r.stdout);
    assert!(r.stdout.contains("vllm/qwen") && r.stdout.contains("context 32768"), "{}", r.stdout);
    let j = run(&home, &bin, &["catalog", "--dry-run", "--json"]);
    j.code(0);
    let v: Value = serde_json::from_str(&j.stdout).unwrap_or_else(|e| panic!("{e}: {}", j.stdout));
    assert_eq!((v["dry_run"].as_bool(), v["changed"].as_bool()), (Some(true), Some(true)), "{v:#}");
    assert!(v["diffs"][0]["diff"].as_str().unwrap().contains("+model_catalog_json = "), "{v:#}");
    let vllm = v["added"].as_array().unwrap().iter().find(|a| a["slug"] == "vllm/qwen").unwrap();
    assert_eq!((vllm["context_window"].as_u64(), vllm["context_source"].as_str()), (Some(32768), Some("endpoint")));
    assert!(!home.path().join("codex-provider-models.json").exists());
    assert!(!home.read("config.toml").contains("model_catalog_json"));
}

#[test]
fn doctor_fails_on_a_missing_catalog_and_warns_on_a_model_without_metadata() {
    let Some(bin) = codex::bin() else { return };
    let home = Home::new();
    let doctor = |home: &Home| -> Value {
        let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
        let o = home.cmd(&["doctor", "--offline", "--json"]).env("PATH", path).output().unwrap();
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["checks"]["config.model_catalog"].clone()
    };
    home.write("config.toml", "model = \"mock-model\"\nmodel_catalog_json = \"/nonexistent/cat.json\"\n");
    let c = doctor(&home);
    assert_eq!(c["status"], "fail", "{c:#}");
    assert!(c["summary"].as_str().unwrap().contains("No such file or directory (os error 2)"), "{c:#}");
    // That is what Codex itself says.
    let o = Command::new(&bin)
        .args(["debug", "models"])
        .env("CODEX_HOME", home.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("Error: No such file or directory (os error 2)"));

    home.write("config.toml", "model = \"mock-model\"\n");
    let c = doctor(&home);
    assert_eq!(c["status"], "warning", "{c:#}");
    assert!(c["remediation"].as_str().unwrap().contains("codex-provider catalog"), "{c:#}");
    home.write("config.toml", "model = \"gpt-5.5\"\n");
    assert_eq!(doctor(&home)["status"], "ok");
}

/// An endpoint whose `/models` gives no context window: the entries copy their template's
/// (said in the output, with the flag that corrects it); `--context-window N` sets the real
/// one, and Codex reports it.
#[test]
fn context_window_flag_replaces_the_templates_window() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &config(&server.base(), "mock-model"));
    let r = run(&home, &bin, &["catalog"]);
    r.code(0);
    assert!(r.stdout.contains("mock-model") && r.stdout.contains("(copied from "), "{}", r.stdout);
    let n = crate::support::server::DEFAULT_MODELS.len();
    assert!(
        r.stderr.contains(&format!("note: {n} models got their template's context window"))
            && r.stderr.contains("--context-window N"),
        "{}",
        r.stderr
    );
    let j = run(&home, &bin, &["catalog", "--context-window", "32768", "--json"]);
    j.code(0);
    let v: Value = serde_json::from_str(&j.stdout).unwrap_or_else(|e| panic!("{e}: {}", j.stdout));
    for a in v["added"].as_array().unwrap() {
        assert_eq!((a["context_window"].as_u64(), a["context_source"].as_str()), (Some(32768), Some("flag")), "{a}");
    }
    let r = run(&home, &bin, &["catalog", "--context-window", "32768"]);
    assert!(
        r.stdout.contains("context 32768 (--context-window)") && !r.stderr.contains("template"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    let models = codex_models(&home, &bin);
    assert!(models.contains(&("mock-model".to_string(), Some(32768))), "{models:?}");
    run(&home, &bin, &["catalog", "--context-window", "0"]).code(2);
}
