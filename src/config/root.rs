//! Reads of top-level ("root") values for the questions codex-provider asks but never edits:
//! a string Codex reads (`model_catalog_json` for `models`), and a value's TOML text for
//! doctor's "is this rename type-compatible" and "is this enum value one Codex accepts".

use super::ConfigFile;

impl ConfigFile {
    /// A top-level string value (None when absent or not a string).
    pub fn root_string(&self, key: &str) -> Option<String> {
        super::read::root_str(self.root(), key).map(str::to_string)
    }

    /// The TOML text of a top-level value (`"total"`, `5`, `{ a = 1 }`), without comments;
    /// `{}` for a table written with a `[header]`. None when the key is absent.
    pub fn root_value_text(&self, key: &str) -> Option<String> {
        let item = self.root().get(key)?;
        Some(match item.as_value() {
            Some(_) => self.shown_item(&[key])?.as_value()?.clone().decorated("", "").to_string(),
            None if item.is_table() => "{}".into(),
            None => "[]".into(),
        })
    }
}
