//! What codex-provider's tests, its `fake_server` example and its fuzz target share, as one
//! dev-only crate (instead of `#[path]` includes): the fake OpenAI-compatible server on
//! 127.0.0.1 ([`server`]) and the config-edit property the fuzzer and the bounded stable run
//! check ([`edit_check`]).

pub mod edit_check;
pub mod server;
