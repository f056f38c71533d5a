//! Interactive `add`, used only on a terminal without `--yes`: asks for what the flags did
//! not give (preset, id, URL, key variable), probes, lets the user pick the model from the
//! endpoint's list, asks what to do with it, shows the diff and asks before writing. Nothing is
//! written before the last confirmation, so Ctrl-C at any step leaves every file untouched.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input, Select};

use crate::cli::AddArgs;
use crate::commands::add::{self, Plan};
use crate::commands::{key_presence, load_config};
use crate::config::{edit, ids};
use crate::ctx::Ctx;
use crate::endpoint::normalize_base_url;
use crate::error::{Exit, UserError};
use crate::presets::{self, Responses};
use crate::probe;

fn prompt_err(e: dialoguer::Error) -> anyhow::Error {
    UserError::refused(format!("prompt failed: {e}; nothing was written")).into()
}

pub fn run(mut args: AddArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let theme = ColorfulTheme::default();
    let existing = edit::provider_ids(&load_config(ctx)?.doc)?;

    if args.preset.is_none() && args.base_url.is_none() {
        let mut items = vec!["Custom endpoint (enter its URL)".to_string()];
        items.extend(presets::ALL.iter().map(|p| {
            let how = match p.responses {
                Responses::Native => "",
                Responses::Bridge => "  [needs a bridge]",
                Responses::Probe => "  [probe decides]",
            };
            format!("{:<14} {}{how}", p.id, p.name)
        }));
        let i = FuzzySelect::with_theme(&theme)
            .with_prompt("Provider (type to filter)")
            .items(&items)
            .default(0)
            .interact()
            .map_err(prompt_err)?;
        if i > 0 {
            args.preset = Some(presets::ALL[i - 1].id.to_string());
        }
    }
    let preset = args.preset.as_deref().map(presets::lookup).transpose()?;
    if let Some(p) = preset
        && let Some(b) = p.bridge
    {
        ctx.ui.warn(&format!("{} does not serve the Responses API Codex needs: {b}", p.name));
    }

    if args.id.is_none() {
        let taken = existing.clone();
        let mut input = Input::<String>::with_theme(&theme).with_prompt("Provider id");
        if let Some(p) = preset.filter(|p| !existing.iter().any(|e| e == p.id)) {
            input = input.default(p.id.to_string());
        }
        let id = input
            .validate_with(move |s: &String| -> Result<(), String> {
                ids::check_new_provider_id(s).map_err(|e| e.message)?;
                if taken.iter().any(|t| t == s) { Err(format!("`{s}` already exists")) } else { Ok(()) }
            })
            .interact_text()
            .map_err(prompt_err)?;
        args.id = Some(id);
    }
    let id = args.id.clone().expect("set above");

    if args.base_url.is_none() && preset.is_none_or(|p| p.needs_edit.is_some()) {
        let mut input =
            Input::<String>::with_theme(&theme).with_prompt("Base URL (the API root, e.g. https://host/v1)");
        if let Some(p) = preset {
            input = input.with_initial_text(p.base_url);
        }
        let url = input
            .validate_with(|s: &String| normalize_base_url(s).map(|_| ()).map_err(|e| e.message))
            .interact_text()
            .map_err(prompt_err)?;
        args.base_url = Some(url);
    }

    if args.env_key.is_none() {
        let default = preset
            .map(|p| p.env_key.map(str::to_string).unwrap_or_default())
            .unwrap_or_else(|| ids::default_env_key(&id));
        let var = Input::<String>::with_theme(&theme)
            .with_prompt("Variable holding the API key (empty for none)")
            .default(default)
            .allow_empty(true)
            .validate_with(|s: &String| {
                if s.is_empty() { Ok(()) } else { ids::check_env_var_name("the variable", s).map_err(|e| e.message) }
            })
            .interact_text()
            .map_err(prompt_err)?;
        if !var.is_empty() {
            let p = key_presence(ctx, &var);
            ctx.ui.status(&format!("  {var}: {}", p.describe()));
            if !p.is_set() {
                ctx.ui.hint(&format!(
                    "export {var}=... in this shell (or put it in $CODEX_HOME/.env) so Codex can read it"
                ));
            }
            args.env_key = Some(var);
        }
    }

    let mut plan = add::resolve(&args, ctx)?;
    if !args.no_probe {
        plan.model = probe_and_pick(&plan, &args, ctx, &theme)?;
    } else if plan.model.is_none() {
        plan.model = ask_model(&theme, &[])?;
    }

    if !args.use_it && args.profile.is_none() {
        let choice = Select::with_theme(&theme)
            .with_prompt("Then")
            .items(["Make it the default provider", "Write a profile file (codex --profile NAME)", "Just save it"])
            .default(0)
            .interact()
            .map_err(prompt_err)?;
        match choice {
            0 => plan.use_it = true,
            1 => {
                let name = Input::<String>::with_theme(&theme)
                    .with_prompt("Profile name")
                    .default(id.clone())
                    .validate_with(|s: &String| ids::check_profile_name(s).map_err(|e| e.message))
                    .interact_text()
                    .map_err(prompt_err)?;
                plan.profile = Some(name);
            }
            _ => {}
        }
    }

    for op in add::preview(&plan, ctx)? {
        ctx.ui.data(&op.diff());
    }
    let yes =
        Confirm::with_theme(&theme).with_prompt("Write these changes?").default(true).interact().map_err(prompt_err)?;
    if !yes {
        return Err(UserError::refused("cancelled; nothing was written").into());
    }
    add::write(&plan, false, ctx)
}

