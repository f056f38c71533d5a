//! From exchanges to a verdict: which requests to send (concurrently), what each answer
//! means for Codex, and the one-line summary and hint for each.

use std::time::Instant;

use reqwest::{Client, Method, Url};
use serde_json::Value;

use super::client::{self, Cut, Exchange, Fail, Http, Read};
use super::sse::Outcome;
use super::{CODEX_DEFAULT_MODEL, Check, Options, Report, Status, Target, TargetInfo, Verdict};

const MAX_MSG: usize = 200;

const HINT_TOOLS: &str = "Codex sends these tools: set `web_search = \"disabled\"` and `[features] multi_agent = false`, or use a bridge that drops them";
const HINT_UNREACHABLE: &str = "check the host and port (is the server running? VPN/proxy?); Codex itself would retry \"waiting for network\" forever";
const HINT_TLS_PLAIN: &str = "if the port speaks plain HTTP, use http:// in base_url; for a private CA, point SSL_CERT_FILE or CODEX_CA_CERTIFICATE at its PEM bundle";
const HINT_TLS: &str = "for a private CA, point SSL_CERT_FILE or CODEX_CA_CERTIFICATE at its PEM bundle; check the host name matches the certificate (plain HTTP port? use http://)";
const HINT_TIMEOUT: &str =
    "retry with a larger --timeout; check proxies (HTTPS_PROXY / NO_PROXY) and that the server is not overloaded";
const HINT_CHAT_ONLY: &str = "Codex 0.95+ speaks only the Responses API: put a bridge in front (LiteLLM proxy) or use the vendor's Responses-capable endpoint";
const HINT_BAD_REQUEST: &str =
    "the server refused Codex's request shape; check the model and that the endpoint fully supports the Responses API";
const HINT_NOT_SSE: &str = "the endpoint ignores `stream: true`; Codex needs SSE (it would fail with `stream closed before response.completed`): use a Responses-capable endpoint or a bridge (LiteLLM)";
const HINT_SILENT: &str = "Codex would exit 0 and print nothing; the endpoint's Responses streaming is incomplete (use a bridge such as LiteLLM, or report it to the vendor)";
const HINT_STREAM_ERROR: &str = "this is the server's own message; Codex would stop with it (or lose it and say `stream closed before response.completed`)";
const HINT_BROKEN: &str = "Codex would retry, then fail with `stream disconnected before completion`; the server must end with response.completed carrying response.id";

/// Probes one target. Every failure ends as a verdict in the report, never a panic or error.
pub async fn probe(client: Result<&Client, &String>, t: &Target, opts: &Options) -> Report {
    let started = Instant::now();
    let mut r = run_checks(Diag::new(t), client, t, opts).await;
    r.duration_ms = client::elapsed_ms(started);
    redact(&mut r, t);
    r
}

/// The accumulating result.
struct Diag {
    report: Report,
}

impl Diag {
    fn new(t: &Target) -> Diag {
        let mut base_url = Url::parse(&t.base_url)
            .map(|u| client::shown_url(&u))
            .unwrap_or_else(|_| crate::redact::shown(&t.base_url));
        // Url adds "/" to a bare host; keep the user's spelling.
        if base_url.ends_with('/') && !t.base_url.split(['?', '#']).next().unwrap_or("").ends_with('/') {
            base_url.pop();
        }
        Diag {
            report: Report {
                schema_version: 1,
                target: TargetInfo { provider: t.provider.clone(), base_url, model: t.model.clone() },
                verdict: Verdict::Ok,
                ok: true,
                duration_ms: 0,
                summary: String::new(),
                hint: None,
                suggested_base_url: None,
                checks: Vec::new(),
                models: Vec::new(),
            },
        }
    }
    fn check(&mut self, id: &str, status: Status, ex: Option<&Exchange>, summary: String, hint: Option<String>) {
        self.report.checks.push(Check {
            id: id.into(),
            status,
            http_status: ex.and_then(Exchange::status),
            duration_ms: ex.map(|e| e.ms),
            summary,
            hint,
        });
    }
    fn skip(&mut self, id: &str, why: &str) {
        self.check(id, Status::Skip, None, why.into(), None);
    }
    fn finish(mut self, v: Verdict, summary: String, hint: Option<String>) -> Report {
        self.report.verdict = v;
        self.report.ok = v == Verdict::Ok;
        self.report.summary = summary;
        self.report.hint = hint;
        self.report
    }
}

