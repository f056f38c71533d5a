//! The architecture rules of `src/`, as a check anyone can run
//! (`cargo test --test it arch`):
//! - no import cycle among `src/` modules (the graph comes from `crate::…`, `super::…` and
//!   `self::…` paths in code, in `use` trees and inline; a module is a file);
//! - no file over 550 lines except the presets data (`src/presets.rs`);
//! - no `toml_edit` outside `src/config/` (the config door is the only module that knows TOML);
//! - no `print!`/`println!`/`eprint!`/`eprintln!` outside `src/ui/` (or `src/ui.rs`),
//!   `src/main.rs` and `src/lib.rs` (the commands render, the layers below return values);
//! - `ConfigFile`'s document field is not `pub` (every edit goes through its methods);
//! - arrows point down: a module imports only from its own layer or the layers below it, in
//!   the order of [`LAYERS`] (a module missing from the table is a violation too, so a new one
//!   is placed on purpose);
//! - no clap outside `src/cli/` (the commands get plain options);
//! - no `json!` outside the printer (`src/commands/output.rs`) and the modules that build JSON
//!   for another program ([`JSON_BUILDERS`]): every document we print is a typed result;
//! - no platform code outside `src/platform/`: no `std::os::…`, `cfg(unix)`/`cfg(windows)`
//!   (nor `cfg!`, `not(…)`, `target_os`, `target_family`), `libc::` or `windows_sys`.
//!
//! Unit tests (`#[cfg(test)] mod …` to the end of a file) and comments are not read: the rules
//! are about the shipped code. The checker works on a map of path → text, so it is tested on
//! small synthetic trees below.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

const MAX_LINES: usize = 550;

/// The layers of `src/`, top to bottom: the CLI, the verbs, the services the verbs compose
/// (with `codex`: the runner, the questions to the installed binary and its cached facts,
/// which start processes and use the store's folder and scratch copies of config), the file
/// door and our state, the pure Codex facts (its keys, provider schema and version numbers),
/// and the leaves everyone uses. A name is a top-level module or a submodule path (the
/// longest prefix wins).
const LAYERS: &[&[&str]] = &[
    &["cli"],
    &["commands"],
    &["doctor", "probe_codex"],
    &["probe", "catalog", "bridge", "memo", "threads", "codex", "auth_command", "keychain"],
    &["store"],
    &["config", "presets", "endpoint", "ctx"],
    &["codex::known", "codex::provider", "codex::version", "home"],
    &["ui", "testpoint"],
    &["env", "error", "interrupt", "redact"],
    &["platform"],
];

/// Where `json!` may build JSON that is not our output: HTTP request bodies and the stream
/// events the probe replays (the wire), and the model catalog file Codex reads.
const JSON_BUILDERS: &[&str] = &["src/probe/wire.rs", "src/probe/sse.rs", "src/catalog.rs"];
const PRINTER: &str = "src/commands/output.rs";
const LONG_FILE_EXEMPT: &[&str] = &["src/presets.rs"];
/// What marks code as one platform's (allowed in `src/platform/` only).
const PLATFORM_MARKS: &[&str] = &[
    "std::os::",
    "cfg(unix",
    "cfg(windows",
    "cfg!(unix",
    "cfg!(windows",
    "not(unix",
    "not(windows",
    "target_os",
    "target_family",
    "libc::",
    "windows_sys",
];

