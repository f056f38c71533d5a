//! Property tests of the config editor (library API, no process): generated TOML documents
//! with comments, inline tables, dotted and quoted keys, arrays, unicode, CRLF, BOM and
//! missing final newlines, and `model_providers` in table, inline, dotted and
//! parent-with-inline-children form. For every edit: the result parses, the edited keys
//! hold the new values, and every line the edit does not own is unchanged.

use std::path::Path;

use codex_provider::config::{Change, ConfigFile, ProviderSpec, Selection};
use proptest::prelude::*;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Who a generated line belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Owner {
    Other,
    Root(&'static str),
    Provider(String),
    /// The single line holding an inline `model_providers = { ... }`.
    InlineProviders,
}

#[derive(Debug, Clone)]
enum Val {
    Int(i64),
    Str(String),
    Lit(String),
    Bool(bool),
    Float(f64),
    Arr(Vec<Val>),
    Inline(Vec<Val>),
}

fn esc(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

impl Val {
    fn text(&self) -> String {
        match self {
            Val::Int(i) => i.to_string(),
            Val::Str(s) => esc(s),
            Val::Lit(s) => format!("'{s}'"),
            Val::Bool(b) => b.to_string(),
            Val::Float(f) => format!("{f:?}"),
            Val::Arr(v) => format!("[{}]", v.iter().map(Val::text).collect::<Vec<_>>().join(", ")),
            Val::Inline(v) => {
                let body: Vec<String> = v.iter().enumerate().map(|(i, x)| format!("f{i} = {}", x.text())).collect();
                if body.is_empty() { "{}".into() } else { format!("{{ {} }}", body.join(", ")) }
            }
        }
    }
}

fn ustr() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _./:-]{0,10}",
        proptest::collection::vec(any::<char>(), 0..6).prop_map(|v| v.into_iter().collect()),
        Just("héllo 漢字 🎉".to_string()),
    ]
}

/// Literal strings may not hold `'` or control characters.
fn lit() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 é漢\\\\/:.-]{0,10}"
}

fn val() -> impl Strategy<Value = Val> {
    let leaf = prop_oneof![
        any::<i32>().prop_map(|i| Val::Int(i as i64)),
        ustr().prop_map(Val::Str),
        lit().prop_map(Val::Lit),
        any::<bool>().prop_map(Val::Bool),
        (-1000i32..1000).prop_map(|i| Val::Float(i as f64 / 8.0)),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Val::Arr),
            proptest::collection::vec(inner, 0..3).prop_map(Val::Inline),
        ]
    })
}

fn comment() -> impl Strategy<Value = String> {
    ustr().prop_map(|s| {
        format!("# {}", s.replace(['\n', '\r'], " ").chars().filter(|c| !c.is_control()).collect::<String>())
    })
}

#[derive(Debug, Clone)]
enum RootItem {
    Comment(String),
    Blank,
    /// key style (0 bare, 1 quoted unicode, 2 dotted), value, trailing comment
    Kv(u8, String, Val, Option<String>),
}

fn root_item() -> impl Strategy<Value = RootItem> {
    prop_oneof![
        comment().prop_map(RootItem::Comment),
        Just(RootItem::Blank),
        (0u8..3, ustr(), val(), proptest::option::of(comment())).prop_map(|(k, q, v, c)| RootItem::Kv(k, q, v, c)),
    ]
}

#[derive(Debug, Clone)]
struct Prov {
    name: String,
    env: bool,
    url_comment: Option<String>,
    comment_above: Option<String>,
    quoted: bool,
}

fn prov() -> impl Strategy<Value = Prov> {
    (ustr(), any::<bool>(), proptest::option::of(comment()), proptest::option::of(comment()), any::<bool>()).prop_map(
        |(name, env, url_comment, comment_above, quoted)| Prov { name, env, url_comment, comment_above, quoted },
    )
}

#[derive(Debug, Clone)]
struct Tbl {
    array: bool,
    comment_above: Option<String>,
    kvs: Vec<(Val, Option<String>)>,
    multiline_array: bool,
}

fn tbl() -> impl Strategy<Value = Tbl> {
    (
        any::<bool>(),
        proptest::option::of(comment()),
        proptest::collection::vec((val(), proptest::option::of(comment())), 0..4),
        any::<bool>(),
    )
        .prop_map(|(array, comment_above, kvs, multiline_array)| Tbl {
            array,
            comment_above,
            kvs,
            multiline_array,
        })
}

