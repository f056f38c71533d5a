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
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
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

/// At the menu under `prompt`, moves with `keys` to the row starting with `row` and takes it.
#[track_caller]
fn choose(p: &mut Pty, prompt: &str, keys: &str, row: &str) {
    p.expect(prompt);
    p.send(keys);
    p.expect(&format!("❯ {row}"));
    p.send("\r");
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
/// A custom endpoint whose key variable is unset: the probe fails, then "Store the key now"
/// stores [`KEY`] as NEW_API_KEY in `.env`.
fn store_the_key_now(p: &mut Pty, base: &str) {
    custom_up_to_key(p, base);
    p.send("NEW_API_KEY\r");
    choose(p, "What now?", &DOWN.repeat(2), "Store the key now (as NEW_API_KEY");
    p.expect("Key for NEW_API_KEY (input hidden)");
    p.send(&format!("{KEY}\r"));
}

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
    p.send("y\r");
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
    p.send("n\r");
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
    p.send("y\r");
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
    choose(&mut p, "What now?", UP, "Cancel");
    p.expect("nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(!screen.contains("unreachable:") && !screen.contains("probe mygw"), "report shown under -q: {screen}");
    assert_eq!(screen.matches("check the host and port").count(), 1, "{screen}");
    assert!(!home.config().exists());
}

/// A failed probe keeps every answer: "Use another key variable" lists the set key-like
/// variables by name (never a value), the probe runs again and the flow goes on to the write.
#[test]
fn failed_probe_then_another_key_variable_then_saved() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--model", "mock-model"]);
    custom_up_to_key(&mut p, &server.base());
    p.send("WRONG_API_KEY\r");
    p.expect("WRONG_API_KEY (not set)");
    choose(&mut p, "The probe failed (missing_key). What now?", DOWN, "Use another key variable");
    p.expect("Key variable (set ones listed; values never shown)");
    p.send("MYGW");
    choose(&mut p, "", "", "MYGW_API_KEY");
    p.expect("✓ ok:");
    choose(&mut p, "Then", DOWN, "Write a profile file");
    p.answer("Profile name", "");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY), "a key value reached the screen:\n{screen}");
    let cfg = home.read("config.toml");
    assert!(cfg.contains("env_key = \"MYGW_API_KEY\""), "{cfg}");
    assert!(home.read("mygw.config.toml").contains("model = \"mock-model\""));
}

/// "Store the key now": hidden input into `$CODEX_HOME/.env`, then the probe passes with it.
#[test]
fn failed_probe_then_store_the_key_now() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--model", "mock-model", "--use"]);
    store_the_key_now(&mut p, &server.base());
    p.expect("Stored the key for `mygw` as NEW_API_KEY");
    p.expect("✓ ok:");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY), "the key was echoed:\n{screen}");
    assert!(home.read(".env").contains(&format!("NEW_API_KEY={KEY}")) || home.read(".env").contains(KEY));
    assert!(!home.read("config.toml").contains(KEY));
    let last = server.requests().into_iter().rev().find(|r| r.path == "/v1/responses").expect("probed");
    assert_eq!(last.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
}

/// "Store the key now in the OS keychain": hidden input into the keychain, the probe passes
/// with the key the saved `auth.command` prints, and the provider is written with that command
/// and no env_key; no file holds the key. Needs a keychain (see `keychain::keychain_or_skip`).
#[test]
fn failed_probe_then_store_the_key_in_the_os_keychain() {
    if !crate::support::keychain::keychain_or_skip() {
        return;
    }
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let id = crate::support::keychain::unique_id("wizard");
    let _entry = crate::support::keychain::Entry { id: id.clone() };
    let mut p = add(&home, &["--model", "mock-model", "--use"]);
    p.expect("Provider (type to filter)");
    p.expect("❯ Custom endpoint");
    p.send("\r");
    p.answer("Provider id", &id);
    p.answer("Base URL", &server.base());
    p.expect("Environment variable holding the API key");
    p.send("NEW_API_KEY\r");
    choose(&mut p, "What now?", &DOWN.repeat(4), "Store the key now in the OS keychain");
    p.expect(&format!("Key for `{id}` (input hidden)"));
    p.send(&format!("{KEY}\r"));
    p.expect(&format!("Stored the key for `{id}` in"));
    p.expect("✓ ok:");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY), "the key was echoed:\n{screen}");
    let cfg = home.read("config.toml");
    assert!(cfg.contains(&format!("args = [\"key\", \"get\", \"{id}\"]")) && !cfg.contains("env_key"), "{cfg}");
    assert!(!home.path().join(".env").exists());
    for rel in crate::support::snapshot(home.path()).into_keys() {
        let bytes = std::fs::read(home.path().join(&rel)).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&bytes).contains(KEY), "the key is in {rel}");
    }
    let last = server.requests().into_iter().rev().find(|r| r.path == "/v1/responses").expect("probed");
    assert_eq!(last.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    // `key unset` goes back to the variable the wizard was given.
    home.run(&["key", "unset", &id]).code(0);
    assert!(home.read("config.toml").contains("env_key = \"NEW_API_KEY\""));
}

