//! Reads of one top-level string key (e.g. `model_catalog_json` for `models`), for callers that
//! need a value Codex reads but codex-provider never edits.

use super::ConfigFile;

impl ConfigFile {
    /// A top-level string value (None when absent or not a string).
    pub fn top_str(&self, key: &str) -> Option<String> {
        super::read::root_str(self.root(), key).map(str::to_string)
    }
}
