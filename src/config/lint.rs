//! What doctor needs to see of a file's shape, as typed data: values of the wrong type, the
//! top-level keys, and the values sitting in tables below the root. The rules (which keys
//! are known, which are root-only) stay with doctor; this module only walks the TOML.

use toml_edit::{Item, Table, Value};

use super::{ConfigFile, MODEL, MODEL_PROVIDER, MODEL_PROVIDERS, PROFILE};

/// A value of a type Codex cannot read, which makes it refuse to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// The dotted key, e.g. `model_providers.gw.base_url`.
    pub path: String,
    /// "`PATH` must be a string, not an integer" and the like.
    pub message: String,
}

/// A value in a table below the root, e.g. `model = "x"` written after `[projects."/a"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NestedValue {
    /// The tables it is in, outermost first (`["projects", "/a"]`).
    pub table: Vec<String>,
    pub key: String,
    /// The value as TOML text, without comments.
    pub text: String,
}

impl ConfigFile {
    /// Values of the wrong type: `model_providers` or a provider that is not a table, a
    /// non-string top-level `model`, `model_provider` or `profile`, a non-string `name`,
    /// `base_url`, `env_key` or `wire_api`.
    pub fn type_errors(&self) -> Vec<TypeError> {
        let mut out = Vec::new();
        let mut push = |path: String, what: &str, item: &Item| {
            let message = format!("`{path}` must be {what}, not {}", kind(item));
            out.push(TypeError { path, message });
        };
        let root = self.root();
        for key in [MODEL, MODEL_PROVIDER, PROFILE] {
            if let Some(item) = root.get(key)
                && item.as_str().is_none()
            {
                push(key.to_string(), "a string", item);
            }
        }
        let Some(item) = root.get(MODEL_PROVIDERS) else { return out };
        let Some(p) = item.as_table_like() else {
            push(MODEL_PROVIDERS.into(), "a table", item);
            return out;
        };
        for (id, item) in p.iter() {
            let Some(t) = item.as_table_like() else {
                push(format!("{MODEL_PROVIDERS}.{id}"), "a table", item);
                continue;
            };
            for field in ["name", "base_url", "env_key", "wire_api"] {
                if let Some(v) = t.get(field)
                    && v.as_str().is_none()
                {
                    push(format!("{MODEL_PROVIDERS}.{id}.{field}"), "a string", v);
                }
            }
        }
        out
    }

    /// The top-level keys, in file order.
    pub fn root_keys(&self) -> Vec<&str> {
        self.root().iter().map(|(k, _)| k).collect()
    }

    pub fn has_root_key(&self, key: &str) -> bool {
        self.root().get(key).is_some()
    }

    /// Every value inside a (non-inline) table below the root, in file order, without
    /// descending into tables named in `skip` (free-form ones such as `env`).
    pub fn nested_values(&self, skip: &[&str]) -> Vec<NestedValue> {
        let mut out = Vec::new();
        walk(self.doc().as_table(), skip, &mut Vec::new(), &mut out);
        out
    }
}

fn walk(t: &Table, skip: &[&str], path: &mut Vec<String>, out: &mut Vec<NestedValue>) {
    for (k, item) in t.iter() {
        match item {
            Item::Table(sub) if !skip.contains(&k) => {
                path.push(k.to_string());
                walk(sub, skip, path, out);
                path.pop();
            }
            Item::Value(v) if !path.is_empty() => {
                let text = v.clone().decorated("", "").to_string();
                out.push(NestedValue { table: path.clone(), key: k.to_string(), text });
            }
            _ => {}
        }
    }
}

fn kind(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Table(_) | Item::Value(Value::InlineTable(_)) => "a table",
        Item::ArrayOfTables(_) | Item::Value(Value::Array(_)) => "an array",
        Item::Value(Value::String(_)) => "a string",
        Item::Value(Value::Integer(_)) => "an integer",
        Item::Value(Value::Float(_)) => "a float",
        Item::Value(Value::Boolean(_)) => "a boolean",
        Item::Value(Value::Datetime(_)) => "a date-time",
    }
}
