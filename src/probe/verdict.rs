//! What the answers mean: one [`Judged`] (verdict, what happened, what to do, and a typed
//! [`Suggestion`]) per exchange, from the status, the server's own message and the stream.

use reqwest::Url;
use serde_json::Value;

use super::client::{self, Cut, Exchange, Fail, Http};
use super::model_ids::models_count;
pub use super::model_ids::{closest_models, model_ids};
use super::sse::Outcome;
use super::{Options, Status, Suggestion, Target, Verdict};

const MAX_MSG: usize = 200;

const HINT_UNREACHABLE: &str = "check the host and port (is the server running? VPN/proxy?); Codex itself would retry \"waiting for network\" forever";
const HINT_TLS_PLAIN: &str = "if the port speaks plain HTTP, use http:// in base_url; for a private CA, point SSL_CERT_FILE or CODEX_CA_CERTIFICATE at its PEM bundle";
const HINT_TLS: &str = "for a private CA, point SSL_CERT_FILE or CODEX_CA_CERTIFICATE at its PEM bundle; check the host name matches the certificate (plain HTTP port? use http://)";
const HINT_TIMEOUT: &str =
    "retry with a larger --timeout; check proxies (HTTPS_PROXY / NO_PROXY) and that the server is not overloaded";
const HINT_BAD_REQUEST: &str =
    "the server refused Codex's request shape; check the model and that the endpoint fully supports the Responses API";
const HINT_NOT_SSE: &str = "the endpoint ignores `stream: true`; Codex needs SSE (it would fail with `stream closed before response.completed`): use a Responses-capable endpoint or a bridge (LiteLLM)";
const HINT_SILENT: &str = "Codex would exit 0 and print nothing; the endpoint's Responses streaming is incomplete (use a bridge such as LiteLLM, or report it to the vendor)";
const HINT_STREAM_ERROR: &str = "this is the server's own message; Codex would stop with it (or lose it and say `stream closed before response.completed`)";
const HINT_BROKEN: &str = "Codex would retry, then fail with `stream disconnected before completion`; the server must end with response.completed carrying response.id";

/// What one `POST /responses` answer means for Codex.
#[derive(Debug, Clone)]
pub struct Judged {
    pub verdict: Verdict,
    /// One line: what happened.
    pub summary: String,
    /// One line: what to do.
    pub hint: Option<String>,
    pub suggestion: Option<Suggestion>,
}

impl Judged {
    fn new(verdict: Verdict, summary: String, hint: Option<String>) -> Judged {
        Judged { verdict, summary, hint, suggestion: None }
    }
    fn suggest(mut self, s: Suggestion) -> Judged {
        self.suggestion = Some(s);
        self
    }
}

/// What the verdict depends on besides the exchange itself.
pub struct Asked<'a> {
    pub target: &'a Target,
    /// The model sent (configured, or Codex's default).
    pub model: &'a str,
    /// The ids `/models` listed, when it listed any.
    pub ids: Option<&'a [String]>,
    pub opts: &'a Options,
}

/// The follow-up requests sent when `/responses` did not answer as an API would.
#[derive(Default, Clone, Copy)]
pub struct Fallbacks<'a> {
    pub chat: Option<&'a Exchange>,
    pub v1: Option<&'a Exchange>,
    /// `GET {base}/v1/models`, sent with `v1`, and the ids it listed.
    pub v1_models: Option<&'a Exchange>,
    pub v1_ids: Option<&'a [String]>,
}

pub fn status_text(x: &Exchange) -> String {
    match &x.result {
        Ok(h) => {
            let reason = reqwest::StatusCode::from_u16(h.status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
            format!("{} {reason}", h.status).trim_end().to_string()
        }
        Err(Fail::Unreachable(m) | Fail::Tls(m) | Fail::Timeout(m) | Fail::Other(m)) => truncate(m),
    }
}

/// What happened on one exchange, as "METHOD url → 401 Unauthorized: server message".
fn happened(x: &Exchange) -> String {
    let msg = x.http().and_then(server_message).map(|m| format!(": {m}")).unwrap_or_default();
    format!("{} {} → {}{msg}", x.method, x.url, status_text(x))
}

pub fn truncate(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= MAX_MSG { one } else { format!("{}…", one.chars().take(MAX_MSG).collect::<String>()) }
}

/// The server's own error message, when it gives one.
fn server_message(h: &Http) -> Option<String> {
    if let Some(j) = h.json() {
        let pick =
            ["/error/message", "/error", "/message", "/detail", "/error/msg", "/detail/0/msg", "/errors/0/message"]
                .iter()
                .find_map(|p| {
                    j.pointer(p).and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string)
                });
        return pick.map(|m| truncate(&m));
    }
    if h.content_type.contains("html") || h.is_sse() {
        return None;
    }
    let t = h.text();
    let t = t.trim();
    if t.is_empty() { None } else { Some(truncate(t)) }
}

