//! `add`: validate, probe, then write `[model_providers.ID]` (and optionally select it).

use crate::cli::AddArgs;
use crate::commands::{display, key_presence, load_config, load_profile};
use crate::config::edit::{self, Change, ProviderSpec};
use crate::config::{ConfigFile, MODEL, MODEL_PROVIDER, ids};
use crate::ctx::Ctx;
use crate::endpoint::{check_header_name, normalize_base_url, parse_pairs};
use std::time::Duration;

use crate::config::view::Layers;
use crate::error::{Exit, UserError};
use crate::presets::{self, Preset};
use crate::probe;
use crate::store::{self, FileOp, Previous, Session};

/// Everything `add` needs, validated, before any file is touched.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: String,
    pub spec: ProviderSpec,
    pub model: Option<String>,
    pub use_it: bool,
    pub profile: Option<String>,
    pub replace: bool,
}

pub fn run(args: AddArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let missing = args.id.is_none() && args.preset.is_none() || args.base_url.is_none() && args.preset.is_none();
    if ctx.interactive && missing && !args.replace {
        return crate::commands::add_tty::run(args, ctx);
    }
    let plan = resolve(&args, ctx).map_err(|e| match missing && !ctx.yes && !args.replace {
        true => no_prompt(e),
        false => e,
    })?;
    if args.bridge {
        return crate::commands::bridge::add(plan, &args, ctx);
    }
    if !args.no_probe {
        // Fail fast, before the network; `write` checks again under the lock.
        ensure_new(&plan, &load_config(ctx)?, ctx)?;
    }
    let preset = args.preset.as_deref().and_then(presets::find);
    if args.no_probe {
        ctx.ui.verbose("skipping the probe (--no-probe)");
        if let Some(p) = preset
            && let Some(bridge) = p.bridge
            && !args.force
        {
            return Err(UserError::refused(format!(
                "{} does not serve the Responses API that Codex 0.95+ needs",
                p.name
            ))
            .hint(format!("{bridge}; or pass --force to save it anyway, or drop --no-probe to let the probe decide"))
            .into());
        }
    } else {
        probe_gate(&plan, &args, ctx)?;
    }
    write(&plan, args.write.dry_run, ctx)
}

/// Refuses an existing id unless --replace (exit 1).
pub(crate) fn ensure_new(plan: &Plan, cfg: &ConfigFile, ctx: &Ctx) -> Result<(), UserError> {
    if edit::provider(&cfg.doc, &plan.id)?.is_some() && !plan.replace {
        return Err(UserError::refused(format!(
            "provider `{}` already exists in {}",
            plan.id,
            display(ctx, &cfg.path)
        ))
        .hint(format!(
            "pass --replace to update the fields you give, or choose another id (`codex-provider show {}`)",
            plan.id
        )));
    }
    Ok(())
}

/// A missing value without a terminal to ask on: say why nothing was asked.
fn no_prompt(e: UserError) -> UserError {
    UserError { message: format!("{} (not asked: no terminal)", e.message), ..e }
}

