//! `doctor --fix` never makes things worse (issue 12 item 3) and runs the legacy-profile
//! migration (issue 13), against the real Codex 0.171: each repair is tried on a copy and
//! kept only if Codex loads the result at least as well as before.

use std::path::Path;
use std::time::Duration;

use codex_provider::codex::ask;
use codex_provider::doctor::input::{self, Options};
use codex_provider::doctor::{FileRef, Fix, Repair, fix};

use crate::support::codex;
use crate::support::server::{Mode, Server};
use crate::support::{self, Home, Run};

const KEY: &str = "sk-fix-3c9e1a7f5b2d4e60";

/// The input doctor gathers for `home`, asking `bin` (not whatever CODEX_BIN the test has).
fn gathered(home: &Path, bin: &Path) -> input::DoctorInput {
    let mut i = input::gather(home, Options::default());
    let text = std::fs::read_to_string(home.join("config.toml")).ok();
    let files = ask::Files { home, config: text.as_deref(), profile: None };
    i.codex_load = Some(ask::verdict(bin, &files));
    i.codex_path = Some(bin.to_path_buf());
    i
}

fn rename(from: &str, to: &str) -> Repair {
    Repair::RenameKey { file: FileRef::Config, table: vec![], from: from.into(), to: to.into() }
}

/// The renames issue 12 measured as breaking (a real key renamed to a near one of another
/// type) are declined with Codex's own words; a good rename next to them is kept.
#[test]
fn a_rename_codex_would_refuse_stays_a_suggestion() {
    let Some(bin) = codex::bin_0171() else { return };
    let home = Home::new();
    let reference = std::fs::read_to_string(support::fixtures_dir().join("codex-keys/false-positives.config.toml"))
        .expect("reference config");
    home.write("config.toml", &format!("model_reasoning_efort = \"high\"\n{reference}"));
    let input = gathered(home.path(), &bin);
    assert!(input.codex_load.as_ref().unwrap().loads(), "{:?}", input.codex_load);
    let bad = Fix {
        summary: "rename the scope".into(),
        repairs: vec![rename("model_auto_compact_token_limit_scope", "model_auto_compact_token_limit")],
    };
    let good = Fix {
        summary: "rename the effort".into(),
        repairs: vec![rename("model_reasoning_efort", "model_reasoning_effort")],
    };
    let plan = fix::plan(&input, &[&bad, &good]);
    assert_eq!(plan.applied, vec!["rename the effort".to_string()]);
    assert_eq!(plan.declined.len(), 1, "{:?}", plan.declined);
    let d = &plan.declined[0];
    assert!(d.repair.contains("`model_auto_compact_token_limit_scope` to `model_auto_compact_token_limit`"), "{d:?}");
    assert!(d.why.contains("invalid type: string \"total\", expected i64"), "{d:?}");
    let out = plan.files[0].render();
    assert!(
        out.contains("model_auto_compact_token_limit_scope = \"total\"")
            && out.contains("model_reasoning_effort = \"high\""),
        "{out}"
    );
}

/// A rename to a key Codex knows but ignores here (a wrong table) is not "as well as
/// before" either: the rename from one ignored key to another is declined.
#[test]
fn a_rename_that_trades_one_ignored_key_for_another_is_declined() {
    let Some(bin) = codex::bin_0171() else { return };
    let home = Home::new();
    home.write("config.toml", "modle = \"gpt-5.4\"\n");
    let input = gathered(home.path(), &bin);
    let f = Fix { summary: "rename".into(), repairs: vec![rename("modle", "also_not_a_key")] };
    let plan = fix::plan(&input, &[&f]);
    assert!(plan.applied.is_empty() && plan.files.is_empty());
    assert!(plan.declined[0].why.contains("Codex would ignore `also_not_a_key`"), "{:?}", plan.declined);
}