#[derive(Debug, Clone)]
struct Gen {
    root: Vec<RootItem>,
    model: Option<(String, Option<String>)>,
    model_provider: Option<(String, Option<String>)>,
    /// 0 none, 1 tables, 2 inline, 3 dotted, 4 `[model_providers]` with inline children
    form: u8,
    providers: Vec<Prov>,
    tables: Vec<Tbl>,
    slot: usize,
    crlf: bool,
    final_nl: bool,
    bom: bool,
}

fn gen_doc() -> impl Strategy<Value = Gen> {
    (
        proptest::collection::vec(root_item(), 0..6),
        proptest::option::of((ustr(), proptest::option::of(comment()))),
        proptest::option::of((ustr(), proptest::option::of(comment()))),
        0u8..5,
        proptest::collection::vec(prov(), 1..4),
        proptest::collection::vec(tbl(), 0..4),
        0usize..5,
        any::<bool>(),
        any::<bool>(),
        proptest::bool::weighted(0.1),
    )
        .prop_map(|(root, model, model_provider, form, providers, tables, slot, crlf, final_nl, bom)| Gen {
            root,
            model,
            model_provider,
            form,
            providers,
            tables,
            slot,
            crlf,
            final_nl,
            bom,
        })
}

fn pid(i: usize, p: &Prov) -> String {
    if p.quoted { format!("p{i}.x y") } else { format!("p-{i}") }
}

fn key(id: &str) -> String {
    if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') { id.to_string() } else { esc(id) }
}

fn with_comment(line: String, c: &Option<String>) -> String {
    match c {
        Some(c) => format!("{line} {c}"),
        None => line,
    }
}

struct Doc {
    text: String,
    lines: Vec<(String, Owner)>,
    ids: Vec<String>,
    form: u8,
    crlf: bool,
    final_nl: bool,
    bom: bool,
}

fn inline_provider(i: usize, p: &Prov) -> String {
    let mut s = format!("{{ name = {}, base_url = \"http://h{i}/v1\"", esc(&p.name));
    if p.env {
        s.push_str(&format!(", env_key = \"K{i}\""));
    }
    s.push_str(" }");
    s
}

