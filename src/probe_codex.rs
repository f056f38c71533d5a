//! `probe --codex`: the real installed Codex on a one-file edit task. The HTTP probe proves
//! the wire shapes; only a whole Codex turn (prompt → `exec_command` tool call → its output
//! sent back → final message) proves the endpoint works for coding.
//!
//! How it runs: `codex exec --ephemeral --skip-git-repo-check --sandbox workspace-write
//! -C SCRATCH -c model_provider=… -c model=… PROMPT` with stdin closed, in a fresh temp dir
//! (the only place the sandbox lets it write), in its own process group, killed on the
//! deadline or as soon as it prints "waiting for network" (Codex retries that forever).
//! It passes when `SCRATCH/codex-probe.txt` holds the asked token.
//!
//! What it leaves in `$CODEX_HOME` (the user's; we write nothing there ourselves): only what
//! Codex writes for any session. Seen with 0.171 and `--ephemeral` in an empty home (test
//! `probe_codex::a_scripted_tool_call_writes_the_file_and_passes` prints the list):
//! `installation_id`, `goals_1.sqlite`, `logs_2.sqlite`, `memories_1.sqlite`,
//! `queue_1.sqlite`, `state_5.sqlite`, `shell_snapshots/`, `skills/`, `.sandbox_migration`,
//! `.tmp/`. `--ephemeral` keeps the transcript out of `sessions/`; a home Codex has already
//! used also has `sessions/`, `thread_history_1.sqlite` and `thread-writer-locks/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::Serialize;

use crate::codex::run::{self as codex_cli, Outcome};

/// The file the prompt asks for.
pub const FILE: &str = "codex-probe.txt";
/// The id of the provider table passed with `-c` for a `--base-url` probe.
pub const ADHOC_ID: &str = "codex-provider-probe";

/// Which provider Codex should use.
#[derive(Debug, Clone)]
pub enum Provider {
    /// A provider of the config (Codex reads its table from config.toml).
    Configured(String),
    /// An ad-hoc table (`--base-url`), passed as a `-c` override.
    Adhoc { base_url: String, env_key: Option<String> },
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub bin: PathBuf,
    pub provider: Provider,
    pub model: Option<String>,
    pub profile: Option<String>,
    pub codex_home: PathBuf,
    pub timeout: Duration,
    /// The provider's key, when known: scrubbed from everything Codex printed.
    pub secret: Option<crate::probe::Secret>,
}

/// The verdict words of the HTTP probe where they mean the same, plus the outcomes only a
/// Codex run has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodexVerdict {
    Ok,
    MissingKey,
    Auth,
    NotFound,
    Unreachable,
    ModelNotFound,
    RateLimited,
    ServerError,
    BadRequest,
    /// Codex exited 0 without any output (a stream it could not use).
    BadStream,
    /// Codex answered but the file was not written as asked.
    NoEdit,
    Timeout,
    /// Codex refused to start or failed in a way not listed above.
    CodexError,
}

impl CodexVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            CodexVerdict::Ok => "ok",
            CodexVerdict::MissingKey => "missing_key",
            CodexVerdict::Auth => "auth",
            CodexVerdict::NotFound => "not_found",
            CodexVerdict::Unreachable => "unreachable",
            CodexVerdict::ModelNotFound => "model_not_found",
            CodexVerdict::RateLimited => "rate_limited",
            CodexVerdict::ServerError => "server_error",
            CodexVerdict::BadRequest => "bad_request",
            CodexVerdict::BadStream => "bad_stream",
            CodexVerdict::NoEdit => "no_edit",
            CodexVerdict::Timeout => "timeout",
            CodexVerdict::CodexError => "codex_error",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CodexReport {
    pub schema_version: u32,
    pub provider: String,
    pub model: Option<String>,
    pub codex: String,
    pub verdict: CodexVerdict,
    pub ok: bool,
    pub duration_ms: u64,
    pub summary: String,
    pub hint: Option<String>,
    /// Codex's exit code (None when it was killed).
    pub exit_code: Option<i32>,
    /// Codex's last meaningful stderr lines (key-like values masked).
    pub codex_errors: Vec<String>,
}

