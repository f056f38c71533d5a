//! A fake OpenAI-compatible server on 127.0.0.1: real TCP, one thread per connection,
//! HTTP/1.1 with chunked SSE, one scripted behaviour per probe verdict, optional latency,
//! and a log of every request (method, path, headers) for assertions.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What the server answers on `/v1/responses` (and around it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Minimal valid stream with an assistant message ("hi from fake").
    Ok,
    /// Valid stream ending in a function call.
    OkTool,
    /// 401 everywhere; the message echoes the bearer token (to test redaction).
    Unauthorized,
    /// 404 on every path.
    NotFound,
    /// /responses 404, /chat/completions works.
    ChatOnly,
    /// /responses 404; /chat/completions streams (SSE chat chunks): a tool call to Codex's
    /// shell tool when the request offers tools and holds no tool result yet, else the text
    /// "hi from fake" (after a tool result: "done from fake"). For the codex-relay bridge.
    ChatStream,
    /// 200 text/html on every path.
    Html,
    /// 200 application/json (a non-streaming Response) on /responses.
    JsonNotSse,
    /// 200 SSE with a stream Codex accepts but prints nothing for (or fails on).
    Bad(Bad),
    /// A `response.failed` event carrying a server message.
    Failed,
    RateLimited,
    ServerError,
    /// /responses 400 with a message about a parameter (not the model).
    BadRequest,
    /// /responses 400 "model does not exist"; /models lists vendor-prefixed ids.
    ModelNotFound,
    /// 307 to this base URL + the same path, on every path.
    Redirect(String),
    /// Reads the request, never answers.
    Hang,
    /// 200 SSE headers, then one byte every 100 ms, never completing.
    Drip,
    /// 200 application/json with a 64 MiB body.
    Huge,
    /// 200 SSE delta events, forever and fast.
    EndlessSse,
    /// Bodies with invalid UTF-8 (inside SSE data and the /models JSON).
    InvalidUtf8,
    /// 200 SSE whose `data:` lines are not JSON.
    BadJsonSse,
    /// 307 back to the same path, on every path.
    RedirectLoop,
    /// `content-encoding: gzip` with 64 KiB that inflate to 64 MiB, on every path.
    GzipBomb,
    /// A file-creating turn, as `probe --codex` asks: the first `/responses` answers an
    /// `exec_command` call writing the prompt's `codex-provider-probe-…` token to
    /// `codex-probe.txt` (`printf hello > out.txt` without a token); the second (carrying the
    /// `function_call_output`) a final message.
    WriteFile,
    /// `/models` with OpenRouter / vLLM / Groq style context fields (see [`CATALOG_MODELS`]);
    /// `/responses` as `Ok`.
    Catalog,
    /// `content-encoding: zstd`, 16 MiB of zeros once decoded (4 times the cap), on every path.
    ZstdBomb,
    /// The `Ok` stream on /responses sent `content-encoding: gzip` (Codex 0.171 decodes it).
    Gzip,
    /// The `Ok` stream on /responses sent `content-encoding: zstd`.
    Zstd,
    /// Like a relay that filters on user-agent: 403 unless the user-agent looks like Codex's
    /// (`codex_exec/…` or `codex_cli_rs/…`), else `Ok`.
    UaFilter,
    /// Paths outside /v1 redirect (302) to an HTML login page; /v1 works like `Ok`.
    LoginRedirect,
    /// Paths outside /v1 answer 200 with an HTML page; /v1 works like `Ok`.
    HtmlRoot,
    /// A gateway that checks model ids: it serves only these ids. `/v1/models` lists exactly
    /// them; `/v1/responses` and `/v1/chat/completions` with any other `model` answer 404
    /// with OpenAI's `{"error": {"code": "model_not_found", …}}` body; with a served id they
    /// answer like `Ok` (a streamed "hi from fake"; chat: a plain completion).
    OwnModels(Vec<String>),
}

