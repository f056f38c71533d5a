//! `list`: providers (custom and built-in, the active one marked, key set or not, the threads
//! Codex recorded with each when there are any) and profiles.

use std::path::PathBuf;

use serde::Serialize;

use crate::codex::provider::wire_api_ok;
use crate::commands::output::{self, Output, SchemaVersion};
use crate::commands::{display, key_presence, load_layers};
use crate::config::ConfigFile;
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::ui::{Tone, table};

#[derive(Debug, Serialize)]
struct Active {
    provider: String,
    model: Option<String>,
}

/// One provider row.
#[derive(Debug, Serialize)]
struct ProviderRow {
    id: String,
    name: Option<String>,
    base_url: Option<String>,
    builtin: bool,
    active: bool,
    env_key: Option<String>,
    key_set: Option<bool>,
    /// The provider's own model (`memo::model_of`): what `use ID` selects with it.
    model: Option<String>,
    threads: usize,
    /// The KEY column: whether the variable is set, never its value.
    #[serde(skip)]
    key_described: String,
}

#[derive(Debug, Serialize)]
struct ProfileRow {
    name: String,
    path: PathBuf,
    provider: Option<String>,
    model: Option<String>,
}

#[derive(Debug, Serialize)]
struct Listing {
    schema_version: SchemaVersion,
    active: Active,
    providers: Vec<ProviderRow>,
    profiles: Vec<ProfileRow>,
    legacy_profiles: Vec<String>,
    /// config.toml's top-level `profile = "…"`, which stops Codex 0.134+ from starting.
    legacy_profile_selector: Option<String>,
    /// Providers in config.toml whose `wire_api` is not "responses" (`chat`): Codex 0.95+
    /// refuses to start while any is there, selected or not.
    bad_wire_api: Vec<String>,
    /// Whether any thread was recorded (the THREADS column is shown only then).
    #[serde(skip)]
    any_threads: bool,
}

pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let sel = layers.selection();
    // `codex exec resume --last` only finds threads of the active provider: show where they are.
    let threads = crate::threads::count_by_provider(&ctx.codex_home);
    let mut providers = Vec::new();
    for id in layers.all_ids()? {
        let Some(v) = layers.provider(&id)? else { continue };
        let key = v.env_key().map(|k| (k.to_string(), key_presence(ctx, k)));
        let key_described = match &key {
            Some((var, p)) => p.describe(var),
            None if v.builtin => "built-in".into(),
            None => match crate::auth_command::AuthCommand::of(&v) {
                Some(a) if a.is_keychain(&id) => "keychain".into(),
                Some(_) => "auth.command".into(),
                None => "none".into(),
            },
        };
        providers.push(ProviderRow {
            name: v.name().map(str::to_string),
            base_url: v.base_url().map(str::to_string),
            builtin: v.builtin,
            active: id == sel.provider,
            env_key: key.as_ref().map(|k| k.0.clone()),
            key_set: key.as_ref().map(|k| k.1.is_set()),
            model: crate::memo::model_of(&ctx.codex_home, &layers, &id).map(|(m, _)| m),
            threads: threads.get(&id).copied().unwrap_or(0),
            key_described,
            id,
        });
    }
    let profiles = crate::home::profile_names(&ctx.codex_home)
        .into_iter()
        .map(|name| {
            let path = ctx.profile_path(&name);
            let sel = ConfigFile::load(&path).map(|f| f.selection()).unwrap_or_default();
            ProfileRow { name, path, provider: sel.provider, model: sel.model }
        })
        .collect();
    let listing = Listing {
        schema_version: SchemaVersion,
        active: Active { provider: sel.provider.clone(), model: sel.model.clone() },
        providers,
        profiles,
        legacy_profiles: files.base.legacy_profiles(),
        legacy_profile_selector: files.base.legacy_profile_selector().map(str::to_string),
        bad_wire_api: files
            .base
            .provider_tables()
            .into_iter()
            .filter(|t| t.has("wire_api") && !t.str_field("wire_api").is_some_and(wire_api_ok))
            .map(|t| t.id().to_string())
            .collect(),
        any_threads: !threads.is_empty(),
    };
    output::emit(ctx, &listing)
}

impl Output for Listing {
    fn human(&self, ctx: &Ctx) {
        let providers = &self.providers;
        let mut rows =
            vec![vec!["CURRENT".into(), "ID".into(), "NAME".into(), "MODEL".into(), "BASE URL".into(), "KEY".into()]];
        if self.any_threads {
            rows[0].push("THREADS".into());
        }
        for p in providers {
            rows.push(vec![
                if p.active { "*".into() } else { String::new() },
                p.id.clone(),
                p.name.clone().unwrap_or_default(),
                p.model.clone().unwrap_or_else(|| "-".into()),
                p.base_url.clone().unwrap_or_else(|| "-".into()),
                p.key_described.clone(),
            ]);
            if self.any_threads {
                rows.last_mut().expect("just pushed").push(p.threads.to_string());
            }
        }
        if let Some(width) = crate::ui::stdout_width() {
            // NAME, BASE URL and MODEL give way first; built-in rows are cut to the user's rows.
            table::fit(&mut rows, width, &[2, 4, 3], &|r| r == 0 || !providers[r - 1].builtin);
        }
        let mut out = table::painted(&rows, Some(&ctx.ui), &|row, _| match row {
            0 => Some(Tone::Bold),
            r if providers[r - 1].active => Some(Tone::Ok),
            _ => None,
        });
        if let Some(m) = &self.active.model {
            out.push(format!("\nmodel: {m}"));
        }
        if !self.profiles.is_empty() {
            let mut rows = vec![vec!["PROFILE".into(), "PROVIDER".into(), "MODEL".into(), "FILE".into()]];
            for p in &self.profiles {
                rows.push(vec![
                    p.name.clone(),
                    p.provider.clone().unwrap_or("-".into()),
                    p.model.clone().unwrap_or("-".into()),
                    display(ctx, &p.path),
                ]);
            }
            out.push(String::new());
            out.extend(table::lines(&rows));
        }
        ctx.ui.data(&out.join("\n"));
        if !self.legacy_profiles.is_empty() {
            ctx.ui.warn(&format!(
                "config.toml has legacy [profiles.*] tables ({}), which Codex 0.134+ ignores; run `codex-provider profile migrate`",
                self.legacy_profiles.join(", ")
            ));
        }
        if let Some(p) = &self.legacy_profile_selector {
            ctx.ui.warn(&format!(
                "config.toml has `profile = \"{p}\"`, which stops Codex 0.134+ from starting (\"legacy `profile = \"{p}\"` config is no longer supported\"); run `codex-provider profile migrate`"
            ));
        }
        if !self.bad_wire_api.is_empty() {
            let ids = self.bad_wire_api.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
            let (s, has) = if self.bad_wire_api.len() == 1 { ("", "has") } else { ("s", "have") };
            ctx.ui.warn(&format!(
                "provider{s} {ids} {has} a wire_api other than \"responses\", which stops Codex 0.95+ from starting even when not selected; run `codex-provider doctor --fix`"
            ));
        }
    }
}
