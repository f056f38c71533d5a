//! Endpoint probing (README "probe"): one authenticated request per thing Codex needs,
//! run concurrently, turned into a stable verdict with one line of what happened and one
//! line of what to do. `plan` decides which requests to send, `wire` shapes them like
//! Codex's, `client` sends them (decoding compressed answers), `verdict` says what the
//! answers mean. Nothing here prints: [`render::render`] returns text for a given stream.

mod client;
mod decode;
mod error;
mod model_ids;
mod models;
mod plan;
pub mod render;
pub mod sse;
mod verdict;
mod wire;

use std::fmt;
use std::path::Path;
use std::time::Duration;

use serde::Serialize;

pub use models::fetch_models;
pub use models::list_models;
pub use render::render_human;
pub use verdict::closest_models;

/// A key value. Debug and Display never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    /// The value, for the Authorization header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// The length in characters (safe to show: `VAR (set, 51 chars)`).
    pub fn chars(&self) -> usize {
        self.0.chars().count()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} chars)", self.chars())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} chars>", self.chars())
    }
}

/// What to probe: a provider as Codex would call it, with the key already resolved.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub provider: Option<String>,
    pub base_url: String,
    pub env_key: Option<String>,
    pub api_key: Option<Secret>,
    pub model: Option<String>,
    pub query_params: Vec<(String, String)>,
    pub http_headers: Vec<(String, String)>,
    /// header name -> variable name; sent only when the variable is set and non-blank.
    pub env_http_headers: Vec<(String, String)>,
    pub supports_websockets: bool,
    /// Where `$CODEX_HOME/.env` lives: `env_http_headers` variables are read there too, as
    /// Codex does (None: the process environment only).
    pub codex_home: Option<std::path::PathBuf>,
    /// The key comes from the provider's `auth.command` (run as Codex runs it): Some(Ok) when
    /// it printed one (then in `api_key`), Some(Err(why)) when it did not.
    pub auth_command: Option<Result<(), crate::auth_command::Error>>,
}

impl Target {
    /// The value of an `env_http_headers` variable the way Codex resolves it.
    pub fn header_var(&self, var: &str) -> Option<String> {
        match &self.codex_home {
            Some(home) => crate::env::lookup(var, home),
            None => crate::env::process_var(var).filter(|v| !v.trim().is_empty()),
        }
    }

