//! The everyday verbs of issue 14: `key set/unset`, `rename`, `set`/`unset`.

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

#[cfg(unix)]
use crate::support::codex;
use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};
use serde_json::Value;

/// Runs with `stdin` piped in (the non-terminal path of `key set`).
fn run_stdin(home: &Home, args: &[&str], stdin: &str) -> Run {
    let mut c = home.cmd(args);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    // A command refused before it reads stdin closes the pipe: that is not a test failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    Run::from(child.wait_with_output().unwrap())
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr))
}

const GW: &str = "model_provider = \"gw\"\n\n[model_providers.gw]\nname = \"GW\"\nbase_url = \"http://127.0.0.1:9/v1\"\nenv_key = \"GW_API_KEY\"\nwire_api = \"responses\"\n";

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn key_set_reaches_real_codex_as_a_bearer_token() {
    let Some(bin) = codex::bin() else { return };
    // Values dotenvy would mangle without the right quoting: `$` (substitution), quotes, `#`.
    for key in ["sk-plain-0123456789", "sk-$HOME-\"q\"-#x", "it's-$x\\y", "a b  c"] {
        let server = Server::start(Mode::Ok);
        let home = Home::new();
        home.write("config.toml", &codex::config_toml(&server.base(), "mock-model"));
        home.write(".env", "# mine\nOTHER=1\n");
        run_stdin(&home, &["key", "set", "fake"], &format!("{key}\n")).code(0);
        let scratch = tempfile::tempdir().unwrap();
        let out = codex::exec_bin(
            &bin,
            home.path(),
            &[],
            &[("HOME", scratch.path().to_str().unwrap())],
            Duration::from_secs(60),
        );
        let auth: Vec<String> =
            server.requests().iter().filter_map(|q| q.header("authorization").map(str::to_string)).collect();
        assert!(!auth.is_empty(), "{key:?}: Codex sent no request: {out:?}");
        eprintln!("{key:?}: {} request(s), codex exit {:?}", auth.len(), out.code);
        assert!(auth.iter().all(|a| *a == format!("Bearer {key}")), "{key:?} arrived as {auth:?}");
    }
}

#[test]
fn key_set_edits_only_its_line_with_mode_0600_and_no_backup() {
    let home = Home::new();
    home.write("config.toml", GW);
    let before = "# keys for Codex\r\nOTHER=1\r\nexport GW_API_KEY = old # c\r\nTAIL='2'";
    home.write(".env", before);
    let env = home.path().join(".env");
    #[cfg(unix)]
    std::fs::set_permissions(&env, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let r = run_stdin(&home, &["key", "set", "gw"], "sk-verbs-9f8e7d6c5b4a\r\n");
    r.code(0);
    assert!(!r.stdout.contains("9f8e7d6c5b4a") && !r.stderr.contains("9f8e7d6c5b4a"), "{}{}", r.stdout, r.stderr);
    assert_eq!(home.read(".env"), "# keys for Codex\r\nOTHER=1\r\nGW_API_KEY='sk-verbs-9f8e7d6c5b4a'\r\nTAIL='2'");
    // Windows has no mode bits: .env gets what the folder's ACL gives.
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&env).unwrap().permissions()) & 0o777, 0o600);
    let state = home.path().join(".codex-provider");
    let copies =
        walk(&state).into_iter().filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("9f8e7d6c5b4a")));
    assert_eq!(copies.count(), 0, "a copy of the key was kept");
    // Same key again: no write (same mtime).
    let mtime = std::fs::metadata(&env).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    run_stdin(&home, &["key", "set", "gw"], "sk-verbs-9f8e7d6c5b4a").code(0);
    assert_eq!(std::fs::metadata(&env).unwrap().modified().unwrap(), mtime);
    // list and doctor see it, from .env.
    let list = home.run(&["list"]);
    assert!(list.stdout.contains("GW_API_KEY (set in $CODEX_HOME/.env"), "{}", list.stdout);
    let doc = json(&home.run(&["doctor", "--offline", "--json"]));
    assert_eq!(doc["checks"]["env.key"]["status"], "ok", "{}", doc["checks"]["env.key"]);
    // unset removes the line only.
    let r = home.run(&["key", "unset", "gw", "--json"]);
    r.code(0);
    assert_eq!(json(&r)["changed"], true);
    assert_eq!(home.read(".env"), "# keys for Codex\r\nOTHER=1\r\nTAIL='2'");
    home.run(&["key", "unset", "gw"]).code(0);
}

