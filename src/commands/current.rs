//! `current`: the active provider id (just the id, for scripts); `-v` adds the model and sources.

use serde_json::json;

use crate::cli::CurrentArgs;
use crate::commands::load_layers;
use crate::ctx::Ctx;
use crate::error::Exit;

pub fn run(args: CurrentArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let sel = load_layers(ctx, args.profile.as_deref())?.layers().selection();
    if args.json {
        let out = json!({
            "schema_version": 1,
            "provider": sel.provider,
            "model": sel.model,
            "provider_source": sel.provider_source.to_string(),
            "model_source": sel.model_source.as_ref().map(|s| s.to_string()),
            "profile": args.profile,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }
    if ctx.ui.verbose > 0 {
        let model = match (&sel.model, &sel.model_source) {
            (Some(m), Some(s)) => format!("{m} (from {s})"),
            _ => "unset (Codex sends its own default)".into(),
        };
        ctx.ui.data(&format!("provider: {} (from {})\nmodel:    {model}", sel.provider, sel.provider_source));
    } else {
        ctx.ui.data(&sel.provider);
    }
    Ok(Exit::Ok)
}
