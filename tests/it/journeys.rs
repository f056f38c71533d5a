//! The seed journeys of issue 13, end to end: `import` from the guides' variables, `models`,
//! a `use` that checks its target and remembers models, CODEX_OSS_* for the built-in local
//! providers, one failure said once, and thread counts from real Codex rollouts.

#[cfg(unix)]
use std::time::Duration;

#[cfg(unix)]
use crate::support::codex;
use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};

const KEY: &str = "sk-journey-7f3a9c2e1b4d5f60";

pub(crate) fn run_env(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = home.cmd(args);
    c.env("NO_PROXY", "127.0.0.1,localhost");
    for (k, v) in env {
        c.env(k, v);
    }
    Run::from(c.output().unwrap())
}

fn gw_config(base: &str, extra: &str) -> String {
    format!(
        "[model_providers.gw]\nname = \"gw\"\nbase_url = \"{base}\"\nenv_key = \"GW_KEY\"\nwire_api = \"responses\"\n{extra}"
    )
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn import_use_then_real_codex_answers() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let env = [("OPENAI_BASE_URL", server.base()), ("OPENAI_API_KEY", KEY.to_string())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = run_env(&home, &["import", "--use"], &env);
    r.code(0).no_leak(KEY);
    let cfg = home.read("config.toml");
    assert!(cfg.contains("[model_providers.local]") && cfg.contains("env_key = \"OPENAI_API_KEY\""), "{cfg}");
    assert!(cfg.contains("model_provider = \"local\""), "{cfg}");
    let list = run_env(&home, &["list", "--json"], &env);
    let j = list.json();
    assert!(j["providers"].as_array().unwrap().iter().any(|p| p["id"] == "local" && p["active"] == true), "{j}");
    let out = codex::exec_bin(&bin, home.path(), &[], &env, Duration::from_secs(40));
    assert!(out.stdout.contains("hi from fake"), "codex: {:?}\n{}", out.stdout, out.stderr);
}

#[test]
fn import_reads_dotenv_and_refuses_when_nothing_is_set() {
    let home = Home::new();
    let r = home.run(&["import"]);
    r.code(1);
    assert!(r.stderr.contains("OPENAI_BASE_URL") && r.stderr.contains("OPENAI_API_BASE"), "{}", r.stderr);
    home.write(".env", "OPENAI_API_BASE=https://api.deepseek.com/v1\n");
    let r = home.run(&["import", "--no-probe", "--json"]);
    r.code(0);
    assert_eq!(r.json()["id"], "deepseek");
    assert_eq!(r.json()["from"]["source"], "dotenv");
    assert!(home.read("config.toml").contains("base_url = \"https://api.deepseek.com/v1\""));
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn use_ollama_after_a_gateway_model_does_not_send_that_model() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &gw_config(&server.base(), ""));
    home.run(&["use", "gw", "--model", "openai/gpt-5.4"]).code(0);
    let r = home.run(&["use", "ollama"]);
    r.code(0);
    assert!(!home.read("config.toml").contains("openai/gpt-5.4"), "{}", home.read("config.toml"));
    let base = server.base();
    let out = codex::exec_bin(&bin, home.path(), &[], &[("CODEX_OSS_BASE_URL", &base)], Duration::from_secs(40));
    assert!(out.stdout.contains("hi from fake"), "codex: {:?}\n{}", out.stdout, out.stderr);
    let posts: Vec<_> = server.requests().into_iter().filter(|q| q.path.ends_with("/responses")).collect();
    assert!(!posts.is_empty());
    assert!(posts.iter().all(|q| !q.body.contains("openai/gpt-5.4")), "Ollama got the gateway's model");
    // Back to gw: the model last used with it comes back.
    let r = home.run(&["use", "gw"]);
    r.code(0);
    assert!(home.read("config.toml").contains("model = \"openai/gpt-5.4\""), "{}", r.stderr);
}

