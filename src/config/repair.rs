//! The repairs `doctor --fix` applies, as surgical edits: each keeps the key's position,
//! comments and spacing, and touches nothing else (see DESIGN.md, Writing files).

use toml_edit::{DocumentMut, InlineTable, Item, Key, Table, TableLike, Value};

use super::{ConfigFile, MODEL_PROVIDER, MODEL_PROVIDERS, edit, read};
use crate::error::UserError;

/// The repairs as the door's methods; each returns whether it changed anything.
impl ConfigFile {
    /// `wire_api = "…"` → `"responses"` in `[model_providers.ID]`, decor kept.
    pub fn set_wire_api_responses(&mut self, id: &str) -> bool {
        set_wire_api_responses(&mut self.doc, id)
    }

    /// Renames `from` to `to` inside the table at `table` (empty: the root), keeping its place,
    /// value and comments; nothing when `to` already exists or `from` does not.
    pub fn rename_key(&mut self, table: &[String], from: &str, to: &str) -> bool {
        rename_key(&mut self.doc, table, from, to)
    }

    /// Renames the provider table (in place, its style and comments kept) and repoints a
    /// top-level `model_provider = "FROM"`, also when this file only selects it (a profile);
    /// returns (table renamed, selector repointed).
    pub fn rename_provider(&mut self, from: &str, to: &str) -> Result<(bool, bool), UserError> {
        let table = rename_key(&mut self.doc, &[MODEL_PROVIDERS.to_string()], from, to);
        let selector = read::root_str(&self.doc, MODEL_PROVIDER) == Some(from)
            && edit::set_root_str(&mut self.doc, MODEL_PROVIDER, to)?;
        Ok((table, selector))
    }

    /// Sets `base_url` and moves `query` entries into `query_params`.
    pub fn set_base_url(&mut self, id: &str, url: &str, query: &[(String, String)]) -> bool {
        set_base_url(&mut self.doc, id, url, query)
    }
}

/// `[model_providers.ID]` as a mutable table-like, whatever style it is written in.
fn provider_mut<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<&'a mut dyn TableLike> {
    doc.as_table_mut().get_mut(MODEL_PROVIDERS)?.as_table_like_mut()?.get_mut(id)?.as_table_like_mut()
}

/// A table in either of its styles (a dotted table is a `Table` too).
enum Tbl<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
}

/// The table at `path` (empty: the root).
fn table_at<'a>(doc: &'a mut DocumentMut, path: &[String]) -> Option<Tbl<'a>> {
    let mut cur = Tbl::Table(doc.as_table_mut());
    for seg in path {
        cur = match cur {
            Tbl::Table(t) => match t.get_mut(seg)? {
                Item::Table(x) => Tbl::Table(x),
                Item::Value(Value::InlineTable(x)) => Tbl::Inline(x),
                _ => return None,
            },
            Tbl::Inline(t) => match t.get_mut(seg)? {
                Value::InlineTable(x) => Tbl::Inline(x),
                _ => return None,
            },
        };
    }
    Some(cur)
}

/// `wire_api = "…"` → `"responses"`, decor kept; false when nothing changed.
fn set_wire_api_responses(doc: &mut DocumentMut, id: &str) -> bool {
    provider_mut(doc, id).is_some_and(|t| edit::set_str(t, "wire_api", "responses"))
}

/// Renames `from` to `to` inside the table at `path`, keeping the entry's place in the
/// table, its value and all decor (the comment lines above a key live in the key's decor).
/// Does nothing when `to` already exists or `from` does not.
fn rename_key(doc: &mut DocumentMut, path: &[String], from: &str, to: &str) -> bool {
    match table_at(doc, path) {
        Some(Tbl::Table(t)) if !t.contains_key(to) && t.contains_key(from) => rename_in(t, from, to),
        Some(Tbl::Inline(t)) if !t.contains_key(to) && t.contains_key(from) => rename_in_inline(t, from, to),
        _ => false,
    }
}

/// Removes every entry from `from` on and re-inserts them in order, `from` under its new name.
fn rename_in(t: &mut Table, from: &str, to: &str) -> bool {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let Some(start) = keys.iter().position(|k| k == from) else { return false };
    let mut moved: Vec<(Key, Item)> = Vec::new();
    for k in &keys[start..] {
        if let Some(e) = t.remove_entry(k) {
            moved.push(e);
        }
    }
    for (i, (key, item)) in moved.into_iter().enumerate() {
        let key = if i == 0 { renamed(&key, to) } else { key };
        t.insert_formatted(&key, item);
    }
    true
}

fn rename_in_inline(t: &mut InlineTable, from: &str, to: &str) -> bool {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let Some(start) = keys.iter().position(|k| k == from) else { return false };
    let mut moved: Vec<(Key, Value)> = Vec::new();
    for k in &keys[start..] {
        if let Some(e) = t.remove_entry(k) {
            moved.push(e);
        }
    }
    for (i, (key, v)) in moved.into_iter().enumerate() {
        let key = if i == 0 { renamed(&key, to) } else { key };
        t.insert_formatted(&key, v);
    }
    true
}

/// A new key with the old one's leaf decor (leading comments, spacing around it).
fn renamed(old: &Key, to: &str) -> Key {
    Key::new(to).with_leaf_decor(old.leaf_decor().clone()).with_dotted_decor(old.dotted_decor().clone())
}

