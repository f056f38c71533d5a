//! Everything that reaches the terminal: the printer (data to stdout, messages to stderr), the
//! one table formatter, the one status-glyph map and the one prompt theme.
//!
//! Colour is decided once per stream (see [`use_color`]) and applied by `anstream` when the
//! bytes are written: text is painted once, and the escapes are stripped on a stream that must
//! not get them, so a report printed to stderr follows stderr's decision, not stdout's.

pub mod glyph;
mod printer;
pub mod prompt;
pub mod table;
pub mod time;

use std::io::IsTerminal;

use owo_colors::OwoColorize;

pub use printer::{StdoutFailure, stdout_failure};

/// `--color`: lives here (not in `cli`) so the printer depends on nothing above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Decides colour the way users expect: `--color` wins, then `FORCE_COLOR`/`CLICOLOR_FORCE`,
/// then `NO_COLOR`, then whether the stream is a terminal (and `TERM` is not `dumb`).
pub fn use_color(choice: ColorChoice, stream: Stream, env: &dyn Fn(&str) -> Option<String>) -> bool {
    match choice {
        ColorChoice::Always => return true,
        ColorChoice::Never => return false,
        ColorChoice::Auto => {}
    }
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty() && v != "0");
    if set("FORCE_COLOR") || set("CLICOLOR_FORCE") {
        return true;
    }
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    if env("TERM").is_some_and(|t| t == "dumb") {
        return false;
    }
    match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    }
}

/// The width to fit stdout's tables to: None when stdout is not a terminal (a pipe gets full
/// values), else `COLUMNS` when set (tests, `COLUMNS=100 cmd`), else the terminal's own width.
pub fn stdout_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    if let Some(n) = crate::env::process_var("COLUMNS").and_then(|c| c.trim().parse().ok()).filter(|n| *n > 0) {
        return Some(n);
    }
    crate::platform::term::width()
}

/// One plain line to stderr for code that has no [`Ui`] (the crash-test pause points).
#[cfg(debug_assertions)]
pub fn stderr_line(text: &str) {
    printer::to_stderr(false, &format!("{text}\n"));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Fail,
    Dim,
    Bold,
    Accent,
}

#[derive(Debug, Clone)]
pub struct Ui {
    color_out: bool,
    color_err: bool,
    pub quiet: bool,
    pub verbose: u8,
}

impl Ui {
    pub fn new(choice: ColorChoice, quiet: bool, verbose: u8) -> Self {
        let env = |k: &str| crate::env::process_var(k);
        Ui {
            color_out: use_color(choice, Stream::Stdout, &env),
            color_err: use_color(choice, Stream::Stderr, &env),
            quiet,
            verbose,
        }
    }

    /// Styles `text`. The escapes are kept only on the streams whose decision is colour (the
    /// printer strips them elsewhere); when neither stream shows colour, nothing is added.
    pub fn paint(&self, tone: Tone, text: &str) -> String {
        if !(self.color_out || self.color_err) {
            return text.to_string();
        }
        match tone {
            Tone::Ok => text.green().to_string(),
            Tone::Warn => text.yellow().to_string(),
            Tone::Fail => text.red().to_string(),
            Tone::Dim => text.dimmed().to_string(),
            Tone::Bold => text.bold().to_string(),
            Tone::Accent => text.cyan().to_string(),
        }
    }

    /// Data for scripts and pipes (lists, JSON, diffs): stdout, never suppressed; a newline is
    /// added when `text` has none.
    pub fn data(&self, text: &str) {
        if text.ends_with('\n') {
            self.data_raw(text.as_bytes());
        } else {
            self.data_raw(format!("{text}\n").as_bytes());
        }
    }

    /// Bytes to stdout exactly as given (a generated completion script).
    pub fn data_raw(&self, bytes: &[u8]) {
        printer::to_stdout(self.color_out, bytes);
    }

    /// A multi-line report for people on stderr, as given (hidden by -q).
    pub fn report(&self, text: &str) {
        if !self.quiet {
            printer::to_stderr(self.color_err, text);
        }
    }

    /// Text for people on stderr that -q does not hide (the diffs of `doctor --fix --json`).
    pub fn stderr(&self, text: &str) {
        printer::to_stderr(self.color_err, text);
    }

    /// A one-line confirmation for people (stderr; hidden by -q).
    pub fn status(&self, text: &str) {
        self.report(&format!("{text}\n"));
    }

    pub fn note(&self, text: &str) {
        self.report(&format!("{} {text}\n", self.paint(Tone::Accent, "note:")));
    }

    pub fn warn(&self, text: &str) {
        self.report(&format!("{} {text}\n", self.paint(Tone::Warn, "warning:")));
    }

    pub fn hint(&self, text: &str) {
        self.report(&format!("  {} {text}\n", self.paint(Tone::Accent, "hint:")));
    }

    /// Errors are never suppressed by -q.
    pub fn error(&self, text: &str, hint: Option<&str>) {
        let mut out = format!("{} {text}\n", self.paint(Tone::Fail, "error:"));
        if let Some(h) = hint {
            out.push_str(&format!("  {} {h}\n", self.paint(Tone::Accent, "hint:")));
        }
        printer::to_stderr(self.color_err, &out);
    }

    pub fn verbose(&self, text: &str) {
        if self.verbose > 0 {
            self.report(&format!("{}\n", self.paint(Tone::Dim, text)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn force_color_beats_no_color_and_pipes() {
        assert!(use_color(ColorChoice::Auto, Stream::Stdout, &env_of(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")])));
        assert!(!use_color(ColorChoice::Auto, Stream::Stdout, &env_of(&[("FORCE_COLOR", "0"), ("NO_COLOR", "1")])));
        assert!(!use_color(ColorChoice::Never, Stream::Stdout, &env_of(&[("FORCE_COLOR", "1")])));
        assert!(use_color(ColorChoice::Always, Stream::Stdout, &env_of(&[("NO_COLOR", "1")])));
        assert!(!use_color(ColorChoice::Auto, Stream::Stderr, &env_of(&[("TERM", "dumb")])));
    }

    #[test]
    fn no_escapes_when_no_stream_shows_colour() {
        let plain = Ui::new(ColorChoice::Never, false, 0);
        assert_eq!(plain.paint(Tone::Ok, "ok"), "ok");
        let coloured = Ui::new(ColorChoice::Always, false, 0);
        assert_eq!(coloured.paint(Tone::Ok, "ok"), "\x1b[32mok\x1b[39m");
    }
}
