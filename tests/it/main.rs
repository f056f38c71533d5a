//! The integration tests, as one binary: `support/` is compiled once, not once per file.
//! Run one group with `cargo test --test it NAME::` (for example `cases::`).
//!
//! `tests/manpage.rs` stays a binary of its own: it compiles `src/cli.rs` as its crate root
//! (cli.rs names `crate::complete`), which cannot live inside this crate.

mod support;

// On Windows (the Wine run of `.ci/windows`) these do not run, each for one reason:
// - `bridge`: drives codex-relay, the Linux binary from PyPI's manylinux wheel;
// - `catalog`: each test checks the catalog against the real Codex CLI;
// - `interactive`: needs a Unix pseudo-terminal (expectrl's unix session);
// - `oracle`, `oracle_config`, `oracle_doctor`, `oracle_releases`, `probe_codex`,
//   `provider_whole`, `threads`: run the real Codex CLI, a Linux binary Wine cannot wait for.
// Single tests elsewhere are `cfg(unix)` with their reason.

mod arch;
#[cfg(unix)]
mod bridge;
mod cases;
#[cfg(unix)] // every test runs the real Codex
mod catalog;
mod cli_contract;
mod completions;
mod doctor;
mod doctor_env_url;
mod doctor_fix;
mod field_edits;
mod fuzz_stable;
mod hardening;
#[cfg(unix)]
mod interactive;
mod journeys;
mod json_docs;
mod keychain;
#[cfg(unix)]
mod oracle;
#[cfg(unix)]
mod oracle_config;
#[cfg(unix)]
mod oracle_doctor;
#[cfg(unix)]
mod oracle_releases;
mod platform_smoke;
mod presets;
mod probe;
#[cfg(unix)]
mod probe_codex;
mod probe_hostile;
mod props;
#[cfg(unix)]
mod provider_whole;
mod secrets;
#[cfg(unix)]
mod threads;
mod toml_suite;
mod verbs;
mod version;
mod writes;