    /// The target Codex would use for a configured provider (key resolved from the process
    /// environment, then `$CODEX_HOME/.env`).
    pub fn from_provider(view: &crate::config::view::ProviderView, model: Option<String>, codex_home: &Path) -> Target {
        let mut env_key = view.env_key().map(str::to_string);
        let mut api_key = env_key.as_deref().and_then(|v| crate::env::lookup(v, codex_home)).map(Secret);
        let mut auth_command = None;
        if let Some(cmd) = crate::auth_command::AuthCommand::of(view) {
            // Codex refuses `auth` next to env_key; alone, the key is what the command prints.
            match cmd.run() {
                Ok(k) => {
                    api_key = Some(Secret(k));
                    auth_command = Some(Ok(()));
                }
                Err(why) => auth_command = Some(Err(why)),
            }
        } else if env_key.is_none() {
            if let Some(tok) = view.str_field("experimental_bearer_token").filter(|t| !t.trim().is_empty()) {
                api_key = Some(Secret(tok.to_string()));
            } else if view.id == crate::codex::provider::DEFAULT_PROVIDER && view.builtin {
                // The built-in provider takes CODEX_API_KEY from the environment (docs/codex-facts.md#environment);
                // without it Codex uses the login, which a probe cannot.
                if let Some(v) = crate::env::lookup("CODEX_API_KEY", codex_home) {
                    env_key = Some("CODEX_API_KEY".into());
                    api_key = Some(Secret(v));
                }
            }
        }
        Target {
            provider: Some(view.id.clone()),
            base_url: view.base_url().unwrap_or("https://api.openai.com/v1").to_string(),
            env_key,
            api_key,
            model,
            query_params: view.map_field("query_params"),
            http_headers: view.map_field("http_headers"),
            env_http_headers: view.map_field("env_http_headers"),
            supports_websockets: view.bool_field("supports_websockets").unwrap_or(false),
            codex_home: Some(codex_home.to_path_buf()),
            auth_command,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub deep: bool,
}

/// The request timeout when none is given: generous for a slow first token, short enough that
/// a dead endpoint is reported while the user still waits.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

impl Default for Options {
    fn default() -> Self {
        Options { timeout: DEFAULT_TIMEOUT, connect_timeout: Duration::from_secs(5), deep: false }
    }
}

/// Every body read stops here, so a huge or endless answer still ends with a verdict.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ok,
    MissingKey,
    InvalidUrl,
    Unreachable,
    Tls,
    Timeout,
    Redirect,
    Auth,
    NotFound,
    ChatOnly,
    ModelNotFound,
    RateLimited,
    ServerError,
    BadRequest,
    Html,
    NotSse,
    BadStream,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::MissingKey => "missing_key",
            Verdict::InvalidUrl => "invalid_url",
            Verdict::Unreachable => "unreachable",
            Verdict::Tls => "tls",
            Verdict::Timeout => "timeout",
            Verdict::Redirect => "redirect",
            Verdict::Auth => "auth",
            Verdict::NotFound => "not_found",
            Verdict::ChatOnly => "chat_only",
            Verdict::ModelNotFound => "model_not_found",
            Verdict::RateLimited => "rate_limited",
            Verdict::ServerError => "server_error",
            Verdict::BadRequest => "bad_request",
            Verdict::Html => "html",
            Verdict::NotSse => "not_sse",
            Verdict::BadStream => "bad_stream",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
}

/// The probe's check ids (JSON `checks[].id`, stable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CheckId {
    #[serde(rename = "url")]
    Url,
    #[serde(rename = "key")]
    Key,
    #[serde(rename = "model")]
    Model,
    #[serde(rename = "models")]
    Models,
    #[serde(rename = "responses")]
    Responses,
    #[serde(rename = "chat_completions")]
    ChatCompletions,
    #[serde(rename = "v1_responses")]
    V1Responses,
    /// `GET {base}/v1/models`, sent with `v1_responses`.
    #[serde(rename = "v1_models")]
    V1Models,
    /// `--deep`: Codex's non-function tool types.
    #[serde(rename = "provider.tools")]
    Tools,
    #[serde(rename = "websocket")]
    Websocket,
}

