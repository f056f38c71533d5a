//! `show ID`: every field with Codex's defaults filled in, where each value comes from, and
//! whether the key variable is set (never its value).

use serde_json::{Map, json};

use crate::cli::ShowArgs;
use crate::commands::{key_presence, load_layers};
use crate::config::view::{FIELD_DEFAULTS, shown_value};
use crate::ctx::Ctx;
use crate::error::Exit;

pub fn run(args: ShowArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, args.profile.as_deref())?;
    let layers = files.layers();
    let id = args.id.clone().unwrap_or_else(|| layers.selection().provider);
    let view = layers.provider(&id)?.ok_or_else(|| layers.unknown_provider(&id))?;
    let active = layers.selection().provider == view.id;
    // Fields as set, then Codex's defaults for the ones not set.
    let mut rows: Vec<(String, String, serde_json::Value, String)> = view
        .fields
        .iter()
        .filter(|(k, _)| k.as_str() != "experimental_bearer_token")
        .map(|(k, (item, src))| {
            let (text, json) = shown_value(item);
            (k.clone(), text, json, src.to_string())
        })
        .collect();
    if view.fields.contains_key("experimental_bearer_token") {
        rows.push((
            "experimental_bearer_token".into(),
            crate::redact::PLACEHOLDER.into(),
            json!(crate::redact::PLACEHOLDER),
            "config.toml".into(),
        ));
    }
    if !view.builtin {
        for (k, v) in FIELD_DEFAULTS {
            if !view.fields.contains_key(*k) {
                rows.push((
                    k.to_string(),
                    v.to_string(),
                    serde_json::from_str(v).unwrap_or(json!(v)),
                    "Codex default".into(),
                ));
            }
        }
    }
    let key = view.env_key().map(|var| (var.to_string(), key_presence(ctx, var)));
    let unknown: Vec<&str> = view.unknown_keys();
    if args.json {
        let mut fields = Map::new();
        for (k, _, j, src) in &rows {
            fields.insert(k.clone(), json!({"value": j, "source": src}));
        }
        let out = json!({
            "schema_version": 1,
            "id": view.id,
            "builtin": view.builtin,
            "active": active,
            "fields": fields,
            "key": key.as_ref().map(|(var, p)| json!({"env_key": var, "set": p.is_set(), "description": p.describe(var)})),
            "unknown_keys": unknown,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }
    let kind = if view.builtin { "built-in" } else { "custom" };
    let mut out = vec![format!("{} ({kind}{})", view.id, if active { ", active" } else { "" })];
    let mut t = vec![vec!["FIELD".to_string(), "VALUE".into(), "SOURCE".into()]];
    for (k, text, _, src) in &rows {
        t.push(vec![k.clone(), text.clone(), src.clone()]);
    }
    out.extend(crate::ui::table::lines(&t).into_iter().map(|l| format!("  {l}")));
    if let Some((var, p)) = &key {
        out.push(format!("  key: {}", p.describe(var)));
    }
    ctx.ui.data(&out.join("\n"));
    for k in unknown {
        let near = crate::config::ids::closest(k, crate::codex::known::provider_fields());
        ctx.ui.warn(&format!(
            "`{k}` is not a provider field; Codex ignores it{}",
            near.map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default()
        ));
    }
    Ok(Exit::Ok)
}