fn walk(d: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn key_set_refusals() {
    let home = Home::new();
    home.write("config.toml", "[model_providers.nokey]\nbase_url = \"http://h/v1\"\n");
    let r = run_stdin(&home, &["key", "set", "nokey"], "k\n");
    r.code(2);
    assert!(r.stderr.contains("set nokey env_key NOKEY_API_KEY"), "{}", r.stderr);
    run_stdin(&home, &["key", "set", "openai"], "k\n").code(2);
    let r = run_stdin(&home, &["key", "set", "nokye"], "k\n");
    r.code(2);
    assert!(r.stderr.contains("did you mean `nokey`"), "{}", r.stderr);
    home.write("config.toml", GW);
    for bad in ["", "\n", "a\nb\n", " padded \n"] {
        run_stdin(&home, &["key", "set", "gw"], bad).code(2);
    }
    assert!(!home.path().join(".env").exists());
}

const STYLES: &[(&str, &str, &str)] = &[
    (
        "header",
        "model_provider = \"gw\" # default\n\n# the gateway\n[model_providers.gw]\nbase_url = \"http://h/v1\"\n\n[model_providers.gw.http_headers]\nX-Team = \"a\"\n",
        "model_provider = \"corp\" # default\n\n# the gateway\n[model_providers.corp]\nbase_url = \"http://h/v1\"\n\n[model_providers.corp.http_headers]\nX-Team = \"a\"\n",
    ),
    (
        "inline",
        "model_providers = { a = { base_url = \"http://a/v1\" }, gw = { base_url = \"http://h/v1\" } }\n",
        "model_providers = { a = { base_url = \"http://a/v1\" }, corp = { base_url = \"http://h/v1\" } }\n",
    ),
    (
        "dotted",
        "model_providers.gw.base_url = \"http://h/v1\"\nmodel_providers.gw.env_key = \"K\"\nother = 1\n",
        "model_providers.corp.base_url = \"http://h/v1\"\nmodel_providers.corp.env_key = \"K\"\nother = 1\n",
    ),
];

#[test]
fn rename_keeps_each_style_and_repoints_profiles_and_undo_restores_all() {
    for (style, before, after) in STYLES {
        let home = Home::new();
        home.write("config.toml", before);
        home.write("work.config.toml", "model_provider = \"gw\"\nmodel = \"m\"\n");
        home.write("other.config.toml", "model_provider = \"openai\"\n");
        let r = home.run(&["rename", "gw", "corp"]);
        r.code(0);
        assert_eq!(home.read("config.toml"), *after, "{style}");
        assert_eq!(home.read("work.config.toml"), "model_provider = \"corp\"\nmodel = \"m\"\n");
        assert_eq!(home.read("other.config.toml"), "model_provider = \"openai\"\n");
        home.run(&["undo"]).code(0);
        assert_eq!(home.read("config.toml"), *before, "{style}: undo");
        assert_eq!(home.read("work.config.toml"), "model_provider = \"gw\"\nmodel = \"m\"\n");
    }
}

#[test]
fn rename_dry_run_json_and_refusals() {
    let home = Home::new();
    home.write("config.toml", STYLES[0].1);
    home.write("work.config.toml", "model_provider = \"gw\"\n");
    let r = home.run(&["rename", "gw", "corp", "--dry-run"]);
    r.code(0);
    assert!(r.stdout.contains("+[model_providers.corp]") && r.stdout.contains("work.config.toml"), "{}", r.stdout);
    let j = json(home.run(&["rename", "gw", "corp", "--dry-run", "--json"]).code(0));
    assert_eq!(j["schema_version"], 1);
    assert_eq!(j["files"].as_array().unwrap().len(), 2);
    assert_eq!(j["diffs"].as_array().unwrap().len(), 2);
    assert_eq!(home.read("config.toml"), STYLES[0].1, "dry run wrote");
    let j = json(home.run(&["rename", "gw", "corp", "--json"]).code(0));
    assert_eq!(j["dry_run"], false);
    assert_eq!(j["new"], "corp");
    home.write(
        "config.toml",
        &format!("{}\n[model_providers.b]\nbase_url = \"http://b/v1\"\n", home.read("config.toml")),
    );
    home.run(&["rename", "corp", "b"]).code(1);
    home.run(&["rename", "corp", "openai"]).code(2);
    home.run(&["rename", "corp", "bad id"]).code(2);
    home.run(&["rename", "openai", "x"]).code(2);
    let r = home.run(&["rename", "crop", "x"]);
    r.code(2);
    assert!(r.stderr.contains("did you mean `corp`"), "{}", r.stderr);
}

#[test]
fn set_and_unset_typed_fields_in_place() {
    let home = Home::new();
    home.write(
        "config.toml",
        "[model_providers.gw]\nbase_url = \"http://h/v1\"\nstream_idle_timeout_ms = 300000 # five minutes\nquery_params = { a = \"1\" }\n",
    );
    for args in [
        ["set", "gw", "stream_idle_timeout_ms", "600000"],
        ["set", "gw", "supports_websockets", "false"],
        ["set", "gw", "query_params.api-version", "2025-04-01-preview"],
        ["set", "gw", "env_http_headers.X-Org", "ORG_ID"],
        ["set", "gw", "request_max_retries", "2"],
    ] {
        home.run(&args).code(0);
    }
    assert_eq!(
        home.read("config.toml"),
        "[model_providers.gw]\nbase_url = \"http://h/v1\"\nstream_idle_timeout_ms = 600000 # five minutes\nquery_params = { a = \"1\", api-version = \"2025-04-01-preview\" }\nsupports_websockets = false\nenv_http_headers = { X-Org = \"ORG_ID\" }\nrequest_max_retries = 2\n"
    );
    let before = home.read("config.toml");
    home.run(&["set", "gw", "request_max_retries", "2"]).code(0);
    assert_eq!(home.read("config.toml"), before, "no-op");
    let j = json(home.run(&["set", "gw", "request_max_retries", "3", "--json", "--dry-run"]).code(0));
    assert_eq!((j["value"].clone(), j["previous"].clone(), j["changed"].clone()), (3.into(), "2".into(), true.into()));
    home.run(&["unset", "gw", "query_params.a"]).code(0);
    home.run(&["unset", "gw", "query_params.api-version"]).code(0);
    home.run(&["unset", "gw", "env_http_headers.X-Org"]).code(0);
    home.run(&["unset", "gw", "supports_websockets"]).code(0);
    home.run(&["unset", "gw", "request_max_retries"]).code(0);
    home.run(&["unset", "gw", "request_max_retries"]).code(0);
    assert_eq!(
        home.read("config.toml"),
        "[model_providers.gw]\nbase_url = \"http://h/v1\"\nstream_idle_timeout_ms = 600000 # five minutes\n"
    );
}

#[test]
fn set_refusals_name_the_type_and_never_echo_keys() {
    let home = Home::new();
    let text = "[model_providers.gw]\nbase_url = \"http://h/v1\"\n";
    home.write("config.toml", text);
    let secret = "sk-verbs-0f1e2d3c4b5a69788796";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["set", "gw", "strem_idle_timeout_ms", "1"], "did you mean `stream_idle_timeout_ms`"),
        (vec!["set", "gw", "request_max_retries", "many"], "takes an integer from 0 to 100"),
        (vec!["set", "gw", "request_max_retries", "101"], "takes an integer from 0 to 100"),
        (vec!["set", "gw", "stream_max_retries", "-1"], "non-negative integer"),
        (vec!["set", "gw", "supports_websockets", "yes"], "takes true or false"),
        (vec!["set", "gw", "wire_api", "chat"], "only be `responses`"),
        (vec!["set", "gw", "experimental_bearer_token", secret], "never writes experimental_bearer_token"),
        (vec!["set", "gw", "http_headers.X-Key", secret], "looks like an API key"),
        (vec!["set", "gw", "http_headers.Authorization", "Bearer x"], "looks like an API key"),
        (vec!["set", "gw", "env_key", secret], "looks like an API key"),
        (vec!["set", "gw", "name", secret], "looks like an API key"),
        (vec!["set", "gw", "base_url", "not a url"], "base"),
        (vec!["set", "gw", "query_params", "x"], "is a map"),
        (vec!["set", "gw", "auth", "x"], "does not write"),
        (vec!["set", "gw", "name.x", "x"], "unknown provider field"),
        (vec!["set", "nope", "name", "x"], "unknown provider"),
        (vec!["unset", "gw", "bogus"], "unknown provider field"),
    ];
    for (args, want) in cases {
        let r = home.run(&args);
        r.code(2);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("0f1e2d3c4b5a") && !r.stdout.contains("0f1e2d3c4b5a"), "{args:?} echoed the key");
    }
    assert_eq!(home.read("config.toml"), text);
}

