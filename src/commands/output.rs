//! The one printer (ripgrep's shape): every command builds a typed result, and only here does
//! it become either one JSON document on stdout (`--json`, chosen once in `cli`) or the human
//! text. Progress, notes and warnings go to stderr as the command runs (cargo's shell does the
//! same); stdout belongs to this module, so `--json` can never print two documents or a diff
//! before the JSON.

use serde::{Serialize, Serializer};

use crate::ctx::Ctx;
use crate::error::Exit;

/// `schema_version` of our JSON documents (doctor keeps `codex doctor --json`'s camelCase
/// `schemaVersion` in its own report). A typed field of each result, not a patch: it says 1
/// until a field changes meaning; fields may be added without a bump (docs/json.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(1)
    }
}

/// What a command returns: serialisable as its `--json` document, renderable for people.
pub trait Output: Serialize {
    /// The human rendering: data (tables, diffs, reports) to stdout through `ctx.ui.data`.
    fn human(&self, ctx: &Ctx);

    /// The closing lines for people (stderr), said after the human text or the JSON alike:
    /// a script reading stdout still sees a warning on its terminal.
    fn said(&self) -> Option<&Messages> {
        None
    }

    /// The exit code this result means (a failed probe is 1, not an error).
    fn exit(&self) -> Exit {
        Exit::Ok
    }
}

/// Prints `result` as the run's one JSON document or as text; returns its exit code.
pub fn emit<T: Output + ?Sized>(ctx: &Ctx, result: &T) -> anyhow::Result<Exit> {
    if ctx.json {
        // Through a `Value`, whose maps are sorted: docs/json.md promises alphabetical keys,
        // so a document diffs cleanly between versions whatever order the fields are declared in.
        ctx.ui.data(&serde_json::to_string_pretty(&serde_json::to_value(result)?)?);
    } else {
        result.human(ctx);
    }
    if let Some(said) = result.said() {
        said.show(ctx);
    }
    Ok(result.exit())
}

/// A closing line for people, and how it is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Status,
    Note,
    Warn,
    Hint,
}

/// The closing lines of a result's human rendering (stderr), kept in the order the command
/// decided them. Not part of the JSON (a script reads the fields); said on stderr in both modes.
#[derive(Debug, Clone, Default)]
pub struct Messages(Vec<(Said, String)>);

impl Messages {
    pub fn status(&mut self, text: impl Into<String>) {
        self.0.push((Said::Status, text.into()));
    }
    pub fn note(&mut self, text: impl Into<String>) {
        self.0.push((Said::Note, text.into()));
    }
    pub fn warn(&mut self, text: impl Into<String>) {
        self.0.push((Said::Warn, text.into()));
    }
    pub fn hint(&mut self, text: impl Into<String>) {
        self.0.push((Said::Hint, text.into()));
    }

    /// These lines, then `later`'s.
    pub fn then(mut self, later: Messages) -> Messages {
        self.0.extend(later.0);
        self
    }

    /// Says the lines (stderr; -q hides them as it hides every status line).
    pub fn show(&self, ctx: &Ctx) {
        for (kind, text) in &self.0 {
            match kind {
                Said::Status => ctx.ui.status(text),
                Said::Note => ctx.ui.note(text),
                Said::Warn => ctx.ui.warn(text),
                Said::Hint => ctx.ui.hint(text),
            }
        }
    }
}
