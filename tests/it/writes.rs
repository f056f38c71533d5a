//! The rules for writing files (README "How files are written"), checked on real files: every
//! corpus file survives `add` and `use` byte for byte outside the edited keys; unparseable
//! files are never written; no-ops keep bytes and mtime; symlinks, modes, concurrency, undo.

use std::fs;
use std::path::PathBuf;

use crate::support::{Home, corpus_dir};
use similar::{ChangeTag, TextDiff};

/// Valid corpus files (the `invalid-` ones are tested separately).
fn corpus_files() -> Vec<PathBuf> {
    let v: Vec<PathBuf> = crate::support::corpus_files()
        .into_iter()
        .filter(|p| p.parent().is_some_and(|d| !d.ends_with("profiles")))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().contains("invalid"))
        .collect();
    assert!(v.len() >= 18, "corpus not found at {}", corpus_dir().display());
    v
}

/// Lines removed and added between two texts.
fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let diff = TextDiff::from_lines(old, new);
    let mut del = Vec::new();
    let mut ins = Vec::new();
    for c in diff.iter_all_changes() {
        match c.tag() {
            ChangeTag::Delete => del.push(c.value().trim_end().to_string()),
            ChangeTag::Insert => ins.push(c.value().trim_end().to_string()),
            ChangeTag::Equal => {}
        }
    }
    (del, ins)
}

#[test]
fn add_to_every_corpus_file_only_inserts_the_new_table() {
    for f in corpus_files() {
        let home = Home::new();
        let orig = fs::read_to_string(&f).unwrap();
        home.write("config.toml", &orig);
        home.run(&["add", "zz-new", "--base-url", "http://127.0.0.1:9/v1", "--env-key", "ZZ_KEY", "--no-probe"])
            .code(0);
        let new = home.read("config.toml");
        let (del, ins) = changes(&orig, &new);
        assert!(del.is_empty(), "{}: add removed lines {del:?}", f.display());
        let want = [
            "",
            "[model_providers.zz-new]",
            "name = \"zz-new\"",
            "base_url = \"http://127.0.0.1:9/v1\"",
            "env_key = \"ZZ_KEY\"",
            "wire_api = \"responses\"",
        ];
        let ins_trim: Vec<&str> = ins.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
        assert_eq!(ins_trim, want[1..].to_vec(), "{}: unexpected inserted lines", f.display());
        // The new table sits after the last provider table (when there is one).
        let last_provider =
            orig.lines().enumerate().filter(|(_, l)| l.starts_with("[model_providers.")).map(|(i, _)| i).last();
        let new_at = new.lines().position(|l| l == "[model_providers.zz-new]").unwrap();
        if let Some(last) = last_provider {
            assert!(new_at > last, "{}: new table at line {new_at}, before the last provider at {last}", f.display());
            let between = new.lines().skip(last + 1).take(new_at - last - 1);
            assert!(
                between.clone().all(|l| !l.starts_with('[')),
                "{}: a table sits between the last provider and the new one",
                f.display()
            );
        }
    }
}

#[test]
fn use_on_every_corpus_file_only_touches_the_selection_keys() {
    for f in corpus_files() {
        let home = Home::new();
        let orig = fs::read_to_string(&f).unwrap();
        home.write("config.toml", &orig);
        home.run(&["use", "ollama", "--model", "zz-model"]).code(0);
        let new = home.read("config.toml");
        let (del, ins) = changes(&orig, &new);
        for l in del.iter().chain(&ins) {
            let k = l.split('=').next().unwrap().trim();
            assert!(k == "model" || k == "model_provider", "{}: use changed an unrelated line `{l}`", f.display());
        }
        assert!(new.contains("model_provider = \"ollama\""), "{}", f.display());
        assert!(new.contains("model = \"zz-model\""), "{}", f.display());
        // Both keys land at the top level, before the first table header.
        let first_table = new.lines().position(|l| l.starts_with('[')).unwrap_or(usize::MAX);
        let at = new.lines().position(|l| l.starts_with("model_provider = \"ollama\"")).unwrap();
        assert!(at < first_table, "{}: model_provider written inside a table", f.display());
    }
}

#[test]
fn unparseable_files_are_never_written() {
    for name in ["19-invalid-unclosed-string.toml", "20-invalid-duplicate-table.toml", "21-invalid-bad-escape.toml"] {
        let home = Home::new();
        let orig = fs::read(corpus_dir().join(name)).unwrap();
        fs::write(home.config(), &orig).unwrap();
        for args in [
            vec!["add", "x", "--base-url", "http://h/v1", "--no-probe"],
            vec!["use", "ollama"],
            vec!["remove", "x"],
            vec!["profile", "migrate"],
        ] {
            let r = home.run(&args);
            r.code(2);
            assert!(r.stderr.contains("config.toml:"), "{name} {args:?}: no path:line:col in {}", r.stderr);
            assert_eq!(r.stderr.lines().filter(|l| l.starts_with("error:")).count(), 1);
            assert_eq!(fs::read(home.config()).unwrap(), orig, "{name} {args:?} wrote the file");
            let left: Vec<String> = crate::support::snapshot(home.path()).into_keys().collect();
            assert_eq!(left, ["config.toml"], "{name} {args:?}: a refused command created files");
            assert!(!home.path().join(".codex-provider").exists(), "{name} {args:?} created .codex-provider/");
        }
    }
    let home = Home::new();
    fs::copy(corpus_dir().join("20-invalid-duplicate-table.toml"), home.config()).unwrap();
    let r = home.run(&["list"]);
    assert!(r.stderr.contains("config.toml:22:"), "duplicate table position: {}", r.stderr);
}