async fn run_checks(mut d: Diag, client: Result<&Client, &String>, t: &Target, opts: &Options) -> Report {
    // 1. The URL.
    let url_ok = Url::parse(&t.base_url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()));
    let Some(base) = url_ok else {
        let shown = if t.base_url.is_empty() {
            "(empty)".to_string()
        } else {
            format!("`{}`", crate::redact::shown(&t.base_url))
        };
        d.check("url", Status::Fail, None, format!("base_url {shown} is not an http(s) URL"), None);
        for id in ["models", "responses"] {
            d.skip(id, "not sent: invalid base_url");
        }
        return d.finish(
            Verdict::InvalidUrl,
            format!("base_url {shown} is not an absolute http(s) URL (Codex would fail with `builder error`)"),
            Some("set base_url to the API root, e.g. https://api.example.com/v1".into()),
        );
    };
    // 2. The key.
    match (&t.env_key, &t.api_key) {
        (Some(var), None) => {
            d.check("key", Status::Fail, None, format!("{var} is not set"), None);
            for id in ["models", "responses"] {
                d.skip(id, "not sent: no key");
            }
            return d.finish(
                Verdict::MissingKey,
                format!("{var} is not set (or blank), so Codex stops with `Missing environment variable: {var}`"),
                Some(format!("export {var}=... (or add {var}=... to $CODEX_HOME/.env)")),
            );
        }
        (Some(var), Some(k)) => {
            d.check("key", Status::Pass, None, crate::redact::set_chars(var, k.chars(), None), None)
        }
        (None, Some(k)) => {
            d.check("key", Status::Pass, None, crate::redact::set_chars("bearer token", k.chars(), None), None)
        }
        (None, None) => d.check("key", Status::Skip, None, "no env_key: requests carry no Authorization".into(), None),
    }
    let client = match client {
        Ok(c) => c,
        Err(e) => {
            d.skip("responses", "not sent");
            return d.finish(
                Verdict::Tls,
                format!("cannot set up TLS: {e}"),
                Some("point SSL_CERT_FILE / CODEX_CA_CERTIFICATE at a readable PEM file".into()),
            );
        }
    };
    // 3. The requests, all at once.
    let model = t.model.clone().unwrap_or_else(|| CODEX_DEFAULT_MODEL.to_string());
    if t.model.is_none() {
        let s = format!("no model configured: Codex sends its default `{CODEX_DEFAULT_MODEL}`, and so does this probe");
        d.check("model", Status::Warn, None, s, Some("set model (or pass --model) to one the endpoint serves".into()));
    }
    let body = client::responses_body(&model, false);
    let models_f = client::send(client, t, Method::GET, "models", None, &[], Read::Buffer);
    let resp_f = client::send(client, t, Method::POST, "responses", Some(&body), client::SSE_HEADERS, Read::Sse);
    let tools_f = async {
        if !opts.deep {
            return None;
        }
        let b = client::responses_body(&model, true);
        Some(client::send(client, t, Method::POST, "responses", Some(&b), client::SSE_HEADERS, Read::Sse).await)
    };
    let ws_f = async {
        if !(opts.deep && t.supports_websockets) {
            return None;
        }
        Some(client::send(client, t, Method::GET, "responses", None, client::WS_HEADERS, Read::Head).await)
    };
    let (models, resp, tools, ws) = tokio::join!(models_f, resp_f, tools_f, ws_f);

    let ids = model_ids(&models);
    d.report.models = ids.clone().unwrap_or_default();
    models_check(&mut d, &models, ids.as_deref(), t, &model);

    // 4. Fallbacks on 404/405: is it chat-only, or is /v1 missing?
    let mut chat = None;
    let mut v1 = None;
    if matches!(resp.status(), Some(404 | 405)) && !resp.http().is_some_and(mentions_missing_model) {
        let lacks_v1 = !base.path().trim_end_matches('/').ends_with("/v1");
        let cb = client::chat_body(&model);
        let chat_f = client::send(client, t, Method::POST, "chat/completions", Some(&cb), &[], Read::Buffer);
        let v1_f = async {
            if !lacks_v1 {
                return None;
            }
            Some(
                client::send(client, t, Method::POST, "v1/responses", Some(&body), client::SSE_HEADERS, Read::Sse)
                    .await,
            )
        };
        (chat, v1) = tokio::join!(async { Some(chat_f.await) }, v1_f);
    }

    let (v, summary, hint, suggested) =
        responses_verdict(&resp, chat.as_ref(), v1.as_ref(), t, &model, ids.as_deref(), opts);
    let st = if v == Verdict::Ok { Status::Pass } else { Status::Fail };
    d.check("responses", st, Some(&resp), summary.clone(), hint.clone());
    if let Some(c) = &chat {
        let works = c.status().is_some_and(|s| (200..300).contains(&s));
        let s = if works { "answers: a Chat Completions endpoint" } else { "does not answer either" };
        d.check(
            "chat_completions",
            Status::Skip,
            Some(c),
            format!("{} {} → {}: {s}", c.method, c.url, status_text(c)),
            None,
        );
    }
    if let Some(x) = &v1 {
        d.check("v1_responses", Status::Skip, Some(x), format!("{} {} → {}", x.method, x.url, status_text(x)), None);
    }
    d.report.suggested_base_url = suggested;
    let (mut v, mut summary, mut hint) = (v, summary, hint);

    // 5. --deep extras.
    if let Some(x) = &tools {
        let (vt, s, h, _) = responses_verdict(x, None, None, t, &model, ids.as_deref(), opts);
        if vt == Verdict::Ok {
            d.check(
                "provider.tools",
                Status::Pass,
                Some(x),
                "accepts Codex's namespace, custom and web_search tools".into(),
                None,
            );
        } else {
            d.check(
                "provider.tools",
                Status::Fail,
                Some(x),
                format!("with Codex's non-function tools: {s}"),
                Some(HINT_TOOLS.into()),
            );
            if v == Verdict::Ok {
                (v, summary, hint) = (
                    vt,
                    format!("plain request works, but with Codex's non-function tools: {s}"),
                    Some(HINT_TOOLS.into()),
                );
                let _ = h;
            }
        }
    }
    if let Some(x) = &ws {
        match x.status() {
            Some(101) => {
                d.check("websocket", Status::Pass, Some(x), format!("GET {} upgraded to WebSocket", x.url), None)
            }
            _ => d.check(
                "websocket",
                Status::Warn,
                Some(x),
                format!("WebSocket upgrade at {} → {}", x.url, status_text(x)),
                Some(
                    "Codex falls back to HTTPS after an error line; set supports_websockets = false to skip it".into(),
                ),
            ),
        }
    }
    d.finish(v, summary, hint)
}

