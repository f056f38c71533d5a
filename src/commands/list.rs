//! `list`: providers (custom and built-in, the active one marked, key set or not, the threads
//! Codex recorded with each when there are any) and profiles.

use serde_json::json;

use crate::cli::JsonArgs;
use crate::commands::{display, key_presence, load_layers};
use crate::config::ConfigFile;
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::ui::{Tone, table};

pub fn run(args: JsonArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let sel = layers.selection();
    let mut providers = Vec::new();
    for id in layers.all_ids()? {
        let Some(v) = layers.provider(&id)? else { continue };
        let key = v.env_key().map(|k| (k.to_string(), key_presence(ctx, k)));
        providers.push((id.clone(), v, key, id == sel.provider));
    }
    let profiles: Vec<(String, Option<String>, Option<String>)> = crate::home::profile_names(&ctx.codex_home)
        .into_iter()
        .map(|n| {
            let sel = ConfigFile::load(&ctx.profile_path(&n)).map(|f| f.selection()).unwrap_or_default();
            (n, sel.provider, sel.model)
        })
        .collect();
    let legacy = files.base.legacy_profiles();
    // `codex exec resume --last` only finds threads of the active provider: show where they are.
    let threads = crate::threads::count_by_provider(&ctx.codex_home);
    let count = |id: &str| threads.get(id).copied().unwrap_or(0);

    if args.json {
        let out = json!({
            "schema_version": 1,
            "active": {"provider": sel.provider, "model": sel.model},
            "providers": providers.iter().map(|(id, v, key, active)| json!({
                "id": id,
                "name": v.name(),
                "base_url": v.base_url(),
                "builtin": v.builtin,
                "active": active,
                "env_key": key.as_ref().map(|k| k.0.clone()),
                "key_set": key.as_ref().map(|k| k.1.is_set()),
                "threads": count(id),
            })).collect::<Vec<_>>(),
            "profiles": profiles.iter().map(|(n, p, m)| json!({
                "name": n, "path": ctx.profile_path(n), "provider": p, "model": m,
            })).collect::<Vec<_>>(),
            "legacy_profiles": legacy,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
        return Ok(Exit::Ok);
    }

    let mut rows = vec![vec!["CURRENT".into(), "ID".into(), "NAME".into(), "BASE URL".into(), "KEY".into()]];
    if !threads.is_empty() {
        rows[0].push("THREADS".into());
    }
    for (id, v, key, active) in &providers {
        let key = match key {
            Some((var, p)) => p.describe(var),
            None if v.builtin => "built-in".into(),
            None => match crate::auth_command::AuthCommand::of(v) {
                Some(a) if a.is_keychain(id) => "keychain".into(),
                Some(_) => "auth.command".into(),
                None => "none".into(),
            },
        };
        rows.push(vec![
            if *active { "*".into() } else { String::new() },
            id.clone(),
            v.name().unwrap_or("").to_string(),
            v.base_url().unwrap_or("-").to_string(),
            key,
        ]);
        if !threads.is_empty() {
            rows.last_mut().expect("just pushed").push(count(id).to_string());
        }
    }
    if let Some(width) = crate::ui::stdout_width() {
        // NAME and BASE URL give way first; built-in rows are cut to the user's rows.
        table::fit(&mut rows, width, &[2, 3], &|r| r == 0 || !providers[r - 1].1.builtin);
    }
    let mut out = table::painted(&rows, Some(&ctx.ui), &|row, _| match row {
        0 => Some(Tone::Bold),
        r if providers[r - 1].3 => Some(Tone::Ok),
        _ => None,
    });
    if let Some(m) = &sel.model {
        out.push(format!("\nmodel: {m}"));
    }
    if !profiles.is_empty() {
        let mut rows = vec![vec!["PROFILE".into(), "PROVIDER".into(), "MODEL".into(), "FILE".into()]];
        for (n, p, m) in &profiles {
            rows.push(vec![
                n.clone(),
                p.clone().unwrap_or("-".into()),
                m.clone().unwrap_or("-".into()),
                display(ctx, &ctx.profile_path(n)),
            ]);
        }
        out.push(String::new());
        out.extend(table::lines(&rows));
    }
    ctx.ui.data(&out.join("\n"));
    if !legacy.is_empty() {
        ctx.ui.warn(&format!(
            "config.toml has legacy [profiles.*] tables ({}), which Codex 0.134+ ignores; run `codex-provider profile migrate`",
            legacy.join(", ")
        ));
    }
    Ok(Exit::Ok)
}
