//! `use`: switch the default provider/model in config.toml, write a profile file selecting a
//! provider, make a profile's selection the default, or go back to the previous default.

use serde::Serialize;

use crate::codex::provider::{DEFAULT_PROVIDER, WIRE_API, wire_api_ok};
use crate::commands::add::switched;
use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Written};
use crate::commands::{display, key_presence, load_config, load_layers, load_profile};
use crate::config::{ConfigFile, Layers, ProviderSpec, Selection, ids};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::memo::ModelFrom;
use crate::store::{self, FileOp, Session};

/// What `use` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A provider id, or `-` for the previous default.
    pub id: Option<String>,
    pub model: Option<String>,
    pub profile: Option<String>,
    pub force: bool,
    pub dry_run: bool,
}

/// How to write: `--force`, `--dry-run`.
#[derive(Clone, Copy)]
struct Mode {
    force: bool,
    dry: bool,
}

/// The selection written (`profile`: the profile file written, else null), and the write.
#[derive(Debug, Serialize)]
pub struct Switched {
    schema_version: SchemaVersion,
    provider: String,
    model: Option<String>,
    profile: Option<String>,
    #[serde(flatten)]
    written: Written,
    #[serde(skip)]
    said: Messages,
}

impl Output for Switched {
    fn human(&self, ctx: &Ctx) {
        self.written.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let switched = switch(args, ctx)?;
    output::emit(ctx, &switched)
}

fn switch(args: Options, ctx: &Ctx) -> anyhow::Result<Switched> {
    let m = Mode { force: args.force, dry: args.dry_run };
    match (args.id.as_deref(), args.profile.as_deref()) {
        (Some("-"), None) => previous(ctx, m),
        (Some("-"), Some(_)) => Err(UserError::usage("`use -` takes no --profile").into()),
        (Some(id), None) => set_default(ctx, id, args.model.as_deref(), m),
        (Some(id), Some(p)) => write_profile(ctx, id, p, args.model.as_deref(), m),
        (None, Some(p)) => profile_as_default(ctx, p, args.model.as_deref(), m),
        // On a terminal, pick one (the model step is then `use ID`'s own); never with --json.
        (None, None) if ctx.interactive => set_default(ctx, &super::pick::provider(ctx)?, args.model.as_deref(), m),
        (None, None) => Err(UserError::usage("missing the provider ID")
            .hint("codex-provider use ID [--model M] (see `codex-provider list`)")
            .into()),
    }
}

fn warn_legacy(said: &mut Messages, f: &ConfigFile) {
    if let Some(p) = f.legacy_profile_selector() {
        said.warn(format!(
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
) -> anyhow::Result<Switched> {
    let before = cfg.selection();
    cfg.set_selection(after)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let id = after.provider.as_deref().unwrap_or(DEFAULT_PROVIDER);
    let written = written::commit(session, command, &ops)?;
    let mut said = Messages::default();
    let result = |written, said| Switched {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        model: after.model.clone(),
        profile: None,
        written,
        said,
    };
    if !written.changed {
        said.status(format!(
            "Already using provider \"{id}\"{}; nothing to change.",
            model_suffix(after.model.as_deref())
        ));
        return Ok(result(written, said));
    }
    if session.dry_run() {
        return Ok(result(written, said));
    }
    store::write_previous(&ctx.codex_home, &before)?;
    let was = before.provider.as_deref().unwrap_or(DEFAULT_PROVIDER);
    crate::memo::save_model(&ctx.codex_home, was, before.model.as_deref())?;
    crate::memo::save_model(&ctx.codex_home, id, after.model.as_deref())?;
    said.status(switched(id, after.model.as_deref()));
    if was != id {
        note_threads(ctx, &mut said, was);
    }
    warn_legacy(&mut said, &cfg);
    if after.model.is_none() && id != DEFAULT_PROVIDER {
        said.warn(no_model(ctx, id));
    }
    Ok(result(written, said))
}

fn model_suffix(m: Option<&str>) -> String {
    m.map(|m| format!(" (model \"{m}\")")).unwrap_or_default()
}

fn require_known(layers: &Layers, id: &str) -> Result<(), UserError> {
    if layers.provider(id)?.is_none() {
        return Err(layers.unknown_provider(id).into());
    }
    Ok(())
}

/// Says, when switching away from `was`, how many threads Codex recorded with it:
/// `codex exec resume --last` only finds threads of the active provider.
fn note_threads(ctx: &Ctx, said: &mut Messages, was: &str) {
    let n = crate::threads::count_by_provider(&ctx.codex_home).get(was).copied().unwrap_or(0);
    if n > 0 {
        let s = if n == 1 { "thread" } else { "threads" };
        said.note(format!(
            "{n} {s} recorded with `{was}`: Codex resumes a thread only with the provider it was recorded with; `codex-provider threads --provider {was}` lists them with the command that reopens each"
        ));
    }
}

/// What Codex would do with `id` once selected: a `wire_api` other than "responses" stops it
/// from starting (refused unless --force); an unset key variable stops every request (warned).
fn check_target(ctx: &Ctx, layers: &Layers, id: &str, force: bool) -> anyhow::Result<()> {
    let view = layers.provider(id)?.ok_or_else(|| layers.unknown_provider(id))?;
    if let Some(w) = view.str_field("wire_api").filter(|w| !wire_api_ok(w)) {
        let what = format!("provider `{id}` has wire_api = \"{w}\", which stops Codex 0.95+ from starting");
        if !force {
            return Err(UserError::refused(format!("not switching: {what}"))
                .hint(format!(
                    "`codex-provider doctor --fix` sets wire_api = \"responses\", then `codex-provider probe {id}` shows whether the endpoint serves it; a chat-only endpoint needs `codex-provider bridge start {id}` (codex-relay in front of it); or pass --force"
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

/// The model to select with `id` when --model is absent: `id`'s own (the current one when
/// `id` is already selected here, else the one remembered for it, else its preset's), with a
/// note saying where it came from. None when none is known: another provider's model is never
/// kept (a gateway that serves only its own ids would refuse it); the warning names what the
/// endpoint listed last.
fn model_for(ctx: &Ctx, layers: &Layers, id: &str) -> Option<String> {
    match crate::memo::model_of(&ctx.codex_home, layers, id) {
        Some((m, ModelFrom::Selection)) => Some(m),
        Some((m, ModelFrom::Remembered)) => {
            ctx.ui.note(&format!("model \"{m}\": `{id}`'s own (pass --model to change it)"));
            Some(m)
        }
        Some((m, ModelFrom::Preset(p))) => {
            ctx.ui.note(&format!("model \"{m}\": the {p} preset's default (pass --model to change it)"));
            Some(m)
        }
        // Said once the switch is made (`no_model`).
        None => None,
    }
}

/// The warning for a switch that selects no model: Codex sends its own default, which a
/// gateway may not serve; names what the endpoint listed last.
fn no_model(ctx: &Ctx, id: &str) -> String {
    let listed = crate::memo::read(&ctx.codex_home, id).models;
    let listed = match listed.is_empty() {
        true => format!("`codex-provider models {id}` lists what it serves"),
        false => format!("it lists {}", listed.iter().take(10).cloned().collect::<Vec<_>>().join(", ")),
    };
    format!(
        "no model is known for `{id}`: Codex would send its own default model id ({}); pass --model ({listed})",
        crate::codex::current().default_model().0
    )
}

/// `--model` (checked against the endpoint's last list), else `id`'s own ([`model_for`]).
fn chosen_model(ctx: &Ctx, layers: &Layers, id: &str, model: Option<&str>) -> Option<String> {
    match model {
        Some(m) => {
            check_model(ctx, id, m);
            Some(m.to_string())
        }
        None => model_for(ctx, layers, id),
    }
}

fn set_default(ctx: &Ctx, id: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Switched> {
    let session = crate::commands::written::begin(ctx, m.dry)?;
    let cfg = load_config(ctx)?;
    let layers = Layers::new(&cfg, None);
    require_known(&layers, id)?;
    check_target(ctx, &layers, id, m.force)?;
    let model = chosen_model(ctx, &layers, id, model);
    let after = Selection { provider: Some(id.to_string()), model };
    apply_default(ctx, &session, cfg, &after, &format!("use {id}"))
}

fn previous(ctx: &Ctx, m: Mode) -> anyhow::Result<Switched> {
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
    apply_default(ctx, &session, cfg, &prev, "use -")
}

fn write_profile(ctx: &Ctx, id: &str, name: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Switched> {
    ids::check_profile_name(name)?;
    let session = crate::commands::written::begin(ctx, m.dry)?;
    let cfg = load_config(ctx)?;
    let mut pf = load_profile(ctx, name, false)?;
    let layers = Layers::new(&cfg, Some((name, &pf)));
    require_known(&layers, id)?;
    check_target(ctx, &layers, id, m.force)?;
    // The profile always says its model: config.toml's (another provider's, perhaps) would
    // otherwise show through when Codex layers the two.
    let model = chosen_model(ctx, &layers, id, model);
    pf.set_selection(&Selection { provider: Some(id.to_string()), model })?;
    let created = !pf.existed;
    let ops: Vec<FileOp> = FileOp::from_file(&pf).into_iter().collect();
    let written = written::commit(&session, &format!("use {id} --profile {name}"), &ops)?;
    let mut said = Messages::default();
    let result = |written, said| Switched {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        model: pf.selection().model,
        profile: Some(name.to_string()),
        written,
        said,
    };
    if !written.changed {
        said.status(format!("Profile `{name}` already selects \"{id}\"; nothing to change."));
        return Ok(result(written, said));
    }
    if m.dry {
        return Ok(result(written, said));
    }
    let model = pf.selection().model;
    crate::memo::save_model(&ctx.codex_home, id, model.as_deref())?;
    said.status(format!(
        "{} {}: provider \"{id}\"{}. Run `codex --profile {name}`.",
        if created { "Created" } else { "Updated" },
        display(ctx, &pf.path),
        model_suffix(model.as_deref())
    ));
    if cfg.legacy_profiles().iter().any(|p| p == name) {
        said.warn(format!(
            "config.toml still has a legacy [profiles.{name}] table, so `codex --profile {name}` fails; run `codex-provider profile migrate`"
        ));
    }
    if model.is_none() {
        said.warn(no_model(ctx, id));
    }
    Ok(result(written, said))
}

fn profile_as_default(ctx: &Ctx, name: &str, model: Option<&str>, m: Mode) -> anyhow::Result<Switched> {
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
            wire_api: Some(WIRE_API.into()),
            query_params: view.map_field("query_params"),
            http_headers: view.map_field("http_headers"),
            env_http_headers: view.map_field("env_http_headers"),
        };
        cfg.upsert_provider(&id, &spec, false)?;
        ctx.ui.note(&format!("copied [model_providers.{id}] from {name}.config.toml into config.toml"));
    }
    let model = model.map(str::to_string).or_else(|| pf.selection().model).or_else(|| model_for(ctx, &layers, &id));
    let after = Selection { provider: Some(id.clone()), model };
    apply_default(ctx, &session, cfg, &after, &format!("use --profile {name}"))
}
