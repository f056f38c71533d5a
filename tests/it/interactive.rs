//! The interactive `add` flow and colour decisions on a real pseudo-terminal (expectrl), plus
//! the no-terminal error. Every wait is an `expect` with a 10 s timeout; no sleeps.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::Home;
use crate::support::server::{Mode, Server};
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::support::CANARY as KEY;
const DOWN: &str = "\x1b[B";
const CTRL_C: &str = "\x03";

/// A child on a PTY that keeps everything it printed, for assertions and failure messages.
struct Pty {
    s: OsSession,
    seen: Vec<u8>,
}

impl Pty {
    fn spawn(mut cmd: Command) -> Pty {
        // `Home::cmd` sets stdin to /dev/null, which would override the PTY after fork.
        cmd.stdin(Stdio::inherit()).env("TERM", "xterm");
        let mut s = Session::spawn(cmd).expect("spawn on a pty");
        s.set_expect_timeout(Some(Duration::from_secs(10)));
        Pty { s, seen: Vec::new() }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    #[track_caller]
    fn expect(&mut self, needle: &str) {
        match self.s.expect(needle) {
            Ok(c) => self.seen.extend_from_slice(c.as_bytes()),
            Err(e) => panic!("waiting for {needle:?}: {e}\n--- output so far:\n{}", self.screen()),
        }
    }

    #[track_caller]
    fn send(&mut self, keys: &str) {
        self.s.send(keys).expect("send keys");
    }

    /// Waits for the prompt, then types `text` and Enter.
    #[track_caller]
    fn answer(&mut self, prompt: &str, text: &str) {
        self.expect(prompt);
        self.send(&format!("{text}\r"));
    }

    /// Reads to the end and returns the exit code (128 + N for a signal).
    #[track_caller]
    fn finish(mut self) -> (i32, String) {
        match self.s.expect(Eof) {
            Ok(c) => self.seen.extend_from_slice(c.as_bytes()),
            Err(e) => panic!("waiting for the end: {e}\n--- output so far:\n{}", self.screen()),
        }
        let code = match self.s.get_process().wait().expect("wait") {
            WaitStatus::Exited(_, c) => c,
            WaitStatus::Signaled(_, sig, _) => 128 + sig as i32,
            other => panic!("unexpected status {other:?}"),
        };
        (code, self.screen())
    }
}

/// `add ARGS` on a PTY with plain glyphs and the key variables set.
fn add(home: &Home, args: &[&str]) -> Pty {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    let mut cmd = home.cmd(&all);
    cmd.env("NO_COLOR", "1").env("MYGW_API_KEY", KEY).env("LITELLM_API_KEY", KEY);
    Pty::spawn(cmd)
}

/// Every file under the home, with its bytes (to prove nothing was written).
fn snapshot(home: &Home) -> std::collections::BTreeMap<String, Vec<u8>> {
    crate::support::snapshot(home.path())
}

/// Custom endpoint → id → URL → key variable → probe → pick the model (Provider) → id.
fn custom_up_to_key(p: &mut Pty, base: &str) {
    p.expect("Provider (type to filter)");
    p.expect("❯ Custom endpoint");
    p.send("\r");
    p.answer("Provider id", "mygw");
    p.answer("Base URL", base);
    p.expect("Environment variable holding the API key");
    p.expect("MYGW_API_KEY");
}

#[test]
fn custom_endpoint_pick_model_by_typing_make_default() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &[]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect(&format!("MYGW_API_KEY (set, {} chars)", KEY.len()));
    p.expect("Probing http://127.0.0.1:");
    p.expect("Model (4 listed by the endpoint; type to filter)");
    p.expect("anthropic/claude-x");
    p.send("mini");
    p.expect("❯ openai/gpt-5.4-mini");
    p.send("\r");
    p.expect("Probing with that model");
    p.expect("✓ ok:");
    p.expect("❯ Make it the default provider");
    p.send("\r");
    p.expect("+model = \"openai/gpt-5.4-mini\"");
    p.expect("Write these changes?");
    p.send("y");
    p.expect("Switched to provider \"mygw\" (model \"openai/gpt-5.4-mini\")");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY), "the key value reached the screen:\n{screen}");

    let cfg = home.read("config.toml");
    assert!(cfg.contains("model_provider = \"mygw\""), "{cfg}");
    assert!(cfg.contains("model = \"openai/gpt-5.4-mini\""), "{cfg}");
    assert!(cfg.contains("[model_providers.mygw]"), "{cfg}");
    assert!(cfg.contains(&format!("base_url = \"{}\"", server.base())), "{cfg}");
    assert!(cfg.contains("env_key = \"MYGW_API_KEY\""), "{cfg}");
    assert!(!cfg.contains(KEY));

    let reqs = server.requests();
    assert!(reqs.iter().any(|r| r.method == "GET" && r.path == "/v1/models"), "{reqs:?}");
    let picked = reqs
        .iter()
        .find(|r| r.method == "POST" && r.path == "/v1/responses" && r.body.contains("\"openai/gpt-5.4-mini\""))
        .unwrap_or_else(|| panic!("no /responses request with the picked model: {reqs:?}"));
    assert_eq!(picked.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
}

