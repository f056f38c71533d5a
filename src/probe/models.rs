//! `GET {base}/models` alone, for the `models` command: the same client, headers and key
//! handling as a probe, without the Responses request.

use reqwest::Method;

use super::client::{self, Read};
use super::verdict::{self, status_text};
use super::{Options, Target};

/// The endpoint's model ids, or one line saying why there are none.
pub fn list_models(t: &Target, opts: &Options) -> Result<Vec<String>, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    if let Some(Err(why)) = &t.auth_command {
        return Err(format!("the provider's auth.command gave no key ({why}), so nothing was asked"));
    }
    if let (Some(var), None) = (&t.env_key, &t.api_key) {
        return Err(format!("{var} is not set, so nothing was asked"));
    }
    let release = crate::codex::current();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let x = rt.block_on(async {
        let c = client::build(opts)?;
        Ok::<_, String>(
            client::send(&c, t, Method::GET, "models", None, &super::wire::plain_headers(release), Read::Buffer).await,
        )
    })?;
    let secrets: Vec<String> = t.api_key.iter().map(|k| k.expose().to_string()).filter(|k| k.len() >= 4).collect();
    match verdict::model_ids(&x) {
        Some(ids) => Ok(ids),
        None => Err(crate::redact::scrub(&format!("GET {} → {}", x.url, status_text(&x)), &secrets)),
    }
}