impl CodexReport {
    /// A failed report for `spec`, before anything ran.
    fn new(spec: &Spec) -> CodexReport {
        let provider = match &spec.provider {
            Provider::Configured(id) => id.clone(),
            Provider::Adhoc { base_url, .. } => base_url.clone(),
        };
        CodexReport {
            schema_version: 1,
            provider,
            model: spec.model.clone(),
            codex: spec.bin.display().to_string(),
            verdict: CodexVerdict::CodexError,
            ok: false,
            duration_ms: 0,
            summary: String::new(),
            hint: None,
            exit_code: None,
            codex_errors: Vec::new(),
        }
    }
}

/// A TOML basic string (JSON string escapes are valid TOML).
fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A token unique to this run, so a stale file can never pass.
fn token() -> String {
    let n = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("codex-provider-probe-{:x}{:x}", n & 0xffff_ffff_ffff, std::process::id())
}

fn prompt(token: &str) -> String {
    format!(
        "Create a file named {FILE} in the current directory whose whole content is the single line {token} \
         (for example with one shell command: printf '%s\\n' '{token}' > {FILE}). Change nothing else. \
         Then reply with the word done."
    )
}

/// The `codex exec` command line for `spec` in `dir`.
pub fn command(spec: &Spec, dir: &Path, token: &str) -> Command {
    let mut c = Command::new(&spec.bin);
    c.args(["exec", "--ephemeral", "--skip-git-repo-check", "--sandbox", "workspace-write", "--color", "never"]);
    c.arg("-C").arg(dir);
    if let Some(p) = &spec.profile {
        c.args(["--profile", p]);
    }
    let id = match &spec.provider {
        Provider::Configured(id) => id.clone(),
        Provider::Adhoc { base_url, env_key } => {
            let mut t = format!(
                "{{name={},base_url={},wire_api=\"responses\"",
                toml_str("codex-provider probe"),
                toml_str(base_url)
            );
            if let Some(k) = env_key {
                t.push_str(&format!(",env_key={}", toml_str(k)));
            }
            t.push('}');
            c.arg("-c").arg(format!("model_providers.{ADHOC_ID}={t}"));
            ADHOC_ID.to_string()
        }
    };
    c.arg("-c").arg(format!("model_provider={}", toml_str(&id)));
    if let Some(m) = &spec.model {
        c.arg("-c").arg(format!("model={}", toml_str(m)));
    }
    c.arg(prompt(token));
    c.current_dir(dir).env("CODEX_HOME", &spec.codex_home);
    c
}

/// Runs Codex once and judges the result.
pub fn run(spec: &Spec) -> CodexReport {
    let mut report = CodexReport::new(spec);
    let dir = match tempfile::Builder::new().prefix("codex-provider-scratch-").tempdir() {
        Ok(d) => d,
        Err(e) => {
            report.summary = format!("cannot create a scratch folder: {e}");
            return report;
        }
    };
    let token = token();
    let outcome =
        codex_cli::run(command(spec, dir.path(), &token), spec.timeout, &|l| l.contains("waiting for network"));
    let o = match outcome {
        Ok(o) => o,
        Err(e) => {
            report.summary = format!("cannot run Codex: {e}");
            report.hint = Some("set CODEX_BIN to the codex binary, or install it: npm install -g @openai/codex".into());
            return report;
        }
    };
    let written = std::fs::read_to_string(dir.path().join(FILE)).ok();
    let secrets: Vec<String> = spec.secret.iter().map(|s| s.expose().to_string()).collect();
    judge(&mut report, &o, written.as_deref(), &token, spec.timeout, &secrets);
    report
}