#[test]
fn ctrl_c_at_a_middle_prompt_writes_nothing() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", "# mine\nmodel = \"keep\"  # as is\n");
    let before = snapshot(&home);
    let mut p = add(&home, &[]);
    custom_up_to_key(&mut p, &server.base());
    p.send(CTRL_C);
    p.expect("nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(screen.contains("\x1b[?25h"), "the cursor was not shown again:\n{screen:?}");
    assert_eq!(snapshot(&home), before);
    assert!(server.requests().is_empty(), "nothing should be probed before the key prompt");
}

#[test]
fn ctrl_c_in_the_model_picker_writes_nothing() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &[]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect("anthropic/claude-x");
    p.send(CTRL_C);
    p.expect("nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(screen.contains("\x1b[?25h"), "the cursor was not shown again:\n{screen:?}");
    assert!(snapshot(&home).is_empty(), "{:?}", snapshot(&home));
}

#[test]
fn declining_the_confirmation_writes_nothing_and_fails() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", "model_provider = \"openai\"\n");
    let before = snapshot(&home);
    let mut p = add(&home, &["--model", "mock-model"]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect("✓ ok:");
    p.expect("Just save it");
    p.send("\r");
    p.expect("Write these changes?");
    p.send("n");
    p.expect("cancelled; nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 1, "{screen}");
    assert_eq!(snapshot(&home), before);
}

#[test]
fn dry_run_shows_the_diff_and_writes_nothing() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--dry-run", "--model", "mock-model", "--use"]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect("✓ ok:");
    p.expect("+model = \"mock-model\"");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("Write these changes?"), "{screen}");
    assert!(snapshot(&home).is_empty(), "{:?}", snapshot(&home));
}

#[test]
fn preset_chosen_by_typing_with_base_url_flag_writes_a_profile() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--base-url", &server.base()]);
    p.expect("Provider (type to filter)");
    p.expect("❯ Custom endpoint");
    p.send("litellm");
    p.expect("❯ litellm");
    p.send("\r");
    p.answer("Provider id", ""); // the preset's id is the default
    p.expect("LITELLM_API_KEY");
    p.send("\r");
    p.expect(&format!("LITELLM_API_KEY (set, {} chars)", KEY.len()));
    p.expect("anthropic/claude-x");
    p.send("claude");
    p.expect("❯ anthropic/claude-x");
    p.send("\r");
    p.expect("✓ ok:");
    p.expect("Just save it");
    p.send(DOWN);
    p.expect("❯ Write a profile file");
    p.send("\r");
    p.answer("Profile name", "work");
    p.expect("Write these changes?");
    p.send("y");
    p.expect("codex --profile work");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY));

    let cfg = home.read("config.toml");
    assert!(cfg.contains("[model_providers.litellm]"), "{cfg}");
    assert!(cfg.contains("name = \"LiteLLM proxy\""), "{cfg}");
    assert!(cfg.contains(&format!("base_url = \"{}\"", server.base())), "{cfg}");
    assert!(cfg.contains("env_key = \"LITELLM_API_KEY\""), "{cfg}");
    assert!(!cfg.contains("model_provider ="), "the default was not asked for:\n{cfg}");
    let prof = home.read("work.config.toml");
    assert!(prof.contains("model_provider = \"litellm\""), "{prof}");
    assert!(prof.contains("model = \"anthropic/claude-x\""), "{prof}");
}

