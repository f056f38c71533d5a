//! `codex-provider probe` against the scripted fake server: one test per verdict, plus
//! concurrency, key hygiene and redirect safety.

use std::time::{Duration, Instant};

use crate::support::server::{Bad, Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

const KEY_VAR: &str = "FAKE_API_KEY";
use crate::support::CANARY;

/// Runs `probe ARGS --json` with the canary key set; returns the run and the parsed report.
fn probe_env(home: &Home, args: &[&str], env: &[(&str, &str)]) -> (Run, Value) {
    crate::support::probe_json(home, args, env)
}

fn adhoc(base: &str, model: &str, extra: &[&str]) -> (Run, Value) {
    let home = Home::new();
    let mut args = vec!["--base-url", base, "--env-key", KEY_VAR, "--model", model];
    args.extend_from_slice(extra);
    probe_env(&home, &args, &[(KEY_VAR, CANARY)])
}

/// Asserts the verdict, the exit code (0 only for ok) and words in the hint.
#[track_caller]
fn expect(r: &(Run, Value), verdict: &str, hint_words: &[&str]) {
    let (run, j) = r;
    assert_eq!(j["verdict"], verdict, "{}", run.stdout);
    assert_eq!(j["ok"], verdict == "ok");
    assert_eq!(run.code, if verdict == "ok" { 0 } else { 1 }, "{}", run.stdout);
    assert_eq!(j["schema_version"], 1);
    assert!(j["summary"].as_str().is_some_and(|s| !s.is_empty()));
    let hint = j["hint"].as_str().unwrap_or("");
    for w in hint_words {
        assert!(hint.contains(w), "hint {hint:?} lacks {w:?}\n{}", run.stdout);
    }
}

fn check<'a>(j: &'a Value, id: &str) -> &'a Value {
    j["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap_or_else(|| panic!("no check {id}: {j}"))
}

#[test]
fn ok_text_and_key_sent() {
    let s = Server::start(Mode::Ok);
    let r = adhoc(&s.base(), "mock-model", &[]);
    expect(&r, "ok", &[]);
    let j = &r.1;
    assert!(j["summary"].as_str().unwrap().contains("hi from fake"));
    assert_eq!(check(j, "responses")["status"], "pass");
    assert_eq!(check(j, "models")["status"], "pass");
    assert_eq!(check(j, "key")["summary"], format!("{KEY_VAR} (set, {} chars)", CANARY.len()));
    assert!(j["models"].as_array().unwrap().iter().any(|m| m == "openai/gpt-5.4"));
    let reqs = s.requests();
    let post = reqs.iter().find(|q| q.method == "POST").unwrap();
    assert_eq!(post.path, "/v1/responses");
    assert_eq!(post.header("authorization"), Some(format!("Bearer {CANARY}").as_str()));
    assert_eq!(post.header("accept"), Some("text/event-stream"));
    let body: Value = serde_json::from_str(&post.body).unwrap();
    assert_eq!(body["stream"], true);
    assert_eq!(body["model"], "mock-model");
    assert_eq!(body["tools"][0]["type"], "function");
    assert!(reqs.iter().any(|q| q.method == "GET" && q.path == "/v1/models"));
}

#[test]
fn ok_tool_call() {
    let s = Server::start(Mode::OkTool);
    let r = adhoc(&s.base(), "mock-model", &[]);
    expect(&r, "ok", &[]);
    assert!(r.1["summary"].as_str().unwrap().contains("exec_command"));
}

#[test]
fn human_output() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    let run = Run::from(
        home.cmd(&["probe", "--base-url", &s.base(), "--env-key", KEY_VAR, "-m", "mock-model"])
            .env(KEY_VAR, CANARY)
            .output()
            .unwrap(),
    );
    run.code(0);
    assert!(run.stdout.contains("✓ ok:"), "{}", run.stdout);
    assert!(run.stdout.contains("responses"), "{}", run.stdout);
    let s = Server::start(Mode::Unauthorized);
    let run = Run::from(
        home.cmd(&["probe", "--base-url", &s.base(), "--env-key", KEY_VAR]).env(KEY_VAR, CANARY).output().unwrap(),
    );
    run.code(1);
    assert!(run.stdout.contains("✗ auth:") && run.stdout.contains("hint:"), "{}", run.stdout);
    assert!(!run.stdout.contains(CANARY));
}

