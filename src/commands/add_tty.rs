//! Interactive `add`, used only on a terminal without `--yes`: asks for what the flags did
//! not give (preset, id, URL, key variable), probes, lets the user pick the model from the
//! endpoint's list, asks what to do with it, shows the diff and asks before writing. Nothing is
//! written before the last confirmation, so Ctrl-C at any step leaves every file untouched.
//!
//! Every prompt has a flag: preset `--preset`, id `ID`, URL `--base-url`, key variable
//! `--env-key`, model `--model`, "Then" `--use` / `--profile`, "Save anyway?" `--force`,
//! the final confirmation `--yes`. With `--dry-run` the flow ends at the diff.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input, Select};

use crate::cli::AddArgs;
use crate::commands::add::{self, Plan};
use crate::commands::{key_presence, load_config};
use crate::config::{edit, ids};
use crate::ctx::Ctx;
use crate::endpoint::normalize_base_url;
use crate::error::{Exit, UserError};
use crate::presets::{self, Preset, Responses};
use crate::probe::{self, Report, Verdict};

/// Rows of a picker list (the rest scrolls), so the prompt stays on a small terminal.
const LIST_ROWS: usize = 8;
/// What to type at the key-variable prompt for "no key".
const NO_KEY: &str = "-";

fn prompt_err(e: dialoguer::Error) -> anyhow::Error {
    UserError::refused(format!("prompt failed: {e}; nothing was written")).into()
}

pub fn run(args: AddArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    crate::interrupt::on_ctrl_c_cancel();
    let result = flow(args, ctx);
    crate::interrupt::restore();
    result
}

fn flow(mut args: AddArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let theme = crate::ui::prompt::theme();
    let existing = edit::provider_ids(&load_config(ctx)?.doc)?;

    if args.preset.is_none() {
        args.preset = pick_preset(&theme, args.base_url.is_some())?;
    }
    let preset = args.preset.as_deref().map(presets::lookup).transpose()?;
    if let Some(p) = preset
        && let Some(b) = p.bridge
    {
        ctx.ui.warn(&format!("{} does not serve the Responses API Codex needs: {b}", p.name));
    }

    if args.id.is_none() {
        args.id = Some(ask_id(&theme, preset, existing)?);
    }
    let id = args.id.clone().expect("set above");

    if args.base_url.is_none() && preset.is_none_or(|p| p.needs_edit.is_some()) {
        args.base_url = Some(ask_url(&theme, preset)?);
    }

    let mut no_key = false;
    if args.env_key.is_none() {
        let default = preset.map_or_else(|| Some(ids::default_env_key(&id)), |p| p.env_key.map(str::to_string));
        match ask_key_var(&theme, default)? {
            Some(var) => {
                let p = key_presence(ctx, &var);
                ctx.ui.status(&format!("  {}", p.describe(&var)));
                if !p.is_set() {
                    ctx.ui.hint(&format!("export {var}=... (or put it in $CODEX_HOME/.env) so Codex can read it"));
                }
                args.env_key = Some(var);
            }
            None => no_key = true,
        }
    }

    let mut plan = add::resolve(&args, ctx)?;
    if no_key {
        plan.spec.env_key = None;
    }
    if !args.no_probe {
        plan.model = probe_and_pick(&plan, &args, ctx, &theme)?;
    } else if plan.model.is_none() {
        plan.model = ask_model(&theme, &[])?;
    }

    if !args.use_it && args.profile.is_none() {
        match then(&theme, &id)? {
            Then::Use => plan.use_it = true,
            Then::Profile(name) => plan.profile = Some(name),
            Then::Save => {}
        }
    }

    if args.write.dry_run {
        return add::write(&plan, true, ctx);
    }
    for op in add::preview(&plan, ctx)? {
        ctx.ui.data(&op.diff());
    }
    let yes =
        Confirm::with_theme(&theme).with_prompt("Write these changes?").default(true).interact().map_err(prompt_err)?;
    if !yes {
        return Err(UserError::refused("cancelled; nothing was written").into());
    }
    crate::interrupt::while_writing();
    let exit = add::write(&plan, false, ctx)?;
    if plan.use_it {
        ctx.ui.status("Next: run `codex` (`codex-provider doctor` checks the whole setup).");
    }
    Ok(exit)
}

/// A preset id, or `None` for a custom endpoint.
fn pick_preset(theme: &ColorfulTheme, have_url: bool) -> anyhow::Result<Option<String>> {
    let custom = if have_url { "Custom endpoint" } else { "Custom endpoint (enter its URL)" };
    let mut items = vec![custom.to_string()];
    items.extend(presets::ALL.iter().map(|p| {
        let how = match p.responses {
            Responses::Native => "",
            Responses::Bridge => "  [needs a bridge]",
            Responses::Probe => "  [probe decides]",
        };
        format!("{:<14} {}{how}", p.id, p.name)
    }));
    let i = FuzzySelect::with_theme(theme)
        .with_prompt("Provider (type to filter)")
        .items(&items)
        .default(0)
        .max_length(LIST_ROWS)
        .interact()
        .map_err(prompt_err)?;
    Ok((i > 0).then(|| presets::ALL[i - 1].id.to_string()))
}

