//! `use`: switch the default provider/model in config.toml, write a profile file selecting a
//! provider, make a profile's selection the default, or go back to the previous default.

use crate::cli::UseArgs;
use crate::commands::add::{switched, warn_no_model};
use crate::commands::{display, load_config, load_layers, load_profile};
use crate::config::{ConfigFile, Layers, ProviderSpec, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::{self, FileOp, Session};

pub fn run(args: UseArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let dry = args.write.dry_run;
    match (args.id.as_deref(), args.profile.as_deref()) {
        (Some("-"), None) => previous(ctx, dry),
        (Some("-"), Some(_)) => Err(UserError::usage("`use -` takes no --profile").into()),
        (Some(id), None) => set_default(ctx, id, args.model.as_deref(), dry),
        (Some(id), Some(p)) => write_profile(ctx, id, p, args.model.as_deref(), dry),
        (None, Some(p)) => profile_as_default(ctx, p, args.model.as_deref(), dry),
        // On a terminal, pick one (the model step is then `use ID`'s own).
        (None, None) if ctx.interactive => set_default(ctx, &super::pick::provider(ctx)?, args.model.as_deref(), dry),
        (None, None) => Err(UserError::usage("missing the provider ID")
            .hint("codex-provider use ID [--model M] (see `codex-provider list`)")
            .into()),
    }
}

fn warn_legacy(ctx: &Ctx, f: &ConfigFile) {
    if let Some(p) = f.legacy_profile_selector() {
        ctx.ui.warn(&format!(
            "config.toml has the legacy `profile = \"{p}\"`, which stops Codex 0.134+ from starting; run `codex-provider profile migrate`"
        ));
    }
}

/// Writes `after` as the default selection in config.toml and remembers `before` for `use -`.
fn apply_default(
    ctx: &Ctx,
    session: &Session,
    mut cfg: ConfigFile,
    after: &Selection,
    command: &str,
) -> anyhow::Result<Exit> {
    let before = cfg.selection();
    cfg.set_selection(after)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let id = after.provider.as_deref().unwrap_or("openai");
    if !crate::commands::written::commit(ctx, session, command, &ops)? {
        ctx.ui.status(&format!(
            "Already using provider \"{id}\"{}; nothing to change.",
            model_suffix(after.model.as_deref())
        ));
        return Ok(Exit::Ok);
    }
    if session.dry_run() {
        return Ok(Exit::Ok);
    }
    store::write_previous(&ctx.codex_home, &before)?;
    ctx.ui.status(&switched(id, after.model.as_deref()));
    warn_legacy(ctx, &cfg);
    if after.model.is_none() && id != "openai" {
        warn_no_model(ctx);
    }
    Ok(Exit::Ok)
}

fn model_suffix(m: Option<&str>) -> String {
    m.map(|m| format!(" (model \"{m}\")")).unwrap_or_default()
}

fn require_known(layers: &Layers, id: &str) -> Result<(), UserError> {
    if layers.provider(id)?.is_none() {
        return Err(layers.unknown_provider(id));
    }
    Ok(())
}

fn set_default(ctx: &Ctx, id: &str, model: Option<&str>, dry: bool) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, dry)?;
    let cfg = load_config(ctx)?;
    require_known(&Layers::new(&cfg, None), id)?;
    let before = cfg.selection();
    let after = Selection { provider: Some(id.to_string()), model: model.map(str::to_string).or(before.model.clone()) };
    if model.is_none() && before.model.is_some() && before.provider.as_deref() != Some(id) {
        ctx.ui.note(&format!(
            "kept model \"{}\"; pass --model to change it",
            before.model.as_deref().unwrap_or_default()
        ));
    }
    apply_default(ctx, &session, cfg, &after, &format!("use {id}"))
}

fn previous(ctx: &Ctx, dry: bool) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, dry)?;
    let Some(prev) = store::read_previous(&ctx.codex_home) else {
        return Err(UserError::refused("no previous default recorded yet")
            .hint("`use -` goes back after a `codex-provider use ID`")
            .into());
    };
    let cfg = load_config(ctx)?;
    if let Some(p) = &prev.provider
        && Layers::new(&cfg, None).provider(p)?.is_none()
    {
        return Err(UserError::refused(format!("the previous provider `{p}` no longer exists"))
            .hint("pick one from `codex-provider list`")
            .into());
    }
    apply_default(ctx, &session, cfg, &prev, "use -")
}

fn write_profile(ctx: &Ctx, id: &str, name: &str, model: Option<&str>, dry: bool) -> anyhow::Result<Exit> {
    ids::check_profile_name(name)?;
    let session = crate::commands::written::begin(ctx, dry)?;
    let cfg = load_config(ctx)?;
    let mut pf = load_profile(ctx, name, false)?;
    require_known(&Layers::new(&cfg, Some((name, &pf))), id)?;
    let model = model.map(str::to_string).or(pf.selection().model);
    pf.set_selection(&Selection { provider: Some(id.to_string()), model })?;
    let created = !pf.existed;
    let ops: Vec<FileOp> = FileOp::from_file(&pf).into_iter().collect();
    if !crate::commands::written::commit(ctx, &session, &format!("use {id} --profile {name}"), &ops)? {
        ctx.ui.status(&format!("Profile `{name}` already selects \"{id}\"; nothing to change."));
        return Ok(Exit::Ok);
    }
    if dry {
        return Ok(Exit::Ok);
    }
    let model = pf.selection().model.or(cfg.selection().model);
    ctx.ui.status(&format!(
        "{} {}: provider \"{id}\"{}. Run `codex --profile {name}`.",
        if created { "Created" } else { "Updated" },
        display(ctx, &pf.path),
        model_suffix(model.as_deref())
    ));
    if cfg.legacy_profiles().iter().any(|p| p == name) {
        ctx.ui.warn(&format!(
            "config.toml still has a legacy [profiles.{name}] table, so `codex --profile {name}` fails; run `codex-provider profile migrate`"
        ));
    }
    if model.is_none() {
        warn_no_model(ctx);
    }
    Ok(Exit::Ok)
}

fn profile_as_default(ctx: &Ctx, name: &str, model: Option<&str>, dry: bool) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, dry)?;
    let files = load_layers(ctx, Some(name))?;
    let layers = files.layers();
    let (_, pf) = layers.profile().expect("loaded with a profile");
    let Some(id) = pf.selection().provider else {
        return Err(UserError::refused(format!("profile `{name}` does not set model_provider"))
            .hint(format!("set one with `codex-provider use ID --profile {name}`"))
            .into());
    };
    let mut cfg = files.base.clone();
    // A provider defined only in the profile file must exist in config.toml to be the default.
    if !ids::is_builtin(&id) && cfg.provider(&id)?.is_none() {
        let view = layers.provider(&id)?.ok_or_else(|| layers.unknown_provider(&id))?;
        let spec = ProviderSpec {
            name: view.name().map(str::to_string),
            base_url: view.base_url().map(str::to_string),
            env_key: view.env_key().map(str::to_string),
            wire_api: Some("responses".into()),
            query_params: view.map_field("query_params"),
            http_headers: view.map_field("http_headers"),
            env_http_headers: view.map_field("env_http_headers"),
        };
        cfg.upsert_provider(&id, &spec, false)?;
        ctx.ui.note(&format!("copied [model_providers.{id}] from {name}.config.toml into config.toml"));
    }
    let model = model.map(str::to_string).or_else(|| pf.selection().model).or_else(|| cfg.selection().model);
    let after = Selection { provider: Some(id.clone()), model };
    apply_default(ctx, &session, cfg, &after, &format!("use --profile {name}"))
}
