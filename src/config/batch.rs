//! Several value edits with as few re-parses as they allow. Each splice re-parses the text
//! (so the next edit sees its spans, and no text that does not parse survives an edit), and
//! on a large file a parse is most of a command's time. Replacing a value's bytes moves no
//! entry and changes no line that decides where anything goes (indentation, key spelling,
//! comment paragraphs, blank lines, line endings are all outside value spans), so every
//! in-place replacement of a batch, plus its first insertion or removal, can be computed on
//! the same spans and spliced at once; the ops after that one go one by one, each on the
//! spans the one before left.

use std::ops::Range;

use toml_edit::{Item, Value};

use super::ConfigFile;
use super::Error;
use super::splice::{Node, Splice};

/// One edit of a batch, by key path.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// [`ConfigFile::set_value_at`]: in place, or added to its (existing) table.
    Set(Vec<String>, Value),
    /// [`ConfigFile::remove_path`].
    Remove(Vec<String>),
}

impl Op {
    fn path(&self) -> &[String] {
        match self {
            Op::Set(p, _) | Op::Remove(p) => p,
        }
    }
}

impl ConfigFile {
    /// Applies `ops` with the result of applying them one after another; true when a byte
    /// changed. Ops must name distinct paths.
    pub(super) fn apply_ops(&mut self, ops: Vec<Op>) -> Result<bool, Error> {
        // Replacements run ahead of the ops listed before them: only safe when no op is
        // inside another (a removed table holding a replaced value, a replaced inline table
        // and one of its entries).
        let nested =
            ops.iter().any(|a| ops.iter().any(|b| a.path().len() < b.path().len() && b.path().starts_with(a.path())));
        if nested {
            return self.one_by_one(ops);
        }
        let mut now: Vec<Splice> = Vec::new();
        let mut rest: Vec<Op> = Vec::new();
        for op in ops {
            match &op {
                Op::Set(path, value) if self.is_value(path) => now.extend(self.replacement(path, value)),
                _ => rest.push(op),
            }
        }
        let mut changed = !now.is_empty();
        if let Some(first) = rest.first()
            && let Some((edit, did)) = self.plain_edit(first)?
            && edit.iter().all(|(r, _)| now.iter().all(|(n, _)| apart(r, n)))
        {
            changed |= did;
            now.extend(edit);
            rest.remove(0);
        }
        self.splice(now)?;
        Ok(self.one_by_one(rest)? || changed)
    }

    fn one_by_one(&mut self, ops: Vec<Op>) -> Result<bool, Error> {
        let mut changed = false;
        for op in ops {
            changed |= match op {
                Op::Set(path, value) => self.set_value_at(&path, value)?,
                Op::Remove(path) => self.remove_path(&path)?,
            };
        }
        Ok(changed)
    }

    fn is_value(&self, path: &[String]) -> bool {
        matches!(self.node(path), Some(Node::Item(Item::Value(_)) | Node::InInline { .. }))
    }

    /// The splices of an insertion or a removal (one parse's worth of work) computed on the
    /// current spans, and whether it changes anything; None for a set that replaces a table
    /// (a removal, then an insertion on the spans the removal leaves).
    fn plain_edit(&self, op: &Op) -> Result<Option<(Vec<Splice>, bool)>, Error> {
        Ok(match op {
            Op::Set(path, value) if self.node(path).is_none() => {
                let (parent, key) = path.split_at(path.len() - 1);
                Some((vec![self.insertion(parent, key, value, None)?], true))
            }
            Op::Set(..) => None,
            Op::Remove(path) => Some(self.removal(path).map_or((Vec::new(), false), |e| (e, true))),
        })
    }
}

/// Whether two splices touch different bytes (an insertion at the end of a replaced value
/// is apart from it; one at its start is not, since the order of the two would matter).
fn apart(a: &Range<usize>, b: &Range<usize>) -> bool {
    let before = |x: &Range<usize>, y: &Range<usize>| x.end <= y.start && x.start < y.start;
    before(a, b) || before(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn file(t: &str) -> ConfigFile {
        ConfigFile::parse(Path::new("c.toml"), t.into()).unwrap()
    }

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_string).collect()
    }

    /// A batch gives what its ops give one by one, on files where the order of an insertion
    /// and a removal decides where text goes (first key before a table, the last root key).
    #[test]
    fn a_batch_is_its_ops_one_by_one() {
        let files = [
            "model = \"a\"\nmodel_provider = \"b\" # c\n[t]\n",
            "[t]\nx = 1\n",
            "model_provider = \"a\"\n\n[t]\nx = 1\n",
            "model_provider = \"a\"",
            "# header\n\nmodel = \"m\"\n",
            "model = 1\r\nmodel_provider = \"p\"\n[t]\n",
            "# header\n\n[t]\r\n",
            "",
        ];
        let choices = |k: &str| {
            vec![
                None,
                Some(Op::Set(path(k), Value::from("new"))),
                Some(Op::Set(path(k), Value::from("a"))),
                Some(Op::Remove(path(k))),
            ]
        };
        for text in files {
            for a in choices("model_provider") {
                for b in choices("model") {
                    let ops: Vec<Op> = a.iter().chain(b.iter()).cloned().collect();
                    let (mut batched, mut single) = (file(text), file(text));
                    let changed = batched.apply_ops(ops.clone()).unwrap();
                    assert_eq!(changed, single.one_by_one(ops.clone()).unwrap(), "{text:?} {ops:?}");
                    assert_eq!(batched.render(), single.render(), "{text:?} {ops:?}");
                }
            }
        }
    }

    #[test]
    fn provider_fields_batch_like_one_by_one() {
        let text = "[model_providers.a]\nname = \"A\"  # n\nbase_url = \"u\"\nhttp_headers = { X = \"1\" }\n\n[tui]\n";
        let ops = vec![
            Op::Set(path("model_providers.a.name"), Value::from("B")),
            Op::Set(path("model_providers.a.http_headers.Y"), Value::from("2")),
            Op::Remove(path("model_providers.a.base_url")),
            Op::Set(path("model_providers.a.http_headers.X"), Value::from("3")),
            Op::Set(path("model_providers.a.env_key"), Value::from("K")),
        ];
        let (mut batched, mut single) = (file(text), file(text));
        assert!(batched.apply_ops(ops.clone()).unwrap());
        single.one_by_one(ops).unwrap();
        assert_eq!(batched.render(), single.render());
        assert_eq!(
            batched.render(),
            "[model_providers.a]\nname = \"B\"  # n\nhttp_headers = { X = \"3\", Y = \"2\" }\nenv_key = \"K\"\n\n[tui]\n"
        );
        // Nested paths run one by one: the inline table is replaced, then its entry set.
        let mut f = file(text);
        let ops = vec![
            Op::Set(path("model_providers.a.http_headers"), Value::from("flat")),
            Op::Set(path("model_providers.a.http_headers.X"), Value::from("3")),
        ];
        assert!(f.apply_ops(ops).is_err(), "`http_headers` is no longer a table");
    }
}