/// `(id, field, context)` that `Mode::Catalog` lists.
pub const CATALOG_MODELS: &[(&str, &str, u64)] = &[
    ("mock-model", "context_length", 65536),
    ("vllm/qwen", "max_model_len", 32768),
    ("groq-x", "context_window", 131072),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    DeltasOnly,
    NoItemDone,
    NoRole,
    TextPart,
    TextInCompleted,
    NoCompleted,
}

#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    /// Path with query.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

struct Shared {
    mode: Mode,
    latency: Duration,
    models: Vec<String>,
    reqs: Mutex<Vec<Req>>,
    stop: AtomicBool,
}

pub struct Server {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

pub const DEFAULT_MODELS: &[&str] = &["mock-model", "openai/gpt-5.4", "openai/gpt-5.4-mini", "anthropic/claude-x"];

impl Server {
    pub fn start(mode: Mode) -> Server {
        Server::start_with(mode, Duration::ZERO)
    }

    /// `latency` is slept before every answer.
    pub fn start_with(mode: Mode, latency: Duration) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let models = match &mode {
            Mode::OwnModels(ids) => ids.clone(),
            _ => DEFAULT_MODELS.iter().map(|s| s.to_string()).collect(),
        };
        let shared =
            Arc::new(Shared { mode, latency, models, reqs: Mutex::new(Vec::new()), stop: AtomicBool::new(false) });
        let s = shared.clone();
        thread::spawn(move || {
            for conn in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let s = s.clone();
                thread::spawn(move || handle(conn, &s));
            }
        });
        Server { addr, shared }
    }

    /// `http://127.0.0.1:PORT` (no /v1).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API root: `http://127.0.0.1:PORT/v1`.
    pub fn base(&self) -> String {
        format!("{}/v1", self.url())
    }

    pub fn requests(&self) -> Vec<Req> {
        self.shared.reqs.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn read_request(conn: &TcpStream) -> Option<Req> {
    let mut r = BufReader::new(conn.try_clone().ok()?);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let path = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            break;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let len: usize = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some(Req { method, path, headers, body: String::from_utf8_lossy(&body).into_owned() })
}

fn handle(mut conn: TcpStream, s: &Shared) {
    let Some(req) = read_request(&conn) else {
        // Like a real plain-HTTP server (this is what a TLS ClientHello gets).
        let _ = conn.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        return;
    };
    s.reqs.lock().unwrap().push(req.clone());
    if !s.latency.is_zero() {
        thread::sleep(s.latency);
    }
    // A proxied request carries an absolute URI: route on its path.
    let path = match req.path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => req.path.as_str(),
    };
    let route = path.split('?').next().unwrap_or("").to_string();
    let _ = respond(&mut conn, s, &req, &route);
    let _ = conn.flush();
}

fn status_line(code: u16) -> &'static str {
    match code {
        200 => "200 OK",
        302 => "302 Found",
        307 => "307 Temporary Redirect",
        400 => "400 Bad Request",
        401 => "401 Unauthorized",
        403 => "403 Forbidden",
        404 => "404 Not Found",
        426 => "426 Upgrade Required",
        429 => "429 Too Many Requests",
        500 => "500 Internal Server Error",
        _ => "500 Internal Server Error",
    }
}

fn simple(conn: &mut TcpStream, code: u16, ctype: &str, body: &str, extra: &str) -> std::io::Result<()> {
    write!(
        conn,
        "HTTP/1.1 {}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n{extra}\r\n{body}",
        status_line(code),
        body.len()
    )
}

/// OpenAI's answer to a model it does not serve (404, `code: model_not_found`).
fn model_not_found(conn: &mut TcpStream, model: &str) -> std::io::Result<()> {
    let b = serde_json::json!({"error": {
        "message": format!("The model `{model}` does not exist or you do not have access to it."),
        "type": "invalid_request_error", "param": null, "code": "model_not_found"}});
    simple(conn, 404, "application/json", &b.to_string(), "")
}

