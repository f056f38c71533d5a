//! `import`: the setup the old guides teach (`OPENAI_BASE_URL` or `OPENAI_API_BASE`, plus
//! `OPENAI_API_KEY`, exported or in `$CODEX_HOME/.env`) becomes a probed provider, because
//! Codex ignores those variables for its built-in provider. Everything after finding the URL
//! is `add`'s job (same plan, probe and write), so the two cannot drift apart.

use serde::Serialize;

use crate::commands::add::{self, Added, SaveOptions};
use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::Written;
use crate::ctx::Ctx;
use crate::env::{OPENAI_KEY_VAR as KEY_VAR, OPENAI_URL_VARS as URL_VARS};
use crate::error::{Exit, UserError};

/// `import`'s options (its own; `add`'s are built from them below).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub env_key: Option<String>,
    pub model: Option<String>,
    pub save: SaveOptions,
    pub dry_run: bool,
}

/// Where the imported URL was found.
#[derive(Debug, Serialize)]
struct From {
    variable: &'static str,
    /// `environment` or `dotenv`.
    source: &'static str,
}

/// What was imported, and `add`'s write.
#[derive(Debug, Serialize)]
pub struct Imported {
    schema_version: SchemaVersion,
    id: String,
    base_url: String,
    env_key: String,
    from: From,
    #[serde(rename = "use")]
    use_it: bool,
    profile: Option<String>,
    #[serde(flatten)]
    written: Written,
    #[serde(skip)]
    added: Added,
}

impl Output for Imported {
    fn human(&self, ctx: &Ctx) {
        self.added.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        self.added.said()
    }
}

pub fn run(opts: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
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
    let id = match opts.id.clone() {
        Some(id) => id,
        None => id_from_url(&url)?,
    };
    let env_key = opts.env_key.clone().unwrap_or_else(|| KEY_VAR.to_string());
    ctx.ui.status(&format!("Importing {var} from {from} as provider `{id}` (key variable {env_key})."));
    let add = add::Options {
        id: Some(id.clone()),
        base_url: Some(url.clone()),
        env_key: Some(env_key.clone()),
        model: opts.model.clone(),
        save: opts.save.clone(),
        timeout: crate::probe::DEFAULT_TIMEOUT,
        dry_run: opts.dry_run,
        ..add::Options::default()
    };
    let added = add::execute(add, ctx)?;
    let imported = Imported {
        schema_version: SchemaVersion,
        id,
        base_url: url,
        env_key,
        from: From { variable: var, source: if in_dotenv { "dotenv" } else { "environment" } },
        use_it: opts.save.use_it,
        profile: opts.save.profile,
        written: added.written.clone(),
        added,
    };
    output::emit(ctx, &imported)
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
