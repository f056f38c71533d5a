//! Reads of one file: its providers as [`ProviderTable`] views, and the legacy profile keys.
//! A `model_providers` of the wrong type is an error here, so no caller mistakes it for "none".

use toml_edit::{DocumentMut, TableLike};

use super::{ConfigFile, MODEL_PROVIDERS, PROFILE, PROFILES};
use crate::error::UserError;

/// One `[model_providers.ID]` table as written in one file (whatever its TOML style).
#[derive(Clone, Copy)]
pub struct ProviderTable<'a> {
    id: &'a str,
    pub(super) table: &'a dyn TableLike,
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
        self.table.get(key).and_then(|i| i.as_value()).map(|v| v.clone().decorated("", "").to_string())
    }
}

pub(super) fn not_a_table(path: &str) -> UserError {
    UserError::usage(format!("`{path}` in the config is not a table"))
        .hint(format!("fix `{path}` by hand; Codex expects a table there"))
}

/// `model_providers` as a table-like, whatever form the user wrote it in.
pub(super) fn providers(doc: &DocumentMut) -> Result<Option<&dyn TableLike>, UserError> {
    match doc.as_table().get(MODEL_PROVIDERS) {
        None => Ok(None),
        Some(item) => item.as_table_like().map(Some).ok_or_else(|| not_a_table(MODEL_PROVIDERS)),
    }
}

/// A top-level string value.
pub(super) fn root_str<'a>(doc: &'a DocumentMut, key: &str) -> Option<&'a str> {
    doc.as_table().get(key).and_then(|i| i.as_str())
}

impl ConfigFile {
    /// `[model_providers.ID]` of this file; an error when it (or `model_providers`) is not a table.
    pub fn provider(&self, id: &str) -> Result<Option<ProviderTable<'_>>, UserError> {
        let Some(p) = providers(&self.doc)? else { return Ok(None) };
        let Some((key, item)) = p.get_key_value(id) else { return Ok(None) };
        let table = item.as_table_like().ok_or_else(|| not_a_table(&format!("{MODEL_PROVIDERS}.{id}")))?;
        Ok(Some(ProviderTable { id: key.get(), table }))
    }

    /// The provider ids of this file, in file order.
    pub fn provider_ids(&self) -> Result<Vec<String>, UserError> {
        Ok(providers(&self.doc)?.map(|p| p.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default())
    }

    /// Every provider entry that is a table, in file order; a `model_providers` that is not
    /// a table gives none (see [`ConfigFile::type_errors`]).
    pub fn provider_tables(&self) -> Vec<ProviderTable<'_>> {
        let Ok(Some(p)) = providers(&self.doc) else { return Vec::new() };
        p.iter().filter_map(|(id, v)| v.as_table_like().map(|table| ProviderTable { id, table })).collect()
    }

    /// Legacy `[profiles.NAME]` tables, in file order (Codex 0.134+ ignores them).
    pub fn legacy_profiles(&self) -> Vec<String> {
        self.doc
            .as_table()
            .get(PROFILES)
            .and_then(|i| i.as_table_like())
            .map(|t| t.iter().filter(|(_, v)| v.is_table_like()).map(|(k, _)| k.to_string()).collect())
            .unwrap_or_default()
    }

    /// The legacy top-level `profile = "x"` selector (it stops Codex 0.134+ from starting).
    pub fn legacy_profile_selector(&self) -> Option<&str> {
        root_str(&self.doc, PROFILE)
    }
}
