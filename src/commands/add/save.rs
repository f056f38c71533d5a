//! Saving a plan: the probe that gates it, the write, and the typed [`Added`] result. Used by
//! the flags-only flow, the wizard and the bridge flow alike.

use serde::Serialize;

use super::plan::{Options, Plan};
use crate::codex::provider::{WIRE_API, wire_api_ok};
use crate::commands::output::{Messages, Output, SchemaVersion};
use crate::commands::written::Written;
use crate::commands::{display, key_presence, load_config, load_profile};
use crate::config::{Change, ConfigFile, Layers, Selection};
use crate::ctx::Ctx;
use crate::error::UserError;
use crate::probe::{self, Report, Verdict};
use crate::store::{self, FileOp};

/// Refuses an existing id unless --replace (exit 1).
pub(super) fn ensure_new(plan: &Plan, cfg: &ConfigFile, ctx: &Ctx) -> Result<(), UserError> {
    if cfg.provider(&plan.id)?.is_some() && !plan.replace {
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

/// Loads and edits config.toml (and the profile file) for `plan`; nothing is written.
fn edit_files(plan: &Plan, ctx: &Ctx) -> anyhow::Result<(Vec<ConfigFile>, Change, Selection)> {
    let mut cfg = load_config(ctx)?;
    ensure_new(plan, &cfg, ctx)?;
    let mut spec = plan.spec.clone();
    if plan.replace
        && let Some(t) = cfg.provider(&plan.id)?
        && t.str_field("wire_api").is_some_and(|w| !wire_api_ok(w))
    {
        spec.wire_api = Some(WIRE_API.into());
        ctx.ui.note("set wire_api = \"responses\" (the only value Codex 0.95+ accepts)");
    }
    let change = cfg.upsert_provider(&plan.id, &spec, plan.replace)?;
    if plan.keychain {
        let c = crate::auth_command::AuthCommand::keychain(&plan.id);
        cfg.set_auth_command(&plan.id, &c.command, &c.args)?;
    }
    let before = cfg.selection();
    // The plan's provider with its own model: the plan's, else the one the file already has
    // with this provider, else the one remembered for it. Never another provider's model.
    let select = |f: &mut ConfigFile| {
        let now = f.selection();
        let model = plan
            .model
            .clone()
            .or_else(|| (now.provider.as_deref() == Some(&plan.id)).then_some(now.model).flatten())
            .or_else(|| crate::memo::read(&ctx.codex_home, &plan.id).model);
        f.set_selection(&Selection { provider: Some(plan.id.clone()), model })
    };
    if plan.use_it {
        select(&mut cfg)?;
    }
    let mut files = vec![cfg];
    if let Some(name) = &plan.profile {
        let mut pf = load_profile(ctx, name, false)?;
        select(&mut pf)?;
        files.push(pf);
    }
    Ok((files, change, before))
}

/// The diffs `write` would apply (for the interactive confirmation).
pub(super) fn preview(plan: &Plan, ctx: &Ctx) -> anyhow::Result<Vec<FileOp>> {
    let (files, _, _) = edit_files(plan, ctx)?;
    Ok(files.iter().filter_map(FileOp::from_file).collect())
}

/// `add`'s result: what happened to the provider and the selection, and the write.
#[derive(Debug, Serialize)]
pub struct Added {
    schema_version: SchemaVersion,
    pub provider: String,
    /// What happened to the provider table; `unchanged` when it already matched.
    pub change: &'static str,
    pub default_switched: bool,
    pub model: Option<String>,
    pub profile: Option<String>,
    #[serde(flatten)]
    pub written: Written,
    /// The closing lines for people (said after the write, in this order).
    #[serde(skip)]
    said: Messages,
}

impl Added {
    /// One more closing line, after the write's own.
    pub(super) fn next(&mut self, line: &str) {
        self.said.status(line);
    }
}

impl Output for Added {
    fn human(&self, ctx: &Ctx) {
        self.written.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

/// Writes the plan in one locked transaction: config.toml, and the profile file if asked.
pub(crate) fn write(plan: &Plan, dry_run: bool, ctx: &Ctx) -> anyhow::Result<Added> {
    let session = crate::commands::written::begin(ctx, dry_run)?;
    let (files, change, before) = edit_files(plan, ctx)?;
    let ops: Vec<FileOp> = files.iter().filter_map(FileOp::from_file).collect();
    let after = files[0].selection();
    let written = crate::commands::written::commit(&session, &format!("add {}", plan.id), &ops)?;
    let mut said = Messages::default();
    let added = |written, said| Added {
        schema_version: SchemaVersion,
        provider: plan.id.clone(),
        change: match change {
            Change::Added => "added",
            Change::Updated => "updated",
            Change::Unchanged => "unchanged",
        },
        default_switched: plan.use_it && before != after,
        model: plan.model.clone(),
        profile: plan.profile.clone(),
        written,
        said,
    };
    if !written.changed {
        said.status(format!("Provider `{}` is already configured that way; nothing to change.", plan.id));
        return Ok(added(written, said));
    }
    if dry_run {
        return Ok(added(written, said));
    }
    // The provider's model and its endpoint's list go with it from now on (`memo`).
    crate::memo::save_models(&ctx.codex_home, &plan.id, &plan.models)?;
    crate::memo::save_model(&ctx.codex_home, &plan.id, plan.model.as_deref())?;
    let cfg = &files[0];
    let verb = match change {
        Change::Added => "Added",
        Change::Updated => "Updated",
        Change::Unchanged => "Kept",
    };
    let url = plan.spec.base_url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
    said.status(format!("{verb} provider `{}`{url} in {}.", plan.id, display(ctx, &cfg.path)));
    if plan.use_it {
        let model = after.model.as_deref();
        said.status(switched(&plan.id, model));
        if before != after {
            store::write_previous(&ctx.codex_home, &before)?;
        }
        if model.is_none() {
            said.warn(no_model_warning());
            if !plan.models.is_empty() {
                said.hint(format!("pick one with `codex-provider use {} --model MODEL`{}", plan.id, listed(plan)));
            }
        }
    }
    if let Some(name) = &plan.profile {
        said.status(format!("Wrote {}: run `codex --profile {name}`.", display(ctx, &ctx.profile_path(name))));
    }
    if !plan.use_it && plan.profile.is_none() && change == Change::Added {
        let m = plan.model.as_deref().map(|m| format!(" --model {m}")).unwrap_or_else(|| " --model MODEL".into());
        said.hint(format!("make it the default with `codex-provider use {}{m}`{}", plan.id, listed(plan)));
    }
    if let Some(var) = &plan.spec.env_key
        && !plan.keychain
        && !key_presence(ctx, var).is_set()
    {
        said.warn(format!(
            "{var} is not set: Codex will stop with \"Missing environment variable\"; export {var}=... first"
        ));
    }
    Ok(added(written, said))
}

/// ", MODEL one of: a, b, ..." when no model was given and the endpoint listed some.
fn listed(plan: &Plan) -> String {
    match plan.model.is_none() && !plan.models.is_empty() {
        true => format!(", MODEL one of: {}", first_ids(&plan.models)),
        false => String::new(),
    }
}

/// The one-line confirmation of a switch.
pub fn switched(id: &str, model: Option<&str>) -> String {
    match model {
        Some(m) => format!("Switched to provider \"{id}\" (model \"{m}\")."),
        None => format!("Switched to provider \"{id}\"."),
    }
}

fn no_model_warning() -> String {
    format!(
        "no `model` is set: Codex would send its own default model id ({}); pass --model",
        crate::codex::current().default_model().0
    )
}

pub(super) fn probe_options(opts: &Options) -> probe::Options {
    probe::Options { timeout: opts.timeout, ..Default::default() }
}

/// The endpoint as Codex will call it once saved: the existing provider (for --replace)
/// with the plan's fields over it, and the key resolved from the environment or `.env`.
pub(super) fn probe_target(plan: &Plan, model: Option<String>, ctx: &Ctx) -> probe::Target {
    let existing = load_config(ctx)
        .ok()
        .and_then(|base| Layers::new(&base, None).provider(&plan.id).ok().flatten())
        .filter(|_| plan.replace);
    let mut t = existing.map(|v| probe::Target::from_provider(&v, None, &ctx.codex_home)).unwrap_or_default();
    t.provider = Some(plan.id.clone());
    if let Some(u) = &plan.spec.base_url {
        t.base_url = u.clone();
    }
    if plan.keychain {
        // The key as Codex will get it: from the keychain, through the command saved.
        t.env_key = None;
        let got = crate::auth_command::AuthCommand::keychain(&plan.id).run();
        t.api_key = got.as_ref().ok().map(|k| probe::Secret::new(k.as_str()));
        t.auth_command = Some(got.map(|_| ()));
    } else if let Some(k) = &plan.spec.env_key {
        t.env_key = Some(k.clone());
        t.api_key = crate::env::lookup(k, &ctx.codex_home).map(probe::Secret::new);
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

/// Probes before saving; a failed probe refuses (exit 1) unless --force. The checks are
/// shown, then the failure is said once: one line of what happened (the error), one of what
/// to do (its hint: the exact command when the probe proved a fixed URL works).
pub(super) fn probe_gate(plan: &mut Plan, args: &Options, ctx: &Ctx) -> anyhow::Result<()> {
    let report = probe::run(vec![probe_target(plan, plan.model.clone(), ctx)], &probe_options(args)).remove(0);
    // Remembered only once saved (`write`): a refused add leaves nothing behind.
    plan.models = report.models.clone();
    plan.suggested_base_url = proven_url(&report);
    if report.ok {
        show_report(&report, ctx);
        return Ok(());
    }
    // The ✗ check line already says what happened; the error repeats it only under -q.
    let shown = !ctx.ui.quiet;
    if shown {
        ctx.ui.report(&probe::render::render_checks(&report, &ctx.ui));
    }
    if args.save.force {
        ctx.ui.warn(&format!(
            "saving `{}` although the probe says `{}`: {} (--force)",
            plan.id,
            report.verdict.as_str(),
            report.summary
        ));
        return Ok(());
    }
    let todo = match (&plan.suggested_base_url, &report.hint) {
        (Some(url), _) if !v1_answered(&report) => {
            // Proven by a model error or a model list: the model sent is not served there.
            let without = Plan { model: None, ..plan.clone() };
            let ids = if report.models.is_empty() { String::new() } else { format!(": {}", first_ids(&report.models)) };
            format!(
                "{url} is the API root: run `{} --model MODEL` with a model it serves{ids}",
                command_with_url(args, &without, url)
            )
        }
        (Some(url), _) => format!("{url} works: run `{}`", command_with_url(args, plan, url)),
        (None, _) if plan.model.is_none() && report.verdict == Verdict::ModelNotFound && !report.models.is_empty() => {
            format!("pass --model with one the endpoint lists: {}", first_ids(&report.models))
        }
        (None, Some(h)) if report.verdict == Verdict::ChatOnly && !args.bridge => {
            format!("{h}; or add it through a local bridge: the same command with --bridge")
        }
        (None, Some(h)) => format!("{h} (or --force saves anyway)"),
        (None, None) => "--force saves anyway, --no-probe skips the probe".into(),
    };
    let what = match shown {
        true => format!("not saved: the probe says `{}` (above)", report.verdict.as_str()),
        false => format!("not saved: `{}`: {}", report.verdict.as_str(), report.summary),
    };
    Err(UserError::refused(what).hint(todo).into())
}

/// The `{base}/v1` the probe PROVED is the API root (it answered 2xx there, a model error,
/// or a model list), if any.
fn proven_url(r: &Report) -> Option<String> {
    r.suggestion.as_ref().and_then(probe::Suggestion::proven_v1).map(str::to_string)
}

/// Whether `{base}/v1/responses` answered 2xx (the model sent works there).
fn v1_answered(r: &Report) -> bool {
    r.checks
        .iter()
        .any(|c| c.id == probe::CheckId::V1Responses && c.http_status.is_some_and(|s| (200..300).contains(&s)))
}

/// Up to ten ids, for a hint.
fn first_ids(ids: &[String]) -> String {
    let more =
        if ids.len() > 10 { format!(" (and {} more: `codex-provider models`)", ids.len() - 10) } else { String::new() };
    format!("{}{more}", ids.iter().take(10).cloned().collect::<Vec<_>>().join(", "))
}

/// The `add` command that saves the same provider with `url`.
fn command_with_url(args: &Options, plan: &Plan, url: &str) -> String {
    let mut words = vec!["codex-provider".to_string(), "add".into(), plan.id.clone()];
    let mut flag = |f: &str, v: Option<&String>| {
        if let Some(v) = v {
            words.push(f.into());
            words.push(v.clone());
        }
    };
    flag("--preset", args.preset.as_ref());
    flag("--base-url", Some(&url.to_string()));
    flag("--env-key", plan.spec.env_key.as_ref());
    flag("--name", args.name.as_ref());
    flag("--model", plan.model.as_ref());
    for q in &args.query {
        flag("--query", Some(q));
    }
    for h in &args.header {
        flag("--header", Some(h));
    }
    for h in &args.env_header {
        flag("--env-header", Some(h));
    }
    flag("--profile", plan.profile.as_ref());
    if plan.use_it {
        words.push("--use".into());
    }
    if plan.replace {
        words.push("--replace".into());
    }
    words.iter().map(|w| shell_word(w)).collect::<Vec<_>>().join(" ")
}

/// A word as a POSIX shell reads it back: bare when safe, else single-quoted.
fn shell_word(w: &str) -> String {
    let safe = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b));
    if safe { w.to_string() } else { format!("'{}'", w.replace('\'', "'\\''")) }
}

/// Prints the probe report to stderr (stdout is kept for diffs; the printer applies stderr's
/// colour decision), unless -q; true when printed.
pub(super) fn show_report(report: &Report, ctx: &Ctx) -> bool {
    if ctx.ui.quiet {
        return false;
    }
    ctx.ui.report(&probe::render::render_human(report, &ctx.ui));
    true
}