#[test]
fn missing_key_sends_nothing() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    let r = probe_env(&home, &["--base-url", &s.base(), "--env-key", "FAKE_UNSET_KEY"], &[("FAKE_UNSET_KEY", "  ")]);
    expect(&r, "missing_key", &["export FAKE_UNSET_KEY="]);
    assert!(s.requests().is_empty());
}

#[test]
fn key_from_codex_home_dotenv() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(".env", &format!("export {KEY_VAR}=\"{CANARY}\"\n"));
    let mut c = home.cmd(&["probe", "--base-url", &s.base(), "--env-key", KEY_VAR, "-m", "mock-model", "--json"]);
    c.env_remove(KEY_VAR);
    let run = Run::from(c.output().unwrap());
    run.code(0);
    assert!(!run.stdout.contains(CANARY));
    assert!(s.requests().iter().all(|q| q.header("authorization") == Some(format!("Bearer {CANARY}").as_str())));
}

#[test]
fn invalid_url() {
    for url in ["ftp://example.com/v1", "not a url", "http://"] {
        let r = adhoc(url, "m", &[]);
        expect(&r, "invalid_url", &["base_url"]);
    }
}

#[test]
fn unreachable_is_fast() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let t = Instant::now();
    let r = adhoc(&format!("http://127.0.0.1:{port}/v1"), "m", &[]);
    expect(&r, "unreachable", &["waiting for network"]);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[test]
fn tls_to_plain_http_port() {
    let s = Server::start(Mode::Ok);
    let r = adhoc(&format!("https://{}/v1", s.addr), "m", &[]);
    expect(&r, "tls", &["http://", "SSL_CERT_FILE"]);
}

#[test]
fn timeout_on_hang_and_drip() {
    for mode in [Mode::Hang, Mode::Drip] {
        let s = Server::start(mode.clone());
        let t = Instant::now();
        let r = adhoc(&s.base(), "m", &["--timeout", "1"]);
        expect(&r, "timeout", &["--timeout"]);
        assert!(t.elapsed() < Duration::from_secs(4), "{mode:?}: {:?}", t.elapsed());
    }
}

#[test]
fn redirect_to_other_host_is_not_followed_and_gets_no_key() {
    let other = Server::start(Mode::Ok);
    let s = Server::start(Mode::Redirect(other.base()));
    let r = adhoc(&s.base(), "mock-model", &[]);
    expect(&r, "redirect", &[&other.base()]);
    assert_eq!(r.1["suggested_base_url"], other.base());
    assert!(r.1["summary"].as_str().unwrap().contains(&other.base()));
    assert!(other.requests().iter().all(|q| q.header("authorization").is_none()), "Authorization went to another host");
}

#[test]
fn auth_names_the_variable_not_the_value() {
    let s = Server::start(Mode::Unauthorized);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "auth", &[KEY_VAR, "chars"]);
    let summary = r.1["summary"].as_str().unwrap();
    assert!(summary.contains("401") && summary.contains("Incorrect API key provided"), "{summary}");
    assert!(summary.contains("<hidden>"), "{summary}");
}

#[test]
fn not_found_everywhere() {
    let s = Server::start(Mode::NotFound);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "not_found", &["base_url"]);
    assert_eq!(check(&r.1, "models")["status"], "warn");
}

#[test]
fn not_found_suggests_v1() {
    let s = Server::start(Mode::Ok);
    let r = adhoc(&s.url(), "mock-model", &[]);
    expect(&r, "not_found", &["add /v1"]);
    assert_eq!(r.1["suggested_base_url"], s.base());
}

#[test]
fn chat_only() {
    let s = Server::start(Mode::ChatOnly);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "chat_only", &["LiteLLM", "Responses"]);
}

