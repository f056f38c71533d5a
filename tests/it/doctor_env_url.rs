//! `doctor` with only the old guides' setup (`OPENAI_BASE_URL` + `OPENAI_API_KEY`, no
//! provider): Codex goes to api.openai.com, so doctor also probes the URL the user meant and
//! reports it as `env.openai_base_url.probe` (ok, or the failure once with its hint).

use crate::support::server::{Mode, Server};
use crate::support::{CANARY, CANARY_CORE, Home, Run};
use serde_json::Value;

const ID: &str = "env.openai_base_url.probe";

/// `doctor ARGS` in a home whose config only sets a model (the built-in openai is active),
/// with `env`, no `codex` on PATH and loopback exempt from proxies.
fn doctor(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut all = vec!["doctor"];
    all.extend_from_slice(args);
    let mut c = home.cmd(&all);
    c.env("PATH", "").env("NO_PROXY", "127.0.0.1,localhost");
    for (k, v) in env {
        c.env(k, v);
    }
    let r = Run::from(c.output().expect("run doctor"));
    r.no_leak(CANARY_CORE);
    r
}

fn openai_home() -> Home {
    let home = Home::new();
    home.write("config.toml", "model = \"mock-model\"\n");
    home
}

/// The human line of the check, and the lines after it up to the next check.
fn block(stdout: &str) -> String {
    let mut lines = stdout.lines().skip_while(|l| !l.contains(&format!(" {ID} ")));
    let mut out: Vec<&str> = lines.next().into_iter().collect();
    out.extend(lines.take_while(|l| l.starts_with("      ")));
    out.join("\n")
}

/// docs/json.md shows this check as a fragment (the whole doctor document is its own
/// example): the fragment has the printed check's keys and detail keys.
fn documented_like(actual: &Value) {
    let doc = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md")).unwrap();
    let start = doc.find(&format!("\"{ID}\": {{")).expect("docs/json.md shows the check");
    let text = &doc[start..doc[start..].find("```").map(|e| start + e).unwrap()];
    let documented: Value = serde_json::from_str(&format!("{{{text}}}")).expect("the fragment parses");
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&documented[ID]), keys(actual), "docs/json.md: the check's keys");
    assert_eq!(keys(&documented[ID]["details"]), keys(&actual["details"]), "docs/json.md: the details");
}

#[test]
fn the_url_in_openai_base_url_is_probed_with_openai_api_key() {
    let server = Server::start(Mode::Ok);
    let home = openai_home();
    let base = server.base();
    let env = [("OPENAI_BASE_URL", base.as_str()), ("OPENAI_API_KEY", CANARY)];
    let r = doctor(&home, &["--json"], &env);
    let v: Value = r.json();
    let c = &v["checks"][ID];
    assert_eq!(c["status"], "ok", "{c:#}");
    assert_eq!(c["id"], ID);
    assert_eq!(c["category"], "env");
    let d = &c["details"];
    assert_eq!((d["variable"].as_str(), d["url"].as_str()), (Some("OPENAI_BASE_URL"), Some(base.as_str())), "{d:#}");
    assert_eq!((d["verdict"].as_str(), d["source"].as_str()), (Some("ok"), Some("environment")));
    assert_eq!(d["codexBaseUrl"], "https://api.openai.com/v1");
    assert_eq!(d["next"], "codex-provider import --use");
    assert_eq!(d["keyVariable"], format!("OPENAI_API_KEY (set, {} chars)", CANARY.len()));
    let summary = c["summary"].as_str().unwrap();
    assert!(
        summary.contains("(ignored by Codex, which goes to api.openai.com): answers the Responses API"),
        "{summary}"
    );
    assert!(summary.contains("`codex-provider import --use` turns it into a provider"), "{summary}");
    // The provider Codex does use is still the one probed as provider.*.
    assert_ne!(v["checks"]["provider.reachable"]["details"]["openai"], Value::Null, "{:#}", v["checks"]);
    // The URL got the key as Codex would send it once imported.
    let posts: Vec<_> = server.requests().into_iter().filter(|q| q.path == "/v1/responses").collect();
    assert!(!posts.is_empty(), "the URL was not probed");
    assert!(posts.iter().all(|q| q.header("authorization") == Some(format!("Bearer {CANARY}").as_str())));

    documented_like(c);

    let h = doctor(&home, &[], &env);
    let line = block(&h.stdout);
    assert!(line.starts_with(&format!("  ✓ {ID}")), "{}", h.stdout);
    assert!(line.contains(&format!("OPENAI_BASE_URL {base} (ignored by Codex")), "{line}");
    // The same URL in $CODEX_HOME/.env: said so.
    home.write(".env", &format!("OPENAI_BASE_URL={base}\n"));
    let v = doctor(&home, &["--json"], &[("OPENAI_API_KEY", CANARY)]).json();
    assert_eq!(v["checks"][ID]["details"]["source"], "dotenv", "{:#}", v["checks"][ID]);
    let summary = v["checks"][ID]["summary"].as_str().unwrap();
    assert!(summary.contains(&format!("{}.env; ignored by Codex", std::path::MAIN_SEPARATOR)), "{summary}");
}

#[test]
fn a_closed_port_is_one_warning_with_one_hint() {
    let home = openai_home();
    let env = [("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"), ("OPENAI_API_KEY", CANARY)];
    let v = doctor(&home, &["--json"], &env).json();
    let c = &v["checks"][ID];
    assert_eq!(c["status"], "warning", "Codex does not use this URL: {c:#}");
    assert_eq!(c["details"]["verdict"], "unreachable");
    assert!(c["summary"].as_str().unwrap().ends_with("(unreachable)"), "{c:#}");
    let hint = c["remediation"].as_str().expect("a failure carries its hint").to_string();
    assert!(hint.starts_with("OPENAI_BASE_URL: ") && !hint.contains("import"), "the probe's own hint: {hint}");

    let h = doctor(&home, &[], &env);
    let b = block(&h.stdout);
    assert!(b.starts_with(&format!("  ⚠ {ID}")), "{}", h.stdout);
    assert_eq!(b.lines().count(), 2, "one line of what happened, one of what to do:\n{b}");
    assert_eq!(h.stdout.matches(&hint).count(), 1, "the hint is printed once:\n{}", h.stdout);
}

#[test]
fn offline_probes_nothing_and_says_so() {
    let server = Server::start(Mode::Ok);
    let home = openai_home();
    let base = server.base();
    let env = [("OPENAI_BASE_URL", base.as_str()), ("OPENAI_API_KEY", CANARY)];
    let v = doctor(&home, &["--offline", "--json"], &env).json();
    assert_eq!(v["checks"][ID]["status"], "skipped", "{:#}", v["checks"][ID]);
    assert!(v["checks"][ID]["summary"].as_str().unwrap().starts_with("skipped (--offline)"));
    assert!(server.requests().is_empty(), "--offline sent a request");
    // A custom provider active: Codex does not use the built-in openai, so there is no such check.
    home.write(
        "config.toml",
        &format!("model = \"m\"\nmodel_provider = \"gw\"\n[model_providers.gw]\nname = \"g\"\nbase_url = \"{base}\"\n"),
    );
    let v = doctor(&home, &["--offline", "--json"], &env).json();
    assert!(v["checks"].get(ID).is_none(), "{:#}", v["checks"]);
}
