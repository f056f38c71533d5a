//! Surgical edits of a Codex document. Each edit touches only the keys it owns: values are
//! replaced in place with their decor (comments, spacing) carried over, new providers extend
//! `model_providers` in the style it already has, parents stay implicit. The public face is
//! [`ConfigFile::upsert_provider`] and [`ConfigFile::remove_provider`]; the document-level
//! helpers are shared with the other editors of this module only.

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::read::not_a_table;
use super::{ConfigFile, MODEL_PROVIDERS};
use crate::error::UserError;

impl ConfigFile {
    /// Adds `[model_providers.ID]` (after the last provider table, or in the inline/dotted
    /// style `model_providers` already uses) or, with `replace`, updates the given fields in
    /// place; without `replace` an existing id is refused (exit 1).
    pub fn upsert_provider(&mut self, id: &str, spec: &ProviderSpec, replace: bool) -> Result<Change, UserError> {
        upsert_provider(&mut self.doc, id, spec, replace)
    }

    /// Removes `model_providers.ID` (and `model_providers` itself when it becomes an empty
    /// implicit parent); false when there was nothing to remove.
    pub fn remove_provider(&mut self, id: &str) -> Result<bool, UserError> {
        remove_provider(&mut self.doc, id)
    }
}

/// What an edit did, for one-line confirmations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Updated,
    Unchanged,
}

/// The provider fields a command writes; `None`/empty means "not given, leave alone".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderSpec {
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub env_key: Option<String>,
    pub wire_api: Option<String>,
    pub query_params: Vec<(String, String)>,
    pub http_headers: Vec<(String, String)>,
    pub env_http_headers: Vec<(String, String)>,
}

impl ProviderSpec {
    fn scalars(&self) -> Vec<(&'static str, &str)> {
        let mut v = Vec::new();
        for (k, val) in [
            ("name", &self.name),
            ("base_url", &self.base_url),
            ("env_key", &self.env_key),
            ("wire_api", &self.wire_api),
        ] {
            if let Some(s) = val {
                v.push((k, s.as_str()));
            }
        }
        v
    }

    fn maps(&self) -> Vec<(&'static str, &[(String, String)])> {
        [
            ("query_params", &self.query_params),
            ("http_headers", &self.http_headers),
            ("env_http_headers", &self.env_http_headers),
        ]
        .into_iter()
        .filter(|(_, m)| !m.is_empty())
        .map(|(k, m)| (k, m.as_slice()))
        .collect()
    }
}

/// Sets `key` to a string in a table-like, keeping the old value's decor; true when changed.
pub(super) fn set_str(t: &mut dyn TableLike, key: &str, value: &str) -> bool {
    set_value(t, key, Value::from(value))
}