/// Refusals of every kind leave `$CODEX_HOME` as they found it: no state folder, no lock, no
/// backup; a home that did not exist is not left behind either.
#[test]
fn refused_commands_create_nothing() {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"a\"\n\n[model_providers.a]\nname = \"a\"\nbase_url = \"http://a/v1\"\n",
    );
    for args in [
        vec!["add", "a", "--base-url", "http://h/v1", "--no-probe"],
        vec!["use", "nope"],
        vec!["remove", "a"],
        vec!["add", "b", "--base-url", "not a url", "--no-probe"],
    ] {
        let r = home.run(&args);
        assert_ne!(r.code, 0, "{args:?} should be refused");
        let left: Vec<String> = crate::support::snapshot(home.path()).into_keys().collect();
        assert_eq!(left, ["config.toml"], "{args:?}: a refused command created files");
        assert!(!home.path().join(".codex-provider").exists(), "{args:?} created .codex-provider/");
    }
    let missing = home.path().join("new-home");
    let r = home.cmd(&["use", "nope"]).env("CODEX_HOME", &missing).output().unwrap();
    assert_ne!(r.status.code(), Some(0));
    assert!(!missing.exists(), "a refused command left the Codex home it created");
}

#[test]
fn no_op_keeps_bytes_and_mtime() {
    let home = Home::new();
    fs::copy(corpus_dir().join("01-minimal-custom-provider.toml"), home.config()).unwrap();
    let old = fs::metadata(home.config()).unwrap().modified().unwrap();
    let before = fs::read(home.config()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let r = home.run(&["use", "lan-vllm"]);
    r.code(0);
    assert!(r.stderr.contains("nothing to change"), "{}", r.stderr);
    assert_eq!(fs::read(home.config()).unwrap(), before);
    assert_eq!(fs::metadata(home.config()).unwrap().modified().unwrap(), old, "a no-op touched the mtime");
    assert!(
        !home.path().join(".codex-provider/backups").exists()
            || fs::read_dir(home.path().join(".codex-provider/backups")).unwrap().count() == 0
    );
}

#[test]
fn dry_run_writes_nothing_and_prints_a_diff() {
    let home = Home::new();
    fs::copy(corpus_dir().join("02-openrouter-commented-alternatives.toml"), home.config()).unwrap();
    let before = fs::read(home.config()).unwrap();
    for args in [
        vec!["add", "gw", "--base-url", "http://h/v1", "--no-probe", "--dry-run", "--use", "--profile", "p"],
        vec!["use", "openrouter", "--model", "x", "--dry-run"],
        vec!["remove", "openrouter", "--force", "--dry-run"],
    ] {
        let r = home.run(&args);
        r.code(0);
        assert!(r.stdout.contains("@@"), "{args:?}: no diff on stdout: {}", r.stdout);
        assert_eq!(fs::read(home.config()).unwrap(), before, "{args:?}");
        assert!(!home.path().join("p.config.toml").exists());
    }
    let fresh = Home::new();
    fresh.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe", "--dry-run"]).code(0);
    assert!(!fresh.config().exists(), "--dry-run created config.toml");
}

#[cfg(unix)] // Wine 8 makes a symlink std then reads as a plain file, so what Windows does with a link cannot be seen here
#[test]
fn symlink_is_followed_and_kept() {
    let home = Home::new();
    let real_dir = tempfile::tempdir().unwrap();
    let target = real_dir.path().join("dotfiles-config.toml");
    fs::copy(corpus_dir().join("01-minimal-custom-provider.toml"), &target).unwrap();
    crate::support::symlink_file(&target, &home.config()).unwrap();
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe"]).code(0);
    assert!(fs::symlink_metadata(home.config()).unwrap().file_type().is_symlink(), "the link was replaced by a file");
    assert!(fs::read_to_string(&target).unwrap().contains("[model_providers.gw]"));
    // A dangling link is an error, and nothing is created.
    let home2 = Home::new();
    crate::support::symlink_file(&real_dir.path().join("missing.toml"), &home2.config()).unwrap();
    let r = home2.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe"]);
    r.code(2);
    assert!(r.stderr.contains("dangling symlink"), "{}", r.stderr);
    assert!(!real_dir.path().join("missing.toml").exists());
}

#[cfg(unix)] // file modes; the Windows counterpart is below
#[test]
fn modes_are_kept_and_new_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe", "--profile", "work"]).code(0);
    for f in ["config.toml", "work.config.toml"] {
        let mode = fs::metadata(home.path().join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{f} created with mode {mode:o}");
    }
    fs::set_permissions(home.config(), fs::Permissions::from_mode(0o640)).unwrap();
    home.run(&["use", "gw", "--model", "m"]).code(0);
    let mode = fs::metadata(home.config()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "mode not kept");
    // The backup of that write has the same mode as the file it copies.
    let backups = home.path().join(".codex-provider/backups");
    let newest = fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".config.toml"))
        .max()
        .unwrap();
    let bmode = fs::metadata(&newest).unwrap().permissions().mode() & 0o777;
    assert_eq!(bmode, 0o640);
}