#[test]
fn undo_list_shows_each_backup_newest_first_and_restores_nothing() {
    let home = Home::new();
    home.write("config.toml", GW);
    home.run(&["set", "gw", "request_max_retries", "1"]).code(0);
    home.run(&["use", "gw", "--profile", "work"]).code(0);
    let before = (home.read("config.toml"), home.read("work.config.toml"));
    let j = json(home.run(&["undo", "--list", "--json"]).code(0));
    let b = j["backups"].as_array().unwrap();
    assert_eq!(b.len(), 2);
    assert_eq!(b[0]["command"], "use gw --profile work");
    assert_eq!(b[0]["files"][0], serde_json::json!({"name": "work.config.toml", "action": "delete"}));
    assert_eq!(b[1]["command"], "set gw request_max_retries");
    assert_eq!(b[1]["files"][0]["action"], "restore");
    let text = home.run(&["undo", "--list"]);
    assert!(
        text.code(0).stdout.lines().next().unwrap().ends_with("deletes work.config.toml  (next undo)"),
        "{}",
        text.stdout
    );
    assert_eq!((home.read("config.toml"), home.read("work.config.toml")), before, "--list restored something");
    home.run(&["undo", "--list", "--dry-run"]).code(2);
}

#[test]
fn current_format_fills_placeholders_and_literal_braces() {
    let home = Home::new();
    home.write("config.toml", GW);
    let r = home.run(&["current", "--format", "{{{provider}}} {model}|{profile}|{base_url}"]);
    assert_eq!(r.code(0).stdout, "{gw} ||http://127.0.0.1:9/v1\n");
    for bad in ["{provider", "provider}", "{}", "{nope}"] {
        home.run(&["current", "--format", bad]).code(2);
    }
    home.run(&["current", "--format", "x", "--json"]).code(2);
}

