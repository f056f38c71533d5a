//! The editing primitives every edit of this module is made of. Each finds the bytes it owns
//! through the [`Outline`] (or an inline table's spans), renders only the new text of its item
//! and splices it into the text: replace a value, rename a key segment, insert a line or
//! entry, delete an entry with its paragraph. The rest of the file is copied. Each applying
//! primitive re-parses once ([`ConfigFile::splice`]); `replacement`, `insertion` and
//! `removal` compute the same splices without applying them, for batches (`batch.rs`).

use std::ops::Range;

use toml_edit::{InlineTable, Item, Key, Table, Value};

use super::ConfigFile;
use super::Error;
use super::outline::{Kind, Outline};

/// One replacement of a byte range of the body.
pub(super) type Splice = (Range<usize>, String);

/// What a path names in the spanned document.
pub(super) enum Node<'a> {
    Item(&'a Item),
    /// A value inside an inline table (`key` of `table`).
    InInline {
        table: &'a InlineTable,
        key: String,
    },
}

impl Node<'_> {
    /// Whether it names a table (of any style).
    pub(super) fn is_table(&self) -> bool {
        match self {
            Node::Item(i) => i.is_table_like(),
            Node::InInline { table, key } => table.get(key).is_some_and(Value::is_inline_table),
        }
    }
}

/// A key as TOML spells it: bare when it can be, quoted otherwise.
pub(super) fn key_repr(k: &str) -> String {
    Key::new(k).display_repr().into_owned()
}

/// A new value's text (no decor).
pub(super) fn value_repr(v: &Value) -> String {
    v.clone().decorated("", "").to_string()
}

impl ConfigFile {
    /// Applies non-overlapping splices (ranges of the current text) and re-parses.
    pub(super) fn splice(&mut self, mut edits: Vec<Splice>) -> Result<(), Error> {
        if edits.is_empty() {
            return Ok(());
        }
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        debug_assert!(edits.windows(2).all(|w| w[1].0.end <= w[0].0.start), "overlapping splices: {edits:?}");
        let mut body = self.body().to_string();
        for (r, text) in edits {
            body.replace_range(r, &text);
        }
        self.set_body(body)
    }

