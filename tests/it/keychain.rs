//! `key set ID --keychain`, `key get`, `key unset` against a real OS keychain (on Linux the
//! Secret Service: in CI gnome-keyring on a private D-Bus, started by `.ci/keyring`; on Windows
//! the Credential Manager, in CI Wine's), and the real Codex reaching the fake server with a
//! key that only the keychain holds (Linux only: the real Codex is a Linux binary).
//!
//! Needing a keychain: with `CI` set these tests fail when none is reachable; otherwise they
//! print a loud SKIP line and return. Each test uses its own provider ids (the keychain is
//! shared by the whole machine) and removes its entries at the end, also on failure.

#[cfg(unix)]
use std::path::PathBuf;
#[cfg(unix)]
use std::time::Duration;

#[cfg(unix)]
use crate::support::codex;
use crate::support::keychain::{Entry, key_set_keychain, keychain_or_skip, unique_id};
use crate::support::server::{Mode, Server};
use crate::support::{CANARY, CANARY_CORE as CORE, Home};

/// The keychain's name in our messages on this platform.
fn store_name() -> &'static str {
    if cfg!(windows) { "the Windows Credential Manager" } else { "the Secret Service" }
}

fn config(id: &str, base: &str) -> String {
    format!(
        "model = \"mock-model\"\nmodel_provider = \"{id}\"\n\n[model_providers.{id}]\nname = \"Keychain test\"\nbase_url = \"{base}\"\nenv_key = \"KC_TEST_KEY\"  # the variable\nrequest_max_retries = 0\nstream_max_retries = 0\n"
    )
}

/// Every file under `root` (Codex's own databases and rollouts included) without the key.
#[cfg(unix)]
fn assert_no_key_in_files(root: &std::path::Path, after: &str) {
    for rel in crate::support::snapshot(root).into_keys() {
        let bytes = std::fs::read(root.join(&rel)).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&bytes).contains(CORE), "after {after}: the key is in {rel}");
    }
}

/// The Codex releases to run: the newest of the full set and the smoke set's.
#[cfg(unix)]
fn codex_bins() -> Vec<PathBuf> {
    let mut bins: Vec<PathBuf> = codex::bin().into_iter().collect();
    bins.extend(codex::smoke().iter().filter_map(|v| codex::require_codex(v)));
    bins.dedup();
    bins
}

#[cfg(unix)] // runs the real Codex (a Linux binary)
#[test]
fn a_key_only_in_the_keychain_reaches_the_server_through_auth_command_and_unset_restores_env_key() {
    if !keychain_or_skip() {
        return;
    }
    let bins = codex_bins();
    if bins.is_empty() {
        return; // codex::bin() printed the skip (or panicked under CI)
    }
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let id = unique_id("serve");
    let _entry = Entry { id: id.clone() };
    home.write("config.toml", &config(&id, &server.base()));

    let r = key_set_keychain(&home, &id, CANARY, &["--json"]);
    r.code(0).no_leak(CORE);
    let j = r.json();
    assert_eq!(
        (j["store"].as_str(), j["action"].as_str(), j["changed"].as_bool()),
        (Some("keychain"), Some("set"), Some(true))
    );
    assert_eq!(j["env_key"], "KC_TEST_KEY");
    let bin = crate::support::bin();
    let cfg = home.read("config.toml");
    let want = format!("auth = {{ command = {:?}, args = [\"key\", \"get\", \"{id}\"] }}", bin.display().to_string());
    assert!(cfg.contains(&want), "{cfg}");
    assert!(!cfg.contains("env_key"), "Codex refuses env_key next to auth:\n{cfg}");
    assert_eq!(j["auth_command"][0], bin.display().to_string());

    // `key get` into a pipe prints the key and nothing else.
    let got = home.run(&["key", "get", &id]);
    assert_eq!((got.code, got.stdout.as_str(), got.stderr.as_str()), (0, format!("{CANARY}\n").as_str(), ""));

    // Real Codex, no variable exported (the helper's environment is scrubbed) and no .env.
    for codex_bin in &bins {
        let out = codex::exec_bin(codex_bin, home.path(), &[], &[], Duration::from_secs(120));
        assert!(
            !out.timed_out && out.code == Some(0) && out.stdout.contains("hi from fake"),
            "{}: {out:?}",
            codex_bin.display()
        );
        assert!(!out.stdout.contains(CORE) && !out.stderr.contains(CORE));
    }
    assert!(!home.path().join(".env").exists());
    let posts: Vec<_> = server.requests().into_iter().filter(|q| q.path.ends_with("/responses")).collect();
    assert!(posts.len() >= bins.len(), "{posts:?}");
    for q in &posts {
        assert_eq!(q.header("authorization"), Some(format!("Bearer {CANARY}").as_str()));
    }

    // Our own commands get the key the same way; none prints it.
    let p = home.run(&["probe", &id, "--json"]);
    p.code(0).no_leak(CORE);
    assert_eq!(p.json()["checks"][0]["summary"], format!("key from auth.command ({} chars)", CANARY.len()));
    let d = home.run(&["doctor", "--offline", "--json"]);
    d.no_leak(CORE);
    let key = &d.json()["checks"]["env.key"];
    assert_eq!(key["status"], "ok", "{key}");
    assert!(key["summary"].as_str().unwrap().contains("key in the keychain, served by `auth.command`"), "{key}");
    for args in [vec!["models", id.as_str()], vec!["show", id.as_str(), "--json"], vec!["list"], vec!["export"]] {
        home.run(&args).code(0).no_leak(CORE);
    }
    let exported = home.run(&["export", &id]).stdout;
    assert!(exported.contains("[\"key\", \"get\""), "a team file keeps the command:\n{exported}");
    // HOME of every child is under CODEX_HOME here: one walk covers both.
    assert_no_key_in_files(home.path(), "codex exec through auth.command");

    // `key unset`: out of the keychain, env_key back where Codex reads it, and it works.
    let r = home.run(&["key", "unset", &id, "--json"]);
    r.code(0);
    assert_eq!(r.json()["env_key"], "KC_TEST_KEY");
    let cfg = home.read("config.toml");
    assert!(cfg.contains("env_key = \"KC_TEST_KEY\"") && !cfg.contains("auth"), "{cfg}");
    let gone = home.run(&["key", "get", &id]);
    assert_eq!((gone.code, gone.stdout.as_str()), (1, ""));
    assert!(gone.stderr.contains(&format!("`codex-provider key set {id} --keychain`")), "{}", gone.stderr);
    let before = server.requests().len();
    let out = codex::exec_bin(
        &bins[0],
        home.path(),
        &[],
        &[("KC_TEST_KEY", "sk-after-unset-0a1b2c3d")],
        Duration::from_secs(120),
    );
    assert!(out.code == Some(0) && out.stdout.contains("hi from fake"), "{out:?}");
    let last = server.requests()[before..].iter().rev().find(|q| q.path.ends_with("/responses")).cloned().unwrap();
    assert_eq!(last.header("authorization"), Some("Bearer sk-after-unset-0a1b2c3d"));
}