/// Every `.rs` file under `src/`, by path relative to the repository (`src/a/b.rs`).
fn read_src(root: &Path) -> BTreeMap<String, String> {
    crate::support::snapshot(&root.join("src"))
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".rs"))
        .map(|(rel, bytes)| (format!("src/{}", rel.replace('\\', "/")), String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// `src/a/b.rs` and `src/a/b/mod.rs` → `a::b`; the crate roots are `crate`.
fn module_of(path: &str) -> String {
    let p = path.strip_prefix("src/").unwrap_or(path).trim_end_matches(".rs");
    let p = p.strip_suffix("/mod").unwrap_or(p);
    if p == "lib" || p == "main" { "crate".into() } else { p.replace('/', "::") }
}

/// The code the rules read: comments cut, the trailing unit-test module dropped.
fn code_of(text: &str) -> String {
    let inline_test_mod = text
        .match_indices("#[cfg(test)]\nmod ")
        .map(|(i, _)| i)
        .find(|&i| text[i..].lines().nth(1).is_some_and(|l| l.trim_end().ends_with('{')));
    let text = inline_test_mod.map_or(text, |i| &text[..i]);
    text.lines().map(|l| l.split_once("//").map_or(l, |(code, _)| code)).collect::<Vec<_>>().join("\n")
}

/// Expands a `use` tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let (Some(open), Some(close)) = (tree.find('{'), tree.rfind('}')) else { return vec![tree] };
    if close < open {
        return vec![tree];
    }
    let (prefix, rest) = (&tree[..open], &tree[open + 1..close]);
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&rest[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&rest[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).flat_map(|p| expand_use(&format!("{prefix}{p}"))).collect()
}

/// Every path in `code` that starts with `crate::`, `super::` or `self::`.
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let t = line.trim_start();
        let stmt = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "].iter().find(|p| t.starts_with(**p));
        if let Some(p) = stmt {
            let start = offset + (line.len() - t.len()) + p.len();
            let end = code[start..].find(';').map_or(code.len(), |e| start + e);
            out.extend(expand_use(&code[start..end]));
        }
        offset += line.len();
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':') {
                continue;
            }
            let len =
                code[i..].find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(code.len() - i);
            out.push(code[i..i + len].to_string());
        }
    }
    out.retain(|p| p.starts_with("crate::") || p.starts_with("super::") || p.starts_with("self::"));
    out
}

/// The module a path names, as the longest known module prefix of its absolute form.
fn resolve(from: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = if from == "crate" { vec![] } else { from.split("::").collect() };
    match segs.first() {
        Some(&"crate") => base.clear(),
        Some(&"self") => {}
        Some(&"super") => {
            base.pop();
        }
        _ => return None,
    }
    segs.remove(0);
    while segs.first() == Some(&"super") {
        base.pop();
        segs.remove(0);
    }
    let full: Vec<&str> = base.into_iter().chain(segs).collect();
    (1..=full.len()).rev().map(|n| full[..n].join("::")).find(|m| modules.contains(m))
}

/// The module graph: module → the modules it names.
fn graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.keys().map(|p| module_of(p)).filter(|m| m != "crate").collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for (path, text) in files {
        let from = module_of(path);
        if from == "crate" {
            continue; // the roots sit above everything
        }
        for p in paths_in(&code_of(text)) {
            if let Some(to) = resolve(&from, &p, &modules)
                && to != from
            {
                g.get_mut(&from).unwrap().insert(to);
            }
        }
    }
    g
}

/// One cycle per strongly connected component of more than one module, as `a → b → a`.
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for start in g.keys() {
        if seen.contains(start) {
            continue;
        }
        // Shortest path from `start` back to itself, if any.
        let mut prev: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::from([start.as_str()]);
        let mut found = false;
        while let Some(n) = queue.pop_front() {
            for m in &g[n] {
                if m == start {
                    prev.insert("", n);
                    found = true;
                    break;
                }
                if !prev.contains_key(m.as_str()) {
                    prev.insert(m, n);
                    queue.push_back(m);
                }
            }
            if found {
                break;
            }
        }
        if !found {
            continue;
        }
        let mut path = vec![start.as_str()];
        let mut at = prev[""];
        while at != start {
            path.push(at);
            at = prev[at];
        }
        path[1..].reverse();
        path.push(start);
        seen.extend(path.iter().map(|s| s.to_string()));
        out.push(format!("import cycle: {}", path.join(" → ")));
    }
    out
}

