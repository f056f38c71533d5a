//! A fake OpenAI-compatible endpoint on 127.0.0.1 for trying `codex-provider` by hand and for
//! benchmarks: prints its base URL (`http://127.0.0.1:PORT/v1`), then serves until killed.
//! Usage: `cargo run --example fake_server [LATENCY_MS]` (a delay before every answer).

use codex_provider_testkit::server;

fn main() {
    let ms: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let s = server::Server::start_with(server::Mode::Ok, std::time::Duration::from_millis(ms));
    println!("{}", s.base());
    loop {
        std::thread::park();
    }
}
