//! Which requests a probe sends, and in what order: the URL and the key first (no request
//! without them), then `/models`, `/responses` and the `--deep` extras all at once, then
//! the fallbacks an answer calls for (`/chat/completions`, `{base}/v1/responses`).
//! What each answer means is `verdict`'s job.

use std::time::Instant;

use reqwest::{Client, Method, Url};

use super::client::{self, Exchange, Read};
use super::error::ClientError;
use super::verdict::{self, Asked, Fallbacks, status_text};
use super::wire::{self, Ids};
use super::{Check, CheckId, Options, Report, Status, Target, TargetInfo, Verdict};

const HINT_TOOLS: &str = "Codex sends these tools: set `web_search = \"disabled\"` and `[features] multi_agent = false`, or use a bridge that drops them";

/// Probes one target. Every failure ends as a verdict in the report, never a panic or error.
pub async fn probe(client: Result<&Client, &ClientError>, t: &Target, opts: &Options) -> Report {
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
                suggestion: None,
                checks: Vec::new(),
                models: Vec::new(),
            },
        }
    }
    fn check(&mut self, id: CheckId, status: Status, ex: Option<&Exchange>, summary: String, hint: Option<String>) {
        self.report.checks.push(Check {
            id,
            status,
            http_status: ex.and_then(Exchange::status),
            duration_ms: ex.map(|e| e.ms),
            summary,
            hint,
        });
    }
    fn skip(&mut self, id: CheckId, why: &str) {
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

async fn run_checks(mut d: Diag, client: Result<&Client, &ClientError>, t: &Target, opts: &Options) -> Report {
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
        d.check(CheckId::Url, Status::Fail, None, format!("base_url {shown} is not an http(s) URL"), None);
        for id in [CheckId::Models, CheckId::Responses] {
            d.skip(id, "not sent: invalid base_url");
        }
        return d.finish(
            Verdict::InvalidUrl,
            format!("base_url {shown} is not an absolute http(s) URL (Codex would fail with `builder error`)"),
            Some("set base_url to the API root, e.g. https://api.example.com/v1".into()),
        );
    };
    // 2. The key.
    if let Some(Err(why)) = &t.auth_command {
        d.check(CheckId::Key, Status::Fail, None, format!("auth.command gave no key: {why}"), None);
        for id in [CheckId::Models, CheckId::Responses] {
            d.skip(id, "not sent: no key");
        }
        return d.finish(
            Verdict::MissingKey,
            format!("the provider's auth.command gave no key ({why}), so Codex would send none"),
            Some(match t.provider.as_deref() {
                Some(id) => format!("store the key: `codex-provider key set {id} --keychain` (or fix the command)"),
                None => "fix the provider's auth.command".into(),
            }),
        );
    }
    match (&t.env_key, &t.api_key) {
        (None, Some(k)) if t.auth_command.is_some() => {
            d.check(CheckId::Key, Status::Pass, None, format!("key from auth.command ({} chars)", k.chars()), None)
        }
        (Some(var), None) => {
            d.check(CheckId::Key, Status::Fail, None, format!("{var} is not set"), None);
            for id in [CheckId::Models, CheckId::Responses] {
                d.skip(id, "not sent: no key");
            }
            return d.finish(
                Verdict::MissingKey,
                format!("{var} is not set (or blank), so Codex stops with `Missing environment variable: {var}`"),
                Some(format!("export {var}=... (or add {var}=... to $CODEX_HOME/.env)")),
            );
        }
        (Some(var), Some(k)) => {
            d.check(CheckId::Key, Status::Pass, None, crate::redact::set_chars(var, k.chars(), None), None)
        }
        (None, Some(k)) => {
            d.check(CheckId::Key, Status::Pass, None, crate::redact::set_chars("bearer token", k.chars(), None), None)
        }
        (None, None) => {
            d.check(CheckId::Key, Status::Skip, None, "no env_key: requests carry no Authorization".into(), None)
        }
    }
    let client = match client {
        Ok(c) => c,
        Err(e) => {
            d.skip(CheckId::Responses, "not sent");
            return d.finish(
                Verdict::Tls,
                format!("cannot set up TLS: {e}"),
                Some("point SSL_CERT_FILE / CODEX_CA_CERTIFICATE at a readable PEM file".into()),
            );
        }
    };
    // 3. The requests, all at once.
    let release = crate::codex::current_in(t.codex_home.as_deref());
    let model = t.model.clone().unwrap_or_else(|| release.default_model().0.to_string());
    if t.model.is_none() {
        let s = match (release.default_model(), &release.installed) {
            ((_, false), Some(_)) => {
                format!("no model configured: {}; this probe sends `{model}`", release.default_model_sentence())
            }
            _ => format!("no model configured: {}, and so does this probe", release.default_model_sentence()),
        };
        d.check(
            CheckId::Model,
            Status::Warn,
            None,
            s,
            Some("set model (or pass --model) to one the endpoint serves".into()),
        );
    }
    let ids = Ids::new();
    let sse_headers = wire::responses_headers(release, &ids, &model);
    let plain = wire::plain_headers(release);
    let body = wire::responses_body(&model, &ids, false);
    let models_f = client::send(client, t, Method::GET, "models", None, &plain, Read::Buffer);
    let resp_f = client::send(client, t, Method::POST, "responses", Some(&body), &sse_headers, Read::Sse);
    let tools_f = async {
        if !opts.deep {
            return None;
        }
        let b = wire::responses_body(&model, &ids, true);
        Some(client::send(client, t, Method::POST, "responses", Some(&b), &sse_headers, Read::Sse).await)
    };
    let ws_f = async {
        if !(opts.deep && t.supports_websockets) {
            return None;
        }
        Some(client::send(client, t, Method::GET, "responses", None, &wire::ws_headers(), Read::Head).await)
    };
    let (models, resp, tools, ws) = tokio::join!(models_f, resp_f, tools_f, ws_f);

    let listed = verdict::model_ids(&models);
    d.report.models = listed.clone().unwrap_or_default();
    let (st, s, h) = verdict::models_check(&models, listed.as_deref(), t, &model);
    d.check(CheckId::Models, st, Some(&models), s, h);

    // 4. Fallbacks: on 404/405, is it chat-only, or is /v1 missing? On a redirect or a web
    // page, is /v1 missing?
    let (want_chat, want_v1) = fallbacks(&resp, &base);
    let chat_f = async {
        if !want_chat {
            return None;
        }
        let cb = wire::chat_body(&model);
        Some(client::send(client, t, Method::POST, "chat/completions", Some(&cb), &plain, Read::Buffer).await)
    };
    let v1_f = async {
        if !want_v1 {
            return None;
        }
        Some(client::send(client, t, Method::POST, "v1/responses", Some(&body), &sse_headers, Read::Sse).await)
    };
    // A gateway that checks model ids answers `{base}/v1/responses` with a model error when
    // no served model is known; its `/v1/models` list proves the root too.
    let v1_models_f = async {
        if !want_v1 {
            return None;
        }
        Some(client::send(client, t, Method::GET, "v1/models", None, &plain, Read::Buffer).await)
    };
    let (chat, v1, v1_models) = tokio::join!(chat_f, v1_f, v1_models_f);
    let v1_ids = v1_models.as_ref().and_then(verdict::model_ids);

    let asked = Asked { target: t, model: &model, ids: listed.as_deref(), opts };
    let fb =
        Fallbacks { chat: chat.as_ref(), v1: v1.as_ref(), v1_models: v1_models.as_ref(), v1_ids: v1_ids.as_deref() };
    let j = verdict::responses(&resp, fb, &asked);
    let st = if j.verdict == Verdict::Ok { Status::Pass } else { Status::Fail };
    d.check(CheckId::Responses, st, Some(&resp), j.summary.clone(), j.hint.clone());
    if let Some(c) = &chat {
        let works = c.status().is_some_and(|s| (200..300).contains(&s));
        let s = if works { "answers: a Chat Completions endpoint" } else { "does not answer either" };
        d.check(
            CheckId::ChatCompletions,
            Status::Skip,
            Some(c),
            format!("{} {} → {}: {s}", c.method, c.url, status_text(c)),
            None,
        );
    }
    if let Some(x) = &v1 {
        d.check(
            CheckId::V1Responses,
            Status::Skip,
            Some(x),
            format!("{} {} → {}", x.method, x.url, status_text(x)),
            None,
        );
    }
    if let Some(x) = &v1_models {
        let listed = match &v1_ids {
            Some(ids) => format!(": {} models", ids.len()),
            None => String::new(),
        };
        d.check(
            CheckId::V1Models,
            Status::Skip,
            Some(x),
            format!("{} {} → {}{listed}", x.method, x.url, status_text(x)),
            None,
        );
    }
    // Once /v1 is proven, its list is the endpoint's (what `--model` should pick from).
    if d.report.models.is_empty() && j.suggestion.as_ref().is_some_and(|s| s.proven_v1().is_some()) {
        d.report.models = v1_ids.unwrap_or_default();
    }
    d.report.suggestion = j.suggestion;
    let (mut v, mut summary, mut hint) = (j.verdict, j.summary, j.hint);

    // 5. --deep extras.
    if let Some(x) = &tools {
        let jt = verdict::responses(x, Fallbacks::default(), &asked);
        let (vt, s) = (jt.verdict, jt.summary);
        if vt == Verdict::Ok {
            d.check(
                CheckId::Tools,
                Status::Pass,
                Some(x),
                "accepts Codex's namespace, custom and web_search tools".into(),
                None,
            );
        } else {
            d.check(
                CheckId::Tools,
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
            }
        }
    }
    if let Some(x) = &ws {
        match x.status() {
            Some(101) => {
                d.check(CheckId::Websocket, Status::Pass, Some(x), format!("GET {} upgraded to WebSocket", x.url), None)
            }
            _ => d.check(
                CheckId::Websocket,
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

/// Which fallbacks `/responses`'s answer calls for: (`/chat/completions`, `/v1/responses`).
fn fallbacks(resp: &Exchange, base: &Url) -> (bool, bool) {
    let Some(h) = resp.http() else { return (false, false) };
    match h.status {
        404 | 405 if !verdict::mentions_missing_model(h) => (true, verdict::lacks_v1(base)),
        300..=399 => (false, verdict::lacks_v1(base)),
        200..=299 if h.content_type.contains("text/html") => (false, verdict::lacks_v1(base)),
        _ => (false, false),
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
    r.suggestion.iter_mut().map(super::Suggestion::base_url_mut).for_each(fix);
    fix(&mut r.target.base_url);
    r.models.iter_mut().for_each(fix);
    for c in &mut r.checks {
        fix(&mut c.summary);
        c.hint.iter_mut().for_each(fix);
    }
}