#[test]
fn model_not_found_suggests_prefixed_id() {
    let s = Server::start(Mode::ModelNotFound);
    let r = adhoc(&s.base(), "gpt-5.4", &[]);
    expect(&r, "model_not_found", &["openai/gpt-5.4"]);
    assert_eq!(check(&r.1, "models")["status"], "warn");
}

#[test]
fn rate_limited_server_error_bad_request() {
    for (mode, verdict, word) in [
        (Mode::RateLimited, "rate_limited", "quota"),
        (Mode::ServerError, "server_error", "retry"),
        (Mode::BadRequest, "bad_request", "model"),
        (Mode::Failed, "server_error", "server's own message"),
    ] {
        let s = Server::start(mode);
        let r = adhoc(&s.base(), "mock-model", &[]);
        expect(&r, verdict, &[word]);
    }
    let s = Server::start(Mode::BadRequest);
    let r = adhoc(&s.base(), "mock-model", &[]);
    assert!(r.1["summary"].as_str().unwrap().contains("Unsupported parameter"));
    let s = Server::start(Mode::Failed);
    let r = adhoc(&s.base(), "mock-model", &[]);
    assert!(r.1["summary"].as_str().unwrap().contains("upstream model crashed"));
}

#[test]
fn html_page() {
    let s = Server::start(Mode::Html);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "html", &["web page, not the API root"]);
}

#[test]
fn json_instead_of_sse() {
    let s = Server::start(Mode::JsonNotSse);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "not_sse", &["stream"]);
}

#[test]
fn bad_streams_codex_would_print_nothing() {
    for bad in [Bad::DeltasOnly, Bad::NoItemDone, Bad::NoRole, Bad::TextPart, Bad::TextInCompleted] {
        let s = Server::start(Mode::Bad(bad));
        let r = adhoc(&s.base(), "mock-model", &[]);
        expect(&r, "bad_stream", &["print nothing"]);
    }
    let s = Server::start(Mode::Bad(Bad::NoCompleted));
    let r = adhoc(&s.base(), "mock-model", &[]);
    expect(&r, "bad_stream", &["response.completed"]);
}

#[test]
fn huge_and_endless_bodies_are_capped() {
    let s = Server::start(Mode::Huge);
    #[cfg(unix)]
    let t = Instant::now();
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "not_sse", &[]);
    let s = Server::start(Mode::EndlessSse);
    let r = adhoc(&s.base(), "m", &[]);
    expect(&r, "bad_stream", &["never completes"]);
    assert!(r.1["summary"].as_str().unwrap().contains("MiB"));
    // The wall-clock bound on Linux only: under Wine on this machine the same run took 13 s.
    #[cfg(unix)]
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

fn provider_config(base: &str, extra: &str) -> String {
    format!(
        "model = \"mock-model\"\nmodel_provider = \"fake\"\n\n[model_providers.fake]\nname = \"Fake\"\nbase_url = \"{base}\"\nenv_key = \"{KEY_VAR}\"\nwire_api = \"responses\"\n{extra}"
    )
}

#[test]
fn configured_provider_headers_and_query() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(
        "config.toml",
        &provider_config(
            &s.base(),
            "query_params = { api-version = \"2025-01-01\" }\nhttp_headers = { X-Static = \"yes\" }\nenv_http_headers = { X-Env = \"FAKE_HDR\", X-Blank = \"FAKE_BLANK\" }\n",
        ),
    );
    let r = probe_env(&home, &[], &[(KEY_VAR, CANARY), ("FAKE_HDR", "from-env"), ("FAKE_BLANK", " ")]);
    expect(&r, "ok", &[]);
    assert_eq!(r.1["target"]["provider"], "fake");
    assert_eq!(r.1["target"]["model"], "mock-model");
    let reqs = s.requests();
    assert!(!reqs.is_empty());
    for q in &reqs {
        assert!(q.path.ends_with("?api-version=2025-01-01"), "{}", q.path);
        assert_eq!(q.header("x-static"), Some("yes"));
        assert_eq!(q.header("x-env"), Some("from-env"));
        assert_eq!(q.header("x-blank"), None);
    }
    // By id, with a model override.
    let r = probe_env(&home, &["fake", "-m", "other"], &[(KEY_VAR, CANARY)]);
    assert_eq!(r.1["target"]["model"], "other");
}

