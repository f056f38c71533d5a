//! The repairs `doctor --fix` applies, as splices: each replaces only the bytes of the value
//! or key it repairs (so its position, comments and spacing stay), and touches nothing else
//! (see DESIGN.md, Writing files).

use toml_edit::{InlineTable, Item, Value};

use super::Error;
use super::splice::Node;
use super::{ConfigFile, MODEL_PROVIDER, MODEL_PROVIDERS};

/// The repairs as the door's methods; each returns whether it changed anything.
impl ConfigFile {
    /// `wire_api = "…"` → `"responses"` in `[model_providers.ID]`, decor kept.
    pub fn set_wire_api_responses(&mut self, id: &str) -> bool {
        self.provider_exists(id)
            && self
                .set_value_at(&field(id, &["wire_api"]), Value::from(crate::codex::provider::WIRE_API))
                .unwrap_or(false)
    }

    /// Renames `from` to `to` inside the table at `table` (empty: the root), keeping its place,
    /// value and comments; nothing when `to` already exists or `from` does not.
    pub fn rename_key(&mut self, table: &[String], from: &str, to: &str) -> bool {
        self.rename_at(table, from, to).unwrap_or(false)
    }

    /// Renames the provider table in place (every header and line spelling it, comments
    /// kept) and repoints a top-level `model_provider = "FROM"`, also when this file only
    /// selects it (a profile); returns (table renamed, selector repointed).
    pub fn rename_provider(&mut self, from: &str, to: &str) -> Result<(bool, bool), Error> {
        let table = self.rename_at(&[MODEL_PROVIDERS.to_string()], from, to)?;
        let selector = self.selection().provider.as_deref() == Some(from) && self.set_root_str(MODEL_PROVIDER, to)?;
        Ok((table, selector))
    }

    /// Sets `base_url` and adds `query` entries to `query_params` (in its own style, inline
    /// right after `base_url` when new); entries already in `query_params` win over the URL's.
    pub fn set_base_url(&mut self, id: &str, url: &str, query: &[(String, String)]) -> bool {
        if !self.provider_exists(id) {
            return false;
        }
        let mut changed = self.set_value_at(&field(id, &["base_url"]), Value::from(url)).unwrap_or(false);
        if query.is_empty() {
            return changed;
        }
        let qp = field(id, &["query_params"]);
        match self.node(&qp) {
            Some(Node::Item(Item::Value(v))) if !v.is_inline_table() => changed,
            Some(_) => {
                for (k, v) in query {
                    let mut at = qp.clone();
                    at.push(k.clone());
                    if self.node(&at).is_none() {
                        changed |= self.set_value_at(&at, Value::from(v.as_str())).unwrap_or(false);
                    }
                }
                changed
            }
            None => {
                let mut it = InlineTable::new();
                for (k, v) in query {
                    it.insert(k, Value::from(v.as_str()));
                }
                it.fmt();
                let table = field(id, &[]);
                let key = ["query_params".to_string()];
                self.insert_into(&table, &key, &Value::InlineTable(it), Some("base_url")).is_ok() || changed
            }
        }
    }

    fn provider_exists(&self, id: &str) -> bool {
        self.node(&field(id, &[])).is_some()
    }
}

/// `model_providers.ID.REST…` as a path.
fn field(id: &str, rest: &[&str]) -> Vec<String> {
    let mut p = vec![MODEL_PROVIDERS.to_string(), id.to_string()];
    p.extend(rest.iter().map(|s| s.to_string()));
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(s: &str) -> ConfigFile {
        ConfigFile::parse(Path::new("c.toml"), s.to_string()).unwrap()
    }

    #[test]
    fn wire_api_keeps_trailing_comment() {
        let mut d = doc("[model_providers.d]\nname = \"D\"\nwire_api = \"chat\"        # only chat here\nx = 1\n");
        assert!(d.set_wire_api_responses("d"));
        assert_eq!(
            d.render(),
            "[model_providers.d]\nname = \"D\"\nwire_api = \"responses\"        # only chat here\nx = 1\n"
        );
        assert!(!d.set_wire_api_responses("d"));
    }

    #[test]
    fn rename_keeps_position_and_comments() {
        let src = "[model_providers.i]\nname = \"I\"\n# the endpoint\nbase_uri = \"https://h/v1\"  # prod\nenv_key = \"K\"\n\n[tui]\nx = 1\n";
        let mut d = doc(src);
        assert!(d.rename_key(&["model_providers".into(), "i".into()], "base_uri", "base_url"));
        assert_eq!(d.render(), src.replace("base_uri", "base_url"));
        let mut d = doc("modle = \"m\"\nmodel_provider = \"x\"\n");
        assert!(d.rename_key(&[], "modle", "model"));
        assert_eq!(d.render(), "model = \"m\"\nmodel_provider = \"x\"\n");
        let mut d = doc("base_uri = 1\nbase_url = 2\n");
        assert!(!d.rename_key(&[], "base_uri", "base_url"), "target exists");
        let mut d = doc("model_providers = { a = { name = \"a\", envkey = \"K\", x = 1 } }\n");
        assert!(d.rename_key(&["model_providers".into(), "a".into()], "envkey", "env_key"));
        assert_eq!(d.render(), "model_providers = { a = { name = \"a\", env_key = \"K\", x = 1 } }\n");
    }

    #[test]
    fn rename_reserved_provider() {
        let src = "model_provider = \"openai\"  # egress\n\n# proxy\n[model_providers.openai]\nname = \"OpenAI\"\n\n[model_providers.openai.http_headers]\nX = \"1\"\n\n[model_providers.other]\nname = \"o\"\n";
        let mut d = doc(src);
        assert_eq!(d.rename_provider("openai", "openai-custom").unwrap(), (true, true));
        assert_eq!(
            d.render(),
            src.replace("= \"openai\"", "= \"openai-custom\"").replace("providers.openai", "providers.openai-custom")
        );
    }

    #[test]
    fn base_url_query_moves_to_query_params() {
        let mut d = doc(
            "[model_providers.a]\nname = \"a\"\nbase_url = \"https://h/openai/v1/responses?api-version=1\" # az\nenv_key = \"K\"\n",
        );
        assert!(d.set_base_url("a", "https://h/openai/v1", &[("api-version".into(), "1".into())]));
        assert_eq!(
            d.render(),
            "[model_providers.a]\nname = \"a\"\nbase_url = \"https://h/openai/v1\" # az\nquery_params = { api-version = \"1\" }\nenv_key = \"K\"\n"
        );
        let mut d = doc("[model_providers.a]\nbase_url = \"https://h/v1?a=1\"\nquery_params = { a = \"2\" }\n");
        assert!(d.set_base_url("a", "https://h/v1", &[("a".into(), "1".into())]));
        assert_eq!(d.render(), "[model_providers.a]\nbase_url = \"https://h/v1\"\nquery_params = { a = \"2\" }\n");
    }
}
