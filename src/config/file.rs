//! `ConfigFile`: one Codex TOML file as its bytes plus their spanned `Document`, which says
//! where each item is (edits splice into the bytes at those places) and answers the typed
//! reads. A despanned `DocumentMut` is built from it only when a read must print a table as
//! written, or walks every value to print it (see [`ConfigFile::doc`] and `shown.rs`).
//! Nothing here renders the file: what is written is the current text itself, which every
//! edit re-parses (so it is known to parse before anything renders or writes it).

use std::cell::OnceCell;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use toml_edit::{Document, DocumentMut};

use super::Error;

/// Larger files are refused before parsing: real configs are kilobytes, and toml_edit needs
/// tens of times a file's size in memory (a 20 MB file took 6.8 s and 780 MB in a debug build).
pub const MAX_CONFIG_BYTES: u64 = 8 << 20;

fn too_large(path: &Path, len: u64) -> Error {
    Error::TooLarge { path: path.to_path_buf(), len, limit: MAX_CONFIG_BYTES }
}

/// Kept here for the callers that read files through this module's name.
pub use crate::error::io_reason;

/// One loaded config file: the door every read and edit goes through.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// The path as the user knows it (shown in messages).
    pub path: PathBuf,
    /// Whether the file existed when loaded.
    pub existed: bool,
    original: String,
    /// Whether the file starts with a byte-order mark (kept; not part of `spans`' text).
    bom: bool,
    /// The current text (after the BOM) with spans: where every key, value and header is.
    /// Typed reads of values (`as_str`, keys, table shapes) read it directly: a spanned
    /// document holds the parsed values, only its reprs and decor are spans.
    pub(in crate::config) spans: Document<String>,
    /// The same document despanned, built on first use by [`ConfigFile::doc`] and dropped by
    /// every edit. Only reads that print items need it (`Display` of a spanned item prints
    /// default reprs, not the file's spelling), and most take a value's text from its own
    /// bytes instead (`shown.rs`). Nothing edits it.
    doc: OnceCell<DocumentMut>,
}

impl ConfigFile {
    /// Reads and parses `path`; a missing file is an empty document. A TOML error is
    /// [`Error::Parse`] (`path:line:col: message`).
    pub fn load(path: &Path) -> Result<ConfigFile, Error> {
        if let Ok(m) = std::fs::metadata(path)
            && m.is_file()
            && m.len() > MAX_CONFIG_BYTES
        {
            return Err(too_large(path, m.len()));
        }
        let bytes = match crate::platform::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(Error::DanglingSymlink { path: path.to_path_buf() });
                }
                return Ok(ConfigFile::empty(path));
            }
            Err(e) if e.kind() == ErrorKind::IsADirectory || path.is_dir() => {
                return Err(Error::IsADirectory { path: path.to_path_buf() });
            }
            Err(e) => {
                return Err(Error::Unreadable { path: path.to_path_buf(), source: e });
            }
        };
        if bytes.len() as u64 > MAX_CONFIG_BYTES {
            return Err(too_large(path, bytes.len() as u64));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
            let (line, col) = line_col(&valid, valid.len());
            Error::NotUtf8 { path: path.to_path_buf(), line, col }
        })?;
        Self::parse(path, text)
    }

    /// Parses `text` as the content of `path`; a TOML error is [`Error::Parse`].
    pub fn parse(path: &Path, text: String) -> Result<ConfigFile, Error> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let bom = body.len() != text.len();
        let spans = parse_body(path, body, bom)?;
        Ok(ConfigFile { path: path.to_path_buf(), existed: true, original: text, bom, spans, doc: OnceCell::new() })
    }

    /// Replaces the text after the BOM with `body` and re-parses it, so the next edit sees
    /// its spans and no text that does not parse is ever rendered. An edit that would not
    /// parse is a bug of ours, reported as one; nothing is written.
    pub(in crate::config) fn set_body(&mut self, body: String) -> Result<(), Error> {
        let spans = parse_body(&self.path, &body, false)
            .map_err(|e| Error::EditWouldNotParse { path: self.path.clone(), parse: Box::new(e) })?;
        self.spans = spans;
        self.doc = OnceCell::new();
        Ok(())
    }

    pub fn empty(path: &Path) -> ConfigFile {
        ConfigFile {
            path: path.to_path_buf(),
            existed: false,
            original: String::new(),
            bom: false,
            spans: Document::parse(String::new()).expect("the empty document parses"),
            doc: OnceCell::new(),
        }
    }

    /// The despanned document, for reads that print items (`Display` needs the item's own
    /// reprs): a clone of `spans` with every span resolved, made once per text. On a
    /// 30,000-line file that cost a quarter to a third of a parse (debug build), so value
    /// reads never ask for it.
    pub(in crate::config) fn doc(&self) -> &DocumentMut {
        self.doc.get_or_init(|| self.spans.clone().into_mut())
    }

    /// The file as it would be written: the BOM (when it had one) and the current text, in
    /// which the edits were spliced into the original bytes.
    pub fn render(&self) -> String {
        if self.bom { format!("\u{feff}{}", self.body()) } else { self.body().to_string() }
    }

    /// The current text after the BOM; spans are offsets into it.
    pub(in crate::config) fn body(&self) -> &str {
        self.spans.raw()
    }

    pub fn original(&self) -> &str {
        &self.original
    }

    /// Whether writing would change a byte (a text comparison; nothing is rendered).
    pub fn is_dirty(&self) -> bool {
        let original = if self.bom { self.original.strip_prefix('\u{feff}') } else { Some(self.original.as_str()) };
        original != Some(self.body())
    }
}