    pub(super) fn node(&self, path: &[String]) -> Option<Node<'_>> {
        let mut item = self.spans.as_item();
        for (i, seg) in path.iter().enumerate() {
            match item {
                Item::Value(Value::InlineTable(t)) => return inline_node(t, &path[i..]),
                _ => item = item.as_table_like()?.get(seg)?,
            }
        }
        Some(Node::Item(item))
    }

    /// Sets the value at `path`: in place when it is a value (its decor untouched, since only
    /// the value's own bytes are replaced), else added to its table. True when changed.
    pub(super) fn set_value_at(&mut self, path: &[String], value: Value) -> Result<bool, Error> {
        let (parent, key) = path.split_at(path.len() - 1);
        match self.node(path) {
            Some(Node::Item(Item::Value(_)) | Node::InInline { .. }) => {
                let edit = self.replacement(path, &value);
                let changed = edit.is_some();
                self.splice(edit.into_iter().collect())?;
                Ok(changed)
            }
            Some(Node::Item(_)) => {
                // A table where a value belongs: it goes, the value takes its place.
                self.remove_path(path)?;
                self.insert_into(parent, key, &value, None)?;
                Ok(true)
            }
            None => {
                self.insert_into(parent, key, &value, None)?;
                Ok(true)
            }
        }
    }

    /// The splice replacing the bytes of the value at `path` with `value`'s; None when the
    /// value there already reads as `value`, or when `path` names no value.
    pub(super) fn replacement(&self, path: &[String], value: &Value) -> Option<Splice> {
        let old = match self.node(path)? {
            Node::Item(Item::Value(v)) => v,
            Node::InInline { table, key } => table.get(&key)?,
            Node::Item(_) => return None,
        };
        if same_value(old, value) {
            return None;
        }
        Some((old.span().expect("parsed values have spans"), value_repr(value)))
    }

    /// Adds `key = value` to the table at `table`, in that table's style: a line after its
    /// last key-value (or after `after`), a dotted line spelled like its siblings, or an entry
    /// of an inline table.
    pub(super) fn insert_into(
        &mut self,
        table: &[String],
        key: &[String],
        value: &Value,
        after: Option<&str>,
    ) -> Result<(), Error> {
        let edit = self.insertion(table, key, value, after)?;
        self.splice(vec![edit])
    }

    /// The splice [`insert_into`](Self::insert_into) makes, computed on the current spans.
    pub(super) fn insertion(
        &self,
        table: &[String],
        key: &[String],
        value: &Value,
        after: Option<&str>,
    ) -> Result<Splice, Error> {
        let o = Outline::new(&self.spans);
        let text = o.text;
        let dotted: Vec<String> = key.iter().map(|k| key_repr(k)).collect();
        let kv = format!("{} = {}", dotted.join("."), value_repr(value));
        let edit = match self.node(table) {
            Some(Node::Item(Item::Value(Value::InlineTable(t)))) => inline_insert(text, t, &kv),
            Some(Node::InInline { table: p, key: k }) => match p.get(&k) {
                Some(Value::InlineTable(t)) => inline_insert(text, t, &kv),
                _ => return Err(super::read::not_a_table(&table.join("."))),
            },
            Some(Node::Item(Item::Table(_))) if table.is_empty() => {
                let at = root_insert_point(&o);
                let (r, mut line) = line_insert(&o, at, &kv);
                // The first top-level key of a file that starts with a table: a blank line
                // keeps the two apart.
                if o.root_values().next().is_none() && text[at..].starts_with('[') {
                    line.push_str(o.eol_at(at));
                }
                (r, line)
            }
            Some(Node::Item(Item::Table(t))) if t.is_dotted() => {
                // The last line through this table gives the spelling of the prefix.
                let (i, e) = o
                    .entries
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, e)| e.kind == Kind::KeyValue && e.starts_with(table) && e.base() < table.len())
                    .expect("a dotted table has a line");
                let prefix = &text[e.lines.start..e.segs[table.len() - e.base()].start];
                let at = after_key(&o, table, after).unwrap_or(o.entries[i].lines.end);
                line_insert(&o, at, &format!("{prefix}{kv}"))
            }
            Some(Node::Item(Item::Table(t))) if !t.is_implicit() => {
                let h = o
                    .entries
                    .iter()
                    .rposition(|e| e.kind == Kind::Header && e.path == table)
                    .expect("a standard table has a header");
                let end = o.next_header(h).unwrap_or(o.entries.len());
                let last = (h + 1..end).rev().find(|&j| o.entries[j].path.len() == table.len() + 1);
                let indent = last.map_or("", |j| {
                    let l = &text[o.entries[j].lines.clone()];
                    &l[..l.len() - l.trim_start_matches([' ', '\t']).len()]
                });
                let at = after_key(&o, table, after)
                    .unwrap_or_else(|| last.map_or(o.entries[h].lines.end, |j| o.entries[j].lines.end));
                line_insert(&o, at, &format!("{indent}{kv}"))
            }
            Some(Node::Item(Item::Table(_))) => {
                // An implicit table gets its header, after its last descendant.
                let header = format!("[{}]", table.iter().map(|k| key_repr(k)).collect::<Vec<_>>().join("."));
                let at = last_block_end(&o, table).unwrap_or_else(|| content_end(text));
                block_insert(&o, at, &[header, kv])
            }
            _ => return Err(super::read::not_a_table(&table.join("."))),
        };
        Ok(edit)
    }

    /// Deletes what `path` names: each header block and line under it (with the comment
    /// paragraph that belongs to it), or its entry in an inline table. False when absent.
    pub(super) fn remove_path(&mut self, path: &[String]) -> Result<bool, Error> {
        let Some(edit) = self.removal(path) else { return Ok(false) };
        self.splice(edit)?;
        Ok(true)
    }

    /// The splices [`remove_path`](Self::remove_path) makes, computed on the current spans;
    /// None when `path` names nothing.
    pub(super) fn removal(&self, path: &[String]) -> Option<Vec<Splice>> {
        let edit = match self.node(path) {
            None => return None,
            Some(Node::InInline { table, key }) => vec![(inline_removal(table, &key), String::new())],
            Some(Node::Item(_)) => {
                let o = Outline::new(&self.spans);
                let mut ranges: Vec<Range<usize>> =
                    (0..o.entries.len()).filter(|&i| o.entries[i].starts_with(path)).map(|i| o.removal(i)).collect();
                ranges.sort_by_key(|r| r.start);
                let mut merged: Vec<Range<usize>> = Vec::new();
                for r in ranges {
                    match merged.last_mut() {
                        Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                        _ => merged.push(r),
                    }
                }
                // The last top-level key before a table goes with the blank line that
                // inserting it as the first one added (see `insert_into`).
                if path.len() == 1
                    && o.root_values().count() == 1
                    && let Some(first) = merged.first_mut()
                    && first.start == root_insert_point_without_values(&o)
                {
                    let eol = o.eol_at(first.end);
                    let rest = &o.text[first.end..];
                    if rest.starts_with(eol) && rest[eol.len()..].starts_with('[') {
                        first.end += eol.len();
                    }
                }
                // At the end of a file without a final newline, the line ending before goes
                // too, so the file still ends without one.
                if let Some(last) = merged.last_mut()
                    && last.end == o.text.len()
                    && !o.text.ends_with('\n')
                {
                    last.start = if o.text[..last.start].trim().is_empty() {
                        0
                    } else {
                        super::outline::eol_before(o.text, last.start)
                    };
                }
                merged.into_iter().map(|r| (r, String::new())).collect()
            }
        };
        Some(edit)
    }

    /// Renames the key `from` of the table at `table` to `to` wherever it is spelled (its
    /// line, a header, every header and dotted line below it); false when `from` is absent
    /// or `to` exists.
    pub(super) fn rename_at(&mut self, table: &[String], from: &str, to: &str) -> Result<bool, Error> {
        let mut old = table.to_vec();
        old.push(from.to_string());
        let mut new = table.to_vec();
        new.push(to.to_string());
        if self.node(&new).is_some() {
            return Ok(false);
        }
        let edits = match self.node(&old) {
            None => return Ok(false),
            Some(Node::InInline { table: t, key }) => {
                let span = t.key(&key).and_then(|k| k.span()).expect("parsed keys have spans");
                vec![(span, key_repr(to))]
            }
            Some(Node::Item(_)) => {
                let o = Outline::new(&self.spans);
                let depth = table.len();
                let mut ranges: Vec<Range<usize>> = o
                    .entries
                    .iter()
                    .filter(|e| e.starts_with(&old) && e.base() <= depth)
                    .map(|e| e.segs[depth - e.base()].clone())
                    .collect();
                ranges.sort_by_key(|r| r.start);
                ranges.dedup();
                if ranges.is_empty() {
                    // Only inside an inline table further down: rename the key of its line.
                    return Ok(false);
                }
                ranges.into_iter().map(|r| (r, key_repr(to))).collect()
            }
        };
        self.splice(edits)?;
        Ok(true)
    }

    /// Adds a new standard table `[path]` holding `table`'s entries, after the last table
    /// under `after` (or at the end of the file), with a blank line before it.
    pub(super) fn append_table(&mut self, path: &[String], table: &Table, after: &[String]) -> Result<(), Error> {
        let mut doc = toml_edit::DocumentMut::new();
        let mut t = table.clone();
        t.set_implicit(false);
        doc.as_table_mut().set_implicit(true);
        let mut cur = doc.as_table_mut();
        for (i, seg) in path.iter().enumerate() {
            if i + 1 == path.len() {
                cur.insert(seg, Item::Table(t));
                break;
            }
            let mut p = Table::new();
            p.set_implicit(true);
            cur.insert(seg, Item::Table(p));
            cur = cur.get_mut(seg).and_then(Item::as_table_mut).expect("just inserted");
        }
        self.append_rendered(&doc.to_string(), after)
    }

    /// Adds `rendered` (new text only, rendered on its own) as a block after the last table
    /// under `after`, or at the end of the file.
    pub(super) fn append_rendered(&mut self, rendered: &str, after: &[String]) -> Result<(), Error> {
        let o = Outline::new(&self.spans);
        let lines: Vec<String> = rendered.trim_matches('\n').lines().map(str::to_string).collect();
        let at = if after.is_empty() { None } else { last_block_end(&o, after) };
        let edit = block_insert(&o, at.unwrap_or_else(|| content_end(o.text)), &lines);
        self.splice(vec![edit])
    }
}