#[test]
fn key_set_keychain_refuses_what_codex_would_refuse_and_keeps_the_config() {
    if !keychain_or_skip() {
        return;
    }
    let home = Home::new();
    let id = unique_id("refuse");
    let _entry = Entry { id: id.clone() };
    let own = format!(
        "[model_providers.{id}]\nname = \"x\"\nbase_url = \"http://127.0.0.1:9/v1\"\nauth = {{ command = \"/usr/bin/gcloud\", args = [\"auth\", \"print-access-token\"] }}\n"
    );
    home.write("config.toml", &own);
    let r = key_set_keychain(&home, &id, CANARY, &[]);
    r.code(1).no_leak(CORE);
    assert!(r.stderr.contains("its own auth.command"), "{}", r.stderr);
    assert_eq!(home.read("config.toml"), own);
    let r = key_set_keychain(&home, "openai", CANARY, &[]);
    r.code(2).no_leak(CORE);
    let r = key_set_keychain(&home, "nope", CANARY, &[]);
    r.code(2).no_leak(CORE);
    // `key set` (the .env one) on a keychain provider says how to go either way.
    let gone = if cfg!(windows) { r"C:\x\codex-provider.exe" } else { "/x/codex-provider" };
    home.write(
        "config.toml",
        &format!("[model_providers.{id}]\nname = \"x\"\nauth = {{ command = '{gone}', args = [\"key\", \"get\", \"{id}\"] }}\n"),
    );
    let r = home.run(&["key", "set", &id]);
    r.code(2);
    assert!(r.stderr.contains("--keychain") && r.stderr.contains("key unset"), "{}", r.stderr);
    // A stale path (a reinstall moved the binary): doctor fails env.key and says how to fix.
    let d = home.run(&["doctor", "--offline", "--json", "--provider", &id]);
    let key = &d.json()["checks"]["env.key"];
    assert_eq!(key["status"], "fail", "{key}");
    assert!(key["summary"].as_str().unwrap().contains(&format!("{gone} does not exist")), "{key}");
    assert!(key["remediation"].as_str().unwrap().contains(&format!("key set {id} --keychain")), "{key}");
}

