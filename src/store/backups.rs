//! Backups for `undo`. Before a commit changes files, their current content is kept under
//! `$CODEX_HOME/.codex-provider/backups/` as one entry:
//! - `ID.NAME` for each file: a hard link to the old inode (every write replaces a file by
//!   rename, so that inode is never modified again) or, when a link is impossible, a copy;
//! - one line of `journal.jsonl` (`id`, `created_unix`, `command`, `files`), appended with a
//!   single write once the files exist: an entry counts only when its line is there.
//!
//! Why a journal rather than a directory per entry: creating a directory and a manifest inode
//! for every write, and deleting an old one, cost about 1 ms per write on ext4; a link and an
//! append cost a tenth of that (BENCHMARKS.md). Pruning is batched for the same reason: when
//! the journal holds twice [`KEPT`] entries it is rewritten with the newest [`KEPT`], and the
//! files no kept line names go (with the orphans of a process killed before its append).
//!
//! Entries of the earlier layout (a directory `ID/` holding `manifest.json` and the files) are
//! still listed and undone, and pruned like the others.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Error;
use super::{FileOp, STATE_DIR, apply, resolve_target};
use crate::error::io_reason;
use crate::platform::fs::{PRIVATE_MODE, create_mode, mode_of, set_mode};

/// How many entries are kept after a prune (up to twice as many exist between prunes).
const KEPT: usize = 10;
const JOURNAL: &str = "journal.jsonl";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    /// `NANOS-PID`, zero-padded: sorts in time order and names the entry's files.
    #[serde(default)]
    id: String,
    created_unix: u64,
    command: String,
    files: Vec<FileRecord>,
    /// Files the command rewrote without a backup (`key set` on `.env`): `undo` cannot
    /// restore them and stops here to say so rather than undoing the write before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    unbacked: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileRecord {
    /// File name inside the Codex home.
    name: String,
    /// Whether the file existed before (if not, `undo` deletes it).
    existed: bool,
}

/// Where an entry's files are.
#[derive(Debug, Clone)]
enum Place {
    /// `backups/ID.NAME`, the entry a line of the journal.
    Journal,
    /// The earlier layout: `backups/ID/NAME` with `manifest.json`.
    Dir(PathBuf),
}

#[derive(Debug, Clone)]
struct Entry {
    record: Record,
    place: Place,
}

impl Entry {
    fn file(&self, home: &Path, name: &str) -> PathBuf {
        match &self.place {
            Place::Journal => dir(home).join(format!("{}.{name}", self.record.id)),
            Place::Dir(d) => d.join(name),
        }
    }
}

/// An entry that cannot be read: reported by `undo`, skipped by `undo --list`.
#[derive(Debug, Clone)]
struct Damaged(String);

fn dir(home: &Path) -> PathBuf {
    home.join(STATE_DIR).join("backups")
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Saves the current content of every file `ops` touches as one entry.
pub(super) fn backup(home: &Path, command: &str, ops: &[FileOp]) -> anyhow::Result<()> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let id = format!("{:020}-{}", now.as_nanos(), std::process::id());
    let d = dir(home);
    let fail = |e: std::io::Error| -> anyhow::Error { Error::Backup { dir: d.clone(), source: e }.into() };
    if fs::create_dir(&d).is_err() && !d.is_dir() {
        fs::create_dir_all(&d).map_err(fail)?;
    }
    let mut files = Vec::new();
    for op in ops {
        let name = file_name(op.path());
        let old = match op {
            FileOp::Write { old, .. } => old.as_deref(),
            FileOp::Delete { old, .. } => Some(old.as_str()),
        };
        if let Some(old) = old {
            let copy = d.join(format!("{id}.{name}"));
            let target = resolve_target(op.path())?;
            // A hard link is a complete, zero-copy backup with the same mode. Copy only when
            // the link is impossible (another filesystem) or the file changed since we read it.
            let linked = fs::read(&target).is_ok_and(|b| b == old.as_bytes()) && fs::hard_link(&target, &copy).is_ok();
            if !linked {
                let mode = mode_of(&target).unwrap_or(PRIVATE_MODE);
                let mut f =
                    create_mode(OpenOptions::new().create_new(true).write(true), mode).open(&copy).map_err(fail)?;
                set_mode(&f, mode).map_err(fail)?;
                f.write_all(old.as_bytes()).map_err(fail)?;
                f.sync_all().map_err(fail)?;
            }
        }
        files.push(FileRecord { name, existed: old.is_some() });
    }
    let record = Record { id, created_unix: now.as_secs(), command: command.to_string(), files, unbacked: Vec::new() };
    append(home, &record)
}