/// The `model` of a JSON request body ("" when there is none).
fn requested_model(req: &Req) -> String {
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap_or_default();
    body["model"].as_str().unwrap_or("").to_string()
}

fn error_json(code: u16, msg: &str) -> (u16, String) {
    (code, serde_json::json!({"error": {"message": msg, "type": "invalid_request_error", "code": null}}).to_string())
}

fn sse_start(conn: &mut TcpStream) -> std::io::Result<()> {
    write!(
        conn,
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    )
}

fn chunk(conn: &mut TcpStream, data: &[u8]) -> std::io::Result<()> {
    write!(conn, "{:x}\r\n", data.len())?;
    conn.write_all(data)?;
    conn.write_all(b"\r\n")?;
    conn.flush()
}

fn chunk_end(conn: &mut TcpStream) -> std::io::Result<()> {
    conn.write_all(b"0\r\n\r\n")
}

/// SSE events (JSON payloads) for a scripted stream, each with an `event:` line.
fn events(mode: &Mode) -> Vec<serde_json::Value> {
    use serde_json::json;
    let msg = |item: serde_json::Value| json!({"type": "response.output_item.done", "item": item});
    let text =
        json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "hi from fake"}]});
    let completed = json!({"type": "response.completed", "response": {"id": "resp_1"}});
    let delta = json!({"type": "response.output_text.delta", "delta": "hi from fake"});
    let created = json!({"type": "response.created", "response": {"id": "resp_1"}});
    match mode {
        Mode::OkTool => vec![
            created,
            msg(
                json!({"type": "function_call", "name": "exec_command", "arguments": "{\"cmd\":\"echo hi\"}", "call_id": "call_1"}),
            ),
            completed,
        ],
        Mode::Bad(Bad::DeltasOnly) => vec![created, delta, completed],
        Mode::Bad(Bad::NoItemDone) => vec![
            created,
            json!({"type": "response.output_item.added", "item": {"type": "message", "role": "assistant", "content": []}}),
            delta,
            completed,
        ],
        Mode::Bad(Bad::NoRole) => vec![
            msg(json!({"type": "message", "content": [{"type": "output_text", "text": "hi from fake"}]})),
            completed,
        ],
        Mode::Bad(Bad::TextPart) => vec![
            msg(json!({"type": "message", "role": "assistant", "content": [{"type": "text", "text": "hi from fake"}]})),
            completed,
        ],
        Mode::Bad(Bad::TextInCompleted) => vec![json!({"type": "response.completed", "response": {"id": "resp_1",
            "output": [{"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "hi from fake"}]}]}})],
        Mode::Bad(Bad::NoCompleted) => vec![created, msg(text)],
        Mode::Failed => vec![
            created,
            json!({"type": "response.failed", "response": {"id": "resp_1", "error": {"code": "server_error", "message": "upstream model crashed"}}}),
        ],
        _ => vec![created, msg(text), completed],
    }
}

fn respond(conn: &mut TcpStream, s: &Shared, req: &Req, route: &str) -> std::io::Result<()> {
    let mode = &s.mode;
    match mode {
        Mode::Redirect(to) => {
            return simple(
                conn,
                307,
                "text/plain",
                "moved",
                &format!("location: {to}{}\r\n", route.trim_start_matches("/v1")),
            );
        }
        Mode::NotFound => {
            let (c, b) = error_json(404, "Not Found");
            return simple(conn, c, "application/json", &b, "");
        }
        Mode::RedirectLoop => {
            return simple(conn, 307, "text/plain", "again", &format!("location: {route}\r\n"));
        }
        Mode::ZstdBomb => {
            static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
            let body = BOMB.get_or_init(|| {
                let zeros = std::io::Read::take(std::io::repeat(0), 16 << 20);
                ruzstd::encoding::compress_to_vec(zeros, ruzstd::encoding::CompressionLevel::Fastest)
            });
            let ctype = if route.ends_with("/responses") { "text/event-stream" } else { "application/json" };
            write!(
                conn,
                "HTTP/1.1 200 OK\r\ncontent-type: {ctype}\r\ncontent-encoding: zstd\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )?;
            return conn.write_all(body);
        }
        Mode::LoginRedirect | Mode::HtmlRoot if !route.starts_with("/v1/") => {
            if route == "/login" || *mode == Mode::HtmlRoot {
                return simple(conn, 200, "text/html", "<!doctype html><html><body>Sign in</body></html>", "");
            }
            return simple(conn, 302, "text/html", "<a href=\"/login\">moved</a>", "location: /login\r\n");
        }
        Mode::UaFilter => {
            let ua = req.header("user-agent").unwrap_or("");
            if !(ua.starts_with("codex_exec/") || ua.starts_with("codex_cli_rs/")) {
                let (c, b) = error_json(403, &format!("client not allowed: {ua}"));
                return simple(conn, c, "application/json", &b, "");
            }
        }
        Mode::GzipBomb => {
            let body = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/probe/gzip-bomb-64mib.gz"))?;
            let ctype = if route.ends_with("/responses") { "text/event-stream" } else { "application/json" };
            write!(
                conn,
                "HTTP/1.1 200 OK\r\ncontent-type: {ctype}\r\ncontent-encoding: gzip\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )?;
            return conn.write_all(&body);
        }
        Mode::Html => {
            return simple(
                conn,
                200,
                "text/html; charset=utf-8",
                "<!doctype html><html><body>Welcome</body></html>",
                "",
            );
        }
        Mode::Unauthorized => {
            let token = req.header("authorization").unwrap_or("").trim_start_matches("Bearer ").to_string();
            let (c, b) = error_json(
                401,
                &format!("Incorrect API key provided: {token}. You can find your API key in your dashboard."),
            );
            return simple(conn, c, "application/json", &b, "");
        }
        Mode::OwnModels(ids) if req.method == "POST" && matches!(route, "/v1/responses" | "/v1/chat/completions") => {
            let model = requested_model(req);
            if !ids.contains(&model) {
                return model_not_found(conn, &model);
            }
        }
        Mode::Hang => {
            let until = Instant::now() + Duration::from_secs(120);
            while !s.stop.load(Ordering::SeqCst) && Instant::now() < until {
                thread::sleep(Duration::from_millis(50));
            }
            return Ok(());
        }
        _ => {}
    }
    match (req.method.as_str(), route) {
        ("GET", "/v1/models") if *mode == Mode::Catalog => {
            let data: Vec<_> = CATALOG_MODELS
                .iter()
                .map(|(id, field, n)| serde_json::json!({"id": id, "object": "model", *field: n}))
                .collect();
            let b = serde_json::json!({"object": "list", "data": data}).to_string();
            simple(conn, 200, "application/json", &b, "")
        }
        ("POST", "/v1/responses") if *mode == Mode::WriteFile => write_file(conn, req),
        ("GET", "/v1/models") => {
            if *mode == Mode::Huge {
                return huge(conn);
            }
            if *mode == Mode::InvalidUtf8 {
                let body = b"{\"object\":\"list\",\"data\":[{\"id\":\"m\xff\xfe\"}]}";
                write!(
                    conn,
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                )?;
                return conn.write_all(body);
            }
            let data: Vec<_> = s.models.iter().map(|id| serde_json::json!({"id": id, "object": "model"})).collect();
            let b = serde_json::json!({"object": "list", "data": data}).to_string();
            simple(conn, 200, "application/json", &b, "")
        }
        ("GET", "/v1/responses") => simple(conn, 426, "text/plain", "Upgrade Required", ""),
        ("POST", "/v1/chat/completions") if matches!(mode, Mode::ChatOnly | Mode::OwnModels(_)) => {
            let b = serde_json::json!({"id": "chatcmpl-1", "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]});
            simple(conn, 200, "application/json", &b.to_string(), "")
        }
        ("POST", "/v1/chat/completions") if *mode == Mode::ChatStream => chat_stream(conn, req),
        ("POST", "/v1/responses") => responses(conn, s),
        _ => {
            let (c, b) = error_json(404, &format!("no route for {} {route}", req.method));
            simple(conn, c, "application/json", &b, "")
        }
    }
}

/// `Mode::WriteFile`: the tool call on the first turn, a final message on the second.
fn write_file(conn: &mut TcpStream, req: &Req) -> std::io::Result<()> {
    use serde_json::json;
    let item = if req.body.contains("function_call_output") {
        json!({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "done"}]})
    } else {
        const TOKEN: &str = "codex-provider-probe-";
        let cmd = match req.body.find(TOKEN) {
            Some(i) => {
                let rest = &req.body[i..];
                let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
                format!("printf '%s\\n' '{}' > codex-probe.txt", &rest[..end])
            }
            None => "printf hello > out.txt".to_string(),
        };
        let args = json!({ "cmd": cmd }).to_string();
        json!({"type": "function_call", "name": "exec_command", "arguments": args, "call_id": "call_w1"})
    };
    sse_start(conn)?;
    for ev in [
        json!({"type": "response.created", "response": {"id": "resp_w"}}),
        json!({"type": "response.output_item.done", "item": item}),
        json!({"type": "response.completed", "response": {"id": "resp_w"}}),
    ] {
        chunk(conn, format!("event: {}\ndata: {ev}\n\n", ev["type"].as_str().unwrap_or("")).as_bytes())?;
    }
    chunk_end(conn)
}

fn huge(conn: &mut TcpStream) -> std::io::Result<()> {
    let total = 64usize << 20;
    write!(
        conn,
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {total}\r\nconnection: close\r\n\r\n"
    )?;
    let block = vec![b' '; 64 * 1024];
    for _ in 0..(total / block.len()) {
        conn.write_all(&block)?;
    }
    Ok(())
}

fn responses(conn: &mut TcpStream, s: &Shared) -> std::io::Result<()> {
    match &s.mode {
        Mode::ChatOnly | Mode::ChatStream => {
            let (c, b) = error_json(404, "Not Found");
            simple(conn, c, "application/json", &b, "")
        }
        Mode::JsonNotSse => {
            let b = serde_json::json!({"id": "resp_1", "object": "response", "status": "completed",
                "output": [{"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "hi"}]}]});
            simple(conn, 200, "application/json", &b.to_string(), "")
        }
        Mode::RateLimited => {
            let (c, b) = error_json(429, "Rate limit reached for requests");
            simple(conn, c, "application/json", &b, "")
        }
        Mode::ServerError => {
            let (c, b) = error_json(500, "The server had an error while processing your request");
            simple(conn, c, "application/json", &b, "")
        }
        Mode::BadRequest => {
            let (c, b) = error_json(400, "Unsupported parameter: 'reasoning.summary'");
            simple(conn, c, "application/json", &b, "")
        }
        Mode::ModelNotFound => {
            let b = serde_json::json!({"error": {"message": "The requested model does not exist.",
                "type": "invalid_request_error", "code": "model_not_found"}});
            simple(conn, 400, "application/json", &b.to_string(), "")
        }
        Mode::Huge => huge(conn),
        Mode::Gzip | Mode::Zstd => {
            let text: String = events(&Mode::Ok)
                .into_iter()
                .map(|ev| format!("event: {}\ndata: {ev}\n\n", ev["type"].as_str().unwrap_or("")))
                .collect();
            let (name, body) = if s.mode == Mode::Gzip {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                gz.write_all(text.as_bytes())?;
                ("gzip", gz.finish()?)
            } else {
                (
                    "zstd",
                    ruzstd::encoding::compress_to_vec(text.as_bytes(), ruzstd::encoding::CompressionLevel::Fastest),
                )
            };
            write!(
                conn,
                "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncontent-encoding: {name}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
            )?;
            // Two chunks, split inside the compressed data.
            let (a, b) = body.split_at(body.len() / 2);
            chunk(conn, a)?;
            chunk(conn, b)?;
            chunk_end(conn)
        }
        Mode::Drip => {
            sse_start(conn)?;
            let until = Instant::now() + Duration::from_secs(120);
            while !s.stop.load(Ordering::SeqCst) && Instant::now() < until {
                chunk(conn, b":")?;
                thread::sleep(Duration::from_millis(100));
            }
            Ok(())
        }
        Mode::InvalidUtf8 => {
            sse_start(conn)?;
            chunk(conn, b"data: {\"type\":\"response.output_text.delta\",\"delta\":\"\xff\xfe\xc0\"}\n\n")?;
            chunk(conn, b"event: \xff\ndata: \xc3\x28\n\n")?;
            chunk_end(conn)
        }
        Mode::BadJsonSse => {
            sse_start(conn)?;
            chunk(conn, b"data: {\"type\": \"response.created\", \n\n")?;
            chunk(conn, b"data: {not json at all}\n\ndata: [DONE]\n\n")?;
            chunk_end(conn)
        }
        Mode::EndlessSse => {
            sse_start(conn)?;
            let ev = "data: {\"type\":\"response.output_text.delta\",\"delta\":\"more \"}\n\n".repeat(200);
            while !s.stop.load(Ordering::SeqCst) {
                chunk(conn, ev.as_bytes())?;
            }
            Ok(())
        }
        mode => {
            sse_start(conn)?;
            for ev in events(mode) {
                let kind = ev["type"].as_str().unwrap_or("").to_string();
                // Split each event over two chunks to exercise the client's framing.
                let text = format!("event: {kind}\ndata: {ev}\n\n");
                let (a, b) = text.as_bytes().split_at(text.len() / 2);
                chunk(conn, a)?;
                chunk(conn, b)?;
            }
            chunk_end(conn)
        }
    }
}

/// The scripted Chat Completions answer of `Mode::ChatStream` (see there).
fn chat_stream(conn: &mut TcpStream, req: &Req) -> std::io::Result<()> {
    use serde_json::json;
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap_or_default();
    let messages = body["messages"].as_array().cloned().unwrap_or_default();
    let has_result = messages.iter().any(|m| m["role"] == "tool");
    let tools: Vec<String> = body["tools"]
        .as_array()
        .map(|t| t.iter().filter_map(|x| x["function"]["name"].as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let call = ["exec_command", "shell_command", "shell"].into_iter().find(|n| tools.iter().any(|t| t == n));
    let chunk_of = |delta: serde_json::Value, finish: Option<&str>| {
        json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": body["model"],
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
    };
    let mut out = vec![chunk_of(json!({"role": "assistant", "content": ""}), None)];
    match call {
        Some(name) if !has_result => {
            let args = match name {
                "exec_command" => json!({"cmd": "echo tool-ran"}),
                "shell_command" => json!({"command": "echo tool-ran"}),
                _ => json!({"command": ["echo", "tool-ran"]}),
            }
            .to_string();
            let (a, b) = args.split_at(args.len() / 2);
            out.push(chunk_of(
                json!({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                "function": {"name": name, "arguments": a}}]}),
                None,
            ));
            out.push(chunk_of(json!({"tool_calls": [{"index": 0, "function": {"arguments": b}}]}), None));
            out.push(chunk_of(json!({}), Some("tool_calls")));
        }
        _ => {
            let text = if has_result { "done from fake" } else { "hi from fake" };
            out.push(chunk_of(json!({"content": text}), None));
            out.push(chunk_of(json!({}), Some("stop")));
        }
    }
    sse_start(conn)?;
    for c in out {
        chunk(conn, format!("data: {c}\n\n").as_bytes())?;
    }
    chunk(conn, b"data: [DONE]\n\n")?;
    chunk_end(conn)
}
