//! Asking the installed Codex whether it loads a config, and which keys it ignores. Codex
//! is the authority on its own file. Where it has `app-server --print-startup-config` it
//! loads the config offline and answers JSON, with `filePath`/`line`/`column`/`detail` when
//! it refuses; every supported release also loads it with `debug prompt-input x` (exit 0, or
//! exit 1 with `Error: <file>:<line>:<col>: …`), which is used where the JSON answer does not
//! exist and for a profile (`app-server` takes no `--profile`). The ignored keys are what
//! `--strict-config` refuses, one at a time; it is not accepted by `codex debug`, so with a
//! profile they are not asked ([`Verdict::strict`] is false). Facts: docs/codex-facts.md.
//!
//! Codex writes into its home when it starts (`installation_id`, `skills/`, ...), and doctor
//! must not, so every question runs in a scratch `CODEX_HOME` holding copies of the files;
//! paths in Codex's answers are mapped back to the real home. The load and the first strict
//! question run at once, each in its own scratch home.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::run;

/// How long one question may take (a load takes ~0.1–0.6 s).
const TIMEOUT: Duration = Duration::from_secs(10);
/// At most this many `--strict-config` runs to list the ignored keys.
const MAX_IGNORED_RUNS: usize = 40;

/// Why Codex refuses a config, in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The file it points at (a real path, not the scratch copy), when it says.
    pub file: Option<String>,
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// Codex's message (`config.toml:1:19: unknown variant ...`, or a semantic one).
    pub detail: String,
}

/// What the installed Codex said about loading the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    Loads,
    Refused(Refusal),
    /// It could not be asked (did not start, timed out, answered something else).
    NoAnswer(String),
}

/// A key Codex ignores: the file (`config.toml`, `work.config.toml`) and the dotted key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ignored {
    pub file: String,
    pub key: String,
}

/// Codex's verdict on one set of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub load: Load,
    /// Every key it ignores (empty unless it loads and [`Verdict::strict`]).
    pub ignored: Vec<Ignored>,
    /// Codex answered the `--strict-config` question, so `ignored` is its list.
    pub strict: bool,
    pub duration_ms: u64,
}

impl Verdict {
    pub fn loads(&self) -> bool {
        self.load == Load::Loads
    }

    /// Loads at least as well as `before`: it loads when `before` did, and ignores no key
    /// `before` did not.
    pub fn at_least_as_good_as(&self, before: &Verdict) -> bool {
        match (&before.load, &self.load) {
            (_, Load::NoAnswer(_)) | (Load::NoAnswer(_), _) => false,
            (Load::Loads, Load::Refused(_)) => false,
            (_, Load::Loads) => self.ignored.iter().all(|k| before.ignored.contains(k)) || !before.loads(),
            (Load::Refused(_), Load::Refused(_)) => true,
        }
    }
}

/// The files of a `CODEX_HOME` as Codex would read them.
#[derive(Debug, Clone)]
pub struct Files<'a> {
    /// The real `CODEX_HOME` (paths in answers are shown under it).
    pub home: &'a Path,
    /// `config.toml`'s text (None: no file).
    pub config: Option<&'a str>,
    /// `--profile NAME` and `NAME.config.toml`'s text.
    pub profile: Option<(&'a str, &'a str)>,
}

/// How the installed Codex is asked (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asking {
    /// It has `app-server --print-startup-config` (`facts::BinaryFacts::startup_config`).
    pub startup_config: bool,
}

