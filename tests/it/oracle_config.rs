//! The real Codex CLI 0.169 as the oracle for the files we write: configs made by `add`,
//! `use`, `use --profile`, `profile migrate` and every preset must make real `codex exec`
//! reach a fake Responses endpoint on 127.0.0.1 and print its answer.

use std::time::Duration;

use crate::support::codex;
use crate::support::server::{Bad, Mode, Server};
use crate::support::{Home, corpus_dir};

use crate::support::CANARY as KEY;
const T: Duration = Duration::from_secs(30);

fn exec_ok(home: &Home, extra: &[&str]) {
    let out = codex::exec(home.path(), extra, &[("FAKE_API_KEY", KEY)], T);
    assert_eq!(
        out.code,
        Some(0),
        "codex exec {extra:?} failed\n--- stderr\n{}\n--- config\n{}",
        out.stderr,
        home.read("config.toml")
    );
    assert!(out.stdout.contains("hi from fake"), "codex printed {:?}\n--- stderr\n{}", out.stdout, out.stderr);
}

#[test]
fn add_no_probe_then_use_reaches_the_endpoint() {
    let Some(_) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    std::fs::copy(corpus_dir().join("10-big-mcp-servers-env-subtables.toml"), home.config()).unwrap();
    home.run(&["add", "fake", "--base-url", &server.base(), "--env-key", "FAKE_API_KEY", "--no-probe"]).code(0);
    home.run(&["use", "fake", "--model", "mock-model"]).code(0);
    exec_ok(&home, &[]);
    let auth = server.requests().iter().find_map(|r| r.header("authorization").map(str::to_string));
    assert_eq!(auth, Some(format!("Bearer {KEY}")));
}

#[test]
fn use_profile_writes_a_file_codex_layers() {
    let Some(_) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    std::fs::copy(corpus_dir().join("18-base-for-profiles.toml"), home.config()).unwrap();
    home.run(&["add", "fake", "--base-url", &server.base(), "--env-key", "FAKE_API_KEY", "--no-probe"]).code(0);
    home.run(&["use", "fake", "--profile", "work", "--model", "mock-model"]).code(0);
    exec_ok(&home, &["--profile", "work"]);
}

#[test]
fn profile_migrate_turns_a_fatal_legacy_config_into_a_working_one() {
    let Some(_) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!(
            "# legacy setup\nprofile = \"work\"\n\n[model_providers.fake]\nname = \"Fake\"\nbase_url = \"{}\"\nenv_key = \"FAKE_API_KEY\"\n\n# the work profile\n[profiles.work]\nmodel_provider = \"fake\"\nmodel = \"mock-model\"\n",
            server.base()
        ),
    );
    let before = codex::exec(home.path(), &["--profile", "work"], &[("FAKE_API_KEY", KEY)], T);
    assert_eq!(before.code, Some(1), "legacy config should fail in Codex 0.169: {}", before.stderr);
    assert!(before.stderr.contains("legacy"), "{}", before.stderr);
    home.run(&["profile", "migrate"]).code(0);
    exec_ok(&home, &["--profile", "work"]);
}

#[test]
fn add_with_probe_saves_a_working_endpoint_that_codex_uses() {
    let Some(_) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let r = home
        .cmd(&[
            "add",
            "fake",
            "--base-url",
            &server.base(),
            "--env-key",
            "FAKE_API_KEY",
            "--model",
            "mock-model",
            "--use",
        ])
        .env("FAKE_API_KEY", KEY)
        .output()
        .unwrap();
    let r = crate::support::Run::from(r);
    r.code(0);
    assert!(!r.stdout.contains(KEY) && !r.stderr.contains(KEY));
    assert!(server.requests().iter().any(|q| q.path.ends_with("/responses")), "add did not probe");
    exec_ok(&home, &[]);
}

#[test]
fn add_refuses_an_endpoint_codex_would_print_nothing_from() {
    let server = Server::start(Mode::Bad(Bad::DeltasOnly));
    let home = Home::new();
    let args =
        ["add", "fake", "--base-url", &server.base(), "--env-key", "FAKE_API_KEY", "--model", "mock-model", "--use"];
    let r = crate::support::Run::from(home.cmd(&args).env("FAKE_API_KEY", KEY).output().unwrap());
    r.code(1);
    assert!(r.stderr.contains("bad_stream"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "the refusal names --force: {}", r.stderr);
    assert!(!home.config().exists(), "a refused add wrote config.toml");
    let mut forced = args.to_vec();
    forced.push("--force");
    crate::support::Run::from(home.cmd(&forced).env("FAKE_API_KEY", KEY).output().unwrap()).code(0);
    assert!(home.read("config.toml").contains("[model_providers.fake]"));
}

#[test]
fn every_preset_writes_a_config_codex_loads_and_uses() {
    let Some(_) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let list = home.run(&["presets", "--json"]).json();
    let ids: Vec<String> =
        list["presets"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.len() >= 20);
    for id in &ids {
        let home = Home::new();
        let mut args = vec!["add", "--preset", id, "--no-probe", "--force", "--use", "--model", "mock-model"];
        let url = "https://example-resource.openai.azure.com/openai/v1".to_string();
        if id == "azure" {
            args.extend(["--base-url", url.as_str()]);
        }
        home.run(&args).code(0);
        let cfg = home.read("config.toml");
        let env_key =
            cfg.lines().find_map(|l| l.strip_prefix("env_key = \"")).map(|s| s.trim_end_matches('"').to_string());
        // Point the saved provider at the fake server for this run only (-c), keeping every
        // other field as written, so Codex loads our file but never leaves 127.0.0.1.
        let over = format!("model_providers.{id}.base_url=\"{}\"", server.base());
        let mut env = vec![("FAKE_API_KEY", KEY)];
        let var;
        if let Some(k) = env_key {
            var = k;
            env.push((var.as_str(), KEY));
        }
        let out = codex::exec(home.path(), &["-c", &over], &env, T);
        assert_eq!(out.code, Some(0), "preset {id}: codex failed\n{}\n--- config\n{cfg}", out.stderr);
        assert!(out.stdout.contains("hi from fake"), "preset {id}: {:?}", out.stdout);
    }
}
