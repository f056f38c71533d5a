//! What codex-provider says about Codex is what the installed release does (issue 21), on
//! every release of the full set and the smoke set (`support::codex::full`/`smoke`), each put
//! on `PATH` as `codex` (and `CODEX_BIN` unset, as `Home::cmd` scrubs it): with no
//! model set the probe sends byte for byte the model that release's `codex exec` sends to
//! the same fake server; doctor fails exactly the configs that release refuses to load; no
//! output names another release. A stub reporting a version newer than any tested (and
//! otherwise running the newest real one) gets a note, and the facts come from the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::server::{Mode, Server};
use crate::support::{self, Home, Run, codex};
use serde_json::Value;

const KEY: &str = "sk-releases-0a1b2c3d4e5f6789";

/// Every release named anywhere in the tests and the docs: none but the installed one may
/// appear in an output.
const NAMED: &[&str] = &["0.160.0", "0.166.0", "0.169.0", "0.170.0", "0.171.0", "0.160", "0.169", "0.171"];

fn releases() -> Vec<String> {
    codex::full().into_iter().chain(codex::smoke()).collect()
}

#[track_caller]
fn names_only(version: &str, text: &str) {
    let short = version.rsplit_once('.').map_or(version, |(a, _)| a);
    for other in NAMED.iter().filter(|n| **n != version && **n != short) {
        // "0.160" is a prefix of "0.160.0": only a name that is not the installed one counts.
        let hits = text.match_indices(other).filter(|(i, _)| !text[*i..].starts_with(version)).count();
        assert_eq!(hits, 0, "Codex {version}: the output names {other}:\n{text}");
    }
}

/// The model of the first `POST /responses` the server saw.
fn sent_model(s: &Server) -> String {
    let post = s.requests().into_iter().find(|q| q.method == "POST").expect("a POST /responses");
    let body: Value = serde_json::from_str(&post.body).expect("JSON body");
    body["model"].as_str().expect("model").to_string()
}

fn no_model_config(base: &str) -> String {
    codex::config_toml(base, "unused").replace("model = \"unused\"\n", "")
}

/// A `PATH` whose `codex` is `bin` (and the system's tools, `node` for the npm shim).
fn path_with(home: &Home, bin: &Path) -> String {
    let dir = home.path().join("path-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("codex");
    if !link.exists() {
        std::os::unix::fs::symlink(bin, &link).unwrap();
    }
    format!("{}:/usr/local/bin:/usr/bin:/bin", dir.display())
}

fn probe(home: &Home, bin: &Path) -> Run {
    Run::from(
        home.cmd(&["probe", "--json"])
            .env("PATH", path_with(home, bin))
            .env("FAKE_API_KEY", KEY)
            .env("NO_PROXY", "127.0.0.1")
            .output()
            .expect("run probe"),
    )
}

/// (what `codex exec` sent, what the probe sent, the probe's output) with no model set.
fn default_models(bin: &Path) -> (String, String, Run) {
    let s = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &no_model_config(&s.base()));
    let out = codex::exec_bin(bin, home.path(), &[], &[("FAKE_API_KEY", KEY)], Duration::from_secs(90));
    assert!(!out.timed_out, "codex exec timed out: {}", out.stderr);
    let codex_sent = sent_model(&s);
    let s2 = Server::start(Mode::Ok);
    let home2 = Home::new();
    home2.write("config.toml", &no_model_config(&s2.base()));
    let run = probe(&home2, bin);
    let probe_sent = sent_model(&s2);
    (codex_sent, probe_sent, run)
}

#[test]
fn with_no_model_the_probe_sends_what_each_release_sends() {
    for version in releases() {
        let Some(bin) = codex::require_codex(&version) else { return };
        let (codex_sent, probe_sent, run) = default_models(&bin);
        assert_eq!(probe_sent, codex_sent, "Codex {version}");
        let j = run.json();
        let model = j["checks"].as_array().unwrap().iter().find(|c| c["id"] == "model").unwrap().clone();
        assert_eq!(
            model["summary"],
            format!("no model configured: Codex {version} sends its default `{codex_sent}`, and so does this probe"),
            "{j:#}"
        );
        names_only(&version, &format!("{}{}", run.stdout, run.stderr));
    }
}

