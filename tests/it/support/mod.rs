//! Shared test helpers, one of each: a scratch Codex home, running the real binary, the
//! environment scrub list, the canary key, the tree snapshot, the JSON runners, the vendored
//! inputs, and (in submodules) the fake OpenAI-compatible server and the real Codex CLI oracle.
#![allow(dead_code)]

/// The real Codex CLI: a Linux binary (npm's linux-x64 build), so its tests are Unix-only.
#[cfg(unix)]
pub mod codex;
pub mod keychain;
pub use codex_provider_testkit::server;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The one canary API key: every test that hands the binary a key uses this value and checks
/// that it never comes back on stdout, stderr or disk.
pub const CANARY: &str = "sk-canary-7f3a9c2e1b4d5f60";
/// A part of [`CANARY`] that no redaction would keep (a mask may show the `sk-` prefix).
pub const CANARY_CORE: &str = "7f3a9c2e1b4d5f60";

/// Variables removed from every child (ours and the real Codex): colour forcing, proxies,
/// backtraces, and the OpenAI/CA variables Codex and `doctor` read, so a developer's shell
/// never changes an outcome.
pub const SCRUBBED_ENV: &[&str] = &[
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "NO_COLOR",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "RUST_BACKTRACE",
    "OPENAI_BASE_URL",
    "OPENAI_API_BASE",
    "OPENAI_API_KEY",
    "CODEX_API_KEY",
    // The tool under test imitates the installed Codex (user-agent, default model, compressed
    // streams): a test that needs one names it; none inherits the developer's.
    "CODEX_BIN",
    "SSL_CERT_FILE",
    "CODEX_CA_CERTIFICATE",
    "REQUESTS_CA_BUNDLE",
];

/// Removes [`SCRUBBED_ENV`] from a command.
pub fn scrub(c: &mut Command) -> &mut Command {
    for k in SCRUBBED_ENV {
        c.env_remove(k);
    }
    c
}

/// Path of the binary under test.
pub fn bin() -> PathBuf {
    absolute(env!("CARGO_BIN_EXE_codex-provider"))
}

/// A build-time path made absolute for this platform: as is on Unix; under Windows (Wine) a
/// Linux path like `/work/x` has no drive, so it is pinned to the drive of the test's start
/// (`Z:`), which a child started in a temp folder on `C:` would otherwise not find.
pub fn absolute(p: impl AsRef<Path>) -> PathBuf {
    std::path::absolute(p.as_ref()).expect("absolute path")
}

/// A stand-in `codex` in `dir` that prints `codex-cli VERSION` for `--version` and exits 0:
/// a `#!/bin/sh` script on Unix, `codex.cmd` on Windows (found through `PATHEXT`).
pub fn fake_codex(dir: &Path, version: &str) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join("codex");
        fs::write(&p, format!("#!/bin/sh\necho 'codex-cli {version}'\n")).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
        p
    }
    #[cfg(windows)]
    {
        let p = dir.join("codex.cmd");
        fs::write(&p, format!("@echo off\r\necho codex-cli {version}\r\n")).unwrap();
        p
    }
}

/// A symlink to a file (on Windows a file symlink, which Wine and a developer-mode Windows
/// make without elevation).
pub fn symlink_file(target: &Path, link: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    return std::os::windows::fs::symlink_file(target, link);
}