fn inline_node<'a>(t: &'a InlineTable, rest: &[String]) -> Option<Node<'a>> {
    let (first, more) = rest.split_first()?;
    if more.is_empty() {
        return t.contains_key(first).then(|| Node::InInline { table: t, key: first.clone() });
    }
    match t.get(first)? {
        Value::InlineTable(c) => inline_node(c, more),
        _ => None,
    }
}

/// Where a new top-level key goes: after the last top-level key-value; in a file without
/// one, after the file header (a comment paragraph followed by a blank line), else first.
fn root_insert_point(o: &Outline) -> usize {
    match o.root_values().last() {
        Some((_, e)) => e.lines.end,
        None => root_insert_point_without_values(o),
    }
}

/// Where the first top-level key goes: after the file header, else first.
fn root_insert_point_without_values(o: &Outline) -> usize {
    let mut at = 0;
    let mut seen_comment = false;
    while at < o.text.len() {
        let end = super::outline::line_end(o.text, at);
        let line = o.text[at..end].trim();
        if line.starts_with('#') {
            seen_comment = true;
        } else if line.is_empty() && seen_comment {
            return at;
        } else {
            break;
        }
        at = end;
    }
    0
}

/// After the last line that is not blank (trailing blank lines stay at the end), or 0.
fn content_end(text: &str) -> usize {
    let mut end = text.len();
    while end > 0 {
        let start = super::outline::line_start(text, end - 1);
        if !text[start..end].trim().is_empty() {
            break;
        }
        end = start;
    }
    end
}