/// Loads `files` with the Codex at `bin`, then lists the keys it ignores.
pub fn verdict(bin: &Path, files: &Files, how: Asking) -> Verdict {
    let start = Instant::now();
    let scratches = Scratch::new(files).and_then(|a| Ok((a, Scratch::new(files)?)));
    let (scratch, strict_scratch) = match scratches {
        Ok(s) => s,
        Err(e) => {
            return Verdict {
                load: Load::NoAnswer(format!("cannot make a scratch CODEX_HOME: {e}")),
                ignored: Vec::new(),
                strict: false,
                duration_ms: 0,
            };
        }
    };
    let profile = files.profile.map(|(n, _)| n);
    let ask_strict = profile.is_none();
    // Where the strict question is as cheap as a load (`--print-startup-config`), it goes
    // first, alone: Codex reports a real error before any unknown key, so a strict answer
    // that loads, or refuses for another reason, is also the plain load's answer (checked
    // on every CI release, docs/codex-facts.md#loading-a-config). Only an unknown key needs
    // the plain load too. Elsewhere both run at once.
    let first = (ask_strict && how.startup_config).then(|| strict_scratch.load(bin, None, how, true));
    let decided = match &first {
        Some(Load::Loads) => Some(Load::Loads),
        Some(Load::Refused(r)) if unknown_field(&r.detail).is_none() => Some(Load::Refused(r.clone())),
        _ => None,
    };
    let (load, mut strict) = match decided {
        Some(load) => (load, first),
        None => std::thread::scope(|s| {
            let strict = match first {
                Some(answer) => Some(Ok(answer)),
                None => ask_strict.then(|| Err(s.spawn(|| strict_scratch.load(bin, None, how, true)))),
            };
            let load = scratch.load(bin, profile, how, false);
            let joined = strict.map(|t| match t {
                Ok(answer) => answer,
                Err(t) => t.join().unwrap_or_else(|_| Load::NoAnswer("the question panicked".into())),
            });
            (load, joined)
        }),
    };
    let mut ignored = Vec::new();
    let mut answered = false;
    if load == Load::Loads {
        for _ in 0..MAX_IGNORED_RUNS {
            match strict.take() {
                Some(Load::Loads) => {
                    answered = true;
                    break;
                }
                Some(Load::Refused(r)) => {
                    let (Some(key), Some(file), Some(line)) = (unknown_field(&r.detail), r.file.as_deref(), r.line)
                    else {
                        break;
                    };
                    let name =
                        Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    if !strict_scratch.comment_out(&name, line) {
                        break;
                    }
                    ignored.push(Ignored { file: name, key });
                    strict = Some(strict_scratch.load(bin, None, how, true));
                }
                Some(Load::NoAnswer(_)) | None => break,
            }
        }
    }
    if !answered {
        ignored.clear();
    }
    ignored.sort();
    Verdict { load, ignored, strict: answered, duration_ms: start.elapsed().as_millis() as u64 }
}