/// Fills verdict, summary and hint from what Codex did.
pub fn judge(
    r: &mut CodexReport,
    o: &Outcome,
    written: Option<&str>,
    token: &str,
    timeout: Duration,
    secrets: &[String],
) {
    r.duration_ms = o.duration_ms;
    r.exit_code = o.code;
    // The metadata warning is `catalog`'s business, not a failure of this run.
    let lines: Vec<String> = codex_cli::meaningful_lines(&o.stderr, secrets)
        .into_iter()
        .filter(|l| !l.contains("Model metadata for"))
        .collect();
    r.codex_errors = lines.iter().filter(|l| is_error(l)).cloned().collect::<Vec<_>>();
    if r.codex_errors.is_empty() {
        r.codex_errors = lines.iter().rev().take(3).rev().cloned().collect();
    }
    let n = r.codex_errors.len();
    r.codex_errors.drain(..n.saturating_sub(5));
    let last = r.codex_errors.last().cloned().unwrap_or_default();
    let secs = o.duration_ms as f64 / 1000.0;
    if written.map(str::trim) == Some(token) {
        r.verdict = CodexVerdict::Ok;
        r.ok = true;
        r.summary = format!("Codex wrote {FILE} with the asked content through a tool call ({secs:.1} s)");
        return;
    }
    let (v, hint) = if o.stopped_on.is_some() {
        (
            CodexVerdict::Unreachable,
            "Codex cannot connect (it retries \"waiting for network\" forever; stopped): check base_url and that the server runs",
        )
    } else if o.timed_out {
        (
            CodexVerdict::Timeout,
            "Codex did not finish in time: raise --timeout, or check the server's speed with `codex-provider probe`",
        )
    } else {
        classify(&r.codex_errors.join("\n"), o, written.is_some())
    };
    r.verdict = v;
    r.hint = Some(hint.to_string());
    r.summary = match v {
        CodexVerdict::Timeout => {
            format!("Codex was still running after {:.0} s and was stopped", timeout.as_secs_f64())
        }
        CodexVerdict::Unreachable => {
            let line = o.stopped_on.as_deref().map(|l| codex_cli::meaningful_lines(l, secrets).join(" "));
            format!("Codex: {}", line.unwrap_or_else(|| "waiting for network".into()))
        }
        CodexVerdict::BadStream if !last.is_empty() => format!("Codex could not use the stream: {last}"),
        CodexVerdict::BadStream => format!("Codex exited {} with no output and no {FILE}", o.code.unwrap_or(0)),
        CodexVerdict::NoEdit if written.is_some() => format!("Codex wrote {FILE}, but not with the asked content"),
        CodexVerdict::NoEdit => format!("Codex finished (exit 0) but did not create {FILE}"),
        _ if !last.is_empty() => {
            format!("Codex failed (exit {}): {last}", o.code.map_or("killed".into(), |c| c.to_string()))
        }
        _ => format!(
            "Codex failed (exit {}) without an error message",
            o.code.map_or("killed".into(), |c| c.to_string())
        ),
    };
}

/// Codex's own error lines: `ERROR: …`, `Error: …`, and tracing lines (`2026-…Z ERROR target: …`).
fn is_error(l: &str) -> bool {
    let t = l.trim_start();
    t.starts_with("ERROR") || t.starts_with("Error") || t.contains(" ERROR ") || t.contains("unexpected status")
}

/// Maps Codex's own error text to a verdict and what to do.
fn classify(errors: &str, o: &Outcome, file_exists: bool) -> (CodexVerdict, &'static str) {
    let e = errors.to_ascii_lowercase();
    let has = |s: &str| e.contains(s);
    if has("missing environment variable") {
        (CodexVerdict::MissingKey, "export the variable named by env_key (or `codex-provider key set ID`)")
    } else if has("401") || has("403") || has("unauthorized") || has("forbidden") {
        (CodexVerdict::Auth, "the endpoint refused the key: check the variable's value and the provider's account")
    } else if has("model") && (has("does not exist") || has("not found") || has("model_not_found")) && !has("404") {
        (CodexVerdict::ModelNotFound, "pick a model the endpoint lists (`codex-provider probe ID` shows them)")
    } else if has("404") {
        (
            CodexVerdict::NotFound,
            "base_url is wrong (Codex POSTs to BASE_URL/responses): `codex-provider probe ID` suggests one",
        )
    } else if has("429") || has("rate limit") {
        (CodexVerdict::RateLimited, "wait, or check the plan's limits")
    } else if has("500") || has("502") || has("503") || has("504") {
        (CodexVerdict::ServerError, "the server failed; try again later or ask its operator")
    } else if has("400") {
        (
            CodexVerdict::BadRequest,
            "the endpoint rejected Codex's request: `codex-provider probe ID --deep` shows which part",
        )
    } else if has("stream") {
        (
            CodexVerdict::BadStream,
            "the endpoint's stream is not what Codex expects: `codex-provider probe ID` shows how",
        )
    } else if o.code == Some(0) && o.stdout.trim().is_empty() {
        (CodexVerdict::BadStream, "Codex got a stream it could not use: `codex-provider probe ID` shows how")
    } else if o.code == Some(0) || file_exists {
        (CodexVerdict::NoEdit, "the model did not make the tool call: try a model better at tool use")
    } else {
        (CodexVerdict::CodexError, "Codex's message above says why")
    }
}