fn ask_model(theme: &ColorfulTheme, models: &[String]) -> anyhow::Result<Option<String>> {
    if models.is_empty() {
        let m = Input::<String>::with_theme(theme)
            .with_prompt("Model id (as the endpoint names it)")
            .allow_empty(true)
            .interact_text()
            .map_err(prompt_err)?;
        return Ok((!m.trim().is_empty()).then(|| m.trim().to_string()));
    }
    let i = FuzzySelect::with_theme(theme)
        .with_prompt(format!("Model ({} listed by the endpoint; type to filter)", models.len()))
        .items(models)
        .default(0)
        .max_length(12)
        .interact()
        .map_err(prompt_err)?;
    Ok(Some(models[i].clone()))
}

/// Probes; when no model was given, lists the endpoint's models to pick from and probes again
/// with the chosen one. A failed probe is shown and saving needs an explicit yes.
fn probe_and_pick(plan: &Plan, args: &AddArgs, ctx: &Ctx, theme: &ColorfulTheme) -> anyhow::Result<Option<String>> {
    let opts = add::probe_options(args);
    let mut model = plan.model.clone();
    ctx.ui.status(&format!("Probing {} ...", plan.spec.base_url.as_deref().unwrap_or("")));
    let mut report = probe::run(vec![add::probe_target(plan, model.clone(), ctx)], &opts).remove(0);
    if model.is_none() {
        model = ask_model(theme, &report.models)?;
        if model.is_some() {
            ctx.ui.status("Probing with that model ...");
            report = probe::run(vec![add::probe_target(plan, model.clone(), ctx)], &opts).remove(0);
        }
    }
    eprint!("{}", probe::render::render_human(&report, &ctx.ui));
    if !report.ok {
        let save = Confirm::with_theme(theme)
            .with_prompt("The endpoint does not work the way Codex needs. Save anyway?")
            .default(false)
            .interact()
            .map_err(prompt_err)?;
        if !save {
            return Err(UserError::refused(format!("probe failed ({}); nothing was written", report.verdict.as_str()))
                .hint(report.hint.clone().unwrap_or_default())
                .into());
        }
    }
    Ok(model)
}