/// Sets `key` to `value`, in place when it exists (comments and spacing kept).
pub(super) fn set_value(t: &mut dyn TableLike, key: &str, mut value: Value) -> bool {
    if let Some(item) = t.get_mut(key) {
        if let Some(old) = item.as_value_mut() {
            if same_value(old, &value) {
                return false;
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
            return true;
        }
        // A table where a scalar belongs: replace the item (its header goes).
        *item = Item::Value(value);
        return true;
    }
    t.insert(key, Item::Value(value));
    true
}

fn same_value(a: &Value, b: &Value) -> bool {
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

/// Sets entries of a string map (`query_params`, `http_headers`, ...) inside a provider,
/// creating it in the provider's own style; existing entries not named are kept.
fn set_map(t: &mut dyn TableLike, key: &str, entries: &[(String, String)]) -> bool {
    let mut changed = false;
    match t.get_mut(key) {
        Some(item) if item.is_table_like() => {
            let m = item.as_table_like_mut().expect("checked table-like");
            for (k, v) in entries {
                changed |= set_str(m, k, v);
            }
        }
        _ => {
            let mut it = InlineTable::new();
            for (k, v) in entries {
                it.insert(k, Value::from(v.as_str()));
            }
            changed |= set_value(t, key, Value::InlineTable(it));
        }
    }
    changed
}

fn fill(t: &mut dyn TableLike, spec: &ProviderSpec) -> bool {
    let mut changed = false;
    for (k, v) in spec.scalars() {
        changed |= set_str(t, k, v);
    }
    for (k, m) in spec.maps() {
        changed |= set_map(t, k, m);
    }
    changed
}

fn new_standard_table(spec: &ProviderSpec, blank_line_before: bool) -> Table {
    let mut t = Table::new();
    if blank_line_before {
        t.decor_mut().set_prefix("\n");
    }
    fill(&mut t, spec);
    t
}

/// See [`ConfigFile::upsert_provider`].
fn upsert_provider(doc: &mut DocumentMut, id: &str, spec: &ProviderSpec, replace: bool) -> Result<Change, UserError> {
    let doc_empty = doc.as_table().is_empty() && doc.trailing().as_str().is_none_or(|s| s.trim().is_empty());
    let root = doc.as_table_mut();
    if root.get(MODEL_PROVIDERS).is_none() {
        let mut parent = Table::new();
        parent.set_implicit(true);
        root.insert(MODEL_PROVIDERS, Item::Table(parent));
    }
    let parent = root.get_mut(MODEL_PROVIDERS).expect("just ensured");
    if let Some(existing) = parent.as_table_like_mut().and_then(|p| p.get_mut(id)) {
        if !replace {
            return Err(UserError::refused(format!("provider `{id}` already exists")).hint(format!(
                "pass --replace to update its fields, or choose another id (see `codex-provider show {id}`)"
            )));
        }
        let changed = match existing {
            Item::Value(Value::InlineTable(t)) => inline_append(t, |t| fill(t, spec)),
            other => {
                fill(other.as_table_like_mut().ok_or_else(|| not_a_table(&format!("{MODEL_PROVIDERS}.{id}")))?, spec)
            }
        };
        return Ok(if changed { Change::Updated } else { Change::Unchanged });
    }
    match parent {
        Item::Table(p) if p.is_dotted() => {
            let mut t = Table::new();
            t.set_dotted(true);
            fill(&mut t, spec);
            p.insert(id, Item::Table(t));
        }
        Item::Table(p) => {
            let last = max_position(p);
            p.insert(id, Item::Table(new_standard_table(spec, !doc_empty)));
            if let Some(last) = last {
                keep_trailing_comments_above(doc, id, last);
            }
        }
        Item::Value(Value::InlineTable(p)) => {
            let mut t = InlineTable::new();
            fill(&mut t, spec);
            inline_append(p, |p| p.insert(id, Value::InlineTable(t)).is_none());
        }
        _ => return Err(not_a_table(MODEL_PROVIDERS)),
    }
    Ok(Change::Added)
}

/// Runs `edit` on an inline table; when it appends keys, the old last value's suffix (the
/// space before `}`) moves to the new last value, so `{ a = 1 }` becomes `{ a = 1, b = 2 }`.
pub(super) fn inline_append<R>(t: &mut InlineTable, edit: impl FnOnce(&mut InlineTable) -> R) -> R {
    let before: Option<String> = t.iter().last().map(|(k, _)| k.to_string());
    let r = edit(t);
    let after: Option<String> = t.iter().last().map(|(k, _)| k.to_string());
    if let (Some(b), Some(a)) = (before, after)
        && a != b
    {
        let suffix = t.get_mut(&b).map(|v| {
            let s = v.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_string();
            v.decor_mut().set_suffix("");
            s
        });
        if let (Some(s), Some(v)) = (suffix, t.get_mut(&a)) {
            v.decor_mut().set_suffix(s);
        }
    }
    r
}

/// The highest document position among a table and its descendants.
fn max_position(t: &Table) -> Option<isize> {
    let mut best = t.position();
    for (_, item) in t.iter() {
        let p = match item {
            Item::Table(c) => max_position(c),
            Item::ArrayOfTables(a) => a.iter().filter_map(max_position).max(),
            _ => None,
        };
        best = best.max(p);
    }
    best
}

fn each_table_mut(t: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    f(t);
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(c) => each_table_mut(c, f),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|c| each_table_mut(c, f)),
            _ => {}
        }
    }
}