/// The human report (printed on stdout).
pub fn render(r: &CodexReport) -> String {
    let mark = if r.ok { "✓" } else { "✗" };
    let mut s = format!("{mark} codex {}: {}\n", r.verdict.as_str(), r.summary);
    if !r.ok {
        for l in r.codex_errors.iter().filter(|l| !r.summary.contains(l.as_str())) {
            s.push_str(&format!("    {l}\n"));
        }
    }
    if let Some(h) = &r.hint {
        s.push_str(&format!("  hint: {h}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(code: Option<i32>, stdout: &str, stderr: &str) -> Outcome {
        Outcome {
            code,
            stdout: stdout.into(),
            stderr: stderr.into(),
            timed_out: false,
            stopped_on: None,
            duration_ms: 10,
        }
    }

    fn verdict(o: &Outcome, written: Option<&str>) -> CodexVerdict {
        let spec = Spec {
            bin: "codex".into(),
            provider: Provider::Configured("gw".into()),
            model: None,
            profile: None,
            codex_home: "/h".into(),
            timeout: Duration::from_secs(1),
            secret: None,
        };
        let mut r = CodexReport::new(&spec);
        judge(&mut r, o, written, "tok", spec.timeout, &[]);
        r.verdict
    }

    #[test]
    fn codex_messages_map_to_verdicts() {
        let e = |s: &str| outcome(Some(1), "", s);
        assert_eq!(verdict(&outcome(Some(0), "done", ""), Some("tok\n")), CodexVerdict::Ok);
        assert_eq!(verdict(&e("ERROR: Missing environment variable: `K`."), None), CodexVerdict::MissingKey);
        assert_eq!(
            verdict(&e("ERROR: unexpected status 401 Unauthorized: bad key, url: http://x/v1/responses"), None),
            CodexVerdict::Auth
        );
        assert_eq!(verdict(&e("ERROR: unexpected status 404 Not Found: nope"), None), CodexVerdict::NotFound);
        assert_eq!(verdict(&outcome(Some(0), "", ""), None), CodexVerdict::BadStream);
        assert_eq!(verdict(&outcome(Some(0), "I refuse", ""), None), CodexVerdict::NoEdit);
        assert_eq!(verdict(&outcome(Some(0), "done", ""), Some("other")), CodexVerdict::NoEdit);
        let mut net = e("");
        net.stopped_on = Some("ERROR: Reconnecting... waiting for network".into());
        assert_eq!(verdict(&net, None), CodexVerdict::Unreachable);
    }

    #[test]
    fn adhoc_command_passes_the_table_as_overrides() {
        let spec = Spec {
            bin: "codex".into(),
            provider: Provider::Adhoc { base_url: "http://127.0.0.1:9/v1".into(), env_key: Some("K".into()) },
            model: Some("m\"x".into()),
            profile: None,
            codex_home: "/h".into(),
            timeout: Duration::from_secs(1),
            secret: None,
        };
        let c = command(&spec, Path::new("/tmp/s"), "tok");
        let args: Vec<String> = c.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        assert!(args.contains(&format!("model_providers.{ADHOC_ID}={{name=\"codex-provider probe\",base_url=\"http://127.0.0.1:9/v1\",wire_api=\"responses\",env_key=\"K\"}}")), "{args:?}");
        assert!(args.contains(&"model=\"m\\\"x\"".to_string()), "{args:?}");
        assert!(args.windows(2).any(|w| w == ["--sandbox", "workspace-write"]));
        assert!(args.last().unwrap().contains("tok"));
    }
}
