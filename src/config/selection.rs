//! [`Selection`]: the `(model_provider, model)` pair of one file, the only reader and writer
//! of those two keys. It is also what `use -` remembers, so "before" and "after" are one type.

use serde::{Deserialize, Serialize};

use super::Error;
use super::{ConfigFile, MODEL, MODEL_PROVIDER, read};

/// Which provider and model a file selects; `None` is "not set here".
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Selection {
    pub provider: Option<String>,
    pub model: Option<String>,
}

impl ConfigFile {
    /// The top-level `model_provider` and `model` (a non-string value reads as unset).
    pub fn selection(&self) -> Selection {
        let get = |k: &str| read::root_str(self.root(), k).map(str::to_string);
        Selection { provider: get(MODEL_PROVIDER), model: get(MODEL) }
    }

    /// Makes the file select `sel`: a `Some` is written in place (comments kept), a `None`
    /// removes the key. Keys that already read as wanted are left alone; true when changed.
    /// A table where a string belongs is refused (its content would be lost).
    pub fn set_selection(&mut self, sel: &Selection) -> Result<bool, Error> {
        let now = self.selection();
        let mut ops = Vec::new();
        for (key, want, have) in [(MODEL_PROVIDER, &sel.provider, now.provider), (MODEL, &sel.model, now.model)] {
            if *want == have {
                continue;
            }
            match want {
                Some(v) => ops.push(self.root_str_op(key, v)?),
                None => ops.extend(self.remove_root_op(key)),
            }
        }
        // One splice and one parse when both keys are replaced in place (the usual `use`).
        self.apply_ops(ops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn file(t: &str) -> ConfigFile {
        ConfigFile::parse(Path::new("c.toml"), t.into()).unwrap()
    }

    #[test]
    fn set_selection_touches_only_what_differs() {
        let mut f = file("model = 1 # odd\nmodel_provider = \"a\" # mine\n");
        assert_eq!(f.selection(), Selection { provider: Some("a".into()), model: None });
        let sel = Selection { provider: Some("b".into()), ..f.selection() };
        assert!(f.set_selection(&sel).unwrap());
        assert_eq!(f.render(), "model = 1 # odd\nmodel_provider = \"b\" # mine\n");
        assert!(!f.set_selection(&sel).unwrap());
        assert!(f.set_selection(&Selection::default()).unwrap());
        assert_eq!(f.render(), "model = 1 # odd\n");
    }
}
