//! `threads` on a home where the real Codex recorded threads with two providers (0.171, and
//! 0.169 when installed): both listed, newest first, with their models and first prompts, and
//! the printed resume command, run as printed on a real terminal, reopens the thread with its
//! own provider (its key, its model, its history). `use` points at `threads` when it leaves
//! threads behind.

use std::process::Stdio;
use std::time::{Duration, Instant};

use expectrl::session::OsSession;
use expectrl::{Expect, Session};
use serde_json::Value;

use crate::support::server::{Mode, Server};
use crate::support::{Home, codex};

const ALPHA_KEY: &str = "sk-alpha-0f1e2d3c4b5a";
const BETA_KEY: &str = "sk-beta-9a8b7c6d5e4f";

fn config(base: &str) -> String {
    format!(
        "model = \"mock-model\"\nmodel_provider = \"alpha\"\n\n[model_providers.alpha]\nname = \"Alpha\"\nbase_url = \"{base}\"\nenv_key = \"ALPHA_KEY\"\nrequest_max_retries = 0\nstream_max_retries = 0\n\n[model_providers.beta]\nname = \"Beta\"\nbase_url = \"{base}\"\nenv_key = \"BETA_KEY\"\nrequest_max_retries = 0\nstream_max_retries = 0\n"
    )
}

fn record(bin: &std::path::Path, home: &Home, args: &[&str], prompt: &str) {
    let env = [("ALPHA_KEY", ALPHA_KEY), ("BETA_KEY", BETA_KEY)];
    let work = home.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let out = codex::exec_prompt(bin, home.path(), &work, args, &env, prompt, Duration::from_secs(120));
    assert!(out.code == Some(0) && out.stdout.contains("hi from fake"), "{}: {out:?}", bin.display());
}

fn by_prompt<'a>(threads: &'a [Value], prompt: &str) -> &'a Value {
    threads.iter().find(|t| t["prompt"] == prompt).unwrap_or_else(|| panic!("no thread {prompt:?} in {threads:#?}"))
}