/// ^C after "Store the key now" does not claim that nothing was written: `.env` was.
#[test]
fn ctrl_c_after_storing_the_key_says_the_key_stays() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--model", "mock-model", "--use"]);
    store_the_key_now(&mut p, &server.base());
    p.expect("Write these changes?");
    p.send(CTRL_C);
    p.expect("the key stored in $CODEX_HOME/.env stays, nothing else was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("cancelled; nothing was written"), "{screen}");
    assert!(home.read(".env").contains(KEY));
    assert!(!home.config().exists(), "config.toml was written");
}

/// "Edit the URL" edits the URL in place (the old one is the initial text) and probes again.
#[test]
fn failed_probe_then_edit_the_url() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let bad = "http://127.0.0.1:1/v1";
    let mut p = add(&home, &["--model", "mock-model", "--use", "--timeout", "2"]);
    custom_up_to_key(&mut p, bad);
    p.send("\r");
    choose(&mut p, "The probe failed (unreachable). What now?", &DOWN.repeat(3), "Edit the URL");
    p.expect(bad);
    p.send(&format!("{}{}\r", BACKSPACE.repeat(bad.len()), server.base()));
    p.expect("✓ ok:");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(home.read("config.toml").contains(&format!("base_url = \"{}\"", server.base())));
}

/// The URL the probe proved is offered first ("Use …/v1 instead?").
#[test]
fn failed_probe_offers_the_url_it_proved() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--model", "mock-model", "--use"]);
    custom_up_to_key(&mut p, &server.url());
    p.send("\r");
    choose(&mut p, "What now?", "", &format!("Use {} instead?", server.base()));
    p.expect("✓ ok:");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(home.read("config.toml").contains(&format!("base_url = \"{}\"", server.base())));
}

/// A chat-only endpoint is offered the bridge; Ctrl-C at that menu writes nothing.
#[test]
fn chat_only_offers_the_bridge_and_ctrl_c_writes_nothing() {
    let server = Server::start(Mode::ChatOnly);
    let home = Home::new();
    let mut p = add(&home, &["--model", "mock-model"]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect("The probe failed (chat_only). What now?");
    p.expect("❯ Add it through a local bridge (--bridge)");
    p.send(CTRL_C);
    p.expect("nothing was written");
    let (code, screen) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(snapshot(&home).is_empty(), "{:?}", snapshot(&home));
}

/// "Save it anyway" after a failure, then the model is typed ("Other" has nothing to pick
/// from); a yes/no answer needs Enter, so the last letter typed before Enter counts.
#[test]
fn save_anyway_then_typed_model_and_confirm_needs_enter() {
    let home = Home::new();
    let mut p = add(&home, &["--timeout", "2"]);
    custom_up_to_key(&mut p, "http://127.0.0.1:1/v1");
    p.send("\r");
    choose(&mut p, "What now?", &UP.repeat(2), "Save it anyway");
    p.answer("Model id", "my-deployment");
    choose(&mut p, "Then", "", "Make it the default provider");
    p.expect("Write these changes?");
    // Without wait_for_newline the `n` would answer at once and cancel.
    p.send("n");
    p.send("y\r");
    p.expect("Switched to provider \"mygw\" (model \"my-deployment\")");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
}

/// The model picker's last row types an id the endpoint does not list.
#[test]
fn model_picker_other_types_an_id() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--use"]);
    custom_up_to_key(&mut p, &server.base());
    p.send("\r");
    p.expect("Model (4 listed by the endpoint; type to filter)");
    p.send("Other");
    p.expect("❯ Other (type an id)");
    p.send("\r");
    p.answer("Model id", "azure-deploy-1");
    p.expect("Probing with that model");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(home.read("config.toml").contains("model = \"azure-deploy-1\""));
}

