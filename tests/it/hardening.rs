//! Issue 6: nothing lost, nothing leaked, no hang — under SIGKILL, concurrency, hostile
//! files and a canary key run through every command. Figures printed with `--nocapture`
//! are the ones quoted in RELIABILITY.md.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::support::{Home, Run, corpus_dir};
use codex_provider::config::ConfigFile;

const BIG: &str = "12-big-annotated-template.toml";

fn big() -> Vec<u8> {
    fs::read(corpus_dir().join(BIG)).unwrap()
}

/// The bytes `args` would produce from `old`, by running them undisturbed in a fresh home.
fn expected_after(old: &[u8], args: &[&str], prev: Option<&Path>) -> Vec<u8> {
    let h = Home::new();
    fs::write(h.config(), old).unwrap();
    if let Some(p) = prev {
        let _ = fs::create_dir_all(h.path().join(".codex-provider"));
        let _ = fs::copy(p, h.path().join(".codex-provider/previous.json"));
    }
    h.run(args).code(0);
    fs::read(h.config()).unwrap()
}

/// Starts `args` paused at `point` and returns once it printed `paused at POINT` (the
/// caller kills and waits for it).
#[allow(clippy::zombie_processes)]
fn spawn_paused(home: &Home, args: &[&str], point: &str) -> Child {
    let mut child = home
        .cmd(args)
        .env("CODEX_PROVIDER_TEST_PAUSE", point)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} never paused at {point}; stderr:\n{seen}");
        }
        seen.push_str(&line);
        if line.trim() == format!("paused at {point}") {
            return child;
        }
    }
}

/// The newest backup of config.toml: `backups/ID.config.toml` of the journal's last entry.
fn newest_backup(home: &Home) -> Option<PathBuf> {
    let backups = home.path().join(".codex-provider/backups");
    let journal = fs::read_to_string(backups.join("journal.jsonl")).ok()?;
    let last: serde_json::Value = serde_json::from_str(journal.lines().last()?).ok()?;
    Some(backups.join(format!("{}.config.toml", last["id"].as_str()?)))
}