fn status_text(x: &Exchange) -> String {
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

fn truncate(s: &str) -> String {
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

fn mentions_missing_model(h: &Http) -> bool {
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

fn model_ids(x: &Exchange) -> Option<Vec<String>> {
    let h = x.http().filter(|h| (200..300).contains(&h.status))?;
    let j = h.json()?;
    let mut ids = Vec::new();
    for item in j.get("data").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            ids.push(id.to_string());
        }
    }
    for item in j.get("models").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = item.get("slug").or_else(|| item.get("id")).and_then(Value::as_str) {
            ids.push(id.to_string());
        }
    }
    if ids.is_empty() && j.get("data").is_none() && j.get("models").is_none() {
        return None;
    }
    Some(ids)
}

/// Up to three listed ids closest to `model`: same name after a `vendor/` prefix first,
/// then by edit distance.
pub fn closest_models(model: &str, ids: &[String]) -> Vec<String> {
    let tail = |s: &str| s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
    let want = tail(model);
    let mut scored: Vec<(usize, &String)> = ids
        .iter()
        .filter_map(|id| {
            let t = tail(id);
            let d = if t == want { 0 } else { 1 + strsim::damerau_levenshtein(&want, &t) };
            let limit = 1 + 3.max(want.len() / 3);
            (d <= limit).then_some((d, id))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.len().cmp(&b.1.len())).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, id)| id.clone()).collect()
}

