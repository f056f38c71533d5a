//! The write lock of a Codex home: an exclusive kernel lock (`flock` on Unix, `LockFileEx` on
//! Windows, both through `File::lock`) on `$CODEX_HOME/.codex-provider/lock`. A file, not the
//! home folder itself: Windows cannot lock a folder opened as a file.
//!
//! Waiting queues in the kernel: a writer that finds the lock held blocks in `File::lock` on a
//! helper thread, woken the moment the holder is done (or killed), for up to [`WAIT`]. No
//! polling, so fifty writers on a saturated machine all get their turn.
//!
//! A refused command leaves the home as it found it, so a session that wrote nothing removes
//! the lock file again, still holding the lock, when it created it or the lock file is all the
//! state folder holds, and then `.codex-provider/` if that is left empty. (On Windows a removed
//! file lingers while waiters hold it open, and under Wine it can even be opened again: the
//! second condition lets whichever session is last clean up.) A waiter
//! then holds a lock on a file that no longer has its name: after locking, each checks that the
//! path still names the file it locked (Unix: same device and inode; Windows: a removed file
//! cannot be opened until its last handle closes, so "the path opens" is the check) and starts
//! over if not.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a writer waits for another one before giving up.
pub const WAIT: Duration = Duration::from_secs(300);

/// The lock file's name inside the state folder.
pub const FILE: &str = "lock";

/// A held lock (released on drop).
#[derive(Debug)]
pub struct HomeLock {
    file: Option<File>,
    path: PathBuf,
    created_file: bool,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Someone else held it for all of `waited`.
    TimedOut { waited: Duration },
    /// The state folder or lock file could not be made or opened.
    Io { path: PathBuf, error: std::io::Error },
}

impl HomeLock {
    /// Takes the lock of the home whose state folder is `state_dir` (created if missing),
    /// waiting up to `wait` for another holder.
    pub fn acquire(state_dir: &Path, wait: Duration) -> Result<HomeLock, LockError> {
        let deadline = Instant::now() + wait;
        let path = state_dir.join(FILE);
        let io = |p: &Path, error| LockError::Io { path: p.to_path_buf(), error };
        loop {
            match std::fs::create_dir(state_dir) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(state_dir, e)),
            }
            let opened = match super::fs::create_mode(
                OpenOptions::new().read(true).write(true).create_new(true),
                super::fs::PRIVATE_MODE,
            )
            .open(&path)
            {
                Ok(f) => Ok((f, true)),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    OpenOptions::new().read(true).write(true).open(&path).map(|f| (f, false))
                }
                Err(e) => Err(e),
            };
            let (file, created_file) = match opened {
                Ok(x) => x,
                // Removed by its creator between our two opens, or (Windows) still held open by
                // waiters after its removal: try again.
                Err(e) if retryable(&e) && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(2));
                    continue;
                }
                Err(e) => return Err(io(&path, e)),
            };
            let file = lock_by(file, deadline).map_err(|e| match e {
                Some(error) => io(&path, error),
                None => LockError::TimedOut { waited: wait },
            })?;
            if still_named(&file, &path) {
                return Ok(HomeLock { file: Some(file), path, created_file });
            }
        }
    }

    /// Releases the lock; the lock file goes with it when this lock created it or it is all
    /// the state folder holds, and then the folder when empty. For a session that wrote
    /// nothing, so the home is as it was.
    pub fn release_and_remove(mut self) {
        let Some(dir) = self.path.parent() else { return };
        let alone = || std::fs::read_dir(dir).is_ok_and(|rd| rd.count() == 1);
        if !self.created_file && !alone() {
            return;
        }
        // Removed while still locked: a waiter that then gets the lock sees it is gone.
        let _ = std::fs::remove_file(&self.path);
        drop(self.file.take());
        let _ = std::fs::remove_dir(dir);
    }
}

fn retryable(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::NotFound || (cfg!(windows) && e.kind() == ErrorKind::PermissionDenied)
}

/// Locks `file`, blocking in the kernel until `deadline`. Err(None): the deadline passed.
fn lock_by(file: File, deadline: Instant) -> Result<File, Option<std::io::Error>> {
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(e)) => return Err(Some(e)),
    }
    let (tx, rx) = mpsc::channel();
    // The helper blocks in the kernel; if we stop waiting it still gets the lock one day and
    // drops it at once (its send fails), or the process exits first and the kernel drops it.
    std::thread::spawn(move || {
        let r = file.lock().map(|()| file);
        let _ = tx.send(r);
    });
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(Ok(file)) => Ok(file),
        Ok(Err(e)) => Err(Some(e)),
        Err(_) => Err(None),
    }
}

/// Whether `path` still names the file `locked` holds.
fn still_named(locked: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (locked.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(windows)]
    {
        // A removed file keeps no name anyone can open while we hold it; a new file by that
        // name can only exist once every handle on the old one is closed, ours included.
        let _ = locked;
        OpenOptions::new().read(true).open(path).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    #[test]
    fn waiters_queue_in_the_kernel_and_a_removed_lock_file_is_noticed() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join(".codex-provider");
        let first = HomeLock::acquire(&state, WAIT).unwrap();
        assert!(first.created_file);
        // Eight waiters block until the creator removes the file and folder; each then finds
        // the name gone, makes a new one and takes its turn, one at a time.
        let inside = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let go = Arc::new(Barrier::new(9));
        let waiters: Vec<_> = (0..8)
            .map(|_| {
                let (state, inside, go) = (state.clone(), inside.clone(), go.clone());
                std::thread::spawn(move || {
                    go.wait();
                    let l = HomeLock::acquire(&state, WAIT).unwrap();
                    assert_eq!(inside.fetch_add(1, std::sync::atomic::Ordering::SeqCst), 0, "two holders at once");
                    std::thread::yield_now();
                    inside.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    l.release_and_remove();
                })
            })
            .collect();
        go.wait();
        first.release_and_remove();
        for w in waiters {
            w.join().unwrap();
        }
        // Windows (seen under Wine on a loaded machine): the last remover's folder removal can
        // lose to another waiter's handle closing, leaving the lock file alone in the folder.
        // The next session that writes nothing then clears it; that is checked here.
        if cfg!(windows) && state.exists() {
            let left: Vec<_> = std::fs::read_dir(&state).unwrap().flatten().map(|e| e.file_name()).collect();
            assert_eq!(left, [std::ffi::OsString::from(FILE)], "only the lock file may be left");
            HomeLock::acquire(&state, WAIT).unwrap().release_and_remove();
        }
        assert!(!state.exists(), "the last holder removed the lock file and the empty folder");
    }

    #[test]
    fn a_held_lock_times_out_with_the_wait_named() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join(".codex-provider");
        let held = HomeLock::acquire(&state, WAIT).unwrap();
        match HomeLock::acquire(&state, Duration::ZERO) {
            Err(LockError::TimedOut { waited }) => assert_eq!(waited, Duration::ZERO),
            other => panic!("{other:?}"),
        }
        drop(held);
        // The timed-out waiter's helper thread may hold it for a moment: wait as a writer would.
        let again = HomeLock::acquire(&state, WAIT).unwrap();
        assert!(!again.created_file, "a kept lock file is reused");
    }
}