/// The layer of `module` (0 is the top), by the longest matching name in `layers`.
fn layer_of(module: &str, layers: &[&[&str]]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, names) in layers.iter().enumerate() {
        for n in *names {
            let hit = module == *n || module.starts_with(&format!("{n}::"));
            if hit && best.is_none_or(|(len, _)| n.len() > len) {
                best = Some((n.len(), i));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// Every import that points up the layer order, and every module without a layer.
fn layer_violations(g: &BTreeMap<String, BTreeSet<String>>, layers: &[&[&str]]) -> Vec<String> {
    let mut out = Vec::new();
    for (from, tos) in g {
        let Some(lf) = layer_of(from, layers) else {
            if !from.contains("::") {
                out.push(format!("module `{from}` is in no layer (add it to LAYERS in tests/it/arch.rs)"));
            }
            continue;
        };
        for to in tos {
            if let Some(lt) = layer_of(to, layers)
                && lt < lf
            {
                out.push(format!("`{from}` (layer {lf}) imports `{to}` (layer {lt}), above it"));
            }
        }
    }
    out
}

/// Every violation of the rules in the module doc, one line each.
pub fn violations(files: &BTreeMap<String, String>) -> Vec<String> {
    rules(files, LAYERS)
}

/// The rules, with `layers` as the layer order (empty: no layer rule).
fn rules(files: &BTreeMap<String, String>, layers: &[&[&str]]) -> Vec<String> {
    let g = graph(files);
    let mut out = cycles(&g);
    if !layers.is_empty() {
        out.extend(layer_violations(&g, layers));
    }
    for (path, text) in files {
        let lines = text.lines().count();
        if lines > MAX_LINES && !LONG_FILE_EXEMPT.contains(&path.as_str()) {
            out.push(format!("{path}: {lines} lines (at most {MAX_LINES})"));
        }
        let code = code_of(text);
        if !path.starts_with("src/config/") && code.contains("toml_edit") {
            out.push(format!("{path}: uses toml_edit outside src/config/"));
        }
        let may_print =
            path.starts_with("src/ui/") || ["src/ui.rs", "src/main.rs", "src/lib.rs"].contains(&path.as_str());
        if !may_print {
            for (n, line) in code.lines().enumerate() {
                let hit = ["print!(", "println!(", "eprint!(", "eprintln!("].iter().any(|m| {
                    line.match_indices(m).any(|(i, _)| i == 0 || !line.as_bytes()[i - 1].is_ascii_alphanumeric())
                });
                if hit {
                    out.push(format!("{path}:{}: prints outside src/ui/: {}", n + 1, line.trim()));
                }
            }
        }
        if !path.starts_with("src/cli/")
            && ["clap::", "clap_complete", "#[arg(", "#[command("].iter().any(|c| code.contains(c))
        {
            out.push(format!("{path}: uses clap outside src/cli/"));
        }
        if path != PRINTER && !JSON_BUILDERS.contains(&path.as_str()) && code.contains("json!(") {
            out.push(format!("{path}: builds JSON with json! outside the printer ({PRINTER})"));
        }
        if !path.starts_with("src/platform/") {
            for (n, line) in code.lines().enumerate() {
                if PLATFORM_MARKS.iter().any(|m| line.contains(m)) {
                    out.push(format!("{path}:{}: platform code outside src/platform/: {}", n + 1, line.trim()));
                }
            }
        }
        if let Some(i) = code.find("struct ConfigFile {") {
            let body = &code[i..i + code[i..].find('}').unwrap_or(code.len() - i)];
            // Visible to the config module only (`pub(super)`, `pub(in crate::config)`) is the
            // door kept shut; `pub` and `pub(crate)` open it.
            let private = |l: &str| l.starts_with("pub(super)") || l.starts_with("pub(in crate::config)");
            for field in body.lines().map(str::trim).filter(|l| l.starts_with("pub") && !private(l)) {
                if field.contains("DocumentMut") || field.split(':').next().is_some_and(|n| n.ends_with(" doc")) {
                    out.push(format!("{path}: ConfigFile's document is public: {field}"));
                }
            }
        }
    }
    out
}

#[test]
fn src_follows_the_architecture_rules() {
    let v = violations(&read_src(Path::new(env!("CARGO_MANIFEST_DIR"))));
    assert!(v.is_empty(), "{} architecture violations:\n{}", v.len(), v.join("\n"));
}

#[cfg(test)]
mod checker {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
    }

    #[test]
    fn a_cycle_is_found_and_printed() {
        let t = tree(&[
            ("src/lib.rs", "mod a; mod b; mod c;"),
            ("src/a.rs", "use crate::b::B;\n"),
            ("src/b.rs", "pub fn f() { crate::c::g() }\n"),
            ("src/c/mod.rs", "use crate::{x, a::{A, Z}};\nmod d;\n"),
            ("src/c/d.rs", "use super::super::a;\n"),
        ]);
        assert_eq!(rules(&t, &[]), ["import cycle: a → b → c → a"]);
    }

    #[test]
    fn super_inside_a_file_and_a_down_pointing_tree_pass() {
        let t = tree(&[
            ("src/lib.rs", "pub mod a; pub mod b;\nuse crate::a::x;\nfn main() { println!(\"ok\") }\n"),
            ("src/a/mod.rs", "mod x;\npub use x::X;\n// use crate::b; (a comment, not an import)\n"),
            ("src/a/x.rs", "use super::super::b::B;\nuse super::Thing;\n"),
            ("src/b.rs", "pub struct B;\n#[cfg(test)]\nmod tests {\n    use crate::a::X;\n}\n"),
        ]);
        assert_eq!(rules(&t, &[]), Vec::<String>::new());
        let g = graph(&t);
        assert_eq!(g["a::x"], BTreeSet::from(["a".to_string(), "b".to_string()]));
    }

    #[test]
    fn the_other_rules_are_enforced() {
        let long = "fn f() {}\n".repeat(MAX_LINES + 1);
        let t = tree(&[
            ("src/store.rs", "use toml_edit::DocumentMut;\nfn f() { eprintln!(\"x\"); }\n"),
            ("src/ui/mod.rs", "fn f() { print!(\"fine here\"); }\n"),
            (
                "src/config/file.rs",
                "use toml_edit::DocumentMut;\npub struct ConfigFile {\n    pub doc: DocumentMut,\n    pub(in crate::config) kept: DocumentMut,\n}\n",
            ),
            ("src/presets.rs", &long),
            ("src/big.rs", &long),
            (
                "src/bridge.rs",
                "#[cfg(unix)]\nuse std::os::unix::fs::PermissionsExt;\n#[cfg(test)]\nmod tests {\n    #[cfg(windows)]\n    fn t() {}\n}\n",
            ),
            ("src/platform/fs.rs", "#[cfg(unix)]\nuse std::os::unix::fs::PermissionsExt;\n"),
        ]);
        let v = rules(&t, &[]);
        assert!(v.iter().any(|l| l.starts_with("src/big.rs: 551 lines")), "{v:?}");
        assert!(!v.iter().any(|l| l.starts_with("src/presets.rs")), "{v:?}");
        assert!(v.contains(&"src/store.rs: uses toml_edit outside src/config/".to_string()), "{v:?}");
        assert!(v.iter().any(|l| l.starts_with("src/store.rs:2: prints outside src/ui/")), "{v:?}");
        assert!(v.iter().any(|l| l.starts_with("src/config/file.rs: ConfigFile's document is public")), "{v:?}");
        assert!(v.contains(&"src/bridge.rs:1: platform code outside src/platform/: #[cfg(unix)]".to_string()), "{v:?}");
        assert!(v.iter().any(|l| l.starts_with("src/bridge.rs:2: platform code outside")), "{v:?}");
        assert_eq!(v.len(), 6, "{v:?}");
    }

    #[test]
    fn clap_and_json_stay_in_their_places() {
        let t = tree(&[
            ("src/cli/mod.rs", "#[derive(clap::Parser)]\nstruct Cli;\n"),
            ("src/commands/list.rs", "use clap::Args;\nfn f() { let v = serde_json::json!({}); }\n"),
            ("src/commands/output.rs", "fn f() { let v = serde_json::json!({}); }\n"),
            ("src/probe/wire.rs", "fn body() { let v = serde_json::json!({\"model\": 1}); }\n"),
        ]);
        let v = violations(&t);
        assert!(v.contains(&"src/commands/list.rs: uses clap outside src/cli/".to_string()), "{v:?}");
        assert!(v.iter().any(|l| l.starts_with("src/commands/list.rs: builds JSON with json!")), "{v:?}");
        assert!(
            !v.iter().any(|l| l.starts_with("src/cli/") || l.contains("output.rs:") || l.contains("wire.rs")),
            "{v:?}"
        );
    }

    #[test]
    fn an_import_up_the_layers_is_found() {
        let layers: &[&[&str]] = &[&["top"], &["mid", "low::deep"], &["low"]];
        let t = tree(&[
            ("src/lib.rs", "mod top; mod mid; mod low; mod stray;"),
            ("src/top.rs", "use crate::mid::M;\n"),
            ("src/mid.rs", "use crate::low::L;\n"),
            ("src/low/mod.rs", "mod deep;\npub struct L;\n"),
            ("src/low/deep.rs", "use crate::mid::M;\n"),
            ("src/stray.rs", "use crate::top::T;\n"),
        ]);
        // low::deep sits in mid's layer (longest prefix), so its import of mid is level.
        assert_eq!(rules(&t, layers), ["module `stray` is in no layer (add it to LAYERS in tests/it/arch.rs)"]);
        let t =
            tree(&[("src/lib.rs", "mod top; mod low;"), ("src/top.rs", ""), ("src/low.rs", "use crate::top::T;\n")]);
        assert_eq!(rules(&t, layers), ["`low` (layer 2) imports `top` (layer 0), above it"]);
    }
}
