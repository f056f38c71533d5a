//! `doctor --fix` never makes things worse (issue 12 item 3) and runs the legacy-profile
//! migration (issue 13), against the real Codex: each repair is tried on a copy and kept
//! only if Codex loads the result at least as well as before.

#[cfg(unix)]
use std::time::Duration;

#[cfg(unix)]
use crate::journeys::run_env;
use crate::support::Home;
#[cfg(unix)]
use crate::support::codex;
#[cfg(unix)]
use crate::support::server::{Mode, Server};

#[cfg(unix)]
const KEY: &str = "sk-fix-3c9e1a7f5b2d4e60";

/// The config a popular guide teaches, `[profiles.customapi]` and all.
fn guide_config(base: &str) -> String {
    format!(
        "model = \"gpt-5.4\"\nmodel_provider = \"openai\"\n\n[profiles.customapi]\nmodel = \"fake-model\"\nmodel_provider = \"customapi\"\n\n[model_providers.customapi]\nname = \"Custom API\"\nbase_url = \"{base}\"\nenv_key = \"CUSTOM_API_KEY\"\nwire_api = \"responses\"\n"
    )
}

/// Issue 13 (b): the guide's config → `doctor --fix --yes` → `codex --profile customapi exec` answers.
#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn the_guides_profile_works_after_doctor_fix() {
    let Some(bin) = codex::bin() else { return };
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
