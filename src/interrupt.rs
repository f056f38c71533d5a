//! Ctrl-C during the interactive flow. dialoguer hides the cursor and console raises SIGINT on
//! ^C, whose default action would leave the cursor hidden; this handler shows it again, says
//! that nothing was written and exits 130. While files are written, ^C is ignored instead, so
//! a transaction is never cut in half.

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
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(2, MSG.as_ptr().cast(), MSG.len());
        libc::_exit(130);
    }
}
