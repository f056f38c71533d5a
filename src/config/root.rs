//! A read view of top-level values as text, for doctor's "is this rename type-compatible"
//! and "is this enum value one Codex accepts" questions.

use super::ConfigFile;

impl ConfigFile {
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