fn providers_file(n: usize, base: &str) -> String {
    (0..n).map(|i| format!("[model_providers.p{i}]\nbase_url = \"{base}\"\nenv_key = \"APPLY_KEY\"\nstream_idle_timeout_ms = 600000\n\n")).collect()
}

#[test]
fn apply_adds_updates_in_place_is_idempotent_and_prunes_only_unselected() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(
        "config.toml",
        &format!("model_provider = \"old\"\n\n# ours\n[model_providers.p0]\nbase_url = \"{}\" # keep me\nname = \"Zero\"\n\n[model_providers.old]\nbase_url = \"http://h/v1\"\n\n[model_providers.gone]\nbase_url = \"http://g/v1\"\n", server.base()),
    );
    let file = home.path().join("team.toml");
    std::fs::write(&file, providers_file(2, &server.base())).unwrap();
    let f = file.to_str().unwrap();
    let r = Run::from(home.cmd(&["apply", "-f", f, "--prune", "--json"]).env("APPLY_KEY", "k").output().unwrap());
    let j = json(r.code(0));
    assert_eq!(j["added"], serde_json::json!(["p1"]));
    assert_eq!(j["updated"], serde_json::json!(["p0"]));
    assert_eq!(j["removed"], serde_json::json!(["gone"]));
    assert_eq!(j["kept_selected"], serde_json::json!(["old"]));
    assert_eq!(j["probes"].as_array().unwrap().len(), 2);
    let text = home.read("config.toml");
    assert!(text.contains(&format!("base_url = \"{}\" # keep me\nname = \"Zero\"\n", server.base())), "{text}");
    assert!(!text.contains("[model_providers.gone]") && text.contains("[model_providers.p1]"), "{text}");
    let mtime = std::fs::metadata(home.config()).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let r = Run::from(home.cmd(&["apply", "-f", f, "--prune"]).env("APPLY_KEY", "k").output().unwrap());
    assert!(r.code(0).stderr.contains("nothing to change"), "{}", r.stderr);
    assert_eq!(home.read("config.toml"), text);
    assert_eq!(std::fs::metadata(home.config()).unwrap().modified().unwrap(), mtime);
    // export → apply elsewhere gives the same providers.
    let exported = home.run(&["export", "p0", "p1"]);
    let other = Home::new();
    other.write("team.toml", &exported.code(0).stdout);
    other.run(&["apply", "-f", other.path().join("team.toml").to_str().unwrap(), "--no-probe"]).code(0);
    assert_eq!(other.run(&["export"]).stdout, exported.stdout);
}

