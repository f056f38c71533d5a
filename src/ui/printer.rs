//! The two streams, written through `anstream` so escapes are stripped where colour is off.
//!
//! Write errors follow ripgrep's rule: a closed pipe (`codex-provider list | head -0`) is the
//! reader saying "enough", so output stops and the run still succeeds; any other failure
//! (`> /dev/full`) is an error the caller reports once, at the end, with exit 1. Stdout's
//! outcome is process-wide state because stdout is: the first failure is kept and every
//! later write is skipped. Errors on stderr have nowhere to be reported and are ignored.

use std::io::{ErrorKind, Write};
use std::sync::Mutex;

use anstream::{AutoStream, ColorChoice};

/// Why stdout stopped taking bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StdoutFailure {
    /// The reader went away: not an error.
    BrokenPipe,
    /// A real write error, as a one-line reason ("no space left on device").
    Failed(String),
}

static STDOUT: Mutex<Option<StdoutFailure>> = Mutex::new(None);

/// The first failure of a write to stdout in this process, if any.
pub fn stdout_failure() -> Option<StdoutFailure> {
    STDOUT.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

fn choice(color: bool) -> ColorChoice {
    if color { ColorChoice::AlwaysAnsi } else { ColorChoice::Never }
}

pub(super) fn to_stdout(color: bool, bytes: &[u8]) {
    let mut state = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    if state.is_some() {
        return;
    }
    let mut out = AutoStream::new(std::io::stdout(), choice(color)).lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        *state = Some(classify(&e));
    }
}

pub(super) fn to_stderr(color: bool, text: &str) {
    let mut err = AutoStream::new(std::io::stderr(), choice(color)).lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

fn classify(e: &std::io::Error) -> StdoutFailure {
    if e.kind() == ErrorKind::BrokenPipe {
        return StdoutFailure::BrokenPipe;
    }
    StdoutFailure::Failed(crate::platform::fs::io_reason(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_not_a_failure_and_others_read_as_one_line() {
        assert_eq!(classify(&std::io::Error::from(ErrorKind::BrokenPipe)), StdoutFailure::BrokenPipe);
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert_eq!(classify(&full), StdoutFailure::Failed("no space left on device".into()));
    }
}
