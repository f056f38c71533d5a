//! The integration tests, as one binary: `support/` is compiled once, not once per file.
//! Run one group with `cargo test --test it NAME::` (for example `cases::`).
//!
//! `tests/manpage.rs` stays a binary of its own: it compiles `src/cli.rs` as its crate root
//! (cli.rs names `crate::complete`), which cannot live inside this crate.

mod support;

mod arch;
mod bridge;
mod cases;
mod catalog;
mod cli_contract;
mod completions;
mod doctor;
mod doctor_env_url;
mod doctor_fix;
mod field_edits;
mod fuzz_stable;
mod hardening;
mod interactive;
mod journeys;
mod json_docs;
mod keychain;
mod oracle;
mod oracle_config;
mod oracle_doctor;
mod oracle_releases;
mod presets;
mod probe;
mod probe_codex;
mod probe_hostile;
mod props;
mod provider_whole;
mod secrets;
mod threads;
mod toml_suite;
mod verbs;
mod version;
mod writes;
