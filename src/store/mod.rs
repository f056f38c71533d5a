//! Writing files safely: one advisory lock per Codex home across read-modify-write, a backup
//! of every file before it changes (for `undo`), then temp file + fsync + rename, following
//! symlinks and keeping the file's mode. Our own state lives in `$CODEX_HOME/.codex-provider/`.
//!
//! Nothing here prints: each step returns what happened ([`Outcome`], [`Session::created`])
//! and the command says it.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::config::file::unified_diff;
use crate::config::{ConfigFile, Selection};
use crate::platform;
use crate::platform::lock::{HomeLock, LockError};

mod backups;
mod error;
pub use backups::{BackupSummary, UndoPlan, apply_undo, list_undo, plan_undo};
pub use error::Error;

pub const STATE_DIR: &str = ".codex-provider";

/// One change to one file.
#[derive(Debug, Clone)]
pub enum FileOp {
    Write { path: PathBuf, old: Option<String>, new: String },
    Delete { path: PathBuf, old: String },
}

impl FileOp {
    /// The op for a loaded file, or None when rendering it changes nothing.
    pub fn from_file(f: &ConfigFile) -> Option<FileOp> {
        f.is_dirty().then(|| FileOp::Write {
            path: f.path.clone(),
            old: f.existed.then(|| f.original().to_string()),
            new: f.render(),
        })
    }

    pub fn path(&self) -> &Path {
        match self {
            FileOp::Write { path, .. } | FileOp::Delete { path, .. } => path,
        }
    }

    /// A unified diff for the terminal, with key-like values masked.
    pub fn diff(&self) -> String {
        let diff = match self {
            FileOp::Write { path, old, new } => unified_diff(path, old.as_deref().unwrap_or(""), new),
            FileOp::Delete { path, old } => unified_diff(path, old, ""),
        };
        crate::redact::mask_text(&diff)
    }
}

/// What [`Session::commit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The files already say that: nothing to do.
    NoChange,
    /// `--dry-run`: the masked diffs of what would have been written; nothing was.
    DryRun { diffs: Vec<String> },
    /// The files changed (one backup entry was made first).
    Written { paths: Vec<PathBuf> },
}

impl Outcome {
    /// Whether anything was (or, with --dry-run, would be) changed.
    pub fn changed(&self) -> bool {
        !matches!(self, Outcome::NoChange)
    }
}

/// A write session: holds the lock from before the first read until the last write. The lock
/// is a kernel lock on `.codex-provider/lock` (`platform::lock`); a command refused before its
/// commit leaves `$CODEX_HOME` as it found it: the lock file and state folder it had to create
/// are removed again, and so is a home it had to create while still empty.
pub struct Session {
    home: PathBuf,
    dry_run: bool,
    created: Option<PathBuf>,
    committed: std::cell::Cell<bool>,
    lock: Option<HomeLock>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            match self.committed.get() {
                true => drop(lock),
                false => lock.release_and_remove(),
            }
        }
        if let Some(home) = &self.created
            && !self.committed.get()
        {
            let _ = fs::remove_dir(home);
        }
    }
}

impl Session {
    /// Takes the lock (creating the Codex home when a real write may follow).
    pub fn begin(home: &Path, dry_run: bool) -> anyhow::Result<Session> {
        if dry_run {
            return Ok(Session {
                home: home.to_path_buf(),
                dry_run,
                created: None,
                committed: false.into(),
                lock: None,
            });
        }
        let mut created = None;
        if !home.exists() {
            fs::create_dir_all(home).map_err(|e| Error::CreateHome { path: home.to_path_buf(), source: e })?;
            created = Some(home.to_path_buf());
        } else if !home.is_dir() {
            return Err(Error::HomeNotADirectory { path: home.to_path_buf() }.into());
        }
        let lock = lock_home(home)?;
        remove_stale_temps(home);
        crate::testpoint::pause("locked");
        Ok(Session { home: home.to_path_buf(), dry_run, created, committed: false.into(), lock: Some(lock) })
    }

    pub fn dry_run(&self) -> bool {
        self.dry_run
    }

    /// The Codex home, when this session had to create it.
    pub fn created(&self) -> Option<&Path> {
        self.created.as_deref()
    }

    /// Records that `command` changed `paths` without a backup (`key set` on `.env`, whose
    /// old content holds a key: a backup would be a second copy of it), so `undo` can say so
    /// instead of undoing the write before. Nothing in a dry run.
    pub fn record_unbacked(&self, command: &str, paths: &[&Path]) -> anyhow::Result<()> {
        if self.dry_run {
            return Ok(());
        }
        self.committed.set(true);
        backups::unbacked(&self.home, command, paths)
    }