/// Appends `record` to the journal (one write of one line with O_APPEND: the entry exists
/// whole or not at all), then prunes.
fn append(home: &Path, record: &Record) -> anyhow::Result<()> {
    let d = dir(home);
    let fail = |e: std::io::Error| -> anyhow::Error { Error::Backup { dir: d.clone(), source: e }.into() };
    if fs::create_dir(&d).is_err() && !d.is_dir() {
        fs::create_dir_all(&d).map_err(fail)?;
    }
    let mut line = serde_json::to_vec(record)?;
    line.push(b'\n');
    // One write of one line with O_APPEND: the entry exists whole or not at all.
    let mut j =
        create_mode(OpenOptions::new().create(true).append(true), PRIVATE_MODE).open(d.join(JOURNAL)).map_err(fail)?;
    j.write_all(&line).map_err(fail)?;
    drop(j);
    prune(home, 2 * KEPT);
    Ok(())
}

/// Records that `command` rewrote `paths` without a backup: an entry with no files that
/// `undo` stops at (see [`UndoPlan::unbacked`]), so the write before it is never undone
/// silently in its place.
pub(super) fn unbacked(home: &Path, command: &str, paths: &[&Path]) -> anyhow::Result<()> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let id = format!("{:020}-{}", now.as_nanos(), std::process::id());
    let unbacked = paths.iter().map(|p| file_name(p)).collect();
    append(home, &Record { id, created_unix: now.as_secs(), command: command.to_string(), files: Vec::new(), unbacked })
}

/// Every entry, oldest first: earlier-layout directories, then the journal's lines in order.
fn entries(home: &Path) -> Vec<Result<Entry, Damaged>> {
    let d = dir(home);
    let mut dirs: Vec<PathBuf> = fs::read_dir(&d)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .filter(|p| p.join("manifest.json").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let mut out: Vec<Result<Entry, Damaged>> = dirs
        .into_iter()
        .map(|p| {
            let m = p.join("manifest.json");
            let bytes = fs::read(&m).map_err(|e| Damaged(format!("{}: {}", m.display(), io_reason(&e))))?;
            let mut record: Record =
                serde_json::from_slice(&bytes).map_err(|e| Damaged(format!("{}: {e}", m.display())))?;
            record.id = file_name(&p);
            Ok(Entry { record, place: Place::Dir(p) })
        })
        .collect();
    let journal = d.join(JOURNAL);
    let text = fs::read_to_string(&journal).unwrap_or_default();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        out.push(match serde_json::from_str::<Record>(line) {
            Ok(record) if !record.id.is_empty() => Ok(Entry { record, place: Place::Journal }),
            Ok(_) => Err(Damaged(format!("{} line {}: no id", journal.display(), n + 1))),
            Err(e) => Err(Damaged(format!("{} line {}: {e}", journal.display(), n + 1))),
        });
    }
    out
}