fn build(g: &Gen) -> Doc {
    let mut lines: Vec<(String, Owner)> = Vec::new();
    let ids: Vec<String> = g.providers.iter().enumerate().map(|(i, p)| pid(i, p)).collect();
    let mut push = |l: String, o: Owner| lines.push((l, o));
    let model_at = g.slot % (g.root.len() + 1);
    for (i, it) in g.root.iter().enumerate() {
        if i == model_at
            && let Some((m, c)) = &g.model
        {
            push(with_comment(format!("model = {}", esc(m)), c), Owner::Root("model"));
        }
        match it {
            RootItem::Comment(c) => push(c.clone(), Owner::Other),
            RootItem::Blank => push(String::new(), Owner::Other),
            RootItem::Kv(style, q, v, c) => {
                let k = match style {
                    0 => format!("k{i}"),
                    1 => esc(&format!("k{i} {q}")),
                    _ => format!("d{i}.{}", esc(q)),
                };
                push(with_comment(format!("{k} = {}", v.text()), c), Owner::Other);
            }
        }
    }
    if model_at == g.root.len()
        && let Some((m, c)) = &g.model
    {
        push(with_comment(format!("model = {}", esc(m)), c), Owner::Root("model"));
    }
    if let Some((m, c)) = &g.model_provider {
        push(with_comment(format!("model_provider = {}", esc(m)), c), Owner::Root("model_provider"));
    }
    match g.form {
        2 => {
            let body: Vec<String> = g
                .providers
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{} = {}", key(&ids[i]), inline_provider(i, p)))
                .collect();
            push(format!("model_providers = {{ {} }}", body.join(", ")), Owner::InlineProviders);
        }
        3 => {
            for (i, p) in g.providers.iter().enumerate() {
                let o = Owner::Provider(ids[i].clone());
                let k = key(&ids[i]);
                push(format!("model_providers.{k}.name = {}", esc(&p.name)), o.clone());
                push(
                    with_comment(format!("model_providers.{k}.base_url = \"http://h{i}/v1\""), &p.url_comment),
                    o.clone(),
                );
                if p.env {
                    push(format!("model_providers.{k}.env_key = \"K{i}\""), o.clone());
                }
            }
        }
        _ => {}
    }
    let mut tables: Vec<Vec<(String, Owner)>> = Vec::new();
    for (t, tb) in g.tables.iter().enumerate() {
        let mut v = vec![(String::new(), Owner::Other)];
        if let Some(c) = &tb.comment_above {
            v.push((c.clone(), Owner::Other));
        }
        v.push((if tb.array { format!("[[arr{t}]]") } else { format!("[t{t}]") }, Owner::Other));
        for (j, (val, c)) in tb.kvs.iter().enumerate() {
            v.push((with_comment(format!("v{j} = {}", val.text()), c), Owner::Other));
        }
        if tb.multiline_array {
            v.push(("ml = [".into(), Owner::Other));
            v.push((format!("  1, # one {t}"), Owner::Other));
            v.push((format!("  \"two{t}\","), Owner::Other));
            v.push(("]".into(), Owner::Other));
        }
        tables.push(v);
    }
    let mut prov_block: Vec<(String, Owner)> = Vec::new();
    match g.form {
        1 => {
            for (i, p) in g.providers.iter().enumerate() {
                let o = Owner::Provider(ids[i].clone());
                prov_block.push((String::new(), Owner::Other));
                if let Some(c) = &p.comment_above {
                    prov_block.push((c.clone(), o.clone()));
                }
                prov_block.push((format!("[model_providers.{}]", key(&ids[i])), o.clone()));
                prov_block.push((format!("name = {}", esc(&p.name)), o.clone()));
                prov_block.push((with_comment(format!("base_url = \"http://h{i}/v1\""), &p.url_comment), o.clone()));
                if p.env {
                    prov_block.push((format!("env_key = \"K{i}\""), o.clone()));
                }
            }
        }
        4 => {
            prov_block.push((String::new(), Owner::Other));
            prov_block.push(("[model_providers]".into(), Owner::Other));
            for (i, p) in g.providers.iter().enumerate() {
                let o = Owner::Provider(ids[i].clone());
                if let Some(c) = &p.comment_above {
                    prov_block.push((c.clone(), o.clone()));
                }
                prov_block.push((format!("{} = {}", key(&ids[i]), inline_provider(i, p)), o));
            }
        }
        _ => {}
    }
    let slot = g.slot.min(tables.len());
    tables.insert(slot, prov_block);
    for t in tables {
        lines.extend(t);
    }
    // Unique comment lines, so the line diff cannot pair up two identical ones.
    for (i, (l, _)) in lines.iter_mut().enumerate() {
        if l.starts_with('#') {
            l.push_str(&format!(" ~{i}"));
        }
    }
    let nl = if g.crlf { "\r\n" } else { "\n" };
    let mut text: String = lines.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>().join(nl);
    if g.final_nl && !text.is_empty() {
        text.push_str(nl);
    }
    let final_nl = text.is_empty() || text.ends_with('\n');
    if g.bom {
        text.insert(0, '\u{feff}');
    }
    // Comment lines directly above a line (no blank line between) belong to its owner.
    for i in (0..lines.len()).rev() {
        if lines[i].0.starts_with('#')
            && lines[i].1 == Owner::Other
            && i + 1 < lines.len()
            && !lines[i + 1].0.is_empty()
        {
            lines[i].1 = lines[i + 1].1.clone();
        }
    }
    Doc { text, lines, ids: if g.form == 0 { vec![] } else { ids }, form: g.form, crlf: g.crlf, final_nl, bom: g.bom }
}

fn split(t: &str) -> Vec<String> {
    let t = t.strip_prefix('\u{feff}').unwrap_or(t);
    let mut v: Vec<String> = t.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).collect();
    if v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

/// Line-level changes: (original line indexes deleted, new lines inserted).
fn changes(old: &str, new: &str) -> (Vec<usize>, Vec<String>) {
    let a = split(old);
    let b = split(new);
    let mut del = Vec::new();
    let mut ins = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        del.extend(op.old_range());
        ins.extend(op.new_range().map(|i| b[i].clone()));
    }
    (del, ins)
}

