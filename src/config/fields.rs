//! One provider field at a time, typed as Codex reads it (docs/codex-facts.md#providers), and the field edits
//! of `set`/`unset` and `apply`, made of [`splice`](super::splice) primitives: a value is
//! replaced in place (its comments and spacing lie outside the replaced bytes), a new key or
//! map entry extends its table in that table's style (a line after the last key, a dotted
//! line spelled like its siblings, an inline entry), and a removal deletes the entry's own
//! lines or inline entry. Every other byte of the file is copied.

use toml_edit::{InlineTable, Item, Value};

use super::Error;
use super::batch::Op;
use super::{ConfigFile, MODEL_PROVIDER, MODEL_PROVIDERS, edit};

pub use crate::codex::provider::{FIELD_TYPES, FieldType};

/// A field as typed on the command line: `request_max_retries`, `http_headers.X-Team`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    /// The provider key (`http_headers`).
    pub field: String,
    /// The entry inside it (`X-Team`), for maps and sub-tables.
    pub key: Option<String>,
    pub ty: FieldType,
}

impl FieldPath {
    pub fn dotted(&self) -> String {
        match &self.key {
            Some(k) => format!("{}.{k}", self.field),
            None => self.field.clone(),
        }
    }
}

fn type_of(name: &str) -> Option<FieldType> {
    FIELD_TYPES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Parses `FIELD` or `FIELD.KEY`; unknown fields get a did-you-mean (exit 2).
pub fn parse_field(raw: &str) -> Result<FieldPath, Error> {
    let (field, key) = match raw.split_once('.') {
        Some((f, k)) => (f, Some(k)),
        None => (raw, None),
    };
    let unknown = || Error::UnknownField {
        field: crate::redact::shown(raw),
        suggestion: super::ids::closest(raw, FIELD_TYPES.iter().map(|(n, _)| *n)).map(str::to_string),
    };
    let top = type_of(field).ok_or_else(unknown)?;
    match (top, key) {
        (FieldType::StringMap, Some(k)) if !k.is_empty() => {
            Ok(FieldPath { field: field.into(), key: Some(k.into()), ty: FieldType::String })
        }
        (FieldType::StringMap, _) => Err(Error::MapNeedsKey { field: field.into() }),
        (FieldType::Structured, Some(k)) => match type_of(raw) {
            Some(ty) => Ok(FieldPath { field: field.into(), key: Some(k.into()), ty }),
            None => Err(unknown()),
        },
        (FieldType::Structured, None) => {
            let example =
                FIELD_TYPES.iter().map(|(n, _)| *n).find(|n| n.starts_with(&format!("{field}."))).unwrap_or(field);
            Err(Error::StructuredField { field: field.into(), example: example.into() })
        }
        (_, Some(_)) => Err(unknown()),
        (ty, None) => Ok(FieldPath { field: field.into(), key: None, ty }),
    }
}

/// A value of a field's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Str(String),
    UInt(u64),
    Bool(bool),
}

/// A value that is not what its field takes; `Display` is the type it takes ("true or
/// false"). It never holds the value (which may be a key typed in the wrong place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongType {
    pub expected: FieldType,
}

impl std::fmt::Display for WrongType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.expected.describe())
    }
}

impl std::error::Error for WrongType {}

impl FieldValue {
    /// Parses `raw` as `ty` wants it; the error names the type (never echoes `raw`).
    pub fn parse(ty: FieldType, raw: &str) -> Result<FieldValue, WrongType> {
        let wrong = Err(WrongType { expected: ty });
        match ty {
            FieldType::String => Ok(FieldValue::Str(raw.to_string())),
            FieldType::Enum(v) if v.contains(&raw) => Ok(FieldValue::Str(raw.to_string())),
            FieldType::UInt(max) => match raw.trim().replace('_', "").parse::<u64>() {
                Ok(n) if max.is_none_or(|m| n <= m) && n <= i64::MAX as u64 => Ok(FieldValue::UInt(n)),
                _ => wrong,
            },
            FieldType::Bool => match raw.trim() {
                "true" => Ok(FieldValue::Bool(true)),
                "false" => Ok(FieldValue::Bool(false)),
                _ => wrong,
            },
            _ => wrong,
        }
    }

    fn to_toml(&self) -> Value {
        match self {
            FieldValue::Str(s) => Value::from(s.as_str()),
            FieldValue::UInt(n) => Value::from(*n as i64),
            FieldValue::Bool(b) => Value::from(*b),
        }
    }
}

fn no_provider(id: &str) -> Error {
    Error::ProviderNotInFile { id: id.to_string() }
}