#[test]
fn apply_refuses_keys_and_failing_probes_and_export_omits_secrets() {
    let home = Home::new();
    let file = home.path().join("team.toml");
    let f = file.to_str().unwrap();
    for bad in [
        "[model_providers.x]\nbase_url = \"http://h/v1\"\nexperimental_bearer_token = \"t\"\n",
        "[model_providers.x]\nbase_url = \"http://h/v1\"\nhttp_headers = { X-Key = \"sk-apply-0a9b8c7d6e5f4a3b2c1d\" }\n",
        "[model_providers.x]\nbase_ur = \"http://h/v1\"\n",
        "[model_providers.openai]\nbase_url = \"http://h/v1\"\n",
    ] {
        std::fs::write(&file, bad).unwrap();
        let r = home.run(&["apply", "-f", f, "--no-probe"]);
        r.code(2);
        assert!(!r.stderr.contains("0a9b8c7d6e5f"), "{}", r.stderr);
        assert!(!home.config().exists());
    }
    let down = Server::start(Mode::Unauthorized);
    std::fs::write(&file, providers_file(1, &down.base())).unwrap();
    Run::from(home.cmd(&["apply", "-f", f]).env("APPLY_KEY", "k").output().unwrap()).code(1);
    assert!(!home.config().exists());
    Run::from(home.cmd(&["apply", "-f", f, "--force"]).env("APPLY_KEY", "k").output().unwrap()).code(0);
    home.write(
        "config.toml",
        "[model_providers.s]\nbase_url = \"http://h/v1\"\nexperimental_bearer_token = \"tok-0a9b8c7d6e5f4a3b2c1d\"\nhttp_headers = { X-Key = \"sk-apply-0a9b8c7d6e5f4a3b2c1d\", X-Team = \"a\" }\n",
    );
    let r = home.run(&["export", "--json"]);
    let j = json(r.code(0));
    assert!(!r.stdout.contains("0a9b8c7d6e5f") && !r.stderr.contains("0a9b8c7d6e5f"));
    assert_eq!(j["providers"]["s"]["http_headers"], serde_json::json!({"X-Team": "a"}));
    assert_eq!(j["omitted"], serde_json::json!(["s.experimental_bearer_token", "s.http_headers.X-Key"]));
    assert!(r.stderr.contains("left out"), "{}", r.stderr);
}

