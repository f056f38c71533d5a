//! A fake OpenAI-compatible endpoint on 127.0.0.1 for trying `codex-provider` by hand and for
//! benchmarks: prints its base URL (`http://127.0.0.1:PORT/v1`), then serves until killed.
//! Usage: `cargo run --example fake_server`.

#[allow(dead_code)]
#[path = "../tests/support/server.rs"]
mod server;

fn main() {
    let s = server::Server::start(server::Mode::Ok);
    println!("{}", s.base());
    loop {
        std::thread::park();
    }
}