/// Keeps the newest [`KEPT`] readable entries once more than `limit` exist, and removes every
/// file of `backups/` that no kept entry names. Runs under the home lock, so nothing in there
/// is in use.
fn prune(home: &Path, limit: usize) {
    let all = entries(home);
    if all.len() <= limit {
        return;
    }
    let kept: Vec<Entry> = all.into_iter().flatten().rev().take(KEPT).collect::<Vec<_>>().into_iter().rev().collect();
    if rewrite_journal(home, &kept).is_err() {
        return;
    }
    let keep_ids: std::collections::HashSet<&str> = kept.iter().map(|e| e.record.id.as_str()).collect();
    let Ok(rd) = fs::read_dir(dir(home)) else { return };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == JOURNAL {
            continue;
        }
        let id = name.split('.').next().unwrap_or("");
        if keep_ids.contains(id) {
            continue;
        }
        let _ = match e.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(e.path()),
            _ => fs::remove_file(e.path()),
        };
    }
}

/// Writes the journal as the lines of `kept`'s journal entries (temp file + rename).
fn rewrite_journal(home: &Path, kept: &[Entry]) -> anyhow::Result<()> {
    let d = dir(home);
    let mut text = Vec::new();
    for e in kept.iter().filter(|e| matches!(e.place, Place::Journal)) {
        text.extend(serde_json::to_vec(&e.record)?);
        text.push(b'\n');
    }
    let mut tmp = tempfile::Builder::new().prefix(".journal.").tempfile_in(&d)?;
    set_mode(tmp.as_file(), PRIVATE_MODE)?;
    tmp.write_all(&text)?;
    crate::platform::fs::replace(tmp, &d.join(JOURNAL))?;
    Ok(())
}

/// What `undo` would restore.
pub struct UndoPlan {
    entry: Entry,
    home: PathBuf,
    pub command: String,
    pub created_unix: u64,
    pub ops: Vec<FileOp>,
    /// The files the command changed without a backup (empty for an ordinary entry): such
    /// an entry restores nothing; applying it only moves `undo` past it.
    pub unbacked: Vec<String>,
}

/// Builds the restore of the newest entry (None when there is none; an error when it is
/// damaged, since undoing an older one instead would skip a change silently).
pub fn plan_undo(home: &Path) -> anyhow::Result<Option<UndoPlan>> {
    let Some(newest) = entries(home).pop() else { return Ok(None) };
    let entry = newest.map_err(|Damaged(detail)| Error::DamagedBackup { detail })?;
    let mut ops = Vec::new();
    for f in &entry.record.files {
        let path = home.join(&f.name);
        let current = fs::read_to_string(&path).ok();
        if f.existed {
            let old = fs::read_to_string(entry.file(home, &f.name))?;
            if current.as_deref() != Some(old.as_str()) {
                ops.push(FileOp::Write { path, old: current, new: old });
            }
        } else if let Some(cur) = current {
            ops.push(FileOp::Delete { path, old: cur });
        }
    }
    let (command, created_unix) = (entry.record.command.clone(), entry.record.created_unix);
    let unbacked = entry.record.unbacked.clone();
    Ok(Some(UndoPlan { entry, home: home.to_path_buf(), command, created_unix, ops, unbacked }))
}

/// Applies an undo plan (no new backup: undo walks back through the entries) and drops the entry.
pub fn apply_undo(plan: &UndoPlan) -> anyhow::Result<()> {
    for op in &plan.ops {
        apply(op)?;
    }
    match &plan.entry.place {
        Place::Dir(d) => {
            let _ = fs::remove_dir_all(d);
        }
        Place::Journal => {
            let rest: Vec<Entry> =
                entries(&plan.home).into_iter().flatten().filter(|e| e.record.id != plan.entry.record.id).collect();
            rewrite_journal(&plan.home, &rest)?;
            for f in &plan.entry.record.files {
                let _ = fs::remove_file(plan.entry.file(&plan.home, &f.name));
            }
        }
    }
    Ok(())
}

/// One kept backup entry, for `undo --list`: when, by which command, and the files it holds
/// (`existed: false`: undo deletes the file the command created).
#[derive(Debug, Clone)]
pub struct BackupSummary {
    pub created_unix: u64,
    pub command: String,
    pub files: Vec<(String, bool)>,
    /// Files the command changed without a backup (nothing to restore).
    pub unbacked: Vec<String>,
}

