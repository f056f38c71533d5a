//! A canary key run through every command: its value never appears in stdout, stderr, or
//! any file under CODEX_HOME (backups included). Key-like values given on the command line
//! are refused without being echoed.

use std::fs;

use crate::support::server::{Mode, Server};
use crate::support::{Home, Run};

const VAR: &str = "CANARY_KEY";
use crate::support::{CANARY, CANARY_CORE as CORE};

fn run(home: &Home, args: &[&str]) -> Run {
    let mut c = home.cmd(args);
    c.env(VAR, CANARY).env("NO_PROXY", "127.0.0.1,localhost");
    let r = Run::from(c.output().unwrap());
    for (what, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        assert!(!text.contains(CORE), "{args:?} printed the key on {what}:\n{text}");
    }
    r
}

fn assert_no_key_on_disk(home: &Home, after: &str) {
    for f in crate::support::snapshot(home.path()).into_keys().map(|k| home.path().join(k)) {
        if f.file_name().is_some_and(|n| n == ".env") {
            continue; // the user's own file
        }
        let bytes = fs::read(&f).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&bytes).contains(CORE), "after {after}: the key is in {}", f.display());
    }
}

#[test]
fn canary_key_never_leaves_the_environment() {
    let ok = Server::start(Mode::Ok);
    // Echoes the bearer token in its 401 body, like some real gateways.
    let echo = Server::start(Mode::Unauthorized);
    let home = Home::new();
    let (b_ok, b_echo) = (ok.base(), echo.base());
    let steps: Vec<(Vec<&str>, i32)> = vec![
        (vec!["add", "gw", "--base-url", &b_ok, "--env-key", VAR, "--model", "mock-model"], 0),
        (vec!["add", "gw2", "--base-url", &b_ok, "--env-key", VAR, "--no-probe"], 0),
        (vec!["add", "leaky", "--base-url", &b_echo, "--env-key", VAR, "--model", "m"], 1),
        (vec!["add", "leaky", "--base-url", &b_echo, "--env-key", VAR, "--model", "m", "--force"], 0),
        (vec!["use", "gw", "--model", "mock-model"], 0),
        (vec!["use", "gw", "--profile", "work", "--model", "mock-model"], 0),
        (vec!["use", "-"], 0),
        (vec!["use", "gw", "--model", "mock-model"], 0),
        (vec!["list"], 0),
        (vec!["list", "--json"], 0),
        (vec!["show", "gw"], 0),
        (vec!["show", "gw", "--json"], 0),
        (vec!["show", "leaky", "--json"], 0),
        (vec!["current", "-v"], 0),
        (vec!["current", "--json"], 0),
        (vec!["probe"], 0),
        (vec!["probe", "gw", "--json", "--deep"], 0),
        (vec!["probe", "leaky"], 1),
        (vec!["probe", "leaky", "--json"], 1),
        (vec!["probe", "--base-url", &b_echo, "--env-key", VAR, "--json"], 1),
        (vec!["-v", "probe", "--base-url", &b_echo, "--env-key", VAR], 1),
        (vec!["doctor"], 0),
        (vec!["doctor", "--json"], 0),
        (vec!["doctor", "--all", "--json"], 1),
        (vec!["doctor", "--all", "-v"], 1),
        (vec!["doctor", "--profile", "work", "--json"], 0),
        (vec!["profile", "list"], 0),
        (vec!["profile", "show", "work"], 0),
        (vec!["presets"], 0),
        (vec!["presets", "--json"], 0),
        (vec!["remove", "gw2"], 0),
        // The commands of this wave that read or write providers.
        (vec!["models", "gw"], 0),
        (vec!["models", "gw", "--json"], 0),
        (vec!["probe", "--all", "--json"], 1),
        (vec!["export"], 0),
        (vec!["export", "--json"], 0),
        (vec!["set", "gw", "request_max_retries", "3", "--json"], 0),
        (vec!["rename", "leaky", "leaky2", "--json"], 0),
        (vec!["undo", "--list", "--json"], 0),
    ];
    for (args, code) in &steps {
        let r = run(&home, args);
        assert_eq!(r.code, *code, "{args:?}\n{}{}", r.stdout, r.stderr);
        assert_no_key_on_disk(&home, &args.join(" "));
    }
    // Legacy profiles to migrate, a wire_api for doctor --fix, then undo all the way back.
    let mut text = home.read("config.toml");
    text = text.replacen("wire_api = \"responses\"", "wire_api = \"chat\"", 1);
    text.push_str("\n[profiles.old]\nmodel_provider = \"gw\"\nmodel = \"mock-model\"\n");
    home.write("config.toml", &text);
    for (args, code) in [
        (vec!["doctor", "--fix", "--yes", "--offline"], 0),
        (vec!["profile", "migrate"], 0),
        (vec!["profile", "show", "old"], 0),
        (vec!["undo"], 0),
        (vec!["undo"], 0),
        (vec!["undo"], 0),
    ] {
        let r = run(&home, &args);
        assert_eq!(r.code, code, "{args:?}\n{}{}", r.stdout, r.stderr);
        assert_no_key_on_disk(&home, &args.join(" "));
    }
    // The key in $CODEX_HOME/.env instead of the environment: same rules.
    home.write(".env", &format!("{VAR}={CANARY}\n"));
    let r = Run::from(home.cmd(&["doctor", "--all", "--json"]).env_remove(VAR).output().unwrap());
    assert!(!r.stdout.contains(CORE) && !r.stderr.contains(CORE));
    let r = Run::from(home.cmd(&["probe", "leaky", "--json"]).env_remove(VAR).output().unwrap());
    assert!(!r.stdout.contains(CORE) && !r.stderr.contains(CORE));
    assert_no_key_on_disk(&home, "runs with .env");
    // The key reached the servers only as a bearer token.
    assert!(ok.requests().iter().all(|q| q.header("authorization").is_none_or(|a| a == format!("Bearer {CANARY}"))));
}

