//! Shell completion: the committed static scripts stay in sync with the CLI, and the dynamic
//! engine offers provider ids, profile names and presets from `$CODEX_HOME`.
//!
//! After changing the CLI, regenerate the scripts with
//! `UPDATE_COMPLETIONS=1 cargo test --test it completions::`.

use std::path::PathBuf;

use crate::support::Home;

/// (shell argument, file under `completions/`)
const SCRIPTS: &[(&str, &str)] = &[
    ("bash", "codex-provider.bash"),
    ("zsh", "_codex-provider"),
    ("fish", "codex-provider.fish"),
    ("powershell", "_codex-provider.ps1"),
    ("elvish", "codex-provider.elv"),
];

#[test]
fn committed_scripts_match_the_binary() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let home = Home::new();
    let mut stale = vec![];
    for (shell, file) in SCRIPTS {
        let r = home.run(&["completions", shell]);
        r.code(0);
        assert!(r.stdout.contains("codex-provider"), "{shell}: {}", r.stdout);
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &r.stdout).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(r.stdout.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date with the CLI: {}\nregenerate with: UPDATE_COMPLETIONS=1 cargo test --test it completions::",
        stale.join(", ")
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let r = Home::new().run(&["completions", "tcsh"]);
    r.code(2);
    assert!(r.stderr.contains("tcsh"), "{}", r.stderr);
}

/// A home with providers `alpha` and `beta` and profile files `work` and `home`.
fn scratch_home() -> Home {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"alpha\"\n\n[model_providers.alpha]\nname = \"Alpha\"\nbase_url = \"http://127.0.0.1:9/v1\"\n\n[model_providers.beta]\nname = \"Beta\"\nbase_url = \"http://127.0.0.1:9/v1\"\n",
    );
    home.write("work.config.toml", "model_provider = \"alpha\"\n");
    home.write("home.config.toml", "model_provider = \"beta\"\n");
    home.write("notes.txt", "not a profile\n");
    home
}

/// Asks the dynamic engine for candidates the way the bash hook does (clap_complete 4.6
/// `env/shells.rs`): `COMPLETE=bash`, the index of the word being completed among the words
/// after `--`, and a separator in `_CLAP_IFS`.
fn complete(home: &Home, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "codex-provider"];
    args.extend_from_slice(words);
    let out = home
        .cmd(&args)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\u{b}")
        .output()
        .expect("run completion");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().split('\u{b}').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[test]
fn use_offers_configured_and_builtin_providers() {
    let home = scratch_home();
    let got = complete(&home, &["use", ""]);
    for want in ["alpha", "beta", "openai", "ollama", "-"] {
        assert!(got.iter().any(|c| c == want), "{want} not in {got:?}");
    }
    let got = complete(&home, &["use", "b"]);
    assert!(got.contains(&"beta".to_string()) && !got.contains(&"alpha".to_string()), "{got:?}");
}

#[test]
fn remove_offers_only_custom_providers() {
    let got = complete(&scratch_home(), &["remove", ""]);
    assert!(got.contains(&"alpha".to_string()) && got.contains(&"beta".to_string()), "{got:?}");
    assert!(!got.contains(&"openai".to_string()), "{got:?}");
}

#[test]
fn profile_flag_offers_profile_files() {
    let home = scratch_home();
    for words in [&["use", "alpha", "--profile", ""][..], &["doctor", "--profile", ""], &["profile", "show", ""]] {
        let got = complete(&home, words);
        let names: Vec<&str> = got.iter().map(String::as_str).filter(|c| !c.starts_with('-')).collect();
        assert_eq!(names, ["home", "work"], "{words:?}");
    }
}

#[test]
fn preset_flag_offers_presets() {
    let got = complete(&scratch_home(), &["add", "my-gw", "--preset", ""]);
    for want in ["openrouter", "azure", "ollama-local", "litellm", "deepseek"] {
        assert!(got.iter().any(|c| c == want), "{want} not in {got:?}");
    }
    assert!(got.len() >= 20, "{got:?}");
}