fn child(path: &[String], k: &str) -> Vec<String> {
    let mut p = path.to_vec();
    p.push(k.to_string());
    p
}

/// `{ k = v, … }` with toml_edit's usual spacing.
fn inline_of(entries: Vec<(String, Value)>) -> Value {
    let mut t = InlineTable::new();
    for (k, v) in entries {
        t.insert(&k, v);
    }
    t.fmt();
    Value::InlineTable(t)
}

impl ConfigFile {
    /// Whether `[model_providers.ID]` is defined in this file.
    pub fn has_provider(&self, id: &str) -> Result<bool, Error> {
        Ok(self.provider(id)?.is_some())
    }

    /// The top-level `model_provider`.
    pub fn selected_provider(&self) -> Option<&str> {
        super::read::root_str(self.root(), MODEL_PROVIDER)
    }

    /// The field's current value as TOML text (None when unset).
    pub fn provider_field(&self, id: &str, path: &FieldPath) -> Result<Option<String>, Error> {
        let mut at = vec![MODEL_PROVIDERS, id, path.field.as_str()];
        at.extend(path.key.as_deref());
        super::read::providers(self.root())?;
        Ok(self.shown_item(&at).as_ref().map(super::view::item_text))
    }

    /// `model_providers.ID` as a path, when that provider is a table of this file (of any
    /// style); else `provider `ID` is not defined in this file`.
    pub(super) fn provider_path(&self, id: &str) -> Result<Vec<String>, Error> {
        let p = self.root().get(MODEL_PROVIDERS).and_then(Item::as_table_like).and_then(|p| p.get(id));
        match p {
            Some(t) if t.is_table_like() => Ok(vec![MODEL_PROVIDERS.to_string(), id.to_string()]),
            _ => Err(no_provider(id)),
        }
    }

    /// Whether `path` names a table (of any style) with nothing in it.
    fn is_empty_table(&self, path: &[String]) -> bool {
        match self.node(path) {
            Some(super::splice::Node::Item(i)) => i.as_table_like().is_some_and(|t| t.is_empty()),
            Some(super::splice::Node::InInline { table, key }) => {
                table.get(&key).and_then(Value::as_inline_table).is_some_and(|t| t.is_empty())
            }
            None => false,
        }
    }

    /// The ops making map `field` at `at` hold `entries`: each entry in place or added to the
    /// map in its style when `field` is a table, else `field = { k = v, … }` written over what
    /// is there (`strict`: refused, when it is there and not a table).
    fn map_ops(&self, at: &[String], field: &str, entries: Vec<(String, Value)>, strict: bool) -> Result<Vec<Op>, ()> {
        let path = child(at, field);
        match self.node(&path) {
            Some(n) if n.is_table() => Ok(entries.into_iter().map(|(k, v)| Op::Set(child(&path, &k), v)).collect()),
            Some(_) if strict => Err(()),
            _ if entries.is_empty() => Ok(Vec::new()),
            _ => Ok(vec![Op::Set(path, inline_of(entries))]),
        }
    }

    /// Sets one field (in place with its decor when it exists); true when a byte changes.
    pub fn set_provider_field(&mut self, id: &str, path: &FieldPath, value: &FieldValue) -> Result<bool, Error> {
        let at = self.provider_path(id)?;
        let ops = match &path.key {
            None => vec![Op::Set(child(&at, &path.field), value.to_toml())],
            Some(k) => self
                .map_ops(&at, &path.field, vec![(k.clone(), value.to_toml())], true)
                .map_err(|()| Error::FieldNotATable { id: id.to_string(), field: path.field.clone() })?,
        };
        self.apply_ops(ops)
    }

    /// Removes one field (a map or sub-table left empty goes too); true when something went.
    pub fn unset_provider_field(&mut self, id: &str, path: &FieldPath) -> Result<bool, Error> {
        let field = child(&self.provider_path(id)?, &path.field);
        let Some(k) = &path.key else { return self.remove_path(&field) };
        if !self.node(&field).is_some_and(|n| n.is_table()) || !self.remove_path(&child(&field, k))? {
            return Ok(false);
        }
        if self.is_empty_table(&field) {
            self.remove_path(&field)?;
        }
        Ok(true)
    }
}

/// A provider's fields as plain data (the interchange of `export` and `apply`).
pub type Fields = serde_json::Map<String, serde_json::Value>;