/// Comment lines right under the last provider (no blank line between) belong to it, but
/// toml_edit stores them in the next table's prefix; move them above the new table so they
/// stay where the user put them.
fn keep_trailing_comments_above(doc: &mut DocumentMut, id: &str, last: isize) {
    let mut next: Option<isize> = None;
    each_table_mut(doc.as_table_mut(), &mut |t| {
        if let Some(p) = t.position()
            && p > last
        {
            next = Some(next.map_or(p, |n: isize| n.min(p)));
        }
    });
    let Some(next) = next else { return };
    let mut head = None;
    each_table_mut(doc.as_table_mut(), &mut |t| {
        if t.position() == Some(next) && head.is_none() {
            let prefix = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
            if prefix.starts_with('#')
                && let Some(i) = prefix.find("\n\n")
            {
                head = Some(prefix[..=i].to_string());
                t.decor_mut().set_prefix(format!("\n{}", &prefix[i + 2..]));
            }
        }
    });
    if let Some(head) = head
        && let Some(Item::Table(t)) = doc.get_mut(MODEL_PROVIDERS).and_then(|p| p.get_mut(id))
    {
        t.decor_mut().set_prefix(format!("{head}\n"));
    }
}

/// See [`ConfigFile::remove_provider`].
fn remove_provider(doc: &mut DocumentMut, id: &str) -> Result<bool, UserError> {
    let root = doc.as_table_mut();
    let Some(parent) = root.get_mut(MODEL_PROVIDERS) else { return Ok(false) };
    // A comment paragraph above the removed provider (not its own) is placed again at the
    // first table after it: (text, position after which it goes).
    let mut orphan: Option<(String, isize)> = None;
    match &mut *parent {
        Item::Table(t) => {
            let parent_end = max_position(t).unwrap_or(isize::MIN);
            let Some((item, left)) = remove_key_keeping_paragraph(t, id) else { return Ok(false) };
            orphan = match item {
                Item::Table(r) if !r.is_dotted() => {
                    Some((detached(r.decor().prefix()), max_position(&r).unwrap_or(parent_end)))
                }
                _ => Some((left, parent_end)),
            };
        }
        other => {
            let p = other.as_table_like_mut().ok_or_else(|| not_a_table(MODEL_PROVIDERS))?;
            if p.remove(id).is_none() {
                return Ok(false);
            }
        }
    }
    let drop_parent = match parent {
        Item::Table(t) => t.is_empty() && (t.is_implicit() || t.is_dotted()),
        Item::Value(Value::InlineTable(t)) => t.is_empty(),
        _ => false,
    };
    if drop_parent && let Some((_, left)) = remove_key_keeping_paragraph(root, MODEL_PROVIDERS) {
        place_before_next_table(doc, isize::MIN, &left);
    }
    if let Some((text, at)) = orphan {
        place_before_next_table(doc, at, &text);
    }
    Ok(true)
}

/// Runs `f` on the decor that holds the text before `key`'s first line in `t`: the key's
/// own for a value; for a dotted table, that of its first key-value (toml_edit keeps a
/// dotted line's leading comments on the last key of the path).
fn edit_line_prefix(t: &mut Table, key: &str, f: &mut dyn FnMut(&mut toml_edit::Decor)) -> bool {
    let dotted_first = match t.get(key) {
        Some(Item::Table(d)) if d.is_dotted() => d.iter().next().map(|(k, _)| k.to_string()),
        Some(i) if i.is_value() => None,
        _ => return false,
    };
    match dotted_first {
        Some(first) => match t.get_mut(key) {
            Some(Item::Table(d)) => edit_line_prefix(d, &first, f),
            _ => false,
        },
        None => match t.key_mut(key) {
            Some(mut k) => {
                f(k.leaf_decor_mut());
                true
            }
            None => false,
        },
    }
}

