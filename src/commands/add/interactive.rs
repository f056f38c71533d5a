//! The prompts of interactive `add` (a terminal without `--yes`). Each asks one question and
//! returns the answer; the flow that decides what to ask lives in `add/mod.rs`.
//!
//! Every prompt has a flag: preset `--preset`, id `ID`, URL `--base-url`, key variable
//! `--env-key`, model `--model`, "Then" `--use` / `--profile`, "Save anyway?" `--force`,
//! the final confirmation `--yes`. With `--dry-run` the flow ends at the diff.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input, Select};

use crate::config::ids;
use crate::endpoint::normalize_base_url;
use crate::error::UserError;
use crate::presets::{self, Preset, Responses};

/// Rows of a picker list (the rest scrolls), so the prompt stays on a small terminal.
const LIST_ROWS: usize = 8;
/// What to type at the key-variable prompt for "no key".
const NO_KEY: &str = "-";

fn prompt_err(e: dialoguer::Error) -> anyhow::Error {
    UserError::refused(format!("prompt failed: {e}; nothing was written")).into()
}

/// What to do with the provider once saved.
pub enum Then {
    Use,
    Profile(String),
    Save,
}

/// The questions, in one theme.
pub struct Prompts {
    theme: ColorfulTheme,
}

impl Prompts {
    pub fn new() -> Prompts {
        Prompts { theme: crate::ui::prompt::theme() }
    }

    /// A preset id, or `None` for a custom endpoint.
    pub fn preset(&self, have_url: bool) -> anyhow::Result<Option<String>> {
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
        let i = FuzzySelect::with_theme(&self.theme)
            .with_prompt("Provider (type to filter)")
            .items(&items)
            .default(0)
            .max_length(LIST_ROWS)
            .interact()
            .map_err(prompt_err)?;
        Ok((i > 0).then(|| presets::ALL[i - 1].id.to_string()))
    }

    pub fn id(&self, preset: Option<&Preset>, taken: Vec<String>) -> anyhow::Result<String> {
        let mut input =
            Input::<String>::with_theme(&self.theme).with_prompt("Provider id (a short name, e.g. work-gw)");
        if let Some(p) = preset.filter(|p| !taken.iter().any(|e| e == p.id)) {
            input = input.default(p.id.to_string());
        }
        input
            .validate_with(move |s: &String| -> Result<(), String> {
                ids::check_new_provider_id(s).map_err(|e| e.message)?;
                if taken.iter().any(|t| t == s) {
                    Err(format!("`{s}` already exists; choose another id"))
                } else {
                    Ok(())
                }
            })
            .interact_text()
            .map_err(prompt_err)
            .map(|s| s.trim().to_string())
    }

    pub fn url(&self, preset: Option<&Preset>) -> anyhow::Result<String> {
        let mut input =
            Input::<String>::with_theme(&self.theme).with_prompt("Base URL (the API root, e.g. https://host/v1)");
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
    pub fn key_var(&self, default: Option<String>) -> anyhow::Result<Option<String>> {
        let var = Input::<String>::with_theme(&self.theme)
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

    pub fn model(&self, models: &[String]) -> anyhow::Result<Option<String>> {
        if models.is_empty() {
            let m = Input::<String>::with_theme(&self.theme)
                .with_prompt("Model id (as the endpoint names it; empty to skip)")
                .allow_empty(true)
                .interact_text()
                .map_err(prompt_err)?;
            return Ok((!m.trim().is_empty()).then(|| m.trim().to_string()));
        }
        let i = FuzzySelect::with_theme(&self.theme)
            .with_prompt(format!("Model ({} listed by the endpoint; type to filter)", models.len()))
            .items(models)
            .default(0)
            .max_length(LIST_ROWS)
            .interact()
            .map_err(prompt_err)?;
        Ok(Some(models[i].clone()))
    }

    pub fn then(&self, id: &str) -> anyhow::Result<Then> {
        let choice = Select::with_theme(&self.theme)
            .with_prompt("Then")
            .items(["Make it the default provider", "Write a profile file (codex --profile NAME)", "Just save it"])
            .default(0)
            .interact()
            .map_err(prompt_err)?;
        Ok(match choice {
            0 => Then::Use,
            1 => Then::Profile(
                Input::<String>::with_theme(&self.theme)
                    .with_prompt("Profile name")
                    .default(id.to_string())
                    .validate_with(|s: &String| ids::check_profile_name(s).map_err(|e| e.message))
                    .interact_text()
                    .map_err(prompt_err)?,
            ),
            _ => Then::Save,
        })
    }

    /// "Save anyway?" after a failed probe (`verdict` names the failure); default no.
    pub fn save_anyway(&self, verdict: &str) -> anyhow::Result<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt(format!("The probe failed ({verdict}). Save it anyway?"))
            .default(false)
            .interact()
            .map_err(prompt_err)
    }

    /// The last question before anything is written; default yes.
    pub fn confirm_write(&self) -> anyhow::Result<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt("Write these changes?")
            .default(true)
            .interact()
            .map_err(prompt_err)
    }
}
