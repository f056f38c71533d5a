//! `profile migrate`'s edits: a legacy `[profiles.NAME]` table taken out of config.toml and
//! its items moved to the top level of `NAME.config.toml`, comments and key decor kept.

use toml_edit::{DocumentMut, Item, Key, Value};

use super::{ConfigFile, PROFILE, PROFILES};

/// The content of one legacy `[profiles.NAME]` table, out of its file.
#[derive(Debug, Clone)]
pub struct LegacyProfile {
    item: Item,
}

impl LegacyProfile {
    /// The keys it sets, in file order.
    pub fn keys(&self) -> Vec<String> {
        self.item.as_table_like().map(|t| t.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default()
    }

    /// The comment lines above its `[profiles.NAME]` header.
    fn comments(&self) -> String {
        self.item
            .as_table()
            .map(|t| t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").trim().to_string())
            .unwrap_or_default()
    }

    /// Moves its items to the top level of a new document `dst`; the number of keys moved.
    fn move_into(&self, dst: &mut DocumentMut) -> usize {
        let mut n = 0;
        let root = dst.as_table_mut();
        match &self.item {
            Item::Table(t) => {
                for (k, item) in t.iter() {
                    let key = t.key(k).cloned().unwrap_or_else(|| Key::new(k));
                    root.insert_formatted(&key, item.clone());
                    n += 1;
                }
            }
            Item::Value(Value::InlineTable(t)) => {
                for (k, v) in t.iter() {
                    let mut v = v.clone();
                    v.decor_mut().clear();
                    root.insert(k, Item::Value(v));
                    n += 1;
                }
            }
            _ => {}
        }
        n
    }

    /// Its items as (key, item) pairs, whatever style the table was written in.
    fn items(&self) -> Vec<(String, Item)> {
        match &self.item {
            Item::Table(t) => t.iter().map(|(k, i)| (k.to_string(), i.clone())).collect(),
            Item::Value(Value::InlineTable(t)) => {
                t.iter().map(|(k, v)| (k.to_string(), Item::Value(v.clone().decorated("", "")))).collect()
            }
            _ => Vec::new(),
        }
    }
}

impl ConfigFile {
    /// Removes `[profiles.NAME]` (and `profiles` once it is empty) and returns its content.
    pub fn take_legacy_profile(&mut self, name: &str) -> Option<LegacyProfile> {
        let item = self.doc().get(PROFILES).and_then(|i| i.as_table_like())?.get(name)?.clone();
        let path = [PROFILES.to_string(), name.to_string()];
        self.remove_path(&path).ok()?;
        if self.root().get(PROFILES).and_then(|i| i.as_table_like()).is_some_and(|p| p.is_empty()) {
            self.remove_path(&path[..1]).ok()?;
        }
        Some(LegacyProfile { item })
    }

    /// Removes the legacy top-level `profile = "x"`; false when it was not there.
    pub fn remove_legacy_profile_selector(&mut self) -> bool {
        self.remove_root(PROFILE).unwrap_or(false)
    }

    /// Makes this profile file hold `legacy`'s items: merged over an existing file (its keys
    /// win over the file's), or as a new file with a header saying where it came from.
    /// Returns the number of keys moved.
    pub fn adopt_legacy_profile(&mut self, name: &str, legacy: &LegacyProfile) -> anyhow::Result<usize> {
        if self.existed {
            // Spliced into the file: its keys are replaced, the rest of it is untouched.
            let items = legacy.items();
            for (k, item) in &items {
                let path = [k.clone()];
                self.remove_path(&path)?;
                match item {
                    Item::Value(v) => self.insert_into(&[], &path, v, None)?,
                    other => {
                        let mut doc = DocumentMut::new();
                        doc.as_table_mut().insert(k, other.clone());
                        self.append_rendered(&doc.to_string(), &[])?;
                    }
                }
            }
            return Ok(items.len());
        }
        let mut doc = DocumentMut::new();
        let moved = legacy.move_into(&mut doc);
        let mut text = format!(
            "# Profile `{name}`, migrated from [profiles.{name}] in config.toml by codex-provider.\n# Use it with: codex --profile {name}\n"
        );
        let comments = legacy.comments();
        if !comments.is_empty() {
            text.push_str(&comments);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(doc.to_string().trim_start_matches('\n'));
        self.set_body(text).map_err(|e| anyhow::anyhow!("internal: migrated profile does not parse: {e}"))?;
        Ok(moved)
    }
}
