//! `show ID`: every field with Codex's defaults filled in, where each value comes from, and
//! whether the key variable is set (never its value).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::{key_presence, load_layers};
use crate::config::view::{FIELD_DEFAULTS, shown_value};
use crate::ctx::Ctx;
use crate::error::Exit;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The provider [default: the active one].
    pub id: Option<String>,
    /// `--profile NAME`: layer NAME.config.toml over config.toml.
    pub profile: Option<String>,
}

/// One field: its value as JSON, and where it comes from.
#[derive(Debug, Serialize)]
struct Field {
    value: Value,
    source: String,
    /// The value as the table shows it.
    #[serde(skip)]
    text: String,
}

/// Whether the key variable is set (never its value).
#[derive(Debug, Serialize)]
struct Key {
    env_key: String,
    set: bool,
    description: String,
}

#[derive(Debug, Serialize)]
struct Shown {
    schema_version: SchemaVersion,
    id: String,
    builtin: bool,
    active: bool,
    fields: BTreeMap<String, Field>,
    key: Option<Key>,
    unknown_keys: Vec<String>,
    /// The table's row order: the fields as set, then Codex's defaults.
    #[serde(skip)]
    order: Vec<String>,
}

impl Output for Shown {
    fn human(&self, ctx: &Ctx) {
        let kind = if self.builtin { "built-in" } else { "custom" };
        let mut out = vec![format!("{} ({kind}{})", self.id, if self.active { ", active" } else { "" })];
        let mut t = vec![vec!["FIELD".to_string(), "VALUE".into(), "SOURCE".into()]];
        for k in &self.order {
            let f = &self.fields[k];
            t.push(vec![k.clone(), f.text.clone(), f.source.clone()]);
        }
        out.extend(crate::ui::table::lines(&t).into_iter().map(|l| format!("  {l}")));
        if let Some(k) = &self.key {
            out.push(format!("  key: {}", k.description));
        }
        ctx.ui.data(&out.join("\n"));
        for k in &self.unknown_keys {
            let near = crate::config::ids::closest(k, crate::codex::known::provider_fields());
            ctx.ui.warn(&format!(
                "`{k}` is not a provider field; Codex ignores it{}",
                near.map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default()
            ));
        }
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, args.profile.as_deref())?;
    let layers = files.layers();
    let id = args.id.clone().unwrap_or_else(|| layers.selection().provider);
    let view = layers.provider(&id)?.ok_or_else(|| layers.unknown_provider(&id))?;
    let active = layers.selection().provider == view.id;
    // Fields as set, then Codex's defaults for the ones not set.
    let mut rows: Vec<(String, Field)> = view
        .fields
        .iter()
        .filter(|(k, _)| k.as_str() != "experimental_bearer_token")
        .map(|(k, (item, src))| {
            let (text, value) = shown_value(item);
            (k.clone(), Field { value, source: src.to_string(), text })
        })
        .collect();
    if view.fields.contains_key("experimental_bearer_token") {
        let hidden = crate::redact::PLACEHOLDER.to_string();
        let field = Field { value: Value::String(hidden.clone()), source: "config.toml".into(), text: hidden };
        rows.push(("experimental_bearer_token".into(), field));
    }
    if !view.builtin {
        for (k, v) in FIELD_DEFAULTS {
            if !view.fields.contains_key(*k) {
                let value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.to_string()));
                rows.push((k.to_string(), Field { value, source: "Codex default".into(), text: v.to_string() }));
            }
        }
    }
    let key = view.env_key().map(|var| {
        let p = key_presence(ctx, var);
        Key { env_key: var.to_string(), set: p.is_set(), description: p.describe(var) }
    });
    let shown = Shown {
        schema_version: SchemaVersion,
        id: view.id.clone(),
        builtin: view.builtin,
        active,
        order: rows.iter().map(|(k, _)| k.clone()).collect(),
        fields: rows.into_iter().collect(),
        key,
        unknown_keys: view.unknown_keys().into_iter().map(str::to_string).collect(),
    };
    output::emit(ctx, &shown)
}
