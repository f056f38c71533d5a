//! What can go wrong writing the Codex home, as facts: the path, the step, the OS's reason.
//! `Display` is the one line; the fix and the exit code are the command layer's
//! (`commands/errors.rs`), which knows the flags (`--codex-home`) and verbs (`undo`).

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::io_reason;

#[derive(Debug)]
pub enum Error {
    /// The Codex home did not exist and could not be created.
    CreateHome { path: PathBuf, source: io::Error },
    /// The Codex home path is not a directory.
    HomeNotADirectory { path: PathBuf },
    /// Another process held the lock of the home at `path` for all of `waited`.
    LockTimeout { path: PathBuf, waited: Duration },
    /// The lock file (`path`, or its folder) could not be made, opened or locked.
    Lock { path: PathBuf, source: io::Error },
    /// A symlink on the way to the file could not be read.
    ReadLink { path: PathBuf, source: io::Error },
    /// The symlink chain from `path` does not end.
    SymlinkLoop { path: PathBuf },
    /// Writing `path` failed at `step` (temp file, chmod, write, fsync, rename); the file is
    /// as it was.
    Write { path: PathBuf, step: &'static str, source: io::Error },
    /// Removing `path` failed.
    Remove { path: PathBuf, source: io::Error },
    /// Saving the backup into `dir` failed; nothing was written.
    Backup { dir: PathBuf, source: io::Error },
    /// The newest backup entry cannot be read (`detail` says which file and why).
    DamagedBackup { detail: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CreateHome { path, source } => write!(f, "cannot create {}: {}", path.display(), io_reason(source)),
            Error::HomeNotADirectory { path } => write!(f, "{} is not a directory", path.display()),
            Error::LockTimeout { path, waited } => {
                write!(
                    f,
                    "another codex-provider has been writing to {} for {} s; gave up waiting",
                    path.display(),
                    waited.as_secs()
                )
            }
            Error::Lock { path, source } => write!(f, "cannot lock {}: {}", path.display(), io_reason(source)),
            Error::ReadLink { path, source } => write!(f, "{}: {}", path.display(), io_reason(source)),
            Error::SymlinkLoop { path } => write!(f, "{}: too many levels of symbolic links", path.display()),
            Error::Write { path, step, source } => {
                write!(f, "cannot write {}: {step}: {}", path.display(), io_reason(source))
            }
            Error::Remove { path, source } => write!(f, "cannot remove {}: {}", path.display(), io_reason(source)),
            Error::Backup { dir, source } => write!(f, "cannot back up to {}: {}", dir.display(), io_reason(source)),
            Error::DamagedBackup { detail } => write!(f, "the newest backup is damaged ({detail})"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::CreateHome { source, .. }
            | Error::Lock { source, .. }
            | Error::ReadLink { source, .. }
            | Error::Write { source, .. }
            | Error::Remove { source, .. }
            | Error::Backup { source, .. } => Some(source),
            _ => None,
        }
    }
}