/// The byte habits of the original survive: BOM, line endings, final newline.
fn same_format(d: &Doc, out: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(out.starts_with('\u{feff}'), d.bom, "BOM changed");
    let body = out.strip_prefix('\u{feff}').unwrap_or(out);
    if d.text.contains("\r\n") {
        prop_assert!(d.crlf);
        prop_assert!(!body.replace("\r\n", "").contains('\n'), "LF in a CRLF file:\n{:?}", out);
    } else if d.text.contains('\n') {
        prop_assert!(!body.contains('\r'), "CR in an LF file");
    }
    if !body.is_empty() && !split(&d.text).is_empty() {
        prop_assert_eq!(body.ends_with('\n'), d.final_nl, "final newline state changed");
    }
    Ok(())
}

fn parse(text: &str) -> ConfigFile {
    ConfigFile::parse(Path::new("c.toml"), text.to_string()).expect("generated document parses")
}

fn reparse(out: &str) -> Result<ConfigFile, TestCaseError> {
    ConfigFile::parse(Path::new("c.toml"), out.to_string())
        .map_err(|e| TestCaseError::fail(format!("result does not parse: {e}\n{out}")))
}

fn spec(name: &str, url: &str, key: &str) -> ProviderSpec {
    ProviderSpec {
        name: Some(name.into()),
        base_url: Some(url.into()),
        env_key: Some(key.into()),
        wire_api: Some("responses".into()),
        ..Default::default()
    }
}

