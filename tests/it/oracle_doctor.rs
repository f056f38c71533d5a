//! Doctor against the real Codex, both supported releases: on every corpus file, the two
//! reference configs and every valid toml-test file used as a config.toml, doctor's verdict
//! (`--offline`: a `config.*` or `codex.*` check fails or not) equals Codex's (refuses or loads), and `--fix --yes` never
//! turns a file Codex loads into one it refuses. Full set on the newest release (CODEX_BIN),
//! the reference configs as a smoke set on 0.169 (CODEX_BIN_0169).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{self, Home};

fn bin_0169() -> Option<PathBuf> {
    std::env::var_os("CODEX_BIN_0169")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| support::codex::release("0.169.0"))
}

fn codex_loads(bin: &Path, home: &Path) -> bool {
    let mut c = Command::new(bin);
    support::scrub(&mut c);
    c.args(["app-server", "--print-startup-config"]).env("CODEX_HOME", home).stdin(Stdio::null());
    let out = c.output().expect("run codex");
    out.status.success() && String::from_utf8_lossy(&out.stdout).contains("appServerVersion")
}

fn doctor_fails(bin: &Path, home: &Home) -> bool {
    let mut c = home.cmd(&["doctor", "--offline", "--json"]);
    c.env("CODEX_BIN", bin);
    let run = support::Run::from(c.output().expect("run doctor"));
    // The verdict on the file: env.* (an unset key variable) is about the shell, not the file.
    let v = run.json();
    v["checks"]
        .as_object()
        .expect("checks")
        .iter()
        .any(|(id, c)| (id.starts_with("config.") || id.starts_with("codex.")) && c["status"] == "fail")
}

fn reference(name: &str) -> String {
    std::fs::read_to_string(support::fixtures_dir().join("codex-keys").join(name)).expect("reference config")
}

/// The newest supported Codex: CODEX_BIN (CI sets it to 0.171), else the CI cache.
fn bin_newest() -> Option<PathBuf> {
    std::env::var_os("CODEX_BIN").map(PathBuf::from).filter(|p| p.is_file()).or_else(support::codex::bin_0171)
}

/// (files compared, mismatches, fixes that broke a loading file), four files at a time.
fn compare(bin: &Path, files: &[(String, String)]) -> (usize, Vec<String>, Vec<String>) {
    let chunks: Vec<&[(String, String)]> = files.chunks(files.len().div_ceil(4).max(1)).collect();
    let results: Vec<(Vec<String>, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks.iter().map(|c| s.spawn(|| compare_serial(bin, c))).collect();
        handles.into_iter().map(|h| h.join().expect("worker")).collect()
    });
    let (mut mismatches, mut broken) = (Vec::new(), Vec::new());
    for (m, b) in results {
        mismatches.extend(m);
        broken.extend(b);
    }
    (files.len(), mismatches, broken)
}

fn compare_serial(bin: &Path, files: &[(String, String)]) -> (Vec<String>, Vec<String>) {
    let mut mismatches = Vec::new();
    let mut broken = Vec::new();
    for (name, text) in files {
        let home = Home::new();
        home.write("config.toml", text);
        let loads = codex_loads(bin, home.path());
        if doctor_fails(bin, &home) == loads {
            mismatches.push(format!(
                "{name}: codex {}, doctor {}",
                if loads { "loads" } else { "refuses" },
                if loads { "fails" } else { "passes" }
            ));
        }
        if loads {
            let mut c = home.cmd(&["doctor", "--offline", "--fix", "--yes"]);
            c.env("CODEX_BIN", bin);
            let _ = c.output().expect("run doctor --fix");
            if !codex_loads(bin, home.path()) {
                broken.push(name.clone());
            }
        }
    }
    (mismatches, broken)
}

fn inputs() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = ["false-positives.config.toml", "false-negatives.config.toml"]
        .iter()
        .map(|n| (n.to_string(), reference(n)))
        .collect();
    for p in support::corpus_files().into_iter().filter(|p| !p.to_string_lossy().contains("/profiles/")) {
        files.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap_or_default()));
    }
    let valid = support::fixtures_dir().join("toml-test/valid");
    for rel in support::snapshot(&valid).into_keys().filter(|k| k.ends_with(".toml")) {
        let text = String::from_utf8_lossy(&std::fs::read(valid.join(&rel)).unwrap()).into_owned();
        files.push((format!("toml-test/valid/{rel}"), text));
    }
    files
}

#[test]
#[ignore = "slow (~600 files x 4 processes): cargo test --test it oracle_doctor -- --include-ignored"]
fn doctor_agrees_with_codex_0171() {
    let Some(bin) = bin_newest() else { return };
    let (n, mismatches, broken) = compare(&bin, &inputs());
    eprintln!("{n} files, {} verdict mismatches, {} broken by --fix", mismatches.len(), broken.len());
    assert!(broken.is_empty(), "--fix broke files Codex loaded: {broken:#?}");
    assert!(mismatches.is_empty(), "{} of {n} verdicts differ:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn doctor_agrees_with_codex_0169_smoke() {
    let Some(bin) = bin_0169() else { return };
    let files: Vec<(String, String)> = ["false-positives.config.toml", "false-negatives.config.toml"]
        .iter()
        .map(|n| (n.to_string(), reference(n)))
        .collect();
    let (n, mismatches, broken) = compare(&bin, &files);
    assert!(broken.is_empty(), "--fix broke files Codex 0.169 loaded: {broken:#?}");
    assert!(mismatches.is_empty(), "{} of {n} verdicts differ:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn unknown_keys_are_what_codex_ignores() {
    let Some(bin) = bin_newest() else { return };
    let home = Home::new();
    home.write("config.toml", &reference("false-negatives.config.toml"));
    let mut c = home.cmd(&["doctor", "--offline", "--json"]);
    c.env("CODEX_BIN", &bin);
    let v = support::Run::from(c.output().unwrap()).json();
    let details = v["checks"]["config.unknown_keys"]["details"].as_object().expect("details").clone();
    for k in [
        "respones",
        "rollout_trac",
        "code_mod",
        "zsh_path",
        "include_apply_patch_tool",
        "disable_response_storage",
        "experimental_instructions_file",
        "responses.process_mod",
        "model_providers.mock.auth_typo",
        "model_providers.mock.capabilities.remote_compactionn",
    ] {
        assert!(details.contains_key(k), "{k} missing from {details:#?}");
    }
    let home = Home::new();
    home.write("config.toml", &reference("false-positives.config.toml"));
    let mut c = home.cmd(&["doctor", "--offline", "--json"]);
    c.env("CODEX_BIN", &bin);
    let v = support::Run::from(c.output().unwrap()).json();
    assert_eq!(v["checks"]["config.unknown_keys"]["status"], "ok", "{:#}", v["checks"]["config.unknown_keys"]);
}