/// 20 providers behind a server that answers every request after L: the probes run at once,
/// so `apply` takes about one provider's probe time, not twenty (figures in BENCHMARKS.md).
#[cfg(unix)] // a wall-clock ratio; under Wine a process start-up alone (4 s at L=0 here) swamps the 300 ms latency it measures
#[test]
fn apply_probes_twenty_providers_concurrently() {
    // 3 s a request: twenty sequential probes take a minute or more, concurrent ones about one
    // probe's time; the bound sits far from both, so a loaded machine cannot tip it.
    let l = Duration::from_secs(3);
    let time = |n: usize, server: &Server| {
        let home = Home::new();
        let file = home.path().join("team.toml");
        std::fs::write(&file, providers_file(n, &server.base())).unwrap();
        let t = std::time::Instant::now();
        Run::from(home.cmd(&["apply", "-f", file.to_str().unwrap()]).env("APPLY_KEY", "k").output().unwrap()).code(0);
        t.elapsed()
    };
    let (fast, slow) = (Server::start(Mode::Ok), Server::start_with(Mode::Ok, l));
    let local = time(20, &fast);
    let one = time(1, &slow);
    let twenty = time(20, &slow);
    eprintln!(
        "apply: 20 providers at L=0 {local:?} (local overhead); at L={l:?}: 1 provider {one:?}, 20 providers {twenty:?}"
    );
    assert!(twenty < one.mul_f64(2.0) + Duration::from_secs(10), "20 providers took {twenty:?}, one {one:?}");
}

/// On a terminal the key is asked with a hidden prompt: it is stored, never shown on the
/// screen; Ctrl-C at the prompt writes nothing and exits 130.
#[cfg(unix)] // needs a Unix pseudo-terminal (expectrl)
#[test]
fn key_set_on_a_terminal_prompts_hidden_and_ctrl_c_writes_nothing() {
    use expectrl::process::unix::WaitStatus;
    use expectrl::{Eof, Expect, Session};
    let run = |home: &Home, keys: &str| {
        let mut cmd = home.cmd(&["key", "set", "gw"]);
        cmd.stdin(Stdio::inherit()).env("TERM", "xterm").env("NO_COLOR", "1");
        let mut s = Session::spawn(cmd).expect("spawn on a pty");
        s.set_expect_timeout(Some(Duration::from_secs(10)));
        let mut seen = s.expect("Key for GW_API_KEY").expect("the prompt").as_bytes().to_vec();
        // The prompt is printed just before the terminal leaves cooked mode; keys typed in
        // that instant would be echoed by the tty itself, so wait as a person would.
        std::thread::sleep(Duration::from_millis(300));
        s.send(keys).unwrap();
        seen.extend_from_slice(s.expect(Eof).expect("the end").as_bytes());
        let code = match s.get_process().wait().unwrap() {
            WaitStatus::Exited(_, c) => c,
            WaitStatus::Signaled(_, sig, _) => 128 + sig as i32,
            other => panic!("{other:?}"),
        };
        (code, String::from_utf8_lossy(&seen).into_owned())
    };
    let home = Home::new();
    home.write("config.toml", GW);
    let (code, screen) = run(&home, "\x03");
    assert_eq!(code, 130, "{screen}");
    assert!(!home.path().join(".env").exists(), "Ctrl-C wrote .env");
    let (code, screen) = run(&home, "sk-pty-5e4d3c2b1a0f\r");
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("5e4d3c2b1a0f"), "the key was echoed:\n{screen}");
    assert!(screen.contains("Stored the key for `gw`"), "{screen}");
    assert_eq!(home.read(".env"), "GW_API_KEY='sk-pty-5e4d3c2b1a0f'\n");
}