/// After the line of `table.after` when it is a line in the outline.
fn after_key(o: &Outline, table: &[String], after: Option<&str>) -> Option<usize> {
    let after = after?;
    o.entries
        .iter()
        .find(|e| {
            e.kind == Kind::KeyValue
                && e.path.len() == table.len() + 1
                && e.starts_with(table)
                && e.path[table.len()] == after
        })
        .map(|e| e.lines.end)
}

/// The end of the block of the last header at or under `prefix`.
fn last_block_end(o: &Outline, prefix: &[String]) -> Option<usize> {
    let i = o.entries.iter().rposition(|e| e.kind == Kind::Header && e.starts_with(prefix))?;
    Some(o.block_end(i))
}

/// Inserts one line at line boundary `at`, in the line ending of its neighbours.
fn line_insert(o: &Outline, at: usize, line: &str) -> Splice {
    let eol = o.eol_at(at);
    if at == o.text.len() && !o.text.is_empty() && !o.text.ends_with('\n') {
        return (at..at, format!("{eol}{line}"));
    }
    (at..at, format!("{line}{eol}"))
}

/// Inserts lines as a block of their own at `at`, separated from content above by one blank
/// line; at the end of a file without a final newline, the file still ends without one.
fn block_insert(o: &Outline, at: usize, lines: &[String]) -> Splice {
    let eol = o.eol_at(at);
    let body = lines.join(eol);
    if o.text[..at].trim().is_empty() && at == 0 {
        return (at..at, format!("{body}{eol}"));
    }
    if at == o.text.len() && !o.text.ends_with('\n') {
        return (at..at, format!("{eol}{eol}{body}"));
    }
    (at..at, format!("{eol}{body}{eol}"))
}

/// Adds `kv` after the last entry of an inline table (`{}` gets `{ kv }`).
fn inline_insert(text: &str, t: &InlineTable, kv: &str) -> Splice {
    match t.iter().last() {
        Some((_, v)) => {
            let end = v.span().expect("parsed values have spans").end;
            (end..end, format!(", {kv}"))
        }
        None => {
            let open = t.span().expect("parsed tables have spans").start + 1;
            let pad = if text[open..].starts_with('}') { " " } else { "" };
            (open..open, format!(" {kv}{pad}"))
        }
    }
}

/// The bytes removing `key` from an inline table deletes: with the comma before it, or
/// (for the first entry) up to the next key.
fn inline_removal(t: &InlineTable, key: &str) -> Range<usize> {
    let keys: Vec<&str> = t.iter().map(|(k, _)| k).collect();
    let i = keys.iter().position(|k| *k == key).expect("the key is there");
    let key_start = |k: &str| t.key(k).and_then(|k| k.span()).map(|s| s.start).expect("parsed keys have spans");
    let value_end = |k: &str| t.get(k).and_then(|v| v.span()).map(|s| s.end).expect("parsed values have spans");
    if i > 0 {
        value_end(keys[i - 1])..value_end(key)
    } else if keys.len() > 1 {
        key_start(key)..key_start(keys[1])
    } else {
        key_start(key)..value_end(key)
    }
}

/// Whether two values read the same (so setting one over the other changes nothing).
pub(super) fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => false,
    }
}
