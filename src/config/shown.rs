//! Items as they are written, for the reads that print them (`show`, the value `set`
//! replaces, doctor's messages). `Display` of an item of the spanned document prints default
//! reprs (a span is not text), so these reads need despanned items, and despanning the
//! whole document costs a quarter to a third of a parse: a value is re-parsed from its own
//! bytes instead, which gives what despanning the document gives it (the same parser on the
//! same bytes) at the cost of that value alone. Only a table, whose lines need not be
//! contiguous, comes from the despanned document, and so do the reads of every value at
//! once (doctor's `nested_values`), which despan once instead of parsing each value (not
//! measured against the other way: doctor is not on a hot path).

use toml_edit::{Item, Value};

use super::ConfigFile;
use super::read::item_at;

impl ConfigFile {
    /// The item at `path` (through tables of every style), despanned; decor is not kept.
    pub(super) fn shown_item(&self, path: &[&str]) -> Option<Item> {
        let item = item_at(self.root(), path)?;
        if let Item::Value(v) = item
            && let Some(v) = self.own_bytes(v)
        {
            return Some(Item::Value(v));
        }
        item_at(self.doc().as_table(), path).cloned()
    }

    /// A value of the spanned document re-parsed from its own bytes; None for a table made
    /// by dotted keys inside an inline table (`{ a.b = 1 }`), which has no bytes of its own.
    fn own_bytes(&self, v: &Value) -> Option<Value> {
        if v.as_inline_table().is_some_and(|t| t.is_dotted()) {
            return None;
        }
        self.body().get(v.span()?)?.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use toml_edit::{Item, Table};

    use super::ConfigFile;
    use crate::config::read::tests::fixture_files;

    /// Every value of `t` at any depth (through tables, arrays of tables, inline tables),
    /// re-parsed from its own bytes, prints as the despanned document prints it.
    fn check(f: &ConfigFile, spanned: &Table, despanned: &Table, at: &str, n: &mut usize) {
        for (k, item) in spanned.iter() {
            let other = despanned.get(k).unwrap_or_else(|| panic!("{at}.{k}: missing"));
            match (item, other) {
                (Item::Value(v), Item::Value(w)) => {
                    // A dotted key inside an inline table (`{ a.b = 1 }`) makes a table with
                    // no bytes of its own: `shown_item` takes it from the despanned document.
                    if !v.as_inline_table().is_some_and(|t| t.is_dotted()) {
                        let own = f.own_bytes(v).unwrap_or_else(|| panic!("{at}.{k}: its bytes do not parse"));
                        let want = w.clone().decorated("", "").to_string();
                        assert_eq!(own.decorated("", "").to_string(), want, "{at}.{k}");
                        *n += 1;
                    }
                    if let (Some(s), Some(t)) = (v.as_inline_table(), w.as_inline_table()) {
                        check(f, &s.clone().into_table(), &t.clone().into_table(), &format!("{at}.{k}"), n);
                    }
                }
                (Item::Table(s), Item::Table(t)) => check(f, s, t, &format!("{at}.{k}"), n),
                (Item::ArrayOfTables(s), Item::ArrayOfTables(t)) => {
                    for (i, (s, t)) in s.iter().zip(t.iter()).enumerate() {
                        check(f, s, t, &format!("{at}.{k}[{i}]"), n);
                    }
                }
                _ => panic!("{at}.{k}: not the same kind of item"),
            }
        }
    }

    /// The shortcut is exact for every value of every valid file of the TOML suite and the
    /// corpus (CRLF inside multi-line strings, comments inside arrays, dotted keys in inline
    /// tables, TOML 1.1 newlines in inline tables).
    #[test]
    fn a_value_reparsed_from_its_bytes_prints_as_the_despanned_document_does() {
        let mut values = 0;
        for (p, f) in fixture_files() {
            check(&f, f.root(), f.doc().as_table(), &p.display().to_string(), &mut values);
        }
        assert!(values > 1000, "only {values} values");
    }

    /// `show` and `set` print provider fields through `shown_item`: as the despanned
    /// document's items print, table fields included.
    #[test]
    fn provider_fields_print_as_the_despanned_document_does() {
        use crate::config::view::{item_json, item_text};
        let quirky = "[ model_providers . \"gw\" ]\r\nbase_url = 'https://gw/v1'  # lit\r\nq = [ 1, # one\n 2 ]\n\n[model_providers.gw.http_headers]\n\"X-Team\" = 'a'\n";
        let mut files = vec![ConfigFile::parse(Path::new("c.toml"), quirky.into()).unwrap()];
        files.extend(fixture_files().into_iter().map(|(_, f)| f));
        let mut fields = 0;
        for f in &files {
            for t in f.provider_tables() {
                for (k, item) in t.shown_fields() {
                    let want =
                        crate::config::read::item_at(f.doc().as_table(), &["model_providers", t.id(), k]).unwrap();
                    assert_eq!(item_text(&item), item_text(want), "{}.{k}", t.id());
                    assert_eq!(item_json(&item), item_json(want), "{}.{k}", t.id());
                    fields += 1;
                }
            }
        }
        assert!(fields > 50, "only {fields} fields");
        let f = ConfigFile::parse(Path::new("c.toml"), quirky.into()).unwrap();
        let shown: Vec<String> =
            f.provider("gw").unwrap().unwrap().shown_fields().iter().map(|(_, i)| item_text(i)).collect();
        assert_eq!(shown, ["'https://gw/v1'", "[ 1, # one\n 2 ]", "{ \"X-Team\" = 'a' }"]);
    }
}
