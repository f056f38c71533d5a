//! Records the commit the binary is built from, for `--version`
//! (`codex-provider 0.1.0 (1a2b3c4d5 2026-12-06)`), in the environment variable
//! `CODEX_PROVIDER_COMMIT` (" (HASH DATE)", or empty when unknown).
//!
//! - In a git checkout of this crate: `git log -1` (the hash and the commit date). Only when
//!   git's top level is this crate's own directory, so a copy unpacked inside some other
//!   repository (cargo's own `target/package/`, a vendored tree) never reports that one's commit.
//! - In a package from crates.io: the `.cargo_vcs_info.json` that `cargo package` writes (the
//!   hash, no date; "-dirty" when it was packaged with uncommitted changes).
//! - Otherwise (no git, a tarball of the sources): nothing; `--version` prints the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let commit = from_git(&dir).or_else(|| from_vcs_info(&dir));
    let text = commit.map(|c| format!(" ({c})")).unwrap_or_default();
    println!("cargo::rustc-env=CODEX_PROVIDER_COMMIT={text}");
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn from_git(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    // Rebuild when HEAD moves: HEAD itself, the branch it names, and packed refs (paths from
    // git, so worktrees, whose HEAD is not under ./.git, work too). Only files that exist:
    // cargo reruns the script on every build for a missing one.
    let mut watch = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch.push(branch);
    }
    for name in watch {
        // Relative to `dir` (git -C), or absolute.
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &name]).map(|p| dir.join(p))
            && path.exists()
        {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
    let line = git(dir, &["log", "-1", "--date=short", "--format=%H %cd"])?;
    let (hash, date) = line.split_once(' ')?;
    Some(format!("{} {date}", hash.get(..9)?))
}

fn from_vcs_info(dir: &Path) -> Option<String> {
    let path = dir.join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&path).ok()?;
    println!("cargo::rerun-if-changed={}", path.display());
    // {"git": {"sha1": "…", "dirty": true}, "path_in_vcs": ""}: read without a JSON parser so
    // the build script needs no build-dependency.
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let hash: String = after
        .trim_start_matches([' ', ':', '"', '\n', '\t', '\r'])
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    if hash.len() < 9 {
        return None;
    }
    let dirty = text.contains("\"dirty\": true") || text.contains("\"dirty\":true");
    Some(format!("{}{}", &hash[..9], if dirty { "-dirty" } else { "" }))
}
