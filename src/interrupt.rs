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

/// The words of each state, for the ^C line (a literal, built at compile time) and for
/// [`nothing_written`].
macro_rules! kept_in_dotenv {
    () => {
        "the key stored in $CODEX_HOME/.env stays, nothing else was written"
    };
}
macro_rules! kept_in_keychain {
    () => {
        "the key stored in the OS keychain stays, nothing else was written"
    };
}

/// Records that a key was stored in `$CODEX_HOME/.env`: ^C from now on says so.
pub fn key_stored() {
    KEY_STORED.store(DOTENV, Ordering::SeqCst);
    static MSG: &[u8] = concat!("\x1b[?25h\n^C: cancelled; ", kept_in_dotenv!(), "\n").as_bytes();
    crate::platform::term::set_cancel_message(&MSG);
}

/// Records that a key was stored in the OS keychain: ^C from now on says so.
pub fn key_stored_in_keychain() {
    KEY_STORED.store(KEYCHAIN, Ordering::SeqCst);
    static MSG: &[u8] = concat!("\x1b[?25h\n^C: cancelled; ", kept_in_keychain!(), "\n").as_bytes();
    crate::platform::term::set_cancel_message(&MSG);
}

/// "nothing was written", or what was: the words every cancel of the flow ends with.
pub fn nothing_written() -> &'static str {
    match KEY_STORED.load(Ordering::SeqCst) {
        DOTENV => kept_in_dotenv!(),
        KEYCHAIN => kept_in_keychain!(),
        _ => "nothing was written",
    }
}

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
