//! The prompts of interactive `add` (a terminal without `--yes`). Each asks one question and
//! returns the answer; the flow that decides what to ask lives in `add/wizard.rs`.
//!
//! Every prompt has a flag: preset `--preset`, id `ID`, URL `--base-url`, key variable
//! `--env-key`, model `--model`, "Then" `--use` / `--profile`, "Save anyway?" `--force`,
//! the final confirmation `--yes`. With `--dry-run` the flow ends at the diff. After a failed
//! probe, [`Prompts::recover`] offers the ways out (retry, another key variable, store the
//! key, edit or replace the URL, a bridge, save anyway, cancel).

use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, Input, Select};

use crate::config::ids;
use crate::endpoint::normalize_base_url;
use crate::presets::{self, Preset, Responses};

/// Rows of a picker list (the rest scrolls), so the prompt stays on a small terminal.
const LIST_ROWS: usize = 8;
/// What to type at the key-variable prompt for "no key".
pub const NO_KEY: &str = "-";

use crate::ui::prompt::failed as prompt_err;

/// The model picker's last row: an id the endpoint does not list (an Azure deployment, an alias).
const OTHER_MODEL: &str = "Other (type an id)";

/// What the user chose after a failed probe.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovery {
    Retry,
    /// Read the key from this variable instead.
    KeyVar(String),
    /// Store the key now in `$CODEX_HOME/.env` (hidden input).
    StoreKey,
    /// Store the key in the OS keychain; the provider is saved with `auth.command`.
    StoreKeyKeychain,
    /// This base URL instead (typed, or the one the probe proved).
    Url(String),
    /// Pick the model again.
    OtherModel,
    /// Add it through a local bridge (`--bridge`).
    Bridge,
    SaveAnyway,
    Cancel,
}