#[test]
fn profile_and_unknown_ids_are_usage_errors() {
    let home = Home::new();
    home.write("config.toml", &provider_config("http://127.0.0.1:9/v1", ""));
    home.run(&["probe", "nosuch"]).code(2);
    let run = home.run(&["probe", "--profile", "nope"]);
    run.code(2);
    assert!(run.stderr.contains("nope"), "{}", run.stderr);
    home.run(&["probe", "--timeout", "-1", "--base-url", "http://x"]).code(2);
}

#[test]
fn profile_layers_over_config() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &provider_config("http://127.0.0.1:9/v1", ""));
    home.write("work.config.toml", &format!("[model_providers.fake]\nbase_url = \"{}\"\n", s.base()));
    let r = probe_env(&home, &["--profile", "work"], &[(KEY_VAR, CANARY)]);
    expect(&r, "ok", &[]);
}

#[test]
fn deep_checks_tools_and_websocket() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &provider_config(&s.base(), "supports_websockets = true\n"));
    let r = probe_env(&home, &["--deep"], &[(KEY_VAR, CANARY)]);
    expect(&r, "ok", &[]);
    assert_eq!(check(&r.1, "provider.tools")["status"], "pass");
    let ws = check(&r.1, "websocket");
    assert_eq!(ws["status"], "warn");
    assert_eq!(ws["http_status"], 426);
    let reqs = s.requests();
    assert!(reqs.iter().any(|q| q.body.contains("\"web_search\"") && q.body.contains("\"namespace\"")));
    assert!(reqs.iter().any(|q| q.method == "GET" && q.header("upgrade") == Some("websocket")));
    // Non-deep sends neither.
    let s2 = Server::start(Mode::Ok);
    home.write("config.toml", &provider_config(&s2.base(), "supports_websockets = true\n"));
    probe_env(&home, &[], &[(KEY_VAR, CANARY)]);
    assert_eq!(s2.requests().len(), 2, "{:?}", s2.requests().iter().map(|q| &q.path).collect::<Vec<_>>());
}

#[test]
fn canary_key_never_printed_in_any_mode() {
    let modes = [
        Mode::Ok,
        Mode::OkTool,
        Mode::Unauthorized,
        Mode::NotFound,
        Mode::ChatOnly,
        Mode::Html,
        Mode::JsonNotSse,
        Mode::Bad(Bad::DeltasOnly),
        Mode::Failed,
        Mode::RateLimited,
        Mode::ServerError,
        Mode::BadRequest,
        Mode::ModelNotFound,
    ];
    let home = Home::new();
    for mode in modes {
        let s = Server::start(mode);
        let base = s.base();
        for json in [true, false] {
            let mut args = vec!["probe", "--base-url", &base, "--env-key", KEY_VAR, "--deep"];
            if json {
                args.push("--json");
            }
            let run = Run::from(home.cmd(&args).env(KEY_VAR, CANARY).output().unwrap());
            assert!(!run.stdout.contains(CANARY) && !run.stderr.contains(CANARY), "{}", run.stdout);
            assert!(!run.stdout.contains("canary"), "{}", run.stdout);
        }
    }
}