/// A preset asks for the base URL with its own as the editable default (Ollama elsewhere).
#[test]
fn preset_asks_the_base_url_with_its_own_as_default() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["--preset", "ollama-local", "--use"]);
    p.answer("Provider id", "");
    p.expect("Base URL");
    p.expect("http://localhost:11434/v1");
    p.send(&format!("{}{}\r", BACKSPACE.repeat("http://localhost:11434/v1".len()), server.base()));
    p.expect("Environment variable holding the API key");
    p.send("\r");
    p.expect("Model (4 listed by the endpoint");
    p.send("\r");
    p.expect("✓ ok:");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    let cfg = home.read("config.toml");
    assert!(cfg.contains("[model_providers.ollama-local]"), "{cfg}");
    assert!(cfg.contains(&format!("base_url = \"{}\"", server.base())), "{cfg}");
}

/// The old guides' setup (`OPENAI_BASE_URL` in `$CODEX_HOME/.env`, `OPENAI_API_KEY` exported)
/// is a custom endpoint's default URL and key variable, and one dim line says where it came
/// from: Enter, Enter saves what `import` would.
#[test]
fn custom_endpoint_defaults_to_openai_base_url_and_openai_api_key() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write(".env", &format!("OPENAI_BASE_URL={}\n", server.base()));
    // `--color always` paints our lines; NO_COLOR keeps the prompts' own styling out.
    let mut cmd = home.cmd(&["--color", "always", "add", "--model", "mock-model", "--use"]);
    cmd.env("NO_COLOR", "1").env("OPENAI_API_KEY", KEY).env("MYGW_API_KEY", KEY);
    let mut p = Pty::spawn(cmd);
    p.expect("❯ Custom endpoint");
    p.send("\r");
    p.answer("Provider id", "mygw");
    p.expect("default URL from OPENAI_BASE_URL ($CODEX_HOME/.env), default key variable OPENAI_API_KEY");
    p.expect("Base URL");
    p.expect(&server.base());
    p.send("\r");
    p.expect("Environment variable holding the API key");
    p.expect("OPENAI_API_KEY");
    p.send("\r");
    p.expect(&format!("OPENAI_API_KEY (set, {} chars)", KEY.len()));
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(KEY), "the key value reached the screen:\n{screen}");
    assert!(screen.contains("\x1b[2mdefault URL from"), "one dim line:\n{screen:?}");
    let cfg = home.read("config.toml");
    assert!(cfg.contains(&format!("base_url = \"{}\"", server.base())), "{cfg}");
    assert!(cfg.contains("env_key = \"OPENAI_API_KEY\""), "{cfg}");
    let auth = server.requests().iter().find_map(|q| q.header("authorization").map(str::to_string));
    assert_eq!(auth, Some(format!("Bearer {KEY}")));
}

/// `add ID --base-url U --env-key K` without --model on a terminal asks only for the model,
/// then shows the diff and asks before writing.
#[test]
fn partial_flags_ask_only_the_model_and_where_then_confirm_the_diff() {
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let mut p = add(&home, &["gw", "--base-url", &server.base(), "--env-key", "MYGW_API_KEY"]);
    p.expect("Model (4 listed by the endpoint; type to filter)");
    p.send("mini\r");
    // The flags said what to add, not where: make it the default (the first answer).
    p.expect("Then");
    p.send("\r");
    p.expect("+model_provider = \"gw\"");
    p.expect("Write these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    for asked in ["Provider (type to filter)", "Provider id", "Base URL", "Environment variable"] {
        assert!(!screen.contains(asked), "asked `{asked}` although the flag gave it:\n{screen}");
    }
    let config = home.read("config.toml");
    assert!(config.contains("[model_providers.gw]") && config.contains("model = \"openai/gpt-5.4-mini\""), "{config}");
    // The pick is the provider's model from now on.
    let memo = home.read(".codex-provider/models/gw.json");
    assert!(memo.contains("\"model\": \"openai/gpt-5.4-mini\""), "{memo}");
}

