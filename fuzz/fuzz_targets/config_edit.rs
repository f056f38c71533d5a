//! `cargo +nightly fuzz run config_edit`: arbitrary bytes through the config parser and
//! every editor operation (see `../check.rs`; the same property runs on stable in
//! `tests/it/fuzz_stable.rs`).
#![no_main]

#[path = "../check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
