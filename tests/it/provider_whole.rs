//! Issue 20, end to end: a provider's model goes with it. Three gateways that each serve only
//! their own model ids (any other model: 404 `model_not_found`), added with `--model` (one from
//! a preset); every switch leaves a config the real Codex answers with, probes and doctor send
//! each provider its own model, and a team file carries the models to another machine. (`add`
//! naming the `/v1` URL without a model is `journeys::add_without_v1_or_a_model_names_the_v1_url`.)

use std::time::Duration;

use crate::support::codex;
use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};

const KEY: &str = "sk-whole-canary-0123456789abcdef";

/// The gateways: (provider id, model it serves).
const A: (&str, &str) = ("corp", "qwen3-coder-480b");
const B: (&str, &str) = ("ollama-local", "qwen2.5-coder:14b");
const C: (&str, &str) = ("openrouter", "openai/gpt-5.4");

fn run(home: &Home, args: &[&str]) -> Run {
    let mut c = home.cmd(args);
    c.env("GW_KEY", KEY).env("NO_PROXY", "127.0.0.1,localhost");
    Run::from(c.output().expect("run codex-provider"))
}

/// `codex exec` (with `extra` before the prompt) reaches the server that serves `model`.
#[track_caller]
fn codex_answers(home: &Home, extra: &[&str], server: &Server, model: &str) {
    let before = server.requests().len();
    let out = codex::exec(home.path(), extra, &[("GW_KEY", KEY)], Duration::from_secs(120));
    assert!(
        out.stdout.contains("hi from fake"),
        "codex {extra:?} did not answer (want {model})\n--- stdout\n{}\n--- stderr\n{}",
        out.stdout,
        out.stderr
    );
    let sent = server.requests()[before..].iter().any(|r| r.path == "/v1/responses");
    assert!(sent, "codex {extra:?} answered without asking the {model} gateway");
}

#[test]
fn switching_among_gateways_that_serve_only_their_own_models_never_breaks_codex() {
    if codex::bin().is_none() {
        return;
    }
    let servers: Vec<Server> =
        [A, B, C].iter().map(|(_, m)| Server::start(Mode::OwnModels(vec![m.to_string()]))).collect();
    let (sa, sb, sc) = (&servers[0], &servers[1], &servers[2]);
    let home = Home::new();
    run(&home, &["add", A.0, "--base-url", &sa.base(), "--env-key", "GW_KEY", "--model", A.1]).code(0);
    run(&home, &["add", B.0, "--preset", "ollama-local", "--base-url", &sb.base(), "--model", B.1]).code(0);
    run(&home, &["add", C.0, "--base-url", &sc.base(), "--env-key", "GW_KEY", "--model", C.1]).code(0);

    run(&home, &["use", A.0]).code(0);
    codex_answers(&home, &[], sa, A.1);
    run(&home, &["use", B.0]).code(0);
    codex_answers(&home, &[], sb, B.1);
    let r = run(&home, &["use", C.0]);
    r.code(0);
    assert!(r.stderr.contains(&format!("Switched to provider \"{}\" (model \"{}\")", C.0, C.1)), "{}", r.stderr);
    codex_answers(&home, &[], sc, C.1);
    run(&home, &["use", "-"]).code(0);
    codex_answers(&home, &[], sb, B.1);
    // A profile always carries the provider's model: config.toml's (B's now) must not show through.
    run(&home, &["use", A.0, "--profile", "work"]).code(0);
    let work = home.read("work.config.toml");
    assert!(work.contains(&format!("model = \"{}\"", A.1)), "{work}");
    codex_answers(&home, &["--profile", "work"], sa, A.1);

    // Every provider probed with its own model.
    let all = run(&home, &["probe", "--all", "--json"]);
    all.code(0).no_leak(KEY);
    let reports: serde_json::Value = all.json();
    for (id, model) in [A, B, C] {
        let r = reports.as_array().unwrap().iter().find(|r| r["target"]["provider"] == id).expect(id);
        assert_eq!((r["verdict"].as_str(), r["target"]["model"].as_str()), (Some("ok"), Some(model)), "{id}: {r}");
    }
    run(&home, &["probe", B.0]).code(0);
    let doctor = run(&home, &["doctor", "--all", "--json"]);
    let d = doctor.json();
    for (id, _) in [A, B, C] {
        let fails: Vec<_> = d["checks"]
            .as_object()
            .unwrap()
            .values()
            .filter(|c| c["provider"] == id && c["status"] == "fail")
            .map(|c| c["id"].to_string())
            .collect();
        assert!(fails.is_empty(), "doctor --all fails {id}: {fails:?}\n{}", doctor.stdout);
    }

    // A team file carries each provider's model to another machine.
    let export = run(&home, &["export"]);
    export.code(0);
    assert!(export.stdout.contains("[provider_models]"), "{}", export.stdout);
    let other = Home::new();
    let team = other.path().join("team.toml");
    std::fs::write(&team, &export.stdout).unwrap();
    run(&other, &["apply", team.to_str().unwrap()]).code(0);
    run(&other, &["use", B.0]).code(0);
    codex_answers(&other, &[], sb, B.1);
}
