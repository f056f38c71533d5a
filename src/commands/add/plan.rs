//! Options and preset defaults → a validated [`Plan`]: every check `add` makes before it
//! touches the network or a file, and no prompts (the interactive flow fills the flags first).

use std::time::Duration;

use crate::config::{ProviderSpec, ids};
use crate::ctx::Ctx;
use crate::endpoint::{check_header_name, normalize_base_url, parse_pairs};
use crate::error::UserError;
use crate::presets::{self, Preset};

/// How `add` and `import` save what they probed: where, and whether the probe decides.
#[derive(Debug, Clone, Default)]
pub struct SaveOptions {
    /// `--use`: also make it the default provider.
    pub use_it: bool,
    /// `--profile NAME`: also write NAME.config.toml selecting it.
    pub profile: Option<String>,
    pub no_probe: bool,
    /// Save even when the probe fails.
    pub force: bool,
}

/// What `add` was asked to do (the flags; the wizard completes a copy of its own).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub base_url: Option<String>,
    pub env_key: Option<String>,
    pub name: Option<String>,
    pub model: Option<String>,
    pub preset: Option<String>,
    /// `--query K=V` (repeatable).
    pub query: Vec<String>,
    /// `--header K=V` (repeatable).
    pub header: Vec<String>,
    /// `--env-header H=VAR` (repeatable).
    pub env_header: Vec<String>,
    pub save: SaveOptions,
    pub replace: bool,
    pub bridge: bool,
    pub timeout: Duration,
    pub dry_run: bool,
}

/// Everything `add` needs, validated, before any file is touched.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: String,
    pub spec: ProviderSpec,
    pub model: Option<String>,
    pub use_it: bool,
    pub profile: Option<String>,
    pub replace: bool,
    /// The endpoint's model ids, once probed (for the model picker and the hints).
    pub models: Vec<String>,
    /// A base_url the probe PROVED works (`{base}/v1`), once probed: the wizard offers it, the
    /// flags-only flow prints the command that uses it.
    pub suggested_base_url: Option<String>,
    /// The wizard stored the key in the OS keychain: the provider is saved with `auth` (this
    /// binary's `key get ID`) in place of `env_key`.
    pub keychain: bool,
}

/// A missing value without a terminal to ask on: say why nothing was asked.
pub(super) fn no_prompt(e: UserError) -> UserError {
    UserError { message: format!("{} (not asked: no terminal)", e.message), ..e }
}

/// Flags and preset defaults → a validated plan.
pub fn resolve(args: &Options, ctx: &Ctx) -> Result<Plan, UserError> {
    let preset: Option<&Preset> = args.preset.as_deref().map(presets::lookup).transpose()?;
    let id = args.id.clone().or_else(|| preset.map(|p| p.id.to_string())).ok_or_else(|| {
        UserError::usage("missing the provider ID").hint("codex-provider add ID --base-url URL [--env-key VAR]")
    })?;
    let existing_ok = args.replace && ids::is_builtin(&id);
    if !existing_ok {
        ids::check_new_provider_id(&id)?;
    }
    let mut spec = ProviderSpec::default();
    let raw_url = match preset {
        Some(p) => Some(p.base_url_for(args.base_url.as_deref())?),
        None => args.base_url.clone(),
    };
    match raw_url {
        Some(raw) => {
            let n = normalize_base_url(&raw)?;
            for note in &n.notes {
                ctx.ui.note(note);
            }
            spec.base_url = Some(n.base_url);
            spec.query_params = n.moved_query;
        }
        None if args.replace => {}
        None => {
            return Err(UserError::usage("missing --base-url")
                .hint(format!("codex-provider add {id} --base-url https://HOST/v1, or start from a preset: --preset (see `codex-provider presets`)")));
        }
    }
    if let Some(p) = preset {
        for (k, v) in p.query_params {
            if !spec.query_params.iter().any(|(x, _)| x == k) {
                spec.query_params.push((k.to_string(), v.to_string()));
            }
        }
        spec.http_headers.extend(p.http_headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    }
    for (k, v) in parse_pairs("--query", &args.query)?.iter().chain(&parse_pairs("--header", &args.header)?) {
        if crate::redact::looks_like_secret(v) && !k.eq_ignore_ascii_case("authorization") {
            let flag = if args.query.iter().any(|q| q.starts_with(&format!("{k}="))) { "--query" } else { "--header" };
            return Err(crate::endpoint::secret_value(flag, &format!("`{k}`")).into());
        }
    }
    for (k, v) in parse_pairs("--query", &args.query)? {
        spec.query_params.retain(|(x, _)| *x != k);
        spec.query_params.push((k, v));
    }
    for (k, v) in parse_pairs("--header", &args.header)? {
        check_header_name("--header", &k)?;
        if k.eq_ignore_ascii_case("authorization") {
            return Err(UserError::usage("--header Authorization would write a secret into config.toml").hint(
                "put the key in an environment variable and pass --env-key VAR (Codex sends it as a Bearer token)",
            ));
        }
        spec.http_headers.retain(|(x, _)| !x.eq_ignore_ascii_case(&k));
        spec.http_headers.push((k, v));
    }
    for (h, var) in parse_pairs("--env-header", &args.env_header)? {
        check_header_name("--env-header", &h)?;
        ids::check_env_var_name("--env-header", &var)?;
        spec.env_http_headers.push((h, var));
    }
    spec.env_key = args.env_key.clone().or_else(|| preset.and_then(|p| p.env_key.map(str::to_string)));
    if let Some(k) = &spec.env_key {
        ids::check_env_var_name("--env-key", k)?;
    }
    spec.name = args
        .name
        .clone()
        .or_else(|| (!args.replace).then(|| preset.map(|p| p.name.to_string()).unwrap_or_else(|| id.clone())));
    if spec.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(UserError::usage("--name must not be empty").hint("Codex refuses a provider without a name"));
    }
    if !args.replace {
        spec.wire_api = Some(crate::codex::provider::WIRE_API.to_string());
    }
    if let Some(p) = &args.save.profile {
        ids::check_profile_name(p)?;
    }
    Ok(Plan {
        id,
        spec,
        model: args.model.clone(),
        use_it: args.save.use_it,
        profile: args.save.profile.clone(),
        replace: args.replace,
        models: Vec::new(),
        suggested_base_url: None,
        keychain: false,
    })
}