/// Parses the text after the BOM; a second BOM is refused (Codex refuses it too).
fn parse_body(path: &Path, body: &str, bom: bool) -> Result<Document<String>, Error> {
    let fail = |offset: usize, msg: &str| {
        let (line, col) = line_col(body, offset);
        let col = if bom && line == 1 { col + 1 } else { col };
        Error::Parse { path: path.to_path_buf(), line, col, message: msg.to_string() }
    };
    if body.starts_with('\u{feff}') {
        return Err(fail(0, "a second byte-order mark (U+FEFF) is not TOML"));
    }
    Document::parse(body.to_string())
        .map_err(|e| fail(e.span().map_or(0, |s| s.start), &e.message().trim().replace('\n', " ")))
}

pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.display().to_string();
    let from = if old.is_empty() { "/dev/null".to_string() } else { name.clone() };
    let to = if new.is_empty() { "/dev/null".to_string() } else { name };
    similar::TextDiff::from_lines(old, new).unified_diff().context_radius(3).header(&from, &to).to_string()
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str) -> String {
        ConfigFile::parse(Path::new("c.toml"), text.to_string()).unwrap().render()
    }

    #[test]
    fn keeps_crlf_bom_and_missing_final_newline() {
        for t in ["a = 1\r\n# c\r\n[t]\r\nb = 2\r\n", "\u{feff}a = 1\n", "a = 1", "a = 1\r\nb = 2", ""] {
            assert_eq!(roundtrip(t), t);
        }
    }

    #[test]
    fn unedited_files_render_byte_identical_even_where_toml_edit_would_reorder() {
        for t in ["a.x = 1\nb = 2\na.y = 3\n", "a = 1\r\nb = 2\nc = 3\r\n", "a = 1\rb = 2\n"] {
            if let Ok(f) = ConfigFile::parse(Path::new("c.toml"), t.to_string()) {
                assert_eq!(f.render(), t);
                assert!(!f.is_dirty());
            }
        }
    }

    #[test]
    fn second_bom_and_invalid_utf8_are_errors_with_line_and_column() {
        let e = ConfigFile::parse(Path::new("c.toml"), "\u{feff}\u{feff}a = 1\n".into()).unwrap_err();
        assert!(e.to_string().starts_with("c.toml:1:2: "), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, b"a = 1\nb = \"x\xff\"\n").unwrap();
        let e = ConfigFile::load(&p).unwrap_err();
        assert!(e.to_string().ends_with(":2:7: not valid UTF-8"), "{e}");
    }

    #[test]
    fn parse_error_has_line_and_column() {
        let e = ConfigFile::parse(Path::new("c.toml"), "a = 1\nb = \"x\n".into()).unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e}");
    }
}
