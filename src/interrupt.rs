//! Ctrl-C during the interactive flow. dialoguer hides the cursor and console raises SIGINT on
//! ^C, whose default action would leave the cursor hidden; this handler shows it again, says
//! that nothing was written and exits 130. While files are written, ^C is ignored instead, so
//! a transaction is never cut in half.

use std::sync::atomic::{AtomicU8, Ordering};

/// Where the flow stored a key before the final confirmation (the one write it makes then),
/// so ^C after it does not claim that nothing was written: [`NONE`], [`DOTENV`] or [`KEYCHAIN`].
static KEY_STORED: AtomicU8 = AtomicU8::new(NONE);
const NONE: u8 = 0;
const DOTENV: u8 = 1;
const KEYCHAIN: u8 = 2;

/// Records that a key was stored in `$CODEX_HOME/.env`: ^C from now on says so.
pub fn key_stored() {
    KEY_STORED.store(DOTENV, Ordering::SeqCst);
}

/// Records that a key was stored in the OS keychain: ^C from now on says so.
pub fn key_stored_in_keychain() {
    KEY_STORED.store(KEYCHAIN, Ordering::SeqCst);
}

/// "nothing was written", or what was: the words every cancel of the flow ends with.
pub fn nothing_written() -> &'static str {
    match KEY_STORED.load(Ordering::SeqCst) {
        DOTENV => "the key stored in $CODEX_HOME/.env stays, nothing else was written",
        KEYCHAIN => "the key stored in the OS keychain stays, nothing else was written",
        _ => "nothing was written",
    }
}

/// Installs the handler (until [`while_writing`] or [`restore`]).
pub fn on_ctrl_c_cancel() {
    #[cfg(unix)]
    set(on_sigint as *const () as libc::sighandler_t);
}

/// Ignores ^C until [`restore`]: the write is short and must not be cut.
pub fn while_writing() {
    #[cfg(unix)]
    set(libc::SIG_IGN);
}

/// The default action again.
pub fn restore() {
    #[cfg(unix)]
    set(libc::SIG_DFL);
}

#[cfg(unix)]
fn set(handler: libc::sighandler_t) {
    // SAFETY: installs a handler that only calls async-signal-safe functions (write, _exit).
    unsafe {
        libc::signal(libc::SIGINT, handler);
    }
}

#[cfg(unix)]
extern "C" fn on_sigint(_: libc::c_int) {
    const MSG: &[u8] = b"\x1b[?25h\n^C: cancelled; nothing was written\n";
    const KEPT: &[u8] =
        b"\x1b[?25h\n^C: cancelled; the key stored in $CODEX_HOME/.env stays, nothing else was written\n";
    const KEPT_KEYCHAIN: &[u8] =
        b"\x1b[?25h\n^C: cancelled; the key stored in the OS keychain stays, nothing else was written\n";
    // An atomic load is async-signal-safe.
    let msg = match KEY_STORED.load(Ordering::SeqCst) {
        DOTENV => KEPT,
        KEYCHAIN => KEPT_KEYCHAIN,
        _ => MSG,
    };
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(2, msg.as_ptr().cast(), msg.len());
        libc::_exit(130);
    }
}