/// Flags and preset defaults → a validated plan (no prompts here; see the interactive flow).
pub fn resolve(args: &AddArgs, ctx: &Ctx) -> Result<Plan, UserError> {
    let preset: Option<&Preset> = args.preset.as_deref().map(presets::lookup).transpose()?;
    let id = args.id.clone().or_else(|| preset.map(|p| p.id.to_string())).ok_or_else(|| {
        UserError::usage("missing the provider ID").hint("codex-provider add ID --base-url URL [--env-key VAR]")
    })?;
    let existing_ok = args.replace && ids::is_builtin(&id);
    if !existing_ok {
        ids::check_new_provider_id(&id)?;
    }
    let mut spec = ProviderSpec::default();
    let raw_url = match preset {
        Some(p) => Some(p.base_url_for(args.base_url.as_deref())?),
        None => args.base_url.clone(),
    };
    match raw_url {
        Some(raw) => {
            let n = normalize_base_url(&raw)?;
            for note in &n.notes {
                ctx.ui.note(note);
            }
            spec.base_url = Some(n.base_url);
            spec.query_params = n.moved_query;
        }
        None if args.replace => {}
        None => {
            return Err(UserError::usage("missing --base-url")
                .hint(format!("codex-provider add {id} --base-url https://HOST/v1, or start from a preset: --preset (see `codex-provider presets`)")));
        }
    }
    if let Some(p) = preset {
        for (k, v) in p.query_params {
            if !spec.query_params.iter().any(|(x, _)| x == k) {
                spec.query_params.push((k.to_string(), v.to_string()));
            }
        }
        spec.http_headers.extend(p.http_headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    }
    for (k, v) in parse_pairs("--query", &args.query)?.iter().chain(&parse_pairs("--header", &args.header)?) {
        if ids::looks_like_secret(v) && !k.eq_ignore_ascii_case("authorization") {
            let flag = if args.query.iter().any(|q| q.starts_with(&format!("{k}="))) { "--query" } else { "--header" };
            return Err(crate::endpoint::secret_value(flag, &format!("`{k}`")));
        }
    }
    for (k, v) in parse_pairs("--query", &args.query)? {
        spec.query_params.retain(|(x, _)| *x != k);
        spec.query_params.push((k, v));
    }
    for (k, v) in parse_pairs("--header", &args.header)? {
        check_header_name("--header", &k)?;
        if k.eq_ignore_ascii_case("authorization") {
            return Err(UserError::usage("--header Authorization would write a secret into config.toml").hint(
                "put the key in an environment variable and pass --env-key VAR (Codex sends it as a Bearer token)",
            ));
        }
        spec.http_headers.retain(|(x, _)| !x.eq_ignore_ascii_case(&k));
        spec.http_headers.push((k, v));
    }
    for (h, var) in parse_pairs("--env-header", &args.env_header)? {
        check_header_name("--env-header", &h)?;
        ids::check_env_var_name("--env-header", &var)?;
        spec.env_http_headers.push((h, var));
    }
    spec.env_key = args.env_key.clone().or_else(|| preset.and_then(|p| p.env_key.map(str::to_string)));
    if let Some(k) = &spec.env_key {
        ids::check_env_var_name("--env-key", k)?;
    }
    spec.name = args
        .name
        .clone()
        .or_else(|| (!args.replace).then(|| preset.map(|p| p.name.to_string()).unwrap_or_else(|| id.clone())));
    if spec.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(UserError::usage("--name must not be empty").hint("Codex refuses a provider without a name"));
    }
    if !args.replace {
        spec.wire_api = Some("responses".to_string());
    }
    if let Some(p) = &args.profile {
        ids::check_profile_name(p)?;
    }
    Ok(Plan {
        id,
        spec,
        model: args.model.clone(),
        use_it: args.use_it,
        profile: args.profile.clone(),
        replace: args.replace,
    })
}

/// Loads and edits config.toml (and the profile file) for `plan`; nothing is written.
fn edit_files(plan: &Plan, ctx: &Ctx) -> anyhow::Result<(Vec<ConfigFile>, Change, Previous)> {
    let mut cfg = load_config(ctx)?;
    ensure_new(plan, &cfg, ctx)?;
    let mut spec = plan.spec.clone();
    if plan.replace
        && let Some(t) = edit::provider(&cfg.doc, &plan.id)?
        && t.get("wire_api").and_then(|i| i.as_str()).is_some_and(|w| w != "responses")
    {
        spec.wire_api = Some("responses".into());
        ctx.ui.note("set wire_api = \"responses\" (the only value Codex 0.95+ accepts)");
    }
    let change = edit::upsert_provider(&mut cfg.doc, &plan.id, &spec, plan.replace)?;
    let before = Previous {
        provider: edit::root_str(&cfg.doc, MODEL_PROVIDER).map(str::to_string),
        model: edit::root_str(&cfg.doc, MODEL).map(str::to_string),
    };
    if plan.use_it {
        edit::set_root_str(&mut cfg.doc, MODEL_PROVIDER, &plan.id)?;
        if let Some(m) = &plan.model {
            edit::set_root_str(&mut cfg.doc, MODEL, m)?;
        }
    }
    let mut files = vec![cfg];
    if let Some(name) = &plan.profile {
        let mut pf = load_profile(ctx, name, false)?;
        edit::set_root_str(&mut pf.doc, MODEL_PROVIDER, &plan.id)?;
        if let Some(m) = &plan.model {
            edit::set_root_str(&mut pf.doc, MODEL, m)?;
        }
        files.push(pf);
    }
    Ok((files, change, before))
}

/// The diffs `write` would apply (for the interactive confirmation).
pub fn preview(plan: &Plan, ctx: &Ctx) -> anyhow::Result<Vec<FileOp>> {
    let (files, _, _) = edit_files(plan, ctx)?;
    Ok(files.iter().filter_map(FileOp::from_file).collect())
}

