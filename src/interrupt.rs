//! Ctrl-C during the interactive flow. dialoguer hides the cursor and console raises SIGINT on
//! ^C, whose default action would leave the cursor hidden; this handler shows it again, says
//! that nothing was written and exits 130. While files are written, ^C is ignored instead, so
//! a transaction is never cut in half.

/// Installs the handler (until [`while_writing`] or [`restore`]).
pub fn on_ctrl_c_cancel() {
    crate::platform::term::cancel_on_ctrl_c();
}

/// Ignores ^C until [`restore`]: the write is short and must not be cut.
pub fn while_writing() {
    crate::platform::term::ignore_ctrl_c();
}

/// The default action again.
pub fn restore() {
    crate::platform::term::default_ctrl_c();
}
