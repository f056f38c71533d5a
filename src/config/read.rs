//! Reads of one file: its providers as [`ProviderTable`] views, and the legacy profile keys.
//! A `model_providers` of the wrong type is an error here, so no caller mistakes it for "none".
//! Values are read from the spanned document (no despanned copy is made for them); what prints
//! a value as written goes through `shown.rs`.

use toml_edit::{Item, Table, TableLike};

use super::Error;
use super::{ConfigFile, MODEL_PROVIDERS, PROFILE, PROFILES};

/// One `[model_providers.ID]` table as written in one file (whatever its TOML style).
#[derive(Clone, Copy)]
pub struct ProviderTable<'a> {
    id: &'a str,
    table: &'a dyn TableLike,
    file: &'a ConfigFile,
}

impl<'a> ProviderTable<'a> {
    pub fn id(&self) -> &'a str {
        self.id
    }
    /// The keys set in this table, in file order.
    pub fn keys(&self) -> Vec<&'a str> {
        self.table.iter().map(|(k, _)| k).collect()
    }
    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }
    /// A string field (`None` when absent or not a string).
    pub fn str_field(&self, key: &str) -> Option<&'a str> {
        self.table.get(key).and_then(|i| i.as_str())
    }
    /// A field's value as TOML text without its comments (`None` when absent or a table).
    pub fn value_text(&self, key: &str) -> Option<String> {
        self.table.get(key)?.as_value()?;
        let item = self.file.shown_item(&[MODEL_PROVIDERS, self.id, key])?;
        Some(item.as_value()?.clone().decorated("", "").to_string())
    }

    /// Every field as written (despanned, so it prints as in the file), in file order.
    pub(super) fn shown_fields(&self) -> Vec<(&'a str, Item)> {
        let file = self.file;
        self.keys().into_iter().filter_map(|k| Some((k, file.shown_item(&[MODEL_PROVIDERS, self.id, k])?))).collect()
    }
}

/// The item at `path` under `root`, through tables of every style.
pub(super) fn item_at<'a>(root: &'a Table, path: &[&str]) -> Option<&'a Item> {
    let (first, rest) = path.split_first()?;
    let mut item = root.get(first)?;
    for seg in rest {
        item = item.as_table_like()?.get(seg)?;
    }
    Some(item)
}

pub(super) fn not_a_table(path: &str) -> Error {
    Error::NotATable { key: path.to_string() }
}

/// `model_providers` as a table-like, whatever form the user wrote it in.
pub(super) fn providers(root: &Table) -> Result<Option<&dyn TableLike>, Error> {
    match root.get(MODEL_PROVIDERS) {
        None => Ok(None),
        Some(item) => item.as_table_like().map(Some).ok_or_else(|| not_a_table(MODEL_PROVIDERS)),
    }
}

/// A top-level string value.
pub(super) fn root_str<'a>(root: &'a Table, key: &str) -> Option<&'a str> {
    root.get(key).and_then(|i| i.as_str())
}

impl ConfigFile {
    /// The root table of the spanned document: values read as parsed, reprs are spans.
    pub(super) fn root(&self) -> &Table {
        self.spans.as_table()
    }

    /// `[model_providers.ID]` of this file; an error when it (or `model_providers`) is not a table.
    pub fn provider(&self, id: &str) -> Result<Option<ProviderTable<'_>>, Error> {
        let Some(p) = providers(self.root())? else { return Ok(None) };
        let Some((key, item)) = p.get_key_value(id) else { return Ok(None) };
        let table = item.as_table_like().ok_or_else(|| not_a_table(&format!("{MODEL_PROVIDERS}.{id}")))?;
        Ok(Some(ProviderTable { id: key.get(), table, file: self }))
    }

    /// The provider ids of this file, in file order.
    pub fn provider_ids(&self) -> Result<Vec<String>, Error> {
        Ok(providers(self.root())?.map(|p| p.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default())
    }

    /// Every provider entry that is a table, in file order; a `model_providers` that is not
    /// a table gives none (see [`ConfigFile::type_errors`]).
    pub fn provider_tables(&self) -> Vec<ProviderTable<'_>> {
        let Ok(Some(p)) = providers(self.root()) else { return Vec::new() };
        p.iter().filter_map(|(id, v)| v.as_table_like().map(|table| ProviderTable { id, table, file: self })).collect()
    }

    /// Legacy `[profiles.NAME]` tables, in file order (Codex 0.134+ ignores them).
    pub fn legacy_profiles(&self) -> Vec<String> {
        self.root()
            .get(PROFILES)
            .and_then(|i| i.as_table_like())
            .map(|t| t.iter().filter(|(_, v)| v.is_table_like()).map(|(k, _)| k.to_string()).collect())
            .unwrap_or_default()
    }

    /// The legacy top-level `profile = "x"` selector (it stops Codex 0.134+ from starting).
    pub fn legacy_profile_selector(&self) -> Option<&str> {
        root_str(self.root(), PROFILE)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::{Path, PathBuf};

    use toml_edit::{Item, Value};

    use super::ConfigFile;

    fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                toml_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }

    /// Every file of the TOML suite's valid cases and of the corpus that loads, with its path.
    pub(in crate::config) fn fixture_files() -> Vec<(PathBuf, ConfigFile)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut paths = Vec::new();
        toml_files(&root.join("toml-test/valid"), &mut paths);
        toml_files(&root.join("corpus"), &mut paths);
        paths
            .into_iter()
            .filter_map(|p| {
                let f = ConfigFile::parse(&p, std::fs::read_to_string(&p).ok()?).ok()?;
                Some((p, f))
            })
            .collect()
    }

    /// Whether two items hold the same keys (in order), shapes and values.
    fn same_item(a: &Item, b: &Item) -> bool {
        match (a, b) {
            (Item::None, Item::None) => true,
            (Item::Value(x), Item::Value(y)) => same_value(x, y),
            (Item::Table(x), Item::Table(y)) => {
                x.is_implicit() == y.is_implicit()
                    && x.is_dotted() == y.is_dotted()
                    && x.len() == y.len()
                    && x.iter().zip(y.iter()).all(|((k, v), (l, w))| k == l && same_item(v, w))
            }
            (Item::ArrayOfTables(x), Item::ArrayOfTables(y)) => {
                x.len() == y.len()
                    && x.iter().zip(y.iter()).all(|(s, t)| same_item(&Item::Table(s.clone()), &Item::Table(t.clone())))
            }
            _ => false,
        }
    }

    fn same_value(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::String(x), Value::String(y)) => x.value() == y.value(),
            (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
            (Value::Float(x), Value::Float(y)) => x.value().to_bits() == y.value().to_bits(),
            (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
            (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(v, w)| same_value(v, w))
            }
            (Value::InlineTable(x), Value::InlineTable(y)) => {
                x.is_dotted() == y.is_dotted()
                    && x.len() == y.len()
                    && x.iter().zip(y.iter()).all(|((k, v), (l, w))| k == l && same_value(v, w))
            }
            _ => false,
        }
    }

    /// Typed reads use the spanned document (no despanned copy): it must hold what the
    /// despanned one holds, for every valid file of the TOML suite and the corpus.
    #[test]
    fn the_spanned_document_reads_like_the_despanned_one() {
        let files = fixture_files();
        for (p, f) in &files {
            assert!(same_item(f.spans.as_item(), f.doc().as_item()), "{}", p.display());
        }
        assert!(files.len() > 250, "only {} files", files.len());
    }
}
