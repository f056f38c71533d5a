//! The smoke journey of issue 22, on every platform (on Windows it is the one that shows the
//! binary works end to end under Wine): a scratch home with a CRLF config, `add --no-probe`,
//! `use`, `list`, `show`, `doctor --offline`, `undo` back to the original bytes, and the
//! PowerShell completion script.

use crate::support::{Home, home_paths};

const CRLF: &str = "# my Codex config\r\nmodel = \"gpt-5.4\"\r\nmodel_provider = \"corp\"\r\n\r\n[model_providers.corp]\r\nname = \"Corp\"\r\nbase_url = \"http://corp.example/v1\"\r\nenv_key = \"CORP_KEY\"\r\n";

#[test]
fn add_use_list_show_doctor_undo_on_a_crlf_config() {
    let home = Home::new();
    home.write("config.toml", CRLF);
    let run = |args: &[&str]| {
        let r = home.run(args);
        (r.code, home_paths(&r.stdout, home.path()), home_paths(&r.stderr, home.path()))
    };

    let (code, _, err) = run(&["add", "gw", "--base-url", "http://gw.example/v1", "--env-key", "GW_KEY", "--no-probe"]);
    assert_eq!(code, 0, "{err}");
    let after_add = home.read("config.toml");
    assert!(after_add.contains("[model_providers.gw]\r\n"), "the new table takes CRLF:\n{after_add:?}");
    assert!(!after_add.replace("\r\n", "").contains('\n'), "a bare LF crept in:\n{after_add:?}");

    let (code, _, err) = run(&["use", "gw", "--model", "m1"]);
    assert_eq!(code, 0, "{err}");
    assert!(home.read("config.toml").contains("model_provider = \"gw\"\r\n"));

    let (code, out, err) = run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("gw") && out.contains("corp"), "{out}");

    let (code, out, err) = run(&["show", "gw"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("http://gw.example/v1"), "{out}");

    let (code, out, err) = run(&["doctor", "--offline", "--json"]);
    assert!(code == 0 || code == 1, "doctor exit {code}: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["checks"]["config.parse"]["status"], "ok", "{}", v["checks"]["config.parse"]);

    for _ in 0..2 {
        let (code, _, err) = run(&["undo"]);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read(home.config()).unwrap(), CRLF.as_bytes(), "undo did not give the original bytes back");

    let (code, out, err) = run(&["completions", "powershell"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Register-ArgumentCompleter") && out.contains("codex-provider"), "{out}");
}

/// How shown paths are compared on Windows: the home becomes `[HOME]` and the separators after
/// it `/`, in plain text and in JSON (where `\\` is a separator and `\n` ends the path).
#[cfg(windows)]
#[test]
fn shown_home_paths_compare_with_slashes() {
    let root = std::path::Path::new(r"C:\tmp\.tmpAB");
    assert_eq!(home_paths(r"wrote C:\tmp\.tmpAB\a\b.toml.", root), "wrote [HOME]/a/b.toml.");
    assert_eq!(
        home_paths(r#""--- C:\\tmp\\.tmpAB\\config.toml\n+++ C:\\tmp\\.tmpAB\\x""#, root),
        r#""--- [HOME]/config.toml\n+++ [HOME]/x""#
    );
}