/// The old guides' setup: the canary in `OPENAI_API_KEY` (exported, then in `$CODEX_HOME/.env`),
/// `OPENAI_BASE_URL` at a server that works and at one that echoes the bearer token in its
/// 401 body. `doctor` probes that URL with the key (`env.openai_base_url.probe`) and prints it
/// in no form, human, verbose or JSON.
#[test]
fn doctor_probing_openai_base_url_never_prints_openai_api_key() {
    let ok = Server::start(Mode::Ok);
    let echo = Server::start(Mode::Unauthorized);
    let home = Home::new();
    home.write("config.toml", "model = \"mock-model\"\n");
    for server in [&ok, &echo] {
        for in_dotenv in [false, true] {
            let mut env = vec![("OPENAI_BASE_URL", server.base())];
            match in_dotenv {
                true => home.write(".env", &format!("OPENAI_API_KEY={CANARY}\n")),
                false => env.push(("OPENAI_API_KEY", CANARY.to_string())),
            }
            for args in
                [vec!["doctor"], vec!["doctor", "-v"], vec!["doctor", "--json"], vec!["doctor", "--all", "--json"]]
            {
                let mut c = home.cmd(&args);
                c.env("PATH", "").env("NO_PROXY", "127.0.0.1,localhost");
                for (k, v) in &env {
                    c.env(k, v);
                }
                let r = Run::from(c.output().unwrap());
                for (what, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
                    assert!(!text.contains(CORE), "{args:?} printed the key on {what}:\n{text}");
                }
                assert!(
                    r.stdout.contains("env.openai_base_url.probe"),
                    "{args:?} did not probe the URL:\n{}",
                    r.stdout
                );
            }
            assert_no_key_on_disk(&home, "doctor with OPENAI_BASE_URL");
            let _ = fs::remove_file(home.path().join(".env"));
        }
        let sent =
            server.requests().iter().filter_map(|q| q.header("authorization").map(str::to_string)).collect::<Vec<_>>();
        assert!(!sent.is_empty() && sent.iter().all(|a| *a == format!("Bearer {CANARY}")), "{sent:?}");
    }
}

