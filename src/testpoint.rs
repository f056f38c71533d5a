//! Pause points for crash-safety tests: with `CODEX_PROVIDER_TEST_PAUSE=NAME` set, the
//! process prints `paused at NAME` to stderr and sleeps so a test can SIGKILL it there.
//! Compiled into debug builds only.

#[cfg(debug_assertions)]
pub fn pause(name: &str) {
    if crate::env::process_var("CODEX_PROVIDER_TEST_PAUSE").is_some_and(|v| v == name) {
        crate::ui::stderr_line(&format!("paused at {name}"));
        std::thread::sleep(std::time::Duration::from_secs(30));
    }
}

#[cfg(not(debug_assertions))]
pub fn pause(_name: &str) {}
