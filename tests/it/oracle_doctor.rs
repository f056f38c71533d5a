//! Doctor against the real Codex: on every corpus file, the two reference configs and every
//! valid toml-test file used as a config.toml, doctor's verdict (`--offline`: a `config.*` or
//! `codex.*` check fails or not) equals Codex's (refuses or loads), and `--fix --yes` never
//! turns a file Codex loads into one it refuses. Every release of the full set
//! (`support::codex::full`), the reference configs as a smoke set on the others.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{self, Home};

fn codex_loads(bin: &Path, home: &Path) -> bool {
    let mut c = Command::new(bin);
    support::scrub(&mut c);
    // `debug prompt-input` loads the config offline on every supported release.
    c.args(["debug", "prompt-input", "x"]).env("CODEX_HOME", home).stdin(Stdio::null());
    c.output().expect("run codex").status.success()
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
fn doctor_agrees_with_codex_full_set() {
    for version in support::codex::full() {
        let Some(bin) = support::codex::require_codex(&version) else { return };
        let (n, mismatches, broken) = compare(&bin, &inputs());
        eprintln!("{version}: {n} files, {} verdict mismatches, {} broken by --fix", mismatches.len(), broken.len());
        assert!(broken.is_empty(), "{version}: --fix broke files Codex loaded: {broken:#?}");
        let all = mismatches.join("\n");
        assert!(mismatches.is_empty(), "{version}: {} of {n} verdicts differ:\n{all}", mismatches.len());
    }
}

#[test]
fn doctor_agrees_with_codex_on_the_reference_configs() {
    let files: Vec<(String, String)> = ["false-positives.config.toml", "false-negatives.config.toml"]
        .iter()
        .map(|n| (n.to_string(), reference(n)))
        .collect();
    for version in support::codex::full().into_iter().chain(support::codex::smoke()) {
        let Some(bin) = support::codex::require_codex(&version) else { return };
        let (n, mismatches, broken) = compare(&bin, &files);
        assert!(broken.is_empty(), "--fix broke files Codex {version} loaded: {broken:#?}");
        let all = mismatches.join("\n");
        assert!(mismatches.is_empty(), "{version}: {} of {n} verdicts differ:\n{all}", mismatches.len());
    }
}

/// Every release of the full set: the ten settings of the false-negatives reference are
/// reported (a nested one, or the table above it where that release does not know the table:
/// 0.160.0 ignores `[responses]` and a provider's `capabilities` whole). On the newest, the
/// real keys of the false-positives reference are not (they are not all known to older ones).
#[test]
fn unknown_keys_are_what_codex_ignores() {
    for version in support::codex::full() {
        let Some(bin) = support::codex::require_codex(&version) else { return };
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
            let segs: Vec<&str> = k.split('.').collect();
            let reported = (1..=segs.len()).any(|n| details.contains_key(&segs[..n].join(".")));
            assert!(reported, "{version}: {k} (or a table above it) missing from {details:#?}");
        }
        if version != support::codex::newest_version() {
            continue;
        }
        let home = Home::new();
        home.write("config.toml", &reference("false-positives.config.toml"));
        let mut c = home.cmd(&["doctor", "--offline", "--json"]);
        c.env("CODEX_BIN", &bin);
        let v = support::Run::from(c.output().unwrap()).json();
        assert_eq!(v["checks"]["config.unknown_keys"]["status"], "ok", "{:#}", v["checks"]["config.unknown_keys"]);
    }
}
