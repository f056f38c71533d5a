//! Man pages rendered from the CLI definition with clap_mangen, committed in `docs/man/` and
//! kept in sync here. Regenerate with `UPDATE_MANPAGES=1 cargo test --test manpage`.
//!
//! The pages come from the library's own `cli::Cli::command()`, the definition the binary runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use codex_provider::cli;

fn read_pages(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "1"))
                .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn committed_man_pages_match_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    // The pages name the version alone: `--version`'s commit (build.rs) would make them stale
    // at every commit.
    clap_mangen::generate_to(cli::Cli::command().long_version(None::<&str>), tmp.path()).unwrap();
    let fresh = read_pages(tmp.path());
    assert!(
        fresh.contains_key("codex-provider.1") && fresh.contains_key("codex-provider-presets.1"),
        "{:?}",
        fresh.keys()
    );
    let top = &fresh["codex-provider.1"];
    assert!(top.contains("presets") && top.contains("\\-\\-codex\\-home"), "{top}");

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    if std::env::var_os("UPDATE_MANPAGES").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &fresh {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let committed = read_pages(&dir);
    let stale: Vec<&String> =
        fresh.keys().chain(committed.keys()).filter(|k| fresh.get(*k) != committed.get(*k)).collect();
    assert!(
        stale.is_empty(),
        "docs/man is out of date with the CLI: {stale:?}\nregenerate with: UPDATE_MANPAGES=1 cargo test --test manpage"
    );
}
