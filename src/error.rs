//! User-facing errors: a one-line message, an optional fix, and the exit code it maps to.
//!
//! [`UserError`] is the command layer's: the layers below return their own typed errors
//! (`config::Error`, `store::Error`, `endpoint::Error`, ...), which carry facts, and
//! `commands/errors.rs` is the one place that words them as a `UserError`.

use std::fmt;

/// Process exit status, chosen only in `main` (README "Exit codes": 0 ok, 1 problem/refused, 2 usage/unusable input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Problem = 1,
    Usage = 2,
}

/// An error the user can act on. A typed error from below reaching `main` is converted by
/// `commands::errors::user_error`; anything else is reported as its chain with exit 1.
#[derive(Debug)]
pub struct UserError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
}

impl UserError {
    /// Bad flags or unusable input (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        UserError { exit: Exit::Usage, message: message.into(), hint: None }
    }
    /// An action refused or a problem found (exit 1).
    pub fn refused(message: impl Into<String>) -> Self {
        UserError { exit: Exit::Problem, message: message.into(), hint: None }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// An I/O error's reason in a user's words ("permission denied"), without the OS error
/// number: the layers below put it in their errors' one line. The same words on every
/// platform for the common kinds ([`crate::platform::fs::io_reason`]).
pub fn io_reason(e: &std::io::Error) -> String {
    crate::platform::fs::io_reason(e)
}