/// Removes `key` from `t`. When the key's line has a comment paragraph above it (see
/// [`detached`]), that text moves to the next key-value line of `t`; returns the removed item
/// and the text still to be placed (when no key-value line follows in `t`).
fn remove_key_keeping_paragraph(t: &mut Table, key: &str) -> Option<(Item, String)> {
    let index = t.iter().position(|(k, _)| k == key)?;
    let mut orphan = String::new();
    edit_line_prefix(t, key, &mut |d| orphan = detached(d.prefix()));
    let item = t.remove(key)?;
    if orphan.is_empty() {
        return Some((item, orphan));
    }
    let next: Vec<String> = t.iter().skip(index).map(|(k, _)| k.to_string()).collect();
    for k in next {
        let mut placed = false;
        if edit_line_prefix(t, &k, &mut |d| {
            let old = d.prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
            d.set_prefix(join_prefix(&orphan, &old));
            placed = true;
        }) && placed
        {
            return Some((item, String::new()));
        }
    }
    Some((item, orphan))
}

/// `orphan` followed by `old`, without doubling the blank line between paragraphs.
fn join_prefix(orphan: &str, old: &str) -> String {
    let ends_blank = orphan.ends_with("\n\n") || orphan.ends_with("\n\r\n");
    let old_starts_blank = old.split_inclusive('\n').next().is_some_and(|l| l.ends_with('\n') && l.trim().is_empty());
    if ends_blank && old_starts_blank {
        let cut = orphan.trim_end_matches(['\r', '\n']).len();
        let eol = if orphan[cut..].starts_with("\r\n") { 2 } else { 1 };
        return format!("{}{old}", &orphan[..cut + eol]);
    }
    format!("{orphan}{old}")
}

/// The part of a removed item's leading decor that is not the item's own: comment lines
/// separated from it by a blank line (a paragraph of their own), with that blank line.
/// Comment lines directly above an item belong to it and go with it.
fn detached(prefix: Option<&toml_edit::RawString>) -> String {
    let text = prefix.and_then(|p| p.as_str()).unwrap_or("");
    let mut start = 0;
    let mut last_blank = None;
    for line in text.split_inclusive('\n') {
        start += line.len();
        if line.ends_with('\n') && line.trim().is_empty() {
            last_blank = Some(start);
        }
    }
    match last_blank {
        Some(end) if text[..end].lines().any(|l| !l.trim().is_empty()) => text[..end].to_string(),
        _ => String::new(),
    }
}

/// Prepends `text` to the first table after document position `after` (or to the
/// document's trailing text when none follows), so it stays where it was.
fn place_before_next_table(doc: &mut DocumentMut, after: isize, text: &str) {
    if text.is_empty() {
        return;
    }
    let mut next: Option<isize> = None;
    each_table_mut(doc.as_table_mut(), &mut |t| {
        if let Some(p) = t.position()
            && p > after
            && !t.is_implicit()
            && !t.is_dotted()
        {
            next = Some(next.map_or(p, |n: isize| n.min(p)));
        }
    });
    let mut text = Some(text.to_string());
    if let Some(next) = next {
        each_table_mut(doc.as_table_mut(), &mut |t| {
            if t.position() == Some(next)
                && !t.is_implicit()
                && let Some(head) = text.take()
            {
                let old = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                t.decor_mut().set_prefix(join_prefix(&head, &old));
            }
        });
    }
    if let Some(head) = text {
        let old = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing(join_prefix(&head, &old));
    }
}

/// Sets a top-level string key (written before the first table, as TOML requires). A table
/// of that name is refused rather than replaced: its content would be lost.
pub(super) fn set_root_str(doc: &mut DocumentMut, key: &str, value: &str) -> Result<bool, UserError> {
    if doc.as_table().get(key).is_some_and(|i| !i.is_value()) {
        return Err(UserError::usage(format!("`{key}` in the config is a table, not a string"))
            .hint(format!("fix `{key}` by hand (Codex expects `{key} = \"...\"`); the file was not changed")));
    }
    Ok(set_str(doc.as_table_mut(), key, value))
}

/// Removes a top-level key; a comment paragraph above it (separated by a blank line) stays.
pub(super) fn remove_root(doc: &mut DocumentMut, key: &str) -> bool {
    let Some((_, left)) = remove_key_keeping_paragraph(doc.as_table_mut(), key) else { return false };
    place_before_next_table(doc, isize::MIN, &left);
    true
}
