//! The `codex-provider` binary: see the library for everything.

fn main() -> std::process::ExitCode {
    codex_provider::run()
}
