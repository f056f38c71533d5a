//! `ConfigFile`: one Codex TOML file as text + `DocumentMut`, rendered back in its own
//! line endings, BOM and final-newline state (toml_edit normalises all three).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use crate::error::UserError;

/// The byte-level habits of a file that toml_edit does not keep by itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct TextFormat {
    bom: bool,
    crlf: bool,
    final_newline: bool,
}

/// Larger files are refused before parsing: real configs are kilobytes, and toml_edit needs
/// tens of times a file's size in memory (a 20 MB file took 6.8 s and 780 MB in a debug build).
pub const MAX_CONFIG_BYTES: u64 = 8 << 20;

fn too_large(path: &Path, len: u64) -> UserError {
    UserError::usage(format!(
        "{}: {:.1} MiB is too large for a config file (the limit is {} MiB)",
        path.display(),
        len as f64 / (1u64 << 20) as f64,
        MAX_CONFIG_BYTES >> 20
    ))
    .hint("move the bulk (for example old [projects] entries) out of the file; it was not changed")
}

/// One loaded config file: the door every read and edit goes through.
/// The hint of a parse error. `undo` is offered by the commands, which know whether there is a
/// backup to restore (this module does not know the home).
pub const PARSE_HINT: &str = "fix the TOML by hand (the file was not changed)";

#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// The path as the user knows it (shown in messages).
    pub path: PathBuf,
    /// Whether the file existed when loaded.
    pub existed: bool,
    original: String,
    /// `doc` as toml_edit prints it right after parsing: while it still prints the same,
    /// nothing was edited and `render` gives back the original bytes (toml_edit regroups
    /// interleaved dotted keys and normalises mixed line endings even without an edit).
    baseline: String,
    format: TextFormat,
    /// Private to the config module: every read and edit is a method, so nothing outside
    /// can make an edit that loses decor or bypasses `render`.
    pub(in crate::config) doc: DocumentMut,
}

impl ConfigFile {
    /// Reads and parses `path`; a missing file is an empty document. Errors are one line:
    /// `path:line:col: message` for TOML, with exit 2.
    pub fn load(path: &Path) -> Result<ConfigFile, UserError> {
        if let Ok(m) = std::fs::metadata(path)
            && m.is_file()
            && m.len() > MAX_CONFIG_BYTES
        {
            return Err(too_large(path, m.len()));
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(UserError::usage(format!("{}: dangling symlink", path.display()))
                        .hint("point the link at an existing file or remove it"));
                }
                return Ok(ConfigFile::empty(path));
            }
            Err(e) if e.kind() == ErrorKind::IsADirectory || path.is_dir() => {
                return Err(UserError::usage(format!("{}: is a directory, not a config file", path.display()))
                    .hint("move the directory away; Codex expects a TOML file here"));
            }
            Err(e) => {
                return Err(UserError::usage(format!("{}: cannot read: {}", path.display(), io_reason(&e)))
                    .hint("check the file's permissions"));
            }
        };
        if bytes.len() as u64 > MAX_CONFIG_BYTES {
            return Err(too_large(path, bytes.len() as u64));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            UserError::usage(format!("{}: not valid UTF-8 (byte {})", path.display(), e.utf8_error().valid_up_to()))
                .hint("save the file as UTF-8; it was left untouched")
        })?;
        Self::parse(path, text)
    }

    /// Parses `text` as the content of `path`; a TOML error carries [`PARSE_HINT`].
    pub fn parse(path: &Path, text: String) -> Result<ConfigFile, UserError> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let format = TextFormat {
            bom: body.len() != text.len(),
            crlf: body.contains("\r\n"),
            final_newline: body.is_empty() || body.ends_with('\n'),
        };
        let doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| {
            let (line, col) = e.span().map(|s| line_col(body, s.start)).unwrap_or((1, 1));
            let msg = e.message().trim().replace('\n', " ");
            UserError::usage(format!("{}:{line}:{col}: {msg}", path.display())).hint(PARSE_HINT)
        })?;
        let baseline = doc.to_string();
        Ok(ConfigFile { path: path.to_path_buf(), existed: true, original: text, baseline, format, doc })
    }

    pub fn empty(path: &Path) -> ConfigFile {
        ConfigFile {
            path: path.to_path_buf(),
            existed: false,
            original: String::new(),
            baseline: String::new(),
            format: TextFormat { final_newline: true, ..Default::default() },
            doc: DocumentMut::new(),
        }
    }

    /// The document as it would be written, in the file's own format.
    pub fn render(&self) -> String {
        let mut s = self.doc.to_string();
        if self.existed && s == self.baseline {
            return self.original.clone();
        }
        if self.format.crlf {
            s = s.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if !self.format.final_newline {
            while s.ends_with('\n') {
                s.pop();
                if s.ends_with('\r') {
                    s.pop();
                }
            }
        }
        if self.format.bom {
            s.insert(0, '\u{feff}');
        }
        s
    }

    pub fn original(&self) -> &str {
        &self.original
    }

    /// Whether writing would change a byte.
    pub fn is_dirty(&self) -> bool {
        self.render() != self.original
    }
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

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        ErrorKind::NotFound => "not found".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
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
    fn parse_error_has_line_and_column() {
        let e = ConfigFile::parse(Path::new("c.toml"), "a = 1\nb = \"x\n".into()).unwrap_err();
        assert!(e.message.starts_with("c.toml:2:"), "{}", e.message);
        assert_eq!(e.exit, crate::error::Exit::Usage);
    }
}
