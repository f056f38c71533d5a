//! A fake OpenAI-compatible endpoint on 127.0.0.1 for trying `codex-provider` by hand and for
//! benchmarks: prints its base URL (`http://127.0.0.1:PORT/v1`), then serves until killed.
//! Usage: `cargo run --example fake_server [LATENCY_MS] [--models ID,ID…]`: a delay before
//! every answer; with `--models`, a gateway that serves only those ids (`/models` lists them,
//! any other model gets 404 `model_not_found`).

use codex_provider_testkit::server;

fn main() {
    let mut ms = 0u64;
    let mut mode = server::Mode::Ok;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--models" {
            let ids = args.next().unwrap_or_default();
            mode = server::Mode::OwnModels(ids.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect());
        } else if let Ok(n) = a.parse() {
            ms = n;
        } else {
            eprintln!("usage: fake_server [LATENCY_MS] [--models ID,ID…]");
            std::process::exit(2);
        }
    }
    let s = server::Server::start_with(mode, std::time::Duration::from_millis(ms));
    println!("{}", s.base());
    loop {
        std::thread::park();
    }
}
