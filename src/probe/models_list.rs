//! `GET {base}/models` as raw JSON, with the probe's client, headers, timeouts and body cap
//! (for `catalog`, which needs the fields beside each id, such as context lengths).

use reqwest::Method;
use serde_json::Value;

use super::client::{self, Fail, Read};
use super::error::ModelsError;
use super::{Options, Target, wire};

/// The parsed body of a 2xx `/models` answer, or one line saying what went wrong.
pub fn fetch_models(t: &Target, opts: &Options) -> Result<Value, ModelsError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(ModelsError::Runtime)?;
    rt.block_on(async {
        let c = client::build(opts)?;
        let headers = wire::plain_headers(crate::codex::current());
        let x = client::send(&c, t, Method::GET, "models", None, &headers, Read::Buffer).await;
        let request = format!("GET {}", x.url);
        match &x.result {
            Err(Fail::Unreachable(e) | Fail::Tls(e) | Fail::Timeout(e) | Fail::Other(e)) => {
                Err(ModelsError::NoAnswer { request, why: e.clone() })
            }
            Ok(h) if !(200..300).contains(&h.status) => Err(ModelsError::Status { request, status: h.status }),
            Ok(h) if h.cut.is_some() => Err(ModelsError::Cut { request, cut: format!("{:?}", h.cut) }),
            Ok(h) => h.json().ok_or(ModelsError::NotJson { request }),
        }
    })
}
