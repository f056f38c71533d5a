//! `export [ID]...`: the custom providers of config.toml as a file of `[model_providers.ID]`
//! tables (or JSON) that `apply` reads elsewhere. Never a secret: `experimental_bearer_token`
//! and key-like values are left out, with a note on stderr naming what was omitted.

use serde::Serialize;
use serde_json::Value;

use crate::commands::load_config;
use crate::commands::output::{self, Output, SchemaVersion};
use crate::config::fields::{Fields, providers_toml};

use crate::config::view::Layers;
use crate::ctx::Ctx;
use crate::error::Exit;

/// `fields` without secrets; the dotted names of what was dropped go to `omitted`.
pub(crate) fn without_secrets(id: &str, fields: &Fields, omitted: &mut Vec<String>) -> Fields {
    let mut out = Fields::new();
    for (k, v) in fields {
        if k == "experimental_bearer_token" {
            omitted.push(format!("{id}.{k}"));
            continue;
        }
        match v {
            Value::Object(o) => {
                let kept: Fields = o
                    .iter()
                    .filter(|(sk, sv)| {
                        let secret = sv.as_str().is_some_and(crate::redact::looks_like_secret)
                            || k == "http_headers" && sk.eq_ignore_ascii_case("authorization");
                        if secret {
                            omitted.push(format!("{id}.{k}.{sk}"));
                        }
                        !secret
                    })
                    .map(|(sk, sv)| (sk.clone(), sv.clone()))
                    .collect();
                if !kept.is_empty() {
                    out.insert(k.clone(), Value::Object(kept));
                }
            }
            Value::String(s) if crate::redact::looks_like_secret(s) => omitted.push(format!("{id}.{k}")),
            other => {
                out.insert(k.clone(), other.clone());
            }
        }
    }
    out
}

/// The exported providers (each its fields as JSON) and what was left out.
#[derive(Debug, Serialize)]
pub struct Exported {
    schema_version: SchemaVersion,
    providers: serde_json::Map<String, Value>,
    /// Each provider's model, when one is known (`apply` remembers it with the provider).
    models: std::collections::BTreeMap<String, String>,
    omitted: Vec<String>,
    /// The same providers as a TOML file, for the human rendering.
    #[serde(skip)]
    toml: String,
}

impl Output for Exported {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data(&self.toml);
    }
}

pub fn run(ids: &[String], ctx: &Ctx) -> anyhow::Result<Exit> {
    let cfg = load_config(ctx)?;
    let ids = if ids.is_empty() { cfg.provider_ids()? } else { ids.to_vec() };
    let mut providers = Vec::new();
    let mut omitted = Vec::new();
    for id in &ids {
        let Some(fields) = cfg.provider_fields(id)? else {
            let layers = Layers::new(&cfg, None);
            return Err(layers.unknown_provider(id).into());
        };
        providers.push((id.clone(), without_secrets(id, &fields, &mut omitted)));
    }
    let layers = Layers::new(&cfg, None);
    let models: Vec<(String, String)> = providers
        .iter()
        .filter_map(|(id, _)| Some((id.clone(), crate::memo::model_of(&ctx.codex_home, &layers, id)?.0)))
        .collect();
    let exported = Exported {
        schema_version: SchemaVersion,
        providers: providers.iter().map(|(id, f)| (id.clone(), Value::Object(f.clone()))).collect(),
        models: models.iter().cloned().collect(),
        omitted: omitted.clone(),
        toml: providers_toml(&providers, &models),
    };
    let exit = output::emit(ctx, &exported)?;
    if !omitted.is_empty() {
        ctx.ui.note(&format!(
            "left out (secrets are never exported): {}; give each machine its key with `codex-provider key set ID`",
            omitted.join(", ")
        ));
    }
    Ok(exit)
}