impl CheckId {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Url => "url",
            CheckId::Key => "key",
            CheckId::Model => "model",
            CheckId::Models => "models",
            CheckId::Responses => "responses",
            CheckId::ChatCompletions => "chat_completions",
            CheckId::V1Responses => "v1_responses",
            CheckId::V1Models => "v1_models",
            CheckId::Tools => "provider.tools",
            CheckId::Websocket => "websocket",
        }
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A base_url the probe proved or derived, with why (JSON: `suggested_base_url`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    /// `{base}/v1/responses` answers where `{base}/responses` did not. `proven`: the answer
    /// shows `{base}/v1` is the API root (2xx; a 404 whose body is a model error; or
    /// `{base}/v1/models` lists models), not merely that something answers there (401, 5xx).
    AddV1 { base_url: String, proven: bool },
    /// base_url ends in an endpoint path (`/responses`, `/chat/completions`): drop it.
    DropSuffix { suffix: &'static str, base_url: String },
    /// `/responses` redirects to `{base_url}/responses` on another root.
    FollowRedirect { base_url: String },
}

impl Suggestion {
    pub fn base_url(&self) -> &str {
        match self {
            Suggestion::AddV1 { base_url, .. }
            | Suggestion::DropSuffix { base_url, .. }
            | Suggestion::FollowRedirect { base_url } => base_url,
        }
    }
    /// The `{base}/v1` the probe proved is the API root (see [`Suggestion::AddV1`]).
    pub fn proven_v1(&self) -> Option<&str> {
        match self {
            Suggestion::AddV1 { base_url, proven: true } => Some(base_url),
            _ => None,
        }
    }
    pub(super) fn base_url_mut(&mut self) -> &mut String {
        match self {
            Suggestion::AddV1 { base_url, .. }
            | Suggestion::DropSuffix { base_url, .. }
            | Suggestion::FollowRedirect { base_url } => base_url,
        }
    }
}

fn suggestion_url<S: serde::Serializer>(s: &Option<Suggestion>, ser: S) -> Result<S::Ok, S::Error> {
    match s {
        Some(s) => ser.serialize_str(s.base_url()),
        None => ser.serialize_none(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub status: Status,
    pub http_status: Option<u16>,
    pub duration_ms: Option<u64>,
    pub summary: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetInfo {
    pub provider: Option<String>,
    pub base_url: String,
    pub model: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub target: TargetInfo,
    pub verdict: Verdict,
    pub ok: bool,
    pub duration_ms: u64,
    /// One line: what happened.
    pub summary: String,
    /// One line: what to do (absent when there is nothing to do).
    pub hint: Option<String>,
    #[serde(rename = "suggested_base_url", skip_serializing_if = "Option::is_none", serialize_with = "suggestion_url")]
    pub suggestion: Option<Suggestion>,
    pub checks: Vec<Check>,
    pub models: Vec<String>,
}

impl Report {
    /// A report of `verdict` for `http://h/v1`, for the tests of the modules that read reports.
    #[cfg(test)]
    pub fn sample(verdict: Verdict, summary: &str, hint: Option<&str>) -> Report {
        Report {
            schema_version: 1,
            target: TargetInfo { provider: None, base_url: "http://h/v1".into(), model: None },
            verdict,
            ok: verdict == Verdict::Ok,
            duration_ms: 3,
            summary: summary.into(),
            hint: hint.map(str::to_string),
            suggestion: None,
            checks: Vec::new(),
            models: Vec::new(),
        }
    }
}

/// The one async boundary of the crate: everything the network does runs inside this, on one
/// current-thread runtime with rustls' ring provider installed. The installed Codex is asked
/// its version first, outside the runtime (that call blocks; `home` holds its cached facts).
fn block_on<F: std::future::Future>(home: Option<&Path>, f: F) -> F::Output {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let _ = crate::codex::current_in(home);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(f)
}

/// Probes every target concurrently; reports in input order.
pub fn run(targets: Vec<Target>, opts: &Options) -> Vec<Report> {
    block_on(targets.first().and_then(|t| t.codex_home.as_deref()), async {
        let client = client::build(opts);
        let jobs = targets.iter().map(|t| plan::probe(client.as_ref(), t, opts));
        futures_util::future::join_all(jobs).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("sk-canary-1234567890");
        assert!(!format!("{s:?} {s}").contains("canary"));
    }

    /// Targets are probed concurrently too (doctor --all): the server holds every request
    /// until all four (two targets × `/models` + `/responses`) are in flight at once, so a
    /// sequential probe would see at most one. Structural, not timed: a loaded machine can
    /// slow it down but not make it fail.
    #[test]
    fn targets_run_concurrently() {
        use std::io::{Read, Write};
        use std::sync::{Arc, Condvar, Mutex};
        const ALL: usize = 4;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/v1", listener.local_addr().unwrap());
        let seen = Arc::new((Mutex::new((0usize, 0usize)), Condvar::new())); // (in flight, max)
        let server_seen = seen.clone();
        std::thread::spawn(move || {
            for mut conn in listener.incoming().flatten() {
                let seen = server_seen.clone();
                std::thread::spawn(move || {
                    let mut buf = [0u8; 65536];
                    let _ = conn.read(&mut buf);
                    let (lock, cv) = &*seen;
                    let mut g = lock.lock().unwrap();
                    g.0 += 1;
                    g.1 = g.1.max(g.0);
                    cv.notify_all();
                    let (mut g, _) = cv.wait_timeout_while(g, Duration::from_secs(5), |g| g.1 < ALL).unwrap();
                    g.0 -= 1;
                    drop(g);
                    let _ = conn
                        .write_all(b"HTTP/1.1 429 Too Many Requests\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
                });
            }
        });
        let t = |p: &str| Target {
            provider: Some(p.into()),
            base_url: base.clone(),
            model: Some("m".into()),
            ..Target::default()
        };
        let reports = run(vec![t("a"), t("b")], &Options::default());
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0].target.provider.as_deref(), Some("a"));
        assert!(reports.iter().all(|r| r.verdict == Verdict::RateLimited), "{reports:?}");
        let max = seen.0.lock().unwrap().1;
        assert_eq!(max, ALL, "at most {max} of the {ALL} requests were in flight at once");
    }

    #[test]
    fn verdict_strings_match_serde() {
        for v in [Verdict::Ok, Verdict::MissingKey, Verdict::ModelNotFound, Verdict::NotSse, Verdict::BadStream] {
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::from(v.as_str()));
        }
    }
}
