//! HTTP for the probe: one reqwest client, requests shaped like Codex's, every body read
//! capped, and transport errors sorted into the few kinds a user can act on.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Client, Method, Url};
use serde_json::Value;

use super::decode::{Decoder, Encoding, Msg};
use super::error::ClientError;
use super::sse::{Judge, Outcome, Parser};
use super::{MAX_BODY, Options, Target};

/// Builds the client: no automatic redirects (a 3xx is a verdict, and Authorization never
/// travels to another host), proxies from the environment, Codex's extra CA when set.
pub fn build(opts: &Options) -> Result<Client, ClientError> {
    let mut b = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(opts.connect_timeout)
        .timeout(opts.timeout);
    for var in ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE"] {
        let Some(path) = crate::env::process_path(var) else { continue };
        let pem = std::fs::read(&path).map_err(|e| ClientError::CaUnreadable {
            var,
            path: path.to_string_lossy().into_owned(),
            source: e,
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|_| ClientError::CaNotPem { var })?;
        for c in certs {
            b = b.add_root_certificate(c);
        }
    }
    b.build().map_err(|e| ClientError::Setup { chain: chain(&e) })
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
    /// What the verdict can read of the body, decoded (see [`Sink::keep`]): a JSON object
    /// whole up to MAX_BODY, anything else its first [`PREFIX`] bytes.
    pub body: Vec<u8>,
    /// `Content-Encoding` the body came in (decoded above), when not identity.
    pub encoding: Option<&'static str>,
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

fn headers(t: &Target, extra: &[(&str, String)]) -> HeaderMap {
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
    body: Option<&str>,
    extra: &[(&str, String)],
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
        req = req.header("content-type", "application/json").body(b.to_owned());
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
    let encoding = Encoding::from_header(get("content-encoding").as_deref());
    let mut http = Http {
        status: resp.status().as_u16(),
        content_type: get("content-type").unwrap_or_default().to_ascii_lowercase(),
        location: get("location"),
        body: Vec::new(),
        encoding: encoding.as_ref().ok().copied().flatten().map(Encoding::as_str),
        stream: None,
        cut: None,
    };
    if read == Read::Head {
        return http;
    }
    let sse = read == Read::Sse && http.is_sse() && (200..300).contains(&http.status);
    let mut sink = Sink { sse, parser: Parser::default(), judge: Judge::default(), total: 0, limit: 0 };
    match encoding {
        Err(name) => http.cut = Some(Cut::Error(format!("content-encoding `{name}` is not one Codex decodes"))),
        Ok(None) => loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    if sink.take(&mut http, &chunk) {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    http.cut = Some(cut_of(&e));
                    break;
                }
            }
        },
        Ok(Some(enc)) => read_encoded(&mut resp, enc, &mut http, &mut sink).await,
    }
    if sse {
        http.stream = Some((sink.judge.at_eof(), sink.judge.events));
    }
    http
}

/// Reads a compressed body through the decoder, one compressed chunk per request for more.
async fn read_encoded(resp: &mut reqwest::Response, enc: Encoding, http: &mut Http, sink: &mut Sink) {
    let mut dec = Decoder::start(enc);
    let mut raw = 0usize;
    loop {
        match dec.next().await {
            Msg::NeedMore => match resp.chunk().await {
                Ok(Some(chunk)) => {
                    raw += chunk.len();
                    if raw > MAX_BODY {
                        http.cut = Some(Cut::TooLarge);
                        return;
                    }
                    dec.feed(&chunk);
                }
                Ok(None) => dec.finish(),
                Err(e) => {
                    http.cut = Some(cut_of(&e));
                    return;
                }
            },
            Msg::Data(bytes) => {
                if sink.take(http, &bytes) {
                    return;
                }
            }
            Msg::End => return,
            Msg::Error(e) => {
                http.cut = Some(Cut::Error(format!("cannot decode the {} body: {e}", enc.as_str())));
                return;
            }
        }
    }
}

/// What is kept of a body that is not a JSON object: the verdict shows only its first words
/// (200 characters of it, whitespace collapsed).
pub const PREFIX: usize = 64 * 1024;

/// Where decoded bytes go: the kept body and, for a stream, the SSE judge.
struct Sink {
    sse: bool,
    parser: Parser,
    judge: Judge,
    total: usize,
    /// How much of the body is kept, decided by its first byte that is not JSON whitespace.
    limit: usize,
}

impl Sink {
    /// Takes one piece of the (decoded) body; true when reading should stop.
    fn take(&mut self, http: &mut Http, chunk: &[u8]) -> bool {
        self.total += chunk.len();
        self.keep(http, chunk);
        if self.sse && self.parser.push(chunk).into_iter().any(|d| self.judge.feed(&d)) {
            return true;
        }
        if self.total > MAX_BODY {
            http.cut = Some(Cut::TooLarge);
            return true;
        }
        false
    }

    /// Keeps what the verdict can read. It parses a body as JSON only to look inside an
    /// object (`/models`' list, an error's message), so only a body whose first byte after
    /// JSON whitespace is `{` is kept whole (up to MAX_BODY); any other (an SSE stream, HTML,
    /// text, zeros) only for its first words. Leading JSON whitespace is not kept: both JSON
    /// and the shown text ignore it, and a body of spaces then costs nothing.
    fn keep(&mut self, http: &mut Http, mut chunk: &[u8]) {
        if self.limit == 0 {
            let ws = chunk.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
            chunk = &chunk[ws..];
            let Some(&first) = chunk.first() else { return };
            self.limit = if first == b'{' { MAX_BODY } else { PREFIX };
        }
        let room = self.limit.saturating_sub(http.body.len());
        http.body.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
}

fn cut_of(e: &reqwest::Error) -> Cut {
    if e.is_timeout() { Cut::Timeout } else { Cut::Error(chain(e)) }
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

pub fn elapsed_ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

pub fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 { format!("{} s", s as u64) } else { format!("{s:.1} s") }
}
