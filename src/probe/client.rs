//! HTTP for the probe: one reqwest client, requests shaped like Codex's, every body read
//! capped, and transport errors sorted into the few kinds a user can act on.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Client, Method, Url};
use serde_json::Value;

use super::sse::{Judge, Outcome, Parser};
use super::{MAX_BODY, Options, Target};

/// Builds the client: no automatic redirects (a 3xx is a verdict, and Authorization never
/// travels to another host), proxies from the environment, Codex's extra CA when set.
pub fn build(opts: &Options) -> Result<Client, String> {
    let mut b = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(opts.connect_timeout)
        .timeout(opts.timeout)
        .user_agent(concat!("codex-provider/", env!("CARGO_PKG_VERSION"), " (probe)"));
    for var in ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE"] {
        let Some(path) = crate::env::process_path(var) else { continue };
        let pem = std::fs::read(&path).map_err(|e| format!("{var}: cannot read {}: {e}", path.to_string_lossy()))?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|_| format!("{var}: not a PEM bundle"))?;
        for c in certs {
            b = b.add_root_certificate(c);
        }
    }
    b.build().map_err(|e| format!("cannot set up HTTP: {}", chain(&e)))
}

/// `{base}/{path}` the way Codex joins them, plus `query_params`.
pub fn url_for(base: &str, path: &str, query: &[(String, String)]) -> Result<Url, String> {
    let joined = format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'));
    let mut url = Url::parse(&joined).map_err(|e| e.to_string())?;
    if !query.is_empty() {
        let mut q = url.query_pairs_mut();
        for (k, v) in query {
            q.append_pair(k, v);
        }
    }
    Ok(url)
}

/// A URL safe to show: no user info, no query (either may carry a key).
pub fn shown_url(url: &Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.set_query(None);
    u.set_fragment(None);
    u.to_string()
}

/// Transport failures, sorted by what the user can do about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fail {
    Unreachable(String),
    Tls(String),
    Timeout(String),
    Other(String),
}

/// Why a body read stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    TooLarge,
    Timeout,
    Error(String),
}

#[derive(Debug, Clone)]
pub struct Http {
    pub status: u16,
    pub content_type: String,
    pub location: Option<String>,
    /// The body (for SSE: only what was read before the stream decided), at most MAX_BODY.
    pub body: Vec<u8>,
    pub stream: Option<(Outcome, usize)>,
    pub cut: Option<Cut>,
}

impl Http {
    pub fn is_sse(&self) -> bool {
        self.content_type.starts_with("text/event-stream")
    }
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: &'static str,
    /// Shown form (see [`shown_url`]).
    pub url: String,
    pub ms: u64,
    pub result: Result<Http, Fail>,
}