/// Windows has no modes: new files and backups get what the folder's ACL gives, so they are
/// plain writable files like any other the user makes there.
#[cfg(windows)]
#[test]
fn new_files_take_the_folders_permissions() {
    let home = Home::new();
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe", "--profile", "work"]).code(0);
    home.run(&["use", "gw", "--model", "m"]).code(0);
    for f in ["config.toml", "work.config.toml"] {
        assert!(!fs::metadata(home.path().join(f)).unwrap().permissions().readonly(), "{f} is read-only");
    }
    let backups: Vec<_> = fs::read_dir(home.path().join(".codex-provider/backups")).unwrap().flatten().collect();
    assert!(backups.len() >= 2, "{backups:?}");
    for b in backups {
        assert!(!b.metadata().unwrap().permissions().readonly(), "{:?} is read-only", b.path());
    }
}

#[test]
fn concurrent_adds_all_land() {
    let home = Home::new();
    fs::copy(corpus_dir().join("10-big-mcp-servers-env-subtables.toml"), home.config()).unwrap();
    let children: Vec<_> = (0..20)
        .map(|i| {
            let id = format!("p{i}");
            home.cmd(&["add", &id, "--base-url", "http://h/v1", "--no-probe"]).spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let text = home.read("config.toml");
    for i in 0..20 {
        assert!(text.contains(&format!("[model_providers.p{i}]")), "p{i} lost");
    }
    assert!(text.contains("[mcp_servers.sentry.tools."), "unrelated content lost");
}

#[test]
fn undo_restores_previous_bytes_step_by_step() {
    let home = Home::new();
    let orig = fs::read(corpus_dir().join("03-azure-inline-tables.toml")).unwrap();
    fs::write(home.config(), &orig).unwrap();
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe"]).code(0);
    let after_add = fs::read(home.config()).unwrap();
    home.run(&["use", "gw", "--model", "m", "--profile", "work"]).code(0);
    assert!(home.path().join("work.config.toml").exists());
    home.run(&["undo"]).code(0);
    assert!(!home.path().join("work.config.toml").exists(), "undo did not remove the file the write created");
    assert_eq!(fs::read(home.config()).unwrap(), after_add);
    home.run(&["undo"]).code(0);
    assert_eq!(fs::read(home.config()).unwrap(), orig);
    home.run(&["undo"]).code(1);
}

#[test]
fn use_dash_swaps_back_and_forth() {
    let home = Home::new();
    fs::copy(corpus_dir().join("02-openrouter-commented-alternatives.toml"), home.config()).unwrap();
    let first = home.run(&["current"]).stdout;
    home.run(&["use", "ollama", "--model", "gpt-oss:20b"]).code(0);
    home.run(&["use", "-"]).code(0);
    assert_eq!(home.run(&["current"]).stdout, first);
    home.run(&["use", "-"]).code(0);
    assert_eq!(home.run(&["current"]).stdout.trim(), "ollama");
}

#[test]
fn remove_and_profile_errors_have_exit_codes() {
    let home = Home::new();
    fs::copy(corpus_dir().join("01-minimal-custom-provider.toml"), home.config()).unwrap();
    let before = fs::read(home.config()).unwrap();
    home.run(&["remove", "lan-vllm"]).code(1);
    home.run(&["remove", "nosuch"]).code(2);
    home.run(&["add", "openai", "--base-url", "http://h/v1", "--no-probe"]).code(2);
    home.run(&["use", "nosuch"]).code(2);
    home.run(&["profile", "show", "nosuch"]).code(2);
    home.run(&["bogus-command"]).code(2);
    assert_eq!(fs::read(home.config()).unwrap(), before);
}

/// A TOML error is recognised by its kind (not by its hint's text) and offers `undo` only
/// when there is a backup to restore; the line and the exit code are the same either way.
#[test]
fn a_parse_error_offers_undo_only_when_there_is_a_backup() {
    let home = Home::new();
    home.write("config.toml", "a = \"x\n");
    let fresh = home.run(&["list"]);
    fresh.code(2);
    let (line, hint) = fresh.stderr.split_once('\n').expect("two lines");
    assert!(line.starts_with("error: ") && line.contains("config.toml:1:"), "{}", fresh.stderr);
    assert_eq!(hint, "  hint: fix the TOML by hand (the file was not changed)\n");

    home.write("config.toml", "");
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe"]).code(0);
    home.write("config.toml", "a = \"x\n");
    let backed_up = home.run(&["list"]);
    backed_up.code(2);
    assert_eq!(
        backed_up.stderr,
        format!(
            "{line}\n  hint: fix the TOML by hand (the file was not changed); `codex-provider undo` restores our last backup\n"
        )
    );
}