/// The kept backup entries, newest first (the order `undo` walks them); damaged ones skipped.
pub fn list_undo(home: &Path) -> Vec<BackupSummary> {
    entries(home)
        .into_iter()
        .flatten()
        .rev()
        .map(|e| BackupSummary {
            created_unix: e.record.created_unix,
            command: e.record.command,
            files: e.record.files.into_iter().map(|f| (f.name, f.existed)).collect(),
            unbacked: e.record.unbacked,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_op(home: &Path, text: &str) -> FileOp {
        let path = home.join("config.toml");
        let old = fs::read_to_string(&path).ok();
        FileOp::Write { path, old, new: text.to_string() }
    }

    fn commit(home: &Path, command: &str, text: &str) {
        let op = write_op(home, text);
        backup(home, command, std::slice::from_ref(&op)).unwrap();
        apply(&op).unwrap();
    }

    #[test]
    fn undo_walks_back_through_every_write_and_prunes_in_batches() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path();
        for i in 0..25 {
            commit(home, &format!("c{i}"), &format!("v = {i}\n"));
        }
        // 25 writes: one prune at the 21st entry down to 10, then 4 more appended.
        let listed = list_undo(home);
        assert_eq!(listed.len(), 14);
        assert_eq!(listed[0].command, "c24");
        assert_eq!(listed[13].command, "c11");
        let files = fs::read_dir(dir(home)).unwrap().count();
        assert_eq!(files, 15, "14 backup files and the journal");
        for i in (12..=24).rev() {
            let plan = plan_undo(home).unwrap().unwrap();
            assert_eq!(plan.command, format!("c{i}"));
            apply_undo(&plan).unwrap();
            assert_eq!(fs::read_to_string(home.join("config.toml")).unwrap(), format!("v = {}\n", i - 1));
        }
        assert_eq!(list_undo(home).len(), 1);
    }

    #[test]
    fn a_created_file_is_deleted_by_undo_and_orphans_are_pruned() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path();
        commit(home, "add", "a = 1\n");
        fs::write(dir(home).join("00000000000000000001-9.config.toml"), "orphan").unwrap();
        let plan = plan_undo(home).unwrap().unwrap();
        assert!(matches!(&plan.ops[..], [FileOp::Delete { .. }]));
        apply_undo(&plan).unwrap();
        assert!(!home.join("config.toml").exists());
        commit(home, "add again", "b = 1\n");
        prune(home, 0);
        let left: Vec<String> =
            fs::read_dir(dir(home)).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(left, vec![JOURNAL.to_string()]);
    }

    #[test]
    fn earlier_layout_entries_are_undone_first_in_time_order() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path();
        fs::write(home.join("config.toml"), "v = 1\n").unwrap();
        let old = dir(home).join("00000000000000000005-1");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("config.toml"), "v = 0\n").unwrap();
        fs::write(
            old.join("manifest.json"),
            r#"{"created_unix":5,"command":"use x","files":[{"name":"config.toml","existed":true}]}"#,
        )
        .unwrap();
        commit(home, "use y", "v = 2\n");
        assert_eq!(list_undo(home).iter().map(|s| s.command.as_str()).collect::<Vec<_>>(), ["use y", "use x"]);
        for want in ["v = 1\n", "v = 0\n"] {
            apply_undo(&plan_undo(home).unwrap().unwrap()).unwrap();
            assert_eq!(fs::read_to_string(home.join("config.toml")).unwrap(), want);
        }
        assert!(!old.exists());
        assert!(plan_undo(home).unwrap().is_none());
    }

    #[test]
    fn a_damaged_newest_line_is_reported_not_skipped() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path();
        commit(home, "a", "v = 1\n");
        let mut j = OpenOptions::new().append(true).open(dir(home).join(JOURNAL)).unwrap();
        j.write_all(b"{not json\n").unwrap();
        let e = plan_undo(home).err().expect("damaged");
        assert!(e.to_string().contains("damaged"), "{e}");
        assert_eq!(list_undo(home).len(), 1);
    }
}