#[test]
fn codex_home_flag_on_the_line_is_honoured() {
    let home = scratch_home();
    let empty = Home::new();
    let dir = home.path().to_str().unwrap();
    let got = complete(&empty, &["--codex-home", dir, "use", ""]);
    assert!(got.contains(&"alpha".to_string()), "{got:?}");
    let got = complete(&empty, &["use", ""]);
    assert!(!got.contains(&"alpha".to_string()), "{got:?}");
}

#[test]
fn broken_config_completes_builtins_without_error() {
    let home = Home::new();
    home.write("config.toml", "[model_providers.alpha\nname = ");
    let got = complete(&home, &["use", ""]);
    assert!(got.contains(&"openai".to_string()), "{got:?}");
}

#[test]
fn dynamic_registration_script_is_printed() {
    let out = Home::new().cmd(&[]).env("COMPLETE", "bash").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("complete ") && text.contains("_CLAP_COMPLETE_INDEX"), "{text}");
}

/// `completions bash > /dev/full` used to panic inside clap_complete; a write error on stdout
/// is now exit 1 with one line, for every command's output.
#[cfg(target_os = "linux")] // /dev/full is Linux's
#[test]
fn a_full_disk_is_an_error_with_one_line() {
    let home = Home::new();
    for args in [&["completions", "bash"][..], &["list"], &["presets", "--json"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = home.cmd(args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr, "error: cannot write to stdout: no space left on device\n", "{args:?}");
    }
}

/// A reader that went away (`codex-provider list | head -0`) is not an error: exit 0, nothing
/// on stderr (ripgrep's rule).
#[test]
fn a_closed_pipe_is_success() {
    let home = Home::new();
    for args in [&["completions", "bash"][..], &["list"], &["presets"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = home.cmd(args).stdout(writer).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error") && !stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn new_verbs_offer_provider_ids() {
    let home = scratch_home();
    for words in [&["rename", ""][..], &["set", ""], &["unset", ""], &["export", ""]] {
        let got = complete(&home, words);
        assert!(got.iter().any(|c| c == "alpha") && got.iter().any(|c| c == "beta"), "{words:?}: {got:?}");
    }
}

/// The top level offers `use` (its alias `switch` used to take its place) and still
/// completes `sw` to `switch`.
#[test]
fn use_is_offered_and_switch_still_completes() {
    let home = scratch_home();
    let got = complete(&home, &[""]);
    assert!(got.contains(&"use".to_string()), "{got:?}");
    assert_eq!(complete(&home, &["sw"]), ["switch"]);
    assert_eq!(complete(&home, &["us"]), ["use"]);
}

/// `key set`/`key unset` offer only providers with an `env_key` (never a built-in).
#[test]
fn key_verbs_offer_only_providers_with_an_env_key() {
    let home = scratch_home();
    let mut cfg = home.read("config.toml");
    cfg.push_str("env_key = \"BETA_API_KEY\"\n");
    home.write("config.toml", &cfg);
    for words in [&["key", "set", ""][..], &["key", "unset", ""]] {
        let got = complete(&home, words);
        let ids: Vec<&str> = got.iter().map(String::as_str).filter(|c| !c.starts_with('-')).collect();
        assert_eq!(ids, ["beta"], "{words:?}: {got:?}");
    }
}

/// `--model` offers the remembered model lists: the named provider's, else every one.
#[test]
fn model_flag_offers_remembered_models() {
    let home = scratch_home();
    let dir = home.path().join(".codex-provider/models");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("alpha.json"), r#"{"models": ["a-1", "a-2"], "fetched_unix": 1}"#).unwrap();
    std::fs::write(dir.join("beta.json"), r#"{"models": ["b-1"], "fetched_unix": 1}"#).unwrap();
    assert_eq!(complete(&home, &["use", "alpha", "--model", ""]), ["a-1", "a-2"]);
    assert_eq!(complete(&home, &["use", "beta", "-m", ""]), ["b-1"]);
    assert_eq!(complete(&home, &["probe", "--model", ""]), ["a-1", "a-2", "b-1"]);
    assert_eq!(complete(&home, &["add", "new", "--model", "a"]), ["a-1", "a-2"]);
}