#[test]
fn use_refuses_chat_and_warns_about_the_key() {
    let home = Home::new();
    home.write("config.toml", &gw_config("http://127.0.0.1:9/v1", "").replace("\"responses\"", "\"chat\""));
    let r = home.run(&["use", "gw"]);
    r.code(1);
    assert!(r.stderr.contains("wire_api = \"chat\"") && r.stderr.contains("doctor --fix"), "{}", r.stderr);
    assert!(!home.read("config.toml").contains("model_provider ="));
    let r = home.run(&["use", "gw", "--force", "--model", "m"]);
    r.code(0);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert!(r.stderr.contains("GW_KEY is not set") && r.stderr.contains("codex-provider key set gw"), "{}", r.stderr);
    assert!(r.stderr.contains("$CODEX_HOME/.env"), "{}", r.stderr);
}

#[test]
fn use_model_is_checked_against_the_cached_list_and_models_shows_it() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &gw_config(&server.base(), ""));
    home.write(".env", &format!("GW_KEY={KEY}\n"));
    let r = home.run(&["use", "gw", "--model", "gpt-5.4"]);
    r.code(0);
    assert!(!r.stderr.contains("not among"), "no list cached yet: {}", r.stderr);
    let r = run_env(&home, &["models", "--json"], &[]);
    r.code(0).no_leak(KEY);
    let j = r.json();
    let ids: Vec<&str> = j["models"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["mock-model", "openai/gpt-5.4", "openai/gpt-5.4-mini", "anthropic/claude-x"]);
    assert_eq!(j["configured"], "gpt-5.4");
    let human = run_env(&home, &["models"], &[]);
    human.code(0);
    assert!(human.stderr.contains("`gpt-5.4` is not listed (closest: openai/gpt-5.4"), "{}", human.stderr);
    let r = home.run(&["use", "gw", "--model", "openai/gpt-5.4-mni"]);
    r.code(0);
    assert!(
        r.stderr.contains("not among the 4 models `gw` listed") && r.stderr.contains("openai/gpt-5.4-mini"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn models_marks_what_the_installed_codex_knows() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!("model = \"mock-model\"\nmodel_provider = \"gw\"\n{}", gw_config(&server.base(), "")),
    );
    home.write(".env", &format!("GW_KEY={KEY}\n"));
    let r = run_env(&home, &["models", "--json"], &[("CODEX_BIN", bin.to_str().unwrap())]);
    r.code(0);
    let models = r.json()["models"].clone();
    assert_eq!(models[0]["configured"], true);
    assert_eq!(models[0]["codex_metadata"], false, "{models}");
}

#[test]
fn oss_variables_move_the_builtin_local_providers() {
    let home = Home::new();
    let show = |env: &[(&str, &str)], id: &str| {
        run_env(&home, &["show", id, "--json"], env).json()["fields"]["base_url"]["value"].clone()
    };
    assert_eq!(show(&[], "ollama"), "http://localhost:11434/v1");
    assert_eq!(show(&[("CODEX_OSS_PORT", "9999")], "lmstudio"), "http://localhost:9999/v1");
    assert_eq!(show(&[("CODEX_OSS_PORT", "9999"), ("CODEX_OSS_BASE_URL", "http://h:1/v1")], "ollama"), "http://h:1/v1");
    let server = Server::start(Mode::Ok);
    let base = server.base();
    let r = run_env(&home, &["probe", "ollama", "--model", "m", "--json"], &[("CODEX_OSS_BASE_URL", &base)]);
    r.code(0);
    assert_eq!(r.json()["target"]["base_url"], base.as_str());
    let list = run_env(&home, &["list"], &[("CODEX_OSS_BASE_URL", &base)]);
    assert!(list.stdout.contains(&base), "{}", list.stdout);
}