/// `key set` writes `.env` without a backup; an `undo` right after it says it cannot restore
/// `.env` (exit 1, nothing restored) instead of silently undoing the write before, and names
/// that earlier write, which the next `undo` then undoes. `undo --list` shows the entry.
#[test]
fn undo_after_key_set_says_it_cannot_restore_dotenv() {
    let home = Home::new();
    home.write("config.toml", GW);
    home.run(&["set", "gw", "request_max_retries", "1"]).code(0);
    let after_set = home.read("config.toml");
    run_stdin(&home, &["key", "set", "gw"], "sk-undo-1\n").code(0);
    let list = home.run(&["undo", "--list", "--json"]);
    list.code(0);
    let backups = json(&list)["backups"].clone();
    assert_eq!(backups[0]["command"], "key set gw", "{backups}");
    assert_eq!(backups[0]["unbacked"], serde_json::json!([".env"]), "{backups}");
    assert_eq!(backups[1]["command"], "set gw request_max_retries", "{backups}");
    let r = home.run(&["undo", "--dry-run"]);
    r.code(1);
    assert!(
        r.stderr.contains("`key set gw`") && r.stderr.contains("after this, `undo` undoes `set gw"),
        "{}",
        r.stderr
    );
    let r = home.run(&["undo"]);
    r.code(1);
    assert!(r.stderr.contains("without a backup") && r.stderr.contains("nothing was restored"), "{}", r.stderr);
    assert!(r.stderr.contains("run `undo` again to undo `set gw request_max_retries`"), "{}", r.stderr);
    assert_eq!(home.read("config.toml"), after_set, "the refused undo restored the earlier write");
    assert!(home.read(".env").contains("sk-undo-1"));
    home.run(&["undo"]).code(0);
    assert_eq!(home.read("config.toml"), GW);
    // key unset is recorded the same way; an unchanged key set records nothing.
    run_stdin(&home, &["key", "set", "gw"], "sk-undo-1\n").code(0);
    home.run(&["key", "unset", "gw"]).code(0);
    let r = home.run(&["undo"]);
    r.code(1);
    assert!(r.stderr.contains("`key unset gw`"), "{}", r.stderr);
    assert!(!r.stderr.contains("run `undo` again"), "{}", r.stderr);
    let r = home.run(&["undo"]);
    r.code(1);
    assert!(r.stderr.contains("nothing to undo"), "{}", r.stderr);
}

/// Codex loads `$CODEX_HOME/.env` over its environment: with the key both exported and in
/// `.env`, the `.env` value is the bearer token that arrives (every installed release). `key
/// set` says so when the exported value differs; `key unset` says the exported one is used.
#[cfg(unix)] // runs the real Codex (a Linux binary)
#[test]
fn key_set_says_the_dotenv_value_wins_and_real_codex_agrees() {
    let home = Home::new();
    let server = Server::start(Mode::Ok);
    home.write("config.toml", &codex::config_toml(&server.base(), "mock-model"));
    let key_set = |shell: &str| {
        let mut c = home.cmd(&["key", "set", "fake"]);
        c.env("FAKE_API_KEY", shell).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        child.stdin.take().unwrap().write_all(b"sk-from-dotenv\n").unwrap();
        let r = Run::from(child.wait_with_output().unwrap());
        r.code(0);
        r.stderr
    };
    let said = key_set("sk-from-shell");
    assert!(said.contains("Codex uses the one in") && said.contains("over the shell's variables"), "{said}");
    let said = key_set("sk-from-dotenv");
    assert!(!said.contains("exported"), "same value: no note: {said}");
    // Every release CI runs (the full set and the smoke set): each must send the `.env` value.
    let mut bins: Vec<_> =
        codex::full().iter().chain(&codex::smoke()).filter_map(|v| codex::require_codex(v)).collect();
    bins.sort();
    bins.dedup();
    for bin in &bins {
        let scratch = tempfile::tempdir().unwrap();
        let before = server.requests().len();
        let out = codex::exec_bin(
            bin,
            home.path(),
            &[],
            &[("HOME", scratch.path().to_str().unwrap()), ("FAKE_API_KEY", "sk-from-shell")],
            Duration::from_secs(60),
        );
        let auth: Vec<String> =
            server.requests()[before..].iter().filter_map(|q| q.header("authorization").map(str::to_string)).collect();
        assert!(!auth.is_empty(), "{}: Codex sent no request: {out:?}", bin.display());
        assert!(auth.iter().all(|a| a == "Bearer sk-from-dotenv"), "{}: {auth:?}", bin.display());
    }
    let r = Run::from(home.cmd(&["key", "unset", "fake"]).env("FAKE_API_KEY", "sk-from-shell").output().unwrap());
    r.code(0);
    assert!(r.stderr.contains("still exported in this shell; Codex started from here uses that value"), "{}", r.stderr);
}
