//! Helpers for the tests that use a real OS keychain (`keychain.rs`, `secrets.rs`, the keychain
//! examples of `json_docs.rs`): whether one answers, provider ids of a test's own, and an entry
//! removed again on drop.

use std::process::Stdio;

use crate::support::{Home, Run};

/// Whether a keychain answers here: `key get` of an id nobody stores says "no key" (reachable)
/// or "no OS keychain is reachable". Under CI an unreachable keychain fails the test.
pub fn keychain_or_skip() -> bool {
    let home = Home::new();
    let r = home.run(&["key", "get", "codex-provider-test-reachable"]);
    if r.code == 1 && r.stderr.contains("no key for `codex-provider-test-reachable` in") {
        return true;
    }
    let why = r.stderr.trim().to_string();
    if std::env::var_os("CI").is_some() {
        panic!("no OS keychain reachable under CI (run the tests inside `bash .ci/keyring ...`): {why}");
    }
    eprintln!("\n!!!!! SKIPPED: no OS keychain reachable ({why}); run inside `bash .ci/keyring cargo test` !!!!!\n");
    false
}

/// A provider id no other test (or run) uses.
pub fn unique_id(tag: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("cpt-{tag}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

/// Deletes the keychain entry of `id` when dropped (a failing test leaves nothing behind):
/// `key unset` with a config that names the provider as ours.
pub struct Entry {
    pub id: String,
}

impl Drop for Entry {
    fn drop(&mut self) {
        let home = Home::new();
        let bin = crate::support::bin();
        home.write(
            "config.toml",
            &format!(
                "[model_providers.{id}]\nname = \"x\"\nauth = {{ command = {bin:?}, args = [\"key\", \"get\", \"{id}\"] }}\n",
                id = self.id,
                bin = bin.display().to_string()
            ),
        );
        let _ = home.run(&["key", "unset", &self.id]);
    }
}

/// `key set ID --keychain` with `key` on stdin.
pub fn key_set_keychain(home: &Home, id: &str, key: &str, extra: &[&str]) -> Run {
    let mut args = vec!["key", "set", id, "--keychain"];
    args.extend(extra);
    let mut c = home.cmd(&args);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    // A refusal may come before the key is read: a closed pipe is not a failure here.
    let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{key}\n").as_bytes());
    Run::from(child.wait_with_output().unwrap())
}
