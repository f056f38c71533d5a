//! The top-level `model_catalog_json` key (the path of a Codex model catalog file).

use super::Error;
use super::{ConfigFile, read};

pub const MODEL_CATALOG_JSON: &str = "model_catalog_json";

impl ConfigFile {
    /// The `model_catalog_json` path as written (None when unset or not a string).
    pub fn model_catalog_json(&self) -> Option<&str> {
        read::root_str(self.root(), MODEL_CATALOG_JSON)
    }

    /// Sets `model_catalog_json = "path"` in place (comments kept); true when changed.
    pub fn set_model_catalog_json(&mut self, path: &str) -> Result<bool, Error> {
        if self.model_catalog_json() == Some(path) {
            return Ok(false);
        }
        self.set_root_str(MODEL_CATALOG_JSON, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn sets_the_key_before_the_first_table_and_keeps_the_rest() {
        let mut f = ConfigFile::parse(Path::new("c.toml"), "# mine\nmodel = \"m\"\n\n[t]\na = 1\n".into()).unwrap();
        assert_eq!(f.model_catalog_json(), None);
        assert!(f.set_model_catalog_json("/h/cat.json").unwrap());
        assert!(!f.set_model_catalog_json("/h/cat.json").unwrap());
        assert_eq!(f.model_catalog_json(), Some("/h/cat.json"));
        let out = f.render();
        assert!(out.starts_with("# mine\nmodel = \"m\"\n"), "{out}");
        assert!(out.find("model_catalog_json").unwrap() < out.find("[t]").unwrap(), "{out}");
    }
}