fn run_env(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = home.cmd(args);
    c.env("NO_PROXY", "127.0.0.1,localhost");
    for (k, v) in env {
        c.env(k, v);
    }
    Run::from(c.output().unwrap())
}

/// The config a popular guide teaches, `[profiles.customapi]` and all.
fn guide_config(base: &str) -> String {
    format!(
        "model = \"gpt-5.4\"\nmodel_provider = \"openai\"\n\n[profiles.customapi]\nmodel = \"fake-model\"\nmodel_provider = \"customapi\"\n\n[model_providers.customapi]\nname = \"Custom API\"\nbase_url = \"{base}\"\nenv_key = \"CUSTOM_API_KEY\"\nwire_api = \"responses\"\n"
    )
}

/// Issue 13 (b): the guide's config → `doctor --fix --yes` → `codex --profile customapi exec` answers.
#[test]
fn the_guides_profile_works_after_doctor_fix() {
    let Some(bin) = codex::bin_0171() else { return };
    let server = Server::start(Mode::Ok);
    let home = Home::new();
    home.write("config.toml", &guide_config(&server.base()));
    let bin_s = bin.display().to_string();
    let env = [("CUSTOM_API_KEY", KEY), ("CODEX_BIN", bin_s.as_str())];
    let before = run_env(&home, &["doctor", "--offline", "--json", "--profile", "customapi"], &env);
    let c = &before.json()["checks"]["config.legacy_profiles"];
    assert_eq!(c["status"], "fail", "{c}");
    assert!(c["summary"].as_str().unwrap().contains("`codex --profile customapi` refuses to start"), "{c}");
    let refused = codex::exec_bin(&bin, home.path(), &["--profile", "customapi"], &env, Duration::from_secs(20));
    assert!(refused.stderr.contains("cannot be used while"), "Codex accepted the legacy table: {}", refused.stderr);

    let r = run_env(&home, &["doctor", "--offline", "--fix", "--yes"], &env);
    r.no_leak(KEY);
    assert!(r.stderr.contains("Migrated [profiles.customapi]"), "{}", r.stderr);
    assert!(!home.read("config.toml").contains("[profiles"), "{}", home.read("config.toml"));
    assert!(home.read("customapi.config.toml").contains("model_provider = \"customapi\""));
    let out = codex::exec_bin(&bin, home.path(), &["--profile", "customapi"], &env, Duration::from_secs(40));
    assert!(out.stdout.contains("hi from fake"), "codex: {:?}\n{}", out.stdout, out.stderr);
}

/// Migrating `profile = "x"`: `--keep-default` (and `doctor --fix --yes`) make x's provider
/// and model the default, so plain `codex` keeps going where it went.
#[test]
fn migrating_the_selector_can_keep_its_default() {
    let base = guide_config("http://127.0.0.1:9/v1")
        .replace("model_provider = \"openai\"\n", "model_provider = \"openai\"\nprofile = \"customapi\"\n");
    for args in [&["profile", "migrate", "--keep-default"][..], &["doctor", "--offline", "--fix", "--yes"][..]] {
        let home = Home::new();
        home.write("config.toml", &base);
        let r = home.run(args);
        if args[0] == "profile" {
            r.code(0);
        }
        let cfg = home.read("config.toml");
        assert!(!cfg.contains("profile = "), "{args:?}: {cfg}");
        assert!(
            cfg.contains("model_provider = \"customapi\"") && cfg.contains("model = \"fake-model\""),
            "{args:?}: {cfg}"
        );
        assert!(r.stderr.contains("made its selection the default"), "{args:?}: {}", r.stderr);
    }
    // Without it (and no terminal): the selector goes, the default stays, the hint says how.
    let home = Home::new();
    home.write("config.toml", &base);
    let r = home.run(&["profile", "migrate"]);
    r.code(0);
    assert!(home.read("config.toml").contains("model_provider = \"openai\""));
    assert!(r.stderr.contains("codex-provider use --profile customapi"), "{}", r.stderr);
}
