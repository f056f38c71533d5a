//! `import`: the setup the old guides teach (`OPENAI_BASE_URL` or `OPENAI_API_BASE`, plus
//! `OPENAI_API_KEY`, exported or in `$CODEX_HOME/.env`) becomes a probed provider, because
//! Codex ignores those variables for its built-in provider. Everything after finding the URL
//! is `add`'s job (same plan, probe and write), so the two cannot drift apart.

use serde_json::json;

use crate::cli::{AddArgs, ImportArgs};
use crate::ctx::Ctx;
use crate::env::{OPENAI_KEY_VAR as KEY_VAR, OPENAI_URL_VARS as URL_VARS};
use crate::error::{Exit, UserError};

pub fn run(args: ImportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let Some(found) = crate::env::openai_url(&ctx.codex_home) else {
        return Err(UserError::refused(format!(
            "nothing to import: neither {} is set (looked in the environment and $CODEX_HOME/.env)",
            URL_VARS.join(" nor ")
        ))
        .hint("add the endpoint directly: `codex-provider add ID --base-url URL --env-key VAR`")
        .into());
    };
    let (var, url, in_dotenv) = (found.var, found.value, found.in_dotenv);
    let from = if in_dotenv { "$CODEX_HOME/.env" } else { "the environment" };
    let id = match args.id.clone() {
        Some(id) => id,
        None => id_from_url(&url)?,
    };
    let env_key = args.env_key.clone().unwrap_or_else(|| KEY_VAR.to_string());
    ctx.ui.status(&format!("Importing {var} from {from} as provider `{id}` (key variable {env_key})."));
    let add = AddArgs {
        id: Some(id.clone()),
        base_url: Some(url.clone()),
        env_key: Some(env_key.clone()),
        model: args.model.clone(),
        save: args.save.clone(),
        timeout: std::time::Duration::from_secs(15),
        write: args.write.clone(),
        ..AddArgs::default()
    };
    let exit = super::add::run(add, ctx)?;
    if args.json {
        let out = json!({
            "schema_version": 1,
            "id": id,
            "base_url": url,
            "env_key": env_key,
            "from": {"variable": var, "source": if in_dotenv { "dotenv" } else { "environment" }},
            "use": args.save.use_it,
            "profile": args.save.profile,
            "dry_run": args.write.dry_run,
        });
        ctx.ui.data(&serde_json::to_string_pretty(&out)?);
    }
    Ok(exit)
}

/// A provider id from the URL's host: `api.` and `www.` dropped, then the registrable part
/// without its suffix (`https://api.deepseek.com/v1` → `deepseek`, `llm.corp.example` →
/// `llm-corp`); a loopback or bare IP host gives `local`.
fn id_from_url(url: &str) -> Result<String, UserError> {
    let host =
        reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase)).ok_or_else(|| {
            UserError::usage(format!("the imported URL `{}` is not an absolute http(s) URL", crate::redact::shown(url)))
                .hint("fix the variable, or run `codex-provider add ID --base-url URL`")
        })?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host == "localhost" || host.parse::<std::net::IpAddr>().is_ok() {
        return Ok("local".into());
    }
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    while labels.len() > 1 && matches!(labels[0], "api" | "www") {
        labels.remove(0);
    }
    if labels.len() > 1 {
        labels.pop();
    }
    let id: String = labels.join("-").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    Ok(if id.is_empty() { "imported".into() } else { id })
}

#[cfg(test)]
mod tests {
    use super::id_from_url;

    #[test]
    fn ids_come_from_the_host() {
        for (url, id) in [
            ("https://api.deepseek.com/v1", "deepseek"),
            ("https://openrouter.ai/api/v1", "openrouter"),
            ("https://llm.corp.example/v1", "llm-corp"),
            ("http://127.0.0.1:18555/v1", "local"),
            ("http://localhost:11434/v1", "local"),
            ("http://[::1]:8080/v1", "local"),
            ("http://gateway:4000/v1", "gateway"),
        ] {
            assert_eq!(id_from_url(url).unwrap(), id, "{url}");
        }
        assert!(id_from_url("not a url").is_err());
    }
}