/// No keychain reachable (no D-Bus session): one line, naming `key set` without --keychain,
/// and nothing written. Needs no keychain, so it always runs (Linux: the Secret Service).
#[cfg(target_os = "linux")] // the Secret Service over D-Bus: taken away by unsetting its bus
#[test]
fn without_a_keychain_key_set_says_so_in_one_line_and_writes_nothing() {
    use crate::support::Run;
    use std::process::Stdio;
    let home = Home::new();
    let text = "[model_providers.gw]\nname = \"x\"\nenv_key = \"GW_KEY\"\n";
    home.write("config.toml", text);
    let runtime = tempfile::tempdir().unwrap();
    let mut c = home.cmd(&["key", "set", "gw", "--keychain"]);
    c.env_remove("DBUS_SESSION_BUS_ADDRESS").env("XDG_RUNTIME_DIR", runtime.path());
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{CANARY}\n").as_bytes());
    let r = Run::from(child.wait_with_output().unwrap());
    r.code(1).no_leak(CORE);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("no OS keychain is reachable"), "{}", r.stderr);
    assert!(r.stderr.contains("`codex-provider key set gw`"), "{}", r.stderr);
    assert_eq!(home.read("config.toml"), text);
    assert!(!home.path().join(".env").exists());
    let mut c = home.cmd(&["key", "get", "gw"]);
    c.env_remove("DBUS_SESSION_BUS_ADDRESS").env("XDG_RUNTIME_DIR", runtime.path());
    let r = Run::from(c.output().unwrap());
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.lines().count()), (1, "", 1), "{}", r.stderr);
}

/// `remove ID` deletes the key `key set ID --keychain` stored (nothing would ever read it
/// again), and leaves alone an entry of a provider that does not read its key from there.
#[test]
fn remove_deletes_the_keychain_key_only_of_a_provider_that_reads_it() {
    if !keychain_or_skip() {
        return;
    }
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let (ours, other) = (unique_id("remove"), unique_id("remove-other"));
    let (_e1, _e2) = (Entry { id: ours.clone() }, Entry { id: other.clone() });
    let table = |id: &str| {
        format!("[model_providers.{id}]\nname = \"K\"\nbase_url = \"{}\"\nenv_key = \"KC_TEST_KEY\"\n", server.base())
    };
    home.write("config.toml", &format!("{}\n{}", table(&ours), table(&other)));
    key_set_keychain(&home, &ours, CANARY, &[]).code(0).no_leak(CORE);
    key_set_keychain(&home, &other, CANARY, &[]).code(0).no_leak(CORE);
    // `other` goes back to its env_key by hand: its keychain entry is no longer its key source.
    let text = home.read("config.toml");
    let start = text.find(&format!("[model_providers.{other}]")).unwrap();
    home.write("config.toml", &format!("{}{}", &text[..start], table(&other)));

    let r = home.run(&["remove", &ours, "--json"]);
    r.code(0).no_leak(CORE);
    assert_eq!(r.json()["keychain_key_deleted"], true, "{}", r.stdout);
    assert!(r.stderr.contains(&format!("Deleted its key from {}.", store_name())), "{}", r.stderr);
    assert!(r.stderr.contains("`undo` brings the provider back without its key"), "{}", r.stderr);
    let r = home.run(&["key", "get", &ours]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("no key for `{ours}`")), "{}", r.stderr);

    let r = home.run(&["remove", &other, "--json"]);
    r.code(0).no_leak(CORE);
    assert_eq!(r.json()["keychain_key_deleted"], false, "{}", r.stdout);
    assert!(!r.stderr.contains("Deleted its key"), "{}", r.stderr);
    // Still there (its value goes to a pipe, so it is not shown; only its length is compared).
    let r = home.run(&["key", "get", &other]);
    assert_eq!((r.code, r.stdout.trim().len()), (0, CANARY.len()), "{}", r.stderr);
}

/// `rename OLD NEW` moves the keychain entry with the provider: `key get NEW` serves the key,
/// the config runs `key get NEW`, and `OLD` holds nothing any more.
#[test]
fn rename_moves_the_keychain_key_with_the_provider() {
    if !keychain_or_skip() {
        return;
    }
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    let (old, new) = (unique_id("rename-old"), unique_id("rename-new"));
    let (_e1, _e2) = (Entry { id: old.clone() }, Entry { id: new.clone() });
    home.write("config.toml", &config(&old, &server.base()));
    key_set_keychain(&home, &old, CANARY, &[]).code(0).no_leak(CORE);

    let r = home.run(&["rename", &old, &new, "--json"]);
    r.code(0).no_leak(CORE);
    assert_eq!(r.json()["keychain_key_moved"], true, "{}", r.stdout);
    let moved = format!("Moved its key in {} from `{old}` to `{new}`.", store_name());
    assert!(r.stderr.contains(&moved), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("`undo` goes back to `key get {old}`")), "{}", r.stderr);
    let text = home.read("config.toml");
    assert!(text.contains(&format!("args = [\"key\", \"get\", \"{new}\"]")), "{text}");
    assert!(!text.contains(&old), "{text}");
    // The command is the plain path (Windows: `C:\…`, never the verbatim `\\?\C:\…`).
    assert!(!text.contains(r"\\?\"), "{text}");
    let r = home.run(&["key", "get", &new]);
    assert_eq!((r.code, r.stdout.trim().len()), (0, CANARY.len()), "{}", r.stderr);
    let r = home.run(&["key", "get", &old]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    // And it is the keychain's provider still: `key unset NEW` deletes the entry, env_key back.
    let r = home.run(&["key", "unset", &new]);
    r.code(0);
    assert!(home.read("config.toml").contains("env_key = \"KC_TEST_KEY\""), "{}", home.read("config.toml"));
}