#[test]
fn requests_run_concurrently() {
    let l = Duration::from_millis(600);
    let fast = Server::start(Mode::Ok);
    let t0 = Instant::now();
    let r0 = adhoc(&fast.base(), "mock-model", &[]);
    let base_wall = t0.elapsed();
    let slow = Server::start_with(Mode::Ok, l);
    let t = Instant::now();
    let r = adhoc(&slow.base(), "mock-model", &[]);
    let wall = t.elapsed();
    expect(&r0, "ok", &[]);
    expect(&r, "ok", &[]);
    let probe_ms = r.1["duration_ms"].as_u64().unwrap();
    let ratio = probe_ms as f64 / l.as_millis() as f64;
    let wall_ratio = wall.as_secs_f64() / l.as_secs_f64();
    eprintln!(
        "probe timing: no latency: probe {} ms, process {} ms | latency L={} ms on /models and /responses: probe {probe_ms} ms (ratio {ratio:.2}), process {} ms (ratio {wall_ratio:.2})",
        r0.1["duration_ms"],
        base_wall.as_millis(),
        l.as_millis(),
        wall.as_millis()
    );
    assert!(ratio < 1.5, "probe took {probe_ms} ms for L={} ms: not concurrent", l.as_millis());
    assert!(wall_ratio < 1.5 + base_wall.as_secs_f64() / l.as_secs_f64());
}

#[test]
fn honours_http_proxy_from_env() {
    // The fake server doubles as a forward proxy: the probe must send absolute URIs to it.
    let proxy = Server::start(Mode::Ok);
    let home = Home::new();
    let args = ["--base-url", "http://api.example.invalid/v1", "--env-key", KEY_VAR, "-m", "mock-model"];
    let mut all = vec!["probe"];
    all.extend_from_slice(&args);
    all.push("--json");
    let run = Run::from(
        home.cmd(&all).env(KEY_VAR, CANARY).env("HTTP_PROXY", proxy.url()).env_remove("NO_PROXY").output().unwrap(),
    );
    let j: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["verdict"], "ok", "{}", run.stdout);
    assert!(proxy.requests().iter().any(|q| q.path == "http://api.example.invalid/v1/responses"));
    // NO_PROXY bypasses it (and then the made-up host does not resolve).
    let run = Run::from(
        home.cmd(&all)
            .env(KEY_VAR, CANARY)
            .env("HTTP_PROXY", proxy.url())
            .env("NO_PROXY", "example.invalid")
            .output()
            .unwrap(),
    );
    let j: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["verdict"], "unreachable", "{}", run.stdout);
}

#[test]
fn no_model_warns_and_sends_codex_default() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    let env = [(KEY_VAR, CANARY), ("CODEX_BIN", ""), ("PATH", "/usr/bin:/bin")];
    let r = probe_env(&home, &["--base-url", &s.base(), "--env-key", KEY_VAR], &env);
    expect(&r, "ok", &[]);
    assert_eq!(check(&r.1, "model")["status"], "warn");
    assert!(r.1["target"]["model"].is_null());
    // No Codex found (see default_model_follows_the_installed_codex): the newest release's default.
    assert!(s.requests().iter().any(|q| q.body.contains("\"model\":\"gpt-6.2-sol\"")));
}

#[test]
fn env_header_variables_are_read_from_codex_home_dotenv_too() {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &provider_config(&s.base(), "env_http_headers = { X-Org = \"FAKE_ORG_FROM_DOTENV\" }\n"));
    home.write(".env", "FAKE_ORG_FROM_DOTENV=org-canary-123456\n");
    let r = probe_env(&home, &[], &[(KEY_VAR, CANARY)]);
    expect(&r, "ok", &[]);
    assert!(s.requests().iter().all(|q| q.header("x-org") == Some("org-canary-123456")), "header from .env not sent");
    assert!(!r.0.stdout.contains("org-canary") && !r.0.stderr.contains("org-canary"));
}

#[test]
fn gzip_and_zstd_streams_are_decoded() {
    for mode in [Mode::Gzip, Mode::Zstd] {
        let s = Server::start(mode.clone());
        let r = adhoc(&s.base(), "mock-model", &[]);
        expect(&r, "ok", &[]);
        assert!(check(&r.1, "responses")["summary"].as_str().unwrap().contains("hi from fake"), "{mode:?}: {}", r.1);
    }
}

