//! `models [ID]`: the endpoint's model ids (`GET {base}/models`), the configured one marked,
//! and whether the installed Codex has metadata for each (without it Codex warns "Model
//! metadata for X not found" and guesses the context window). The list is remembered for
//! `use` (see `memo`).

use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::cli::ModelsArgs;
use crate::commands::load_layers;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::probe;

pub fn run(args: ModelsArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let sel = layers.selection();
    let id = args.id.clone().unwrap_or_else(|| sel.provider.clone());
    let view = layers.provider(&id)?.ok_or_else(|| layers.unknown_provider(&id))?;
    let configured = (sel.provider == id).then(|| sel.model.clone()).flatten();
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
    let catalog = codex_catalog(files.base.top_str("model_catalog_json").as_deref(), &ctx.codex_home);
    let known = |m: &str| catalog.as_ref().map(|c| c.iter().any(|s| s == m));
    if args.json {
        let out = json!({
            "schema_version": 1,
            "provider": id,
            "base_url": target.base_url,
            "configured": configured,
            "models": ids.iter().map(|m| json!({
                "id": m,
                "configured": configured.as_deref() == Some(m.as_str()),
                "codex_metadata": known(m),
            })).collect::<Vec<_>>(),
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }
    let mut rows = vec![vec![String::new(), "MODEL".to_string(), "CODEX METADATA".into()]];
    for m in &ids {
        let meta = match known(m) {
            Some(true) => "yes",
            Some(false) => "no",
            None => "?",
        };
        let mark = if configured.as_deref() == Some(m.as_str()) { "*" } else { "" };
        rows.push(vec![mark.into(), m.clone(), meta.into()]);
    }
    ctx.ui.data(&crate::ui::table::lines(&rows).join("\n"));
    ctx.ui.status(&format!("{} models at {}.", ids.len(), target.base_url));
    if let Some(m) = &configured
        && !ids.contains(m)
    {
        let near = probe::closest_models(m, &ids);
        let near = if near.is_empty() { String::new() } else { format!(" (closest: {})", near.join(", ")) };
        ctx.ui.warn(&format!("the configured model `{m}` is not listed{near}"));
    }
    if catalog.is_none() {
        ctx.ui.note("no Codex found to ask for its model metadata (set CODEX_BIN or put codex on PATH)");
    }
    Ok(Exit::Ok)
}

/// The slugs Codex has metadata for: `model_catalog_json` when set (relative to the Codex
/// home), else the installed Codex's bundled catalog (`codex debug models --bundled`, asked
/// once per binary by `codex::facts`). None when neither can be read.
fn codex_catalog(catalog_json: Option<&str>, home: &Path) -> Option<Vec<String>> {
    if let Some(p) = catalog_json {
        return crate::catalog::parse_slugs(&std::fs::read_to_string(home.join(p)).ok()?).ok();
    }
    let slugs = &crate::codex::current_in(Some(home)).installed.as_ref()?.1.bundled_slugs;
    (!slugs.is_empty()).then(|| slugs.clone())
}
