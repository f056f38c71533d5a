//! Where things are in the original bytes: every table header and key-value line of a parsed
//! document with its byte range, key path and the byte ranges of its spelled key segments,
//! plus the line rules that decide which comments belong to an entry (see the module doc of
//! `config`). Edits are splices computed from this outline; nothing here renders TOML.

use std::ops::Range;

use toml_edit::{Document, Item, Table};

/// A header (`[a.b]`, `[[a.b]]`) or a key-value line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Header,
    KeyValue,
}

#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub kind: Kind,
    /// The full key path (the header in force plus the dotted key, for a key-value).
    pub path: Vec<String>,
    /// Byte ranges of the key segments spelled on this entry's line; they are the last
    /// `segs.len()` segments of `path`.
    pub segs: Vec<Range<usize>>,
    /// From the start of its first line to after its last line's line ending.
    pub lines: Range<usize>,
}

impl Entry {
    /// How many leading segments of `path` come from the header in force.
    pub fn base(&self) -> usize {
        self.path.len() - self.segs.len()
    }
    pub fn starts_with(&self, prefix: &[String]) -> bool {
        self.path.len() >= prefix.len() && self.path[..prefix.len()] == *prefix
    }
}

/// The entries of a document in file order.
pub(super) struct Outline<'a> {
    pub text: &'a str,
    pub entries: Vec<Entry>,
}

impl<'a> Outline<'a> {
    pub fn new(doc: &'a Document<String>) -> Outline<'a> {
        let text = doc.raw();
        let mut entries = Vec::new();
        walk(text, doc.as_table(), &mut Vec::new(), &mut entries);
        entries.sort_by_key(|e| e.lines.start);
        Outline { text, entries }
    }

    /// Index of the next header after entry `i` (or the end).
    pub fn next_header(&self, i: usize) -> Option<usize> {
        (i + 1..self.entries.len()).find(|&j| self.entries[j].kind == Kind::Header)
    }

    /// Start of the comment paragraph that belongs to entry `i`: the comment lines directly
    /// above it (no blank line between), unless they begin the file (a file header).
    pub fn owned_start(&self, i: usize) -> usize {
        let floor = if i == 0 { 0 } else { self.entries[i - 1].lines.end };
        let own = self.entries[i].lines.start;
        let mut start = own;
        while start > floor {
            let prev = line_start(self.text, start - 1).max(floor);
            if !is_comment(&self.text[prev..start]) {
                break;
            }
            start = prev;
        }
        if start == 0 && i == 0 { own } else { start }
    }

    /// End of entry `i`'s block: for a header, its last entry before the next header and the
    /// comment lines directly under it that are not the next header's own paragraph; for a
    /// key-value, its last line.
    pub fn block_end(&self, i: usize) -> usize {
        let e = &self.entries[i];
        if e.kind == Kind::KeyValue {
            return e.lines.end;
        }
        let next = self.next_header(i);
        let last = next.unwrap_or(self.entries.len()) - 1;
        let limit = next.map_or(self.text.len(), |j| self.owned_start(j));
        let mut end = self.entries[last].lines.end;
        while end < limit {
            let next_end = line_end(self.text, end).min(limit);
            if !is_comment(&self.text[end..next_end]) {
                break;
            }
            end = next_end;
        }
        end
    }

    /// The range removing entry `i` deletes: its paragraph and block, and the blank lines
    /// between it and the content above (so an inserted block removes without a trace).
    pub fn removal(&self, i: usize) -> Range<usize> {
        let mut start = self.owned_start(i);
        let end = self.block_end(i);
        let mut s = start;
        while s > 0 {
            let prev = line_start(self.text, s - 1);
            if !self.text[prev..s].trim().is_empty() {
                break;
            }
            s = prev;
        }
        if s > 0 {
            start = s;
        }
        start..end
    }

    /// Key-values at the root, before the first header.
    pub fn root_values(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries.iter().enumerate().take_while(|(_, e)| e.kind == Kind::KeyValue)
    }

    /// The line ending to use for a line inserted at `at`: that of the line before, else of
    /// the line after, else `\n` (so a mixed file gets the ending of the neighbours).
    pub fn eol_at(&self, at: usize) -> &'static str {
        let crlf = |n: usize| if self.text[..n].ends_with('\r') { "\r\n" } else { "\n" };
        match (self.text[..at].rfind('\n'), self.text[at..].find('\n')) {
            (Some(n), _) => crlf(n),
            (None, Some(n)) => crlf(at + n),
            (None, None) => "\n",
        }
    }
}