/// Configs each release refuses (and one it loads): a wrong enum value, `wire_api = "chat"`,
/// a reserved provider id, a legacy profile selected, a wrong type.
const CONFIGS: &[(&str, &str)] = &[
    (
        "loads",
        "model = \"m\"\nmodel_provider = \"gw\"\n[model_providers.gw]\nname = \"GW\"\nbase_url = \"http://127.0.0.1:9/v1\"\nwire_api = \"responses\"\n",
    ),
    ("wrong enum", "approval_policy = \"sometimes\"\n"),
    (
        "chat",
        "model_provider = \"gw\"\n[model_providers.gw]\nname = \"GW\"\nbase_url = \"http://127.0.0.1:9/v1\"\nwire_api = \"chat\"\n",
    ),
    ("reserved id", "[model_providers.openai]\nname = \"Mine\"\nbase_url = \"http://127.0.0.1:9/v1\"\n"),
    ("legacy profile", "profile = \"work\"\n[profiles.work]\nmodel = \"m\"\n"),
    ("wrong type", "model = 5\n"),
];

/// Codex's own load verdict: `debug prompt-input` loads the config offline on every release.
fn codex_loads(bin: &Path, text: &str) -> bool {
    let home = Home::new();
    home.write("config.toml", text);
    let mut c = Command::new(bin);
    support::scrub(&mut c);
    c.args(["debug", "prompt-input", "x"]).env("CODEX_HOME", home.path()).current_dir(home.path());
    c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    c.status().expect("run codex").success()
}

fn doctor(bin: &Path, text: &str) -> Run {
    let home = Home::new();
    home.write("config.toml", text);
    let path = path_with(&home, bin);
    Run::from(home.cmd(&["doctor", "--offline", "--json"]).env("PATH", path).output().expect("run doctor"))
}

#[test]
fn doctor_fails_exactly_what_each_release_refuses() {
    for version in releases() {
        let Some(bin) = codex::require_codex(&version) else { return };
        for (name, text) in CONFIGS {
            let loads = codex_loads(&bin, text);
            assert_eq!(loads, *name == "loads", "Codex {version} on {name}: the case is not what it says");
            let run = doctor(&bin, text);
            let j = run.json();
            let load = &j["checks"]["codex.config_load"];
            let want = if loads { "ok" } else { "fail" };
            assert_eq!(load["status"], want, "Codex {version} on {name}: {load:#}");
            let fails = j["checks"]
                .as_object()
                .unwrap()
                .iter()
                .any(|(id, c)| (id.starts_with("config.") || id.starts_with("codex.")) && c["status"] == "fail");
            assert_eq!(fails, !loads, "Codex {version} on {name}: {j:#}");
            assert_eq!(j["codexVersion"], version.as_str());
            names_only(&version, &run.stdout);
        }
    }
}

/// A Codex newer than any tested: the stub says 0.999.0 and runs the newest real release.
fn newer_stub(dir: &Path, real: &Path) -> PathBuf {
    let stub = dir.join("codex");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo \"codex-cli 0.999.0\"; exit 0; fi\nexec '{}' \"$@\"\n",
        real.display()
    );
    std::fs::write(&stub, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    stub
}

#[test]
fn a_codex_newer_than_any_tested_gets_a_note_and_its_own_facts() {
    let Some(real) = codex::bin() else { return };
    let dir = tempfile::tempdir().unwrap();
    let stub = newer_stub(dir.path(), &real);
    let run = doctor(&stub, CONFIGS[0].1);
    let j = run.json();
    let v = &j["checks"]["codex.version"];
    assert_eq!(v["status"], "ok", "{v:#}");
    assert_eq!(
        v["summary"],
        "codex-cli 0.999.0 (newer than any release codex-provider was tested with; what it says about Codex is read from this binary)"
    );
    assert_eq!(j["checks"]["codex.config_load"]["summary"], "codex-cli 0.999.0 loads config.toml");
    assert_eq!(doctor(&stub, CONFIGS[1].1).json()["checks"]["codex.config_load"]["status"], "fail");
    names_only("0.999.0", &run.stdout);
    // The default model is the binary's (what the real one behind the stub sends).
    let (codex_sent, probe_sent, run) = default_models(&stub);
    assert_eq!(probe_sent, codex_sent);
    names_only("0.999.0", &format!("{}{}", run.stdout, run.stderr));
}