impl Exchange {
    pub fn status(&self) -> Option<u16> {
        self.result.as_ref().ok().map(|h| h.status)
    }
    pub fn http(&self) -> Option<&Http> {
        self.result.as_ref().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    Buffer,
    Sse,
    /// Status and headers only (WebSocket upgrade).
    Head,
}

fn headers(t: &Target, extra: &[(&str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    let mut put = |k: &str, v: &str| {
        if let (Ok(k), Ok(v)) = (HeaderName::from_bytes(k.as_bytes()), HeaderValue::from_str(v)) {
            h.insert(k, v);
        }
    };
    for (k, v) in extra {
        put(k, v);
    }
    if let Some(key) = &t.api_key {
        let mut v = HeaderValue::from_str(&format!("Bearer {}", key.expose()))
            .unwrap_or_else(|_| HeaderValue::from_static("Bearer invalid-header-value"));
        v.set_sensitive(true);
        h.insert(reqwest::header::AUTHORIZATION, v);
    }
    for (k, v) in &t.http_headers {
        if let (Ok(k), Ok(v)) = (HeaderName::from_bytes(k.as_bytes()), HeaderValue::from_str(v)) {
            h.insert(k, v);
        }
    }
    for (k, var) in &t.env_http_headers {
        let Some(val) = t.header_var(var) else { continue };
        if let (Ok(k), Ok(mut v)) = (HeaderName::from_bytes(k.as_bytes()), HeaderValue::from_str(&val)) {
            v.set_sensitive(true);
            h.insert(k, v);
        }
    }
    h
}

/// Sends one request and reads its answer (capped); never panics, never follows redirects.
pub async fn send(
    client: &Client,
    t: &Target,
    method: Method,
    path: &str,
    body: Option<&Value>,
    extra: &[(&str, &str)],
    read: Read,
) -> Exchange {
    let started = Instant::now();
    let m: &'static str = if method == Method::POST { "POST" } else { "GET" };
    let url = match url_for(&t.base_url, path, &t.query_params) {
        Ok(u) => u,
        Err(e) => return Exchange { method: m, url: path.into(), ms: 0, result: Err(Fail::Other(e)) },
    };
    let shown = shown_url(&url);
    let mut req = client.request(method, url).headers(headers(t, extra));
    if let Some(b) = body {
        req = req.header("content-type", "application/json").body(b.to_string());
    }
    let result = match req.send().await {
        Err(e) => Err(classify(&e)),
        Ok(resp) => Ok(read_body(resp, read).await),
    };
    Exchange { method: m, url: shown, ms: started.elapsed().as_millis() as u64, result }
}

async fn read_body(mut resp: reqwest::Response, read: Read) -> Http {
    let h = resp.headers();
    let get = |k: &str| h.get(k).and_then(|v| v.to_str().ok()).map(str::to_string);
    let mut http = Http {
        status: resp.status().as_u16(),
        content_type: get("content-type").unwrap_or_default().to_ascii_lowercase(),
        location: get("location"),
        body: Vec::new(),
        stream: None,
        cut: None,
    };
    if read == Read::Head {
        return http;
    }
    let sse = read == Read::Sse && http.is_sse() && (200..300).contains(&http.status);
    let mut parser = Parser::default();
    let mut judge = Judge::default();
    let mut total = 0usize;
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                total += chunk.len();
                if http.body.len() < MAX_BODY {
                    let room = MAX_BODY - http.body.len();
                    http.body.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                if sse && parser.push(&chunk).into_iter().any(|d| judge.feed(&d)) {
                    break;
                }
                if total > MAX_BODY {
                    http.cut = Some(Cut::TooLarge);
                    break;
                }
            }
            Ok(None) => break,
            Err(e) => {
                http.cut = Some(if e.is_timeout() { Cut::Timeout } else { Cut::Error(chain(&e)) });
                break;
            }
        }
    }
    if sse {
        http.stream = Some((judge.at_eof(), judge.events));
    }
    http
}

/// The error and its sources as one line, without the URL (it may carry a key).
pub fn chain(e: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = src {
        let t = s.to_string();
        // hyper-util's wrapper ("client error (Connect)") says nothing the next source does not.
        if !t.starts_with("client error (") && !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        src = s.source();
    }
    if parts.is_empty() {
        parts.push(if e.is_timeout() { "timed out".into() } else { "request failed".into() });
    }
    parts.join(": ")
}

fn classify(e: &reqwest::Error) -> Fail {
    let text = chain(e);
    let low = text.to_ascii_lowercase();
    if e.is_timeout() || low.contains("timed out") {
        let what = if e.is_connect() { "connect timed out" } else { "timed out" };
        return Fail::Timeout(what.into());
    }
    let tls_words = ["certificate", "tls", "ssl", "handshake", "invalidcontenttype", "corrupt message", "peer"];
    if tls_words.iter().any(|w| low.contains(w)) {
        return Fail::Tls(text);
    }
    if e.is_connect() || low.contains("refused") || low.contains("dns") || low.contains("lookup") {
        return Fail::Unreachable(text);
    }
    Fail::Other(text)
}

/// A Codex-shaped Responses request: streaming, tiny input, one function tool.
pub fn responses_body(model: &str, deep_tools: bool) -> Value {
    let mut tools = vec![serde_json::json!({
        "type": "function",
        "name": "exec_command",
        "description": "Runs a shell command and returns its output.",
        "strict": false,
        "parameters": {
            "type": "object",
            "properties": {"cmd": {"type": "string", "description": "The command to run"}},
            "required": ["cmd"],
            "additionalProperties": false
        }
    })];
    if deep_tools {
        tools.push(serde_json::json!({
            "type": "namespace",
            "name": "multi_agent_v1",
            "description": "Tools for spawning and managing sub-agents.",
            "tools": [{"type": "function", "name": "wait_agent", "description": "Waits for an agent.", "strict": false,
                       "parameters": {"type": "object", "properties": {}, "additionalProperties": false}}]
        }));
        tools.push(serde_json::json!({
            "type": "custom", "name": "apply_patch", "description": "Applies a patch.",
            "format": {"type": "grammar", "syntax": "lark", "definition": "start: \"*** Begin Patch\""}
        }));
        tools.push(serde_json::json!({"type": "web_search", "external_web_access": false}));
    }
    serde_json::json!({
        "model": model,
        "stream": true,
        "input": [{"type": "message", "role": "user",
                   "content": [{"type": "input_text", "text": "Reply with the single word: hi"}]}],
        "tools": tools,
        "tool_choice": "auto",
        "parallel_tool_calls": false,
        "reasoning": {"summary": "auto"},
        "store": false,
        "max_output_tokens": 64
    })
}

pub fn chat_body(model: &str) -> Value {
    serde_json::json!({
        "model": model,
        "stream": false,
        "max_tokens": 16,
        "messages": [{"role": "user", "content": "Reply with the single word: hi"}]
    })
}

/// Headers Codex sends on POST /responses (contract §8.2), minus its session ids.
pub const SSE_HEADERS: &[(&str, &str)] = &[("accept", "text/event-stream"), ("originator", "codex_exec")];

/// The WebSocket upgrade Codex tries first when `supports_websockets = true`.
pub const WS_HEADERS: &[(&str, &str)] = &[
    ("connection", "Upgrade"),
    ("upgrade", "websocket"),
    ("sec-websocket-version", "13"),
    ("sec-websocket-key", "Y29kZXgtcHJvdmlkZXItcHI="),
    ("openai-beta", "responses_websockets=2026-02-06"),
];

pub fn elapsed_ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

pub fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 { format!("{} s", s as u64) } else { format!("{s:.1} s") }
}