pub fn mentions_missing_model(h: &Http) -> bool {
    let code = h.json().and_then(|j| j.pointer("/error/code").and_then(Value::as_str).map(str::to_string));
    if code.as_deref() == Some("model_not_found") {
        return true;
    }
    server_message(h).is_some_and(|m| message_says_missing_model(&m))
}

fn message_says_missing_model(m: &str) -> bool {
    let m = m.to_ascii_lowercase();
    m.contains("model")
        && [
            "not found",
            "does not exist",
            "not exist",
            "unknown model",
            "invalid model",
            "no such model",
            "model_not_found",
            "not available",
            "unsupported model",
        ]
        .iter()
        .any(|w| m.contains(w))
}

/// A chat-only endpoint's way out: our own bridge (codex-relay in front, started by
/// `bridge start` for a saved provider or `add … --bridge` for a new one).
fn chat_only_hint(t: &Target) -> String {
    let how = match &t.provider {
        Some(id) => format!(
            "`codex-provider bridge start {id}` runs codex-relay in front of it (when adding it: `codex-provider add {id} … --bridge`)"
        ),
        None => {
            let shown = Url::parse(&t.base_url).map(|u| client::shown_url(&u)).unwrap_or_else(|_| t.base_url.clone());
            format!("add it through codex-relay: `codex-provider add ID --base-url {shown} --bridge`")
        }
    };
    format!("Codex 0.95+ speaks only the Responses API: {how}, or use the vendor's Responses-capable endpoint")
}

/// The `models` check: status, summary and hint.
pub fn models_check(x: &Exchange, ids: Option<&[String]>, t: &Target, model: &str) -> (Status, String, Option<String>) {
    let what = format!("GET {}", x.url);
    match (&x.result, ids) {
        (Ok(_), Some(ids)) => {
            if ids.iter().any(|i| i == model) || t.model.is_none() && ids.is_empty() {
                (Status::Pass, format!("{what}: {}, `{model}` listed", models_count(ids.len())), None)
            } else {
                let near = closest_models(model, ids);
                let hint = if near.is_empty() { None } else { Some(format!("closest listed: {}", near.join(", "))) };
                (Status::Warn, format!("{what}: {}; `{model}` is not listed", models_count(ids.len())), hint)
            }
        }
        (Ok(h), None) if h.status == 404 => {
            (Status::Warn, format!("{what} → 404 (many gateways have no /models; Codex does not need it)"), None)
        }
        (Ok(h), None) if h.status == 401 || h.status == 403 => (Status::Fail, happened(x), None),
        (Ok(h), None) if (200..300).contains(&h.status) => {
            (Status::Warn, format!("{what} → {}: not a model list", status_text(x)), None)
        }
        _ => (Status::Warn, happened(x), None),
    }
}

