//! `GET {base}/models` as raw JSON, with the probe's client, headers, timeouts and body cap
//! (for `catalog`, which needs the fields beside each id, such as context lengths).

use reqwest::Method;
use serde_json::Value;

use super::client::{self, Fail, Read};
use super::{Options, Target, wire};

/// The parsed body of a 2xx `/models` answer, or one line saying what went wrong.
pub fn fetch_models(t: &Target, opts: &Options) -> Result<Value, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    // Ask the installed Codex (it blocks) before the runtime starts.
    let headers = wire::plain_headers(crate::codex::current_in(t.codex_home.as_deref()));
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    rt.block_on(async {
        let c = client::build(opts)?;
        let x = client::send(&c, t, Method::GET, "models", None, &headers, Read::Buffer).await;
        let what = format!("GET {}", x.url);
        match &x.result {
            Err(Fail::Unreachable(e) | Fail::Tls(e) | Fail::Timeout(e) | Fail::Other(e)) => Err(format!("{what}: {e}")),
            Ok(h) if !(200..300).contains(&h.status) => Err(format!("{what} → {}", h.status)),
            Ok(h) if h.cut.is_some() => Err(format!("{what}: the answer was cut off ({:?})", h.cut)),
            Ok(h) => h.json().ok_or_else(|| format!("{what}: the answer is not JSON")),
        }
    })
}