/// `unknown configuration field `KEY`` → KEY.
fn unknown_field(detail: &str) -> Option<String> {
    let rest = detail.split("unknown configuration field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// A throw-away `CODEX_HOME` with copies of the files.
struct Scratch {
    dir: tempfile::TempDir,
    real: PathBuf,
}

impl Scratch {
    fn new(files: &Files) -> std::io::Result<Scratch> {
        let dir = tempfile::Builder::new().prefix("codex-provider-ask-").tempdir()?;
        if let Some(text) = files.config {
            std::fs::write(dir.path().join("config.toml"), text)?;
        }
        if let Some((name, text)) = files.profile {
            std::fs::write(dir.path().join(format!("{name}.config.toml")), text)?;
        }
        Ok(Scratch { dir, real: files.home.to_path_buf() })
    }

    /// Comments out line `line` (1-based) of file `name`; a table header takes its body
    /// with it. False when there is no such line.
    fn comment_out(&self, name: &str, line: u64) -> bool {
        let path = self.dir.path().join(name);
        let Ok(text) = std::fs::read_to_string(&path) else { return false };
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
        let Some(first) = (line as usize).checked_sub(1).filter(|i| *i < lines.len()) else { return false };
        let header = lines[first].trim_start().starts_with('[');
        let mut i = first;
        while i < lines.len() && (i == first || (header && !lines[i].trim_start().starts_with('['))) {
            lines[i].insert_str(0, "# ");
            i += 1;
        }
        std::fs::write(&path, lines.concat()).is_ok()
    }

    /// One load: `--print-startup-config` where it exists (JSON answer), else `debug
    /// prompt-input`; the strict question without it is `--strict-config app-server` with
    /// stdin closed (it refuses before serving, and exits at once when it loads).
    fn load(&self, bin: &Path, profile: Option<&str>, how: Asking, strict: bool) -> Load {
        let mut args: Vec<&str> = Vec::new();
        if strict {
            args.push("--strict-config");
        }
        let json = profile.is_none() && how.startup_config;
        match profile {
            Some(p) => args.extend(["--profile", p, "debug", "prompt-input", "x"]),
            None if json => args.extend(["app-server", "--print-startup-config"]),
            None if strict => args.push("app-server"),
            None => args.extend(["debug", "prompt-input", "x"]),
        };
        let out = match run::run_for(run::codex(bin, self.dir.path(), &args), TIMEOUT) {
            Ok(o) if o.timed_out => {
                return Load::NoAnswer(format!("Codex did not answer within {} s", TIMEOUT.as_secs()));
            }
            Ok(o) => Output { success: o.code == Some(0), stdout: o.stdout, stderr: o.stderr },
            Err(why) => return Load::NoAnswer(why),
        };
        let load = if json { from_json(&out) } else { from_text(&out) };
        match load {
            Load::Refused(r) => Load::Refused(self.unscratch(r)),
            other => other,
        }
    }

    /// Shows scratch paths as the real ones.
    fn unscratch(&self, mut r: Refusal) -> Refusal {
        let scratch = self.dir.path().display().to_string();
        let real = self.real.display().to_string();
        r.detail = r.detail.replace(&scratch, &real);
        r.file = r.file.map(|f| f.replace(&scratch, &real));
        r
    }
}

struct Output {
    success: bool,
    stdout: String,
    stderr: String,
}

/// `app-server --print-startup-config`'s answer.
fn from_json(out: &Output) -> Load {
    let Some(v) = out.stdout.lines().find_map(|l| serde_json::from_str::<serde_json::Value>(l.trim()).ok()) else {
        return Load::NoAnswer(no_answer(out));
    };
    if v.get("appServerVersion").is_some() && out.success {
        return Load::Loads;
    }
    let Some(err) = v.get("error") else { return Load::NoAnswer(no_answer(out)) };
    let data = err.get("data");
    let field = |k: &str| data.and_then(|d| d.get(k));
    let detail = field("detail")
        .and_then(|d| d.as_str())
        .or_else(|| err.get("message").and_then(|m| m.as_str()))
        .unwrap_or("Codex refused the configuration")
        .to_string();
    Load::Refused(Refusal {
        file: field("filePath").and_then(|f| f.as_str()).map(str::to_string),
        line: field("line").and_then(|n| n.as_u64()),
        column: field("column").and_then(|n| n.as_u64()),
        detail,
    })
}

/// `debug prompt-input`'s (and `app-server`'s) answer: exit 0 when it loads, else
/// `Error: PATH:L:C: detail`.
fn from_text(out: &Output) -> Load {
    if out.success {
        return Load::Loads;
    }
    let Some(msg) = out.stderr.lines().find_map(|l| l.strip_prefix("Error: ")) else {
        return Load::NoAnswer(no_answer(out));
    };
    Load::Refused(position(msg))
}

/// Splits `PATH:LINE:COL: detail` (as Codex prints a located error).
fn position(msg: &str) -> Refusal {
    let mut parts = msg.splitn(4, ':');
    let (p, l, c, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
    if let (Some(p), Some(Ok(line)), Some(Ok(column)), Some(_)) =
        (p, l.map(str::parse::<u64>), c.map(str::parse::<u64>), rest)
        && p.ends_with(".toml")
    {
        return Refusal { file: Some(p.to_string()), line: Some(line), column: Some(column), detail: msg.to_string() };
    }
    Refusal { file: None, line: None, column: None, detail: msg.to_string() }
}

fn no_answer(out: &Output) -> String {
    let last = out.stderr.lines().rfind(|l| !l.trim().is_empty() && !l.starts_with("WARNING: proceeding"));
    match last {
        Some(l) => format!("Codex gave no configuration answer: {}", crate::redact::shown(l.trim())),
        None => "Codex gave no configuration answer".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(success: bool, stdout: &str, stderr: &str) -> Output {
        Output { success, stdout: stdout.into(), stderr: stderr.into() }
    }

    #[test]
    fn reads_both_answer_shapes() {
        assert_eq!(from_json(&out(true, "{\"appServerVersion\":\"0.171.0\"}\n", "")), Load::Loads);
        let refused = from_json(&out(
            false,
            r#"{"error":{"code":-32600,"data":{"reason":"configLoad","filePath":"/h/config.toml","line":1,"column":19,"detail":"/h/config.toml:1:19: unknown variant `bogus`"},"message":"m"}}"#,
            "Error: startup configuration unavailable",
        ));
        let Load::Refused(r) = refused else { panic!("{refused:?}") };
        assert_eq!((r.line, r.column, r.file.as_deref()), (Some(1), Some(19), Some("/h/config.toml")));
        let Load::Refused(r) = from_text(&out(false, "", "WARNING: x\nError: /h/w.config.toml:1:9: invalid type\n"))
        else {
            panic!()
        };
        assert_eq!(r.line, Some(9).map(|_| 1));
        assert_eq!(r.column, Some(9));
        assert!(matches!(from_json(&out(true, "codex-cli 0.169.0\n", "")), Load::NoAnswer(_)));
        assert_eq!(
            unknown_field("x:2:1: unknown configuration field `responses.process_mod`").unwrap(),
            "responses.process_mod"
        );
    }

    /// What `doctor --fix`'s judge relies on (the whole pipeline with the real Codex is in
    /// tests/it/oracle_doctor.rs: `--fix` never turns a file Codex loads into one it refuses).
    #[test]
    fn a_candidate_is_kept_only_when_it_loads_at_least_as_well() {
        let v = |load: Load, ignored: &[&str]| Verdict {
            load,
            ignored: ignored.iter().map(|k| Ignored { file: "config.toml".into(), key: k.to_string() }).collect(),
            strict: true,
            duration_ms: 0,
        };
        let refused = || Load::Refused(Refusal { file: None, line: None, column: None, detail: "x".into() });
        let before = v(Load::Loads, &["modle"]);
        assert!(v(Load::Loads, &[]).at_least_as_good_as(&before), "a typo fixed");
        assert!(!v(refused(), &[]).at_least_as_good_as(&before), "a rename Codex refuses");
        assert!(!v(Load::Loads, &["also_not_a_key"]).at_least_as_good_as(&before), "one ignored key for another");
        assert!(!v(Load::NoAnswer("t".into()), &[]).at_least_as_good_as(&before), "no answer");
        assert!(v(Load::Loads, &["k"]).at_least_as_good_as(&v(refused(), &[])), "a refusal repaired");
    }

    #[test]
    fn a_header_is_commented_out_with_its_body() {
        let home = tempfile::tempdir().unwrap();
        let files =
            Files { home: home.path(), config: Some("a = 1\n[typo]\nx = 1\ny = 2\n[ok]\nz = 3\n"), profile: None };
        let s = Scratch::new(&files).unwrap();
        assert!(s.comment_out("config.toml", 2));
        let text = std::fs::read_to_string(s.dir.path().join("config.toml")).unwrap();
        assert_eq!(text, "a = 1\n# [typo]\n# x = 1\n# y = 2\n[ok]\nz = 3\n");
        assert!(!s.comment_out("config.toml", 99));
    }
}