fn json_to_value(v: &serde_json::Value) -> Option<Value> {
    use serde_json::Value as J;
    Some(match v {
        J::String(s) => Value::from(s.as_str()),
        J::Bool(b) => Value::from(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64()?),
        },
        J::Array(a) => Value::Array(a.iter().map(json_to_value).collect::<Option<_>>()?),
        J::Object(o) => {
            let mut t = InlineTable::new();
            for (k, v) in o {
                t.insert(k, json_to_value(v)?);
            }
            Value::InlineTable(t)
        }
        J::Null => return None,
    })
}

/// `[model_providers.ID]` tables for the given providers, in a fresh document (no comments).
pub fn providers_toml(providers: &[(String, Fields)], models: &[(String, String)]) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    let mut parent = toml_edit::Table::new();
    parent.set_implicit(true);
    for (i, (id, fields)) in providers.iter().enumerate() {
        let mut t = toml_edit::Table::new();
        if i > 0 {
            t.decor_mut().set_prefix("\n");
        }
        for (k, v) in fields {
            match (v, json_to_value(v)) {
                (serde_json::Value::Object(_), Some(Value::InlineTable(it))) => {
                    t.insert(k, toml_edit::Item::Table(it.into_table()));
                }
                (_, Some(val)) => {
                    t.insert(k, toml_edit::Item::Value(val));
                }
                _ => {}
            }
        }
        parent.insert(id, toml_edit::Item::Table(t));
    }
    doc.as_table_mut().insert(MODEL_PROVIDERS, toml_edit::Item::Table(parent));
    if !models.is_empty() {
        let mut t = toml_edit::Table::new();
        t.decor_mut()
            .set_prefix("\n# The model each provider serves: `codex-provider apply` remembers it with the provider.\n");
        for (id, m) in models {
            t.insert(id, toml_edit::value(m.as_str()));
        }
        doc.as_table_mut().insert(PROVIDER_MODELS, toml_edit::Item::Table(t));
    }
    doc.to_string()
}

/// The table of a providers file (`export`, `apply`) that names each provider's model. Not a
/// Codex key: the file is read by `apply`, never by Codex.
pub const PROVIDER_MODELS: &str = "provider_models";

impl ConfigFile {
    /// `[provider_models]` of a providers file: `(id, model)` for each string entry.
    pub fn provider_models(&self) -> Vec<(String, String)> {
        let Some(t) = self.root().get(PROVIDER_MODELS).and_then(|i| i.as_table_like()) else { return Vec::new() };
        t.iter().filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string()))).collect()
    }
}

impl ConfigFile {
    /// The fields of `[model_providers.ID]` in this file, as data.
    pub fn provider_fields(&self, id: &str) -> Result<Option<Fields>, Error> {
        // Values only (no text is printed), so the spanned document answers.
        let Some(t) = super::read::providers(self.root())?.and_then(|p| p.get(id)).and_then(|i| i.as_table_like())
        else {
            return Ok(None);
        };
        Ok(Some(t.iter().map(|(k, item)| (k.to_string(), super::view::item_json(item))).collect()))
    }

    /// Makes the provider carry `fields` (creating it in the file's style when absent); fields
    /// not named are kept, and values already equal are not touched. Returns what happened.
    pub fn merge_provider(&mut self, id: &str, fields: &Fields) -> Result<edit::Change, Error> {
        if !self.has_provider(id)? {
            let fields = fields.iter().filter_map(|(k, v)| Some((k.clone(), field_value(v)?))).collect();
            self.add_provider(id, fields)?;
            return Ok(edit::Change::Added);
        }
        let at = self.provider_path(id)?;
        let mut ops = Vec::new();
        for (k, v) in fields {
            match v {
                serde_json::Value::Object(o) => {
                    let entries = o.iter().filter_map(|(sk, sv)| Some((sk.clone(), json_to_value(sv)?))).collect();
                    ops.extend(self.map_ops(&at, k, entries, false).expect("not strict"));
                }
                other => ops.extend(json_to_value(other).map(|v| Op::Set(child(&at, k), v))),
            }
        }
        Ok(if self.apply_ops(ops)? { edit::Change::Updated } else { edit::Change::Unchanged })
    }
}

/// A field of `apply`'s input as the value a new provider gets: a map as an inline table of
/// its entries that are not null (none: left out), like [`ConfigFile::merge_provider`] sets
/// them on an existing one.
fn field_value(v: &serde_json::Value) -> Option<Value> {
    match v {
        serde_json::Value::Object(o) => {
            let entries: Vec<(String, Value)> =
                o.iter().filter_map(|(k, v)| Some((k.clone(), json_to_value(v)?))).collect();
            (!entries.is_empty()).then(|| inline_of(entries))
        }
        other => json_to_value(other),
    }
}
