//! `use`: switch the default provider/model in config.toml, write a profile file selecting a
//! provider, make a profile's selection the default, or go back to the previous default.

use crate::cli::UseArgs;
use crate::commands::add::{switched, warn_no_model};
use crate::commands::{display, key_presence, load_config, load_layers, load_profile, outcome};
use crate::config::{ConfigFile, Layers, ProviderSpec, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store::{self, FileOp, Session};

/// How to write and report: `--force`, `--dry-run`, `--json`.
#[derive(Clone, Copy)]
struct Mode {
    force: bool,
    dry: bool,
    json: bool,
}

pub fn run(args: UseArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let m = Mode { force: args.force, dry: args.write.dry_run, json: args.json };
    match (args.id.as_deref(), args.profile.as_deref()) {
        (Some("-"), None) => previous(ctx, m),
        (Some("-"), Some(_)) => Err(UserError::usage("`use -` takes no --profile").into()),
        (Some(id), None) => set_default(ctx, id, args.model.as_deref(), m),
        (Some(id), Some(p)) => write_profile(ctx, id, p, args.model.as_deref(), m),
        (None, Some(p)) => profile_as_default(ctx, p, args.model.as_deref(), m),
        // On a terminal, pick one (the model step is then `use ID`'s own); never with --json.
        (None, None) if ctx.interactive && !args.json => {
            set_default(ctx, &super::pick::provider(ctx)?, args.model.as_deref(), m)
        }
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
    (command, json): (&str, bool),
) -> anyhow::Result<Exit> {
    let before = cfg.selection();
    cfg.set_selection(after)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let id = after.provider.as_deref().unwrap_or("openai");
    if !outcome::commit_and_report(ctx, session, json, command, &ops, fields(id, after.model.as_deref(), None))? {
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
    let was = before.provider.as_deref().unwrap_or("openai");
    crate::memo::save_last_model(&ctx.codex_home, was, before.model.as_deref())?;
    crate::memo::save_last_model(&ctx.codex_home, id, after.model.as_deref())?;
    ctx.ui.status(&switched(id, after.model.as_deref()));
    if was != id {
        note_threads(ctx, was);
    }
    warn_legacy(ctx, &cfg);
    if after.model.is_none() && id != "openai" {
        warn_no_model(ctx);
    }
    Ok(Exit::Ok)
}

/// `use --json`: the selection written (`profile`: the profile file written, else null).
fn fields(id: &str, model: Option<&str>, profile: Option<&str>) -> serde_json::Value {
    serde_json::json!({ "provider": id, "model": model, "profile": profile })
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

/// Says, when switching away from `was`, how many threads Codex recorded with it:
/// `codex exec resume --last` only finds threads of the active provider.
fn note_threads(ctx: &Ctx, was: &str) {
    let n = crate::threads::count_by_provider(&ctx.codex_home).get(was).copied().unwrap_or(0);
    if n > 0 {
        let s = if n == 1 { "thread" } else { "threads" };
        ctx.ui.note(&format!(
            "{n} {s} recorded with `{was}`: Codex resumes a thread only with the provider it was recorded with; `codex-provider threads --provider {was}` lists them with the command that reopens each"
        ));
    }
}

/// What Codex would do with `id` once selected: a `wire_api` other than "responses" stops it
/// from starting (refused unless --force); an unset key variable stops every request (warned).
fn check_target(ctx: &Ctx, layers: &Layers, id: &str, force: bool) -> anyhow::Result<()> {
    let view = layers.provider(id)?.ok_or_else(|| layers.unknown_provider(id))?;
    if let Some(w) = view.str_field("wire_api").filter(|w| *w != "responses") {
        let what = format!("provider `{id}` has wire_api = \"{w}\", which stops Codex 0.95+ from starting");
        if !force {
            return Err(UserError::refused(format!("not switching: {what}"))
                .hint(format!(
                    "`codex-provider doctor --fix` sets wire_api = \"responses\" (then `codex-provider probe {id}` shows whether the endpoint serves it), or pass --force"
                ))
                .into());
        }
        ctx.ui.warn(&format!("{what} (switching anyway: --force)"));
    }
    if let Some(var) = view.env_key()
        && !key_presence(ctx, var).is_set()
    {
        ctx.ui.warn(&format!(
            "{var} is not set, so Codex will stop with \"Missing environment variable: {var}\"; store it with `codex-provider key set {id}` (in $CODEX_HOME/.env) or export it"
        ));
    }
    Ok(())
}

/// `use ID --model M`: warn when the endpoint's last listed models (cached by `probe`,
/// `models` and `add`) do not include M.
fn check_model(ctx: &Ctx, id: &str, model: &str) {
    let listed = crate::memo::read(&ctx.codex_home, id).models;
    if listed.is_empty() || listed.iter().any(|m| m == model) {
        return;
    }
    let near = crate::probe::closest_models(model, &listed);
    let near = match near.is_empty() {
        true => format!("`codex-provider models {id}` lists them"),
        false => format!("closest: {}", near.join(", ")),
    };
    ctx.ui.warn(&format!("`{model}` is not among the {} models `{id}` listed last ({near})", listed.len()));
}

/// The model to select with `id` when --model is absent: the current one when `id` is
/// already the default; else the model last used with `id`; else its preset's; else the
/// current line is kept, with a warning naming what the endpoint lists (cached): another
/// provider's model is never kept silently.
fn model_for(ctx: &Ctx, layers: &Layers, id: &str, before: &Selection) -> anyhow::Result<Option<String>> {
    let was = before.provider.as_deref().unwrap_or("openai");
    if was == id {
        return Ok(before.model.clone());
    }
    let memo = crate::memo::read(&ctx.codex_home, id);
    if let Some(m) = memo.last_model {
        ctx.ui.note(&format!("model \"{m}\": the one last used with `{id}` (pass --model to change it)"));
        return Ok(Some(m));
    }
    let view = layers.provider(id)?;
    if let Some(p) = crate::presets::for_provider(id, view.as_ref().and_then(|v| v.base_url()))
        && let Some(m) = p.example_model
    {
        ctx.ui.note(&format!("model \"{m}\": the {} preset's default (pass --model to change it)", p.id));
        return Ok(Some(m.to_string()));
    }
    if let Some(m) = &before.model
        && !memo.models.contains(m)
    {
        let listed = match memo.models.is_empty() {
            true => format!("see `codex-provider models {id}`"),
            false => format!("it lists {}", memo.models.iter().take(10).cloned().collect::<Vec<_>>().join(", ")),
        };
        ctx.ui.warn(&format!("kept model \"{m}\" from `{was}`, which `{id}` may not serve ({listed}); pass --model"));
    }
    Ok(before.model.clone())
}

fn set_default(ctx: &Ctx, id: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, m.dry)?;
    let cfg = load_config(ctx)?;
    let layers = Layers::new(&cfg, None);
    require_known(&layers, id)?;
    check_target(ctx, &layers, id, m.force)?;
    let before = cfg.selection();
    let model = match model {
        Some(m) => {
            check_model(ctx, id, m);
            Some(m.to_string())
        }
        None => model_for(ctx, &layers, id, &before)?,
    };
    let after = Selection { provider: Some(id.to_string()), model };
    apply_default(ctx, &session, cfg, &after, (&format!("use {id}"), m.json))
}

fn previous(ctx: &Ctx, m: Mode) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, m.dry)?;
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
    if let Some(p) = &prev.provider {
        check_target(ctx, &Layers::new(&cfg, None), p, m.force)?;
    }
    apply_default(ctx, &session, cfg, &prev, ("use -", m.json))
}

fn write_profile(ctx: &Ctx, id: &str, name: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Exit> {
    ids::check_profile_name(name)?;
    let session = crate::commands::written::begin(ctx, m.dry)?;
    let cfg = load_config(ctx)?;
    let mut pf = load_profile(ctx, name, false)?;
    require_known(&Layers::new(&cfg, Some((name, &pf))), id)?;
    check_target(ctx, &Layers::new(&cfg, Some((name, &pf))), id, m.force)?;
    if let Some(m) = model {
        check_model(ctx, id, m);
    }
    let model = model.map(str::to_string).or(pf.selection().model);
    pf.set_selection(&Selection { provider: Some(id.to_string()), model })?;
    let created = !pf.existed;
    let ops: Vec<FileOp> = FileOp::from_file(&pf).into_iter().collect();
    let out = fields(id, pf.selection().model.as_deref(), Some(name));
    if !outcome::commit_and_report(ctx, &session, m.json, &format!("use {id} --profile {name}"), &ops, out)? {
        ctx.ui.status(&format!("Profile `{name}` already selects \"{id}\"; nothing to change."));
        return Ok(Exit::Ok);
    }
    if m.dry {
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

fn profile_as_default(ctx: &Ctx, name: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Exit> {
    let session = crate::commands::written::begin(ctx, m.dry)?;
    let files = load_layers(ctx, Some(name))?;
    let layers = files.layers();
    let (_, pf) = layers.profile().expect("loaded with a profile");
    let Some(id) = pf.selection().provider else {
        return Err(UserError::refused(format!("profile `{name}` does not set model_provider"))
            .hint(format!("set one with `codex-provider use ID --profile {name}`"))
            .into());
    };
    check_target(ctx, &layers, &id, m.force)?;
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
    apply_default(ctx, &session, cfg, &after, (&format!("use --profile {name}"), m.json))
}