fn models_check(d: &mut Diag, x: &Exchange, ids: Option<&[String]>, t: &Target, model: &str) {
    let what = format!("GET {}", x.url);
    match (&x.result, ids) {
        (Ok(_), Some(ids)) => {
            if ids.iter().any(|i| i == model) || t.model.is_none() && ids.is_empty() {
                d.check(
                    "models",
                    Status::Pass,
                    Some(x),
                    format!("{what}: {} models, `{model}` listed", ids.len()),
                    None,
                );
            } else {
                let near = closest_models(model, ids);
                let hint = if near.is_empty() { None } else { Some(format!("closest listed: {}", near.join(", "))) };
                d.check(
                    "models",
                    Status::Warn,
                    Some(x),
                    format!("{what}: {} models; `{model}` is not listed", ids.len()),
                    hint,
                );
            }
        }
        (Ok(h), None) if h.status == 404 => d.check(
            "models",
            Status::Warn,
            Some(x),
            format!("{what} → 404 (many gateways have no /models; Codex does not need it)"),
            None,
        ),
        (Ok(h), None) if h.status == 401 || h.status == 403 => {
            d.check("models", Status::Fail, Some(x), happened(x), None)
        }
        (Ok(h), None) if (200..300).contains(&h.status) => {
            d.check("models", Status::Warn, Some(x), format!("{what} → {}: not a model list", status_text(x)), None)
        }
        _ => d.check("models", Status::Warn, Some(x), happened(x), None),
    }
}

type Verdicted = (Verdict, String, Option<String>, Option<String>);