/// What the `POST /responses` exchange `x` means, with the fallbacks sent after it.
pub fn responses(x: &Exchange, fb: Fallbacks, a: &Asked) -> Judged {
    let (t, model, ids, opts) = (a.target, a.model, a.ids, a.opts);
    let what = happened(x);
    let h = match &x.result {
        Err(Fail::Unreachable(m)) => {
            return Judged::new(
                Verdict::Unreachable,
                format!("{} {}: {}", x.method, x.url, truncate(m)),
                Some(HINT_UNREACHABLE.into()),
            );
        }
        Err(Fail::Tls(m)) => {
            let low = m.to_ascii_lowercase();
            let plain = ["corrupt message", "invalidcontenttype", "handshake eof", "unexpected eof"]
                .iter()
                .any(|w| low.contains(w));
            let hint = if plain { HINT_TLS_PLAIN } else { HINT_TLS };
            return Judged::new(
                Verdict::Tls,
                format!("{} {}: TLS failed: {}", x.method, x.url, truncate(m)),
                Some(hint.into()),
            );
        }
        Err(Fail::Timeout(m)) => {
            return Judged::new(
                Verdict::Timeout,
                format!("{} {}: {m} after {}", x.method, x.url, client::secs(opts.timeout)),
                Some(HINT_TIMEOUT.into()),
            );
        }
        Err(Fail::Other(m)) => {
            return Judged::new(
                Verdict::Unreachable,
                format!("{} {}: {}", x.method, x.url, truncate(m)),
                Some("the connection failed before an HTTP answer; check the URL, port and any proxy".into()),
            );
        }
        Ok(h) => h,
    };
    let msg = server_message(h);
    match h.status {
        300..=399 => {
            if let Some(j) = add_v1(&format!("{what} (a redirect)"), fb, model, t, true) {
                return Judged { verdict: Verdict::Redirect, ..j };
            }
            let loc = h.location.clone().unwrap_or_else(|| "(no Location)".into());
            let target = Url::parse(&x.url).ok().and_then(|u| u.join(&loc).ok());
            let shown = target.as_ref().map(client::shown_url).unwrap_or_else(|| truncate(&loc));
            let suggested = shown.strip_suffix("/responses").map(str::to_string);
            let hint = match &suggested {
                Some(s) => format!("set base_url = \"{s}\" (Codex does not re-send the key across hosts)"),
                None => format!(
                    "the server sends a web page ({shown}), not the API: set base_url to the API root the vendor documents (often ending in /v1)"
                ),
            };
            let j = Judged::new(
                Verdict::Redirect,
                format!("{} {} → {} to {shown}", x.method, x.url, status_text(x)),
                Some(hint),
            );
            match suggested {
                Some(base_url) => j.suggest(Suggestion::FollowRedirect { base_url }),
                None => j,
            }
        }
        401 | 403 => {
            let hint = match (&t.env_key, &t.api_key) {
                (Some(var), Some(k)) => format!(
                    "the server rejected the key in {}: check its value and that it belongs to this endpoint",
                    crate::redact::set_chars(var, k.chars(), None)
                ),
                (None, Some(_)) if t.auth_command.is_some() => {
                    "the server rejected the key the provider's auth.command printed: check the stored key (`codex-provider key set ID --keychain` replaces it)".into()
                }
                (None, Some(_)) => "the server rejected the configured bearer token; check it".into(),
                _ => "no key was sent: set env_key on the provider and export that variable".into(),
            };
            Judged::new(Verdict::Auth, what, Some(hint))
        }
        404 | 405 if mentions_missing_model(h) => model_missing(what, model, ids),
        404 | 405 => {
            if let Some(j) = add_v1(&what, fb, model, t, false) {
                return j;
            }
            if fb.chat.is_some_and(|c| c.status().is_some_and(|s| (200..300).contains(&s))) {
                return Judged::new(
                    Verdict::ChatOnly,
                    format!("{what}; /chat/completions works: this is a Chat Completions-only endpoint"),
                    Some(chat_only_hint(t)),
                );
            }
            let base = t.base_url.trim_end_matches('/');
            for tail in ["/responses", "/chat/completions"] {
                if let Some(root) = base.strip_suffix(tail) {
                    let shown = Url::parse(root).map(|u| client::shown_url(&u)).unwrap_or(root.to_string());
                    return Judged::new(
                        Verdict::NotFound,
                        what,
                        Some(format!("base_url must be the API root: drop {tail} (base_url = \"{shown}\")")),
                    )
                    .suggest(Suggestion::DropSuffix { suffix: tail, base_url: shown });
                }
            }
            Judged::new(
                Verdict::NotFound,
                what,
                Some("check base_url: it must be the API root that serves /responses (often ending in /v1)".into()),
            )
        }
        429 => Judged::new(
            Verdict::RateLimited,
            what,
            Some(
                "wait, or check the account's quota and billing; Codex stops at once on 429 without Retry-After".into(),
            ),
        ),
        500..=599 => Judged::new(
            Verdict::ServerError,
            what,
            Some(
                "the server failed, not the config: retry later (Codex retries 5xx for about 25 s before giving up)"
                    .into(),
            ),
        ),
        400..=499 => {
            let listed_missing = ids.is_some_and(|ids| !ids.is_empty() && !ids.iter().any(|i| i == model));
            if mentions_missing_model(h)
                || (h.status == 400 || h.status == 422)
                    && listed_missing
                    && msg.as_deref().is_some_and(|m| m.to_ascii_lowercase().contains("model"))
            {
                return model_missing(what, model, ids);
            }
            let hint = if listed_missing {
                let near = closest_models(model, ids.unwrap_or_default());
                if near.is_empty() {
                    format!("`{model}` is not in the endpoint's model list; pick a listed model (--model)")
                } else {
                    format!("`{model}` is not in the endpoint's model list; try {}", near.join(", "))
                }
            } else {
                HINT_BAD_REQUEST.into()
            };
            Judged::new(Verdict::BadRequest, what, Some(hint))
        }
        200..=299 if h.content_type.contains("text/html") => {
            let at = format!("{} {} → {} with an HTML page", x.method, x.url, status_text(x));
            if let Some(j) = add_v1(&at, fb, model, t, true) {
                return Judged { verdict: Verdict::Html, ..j };
            }
            Judged::new(
                Verdict::Html,
                at,
                Some(
                    "this URL is a web page, not the API root; use the API base URL (often https://api.<host>/v1)"
                        .into(),
                ),
            )
        }
        200..=299 => compressed_for_old_codex(x, h).unwrap_or_else(|| stream_verdict(x, h)),
        _ => Judged::new(Verdict::BadRequest, what, Some("unexpected status for POST /responses".into())),
    }
}

