//! The one status-glyph map (✓ ⚠ ✗ -), shared by doctor's and probe's reports so the same
//! outcome always looks the same.

use super::{Tone, Ui};

/// An outcome as people read it; doctor and probe map their own statuses onto it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warn,
    Fail,
    Skip,
}

/// The glyph and its tone.
pub fn of(level: Level) -> (&'static str, Tone) {
    match level {
        Level::Ok => ("✓", Tone::Ok),
        Level::Warn => ("⚠", Tone::Warn),
        Level::Fail => ("✗", Tone::Fail),
        Level::Skip => ("-", Tone::Dim),
    }
}

/// The glyph, painted.
pub fn painted(ui: &Ui, level: Level) -> String {
    let (g, tone) = of(level);
    ui.paint(tone, g)
}
