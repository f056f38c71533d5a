//! The real Codex CLI as an oracle (being built with the probe).