/// Whether `/responses` may be missing `/v1`: base_url's path does not end in `/v1`.
pub fn lacks_v1(base: &Url) -> bool {
    !base.path().trim_end_matches('/').ends_with("/v1")
}

/// "add /v1" when `{base}/v1` answered like an API root (`strict`: not with a redirect or a
/// web page either, for the redirect and HTML cases). Proven (the suggestion `add` acts on):
/// `/v1/responses` answered 2xx, or 404/405 with a model error (a gateway that checks model
/// ids and does not serve `model`), or `/v1/models` listed models. Merely answering (401,
/// 5xx, 400) only suggests it.
fn add_v1(what: &str, fb: Fallbacks, model: &str, t: &Target, strict: bool) -> Option<Judged> {
    let v = fb.v1?;
    let page = v.http().is_some_and(|h| h.content_type.contains("text/html"));
    let refused = |s: u16| strict && ((300..400).contains(&s) || page);
    let model_error = v.http().is_some_and(|h| matches!(h.status, 404 | 405) && mentions_missing_model(h));
    let listed = fb.v1_models.filter(|m| m.status().is_some_and(|s| (200..300).contains(&s))).zip(fb.v1_ids);
    let base = format!("{}/v1", t.base_url.trim_end_matches('/'));
    let shown = Url::parse(&base).map(|u| client::shown_url(&u)).unwrap_or(base);
    let ids = fb.v1_ids.unwrap_or_default();
    let pick = if ids.is_empty() {
        "; then set a model it serves (--model)".to_string()
    } else {
        let more = if ids.len() > 5 { ", …" } else { "" };
        format!(
            "; then set a model it serves (--model): {}{more}",
            ids.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        )
    };
    let (seen, proven, hint_tail) = match v.status() {
        Some(s) if (200..300).contains(&s) && !refused(s) => {
            (format!("{} answers {}", v.url, status_text(v)), true, String::new())
        }
        Some(_) if model_error => {
            let msg = v.http().and_then(server_message).map(|m| format!(" ({m})")).unwrap_or_default();
            (
                format!(
                    "{} answers {} with a model error{msg}: `{model}` is not served there, so {shown} is the API root",
                    v.url,
                    status_text(v)
                ),
                true,
                pick,
            )
        }
        _ if listed.is_some() => {
            let (m, ids) = listed?;
            (format!("GET {} lists {} models: {shown} is the API root", m.url, ids.len()), true, pick)
        }
        Some(s) if matches!(s, 404 | 405) || refused(s) => return None,
        Some(_) => (format!("{} answers {}", v.url, status_text(v)), false, String::new()),
        None => return None,
    };
    let j = Judged::new(
        Verdict::NotFound,
        format!("{what}; but {seen}"),
        Some(format!("add /v1: base_url = \"{shown}\"{hint_tail}")),
    );
    Some(j.suggest(Suggestion::AddV1 { base_url: shown, proven }))
}

fn model_missing(what: String, model: &str, ids: Option<&[String]>) -> Judged {
    let near = ids.map(|ids| closest_models(model, ids)).unwrap_or_default();
    let hint = if near.is_empty() {
        if ids.is_some_and(|i| !i.is_empty()) {
            format!(
                "`{model}` is not served here; pick {} (--model)",
                match ids.map_or(0, <[String]>::len) {
                    1 => "the one listed model".to_string(),
                    n => format!("one of the {n} listed models"),
                }
            )
        } else {
            format!("`{model}` is not served here; set model to one the endpoint offers (--model)")
        }
    } else {
        format!("use {} (e.g. model = \"{}\")", near.join(", "), near[0])
    };
    Judged::new(Verdict::ModelNotFound, what, Some(hint))
}