/// A relay that refuses clients whose user-agent is not Codex's lets the probe through:
/// it sends Codex's user-agent and originator shapes.
#[test]
fn user_agent_filtering_relay_accepts_the_probe() {
    let s = Server::start(Mode::UaFilter);
    let r = adhoc(&s.base(), "mock-model", &[]);
    expect(&r, "ok", &[]);
    let post = s.requests().into_iter().find(|q| q.method == "POST").unwrap();
    let ua = post.header("user-agent").unwrap();
    assert!(ua.starts_with("codex_exec/0.") && ua.contains(" (codex_exec; 0."), "{ua}");
    assert_eq!(post.header("originator"), Some("codex_exec"));
}

/// On a redirect to a login page, or a web page, at `{base}/responses` with no /v1 in base,
/// the probe also tries `{base}/v1/responses` and suggests /v1 when it works.
#[test]
fn redirect_or_html_without_v1_suggests_v1() {
    for (mode, verdict) in [(Mode::LoginRedirect, "redirect"), (Mode::HtmlRoot, "html")] {
        let s = Server::start(mode);
        let r = adhoc(&s.url(), "mock-model", &[]);
        expect(&r, verdict, &["add /v1"]);
        assert_eq!(r.1["suggested_base_url"], s.base());
        assert!(s.requests().iter().any(|q| q.path == "/v1/responses"));
    }
}

/// No model set: the probe sends the default model of the installed Codex (0.169:
/// gpt-6.1-sol), or of the newest supported release (0.171: gpt-6.2-sol) when none is found.
#[test]
fn default_model_follows_the_installed_codex() {
    let home_dir = std::env::var("HOME").unwrap_or_default();
    let old = &format!("{home_dir}/.cache/codex-provider-ci/codex-0.169.0/node_modules/.bin/codex");
    // An empty CODEX_BIN counts as unset, and PATH holds no codex.
    let mut cases: Vec<(&str, &str)> = vec![("", "gpt-6.2-sol")];
    if std::path::Path::new(old).is_file() {
        cases.push((old, "gpt-6.1-sol"));
    } else {
        eprintln!("SKIPPED part: no Codex 0.169 at {old}");
    }
    for (bin, want) in cases {
        let s = Server::start(Mode::Ok);
        let home = Home::new();
        let env = [(KEY_VAR, CANARY), ("PATH", "/usr/bin:/bin"), ("CODEX_BIN", bin)];
        let base = s.base();
        let (_, j) = probe_env(&home, &["--base-url", &base, "--env-key", KEY_VAR], &env);
        assert!(check(&j, "model")["summary"].as_str().unwrap().contains(want), "{j}");
        let post = s.requests().into_iter().find(|q| q.method == "POST").unwrap();
        let body: Value = serde_json::from_str(&post.body).unwrap();
        assert_eq!(body["model"], want);
    }
}

/// `probe --all`: one row per provider (verdict, latency, model), probed concurrently, and a
/// JSON list of the reports; one failing provider makes the exit 1. (Concurrency is the probe
/// API's, tested structurally in `probe::tests`.)
#[test]
fn probe_all_one_row_per_provider_and_json_list() {
    let ok = Server::start(Mode::Ok);
    let bad = Server::start(Mode::NotFound);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!(
            "model_provider = \"a\"\nmodel = \"m-a\"\n[model_providers.a]\nname = \"a\"\nbase_url = \"{}\"\n\
             [model_providers.b]\nname = \"b\"\nbase_url = \"{}\"\n",
            ok.base(),
            bad.base()
        ),
    );
    let r = home.run(&["probe", "--all", "--timeout", "5"]);
    r.code(1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("PROVIDER") && lines[0].contains("LATENCY") && lines[0].contains("MODEL"),
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("a ") && l.contains(" ok ") && l.contains(" ms") && l.ends_with("m-a")),
        "{}",
        r.stdout
    );
    assert!(lines.iter().any(|l| l.starts_with("b ") && !l.contains(" ok ")), "{}", r.stdout);
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    let r = home.run(&["probe", "--all", "--json", "--timeout", "5"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let list = v.as_array().expect("a list");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["target"]["provider"], "a");
    assert_eq!(list[0]["verdict"], "ok");
    assert_eq!(list[1]["target"]["provider"], "b");
    assert_eq!(list[1]["ok"], false);
}
