//! User-facing errors: a one-line message, an optional fix, and the exit code it maps to.

use std::fmt;

/// Process exit status, chosen only in `main` (README "Exit codes": 0 ok, 1 problem/refused, 2 usage/unusable input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Problem = 1,
    Usage = 2,
}

/// An error the user can act on. Anything else reaching `main` is reported with exit 1.
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