/// Codex before `COMPRESSION_SINCE` cannot read a compressed stream (`UTF8 error: invalid
/// utf-8 sequence`), even though the probe decodes it.
fn compressed_for_old_codex(x: &Exchange, h: &Http) -> Option<Judged> {
    let enc = h.encoding?;
    let release = crate::codex::current();
    if release.decodes_compressed() || !h.is_sse() {
        return None;
    }
    Some(Judged::new(
        Verdict::BadStream,
        format!(
            "{} {} → {}: a {enc}-compressed stream, which Codex {} cannot read",
            x.method,
            x.url,
            status_text(x),
            release.version()
        ),
        Some(format!(
            "Codex {} fails with `UTF8 error: invalid utf-8 sequence`: upgrade Codex (it decodes them since {}) or turn off compression for this endpoint",
            release.version(),
            crate::codex::COMPRESSION_SINCE
        )),
    ))
}

fn stream_verdict(x: &Exchange, h: &Http) -> Judged {
    let at = format!("{} {} → {}", x.method, x.url, status_text(x));
    let Some((outcome, events)) = &h.stream else {
        let ct = if h.content_type.is_empty() { "no content type".to_string() } else { h.content_type.clone() };
        return Judged::new(
            Verdict::NotSse,
            format!("{at} with {ct}, not text/event-stream"),
            Some(HINT_NOT_SSE.into()),
        );
    };
    match (outcome, &h.cut) {
        (Outcome::Pass { text, tool_calls }, _) => {
            let got = if tool_calls.is_empty() {
                format!("text {:?}", truncate(text))
            } else {
                format!("tool call {}", tool_calls.join(", "))
            };
            Judged::new(Verdict::Ok, format!("{at}: streamed {events} events, {got}"), None)
        }
        (Outcome::Silent(why), _) => {
            Judged::new(Verdict::BadStream, format!("{at}: stream completed but {why}"), Some(HINT_SILENT.into()))
        }
        (Outcome::Failed { code, message }, _) => {
            let m = truncate(message);
            let code_s = code.as_deref().unwrap_or("");
            let v = if message_says_missing_model(&m) || code_s == "model_not_found" {
                Verdict::ModelNotFound
            } else if code_s.contains("rate_limit") {
                Verdict::RateLimited
            } else if code_s.is_empty() || code_s == "server_error" {
                Verdict::ServerError
            } else {
                Verdict::BadRequest
            };
            let c = code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
            Judged::new(v, format!("{at}: the stream reported an error{c}: {m}"), Some(HINT_STREAM_ERROR.into()))
        }
        (Outcome::Incomplete(reason), _) if reason == "max_output_tokens" => Judged::new(
            Verdict::Ok,
            format!("{at}: streamed {events} events, stopped at the probe's small max_output_tokens"),
            None,
        ),
        (Outcome::Incomplete(reason), _) => Judged::new(
            Verdict::BadStream,
            format!("{at}: response.incomplete ({reason})"),
            Some(format!("Codex would stop with `Incomplete response returned, reason: {reason}`")),
        ),
        (Outcome::Broken(_), Some(Cut::Timeout)) => Judged::new(
            Verdict::Timeout,
            format!("{at}, but no response.completed arrived in time ({events} events)"),
            Some("the stream stalls: retry with a larger --timeout, or check the server".into()),
        ),
        (Outcome::Broken(_), Some(Cut::TooLarge)) => Judged::new(
            Verdict::BadStream,
            format!("{at}: over {} MiB of stream without response.completed ({events} events)", super::MAX_BODY >> 20),
            Some("the stream never completes; Codex would hang until its idle timeout".into()),
        ),
        (Outcome::Broken(why), cut) => {
            let extra = match cut {
                Some(Cut::Error(e)) => format!(" ({})", truncate(e)),
                _ => String::new(),
            };
            Judged::new(Verdict::BadStream, format!("{at}: {why}{extra}"), Some(HINT_BROKEN.into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_model_is_singular() {
        assert_eq!(models_count(1), "1 model");
        assert_eq!(models_count(0), "0 models");
    }

    #[test]
    fn closest_prefers_vendor_prefixed_same_name() {
        let ids: Vec<String> =
            ["anthropic/claude-4", "openai/gpt-5.4", "openai/gpt-5.4-mini", "openai/gpt-4o"].map(String::from).to_vec();
        let near = closest_models("gpt-5.4", &ids);
        assert_eq!(near.first().map(String::as_str), Some("openai/gpt-5.4"));
        assert!(!near.contains(&"anthropic/claude-4".to_string()));
        assert!(closest_models("zzzzzzzzzzzzzzzz", &ids).is_empty());
    }

    #[test]
    fn missing_model_messages() {
        assert!(message_says_missing_model("The model `gpt-9` does not exist or you do not have access to it."));
        assert!(message_says_missing_model("model \"x\" not found, try pulling it first"));
        assert!(!message_says_missing_model("invalid api key"));
    }
}