/// Writes the plan in one locked transaction: config.toml, and the profile file if asked.
pub fn write(plan: &Plan, dry_run: bool, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = Session::begin(&ctx.codex_home, dry_run, &ctx.ui)?;
    let (files, change, before) = edit_files(plan, ctx)?;
    let ops: Vec<FileOp> = files.iter().filter_map(FileOp::from_file).collect();
    let command = format!("add {}", plan.id);
    if !session.commit(&ctx.ui, &command, &ops)? {
        ctx.ui.status(&format!("Provider `{}` is already configured that way; nothing to change.", plan.id));
        return Ok(Exit::Ok);
    }
    if dry_run {
        return Ok(Exit::Ok);
    }
    let cfg = &files[0];
    let verb = match change {
        Change::Added => "Added",
        Change::Updated => "Updated",
        Change::Unchanged => "Kept",
    };
    let url = plan.spec.base_url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
    ctx.ui.status(&format!("{verb} provider `{}`{url} in {}.", plan.id, display(ctx, &cfg.path)));
    if plan.use_it {
        let model = edit::root_str(&cfg.doc, MODEL);
        ctx.ui.status(&switched(&plan.id, model));
        if before.provider.as_deref() != Some(plan.id.as_str()) || before.model.as_deref() != model {
            store::write_previous(&ctx.codex_home, &before)?;
        }
        if model.is_none() {
            warn_no_model(ctx);
        }
    }
    if let Some(name) = &plan.profile {
        ctx.ui.status(&format!("Wrote {}: run `codex --profile {name}`.", display(ctx, &ctx.profile_path(name))));
    }
    if !plan.use_it && plan.profile.is_none() && change == Change::Added {
        let m = plan.model.as_deref().map(|m| format!(" --model {m}")).unwrap_or_else(|| " --model MODEL".into());
        ctx.ui.hint(&format!("make it the default with `codex-provider use {}{m}`", plan.id));
    }
    if let Some(var) = &plan.spec.env_key
        && !key_presence(ctx, var).is_set()
    {
        ctx.ui.warn(&format!(
            "{var} is not set: Codex will stop with \"Missing environment variable\"; export {var}=... first"
        ));
    }
    Ok(Exit::Ok)
}

/// The one-line confirmation of a switch.
pub fn switched(id: &str, model: Option<&str>) -> String {
    match model {
        Some(m) => format!("Switched to provider \"{id}\" (model \"{m}\")."),
        None => format!("Switched to provider \"{id}\"."),
    }
}

pub fn warn_no_model(ctx: &Ctx) {
    ctx.ui.warn(&format!(
        "no `model` is set: Codex would send its own default model id ({}); pass --model",
        crate::config::CODEX_DEFAULT_MODEL
    ));
}

pub fn probe_options(args: &AddArgs) -> probe::Options {
    probe::Options { timeout: Duration::from_secs_f64(args.timeout.clamp(0.1, 600.0)), ..Default::default() }
}

/// The endpoint as Codex will call it once saved: the existing provider (for --replace)
/// with the plan's fields over it, and the key resolved from the environment or `.env`.
pub fn probe_target(plan: &Plan, model: Option<String>, ctx: &Ctx) -> probe::Target {
    let existing = load_config(ctx)
        .ok()
        .and_then(|base| Layers { home: ctx.codex_home.clone(), base, profile: None }.provider(&plan.id).ok().flatten())
        .filter(|_| plan.replace);
    let mut t = existing.map(|v| probe::Target::from_provider(&v, None, &ctx.codex_home)).unwrap_or_default();
    t.provider = Some(plan.id.clone());
    if let Some(u) = &plan.spec.base_url {
        t.base_url = u.clone();
    }
    if let Some(k) = &plan.spec.env_key {
        t.env_key = Some(k.clone());
        t.api_key = crate::dotenv::lookup(k, &ctx.codex_home).map(probe::Secret::new);
    }
    let merge = |into: &mut Vec<(String, String)>, from: &[(String, String)]| {
        for (k, v) in from {
            into.retain(|(x, _)| x != k);
            into.push((k.clone(), v.clone()));
        }
    };
    merge(&mut t.query_params, &plan.spec.query_params);
    merge(&mut t.http_headers, &plan.spec.http_headers);
    merge(&mut t.env_http_headers, &plan.spec.env_http_headers);
    t.model = model;
    t.codex_home = Some(ctx.codex_home.clone());
    t
}

/// Probes before saving; a failed probe refuses (exit 1) unless --force. The report goes to
/// stderr: stdout is kept for diffs.
pub(crate) fn probe_gate(plan: &Plan, args: &AddArgs, ctx: &Ctx) -> anyhow::Result<()> {
    let report = probe::run(vec![probe_target(plan, plan.model.clone(), ctx)], &probe_options(args)).remove(0);
    if !ctx.ui.quiet {
        eprint!("{}", probe::render::render_human(&report, &ctx.ui));
    }
    if report.ok {
        return Ok(());
    }
    if args.force {
        ctx.ui.warn(&format!("saving `{}` although the probe says `{}` (--force)", plan.id, report.verdict.as_str()));
        return Ok(());
    }
    let mut hint = report.hint.clone().map(|h| format!("{h}; ")).unwrap_or_default();
    if report.verdict == probe::Verdict::ChatOnly && !args.bridge {
        hint.push_str("or add it through a local bridge: the same command with --bridge; ");
    }
    hint.push_str("--force saves anyway, --no-probe skips the probe");
    Err(UserError::refused(format!("not saved: the probe says `{}`: {}", report.verdict.as_str(), report.summary))
        .hint(hint)
        .into())
}
