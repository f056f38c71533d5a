//! `GET {base}/models` alone, with a probe's client, headers, timeouts, key handling and body
//! cap, without the Responses request: the ids for `models` (and `use`'s checks), the raw body
//! for `catalog` (which needs the fields beside each id, such as context lengths).

use reqwest::Method;
use serde_json::Value;

use super::client::{self, Fail, Read};
use super::error::ModelsError;
use super::verdict::{self, status_text};
use super::{Options, Target, block_on, wire};

/// The endpoint's model ids, or why there are none.
pub fn list_models(t: &Target, opts: &Options) -> Result<Vec<String>, ModelsError> {
    if let Some(Err(why)) = &t.auth_command {
        return Err(ModelsError::AuthCommand(why.clone()));
    }
    if let (Some(var), None) = (&t.env_key, &t.api_key) {
        return Err(ModelsError::KeyUnset { var: var.clone() });
    }
    let x = block_on(t.codex_home.as_deref(), async {
        let c = client::build(opts)?;
        let headers = wire::plain_headers(crate::codex::current_in(t.codex_home.as_deref()));
        Ok::<_, ModelsError>(client::send(&c, t, Method::GET, "models", None, &headers, Read::Buffer).await)
    })?;
    let secrets: Vec<String> = t.api_key.iter().map(|k| k.expose().to_string()).filter(|k| k.len() >= 4).collect();
    match verdict::model_ids(&x) {
        Some(ids) => Ok(ids),
        None => Err(ModelsError::NoIds {
            line: crate::redact::scrub(&format!("GET {} → {}", x.url, status_text(&x)), &secrets),
        }),
    }
}

/// The parsed body of a 2xx `/models` answer, or what went wrong.
pub fn fetch_models(t: &Target, opts: &Options) -> Result<Value, ModelsError> {
    block_on(t.codex_home.as_deref(), async {
        let c = client::build(opts)?;
        let headers = wire::plain_headers(crate::codex::current_in(t.codex_home.as_deref()));
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
