//! The printer: data to stdout, messages to stderr, colour decided once.

use std::io::{IsTerminal, Write};

use owo_colors::OwoColorize;

use crate::cli::ColorChoice;

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
    pub color_out: bool,
    pub color_err: bool,
    pub quiet: bool,
    pub verbose: u8,
}

impl Ui {
    pub fn new(choice: ColorChoice, quiet: bool, verbose: u8) -> Self {
        let env = |k: &str| std::env::var(k).ok();
        Ui {
            color_out: use_color(choice, Stream::Stdout, &env),
            color_err: use_color(choice, Stream::Stderr, &env),
            quiet,
            verbose,
        }
    }

    /// Styles `text` for `stream` when colour is on there.
    pub fn paint(&self, stream: Stream, tone: Tone, text: &str) -> String {
        let on = match stream {
            Stream::Stdout => self.color_out,
            Stream::Stderr => self.color_err,
        };
        if !on {
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

    /// Data for scripts and pipes (lists, JSON, diffs): stdout, never suppressed.
    pub fn data(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = out.write_all(b"\n");
        }
        let _ = out.flush();
    }

    /// A one-line confirmation for people (stderr; hidden by -q).
    pub fn status(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{} {text}", self.paint(Stream::Stderr, Tone::Accent, "note:"));
        }
    }

    pub fn warn(&self, text: &str) {
        if !self.quiet {
            eprintln!("{} {text}", self.paint(Stream::Stderr, Tone::Warn, "warning:"));
        }
    }

    pub fn hint(&self, text: &str) {
        if !self.quiet {
            eprintln!("  {} {text}", self.paint(Stream::Stderr, Tone::Accent, "hint:"));
        }
    }

    /// Errors are never suppressed by -q.
    pub fn error(&self, text: &str, hint: Option<&str>) {
        eprintln!("{} {text}", self.paint(Stream::Stderr, Tone::Fail, "error:"));
        if let Some(h) = hint {
            eprintln!("  {} {h}", self.paint(Stream::Stderr, Tone::Accent, "hint:"));
        }
    }

    pub fn verbose(&self, text: &str) {
        if self.verbose > 0 && !self.quiet {
            eprintln!("{}", self.paint(Stream::Stderr, Tone::Dim, text));
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
    }
}
