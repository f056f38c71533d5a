//! What can go wrong reading or editing a config file, as facts: the path, the position, the
//! key, the provider id. `Display` is the one line a user reads (also what doctor quotes);
//! the fix and the exit code are the command layer's (`commands/errors.rs`), because they
//! name the CLI's verbs and flags, which this layer does not know.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// The file is `len` bytes, over the `limit` (`file::MAX_CONFIG_BYTES`); it was not parsed.
    TooLarge { path: PathBuf, len: u64, limit: u64 },
    /// The path is a symlink to nothing.
    DanglingSymlink { path: PathBuf },
    /// The path is a directory.
    IsADirectory { path: PathBuf },
    /// Reading failed for another reason (permissions, I/O).
    Unreadable { path: PathBuf, source: std::io::Error },
    /// The bytes are not UTF-8; `line:col` is the first bad byte.
    NotUtf8 { path: PathBuf, line: usize, col: usize },
    /// The text is not TOML (a second byte-order mark included); `message` is the parser's.
    Parse { path: PathBuf, line: usize, col: usize, message: String },
    /// An edit of ours produced text that does not parse: a bug; `parse` is the parse error.
    EditWouldNotParse { path: PathBuf, parse: Box<Error> },
    /// `key` (a dotted path such as `model_providers.x`) holds a value where Codex expects a table.
    NotATable { key: String },
    /// Top-level `key` is a table where a string is written.
    NotAString { key: String },
    /// A map field of a provider (e.g. `http_headers`) is not a table.
    FieldNotATable { id: String, field: String },
    /// Adding a provider whose id is already defined (and replacing was not asked for).
    ProviderExists { id: String },
    /// Editing a field of a provider this file does not define.
    ProviderNotInFile { id: String },
    /// No layer defines the provider and it is not built in. `id` is as shown (a key-like
    /// value masked); `suggestion` is the nearest known id.
    UnknownProvider { id: String, suggestion: Option<String> },
    /// A provider field name Codex does not know (`field` as shown, masked if key-like).
    UnknownField { field: String, suggestion: Option<String> },
    /// A map field (`http_headers`) named without an entry.
    MapNeedsKey { field: String },
    /// A structured field (a table of its own) named as a whole; `example` is one of its fields.
    StructuredField { field: String, example: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { path, len, limit } => write!(
                f,
                "{}: {:.1} MiB is too large for a config file (the limit is {} MiB)",
                path.display(),
                *len as f64 / (1u64 << 20) as f64,
                limit >> 20
            ),
            Error::DanglingSymlink { path } => write!(f, "{}: dangling symlink", path.display()),
            Error::IsADirectory { path } => write!(f, "{}: is a directory, not a config file", path.display()),
            Error::Unreadable { path, source } => {
                write!(f, "{}: cannot read: {}", path.display(), crate::error::io_reason(source))
            }
            Error::NotUtf8 { path, line, col } => write!(f, "{}:{line}:{col}: not valid UTF-8", path.display()),
            Error::Parse { path, line, col, message } => write!(f, "{}:{line}:{col}: {message}", path.display()),
            Error::EditWouldNotParse { path, parse } => {
                write!(f, "internal error: an edit of {} would not parse ({parse})", path.display())
            }
            Error::NotATable { key } => write!(f, "`{key}` in the config is not a table"),
            Error::NotAString { key } => write!(f, "`{key}` in the config is a table, not a string"),
            Error::FieldNotATable { id, field } => write!(f, "`{field}` of provider `{id}` is not a table"),
            Error::ProviderExists { id } => write!(f, "provider `{id}` already exists"),
            Error::ProviderNotInFile { id } => write!(f, "provider `{id}` is not defined in this file"),
            Error::UnknownProvider { id, .. } => write!(f, "unknown provider `{id}`"),
            Error::UnknownField { field, .. } => write!(f, "unknown provider field `{field}`"),
            Error::MapNeedsKey { field } => write!(f, "`{field}` is a map: name one entry"),
            Error::StructuredField { field, .. } => write!(f, "`{field}` is a table that `set` does not write"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Unreadable { source, .. } => Some(source),
            _ => None,
        }
    }
}
