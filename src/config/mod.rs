//! The only module that knows TOML. [`ConfigFile`] is the one door to a Codex config file:
//! its document is private, and every read and edit is a method (in the style of uv's
//! `PyProjectTomlMut` and cargo's `LocalManifest`), so byte-exact rendering and decor-keeping
//! edits cannot be bypassed. Reads come back as typed data ([`Selection`], [`ProviderTable`],
//! [`TypeError`], [`NestedValue`], [`view::ProviderView`]), never as TOML items to walk.
//!
//! # Edits are byte-exact by construction
//!
//! No edit re-renders the file, and nothing edits a parsed document: the file is its text.
//! toml_edit parses the bytes into a spanned `Document`, whose spans say *where* each
//! header, key and value is (`outline.rs`); an edit renders only the new text of the item it
//! owns and splices it into the text: it replaces a value's own bytes (so its comments and
//! spacing, which lie outside them, stay), renames a key segment where it is spelled,
//! inserts lines or an inline entry, or deletes an entry's range (`splice.rs`). Everything
//! else is copied, and what is written is that text (with the BOM it had). Then the text is
//! parsed again, so each next edit sees the current spans and the text is known to parse
//! before anything can render it; an edit whose result would not parse is an internal error
//! and nothing is written. The edits of one call that replace values in place share one
//! splice and one parse with the call's first insertion or removal (`batch.rs`): switching
//! `model_provider` and `model` costs one parse after the load, not two.
//!
//! Reads come from the same spanned document: a parsed value knows its value, only its
//! spelling is a span. The reads that print an item as written (`show`, the previous value
//! `set` reports, doctor's messages) re-parse a value from its own bytes (`shown.rs`); only
//! a table and doctor's walk over every value use a despanned copy of the document, made on
//! first use and dropped by the next edit ([`ConfigFile`]'s `doc`).
//!
//! What an entry owns, exactly:
//! - A **key-value** owns its lines (from the start of the key's line to the end of the
//!   value's last line, trailing comment and line ending included) and its comment
//!   paragraph: the comment lines directly above it, up to the first blank line or other
//!   line. A paragraph that starts the file is the **file header** and belongs to nobody.
//!   A paragraph separated by a blank line belongs to nobody either: it stays.
//! - A **table** (`[a.b]`, `[[a.b]]`) owns its header line, its paragraph (same rule), the
//!   lines up to the next header, and comment lines directly under its last line up to a
//!   blank line; comment lines directly above the next header are that header's. A
//!   provider also owns every table and line under its path elsewhere in the file
//!   (`[model_providers.ID.http_headers]` far below, dotted lines).
//! - Removing an entry deletes what it owns plus the blank lines between it and the content
//!   above; that is exactly what adding it inserted (a blank line and the block), so add
//!   then remove gives the original bytes back.
//!
//! Where new text goes: a new top-level key after the last top-level key-value (in a file
//! without one: after the file header, else first, with a blank line before a table); a new
//! table-style provider after the block of the last provider (at the end when none); a new
//! key of a table after its last key-value, indented like it; a dotted line spelled like its
//! sibling (`model_providers . "x" . env_key = …`); an inline entry after the last one.
//! New lines take the line ending of the line before (else after) the insertion point, so
//! a mixed file stays mixed; a file without a final newline still ends without one.
//!
//! A second byte-order mark is a parse error, as are bytes that are not UTF-8; both are
//! reported as `path:line:col` like every other parse error.

mod auth;
mod batch;
mod catalog_key;
pub mod dotenv_write;
mod edit;
mod error;
pub mod fields;
pub mod file;
pub mod ids;
mod lint;
mod migrate;
mod outline;
mod read;
mod repair;
mod root;
mod selection;
mod shown;
mod splice;
pub mod view;

pub use catalog_key::MODEL_CATALOG_JSON;
pub use edit::{Change, ProviderSpec};
pub use error::Error;
pub use file::ConfigFile;
pub use lint::{NestedValue, TypeError};
pub use migrate::LegacyProfile;
pub use read::ProviderTable;
pub use selection::Selection;
pub use view::{LayeredFiles, Layers};

pub const MODEL_PROVIDERS: &str = "model_providers";
pub const MODEL_PROVIDER: &str = "model_provider";
pub const MODEL: &str = "model";
pub const PROFILES: &str = "profiles";
pub const PROFILE: &str = "profile";