/// What the failed probe makes worth offering.
pub struct Offer<'a> {
    pub verdict: &'a str,
    pub base_url: &'a str,
    /// The URL the probe proved (`Use …/v1 instead?`).
    pub proved_url: Option<&'a str>,
    /// The key variable now in use, if any.
    pub key_var: Option<&'a str>,
    /// Set variables that look like key variables (names only).
    pub key_vars: Vec<String>,
    /// An OS keychain is reachable (offer to keep the key there).
    pub keychain: bool,
    pub models: bool,
    pub chat_only: bool,
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
                ids::check_new_provider_id(s).map_err(|e| e.to_string())?;
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

    /// The base URL; `current` (the URL being edited) or the preset's is the editable default.
    pub fn url(&self, preset: Option<&Preset>, current: Option<&str>) -> anyhow::Result<String> {
        let mut input =
            Input::<String>::with_theme(&self.theme).with_prompt("Base URL (the API root, e.g. https://host/v1)");
        let placeholder = preset.and_then(|p| p.needs_edit.map(|what| (p.base_url, what)));
        if let Some(url) = current.or(preset.map(|p| p.base_url)) {
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
                normalize_base_url(s.trim())
                    .map(|_| ())
                    .map_err(|e| crate::error::UserError::from(e).message.replacen("--base-url ", "", 1))
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
                if s == NO_KEY { Ok(()) } else { ids::check_env_var_name("the variable", s).map_err(|e| e.to_string()) }
            })
            .interact_text()
            .map_err(prompt_err)?;
        let var = var.trim();
        Ok((var != NO_KEY).then(|| var.to_string()))
    }

    /// A model from the endpoint's list, or one typed (`Other`, or no list at all).
    pub fn model(&self, models: &[String]) -> anyhow::Result<Option<String>> {
        if !models.is_empty() {
            let mut items: Vec<&str> = models.iter().map(String::as_str).collect();
            items.push(OTHER_MODEL);
            let i = FuzzySelect::with_theme(&self.theme)
                .with_prompt(format!("Model ({} listed by the endpoint; type to filter)", models.len()))
                .items(&items)
                .default(0)
                .max_length(LIST_ROWS)
                .interact()
                .map_err(prompt_err)?;
            if i < models.len() {
                return Ok(Some(models[i].clone()));
            }
        }
        let m = Input::<String>::with_theme(&self.theme)
            .with_prompt("Model id (as the endpoint names it; empty to skip)")
            .allow_empty(true)
            .interact_text()
            .map_err(prompt_err)?;
        Ok((!m.trim().is_empty()).then(|| m.trim().to_string()))
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
                    .validate_with(|s: &String| ids::check_profile_name(s).map_err(|e| e.to_string()))
                    .interact_text()
                    .map_err(prompt_err)?,
            ),
            _ => Then::Save,
        })
    }

    /// The ways out of a failed probe, the likeliest fix first; nothing is written here.
    pub fn recover(&self, o: &Offer) -> anyhow::Result<Recovery> {
        let mut rows: Vec<(String, Recovery)> = Vec::new();
        if let Some(u) = o.proved_url {
            rows.push((format!("Use {u} instead?"), Recovery::Url(u.to_string())));
        }
        if o.chat_only {
            rows.push(("Add it through a local bridge (--bridge)".into(), Recovery::Bridge));
        }
        rows.push(("Retry the probe".into(), Recovery::Retry));
        rows.push(("Use another key variable".into(), Recovery::KeyVar(String::new())));
        if let Some(var) = o.key_var {
            rows.push((format!("Store the key now (as {var} in $CODEX_HOME/.env, input hidden)"), Recovery::StoreKey));
        }
        rows.push(("Edit the URL".into(), Recovery::Url(String::new())));
        if o.keychain {
            // After the rows tests and hands reach from the top; the ones below from the end.
            rows.push((
                "Store the key now in the OS keychain (input hidden; no file holds it)".into(),
                Recovery::StoreKeyKeychain,
            ));
        }
        if o.models {
            rows.push(("Choose another model".into(), Recovery::OtherModel));
        }
        rows.push(("Save it anyway".into(), Recovery::SaveAnyway));
        rows.push(("Cancel (nothing is written)".into(), Recovery::Cancel));
        let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
        let i = Select::with_theme(&self.theme)
            .with_prompt(format!("The probe failed ({}). What now?", o.verdict))
            .items(&labels)
            .default(0)
            .max_length(LIST_ROWS + 2)
            .interact()
            .map_err(prompt_err)?;
        Ok(match rows.swap_remove(i).1 {
            Recovery::KeyVar(_) => self.other_key_var(&o.key_vars, o.key_var)?,
            Recovery::Url(u) if u.is_empty() => Recovery::Url(self.url(None, Some(o.base_url))?),
            r => r,
        })
    }

    /// Picks a variable from the set key-like ones (names only), or lets the user type one.
    fn other_key_var(&self, names: &[String], current: Option<&str>) -> anyhow::Result<Recovery> {
        const TYPE: &str = "Type a variable name";
        let mut items: Vec<&str> = names.iter().map(String::as_str).filter(|n| Some(*n) != current).collect();
        let listed = items.len();
        items.push(TYPE);
        let i = FuzzySelect::with_theme(&self.theme)
            .with_prompt("Key variable (set ones listed; values never shown)")
            .items(&items)
            .default(0)
            .max_length(LIST_ROWS)
            .interact()
            .map_err(prompt_err)?;
        if i < listed {
            return Ok(Recovery::KeyVar(items[i].to_string()));
        }
        Ok(match self.key_var(current.map(str::to_string))? {
            Some(v) => Recovery::KeyVar(v),
            None => Recovery::KeyVar(NO_KEY.to_string()),
        })
    }

    /// The last question before anything is written; default yes.
    pub fn confirm_write(&self) -> anyhow::Result<bool> {
        crate::ui::prompt::yes_no("Write these changes?", true)
    }
}