/// `list` on a terminal fits its width (the long URL cut with `…`); piped, full values.
#[test]
fn list_fits_the_terminal_and_prints_full_values_when_piped() {
    let home = Home::new();
    let long = format!("http://127.0.0.1:9/{}/v1", "very-long-path-segment".repeat(4));
    home.write("config.toml", &format!("[model_providers.gw]\nname = \"gw\"\nbase_url = \"{long}\"\n"));
    let mut cmd = home.cmd(&["list"]);
    cmd.env("NO_COLOR", "1").env("COLUMNS", "70");
    let (code, out) = Pty::spawn(cmd).finish();
    assert_eq!(code, 0, "{out}");
    let rows: Vec<&str> = out.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.is_empty()).collect();
    assert!(rows.iter().all(|l| l.chars().count() <= 70), "wider than 70:\n{out}");
    assert!(rows.iter().any(|l| l.starts_with("   gw") || l.contains(" gw ")) && out.contains('…'), "{out}");
    let piped = home.run(&["list"]);
    assert!(piped.stdout.contains(&long), "{}", piped.stdout);
}

/// `doctor --fix` with only stdout piped: the question is asked on the terminal (stderr and
/// stdin), the report is printed once, then the diff, then after the fix only what is not ok.
#[test]
fn doctor_fix_asks_on_the_terminal_when_stdout_is_piped() {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"gw\"\n[model_providers.gw]\nname = \"gw\"\nbase_url = \"http://127.0.0.1:9/v1\"\nwire_api = \"chat\"\n",
    );
    let out = tempfile::NamedTempFile::new().unwrap();
    let cmd = home.cmd(&["doctor", "--offline", "--fix"]);
    let mut sh = Command::new("/bin/sh");
    sh.arg("-c").arg("exec \"$0\" \"$@\" >\"$STDOUT_FILE\"").arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.env("STDOUT_FILE", out.path()).env("NO_COLOR", "1").env("PATH", "");
    let mut p = Pty::spawn(sh);
    p.expect("Apply these changes?");
    p.send("y\r");
    let (code, screen) = p.finish();
    assert!(!screen.contains("no terminal"), "{screen}");
    assert!(screen.contains("fixed:"), "{screen}");
    let stdout = std::fs::read_to_string(out.path()).unwrap();
    assert_eq!(stdout.matches("config.wire_api").count(), 1, "one full report, not two:\n{stdout}");
    let diff = stdout.find("+wire_api = \"responses\"").expect("the diff");
    assert!(stdout.find("config.wire_api").unwrap() < diff, "report, then diff:\n{stdout}");
    assert!(stdout.find("after --fix:").unwrap() > diff, "{stdout}");
    assert!(home.read("config.toml").contains("wire_api = \"responses\""));
    assert!(code == 0 || code == 1, "{screen}");
}

/// `use` with no id on a terminal: a picker with the active provider first and marked.
#[test]
fn use_without_an_id_opens_a_picker() {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"b\"\n[model_providers.a]\nname = \"a\"\nbase_url = \"http://127.0.0.1:9/v1\"\n\
         [model_providers.b]\nname = \"b\"\nbase_url = \"http://127.0.0.1:8/v1\"\n",
    );
    let mut cmd = home.cmd(&["use", "--model", "m1"]);
    cmd.env("NO_COLOR", "1");
    let mut p = Pty::spawn(cmd);
    p.expect("Provider (type to filter; * is active)");
    p.expect("❯ * b");
    p.send("a");
    p.expect("❯   a");
    p.send("\r");
    p.expect("Switched to provider \"a\"");
    let (code, screen) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(home.read("config.toml").contains("model_provider = \"a\""));
    assert!(home.run(&["use"]).stderr.contains("missing the provider ID"), "no picker without a terminal");
}
