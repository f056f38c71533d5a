//! Files: who may read them, replacing one atomically, and how an I/O error reads.
//!
//! Permissions: on Unix a file we create is `0600` and a file we replace keeps its mode. Windows
//! has no mode bits: a new file gets what the folder's ACL gives (a user profile's folders are
//! private to the user by default), and a replaced file gets the temp file's, which comes from
//! the same ACL. Nothing here changes an ACL.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// How a freshly written private file's access is described to the user.
#[cfg(unix)]
pub const PRIVATE: &str = "mode 0600";
#[cfg(windows)]
pub const PRIVATE: &str = "access as the folder's ACL gives";

/// The mode of a file new private files get (Unix; ignored on Windows).
pub const PRIVATE_MODE: u32 = 0o600;

/// A file's permission bits (`0o7777` part of the mode); None on Windows or when unreadable.
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).ok().map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(windows)]
    {
        let _ = path;
        None
    }
}

/// Gives an open file the mode `mode` (Unix); nothing on Windows.
pub fn set_mode(file: &File, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(mode))
    }
    #[cfg(windows)]
    {
        let _ = (file, mode);
        Ok(())
    }
}

/// Makes `opts` create its file with `mode` (Unix); nothing on Windows.
pub fn create_mode(opts: &mut OpenOptions, mode: u32) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(mode)
    }
    #[cfg(windows)]
    {
        let _ = mode;
        opts
    }
}

/// Tightens an existing file to `0600` when it is anything else (Unix); nothing on Windows.
pub fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Some(mode) = mode_of(path)
            && mode & 0o777 != PRIVATE_MODE
        {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(PRIVATE_MODE))?;
        }
        Ok(())
    }
    #[cfg(windows)]
    {
        let _ = path;
        Ok(())
    }
}

/// The absolute path with every link resolved, in the form the user types: std's
/// `canonicalize` on Windows gives a verbatim path (`\\?\C:\…`, `\\?\UNC\server\share\…`),
/// which we would otherwise write into config files and messages; it is turned back into
/// `C:\…` / `\\server\share\…`.
pub fn canonicalize(p: &Path) -> std::io::Result<PathBuf> {
    let c = std::fs::canonicalize(p)?;
    if !cfg!(windows) {
        return Ok(c);
    }
    Ok(without_verbatim_prefix(&c.to_string_lossy()).map_or(c, PathBuf::from))
}

/// `C:\x` for `\\?\C:\x`, `\\server\share` for `\\?\UNC\server\share`; None for any other
/// path (it is already plain, or a verbatim form with no plain spelling).
fn without_verbatim_prefix(s: &str) -> Option<String> {
    let rest = s.strip_prefix(r"\\?\")?;
    if let Some(unc) = rest.strip_prefix(r"UNC\") {
        return Some(format!(r"\\{unc}"));
    }
    let b = rest.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\').then(|| rest.to_string())
}

/// Whether `p` is a file this platform would run: an executable bit on Unix; on Windows any
/// file (the caller found it by a `PATHEXT` extension).
pub fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(windows)]
    {
        p.is_file()
    }
}

/// Renames the temp file over `target` (atomic on both: `rename(2)`; on Windows std's rename,
/// which replaces with POSIX semantics where the system has them, so a target that readers
/// hold open is still replaced, and `MoveFileEx` elsewhere). A target another program holds
/// open without delete sharing (an editor, a virus scanner) refuses the rename for a moment:
/// retried for up to 5 s.
pub fn replace(tmp: tempfile::NamedTempFile, target: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        // Closed first: the temp file's own handle must not stand in the rename's way.
        let tmp = tmp.into_temp_path();
        loop {
            match std::fs::rename(&tmp, target) {
                Ok(()) => {
                    // Renamed away: nothing left for the guard to delete.
                    let _ = tmp.keep();
                    return Ok(());
                }
                Err(e) if in_use(&e) && !read_only(target) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => return Err(e),
            }
        }
    }
    #[cfg(unix)]
    {
        tmp.persist(target).map(drop).map_err(|e| e.error)
    }
}