fn ask_id(theme: &ColorfulTheme, preset: Option<&Preset>, taken: Vec<String>) -> anyhow::Result<String> {
    let mut input = Input::<String>::with_theme(theme).with_prompt("Provider id (a short name, e.g. work-gw)");
    if let Some(p) = preset.filter(|p| !taken.iter().any(|e| e == p.id)) {
        input = input.default(p.id.to_string());
    }
    input
        .validate_with(move |s: &String| -> Result<(), String> {
            ids::check_new_provider_id(s).map_err(|e| e.message)?;
            if taken.iter().any(|t| t == s) { Err(format!("`{s}` already exists; choose another id")) } else { Ok(()) }
        })
        .interact_text()
        .map_err(prompt_err)
        .map(|s| s.trim().to_string())
}

fn ask_url(theme: &ColorfulTheme, preset: Option<&Preset>) -> anyhow::Result<String> {
    let mut input = Input::<String>::with_theme(theme).with_prompt("Base URL (the API root, e.g. https://host/v1)");
    let placeholder = preset.map(|p| (p.base_url, p.needs_edit.unwrap_or_default()));
    if let Some((url, _)) = placeholder {
        input = input.with_initial_text(url);
    }
    input
        .validate_with(move |s: &String| -> Result<(), String> {
            if let Some((url, what)) = placeholder
                && s.trim() == url
            {
                return Err(what.to_string());
            }
            // The flag's message without the flag's name: here the user typed it at a prompt.
            normalize_base_url(s.trim()).map(|_| ()).map_err(|e| e.message.replacen("--base-url ", "", 1))
        })
        .interact_text()
        .map_err(prompt_err)
        .map(|s| s.trim().to_string())
}

/// The key variable's name, or `None` for an endpoint without a key.
fn ask_key_var(theme: &ColorfulTheme, default: Option<String>) -> anyhow::Result<Option<String>> {
    let var = Input::<String>::with_theme(theme)
        .with_prompt(format!("Environment variable holding the API key (`{NO_KEY}` for none)"))
        .default(default.unwrap_or_else(|| NO_KEY.to_string()))
        .validate_with(|s: &String| {
            let s = s.trim();
            if s == NO_KEY { Ok(()) } else { ids::check_env_var_name("the variable", s).map_err(|e| e.message) }
        })
        .interact_text()
        .map_err(prompt_err)?;
    let var = var.trim();
    Ok((var != NO_KEY).then(|| var.to_string()))
}

fn ask_model(theme: &ColorfulTheme, models: &[String]) -> anyhow::Result<Option<String>> {
    if models.is_empty() {
        let m = Input::<String>::with_theme(theme)
            .with_prompt("Model id (as the endpoint names it; empty to skip)")
            .allow_empty(true)
            .interact_text()
            .map_err(prompt_err)?;
        return Ok((!m.trim().is_empty()).then(|| m.trim().to_string()));
    }
    let i = FuzzySelect::with_theme(theme)
        .with_prompt(format!("Model ({} listed by the endpoint; type to filter)", models.len()))
        .items(models)
        .default(0)
        .max_length(LIST_ROWS)
        .interact()
        .map_err(prompt_err)?;
    Ok(Some(models[i].clone()))
}

enum Then {
    Use,
    Profile(String),
    Save,
}

fn then(theme: &ColorfulTheme, id: &str) -> anyhow::Result<Then> {
    let choice = Select::with_theme(theme)
        .with_prompt("Then")
        .items(["Make it the default provider", "Write a profile file (codex --profile NAME)", "Just save it"])
        .default(0)
        .interact()
        .map_err(prompt_err)?;
    Ok(match choice {
        0 => Then::Use,
        1 => Then::Profile(
            Input::<String>::with_theme(theme)
                .with_prompt("Profile name")
                .default(id.to_string())
                .validate_with(|s: &String| ids::check_profile_name(s).map_err(|e| e.message))
                .interact_text()
                .map_err(prompt_err)?,
        ),
        _ => Then::Save,
    })
}

/// Whether a failed probe could still list models or be fixed by choosing another model
/// (otherwise the endpoint failed before the model mattered: no point in asking for one).
fn model_can_help(r: &Report) -> bool {
    r.ok || !r.models.is_empty() || matches!(r.verdict, Verdict::ModelNotFound | Verdict::BadRequest)
}

/// Probes; when no model was given, lets the user pick one from the endpoint's list and probes
/// again with it. A failed probe is shown, and saving then needs an explicit yes.
fn probe_and_pick(plan: &Plan, args: &AddArgs, ctx: &Ctx, theme: &ColorfulTheme) -> anyhow::Result<Option<String>> {
    let opts = add::probe_options(args);
    let probe = |model: Option<String>| probe::run(vec![add::probe_target(plan, model, ctx)], &opts).remove(0);
    let mut model = plan.model.clone();
    ctx.ui.status(&format!("Probing {} ...", plan.spec.base_url.as_deref().unwrap_or("")));
    let mut report = probe(model.clone());
    if model.is_none() && model_can_help(&report) {
        model = ask_model(theme, &report.models)?;
        if model.is_some() {
            ctx.ui.status("Probing with that model ...");
            report = probe(model.clone());
        }
    }
    ctx.ui.report(&probe::render::render_human(&report, &ctx.ui));
    if report.ok {
        return Ok(model);
    }
    let save = Confirm::with_theme(theme)
        .with_prompt(format!("The probe failed ({}). Save it anyway?", report.verdict.as_str()))
        .default(false)
        .interact()
        .map_err(prompt_err)?;
    if !save {
        return Err(UserError::refused(format!("probe failed ({}); nothing was written", report.verdict.as_str()))
            .hint(report.hint.clone().unwrap_or_else(|| "fix the endpoint, or pass --force to save anyway".into()))
            .into());
    }
    if model.is_none() {
        model = ask_model(theme, &report.models)?;
    }
    Ok(model)
}