/// Start of a line-ending sequence ending at `at` (`at` itself when none).
pub(super) fn eol_before(text: &str, at: usize) -> usize {
    let b = &text[..at];
    if b.ends_with("\r\n") {
        at - 2
    } else if b.ends_with('\n') {
        at - 1
    } else {
        at
    }
}

/// Start of the line holding byte `at` (any byte, not only a char boundary).
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1)
}

/// After the line ending of the line holding byte `at` (or the end of the text).
pub(super) fn line_end(text: &str, at: usize) -> usize {
    text.as_bytes()[at..].iter().position(|&b| b == b'\n').map_or(text.len(), |n| at + n + 1)
}

fn is_comment(line: &str) -> bool {
    line.trim_start_matches([' ', '\t']).starts_with('#')
}

fn walk(text: &str, t: &Table, path: &mut Vec<String>, out: &mut Vec<Entry>) {
    for (k, item) in t.iter() {
        path.push(k.to_string());
        match item {
            Item::Value(v) => {
                if let Some(span) = v.span() {
                    let start = line_start(text, span.start);
                    let (segs, _) = scan_key(text, start);
                    out.push(Entry {
                        kind: Kind::KeyValue,
                        path: path.clone(),
                        segs,
                        lines: start..line_end(text, span.end),
                    });
                }
            }
            Item::Table(c) => {
                if !c.is_implicit() && !c.is_dotted() {
                    header(text, c, path, out);
                }
                walk(text, c, path, out);
            }
            Item::ArrayOfTables(a) => {
                for c in a.iter() {
                    header(text, c, path, out);
                    walk(text, c, path, out);
                }
            }
            Item::None => {}
        }
        path.pop();
    }
}

fn header(text: &str, t: &Table, path: &[String], out: &mut Vec<Entry>) {
    let Some(span) = t.span() else { return };
    let open = if text[span.start..].starts_with("[[") { 2 } else { 1 };
    let (segs, _) = scan_key(text, span.start + open);
    let start = line_start(text, span.start);
    out.push(Entry { kind: Kind::Header, path: path.to_vec(), segs, lines: start..line_end(text, span.end) });
}

/// The byte ranges of the segments of the (possibly dotted, quoted, spaced) key starting at
/// `at`, and where the key ends.
pub(super) fn scan_key(text: &str, mut at: usize) -> (Vec<Range<usize>>, usize) {
    let b = text.as_bytes();
    let mut segs = Vec::new();
    loop {
        while at < b.len() && (b[at] == b' ' || b[at] == b'\t') {
            at += 1;
        }
        let start = at;
        match b.get(at) {
            Some(b'"') => {
                at += 1;
                while at < b.len() && b[at] != b'"' {
                    at += if b[at] == b'\\' { 2 } else { 1 };
                }
                at = (at + 1).min(b.len());
            }
            Some(b'\'') => {
                at += 1;
                while at < b.len() && b[at] != b'\'' {
                    at += 1;
                }
                at = (at + 1).min(b.len());
            }
            _ => {
                while at < b.len() && (b[at].is_ascii_alphanumeric() || b[at] == b'_' || b[at] == b'-') {
                    at += 1;
                }
            }
        }
        if at == start {
            return (segs, at);
        }
        segs.push(start..at);
        let mut look = at;
        while look < b.len() && (b[look] == b' ' || b[look] == b'\t') {
            look += 1;
        }
        if b.get(look) == Some(&b'.') {
            at = look + 1;
        } else {
            return (segs, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_spaced_quoted_segments() {
        let t = r#"a . "b.c" .'d' = 1"#;
        let (segs, _) = scan_key(t, 0);
        let s: Vec<&str> = segs.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(s, ["a", "\"b.c\"", "'d'"]);
    }

    #[test]
    fn outline_paths_and_paragraphs() {
        let doc: Document<String> =
            "# file header\nx = 1\n\n# about a\n[ a . \"b\" ]\ny.z = 2\n# tail\n\n[[c]]\n".parse().unwrap();
        let o = Outline::new(&doc);
        let paths: Vec<String> = o.entries.iter().map(|e| e.path.join("/")).collect();
        assert_eq!(paths, ["x", "a/b", "a/b/y/z", "c"]);
        assert_eq!(o.owned_start(0), 14, "a file header is nobody's paragraph");
        assert_eq!(&o.text[o.owned_start(1)..o.entries[1].lines.start], "# about a\n");
        assert_eq!(&o.text[o.removal(1)], "\n# about a\n[ a . \"b\" ]\ny.z = 2\n# tail\n");
        assert_eq!(o.entries[2].base(), 2);
    }
}