#[test]
fn key_values_on_the_command_line_are_refused_unechoed() {
    let home = Home::new();
    let url_with_creds = format!("http://user:{CANARY}@127.0.0.1:9/v1");
    let url_with_query = format!("http://127.0.0.1:9/v1?api-key={CANARY}");
    let auth = format!("Authorization=Bearer {CANARY}");
    let xkey = format!("X-Api-Key={CANARY}");
    let query = format!("key={CANARY}");
    let env_header = format!("X-Key={CANARY}");
    let cases: Vec<Vec<&str>> = vec![
        vec!["add", "x", "--base-url", "http://h/v1", "--env-key", CANARY, "--no-probe"],
        vec!["add", "x", "--base-url", "http://h/v1", "--header", &auth, "--no-probe"],
        vec!["add", "x", "--base-url", "http://h/v1", "--header", &xkey, "--no-probe"],
        vec!["add", "x", "--base-url", "http://h/v1", "--query", &query, "--no-probe"],
        vec!["add", "x", "--base-url", "http://h/v1", "--env-header", &env_header, "--no-probe"],
        vec!["add", "x", "--base-url", &url_with_creds, "--no-probe"],
        vec!["add", "x", "--base-url", &url_with_query, "--no-probe"],
        vec!["add", "x", "--base-url", CANARY, "--no-probe"],
        vec!["probe", "--base-url", "http://127.0.0.1:9/v1", "--env-key", CANARY],
    ];
    for args in cases {
        let r = run(&home, &args);
        assert_eq!(r.code, 2, "{args:?}\n{}{}", r.stdout, r.stderr);
        assert_eq!(r.stderr.lines().filter(|l| l.starts_with("error:")).count(), 1, "{args:?}: {}", r.stderr);
        assert!(!home.config().exists(), "{args:?} wrote config.toml");
    }
    // An ad-hoc probe of a URL with credentials writes nothing and shows the URL without them.
    let r = run(&home, &["probe", "--base-url", &url_with_creds, "--env-key", VAR]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(!home.config().exists());
}

/// `key set` writes the canary to `$CODEX_HOME/.env` and nowhere else: not stdout, stderr or
/// JSON, not a backup, not config.toml; the commands that follow (rename, set, undo) keep it so.
#[test]
fn key_set_puts_the_canary_in_dotenv_only() {
    let home = Home::new();
    home.write(
        "config.toml",
        &format!("[model_providers.gw]\nbase_url = \"http://127.0.0.1:9/v1\"\nenv_key = \"{VAR}\"\n"),
    );
    let key_set = |args: &[&str]| {
        let mut c = home.cmd(args);
        c.env_remove(VAR)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{CANARY}\n").as_bytes()).unwrap();
        let r = Run::from(child.wait_with_output().unwrap());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(!r.stdout.contains(CORE) && !r.stderr.contains(CORE), "{args:?} printed the key");
    };
    key_set(&["key", "set", "gw"]);
    key_set(&["key", "set", "gw", "--json"]);
    assert!(home.read(".env").contains(CANARY));
    assert_no_key_on_disk(&home, "key set");
    for (args, code) in [
        (vec!["list", "--json"], 0),
        (vec!["show", "gw", "--json"], 0),
        (vec!["doctor", "--offline", "--json"], -1), // 0 or 1: only its output matters here
        (vec!["set", "gw", "request_max_retries", "1", "--json"], 0),
        (vec!["export"], 0),
        (vec!["export", "gw", "--json"], 0),
        (vec!["rename", "gw", "gw2", "--json"], 0),
        (vec!["undo"], 0),
        (vec!["undo"], 0),
        (vec!["key", "unset", "gw", "--json"], 0),
    ] {
        let r = Run::from(home.cmd(&args).env_remove(VAR).output().unwrap());
        assert!(!r.stdout.contains(CORE) && !r.stderr.contains(CORE), "{args:?} printed the key");
        assert!(code < 0 || r.code == code, "{args:?}: {}{}", r.stdout, r.stderr);
        assert_no_key_on_disk(&home, &args.join(" "));
    }
    assert!(!home.read(".env").contains(CORE), "key unset left the key");
}

/// The key kept in the OS keychain (`key set --keychain`): `key get` run from a terminal (a
/// real pseudo-terminal) refuses without `--reveal` and shows nothing of the key; into a pipe
/// (as Codex runs it) it prints exactly the key; no other command prints it and no file under
/// CODEX_HOME (or HOME, which lies inside it here) holds it.
#[cfg(unix)] // a Unix pseudo-terminal, and the Secret Service
#[test]
fn key_get_from_a_terminal_shows_nothing_without_reveal() {
    use crate::support::keychain::{Entry, key_set_keychain, keychain_or_skip, unique_id};
    use expectrl::process::unix::WaitStatus;
    use expectrl::{Eof, Expect, Session};
    if !keychain_or_skip() {
        return;
    }
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let id = unique_id("canary");
    let _entry = Entry { id: id.clone() };
    home.write(
        "config.toml",
        &format!("model = \"mock-model\"\nmodel_provider = \"{id}\"\n\n[model_providers.{id}]\nname = \"K\"\nbase_url = \"{}\"\nenv_key = \"{VAR}\"\n", server.base()),
    );
    let r = key_set_keychain(&home, &id, CANARY, &[]);
    r.code(0).no_leak(CORE);
    let on_pty = |args: &[&str]| {
        let mut cmd = home.cmd(args);
        cmd.stdin(std::process::Stdio::inherit()).env("TERM", "xterm").env("NO_COLOR", "1");
        let mut s = Session::spawn(cmd).expect("spawn on a pty");
        s.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
        let seen = String::from_utf8_lossy(s.expect(Eof).expect("the end").as_bytes()).into_owned();
        let code = match s.get_process().wait().unwrap() {
            WaitStatus::Exited(_, c) => c,
            other => panic!("{other:?}"),
        };
        (code, seen)
    };
    let (code, screen) = on_pty(&["key", "get", &id]);
    assert_eq!(code, 1, "{screen}");
    assert!(!screen.contains(CORE), "key get printed the key to a terminal:\n{screen}");
    assert!(screen.contains("--reveal"), "{screen}");
    let (code, screen) = on_pty(&["key", "get", &id, "--reveal"]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains(CANARY), "--reveal shows it:\n{screen}");
    let piped = home.run(&["key", "get", &id]);
    assert_eq!((piped.code, piped.stdout.as_str()), (0, format!("{CANARY}\n").as_str()));
    for args in [
        vec!["list", "--json"],
        vec!["show", &id, "--json"],
        vec!["probe", &id, "--json"],
        vec!["doctor", "--json"],
        vec!["-v", "doctor"],
        vec!["models", &id, "--json"],
        vec!["export", "--json"],
        vec!["key", "set", &id, "--keychain", "--json"], // stdin is empty: refused
        vec!["undo", "--list", "--json"],
    ] {
        let r = run(&home, &args);
        assert!(r.code == 0 || args[0] == "key", "{args:?}: {}{}", r.stdout, r.stderr);
        assert_no_key_on_disk(&home, &args.join(" "));
    }
    assert!(!home.path().join(".env").exists());
    run(&home, &["key", "unset", &id]);
    assert_no_key_on_disk(&home, "key unset");
}
