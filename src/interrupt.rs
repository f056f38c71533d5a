//! Ctrl-C during the interactive flow. dialoguer hides the cursor and console raises SIGINT on
//! ^C, whose default action would leave the cursor hidden; this handler shows it again, says
//! that nothing was written and exits 130. While files are written, ^C is ignored instead, so
//! a transaction is never cut in half.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the flow stored a key in `$CODEX_HOME/.env` (the one write it makes before the
/// final confirmation), so ^C after it does not claim that nothing was written.
static KEY_STORED: AtomicBool = AtomicBool::new(false);

/// Records that a key was stored: ^C from now on says so.
pub fn key_stored() {
    KEY_STORED.store(true, Ordering::SeqCst);
}

/// "nothing was written", or what was: the words every cancel of the flow ends with.
pub fn nothing_written() -> &'static str {
    match KEY_STORED.load(Ordering::SeqCst) {
        true => "the key stored in $CODEX_HOME/.env stays, nothing else was written",
        false => "nothing was written",
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
    // An atomic load is async-signal-safe.
    let msg = if KEY_STORED.load(Ordering::SeqCst) { KEPT } else { MSG };
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(2, msg.as_ptr().cast(), msg.len());
        libc::_exit(130);
    }
}
