//! `use`: switch the default provider/model in config.toml, write a profile file selecting a
//! provider, make a profile's selection the default, or go back to the previous default.

use crate::cli::UseArgs;
use crate::commands::add::{switched, warn_no_model};
use crate::commands::{display, load_config, load_layers, load_profile};
use crate::config::edit::{self, ProviderSpec};
use crate::config::view::Layers;
use crate::config::{ConfigFile, MODEL, MODEL_PROVIDER, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::{self, FileOp, Previous, Session};

pub fn run(args: UseArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let dry = args.write.dry_run;
    match (args.id.as_deref(), args.profile.as_deref()) {
        (Some("-"), None) => previous(ctx, dry),
        (Some("-"), Some(_)) => Err(UserError::usage("`use -` takes no --profile").into()),
        (Some(id), None) => set_default(ctx, id, args.model.as_deref(), dry),
        (Some(id), Some(p)) => write_profile(ctx, id, p, args.model.as_deref(), dry),
        (None, Some(p)) => profile_as_default(ctx, p, args.model.as_deref(), dry),
        (None, None) => Err(UserError::usage("missing the provider ID")
            .hint("codex-provider use ID [--model M] (see `codex-provider list`)")
            .into()),
    }
}

fn selection_of(f: &ConfigFile) -> Previous {
    Previous {
        provider: edit::root_str(&f.doc, MODEL_PROVIDER).map(str::to_string),
        model: edit::root_str(&f.doc, MODEL).map(str::to_string),
    }
}

fn warn_legacy(ctx: &Ctx, f: &ConfigFile) {
    if let Some(p) = edit::legacy_profile_selector(&f.doc) {
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
    after: &Previous,
    command: &str,
) -> anyhow::Result<Exit> {
    let before = selection_of(&cfg);
    match &after.provider {
        Some(p) => edit::set_root_str(&mut cfg.doc, MODEL_PROVIDER, p)?,
        None => edit::remove_root(&mut cfg.doc, MODEL_PROVIDER),
    };
    match &after.model {
        Some(m) => edit::set_root_str(&mut cfg.doc, MODEL, m)?,
        None => edit::remove_root(&mut cfg.doc, MODEL),
    };
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
    let layers = Layers { home: ctx.codex_home.clone(), base: cfg.clone(), profile: None };
    require_known(&layers, id)?;
    let before = selection_of(&cfg);
    let after = Previous { provider: Some(id.to_string()), model: model.map(str::to_string).or(before.model.clone()) };
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
    if let Some(p) = &prev.provider {
        let layers = Layers { home: ctx.codex_home.clone(), base: cfg.clone(), profile: None };
        if layers.provider(p)?.is_none() {
            return Err(UserError::refused(format!("the previous provider `{p}` no longer exists"))
                .hint("pick one from `codex-provider list`")
                .into());
        }
    }
    apply_default(ctx, &session, cfg, &prev, "use -")
}

fn write_profile(ctx: &Ctx, id: &str, name: &str, model: Option<&str>, dry: bool) -> anyhow::Result<Exit> {
    ids::check_profile_name(name)?;
    let session = crate::commands::written::begin(ctx, dry)?;
    let cfg = load_config(ctx)?;
    let mut pf = load_profile(ctx, name, false)?;
    let layers = Layers { home: ctx.codex_home.clone(), base: cfg, profile: Some((name.to_string(), pf.clone())) };
    require_known(&layers, id)?;
    edit::set_root_str(&mut pf.doc, MODEL_PROVIDER, id)?;
    if let Some(m) = model {
        edit::set_root_str(&mut pf.doc, MODEL, m)?;
    }
    let created = !pf.existed;
    let ops: Vec<FileOp> = FileOp::from_file(&pf).into_iter().collect();
    if !crate::commands::written::commit(ctx, &session, &format!("use {id} --profile {name}"), &ops)? {
        ctx.ui.status(&format!("Profile `{name}` already selects \"{id}\"; nothing to change."));
        return Ok(Exit::Ok);
    }
    if dry {
        return Ok(Exit::Ok);
    }
    let model = edit::root_str(&pf.doc, MODEL).or(edit::root_str(&layers.base.doc, MODEL));
    ctx.ui.status(&format!(
        "{} {}: provider \"{id}\"{}. Run `codex --profile {name}`.",
        if created { "Created" } else { "Updated" },
        display(ctx, &pf.path),
        model_suffix(model)
    ));
    if edit::legacy_profiles(&layers.base.doc).iter().any(|p| p == name) {
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
    let layers = load_layers(ctx, Some(name))?;
    let (_, pf) = layers.profile.as_ref().expect("loaded with a profile");
    let Some(id) = edit::root_str(&pf.doc, MODEL_PROVIDER).map(str::to_string) else {
        return Err(UserError::refused(format!("profile `{name}` does not set model_provider"))
            .hint(format!("set one with `codex-provider use ID --profile {name}`"))
            .into());
    };
    let mut cfg = layers.base.clone();
    // A provider defined only in the profile file must exist in config.toml to be the default.
    if !ids::is_builtin(&id) && edit::provider(&cfg.doc, &id)?.is_none() {
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
        edit::upsert_provider(&mut cfg.doc, &id, &spec, false)?;
        ctx.ui.note(&format!("copied [model_providers.{id}] from {name}.config.toml into config.toml"));
    }
    let model = model
        .map(str::to_string)
        .or_else(|| edit::root_str(&pf.doc, MODEL).map(str::to_string))
        .or_else(|| edit::root_str(&cfg.doc, MODEL).map(str::to_string));
    let after = Previous { provider: Some(id.clone()), model };
    apply_default(ctx, &session, cfg, &after, &format!("use --profile {name}"))
}