fn responses_verdict(
    x: &Exchange,
    chat: Option<&Exchange>,
    v1: Option<&Exchange>,
    t: &Target,
    model: &str,
    ids: Option<&[String]>,
    opts: &Options,
) -> Verdicted {
    let what = happened(x);
    let h = match &x.result {
        Err(Fail::Unreachable(m)) => {
            return (
                Verdict::Unreachable,
                format!("{} {}: {}", x.method, x.url, truncate(m)),
                Some(HINT_UNREACHABLE.into()),
                None,
            );
        }
        Err(Fail::Tls(m)) => {
            let low = m.to_ascii_lowercase();
            let plain = ["corrupt message", "invalidcontenttype", "handshake eof", "unexpected eof"]
                .iter()
                .any(|w| low.contains(w));
            let hint = if plain { HINT_TLS_PLAIN } else { HINT_TLS };
            return (
                Verdict::Tls,
                format!("{} {}: TLS failed: {}", x.method, x.url, truncate(m)),
                Some(hint.into()),
                None,
            );
        }
        Err(Fail::Timeout(m)) => {
            return (
                Verdict::Timeout,
                format!("{} {}: {m} after {}", x.method, x.url, client::secs(opts.timeout)),
                Some(HINT_TIMEOUT.into()),
                None,
            );
        }
        Err(Fail::Other(m)) => {
            return (
                Verdict::Unreachable,
                format!("{} {}: {}", x.method, x.url, truncate(m)),
                Some("the connection failed before an HTTP answer; check the URL, port and any proxy".into()),
                None,
            );
        }
        Ok(h) => h,
    };
    let msg = server_message(h);
    match h.status {
        300..=399 => {
            let loc = h.location.clone().unwrap_or_else(|| "(no Location)".into());
            let target = Url::parse(&x.url).ok().and_then(|u| u.join(&loc).ok());
            let shown = target.as_ref().map(client::shown_url).unwrap_or_else(|| truncate(&loc));
            let suggested = shown.strip_suffix("/responses").map(str::to_string);
            let hint = match &suggested {
                Some(s) => format!("set base_url = \"{s}\" (Codex does not re-send the key across hosts)"),
                None => "set base_url to the API root the server redirects to".into(),
            };
            (
                Verdict::Redirect,
                format!("{} {} → {} to {shown}", x.method, x.url, status_text(x)),
                Some(hint),
                suggested,
            )
        }
        401 | 403 => {
            let hint = match (&t.env_key, &t.api_key) {
                (Some(var), Some(k)) => format!(
                    "the server rejected the key in {}: check its value and that it belongs to this endpoint",
                    crate::redact::set_chars(var, k.chars(), None)
                ),
                (None, Some(_)) => "the server rejected the configured bearer token; check it".into(),
                _ => "no key was sent: set env_key on the provider and export that variable".into(),
            };
            (Verdict::Auth, what, Some(hint), None)
        }
        404 | 405 if mentions_missing_model(h) => model_missing(what, model, ids),
        404 | 405 => {
            if let Some(v) = v1.filter(|v| v.status().is_some_and(|s| s != 404 && s != 405)) {
                let base = format!("{}/v1", t.base_url.trim_end_matches('/'));
                let shown = Url::parse(&base).map(|u| client::shown_url(&u)).unwrap_or(base);
                return (
                    Verdict::NotFound,
                    format!("{what}; but {} answers {}", v.url, status_text(v)),
                    Some(format!("add /v1: base_url = \"{shown}\"")),
                    Some(shown),
                );
            }
            if chat.is_some_and(|c| c.status().is_some_and(|s| (200..300).contains(&s))) {
                return (
                    Verdict::ChatOnly,
                    format!("{what}; /chat/completions works: this is a Chat Completions-only endpoint"),
                    Some(HINT_CHAT_ONLY.into()),
                    None,
                );
            }
            let base = t.base_url.trim_end_matches('/');
            for tail in ["/responses", "/chat/completions"] {
                if let Some(root) = base.strip_suffix(tail) {
                    let shown = Url::parse(root).map(|u| client::shown_url(&u)).unwrap_or(root.to_string());
                    return (
                        Verdict::NotFound,
                        what,
                        Some(format!("base_url must be the API root: drop {tail} (base_url = \"{shown}\")")),
                        Some(shown),
                    );
                }
            }
            (
                Verdict::NotFound,
                what,
                Some("check base_url: it must be the API root that serves /responses (often ending in /v1)".into()),
                None,
            )
        }
        429 => (
            Verdict::RateLimited,
            what,
            Some(
                "wait, or check the account's quota and billing; Codex stops at once on 429 without Retry-After".into(),
            ),
            None,
        ),
        500..=599 => (
            Verdict::ServerError,
            what,
            Some(
                "the server failed, not the config: retry later (Codex retries 5xx for about 25 s before giving up)"
                    .into(),
            ),
            None,
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
            (Verdict::BadRequest, what, Some(hint), None)
        }
        200..=299 => stream_verdict(x, h),
        _ => (Verdict::BadRequest, what, Some("unexpected status for POST /responses".into()), None),
    }
}

fn model_missing(what: String, model: &str, ids: Option<&[String]>) -> Verdicted {
    let near = ids.map(|ids| closest_models(model, ids)).unwrap_or_default();
    let hint = if near.is_empty() {
        if ids.is_some_and(|i| !i.is_empty()) {
            format!(
                "`{model}` is not served here; pick one of the {} listed models (--model)",
                ids.map_or(0, <[String]>::len)
            )
        } else {
            format!("`{model}` is not served here; set model to one the endpoint offers (--model)")
        }
    } else {
        format!("use {} (e.g. model = \"{}\")", near.join(", "), near[0])
    };
    (Verdict::ModelNotFound, what, Some(hint), None)
}

