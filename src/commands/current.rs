//! `current`: the active provider id (just the id, for scripts); `-v` adds the model and sources.

use serde::Serialize;

use crate::commands::load_layers;
use crate::commands::output::{self, Output, SchemaVersion};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--profile NAME`: layer NAME.config.toml over config.toml.
    pub profile: Option<String>,
    /// `--format TEMPLATE`.
    pub format: Option<String>,
}

/// The active selection and where each part comes from.
#[derive(Debug, Serialize)]
pub struct Current {
    schema_version: SchemaVersion,
    provider: String,
    model: Option<String>,
    provider_source: String,
    model_source: Option<String>,
    profile: Option<String>,
    /// `--format`'s filled template, which replaces the human text.
    #[serde(skip)]
    formatted: Option<String>,
}

impl Output for Current {
    fn human(&self, ctx: &Ctx) {
        if let Some(f) = &self.formatted {
            ctx.ui.data(f);
        } else if ctx.ui.verbose > 0 {
            let model = match (&self.model, &self.model_source) {
                (Some(m), Some(s)) => format!("{m} (from {s})"),
                _ => "unset (Codex sends its own default)".into(),
            };
            ctx.ui.data(&format!("provider: {} (from {})\nmodel:    {model}", self.provider, self.provider_source));
        } else {
            ctx.ui.data(&self.provider);
        }
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let files = load_layers(ctx, args.profile.as_deref())?;
    let layers = files.layers();
    let sel = layers.selection();
    let formatted = match &args.format {
        Some(template) => {
            let base_url = || -> Result<String, UserError> {
                Ok(layers.provider(&sel.provider)?.and_then(|v| v.base_url().map(str::to_string)).unwrap_or_default())
            };
            Some(render(template, |name| match name {
                "provider" => Ok(Some(sel.provider.clone())),
                "model" => Ok(Some(sel.model.clone().unwrap_or_default())),
                "profile" => Ok(Some(args.profile.clone().unwrap_or_default())),
                "base_url" => base_url().map(Some),
                _ => Ok(None),
            })?)
        }
        None => None,
    };
    output::emit(
        ctx,
        &Current {
            schema_version: SchemaVersion,
            provider: sel.provider.clone(),
            model: sel.model.clone(),
            provider_source: sel.provider_source.to_string(),
            model_source: sel.model_source.as_ref().map(|s| s.to_string()),
            profile: args.profile,
            formatted,
        },
    )
}

const PLACEHOLDERS: &[&str] = &["provider", "model", "profile", "base_url"];

/// Fills `{name}` placeholders (`{{` and `}}` are literal braces); an unknown name or an
/// unclosed brace is a usage error, so a typo in a prompt template shows at once.
fn render(template: &str, value: impl Fn(&str) -> Result<Option<String>, UserError>) -> Result<String, UserError> {
    let bad = |what: String| {
        UserError::usage(format!("--format: {what}")).hint("placeholders: {provider}, {model}, {profile}, {base_url}")
    };
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(r) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            out.push_str(&tail[..1]);
            rest = r;
            continue;
        }
        if tail.starts_with('}') {
            return Err(bad("unmatched `}` (write `}}` for a literal brace)".into()));
        }
        let Some(end) = tail.find('}') else { return Err(bad("unclosed `{`".into())) };
        let name = &tail[1..end];
        match value(name)? {
            Some(v) => out.push_str(&v),
            None => {
                let near = crate::config::ids::closest(name, PLACEHOLDERS.iter().copied());
                let msg = format!("unknown placeholder `{{{name}}}`");
                return Err(match near {
                    Some(n) => {
                        bad(msg).hint(format!("did you mean `{{{n}}}`? (placeholders: {})", PLACEHOLDERS.join(", ")))
                    }
                    None => bad(msg),
                });
            }
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}