/// A read-only file refuses replacement for good: no point retrying.
#[cfg(windows)]
fn read_only(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly())
}

/// Whether `e` says another program has the file open (Windows' sharing and lock violations,
/// and the access denied a delete-pending file gives).
#[cfg(windows)]
fn in_use(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// Reads a whole file. On Windows a path through a file (`FILE/config.toml`) fails as "not
/// found"; Unix says "not a directory", and so does this, so a Codex home that is a file is
/// refused the same way on both instead of reading as an empty home.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let r = std::fs::read(path);
    #[cfg(windows)]
    if let Err(e) = &r
        && e.kind() == ErrorKind::NotFound
        && path.ancestors().skip(1).any(|a| a.is_file())
    {
        return Err(std::io::Error::new(ErrorKind::NotADirectory, "not a directory"));
    }
    r
}

/// The short lower-case reason we print for an I/O error: the same words on every platform for
/// the common kinds, else the system's message without its `(os error N)` tail (and, on
/// Windows, without the sentence's final period).
pub fn io_reason(e: &std::io::Error) -> String {
    #[cfg(windows)]
    if matches!(e.raw_os_error(), Some(32 | 33)) {
        return "in use by another program".into();
    }
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        ErrorKind::NotFound => "not found".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        ErrorKind::NotADirectory => "not a directory".into(),
        ErrorKind::StorageFull => "no space left on device".into(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).trim_end();
            s.strip_suffix('.').unwrap_or(s).to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_paths_get_their_plain_spelling() {
        assert_eq!(without_verbatim_prefix(r"\\?\C:\Users\a\x.exe").as_deref(), Some(r"C:\Users\a\x.exe"));
        assert_eq!(without_verbatim_prefix(r"\\?\UNC\srv\share\x").as_deref(), Some(r"\\srv\share\x"));
        assert_eq!(without_verbatim_prefix(r"\\?\GLOBALROOT\Device\x"), None);
        assert_eq!(without_verbatim_prefix("/usr/bin/x"), None);
        let d = tempfile::tempdir().unwrap();
        let c = canonicalize(d.path()).unwrap();
        assert!(c.is_absolute() && !c.to_string_lossy().starts_with(r"\\?\"), "{}", c.display());
    }

    #[test]
    fn reasons_are_the_same_words_everywhere() {
        assert_eq!(io_reason(&std::io::Error::from(ErrorKind::PermissionDenied)), "permission denied");
        assert_eq!(io_reason(&std::io::Error::from(ErrorKind::NotFound)), "not found");
        assert_eq!(io_reason(&std::io::Error::other("Disk quota exceeded.")), "disk quota exceeded");
    }

    #[test]
    fn private_files_and_kept_modes() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        let f = create_mode(OpenOptions::new().create_new(true).write(true), PRIVATE_MODE).open(&p).unwrap();
        set_mode(&f, PRIVATE_MODE).unwrap();
        make_private(&p).unwrap();
        if cfg!(unix) {
            assert_eq!(mode_of(&p), Some(0o600));
        } else {
            assert_eq!(mode_of(&p), None, "Windows has no mode bits");
        }
        drop(f);
        // Replaced while a reader (another program, say) holds it open for a moment: Unix and
        // Windows' POSIX-semantics rename replace it at once, Wine's rename only once it is
        // closed (the retry waits up to 5 s; the reader lets go after 0.1 s).
        let reader = std::fs::File::open(&p).unwrap();
        let holder = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            drop(reader);
        });
        let tmp = tempfile::NamedTempFile::new_in(d.path()).unwrap();
        std::fs::write(tmp.path(), "new").unwrap();
        replace(tmp, &p).unwrap();
        holder.join().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left, [std::ffi::OsString::from("f")], "no temp file left");
    }
}