fn temp_litter(home: &Home) -> Vec<String> {
    fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn sigkill_at_every_pause_point_leaves_old_or_new_and_releases_the_lock() {
    let old = big();
    let cases: [&[&str]; 2] =
        [&["add", "zz-kill", "--base-url", "http://h/v1", "--no-probe", "--use"], &["use", "ollama", "--model", "m1"]];
    let mut kills = 0;
    for point in ["locked", "after-backup", "before-rename", "after-rename"] {
        for args in cases {
            let new = expected_after(&old, args, None);
            assert_ne!(new, old);
            let home = Home::new();
            fs::write(home.config(), &old).unwrap();
            let mut child = spawn_paused(&home, args, point);
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            kills += 1;
            let now = fs::read(home.config()).unwrap();
            let want = if point == "after-rename" { &new } else { &old };
            assert!(&now == want, "{point} {args:?}: config.toml is neither the expected old nor new content");
            let backup = newest_backup(&home);
            if point == "locked" {
                assert!(backup.is_none(), "a backup before anything was written");
            } else {
                let b = backup.unwrap_or_else(|| panic!("{point}: no backup although the write had started"));
                assert_eq!(fs::read(&b).unwrap(), old, "{point}: backup is not the old content");
            }
            // The kernel dropped the dead process's flock: the next writer gets it (a held lock
            // would make it wait out the lock's deadline and fail).
            home.run(&["add", "after-kill", "--base-url", "http://h/v1", "--no-probe"]).code(0);
            assert!(temp_litter(&home).is_empty(), "{point}: temp files left: {:?}", temp_litter(&home));
            let text = home.read("config.toml");
            assert!(text.contains("[model_providers.after-kill]"));
            ConfigFile::parse(&home.config(), text).unwrap();
            if point == "after-rename" {
                // undo walks back: first the follow-up add, then the killed write.
                home.run(&["undo"]).code(0);
                home.run(&["undo"]).code(0);
                assert_eq!(fs::read(home.config()).unwrap(), old, "undo after a kill");
            }
        }
    }
    eprintln!("pause-point kills: {kills}");
}

/// xorshift64* for reproducible kill times.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

#[test]
fn sigkill_at_random_times_never_tears_the_file() {
    let home = Home::new();
    fs::write(home.config(), big()).unwrap();
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let (mut kept_old, mut got_new) = (0, 0);
    let runs = 30;
    for i in 0..runs {
        let id = format!("r{i}");
        let model = format!("m{i}");
        let args: Vec<&str> = if i % 2 == 0 {
            vec!["add", &id, "--base-url", "http://h/v1", "--no-probe"]
        } else {
            vec!["use", "ollama", "--model", &model]
        };
        let old = fs::read(home.config()).unwrap();
        let prev = home.path().join(".codex-provider/previous.json");
        let new = expected_after(&old, &args, prev.exists().then_some(prev.as_path()));
        let mut child = home.cmd(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        let _ = child.kill();
        child.wait().unwrap();
        let now = fs::read(home.config()).unwrap();
        if now == old {
            kept_old += 1;
        } else if now == new {
            got_new += 1;
        } else {
            panic!("run {i} {args:?}: torn config.toml ({} bytes)", now.len());
        }
        ConfigFile::parse(&home.config(), String::from_utf8(now).unwrap()).unwrap();
    }
    // Still usable afterwards: lock free, file valid.
    home.run(&["add", "final", "--base-url", "http://h/v1", "--no-probe"]).code(0);
    home.run(&["list", "--json"]).code(0);
    eprintln!("random kills: {runs} runs, {kept_old} left the old content, {got_new} the new");
}

#[test]
fn fifty_concurrent_writers_all_land_and_readers_never_see_a_partial_file() {
    let home = Arc::new(Home::new());
    let old = String::from_utf8(big()).unwrap();
    fs::write(home.config(), &old).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let lists = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (home, done, reads, lists) = (home.clone(), done.clone(), reads.clone(), lists.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !done.load(Ordering::SeqCst) {
                let text = fs::read_to_string(home.config()).unwrap();
                assert!(!text.is_empty(), "read an empty config.toml");
                ConfigFile::parse(&home.config(), text).expect("a reader saw a partial file");
                reads.fetch_add(1, Ordering::SeqCst);
                n += 1;
                if n % 10 == 0 {
                    let r = home.run(&["list", "--json"]);
                    r.code(0);
                    r.json(); // list --json during writes
                    lists.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
    };
    let t = Instant::now();
    let children: Vec<Child> = (0..50)
        .map(|i| {
            home.cmd(&["add", &format!("c{i}"), "--base-url", &format!("http://h{i}/v1"), "--no-probe"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let took = t.elapsed();
    done.store(true, Ordering::SeqCst);
    reader.join().unwrap();
    let text = home.read("config.toml");
    for i in 0..50 {
        assert!(text.contains(&format!("[model_providers.c{i}]")), "c{i} lost");
    }
    // Nothing else was lost: the original lines are still there, in order.
    let mut it = text.lines();
    for l in old.lines() {
        assert!(it.any(|n| n == l), "line lost: {l}");
    }
    eprintln!(
        "50 concurrent writers in {took:?}; {} file reads and {} `list --json` runs during the writes all parsed",
        reads.load(Ordering::SeqCst),
        lists.load(Ordering::SeqCst)
    );
}

// ---------------------------------------------------------------- hostile files

/// Every command that reads config.toml, with the exit code it must give on a hostile file.
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["add", "y", "--base-url", "http://h/v1", "--no-probe"],
        vec!["use", "ollama"],
        vec!["remove", "x", "--force"],
        vec!["profile", "migrate"],
        vec!["doctor", "--fix", "--yes", "--offline"],
        vec!["list"],
        vec!["show", "x"],
        vec!["current"],
    ]
}

/// Runs every command on a home set up by `setup`; each must exit `code` with one `error:`
/// line containing `msg`, within 5 s, and leave every file as it was.
#[track_caller]
fn refused_everywhere(setup: &dyn Fn(&Home), code_for: &dyn Fn(&[&str]) -> i32, msg: &str) {
    for args in commands() {
        let home = Home::new();
        setup(&home);
        let before = snapshot(home.path());
        let t = Instant::now();
        let r = home.run(&args);
        let took = t.elapsed();
        let want = code_for(&args);
        assert_eq!(r.code, want, "{args:?}: exit {}\n{}{}", r.code, r.stdout, r.stderr);
        if args[0] == "doctor" {
            // doctor reports it as a failed check, with the remedy, rather than an error line.
            assert!(r.stdout.contains(msg), "{args:?}: no {msg:?} in\n{}", r.stdout);
        } else if want != 0 {
            let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
            assert_eq!(errors.len(), 1, "{args:?}: {}", r.stderr);
            assert!(errors[0].contains(msg), "{args:?}: {:?} lacks {msg:?}", errors[0]);
        }
        // Refused before any network or lock wait (a generous bound: a loaded machine is slow,
        // a probe or a lock wait is slower still).
        assert!(took < Duration::from_secs(60), "{args:?} took {took:?}");
        assert_eq!(snapshot(home.path()), before, "{args:?} changed a file");
    }
}

/// Every file under `dir` (following no links) with its bytes; lock file excluded.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut t = crate::support::snapshot(dir);
    t.retain(|rel, _| Path::new(rel).file_name().is_none_or(|n| n != "lock"));
    t
}

/// doctor reports a broken config as a failed check (exit 1) instead of stopping.
fn doctor1(args: &[&str]) -> i32 {
    if args[0] == "doctor" { 1 } else { 2 }
}

#[test]
fn unparseable_toml_is_refused_by_every_command() {
    refused_everywhere(&|h| h.write("config.toml", "model = \"x\n[a]\n"), &doctor1, "config.toml:1:");
}

#[test]
fn wrong_types_are_refused_with_exit_2_and_doctor_flags_them() {
    for (text, msg) in [
        ("model_providers = \"x\"\n", "must be a table"),
        ("model_providers.x = \"s\"\n", "`model_providers.x` must be a table"),
        ("model = 5\n", "`model` must be a string"),
        ("model_provider = \"x\"\n\n[model_provider.s]\na = 1\n", "duplicate key"),
        ("[model_provider.s]\na = 1\n", "`model_provider` must be a string, not a table"),
        ("[model_providers.x]\nname = \"X\"\nbase_url = \"http://h/v1\"\nwire_api = 3\n", "wire_api` must be a string"),
    ] {
        let doctor_code = if text.contains("wire_api") { 0 } else { 1 };
        let setup = |h: &Home| h.write("config.toml", text);
        if text.contains("wire_api") {
            // doctor --fix repairs this one (wire_api -> "responses"): every other command refuses.
            for args in commands().into_iter().filter(|a| a[0] != "doctor") {
                let h = Home::new();
                setup(&h);
                let r = h.run(&args);
                r.code(2);
                assert!(r.stderr.contains(msg), "{args:?}: {}", r.stderr);
                assert_eq!(h.read("config.toml"), text);
            }
            let h = Home::new();
            setup(&h);
            h.run(&["doctor", "--fix", "--yes", "--offline"]).code(doctor_code);
            assert!(h.read("config.toml").contains("wire_api = \"responses\""));
            continue;
        }
        refused_everywhere(&setup, &doctor1, if msg == "duplicate key" { "config.toml:" } else { msg });
    }
}

#[test]
fn enormous_file_is_refused_fast() {
    // 20 MB of plausible [projects] tables: refused by size before parsing.
    let mut text = String::from("model = \"m\"\n");
    let mut i = 0;
    while text.len() < 20 << 20 {
        text.push_str(&format!("\n[projects.\"/home/u/code/project-{i}\"]\ntrust_level = \"trusted\"\n"));
        i += 1;
    }
    let file = tempfile::NamedTempFile::new().unwrap();
    fs::write(file.path(), &text).unwrap();
    let t = Instant::now();
    refused_everywhere(
        &|h| {
            fs::hard_link(file.path(), h.config()).unwrap_or_else(|_| {
                fs::copy(file.path(), h.config()).unwrap();
            })
        },
        &doctor1,
        "too large",
    );
    eprintln!("20 MiB config: 8 commands refused in {:?} in all", t.elapsed());
}

#[test]
fn deep_nesting_is_refused_without_a_stack_overflow() {
    let arrays = format!("a = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let tables = format!("a = {}1{}\n", "{ b = ".repeat(10_000), " }".repeat(10_000));
    let keys = format!("{} = 1\n", vec!["k"; 10_000].join("."));
    let header = format!("[{}]\nx = 1\n", vec!["t"; 10_000].join("."));
    for text in [arrays, tables, keys, header] {
        refused_everywhere(&|h| h.write("config.toml", &text), &doctor1, "recursion");
    }
}

#[test]
fn unreadable_paths_are_refused() {
    // config.toml is a directory
    refused_everywhere(&|h| fs::create_dir(h.config()).unwrap(), &doctor1, "is a directory");
    // Symlinks on Unix only: Wine 8 makes a symlink that std then reads as a plain file, so what
    // Windows does with a link cannot be seen here.
    // a dangling symlink
    #[cfg(unix)]
    refused_everywhere(
        &|h| crate::support::symlink_file(&h.path().join("nowhere.toml"), &h.config()).unwrap(),
        &doctor1,
        "dangling symlink",
    );
    // a symlink loop
    #[cfg(unix)]
    refused_everywhere(
        &|h| {
            crate::support::symlink_file(&h.path().join("b.toml"), &h.config()).unwrap();
            crate::support::symlink_file(&h.config(), &h.path().join("b.toml")).unwrap();
        },
        &doctor1,
        "symbolic links",
    );
}

#[test]
fn codex_home_that_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("home-file");
    fs::write(&file, "not a dir").unwrap();
    for args in commands() {
        let r = Run::from(
            Command::new(crate::support::bin())
                .args(&args)
                .env("CODEX_HOME", &file)
                .env("HOME", dir.path())
                .stdin(Stdio::null())
                .output()
                .unwrap(),
        );
        let want = if args[0] == "doctor" { 1 } else { 2 };
        assert_eq!(r.code, want, "{args:?}\n{}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("not a directory") || r.stderr.contains("not a directory"), "{args:?} {}", r.stderr);
        assert_eq!(fs::read_to_string(&file).unwrap(), "not a dir");
    }
}

#[cfg(unix)]
fn have(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// The writers, on a home with provider `x` defined and selected.
#[cfg(unix)]
fn writers() -> Vec<Vec<&'static str>> {
    vec![
        vec!["add", "y", "--base-url", "http://h/v1", "--no-probe"],
        vec!["use", "ollama"],
        vec!["remove", "x", "--force"],
        vec!["profile", "migrate"],
        vec!["doctor", "--fix", "--yes", "--offline"],
        vec!["undo"],
    ]
}

const WRITABLE: &str = "model_provider = \"x\"\nprofile = \"old\"\n\n[model_providers.x]\nname = \"X\"\nbase_url = \"http://h/v1\"\nwire_api = \"chat\"\n\n[profiles.old]\nmodel = \"m\"\n";

/// Root is not stopped by permission bits; `chattr +i` (immutable) is what stops it.
#[cfg(unix)] // chattr +i is Linux's (Wine does not enforce Windows' read-only attribute on a replace)
#[test]
fn immutable_file_or_directory_refuses_writes_cleanly() {
    let probe = tempfile::tempdir().unwrap();
    let f = probe.path().join("f");
    fs::write(&f, "").unwrap();
    if !have("chattr", &["+i", f.to_str().unwrap()]) {
        eprintln!("SKIPPED: chattr +i not available here");
        return;
    }
    have("chattr", &["-i", f.to_str().unwrap()]);
    for target in ["file", "dir"] {
        for args in writers() {
            let home = Home::new();
            home.write("config.toml", WRITABLE);
            // One earlier write so that `undo` has something to restore.
            home.run(&["use", "x", "--force", "--model", "m0"]).code(0);
            let before = home.read("config.toml");
            let path = if target == "file" { home.config() } else { home.path().to_path_buf() };
            assert!(have("chattr", &["+i", path.to_str().unwrap()]));
            let r = home.run(&args);
            have("chattr", &["-i", path.to_str().unwrap()]);
            assert_eq!(r.code, 1, "{target} {args:?}\n{}{}", r.stdout, r.stderr);
            let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
            assert_eq!(errors.len(), 1, "{target} {args:?}: {}", r.stderr);
            assert!(
                errors[0].contains("not permitted") || errors[0].contains("permission denied"),
                "{target} {args:?}: {}",
                errors[0]
            );
            assert_eq!(home.read("config.toml"), before, "{target} {args:?} changed config.toml");
            assert!(temp_litter(&home).is_empty(), "{target} {args:?}: {:?}", temp_litter(&home));
        }
    }
}

/// A read-only bind mount of the Codex home, in a private mount namespace.
#[cfg(unix)] // a read-only bind mount in a Linux mount namespace (unshare)
#[test]
fn read_only_filesystem_refuses_writes_cleanly() {
    if !have("unshare", &["-m", "true"]) {
        eprintln!("SKIPPED: unshare -m not permitted here");
        return;
    }
    for args in writers() {
        let home = Home::new();
        home.write("config.toml", WRITABLE);
        home.run(&["use", "x", "--force", "--model", "m0"]).code(0);
        let before = home.read("config.toml");
        let h = home.path().to_str().unwrap();
        let script = format!("mount --bind -o ro '{h}' '{h}' && exec \"$0\" \"$@\"");
        let base = home.cmd(&[]);
        let c = Command::new("unshare")
            .args(["-m", "sh", "-c", &script, crate::support::bin().to_str().unwrap()])
            .args(&args)
            .envs(base.get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
            .stdin(Stdio::null())
            .output();
        let r = Run::from(c.unwrap());
        assert_eq!(r.code, 1, "{args:?}\n{}{}", r.stdout, r.stderr);
        let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{args:?}: {}", r.stderr);
        assert!(errors[0].contains("read-only file system"), "{args:?}: {}", errors[0]);
        assert_eq!(home.read("config.toml"), before);
    }
}

#[test]
fn undo_restores_a_file_broken_by_hand() {
    let home = Home::new();
    home.write("config.toml", WRITABLE);
    home.run(&["use", "x", "--force", "--model", "m0"]).code(0);
    home.write("config.toml", "model = \"broken\n");
    home.run(&["list"]).code(2);
    home.run(&["undo"]).code(0);
    assert_eq!(home.read("config.toml"), WRITABLE);
    // A damaged newest journal entry is reported, not trusted (nor skipped).
    home.run(&["use", "x", "--force", "--model", "m1"]).code(0);
    let journal = home.path().join(".codex-provider/backups/journal.jsonl");
    let mut text = fs::read_to_string(&journal).unwrap();
    text.push_str("{not json\n");
    fs::write(&journal, text).unwrap();
    let r = home.run(&["undo"]);
    r.code(1);
    assert!(r.stderr.contains("damaged"), "{}", r.stderr);
}

// ---------------------------------------------------------------- permissions

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&fs::metadata(p).unwrap().permissions()) & 0o777
}

#[cfg(unix)] // file modes; Windows: writes::new_files_take_the_folders_permissions
#[test]
fn everything_we_create_is_private_and_backups_keep_the_mode() {
    let home = Home::new();
    home.run(&["add", "gw", "--base-url", "http://h/v1", "--no-probe", "--use", "--model", "m", "--profile", "w"])
        .code(0);
    home.run(&["use", "ollama", "--model", "m2"]).code(0);
    let files: Vec<PathBuf> = crate::support::snapshot(home.path()).into_keys().map(|k| home.path().join(k)).collect();
    assert!(files.len() >= 6, "{files:?}");
    for f in &files {
        assert_eq!(mode(f), 0o600, "{} has mode {:o}", f.display(), mode(f));
    }
    // An existing 0644 file keeps 0644, and so does its backup.
    fs::set_permissions(home.config(), std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    home.run(&["use", "gw"]).code(0);
    assert_eq!(mode(&home.config()), 0o644);
    assert_eq!(mode(&newest_backup(&home).unwrap()), 0o644);
    assert_eq!(mode(&home.path().join(".codex-provider/backups/journal.jsonl")), 0o600);
}
