//! `cargo +nightly fuzz run config_edit`: arbitrary bytes through the config parser and
//! every editor operation (the property is `codex_provider_testkit::edit_check`; the same
//! property runs on stable in `tests/it/fuzz_stable.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| codex_provider_testkit::edit_check::check(data));