#[test]
fn add_says_a_failure_once_and_prints_the_proven_command() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(".env", &format!("GW_KEY={KEY}\n"));
    let r = home.run(&["add", "gw", "--base-url", &server.url(), "--env-key", "GW_KEY", "--model", "mock-model"]);
    r.code(1).no_leak(KEY);
    assert_eq!(r.stderr.matches("error:").count(), 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("hint:").count(), 1, "{}", r.stderr);
    assert!(!r.stderr.contains("suggested:"), "{}", r.stderr);
    let want = format!("run `codex-provider add gw --base-url {} --env-key GW_KEY --model mock-model`", server.base());
    assert!(r.stderr.contains(&want), "{}", r.stderr);
    assert!(!home.config().exists());
}

/// Without /v1 and without --model, on a gateway that checks model ids: the probe's model
/// (Codex's default) is refused under /v1 with a model error, which proves /v1; the refusal
/// names the /v1 URL, the command with it and the ids to pick `--model` from.
#[test]
fn add_without_v1_or_a_model_names_the_v1_url() {
    let server = Server::start(Mode::OwnModels(vec!["gw-coder".into(), "gw-small".into()]));
    let home = Home::new();
    home.write(".env", &format!("GW_KEY={KEY}\n"));
    let r = home.run(&["add", "gw", "--base-url", &server.url(), "--env-key", "GW_KEY"]);
    r.code(1).no_leak(KEY);
    let want = format!(
        "{base} is the API root: run `codex-provider add gw --base-url {base} --env-key GW_KEY --model MODEL` with a model it serves: gw-coder, gw-small",
        base = server.base()
    );
    assert!(r.stderr.contains(&want), "{}", r.stderr);
    assert!(!home.config().exists());
    // Following it works.
    let r = home.run(&["add", "gw", "--base-url", &server.base(), "--env-key", "GW_KEY", "--model", "gw-coder"]);
    r.code(0);
    assert!(home.read("config.toml").contains(&format!("base_url = \"{}\"", server.base())));
}

#[test]
fn add_without_a_model_lists_the_endpoint_ids() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(".env", &format!("GW_KEY={KEY}\n"));
    let r = home.run(&["add", "gw", "--base-url", &server.base(), "--env-key", "GW_KEY"]);
    r.code(0);
    assert!(
        r.stderr.contains("MODEL one of: mock-model, openai/gpt-5.4, openai/gpt-5.4-mini, anthropic/claude-x"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_login_redirect_is_not_called_an_api_root() {
    let server = Server::start(Mode::LoginRedirect);
    let home = Home::new();
    let r = home.run(&["probe", "--base-url", &format!("{}/api", server.url()), "--model", "m", "--json"]);
    r.code(1);
    let hint = r.json()["hint"].as_str().unwrap_or_default().to_string();
    assert!(!hint.contains("the API root the server redirects to"), "{hint}");
    assert!(hint.contains("web page"), "{hint}");
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn threads_recorded_by_real_codex_are_counted_and_named_on_a_switch() {
    let Some(bin) = codex::bin() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!("model = \"mock-model\"\nmodel_provider = \"gw\"\n{}", gw_config(&server.base(), "")),
    );
    let out = codex::exec_bin(&bin, home.path(), &[], &[("GW_KEY", KEY)], Duration::from_secs(40));
    assert!(out.stdout.contains("hi from fake"), "{}", out.stderr);
    let before = crate::support::snapshot(&home.path().join("sessions"));
    assert!(before.keys().any(|k| k.contains("rollout-")), "{before:?}");
    let list = home.run(&["list", "--json"]);
    let gw = list.json()["providers"].as_array().unwrap().iter().find(|p| p["id"] == "gw").cloned().unwrap();
    assert_eq!(gw["threads"], 1);
    assert!(home.run(&["list"]).stdout.contains("THREADS"));
    let r = home.run(&["use", "ollama"]);
    r.code(0);
    assert!(r.stderr.contains("1 thread recorded with `gw`: Codex resumes a thread only with the provider it was recorded with; `codex-provider threads --provider gw`"), "{}", r.stderr);
    assert_eq!(crate::support::snapshot(&home.path().join("sessions")), before, "Codex's files are never written");
}
