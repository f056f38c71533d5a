//! Every difference between the platforms we run on: Linux and macOS (Unix) and Windows. The
//! rest of the crate is platform-free and calls in here; `std::os::unix`, `std::os::windows`,
//! `cfg(unix)` and `cfg(windows)` appear nowhere else (tests aside).
//!
//! - [`codex_home_default`]: `~/.codex` everywhere (`%USERPROFILE%\.codex` on Windows), as Codex.
//! - [`fs`]: file permissions (Unix: new files `0600`, an existing file's mode kept; Windows:
//!   whatever the folder's ACL gives, since Windows has no mode bits), atomic replace (with a
//!   retry while another program holds the target open on Windows), the errno texts we show.
//! - [`lock`]: the per-home write lock, a kernel lock on `.codex-provider/lock` that queues.
//! - [`process`]: finding `codex`/`codex-relay` on PATH (`PATHEXT` and npm's `.cmd` shims on
//!   Windows), running a child in its own group and stopping the whole group, signalling a
//!   recorded pid, detaching a service, Ctrl-C while prompting or writing, the terminal width.
//! - [`keychain`]: which OS keychain the `keyring` crate talks to on this platform.
//! - [`service`]: the relay's login service (systemd user unit, launchd agent; on Windows a
//!   refusal naming the Task Scheduler command to run by hand).
//!
//! Symlinks are followed the same way on both (`store::resolve_target` reads links with std),
//! and new files get LF line endings on both: Codex writes LF on Windows too and every editor
//! there reads it; an existing file keeps its own endings (edits are splices).

pub mod fs;
pub mod lock;
pub mod process;
pub mod service;
pub mod term;

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Every variable of this process, by name. Windows' names are case-insensitive (`Path` is
/// `PATH`): each is also filed under its upper-case spelling, so a lookup by the usual
/// spelling finds it, as `std::env::var` would.
pub fn env_vars() -> BTreeMap<String, String> {
    let mut m: BTreeMap<String, String> = std::env::vars().collect();
    if cfg!(windows) {
        let upper: Vec<(String, String)> =
            m.iter().map(|(k, v)| (k.to_ascii_uppercase(), v.clone())).filter(|(k, _)| !m.contains_key(k)).collect();
        m.extend(upper);
    }
    m
}

/// The user's home folder (`$HOME`; `%USERPROFILE%` on Windows).
pub fn user_home() -> Option<PathBuf> {
    dirs::home_dir()
}

/// The Codex home when neither `--codex-home` nor `$CODEX_HOME` says: `~/.codex`, which is
/// where Codex looks on every platform.
pub fn codex_home_default() -> Option<PathBuf> {
    user_home().map(|h| h.join(".codex"))
}

/// The OS keychain `keyring` uses on this platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keychain {
    MacOs,
    Windows,
    /// The Secret Service over the D-Bus session bus (Linux and the BSDs).
    SecretService,
}

pub fn keychain() -> Keychain {
    if cfg!(target_os = "macos") {
        Keychain::MacOs
    } else if cfg!(windows) {
        Keychain::Windows
    } else {
        Keychain::SecretService
    }
}
