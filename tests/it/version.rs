//! `--version` names the commit the binary was built from (build.rs); `-V` the version alone.

#[cfg(unix)]
use std::path::Path;
#[cfg(unix)]
use std::process::Command;

use crate::support::Home;

/// What build.rs reads: `git log -1` when this crate's directory is a git checkout's top level.
#[cfg(unix)]
fn head_commit(dir: &Path) -> Option<String> {
    let git = |args: &[&str]| {
        let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
        out.status.success().then(|| String::from_utf8(out.stdout).unwrap().trim().to_owned())
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(top).ok()? != std::fs::canonicalize(dir).unwrap() {
        return None;
    }
    let line = git(&["log", "-1", "--date=short", "--format=%H %cd"])?;
    let (hash, date) = line.split_once(' ').unwrap();
    Some(format!("{} {date}", &hash[..9]))
}

#[cfg(unix)] // asks git for the commit: under Wine a Windows test cannot run the Linux git
#[test]
fn version_names_the_commit_it_was_built_from() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let want = match head_commit(dir) {
        Some(commit) => format!("codex-provider {} ({commit})\n", env!("CARGO_PKG_VERSION")),
        // CI runs on a clone: there the commit must be found.
        None if std::env::var_os("CI").is_some() => panic!("CI: {} is not a git checkout", dir.display()),
        None => format!("codex-provider {}\n", env!("CARGO_PKG_VERSION")),
    };
    let r = Home::new().run(&["--version"]);
    r.code(0);
    assert_eq!(r.stdout, want);
    let r = Home::new().run(&["-V"]);
    r.code(0);
    assert_eq!(r.stdout, format!("codex-provider {}\n", env!("CARGO_PKG_VERSION")));
}

/// The Windows counterpart: the commit is not checked (see above), the shape is.
#[cfg(windows)]
#[test]
fn version_names_a_commit_and_v_does_not() {
    let r = Home::new().run(&["--version"]);
    r.code(0);
    let prefix = format!("codex-provider {} (", env!("CARGO_PKG_VERSION"));
    let rest = r.stdout.strip_prefix(&prefix).unwrap_or_else(|| panic!("{:?}", r.stdout));
    let (hash, date) = rest.trim_end().trim_end_matches(')').split_once(' ').unwrap();
    assert!(hash.len() == 9 && hash.bytes().all(|b| b.is_ascii_hexdigit()), "{:?}", r.stdout);
    assert_eq!(date.len(), 10, "{:?}", r.stdout);
    let r = Home::new().run(&["-V"]);
    r.code(0);
    assert_eq!(r.stdout, format!("codex-provider {}\n", env!("CARGO_PKG_VERSION")));
}