fn stream_verdict(x: &Exchange, h: &Http) -> Verdicted {
    let at = format!("{} {} → {}", x.method, x.url, status_text(x));
    if h.content_type.contains("text/html") {
        return (
            Verdict::Html,
            format!("{at} with an HTML page"),
            Some("this URL is a web page, not the API root; use the API base URL (often https://api.<host>/v1)".into()),
            None,
        );
    }
    let Some((outcome, events)) = &h.stream else {
        let ct = if h.content_type.is_empty() { "no content type".to_string() } else { h.content_type.clone() };
        return (Verdict::NotSse, format!("{at} with {ct}, not text/event-stream"), Some(HINT_NOT_SSE.into()), None);
    };
    match (outcome, &h.cut) {
        (Outcome::Pass { text, tool_calls }, _) => {
            let got = if tool_calls.is_empty() {
                format!("text {:?}", truncate(text))
            } else {
                format!("tool call {}", tool_calls.join(", "))
            };
            (Verdict::Ok, format!("{at}: streamed {events} events, {got}"), None, None)
        }
        (Outcome::Silent(why), _) => {
            (Verdict::BadStream, format!("{at}: stream completed but {why}"), Some(HINT_SILENT.into()), None)
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
            (v, format!("{at}: the stream reported an error{c}: {m}"), Some(HINT_STREAM_ERROR.into()), None)
        }
        (Outcome::Incomplete(reason), _) if reason == "max_output_tokens" => (
            Verdict::Ok,
            format!("{at}: streamed {events} events, stopped at the probe's small max_output_tokens"),
            None,
            None,
        ),
        (Outcome::Incomplete(reason), _) => (
            Verdict::BadStream,
            format!("{at}: response.incomplete ({reason})"),
            Some(format!("Codex would stop with `Incomplete response returned, reason: {reason}`")),
            None,
        ),
        (Outcome::Broken(_), Some(Cut::Timeout)) => (
            Verdict::Timeout,
            format!("{at}, but no response.completed arrived in time ({events} events)"),
            Some("the stream stalls: retry with a larger --timeout, or check the server".into()),
            None,
        ),
        (Outcome::Broken(_), Some(Cut::TooLarge)) => (
            Verdict::BadStream,
            format!("{at}: over {} MiB of stream without response.completed ({events} events)", super::MAX_BODY >> 20),
            Some("the stream never completes; Codex would hang until its idle timeout".into()),
            None,
        ),
        (Outcome::Broken(why), cut) => {
            let extra = match cut {
                Some(Cut::Error(e)) => format!(" ({})", truncate(e)),
                _ => String::new(),
            };
            (Verdict::BadStream, format!("{at}: {why}{extra}"), Some(HINT_BROKEN.into()), None)
        }
    }
}

/// Replaces any secret value that slipped into a report (e.g. a server echoing the key).
fn redact(r: &mut Report, t: &Target) {
    let mut secrets: Vec<String> = t.api_key.iter().map(|k| k.expose().to_string()).collect();
    for (_, var) in &t.env_http_headers {
        if let Some(v) = t.header_var(var) {
            secrets.push(v);
        }
    }
    secrets.retain(|s| s.trim().len() >= 4);
    if secrets.is_empty() {
        return;
    }
    let fix = |s: &mut String| *s = crate::redact::scrub(s, &secrets);
    fix(&mut r.summary);
    r.hint.iter_mut().for_each(fix);
    r.suggested_base_url.iter_mut().for_each(fix);
    fix(&mut r.target.base_url);
    r.models.iter_mut().for_each(fix);
    for c in &mut r.checks {
        fix(&mut c.summary);
        c.hint.iter_mut().for_each(fix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
