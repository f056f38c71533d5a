//! `models [ID]`: the endpoint's model ids (`GET {base}/models`), the configured one marked,
//! and whether the installed Codex has metadata for each (without it Codex warns "Model
//! metadata for X not found" and guesses the context window). The list is remembered for
//! `use` (see `memo`).

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::commands::load_layers;
use crate::commands::output::{self, Output, SchemaVersion};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::probe;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The provider [default: the active one].
    pub id: Option<String>,
    pub timeout: Duration,
}

#[derive(Debug, Serialize)]
struct Model {
    id: String,
    configured: bool,
    /// Whether the installed Codex (or `model_catalog_json`) has metadata for it; null when
    /// that could not be read.
    codex_metadata: Option<bool>,
}

#[derive(Debug, Serialize)]
struct Models {
    schema_version: SchemaVersion,
    provider: String,
    base_url: String,
    configured: Option<String>,
    models: Vec<Model>,
    /// Whether Codex's model metadata could be read at all.
    #[serde(skip)]
    metadata_read: bool,
}

impl Output for Models {
    fn human(&self, ctx: &Ctx) {
        let mut rows = vec![vec![String::new(), "MODEL".to_string(), "CODEX METADATA".into()]];
        for m in &self.models {
            let meta = match m.codex_metadata {
                Some(true) => "yes",
                Some(false) => "no",
                None => "?",
            };
            rows.push(vec![if m.configured { "*" } else { "" }.into(), m.id.clone(), meta.into()]);
        }
        ctx.ui.data(&crate::ui::table::lines(&rows).join("\n"));
        ctx.ui.status(&format!("{} models at {}.", self.models.len(), self.base_url));
        let ids: Vec<String> = self.models.iter().map(|m| m.id.clone()).collect();
        if let Some(m) = &self.configured
            && !ids.contains(m)
        {
            let near = probe::closest_models(m, &ids);
            let near = if near.is_empty() { String::new() } else { format!(" (closest: {})", near.join(", ")) };
            ctx.ui.warn(&format!("the configured model `{m}` is not listed{near}"));
        }
        if !self.metadata_read {
            ctx.ui.note("no Codex found to ask for its model metadata (set CODEX_BIN or put codex on PATH)");
        }
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let sel = layers.selection();
    let id = args.id.clone().unwrap_or_else(|| sel.provider.clone());
    let view = layers.provider(&id)?.ok_or_else(|| layers.unknown_provider(&id))?;
    // The provider's own model (the selection's when it is the active one).
    let configured = crate::memo::model_of(&ctx.codex_home, &layers, &id).map(|(m, _)| m);
    let target = probe::Target::from_provider(&view, None, &ctx.codex_home);
    let opts = probe::Options {
        timeout: args.timeout,
        connect_timeout: args.timeout.min(Duration::from_secs(5)),
        ..Default::default()
    };
    let ids = probe::list_models(&target, &opts).map_err(|why| {
        UserError::refused(format!("no model list from `{id}`: {why}"))
            .hint(format!("`codex-provider probe {id}` checks the endpoint"))
    })?;
    crate::memo::save_models(&ctx.codex_home, &id, &ids)?;
    let catalog = codex_catalog(files.base.root_string("model_catalog_json").as_deref(), &ctx.codex_home);
    let models = ids
        .iter()
        .map(|m| Model {
            id: m.clone(),
            configured: configured.as_deref() == Some(m.as_str()),
            codex_metadata: catalog.as_ref().map(|c| c.iter().any(|s| s == m)),
        })
        .collect();
    output::emit(
        ctx,
        &Models {
            schema_version: SchemaVersion,
            provider: id,
            base_url: target.base_url.clone(),
            configured,
            models,
            metadata_read: catalog.is_some(),
        },
    )
}

/// The slugs Codex has metadata for: `model_catalog_json` when set (relative to the Codex
/// home), else the installed Codex's bundled catalog (`codex debug models --bundled`, through
/// `catalog`'s reader). None when neither can be read.
fn codex_catalog(catalog_json: Option<&str>, home: &Path) -> Option<Vec<String>> {
    if let Some(p) = catalog_json {
        return crate::catalog::parse_slugs(&std::fs::read_to_string(home.join(p)).ok()?).ok();
    }
    let entries = crate::catalog::bundled_from_codex(&crate::codex::installed()?.bin).ok()?;
    Some(entries.iter().filter_map(|e| e.get("slug").and_then(|s| s.as_str()).map(str::to_string)).collect())
}