/// Deleted lines that are blank or comments directly tied to what was removed are allowed.
fn owned(d: &Doc, i: usize, pred: &dyn Fn(&Owner) -> bool) -> bool {
    pred(&d.lines[i].1)
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn roundtrip_is_byte_identical(g in gen_doc()) {
        let d = build(&g);
        let f = parse(&d.text);
        prop_assert_eq!(f.render(), d.text);
    }

    #[test]
    fn add_only_inserts_the_new_provider(g in gen_doc()) {
        let d = build(&g);
        let mut f = parse(&d.text);
        let ch = f.upsert_provider("zz-new", &spec("Zed 漢", "http://zz/v1", "ZZ_KEY"), false).unwrap();
        prop_assert_eq!(ch, Change::Added);
        let out = f.render();
        same_format(&d, &out)?;
        let r = reparse(&out)?;
        let p = r.provider("zz-new").unwrap().expect("new provider present");
        prop_assert_eq!(p.str_field("base_url"), Some("http://zz/v1"));
        prop_assert_eq!(p.str_field("name"), Some("Zed 漢"));
        prop_assert_eq!(p.str_field("env_key"), Some("ZZ_KEY"));
        for id in &d.ids {
            prop_assert!(r.provider(id).unwrap().is_some(), "lost provider {}", id);
        }
        let (del, ins) = changes(&d.text, &out);
        for i in &del {
            prop_assert!(
                d.lines[*i].1 == Owner::InlineProviders || (d.form == 4 && d.lines[*i].0.starts_with("[model_providers]")),
                "add removed an unrelated line {:?}\n{}\n---\n{}", d.lines[*i], d.text, out
            );
        }
        for l in &ins {
            prop_assert!(
                l.is_empty() || l.contains("zz-new") || ["name = ", "base_url = ", "env_key = ", "wire_api = "].iter().any(|k| l.starts_with(k)),
                "add inserted an unexpected line {:?}\n{}\n---\n{}", l, d.text, out
            );
        }
        // Outside the inline form, the original is a subsequence of the result, line by line.
        if d.form != 2 && d.form != 4 {
            prop_assert!(del.is_empty(), "{:?}", del);
        }
    }

    #[test]
    fn replace_touches_only_that_providers_keys(g in gen_doc(), which in 0usize..4) {
        let d = build(&g);
        prop_assume!(!d.ids.is_empty());
        let id = d.ids[which % d.ids.len()].clone();
        let mut f = parse(&d.text);
        let s = ProviderSpec { base_url: Some("http://new/v1".into()), env_key: Some("NEW_KEY".into()), ..Default::default() };
        let ch = f.upsert_provider(&id, &s, true).unwrap();
        prop_assert_eq!(ch, Change::Updated);
        let out = f.render();
        same_format(&d, &out)?;
        let r = reparse(&out)?;
        let p = r.provider(&id).unwrap().expect("provider kept");
        prop_assert_eq!(p.str_field("base_url"), Some("http://new/v1"));
        prop_assert_eq!(p.str_field("env_key"), Some("NEW_KEY"));
        let orig = parse(&d.text);
        let old = orig.provider(&id).unwrap().unwrap();
        prop_assert_eq!(p.str_field("name"), old.str_field("name"));
        let (del, ins) = changes(&d.text, &out);
        for i in &del {
            prop_assert!(owned(&d, *i, &|o| *o == Owner::Provider(id.clone()) || *o == Owner::InlineProviders),
                "replace of {} changed an unrelated line {:?}\n{}\n---\n{}", id, d.lines[*i], d.text, out);
        }
        for l in &ins {
            prop_assert!(l.contains("http://new/v1") || l.contains("NEW_KEY"), "unexpected inserted line {:?}\n{}", l, out);
        }
        // Comments on the replaced value survive.
        let pi = g.providers.iter().enumerate().position(|(i, _)| pid(i, &g.providers[i]) == id).unwrap();
        if let Some(c) = &g.providers[pi].url_comment && (d.form == 1 || d.form == 3) {
            prop_assert!(out.contains(&format!("\"http://new/v1\" {c}")), "comment {:?} lost:\n{}", c, out);
        }
        // Same values again: a no-op.
        let mut again = parse(&out);
        prop_assert_eq!(again.upsert_provider(&id, &s, true).unwrap(), Change::Unchanged);
        prop_assert_eq!(again.render(), out);
    }

    #[test]
    fn remove_deletes_only_that_provider(g in gen_doc(), which in 0usize..4) {
        let d = build(&g);
        prop_assume!(!d.ids.is_empty());
        let id = d.ids[which % d.ids.len()].clone();
        let mut f = parse(&d.text);
        prop_assert!(f.remove_provider(&id).unwrap());
        let out = f.render();
        same_format(&d, &out)?;
        let r = reparse(&out)?;
        prop_assert!(r.provider(&id).unwrap().is_none());
        for other in d.ids.iter().filter(|o| **o != id) {
            prop_assert!(r.provider(other).unwrap().is_some(), "removing {} lost {}", id, other);
        }
        let (del, ins) = changes(&d.text, &out);
        for i in &del {
            let (line, o) = &d.lines[*i];
            prop_assert!(
                *o == Owner::Provider(id.clone()) || *o == Owner::InlineProviders || line.is_empty()
                    || (d.form == 4 && line == "[model_providers]"),
                "remove {} deleted an unrelated line {:?}\n{}\n---\n{}", id, line, d.text, out
            );
        }
        for l in &ins {
            prop_assert!(l.starts_with("model_providers = {") || l.is_empty(), "remove inserted {:?}\n{}", l, out);
        }
        prop_assert!(!parse(&out).remove_provider(&id).unwrap());
    }

    #[test]
    fn set_root_str_changes_one_line_before_any_table(g in gen_doc(), v in ustr()) {
        // A newline makes toml_edit write a multi-line string: valid, but not one line.
        let v = v.replace('\n', " ");
        let d = build(&g);
        let mut f = parse(&d.text);
        let changed = f.set_selection(&Selection { provider: Some(v.clone()), ..f.selection() }).unwrap();
        let out = f.render();
        same_format(&d, &out)?;
        let r = reparse(&out)?;
        prop_assert_eq!(r.selection().provider, Some(v.clone()));
        let (del, ins) = changes(&d.text, &out);
        if !changed {
            prop_assert_eq!(&out, &d.text);
        }
        prop_assert!(del.len() <= 1 && ins.len() <= 1, "{:?} {:?}\n{}", del, ins, out);
        for i in &del {
            prop_assert_eq!(&d.lines[*i].1, &Owner::Root("model_provider"), "changed {:?}", d.lines[*i]);
        }
        if let (Some(&i), Some(new)) = (del.first(), ins.first())
            && let Some((_, Some(c))) = &g.model_provider {
            prop_assert!(new.ends_with(c.as_str()), "comment lost: {:?} -> {:?}", d.lines[i].0, new);
        }
        let first_table = split(&out).iter().position(|l| l.starts_with('['));
        let at = split(&out).iter().position(|l| l.starts_with("model_provider = "));
        if let (Some(t), Some(a)) = (first_table, at) {
            prop_assert!(a < t, "model_provider written after the first table:\n{}", out);
        }
    }

    #[test]
    fn remove_root_deletes_only_that_key(g in gen_doc()) {
        let d = build(&g);
        let mut f = parse(&d.text);
        let removed = f.set_selection(&Selection { model: None, ..f.selection() }).unwrap();
        prop_assert_eq!(removed, g.model.is_some());
        let out = f.render();
        same_format(&d, &out)?;
        let r = reparse(&out)?;
        prop_assert!(r.selection().model.is_none());
        let (del, ins) = changes(&d.text, &out);
        prop_assert!(ins.is_empty(), "remove_root inserted {:?}", ins);
        for i in &del {
            prop_assert!(d.lines[*i].1 == Owner::Root("model") || d.lines[*i].0.is_empty(), "remove_root deleted {:?}\n{}\n---\n{}", d.lines[*i], d.text, out);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hard documents (issue 11): the shapes of toml-test and real dotfiles that a re-rendering
// editor got wrong. Quoted and spaced dotted prefixes (`"a" . y`), interleaved dotted keys
// (`a.x`, `b.x`, `a.y`), arrays of tables under respelled prefixes (`[[ "arr" ]]`,
// `[['arr'.sub]]`), a provider's sub-table far from it, mixed line endings (every line its
// own), comments everywhere. For every document and edit: (a) everything outside the owned
// bytes is identical, (b) add then remove is the identity, (c) the result parses and its
// values are the expected ones.

use crate::toml_suite::{one_insertion, to_tagged};
use serde_json::Value as J;

/// One generated line and the provider that owns it, if any.
#[derive(Debug, Clone)]
struct HLine {
    text: String,
    owner: Option<usize>,
}

#[derive(Debug, Clone)]
struct HardGen {
    /// 0: `[model_providers.ID]` tables; 1: dotted lines at the root; 2: dotted lines under
    /// an explicit `[model_providers]`.
    form: u8,
    providers: usize,
    /// Spelling choices, consumed in order (quote style, dot spacing).
    spell: Vec<u8>,
    /// Root dotted keys: (prefix, trailing comment).
    root: Vec<(u8, bool)>,
    /// Which provider has a `http_headers` sub-table at the end of the file (form 0).
    far_sub: Option<usize>,
    /// Comment lines to put before line i (by position, modulo the line count).
    comments: Vec<usize>,
    /// CRLF per line.
    crlf: Vec<bool>,
    final_nl: bool,
}

fn hard_gen() -> impl Strategy<Value = HardGen> {
    (
        0u8..3,
        1usize..4,
        proptest::collection::vec(any::<u8>(), 64),
        proptest::collection::vec((0u8..3, any::<bool>()), 0..6),
        proptest::option::of(0usize..3),
        proptest::collection::vec(0usize..64, 0..8),
        proptest::collection::vec(any::<bool>(), 64),
        any::<bool>(),
    )
        .prop_map(|(form, providers, spell, root, far_sub, comments, crlf, final_nl)| HardGen {
            form,
            providers,
            spell,
            root,
            far_sub: far_sub.filter(|&p| p < providers),
            comments,
            crlf,
            final_nl,
        })
}

struct Speller<'a> {
    choices: &'a [u8],
    at: usize,
}

impl Speller<'_> {
    fn next(&mut self) -> u8 {
        let c = self.choices[self.at % self.choices.len()];
        self.at += 1;
        c
    }
    fn seg(&mut self, s: &str) -> String {
        match self.next() % 3 {
            0 => s.to_string(),
            1 => format!("\"{s}\""),
            _ => format!("'{s}'"),
        }
    }
    fn path(&mut self, segs: &[&str]) -> String {
        let mut out = String::new();
        for (i, s) in segs.iter().enumerate() {
            if i > 0 {
                out.push_str([".", " . ", ". ", " ."][(self.next() % 4) as usize]);
            }
            out.push_str(&self.seg(s));
        }
        out
    }
}

fn pid_h(i: usize) -> String {
    format!("p{i}")
}

/// The document's lines (without line endings) and their owners.
fn hard_lines(g: &HardGen) -> Vec<HLine> {
    let mut sp = Speller { choices: &g.spell, at: 0 };
    let mut lines: Vec<HLine> = Vec::new();
    let line = |t: String, owner: Option<usize>| HLine { text: t, owner };
    let mut leaf = 0;
    let mut root_line = |sp: &mut Speller, (prefix, comment): (u8, bool)| {
        leaf += 1;
        let p = ["a", "b", "c"][prefix as usize];
        let c = if comment { " # about ~" } else { "" };
        line(format!("{} = {leaf}{c}", sp.path(&[p, &format!("x{leaf}")])), None)
    };
    let provider_fields = |i: usize| [("name", format!("\"P{i}\"")), ("base_url", format!("\"http://h{i}/v1\""))];
    // Root: dotted keys, interleaved with dotted provider lines in form 1.
    let mut roots = g.root.iter().copied();
    for i in 0..g.providers {
        if let Some(r) = roots.next() {
            lines.push(root_line(&mut sp, r));
        }
        if g.form == 1 {
            for (k, v) in provider_fields(i) {
                let p = sp.path(&["model_providers", &pid_h(i), k]);
                lines.push(line(format!("{p} = {v}"), Some(i)));
            }
        }
    }
    for r in roots {
        lines.push(root_line(&mut sp, r));
    }
    match g.form {
        0 => {
            for i in 0..g.providers {
                lines.push(line(String::new(), None));
                lines.push(line(format!("[{}]", sp.path(&["model_providers", &pid_h(i)])), Some(i)));
                for (k, v) in provider_fields(i) {
                    lines.push(line(format!("{k} = {v}"), Some(i)));
                }
            }
        }
        2 => {
            lines.push(line(String::new(), None));
            lines.push(line(format!("[{}]", sp.path(&["model_providers"])), None));
            for i in 0..g.providers {
                for (k, v) in provider_fields(i) {
                    lines.push(line(format!("{} = {v}", sp.path(&[&pid_h(i), k])), Some(i)));
                }
            }
        }
        _ => {}
    }
    // Arrays of tables under respelled prefixes, and a dotted table.
    for (i, segs) in [&["arr"][..], &["arr"], &["arr", "sub"], &["t", "u"]].iter().enumerate() {
        lines.push(line(String::new(), None));
        let (open, close) = if i < 3 { ("[[", "]]") } else { ("[", "]") };
        lines.push(line(format!("{open}{}{close}", sp.path(segs)), None));
        lines.push(line(format!("{} = {i}", sp.path(&["k", "v"])), None));
    }
    if let Some(p) = g.far_sub.filter(|_| g.form == 0) {
        lines.push(line(String::new(), None));
        lines.push(line(format!("[{}]", sp.path(&["model_providers", &pid_h(p), "http_headers"])), Some(p)));
        lines.push(line("X-Far = \"1\"".into(), Some(p)));
    }
    for (n, at) in g.comments.iter().enumerate() {
        let at = at % (lines.len() + 1);
        lines.insert(at, line(format!("# comment {n} ~"), None));
    }
    lines
}

struct HardDoc {
    text: String,
    lines: Vec<HLine>,
    /// Comment lines a removal of provider i may take: its paragraphs directly above.
    owned_comments: Vec<Option<usize>>,
}

fn hard_doc(g: &HardGen) -> HardDoc {
    let lines = hard_lines(g);
    let mut text = String::new();
    for (i, l) in lines.iter().enumerate() {
        text.push_str(&l.text);
        if i + 1 < lines.len() || g.final_nl {
            text.push_str(if g.crlf[i % g.crlf.len()] { "\r\n" } else { "\n" });
        }
    }
    // The rule of the config module's doc: a comment paragraph directly above a line is its
    // (never the file's first paragraph); comment lines directly under a provider table's
    // last line, up to a blank line, end that table.
    let is_comment = |i: usize| lines[i].text.starts_with('#');
    let mut owned_comments = vec![None; lines.len()];
    for i in (0..lines.len()).rev() {
        if is_comment(i) && i + 1 < lines.len() {
            owned_comments[i] = if is_comment(i + 1) { owned_comments[i + 1] } else { lines[i + 1].owner };
        }
    }
    for i in (0..lines.len()).take_while(|&i| is_comment(i)) {
        owned_comments[i] = None;
    }
    for i in 1..lines.len() {
        let followed_by_blank = (i..lines.len()).find(|&j| !is_comment(j)).is_none_or(|j| lines[j].text.is_empty());
        if g.form == 0 && is_comment(i) && followed_by_blank && owned_comments[i].is_none() {
            owned_comments[i] = lines[i - 1].owner.or(owned_comments[i - 1]);
        }
    }
    HardDoc { text, lines, owned_comments }
}

fn values(text: &str) -> Result<J, TestCaseError> {
    let doc: toml_edit::DocumentMut =
        text.parse().map_err(|e| TestCaseError::fail(format!("does not parse: {e}\n{text}")))?;
    Ok(to_tagged(doc.as_item()))
}

fn providers_of(v: &mut J) -> Option<&mut serde_json::Map<String, J>> {
    v.as_object_mut()?.get_mut("model_providers")?.as_object_mut()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hard_add_inserts_one_block_and_remove_gives_the_file_back(g in hard_gen()) {
        let d = hard_doc(&g);
        let before = values(&d.text)?;
        let mut f = parse(&d.text);
        prop_assert_eq!(f.render(), d.text.clone());
        prop_assert_eq!(f.upsert_provider("zz-new", &spec("Zed", "http://zz/v1", "ZZ_KEY"), false).unwrap(), Change::Added);
        let out = f.render();
        // (a) for a table-style parent the provider is one block; for dotted ones, lines
        // spelled like their siblings: every original byte is still there, in order.
        if g.form == 0 {
            prop_assert!(one_insertion(&d.text, &out), "add changed bytes outside its block:\n{}\n---\n{}", d.text, out);
        }
        let (del, _) = changes(&d.text, &out);
        prop_assert!(del.is_empty(), "add deleted lines {:?}:\n{}\n---\n{}", del, d.text, out);
        // (c)
        let mut want = before.clone();
        let added = values(&out)?;
        let new = added["model_providers"]["zz-new"].clone();
        prop_assert_eq!(new["name"]["value"].as_str(), Some("Zed"));
        providers_of(&mut want).unwrap().insert("zz-new".into(), new);
        prop_assert_eq!(added, want);
        // (b)
        let mut back = parse(&out);
        prop_assert!(back.remove_provider("zz-new").unwrap());
        prop_assert_eq!(back.render(), d.text);
    }

    #[test]
    fn hard_remove_deletes_only_that_providers_lines(g in hard_gen(), which in 0usize..3) {
        let d = hard_doc(&g);
        let id = pid_h(which % g.providers);
        let mut f = parse(&d.text);
        prop_assert!(f.remove_provider(&id).unwrap());
        let out = f.render();
        let (del, ins) = changes(&d.text, &out);
        prop_assert!(ins.is_empty(), "remove inserted {:?}", ins);
        let who = Some(which % g.providers);
        for i in del {
            let l = &d.lines[i];
            prop_assert!(
                l.owner == who || l.text.is_empty() || d.owned_comments[i] == who,
                "removing {} deleted {:?}:\n{}\n---\n{}", id, l.text, d.text, out
            );
        }
        let mut want = values(&d.text)?;
        let p = providers_of(&mut want).unwrap();
        p.remove(&id);
        if p.is_empty() && g.form != 2 {
            want.as_object_mut().unwrap().remove("model_providers");
        }
        prop_assert_eq!(values(&out)?, want);
    }

    #[test]
    fn hard_use_and_replace_touch_only_their_bytes(g in hard_gen(), which in 0usize..3) {
        let d = hard_doc(&g);
        let id = pid_h(which % g.providers);
        let mut f = parse(&d.text);
        let sel = Selection { provider: Some(id.clone()), model: Some("m 漢".into()) };
        prop_assert!(f.set_selection(&sel).unwrap());
        let used = f.render();
        prop_assert!(one_insertion(&d.text, &used), "use changed bytes outside its lines:\n{}\n---\n{}", d.text, used);
        let mut want = values(&d.text)?;
        want.as_object_mut().unwrap().insert("model_provider".into(), serde_json::json!({"type": "string", "value": id}));
        want.as_object_mut().unwrap().insert("model".into(), serde_json::json!({"type": "string", "value": "m 漢"}));
        prop_assert_eq!(values(&used)?, want);
        let mut r = parse(&d.text);
        let s = ProviderSpec { name: Some("Renamed".into()), env_key: Some("NEW_KEY".into()), ..Default::default() };
        prop_assert_eq!(r.upsert_provider(&id, &s, true).unwrap(), Change::Updated);
        let out = r.render();
        let (del, _) = changes(&d.text, &out);
        for i in del {
            prop_assert_eq!(d.lines[i].owner, Some(which % g.providers), "replace changed {:?}", d.lines[i].text);
        }
        let v = values(&out)?;
        prop_assert_eq!(v["model_providers"][&id]["name"]["value"].as_str(), Some("Renamed"));
        prop_assert_eq!(v["model_providers"][&id]["env_key"]["value"].as_str(), Some("NEW_KEY"));
    }
}