/// `text` with `root` (as printed, and as JSON escapes it) written `[HOME]`, and on Windows the
/// separators of the paths under it written `/`, so expectations written on Unix hold: in
/// `[HOME]\a\b` (or JSON's `[HOME]\\a\\b`) each separator up to the path's end becomes `/`.
pub fn home_paths(text: &str, root: &Path) -> String {
    let plain = root.to_string_lossy();
    let text = text.replace(&plain.replace('\\', "\\\\"), "[HOME]").replace(&*plain, "[HOME]");
    if cfg!(unix) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("[HOME]") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let end = rest.find(|c: char| c.is_whitespace() || "\"'`,:;)]}".contains(c)).unwrap_or(rest.len());
        let path = &rest[..end];
        // JSON writes a separator `\\`; there a lone `\` starts an escape (`\n`) that ends the path.
        let (path, end) = match path.strip_prefix("\\\\") {
            Some(_) => {
                let mut cut = path.len();
                let mut i = 0;
                while let Some(j) = path[i..].find('\\') {
                    if path[i + j..].starts_with("\\\\") {
                        i += j + 2;
                    } else {
                        cut = i + j;
                        break;
                    }
                }
                (path[..cut].replace("\\\\", "/"), cut)
            }
            None => (path.replace('\\', "/"), end),
        };
        out.push_str(&path);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A scratch `CODEX_HOME` in a temp dir (never the real ~/.codex).
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home { dir: tempfile::tempdir().expect("tempdir") }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn config(&self) -> PathBuf {
        self.path().join("config.toml")
    }
    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path().join(name), text).expect("write fixture");
    }
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path().join(name)).unwrap_or_default()
    }
    /// A command for the binary with this home, plain output and a clean environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        scrub(&mut c)
            .args(args)
            .env("CODEX_HOME", self.path())
            .env("HOME", self.path().join("no-home"))
            .stdin(Stdio::null());
        c
    }
    /// Runs the binary and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd(args).output().expect("run codex-provider"))
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Stdout parsed as JSON; a panic shows both streams when it is not.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n--- stderr\n{}", self.stdout, self.stderr))
    }
    /// Asserts that `secret` is on neither stream.
    #[track_caller]
    pub fn no_leak(&self, secret: &str) -> &Run {
        assert!(
            !self.stdout.contains(secret) && !self.stderr.contains(secret),
            "key leaked:\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
    #[track_caller]
    pub fn code(&self, want: i32) -> &Run {
        assert_eq!(self.code, want, "exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }
}

/// Runs `probe ARGS --json` with `env` and loopback exempt from proxies; asserts that the
/// canary is on neither stream and returns the run with its parsed JSON.
pub fn probe_json(home: &Home, args: &[&str], env: &[(&str, &str)]) -> (Run, Value) {
    let mut all = vec!["probe"];
    all.extend_from_slice(args);
    all.push("--json");
    let mut c = home.cmd(&all);
    c.env("NO_PROXY", "127.0.0.1,localhost");
    for (k, v) in env {
        c.env(k, v);
    }
    let run = Run::from(c.output().expect("run probe"));
    run.no_leak(CANARY_CORE);
    let json = run.json();
    (run, json)
}

/// Every file under `root` (links not followed; a link is recorded as `-> TARGET`), by path
/// relative to `root`, with its bytes: to compare a tree before and after, or with a fixture.
pub fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let (p, ft) = (e.path(), e.file_type().expect("file type"));
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if ft.is_dir() {
                walk(root, &p, out);
            } else if ft.is_symlink() {
                out.insert(rel, format!("-> {}", fs::read_link(&p).unwrap().display()).into_bytes());
            } else {
                out.insert(rel, fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The repository's `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    absolute(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The corpus of real-world configs, vendored from `../shared/corpus` into `fixtures/corpus`
/// so that a lone clone runs its tests.
pub fn corpus_dir() -> PathBuf {
    fixtures_dir().join("corpus")
}

/// Every TOML file of the corpus (`profiles/` included), sorted by name: the vendored copy,
/// plus `../shared/corpus` when it is there (an extra input, never a requirement). Files of
/// the same name are the vendored ones.
pub fn corpus_files() -> Vec<PathBuf> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut by_name = BTreeMap::new();
    for dir in [shared, corpus_dir()] {
        for rel in snapshot(&dir).into_keys().filter(|k| k.ends_with(".toml")) {
            by_name.insert(rel.clone(), dir.join(rel));
        }
    }
    by_name.into_values().collect()
}