    /// Applies `ops` as one transaction (one backup entry); with --dry-run returns the diffs
    /// instead of writing.
    pub fn commit(&self, command: &str, ops: &[FileOp]) -> anyhow::Result<Outcome> {
        if ops.is_empty() {
            return Ok(Outcome::NoChange);
        }
        if self.dry_run {
            return Ok(Outcome::DryRun { diffs: ops.iter().map(FileOp::diff).collect() });
        }
        self.committed.set(true);
        backups::backup(&self.home, command, ops)?;
        crate::testpoint::pause("after-backup");
        for op in ops {
            apply(op)?;
        }
        crate::testpoint::pause("after-rename");
        Ok(Outcome::Written { paths: ops.iter().map(|op| op.path().to_path_buf()).collect() })
    }
}

/// Temp files of `write_atomic` (`.NAME.config.toml.XXXXXX.tmp`) left by a process killed
/// before its rename. Only called with the lock held, so none of them is in use.
fn remove_stale_temps(home: &Path) {
    let Ok(rd) = fs::read_dir(home) else { return };
    for e in rd.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.')
            && name.ends_with(".tmp")
            && name.contains(".toml.")
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Waits in the kernel (minutes, see `platform::lock::WAIT`) for any other writer of `home`.
fn lock_home(home: &Path) -> Result<HomeLock, Error> {
    HomeLock::acquire(&home.join(STATE_DIR), platform::lock::WAIT).map_err(|e| match e {
        LockError::TimedOut { waited } => Error::LockTimeout { path: home.to_path_buf(), waited },
        LockError::Io { path, error } => Error::Lock { path, source: error },
    })
}

/// Follows a symlink chain to the file that should be written (Codex does the same).
pub fn resolve_target(path: &Path) -> Result<PathBuf, Error> {
    let mut cur = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&cur).map_err(|e| Error::ReadLink { path: cur.clone(), source: e })?;
                cur = if link.is_absolute() { link } else { cur.parent().unwrap_or(Path::new(".")).join(link) };
            }
            _ => return Ok(cur),
        }
    }
    Err(Error::SymlinkLoop { path: path.to_path_buf() })
}

/// Writes `content` to `path` atomically: temp file in the same directory with the final
/// mode, fsync, rename over the (symlink-resolved) target. Readers see the old or the new
/// bytes, never a mix. The directory is not fsynced: after a power cut the rename may be
/// lost (the old file stays, whole), which costs durability, not consistency, and saves a
/// quarter of a write's time.
pub fn write_atomic(path: &Path, content: &[u8]) -> anyhow::Result<()> {
    let target = resolve_target(path)?;
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mode = platform::fs::mode_of(&target).unwrap_or(platform::fs::PRIVATE_MODE);
    let fail = |step: &'static str, e: std::io::Error| Error::Write { path: path.to_path_buf(), step, source: e };
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("config.toml");
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail("temp file", e))?;
    platform::fs::set_mode(tmp.as_file(), mode).map_err(|e| fail("chmod", e))?;
    tmp.write_all(content).map_err(|e| fail("write", e))?;
    tmp.as_file().sync_all().map_err(|e| fail("fsync", e))?;
    crate::testpoint::pause("before-rename");
    platform::fs::replace(tmp, &target).map_err(|e| fail("rename", e))?;
    crate::testpoint::pause("after-rename");
    Ok(())
}

fn apply(op: &FileOp) -> anyhow::Result<()> {
    match op {
        FileOp::Write { path, new, .. } => write_atomic(path, new.as_bytes()),
        FileOp::Delete { path, .. } => {
            let target = resolve_target(path)?;
            match fs::remove_file(&target) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
                Err(e) => Err(Error::Remove { path: path.clone(), source: e }.into()),
            }
        }
    }
}

/// The selection before the last `use`, for `use -`.
pub fn read_previous(home: &Path) -> Option<Selection> {
    serde_json::from_slice(&fs::read(home.join(STATE_DIR).join("previous.json")).ok()?).ok()
}

/// Our own small state, rewritten in place: no temp file or rename (a new inode per `use` cost
/// a third of a millisecond) and no truncation to zero (freeing and reallocating its block cost
/// a fifth): the bytes are overwritten, then the length set. No fsync. Every reader holds the
/// home lock, so none sees it half written; a crash mid-write leaves JSON that does not parse,
/// which only makes `use -` forget one step.
pub fn write_previous(home: &Path, prev: &Selection) -> anyhow::Result<()> {
    let dir = home.join(STATE_DIR);
    fs::create_dir_all(&dir)?;
    let bytes = serde_json::to_vec(prev)?;
    let mut f = platform::fs::create_mode(
        fs::OpenOptions::new().create(true).write(true).truncate(false),
        platform::fs::PRIVATE_MODE,
    )
    .open(dir.join("previous.json"))?;
    f.write_all(&bytes)?;
    f.set_len(bytes.len() as u64)?;
    Ok(())
}
