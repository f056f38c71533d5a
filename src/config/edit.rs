//! The provider and top-level edits, made of [`splice`](super::splice) primitives: values are
//! replaced in place (their comments and spacing are outside the replaced bytes), new
//! providers extend `model_providers` in the style it already has (a table after the last
//! provider's, a dotted line spelled like its siblings, an inline entry), parents stay
//! implicit, and a removal deletes the provider's blocks and lines with the comment
//! paragraphs that belong to them (see the module doc of `config`).

use toml_edit::{InlineTable, Item, Table, Value};

use super::Error;
use super::batch::Op;
use super::read::not_a_table;
use super::splice::Node;
use super::{ConfigFile, MODEL_PROVIDERS};

impl ConfigFile {
    /// Adds `[model_providers.ID]` (after the last provider table, or in the inline/dotted
    /// style `model_providers` already uses) or, with `replace`, updates the given fields in
    /// place; without `replace` an existing id is refused (exit 1).
    pub fn upsert_provider(&mut self, id: &str, spec: &ProviderSpec, replace: bool) -> Result<Change, Error> {
        let mp = vec![MODEL_PROVIDERS.to_string()];
        let path = vec![MODEL_PROVIDERS.to_string(), id.to_string()];
        match self.node(&mp) {
            Some(Node::Item(i)) if !i.is_table_like() => return Err(not_a_table(MODEL_PROVIDERS)),
            Some(Node::InInline { .. }) => return Err(not_a_table(MODEL_PROVIDERS)),
            _ => {}
        }
        if let Some(existing) = self.node(&path) {
            if !replace {
                return Err(Error::ProviderExists { id: id.to_string() });
            }
            if !existing.is_table() {
                return Err(not_a_table(&format!("{MODEL_PROVIDERS}.{id}")));
            }
            let changed = self.fill_at(&path, spec)?;
            return Ok(if changed { Change::Updated } else { Change::Unchanged });
        }
        self.add_provider(id, spec.fields())?;
        Ok(Change::Added)
    }

    /// Adds provider `id` with `fields` in the style `model_providers` already has: a table
    /// after the last provider's, dotted lines spelled like the other providers', or an entry
    /// of the inline table.
    pub(super) fn add_provider(&mut self, id: &str, mut fields: Vec<(String, Value)>) -> Result<(), Error> {
        let mp = vec![MODEL_PROVIDERS.to_string()];
        match self.node(&mp) {
            Some(Node::Item(Item::Table(p))) if p.is_dotted() && !fields.is_empty() => {
                // The first field makes the dotted provider; the others join it in its style.
                let (k, v) = fields.remove(0);
                self.insert_into(&mp, &[id.to_string(), k], &v, None)?;
                for (k, v) in fields {
                    self.set_value_at(&[MODEL_PROVIDERS.to_string(), id.to_string(), k], v)?;
                }
            }
            Some(Node::Item(Item::Value(Value::InlineTable(_)))) => {
                let mut t = InlineTable::new();
                for (k, v) in fields {
                    t.insert(&k, v);
                }
                t.fmt();
                self.insert_into(&mp, &[id.to_string()], &Value::InlineTable(t), None)?;
            }
            _ => {
                // Also a dotted `model_providers` with nothing to write: a header is the only
                // way to spell an empty provider.
                let mut t = Table::new();
                for (k, v) in fields {
                    t.insert(&k, Item::Value(v));
                }
                self.append_table(&[MODEL_PROVIDERS.to_string(), id.to_string()], &t, &mp)?;
            }
        }
        Ok(())
    }

    /// Removes `model_providers.ID` (and `model_providers` itself when it becomes an empty
    /// implicit, dotted or inline parent); false when there was nothing to remove.
    pub fn remove_provider(&mut self, id: &str) -> Result<bool, Error> {
        let mp = vec![MODEL_PROVIDERS.to_string()];
        match self.node(&mp) {
            None => return Ok(false),
            Some(Node::Item(i)) if !i.is_table_like() => return Err(not_a_table(MODEL_PROVIDERS)),
            _ => {}
        }
        if !self.remove_path(&[MODEL_PROVIDERS.to_string(), id.to_string()])? {
            return Ok(false);
        }
        let empty_parent = match self.node(&mp) {
            Some(Node::Item(Item::Table(t))) => t.is_empty() && t.is_dotted(),
            Some(Node::Item(Item::Value(Value::InlineTable(t)))) => t.is_empty(),
            _ => false,
        };
        if empty_parent {
            self.remove_path(&mp)?;
        }
        Ok(true)
    }

    /// Sets every field of `spec` in the provider at `path`, in place where it exists.
    fn fill_at(&mut self, path: &[String], spec: &ProviderSpec) -> Result<bool, Error> {
        let mut ops: Vec<Op> =
            spec.scalars().into_iter().map(|(k, v)| Op::Set(child(path, k), Value::from(v))).collect();
        for (k, m) in spec.maps() {
            let at = child(path, k);
            if self.node(&at).is_some_and(|n| n.is_table()) {
                ops.extend(m.iter().map(|(mk, mv)| Op::Set(child(&at, mk), Value::from(mv.as_str()))));
            } else {
                ops.push(Op::Set(at, Value::InlineTable(inline_map(m))));
            }
        }
        self.apply_ops(ops)
    }
}

/// `{ k = v, … }` with toml_edit's usual spacing.
fn inline_map(m: &[(String, String)]) -> InlineTable {
    let mut it = InlineTable::new();
    for (k, v) in m {
        it.insert(k, Value::from(v.as_str()));
    }
    it.fmt();
    it
}

fn child(path: &[String], k: &str) -> Vec<String> {
    let mut p = path.to_vec();
    p.push(k.to_string());
    p
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

impl ProviderSpec {
    /// Every field as a TOML value, in writing order.
    fn fields(&self) -> Vec<(String, Value)> {
        let mut v: Vec<(String, Value)> =
            self.scalars().into_iter().map(|(k, s)| (k.to_string(), Value::from(s))).collect();
        for (k, m) in self.maps() {
            v.push((k.to_string(), Value::InlineTable(inline_map(m))));
        }
        v
    }
}

impl ConfigFile {
    /// Sets a top-level string key (after the last top-level key-value, as TOML requires). A
    /// table of that name is refused rather than replaced: its content would be lost.
    pub(super) fn set_root_str(&mut self, key: &str, value: &str) -> Result<bool, Error> {
        let op = self.root_str_op(key, value)?;
        self.apply_ops(vec![op])
    }

    /// The op of [`set_root_str`](Self::set_root_str), refused on a table.
    pub(super) fn root_str_op(&self, key: &str, value: &str) -> Result<Op, Error> {
        if self.root().get(key).is_some_and(|i| !i.is_value()) {
            return Err(Error::NotAString { key: key.to_string() });
        }
        Ok(Op::Set(vec![key.to_string()], Value::from(value)))
    }

    /// The op removing a top-level key with the comment paragraph that belongs to it; None
    /// when it is not a value here.
    pub(super) fn remove_root_op(&self, key: &str) -> Option<Op> {
        self.root().get(key).is_some_and(Item::is_value).then(|| Op::Remove(vec![key.to_string()]))
    }

    /// Removes a top-level key with the comment paragraph that belongs to it.
    pub(super) fn remove_root(&mut self, key: &str) -> Result<bool, Error> {
        let ops = self.remove_root_op(key).into_iter().collect();
        self.apply_ops(ops)
    }
}