/// Sets `base_url` and adds `query` entries to `query_params` (in its own style, inline
/// when new); entries already in `query_params` win over the URL's.
fn set_base_url(doc: &mut DocumentMut, id: &str, url: &str, query: &[(String, String)]) -> bool {
    let path = [MODEL_PROVIDERS.to_string(), id.to_string()];
    let mut changed = match provider_mut(doc, id) {
        Some(t) => edit::set_str(t, "base_url", url),
        None => return false,
    };
    if query.is_empty() {
        return changed;
    }
    let Some(t) = provider_mut(doc, id) else { return changed };
    if let Some(q) = t.get_mut("query_params") {
        let Some(q) = q.as_table_like_mut() else { return changed };
        for (k, v) in query {
            if !q.contains_key(k) {
                q.insert(k, Item::Value(Value::from(v.as_str())));
                changed = true;
            }
        }
        return changed;
    }
    let mut it = InlineTable::new();
    for (k, v) in query {
        it.insert(k, Value::from(v.as_str()));
    }
    it.fmt();
    match table_at(doc, &path) {
        // Insert right after base_url so the two read together.
        Some(Tbl::Table(table)) => {
            let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
            let after = keys.iter().position(|k| k == "base_url").map_or(keys.len(), |p| p + 1);
            let mut moved: Vec<(Key, Item)> = Vec::new();
            for k in &keys[after..] {
                if let Some(e) = table.remove_entry(k) {
                    moved.push(e);
                }
            }
            table.insert("query_params", Item::Value(Value::InlineTable(it)));
            for (k, v) in moved {
                table.insert_formatted(&k, v);
            }
        }
        Some(Tbl::Inline(t)) => {
            t.insert("query_params", Value::InlineTable(it));
        }
        None => return changed,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> DocumentMut {
        s.parse().unwrap()
    }

    #[test]
    fn wire_api_keeps_trailing_comment() {
        let mut d = doc("[model_providers.d]\nname = \"D\"\nwire_api = \"chat\"        # only chat here\nx = 1\n");
        assert!(set_wire_api_responses(&mut d, "d"));
        assert_eq!(
            d.to_string(),
            "[model_providers.d]\nname = \"D\"\nwire_api = \"responses\"        # only chat here\nx = 1\n"
        );
        assert!(!set_wire_api_responses(&mut d, "d"));
    }

    #[test]
    fn rename_keeps_position_and_comments() {
        let src = "[model_providers.i]\nname = \"I\"\n# the endpoint\nbase_uri = \"https://h/v1\"  # prod\nenv_key = \"K\"\n\n[tui]\nx = 1\n";
        let mut d = doc(src);
        assert!(rename_key(&mut d, &["model_providers".into(), "i".into()], "base_uri", "base_url"));
        assert_eq!(d.to_string(), src.replace("base_uri", "base_url"));
        let mut d = doc("modle = \"m\"\nmodel_provider = \"x\"\n");
        assert!(rename_key(&mut d, &[], "modle", "model"));
        assert_eq!(d.to_string(), "model = \"m\"\nmodel_provider = \"x\"\n");
        let mut d = doc("base_uri = 1\nbase_url = 2\n");
        assert!(!rename_key(&mut d, &[], "base_uri", "base_url"), "target exists");
        let mut d = doc("model_providers = { a = { name = \"a\", envkey = \"K\", x = 1 } }\n");
        assert!(rename_key(&mut d, &["model_providers".into(), "a".into()], "envkey", "env_key"));
        assert_eq!(d.to_string(), "model_providers = { a = { name = \"a\", env_key = \"K\", x = 1 } }\n");
    }

    #[test]
    fn rename_reserved_provider() {
        let src = "model_provider = \"openai\"  # egress\n\n# proxy\n[model_providers.openai]\nname = \"OpenAI\"\n\n[model_providers.openai.http_headers]\nX = \"1\"\n\n[model_providers.other]\nname = \"o\"\n";
        let mut f = ConfigFile::parse(std::path::Path::new("config.toml"), src.to_string()).unwrap();
        assert_eq!(f.rename_provider("openai", "openai-custom").unwrap(), (true, true));
        assert_eq!(
            f.render(),
            src.replace("= \"openai\"", "= \"openai-custom\"").replace("providers.openai", "providers.openai-custom")
        );
    }

    #[test]
    fn base_url_query_moves_to_query_params() {
        let mut d = doc(
            "[model_providers.a]\nname = \"a\"\nbase_url = \"https://h/openai/v1/responses?api-version=1\" # az\nenv_key = \"K\"\n",
        );
        assert!(set_base_url(&mut d, "a", "https://h/openai/v1", &[("api-version".into(), "1".into())]));
        assert_eq!(
            d.to_string(),
            "[model_providers.a]\nname = \"a\"\nbase_url = \"https://h/openai/v1\" # az\nquery_params = { api-version = \"1\" }\nenv_key = \"K\"\n"
        );
        let mut d = doc("[model_providers.a]\nbase_url = \"https://h/v1?a=1\"\nquery_params = { a = \"2\" }\n");
        assert!(set_base_url(&mut d, "a", "https://h/v1", &[("a".into(), "1".into())]));
        assert_eq!(d.to_string(), "[model_providers.a]\nbase_url = \"https://h/v1\"\nquery_params = { a = \"2\" }\n");
    }
}
