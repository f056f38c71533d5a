//! The one prompt style: every question is asked with the same dialoguer theme and with the
//! Ctrl-C guard of [`crate::interrupt`] installed, so ^C at any prompt shows the cursor again,
//! says nothing was written and exits 130.

use dialoguer::theme::ColorfulTheme;

use crate::error::UserError;

/// The theme for every prompt.
pub fn theme() -> ColorfulTheme {
    ColorfulTheme::default()
}

/// Holds the ^C handler for as long as it lives (a whole interactive flow, or one question).
pub struct Guard(());

impl Guard {
    pub fn new() -> Guard {
        crate::interrupt::on_ctrl_c_cancel();
        Guard(())
    }
}

impl Default for Guard {
    fn default() -> Self {
        Guard::new()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        crate::interrupt::restore();
    }
}

/// A failed prompt (no terminal, closed input) as a user error.
pub fn failed(e: dialoguer::Error) -> anyhow::Error {
    UserError::refused(format!("prompt failed: {e}; nothing was written")).into()
}

/// A yes/no question, themed and guarded.
pub fn confirm(question: &str, default: bool) -> anyhow::Result<bool> {
    let _guard = Guard::new();
    yes_no(question, default)
}

/// A yes/no question inside a flow that already holds a [`Guard`]. The answer needs Enter:
/// a typed `y` alone must not submit, or the Enter that follows it would answer the next
/// question with an empty line.
pub fn yes_no(question: &str, default: bool) -> anyhow::Result<bool> {
    dialoguer::Confirm::with_theme(&theme())
        .with_prompt(question)
        .default(default)
        .wait_for_newline(true)
        .interact()
        .map_err(failed)
}