#[test]
fn without_a_terminal_a_missing_value_fails_naming_the_flag() {
    let home = Home::new();
    let r = home.run(&["add"]);
    r.code(2);
    assert!(r.stderr.contains("missing the provider ID (not asked: no terminal)"), "{}", r.stderr);
    assert!(r.stderr.contains("codex-provider add ID --base-url URL"), "{}", r.stderr);
    let r = home.run(&["add", "gw"]);
    r.code(2);
    assert!(r.stderr.contains("missing --base-url (not asked: no terminal)"), "{}", r.stderr);
    assert!(!home.config().exists());
}

/// `list` on a PTY with `env` set and `args` appended; returns everything it printed.
fn list_on_pty(env: &[(&str, &str)], args: &[&str]) -> String {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"gw\"\n[model_providers.gw]\nname = \"gw\"\nbase_url = \"http://127.0.0.1:9/v1\"\n",
    );
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    let mut cmd = home.cmd(&all);
    cmd.envs(env.iter().copied());
    let p = Pty::spawn(cmd);
    let (code, out) = p.finish();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("gw"), "{out}");
    out
}

/// An SGR sequence: ESC [ digits/semicolons m.
fn has_sgr(s: &str) -> bool {
    s.match_indices("\x1b[").any(|(i, _)| {
        let rest = &s[i + 2..];
        let n = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
        rest.as_bytes().get(n) == Some(&b'm')
    })
}

#[test]
fn colour_on_a_terminal_unless_no_color_or_never() {
    let coloured = list_on_pty(&[], &[]);
    assert!(has_sgr(&coloured), "expected colour on a terminal: {coloured:?}");
    assert!(coloured.contains("\x1b[1m"), "bold header: {coloured:?}");
    assert!(coloured.contains("\x1b[32m"), "green active row: {coloured:?}");
    let no_color = list_on_pty(&[("NO_COLOR", "1")], &[]);
    assert!(!has_sgr(&no_color), "NO_COLOR on a terminal: {no_color:?}");
    let never = list_on_pty(&[], &["--color", "never"]);
    assert!(!has_sgr(&never), "--color never: {never:?}");
}

/// `add`'s probe report goes to stderr, painted by stderr's own colour decision: with stdout
/// on a terminal and stderr redirected to a log, the log gets no escape codes, and the
/// report's hint is printed once (not again in the error).
#[test]
fn probe_report_in_a_redirected_stderr_has_no_escape_codes() {
    let home = Home::new();
    let log = tempfile::NamedTempFile::new().unwrap();
    let cmd = home.cmd(&["add", "gw", "--base-url", "http://127.0.0.1:1/v1", "--model", "m", "--timeout", "2"]);
    // The PTY spawner closes other descriptors, so the shell does the redirection.
    let mut sh = Command::new("sh");
    sh.arg("-c").arg("exec \"$0\" \"$@\" 2>\"$STDERR_LOG\"").arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.env("STDERR_LOG", log.path());
    let (code, out) = Pty::spawn(sh).finish();
    assert_eq!(code, 1, "{out}");
    let err = std::fs::read_to_string(log.path()).unwrap();
    assert!(err.contains("unreachable") && err.contains("not saved"), "{err}");
    assert!(!has_sgr(&err), "escape codes in a redirected stderr: {err:?}");
    assert_eq!(err.matches("check the host and port").count(), 1, "{err}");
    assert!(!home.config().exists());
}

/// `-q` hides the probe report in the interactive flow too; the refusal then carries the hint.
#[test]
fn quiet_interactive_add_hides_the_probe_report() {
    let home = Home::new();
    let mut p = add(&home, &["-q", "--model", "m", "--timeout", "2"]);
    custom_up_to_key(&mut p, "http://127.0.0.1:1/v1");
    p.send("\r");
    p.expect("Save it anyway?");
    p.send("n");
    p.expect("nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(!screen.contains("unreachable:") && !screen.contains("probe mygw"), "report shown under -q: {screen}");
    assert_eq!(screen.matches("check the host and port").count(), 1, "{screen}");
    assert!(!home.config().exists());
}