#[test]
fn threads_lists_both_providers_and_the_printed_command_reopens_each_with_its_own() {
    let Some(new) = codex::bin() else { return };
    // The smoke set's release too (the threads of an older Codex read the same way).
    let old = codex::smoke().first().and_then(|v| codex::require_codex(v));
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &config(&server.base()));
    record(&new, &home, &[], "alphaprompt first line\nsecond line");
    record(&new, &home, &["-c", "model_provider=beta", "-c", "model=beta-model"], "betaprompt please");
    if let Some(old) = &old {
        record(old, &home, &["-c", "model_provider=beta", "-c", "model=old-model"], "oldprompt on 0.169");
    }

    let r = home.run(&["threads", "--json"]);
    r.code(0);
    let j = r.json();
    let threads = j["threads"].as_array().unwrap().clone();
    assert_eq!(threads.len(), 2 + usize::from(old.is_some()), "{j:#}");
    let alpha = by_prompt(&threads, "alphaprompt first line");
    let beta = by_prompt(&threads, "betaprompt please");
    assert_eq!((alpha["provider"].as_str(), alpha["model"].as_str()), (Some("alpha"), Some("mock-model")));
    assert_eq!((beta["provider"].as_str(), beta["model"].as_str()), (Some("beta"), Some("beta-model")));
    let beta_id = beta["id"].as_str().unwrap();
    let work = home.path().join("work");
    assert_eq!(beta["cwd"], work.display().to_string());
    assert_eq!(
        beta["resume_command"],
        format!("codex -c model_provider=beta -c model=beta-model -C {} resume {beta_id}", work.display())
    );
    if old.is_some() {
        let o = by_prompt(&threads, "oldprompt on 0.169");
        assert_eq!((o["provider"].as_str(), o["model"].as_str()), (Some("beta"), Some("old-model")));
        assert_eq!(threads[0]["id"], o["id"], "newest first");
    }
    let updated: Vec<&str> = threads.iter().map(|t| t["updated"].as_str().unwrap()).collect();
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
    assert!(threads.iter().all(|t| t["provider_known"] == true), "{j:#}");
    let only = home.run(&["threads", "--provider", "alpha", "--json"]).json();
    assert_eq!(only["threads"].as_array().unwrap().len(), 1);
    let human = home.run(&["threads"]).stdout;
    let line = human
        .lines()
        .map(str::trim)
        .find(|l| l.ends_with(&format!("resume {beta_id}")))
        .unwrap_or_else(|| panic!("no resume line for {beta_id}:\n{human}"))
        .to_string();

    // `use` away from alpha, which has a thread: the note names `threads`.
    let u = home.run(&["use", "beta", "--model", "beta-model"]);
    u.code(0);
    assert!(u.stderr.contains("codex-provider threads --provider alpha"), "{}", u.stderr);
    let u = home.run(&["use", "alpha", "--model", "mock-model"]);
    u.code(0);

    // The printed line, run as printed (only `codex` resolved to the binary under test) from
    // another directory, on a terminal: the TUI shows the thread on beta's model in its own
    // directory (no "which directory" question), and the next turn goes to the server with
    // beta's key and the thread's history. alpha is the default again.
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[0], "codex");
    let cwd = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(&new);
    crate::support::scrub(&mut cmd);
    cmd.args(&words[1..])
        .current_dir(cwd.path())
        .env("CODEX_HOME", home.path())
        .env("ALPHA_KEY", ALPHA_KEY)
        .env("BETA_KEY", BETA_KEY)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("TERM", "xterm")
        .stdin(Stdio::inherit());
    let before = server.requests().len();
    let mut s = Session::spawn(cmd).expect("spawn codex on a pty");
    let pid = s.get_process().pid().as_raw() as u32;
    struct Kill(u32);
    impl Drop for Kill {
        fn drop(&mut self) {
            codex::kill_tree(self.0);
        }
    }
    let _kill = Kill(pid);
    s.get_process_mut().set_window_size(120, 40).expect("window size");
    let mut screen = Vec::new();
    wait_for(&mut s, &mut screen, "beta-model", "the TUI showing the thread's model");
    s.send("nextturnword").unwrap();
    wait_for(&mut s, &mut screen, "nextturnword", "the composer echoing the text");
    // Enter on its own, after the echo: sent with the text it would count as pasted.
    s.send("\r").unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let turn = loop {
        let reqs = server.requests();
        if let Some(q) =
            reqs[before..].iter().find(|q| q.path.ends_with("/responses") && q.body.contains("nextturnword"))
        {
            break q.clone();
        }
        assert!(Instant::now() < deadline, "no request for the next turn; screen:\n{}", plain(&screen));
        // Keep the PTY drained so the TUI never blocks on a full terminal buffer.
        drain(&mut s, &mut screen);
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(turn.header("authorization"), Some(format!("Bearer {BETA_KEY}").as_str()));
    assert!(turn.body.contains("betaprompt please"), "the thread's history was not sent");
    assert!(turn.body.contains("\"model\":\"beta-model\""), "{}", &turn.body[..turn.body.len().min(300)]);
}

/// What a TUI drew, as text: escape sequences and all whitespace removed (it moves the cursor
/// instead of printing spaces).
fn plain(screen: &[u8]) -> String {
    let text = String::from_utf8_lossy(screen);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            match chars.next() {
                Some('[') => {
                    for n in chars.by_ref() {
                        if ('@'..='~').contains(&n) {
                            break;
                        }
                    }
                }
                Some(']') | Some('P') | Some('_') => {
                    // OSC/DCS/APC: up to BEL or ESC \.
                    while let Some(n) = chars.next() {
                        if n == '\x07' || (n == '\x1b' && chars.peek() == Some(&'\\')) {
                            chars.next_if_eq(&'\\');
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if !c.is_whitespace() && !c.is_control() {
            out.push(c);
        }
    }
    out
}

fn drain(s: &mut OsSession, screen: &mut Vec<u8>) {
    let mut buf = [0u8; 8192];
    while let Ok(n) = s.try_read(&mut buf) {
        if n == 0 {
            break;
        }
        screen.extend_from_slice(&buf[..n]);
    }
}

/// Reads the PTY until `needle` shows on it (60 s at most).
#[track_caller]
fn wait_for(s: &mut OsSession, screen: &mut Vec<u8>, needle: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        drain(s, screen);
        if plain(screen).contains(needle) {
            return;
        }
        assert!(Instant::now() < deadline, "waiting for {what}; screen:\n{}", plain(screen));
        std::thread::sleep(Duration::from_millis(50));
    }
}
