//! Names: provider ids, profile names, variable names, and what Codex reserves.

use crate::error::UserError;

/// Built-in ids Codex rejects outright in `[model_providers]` (docs/codex-facts.md#providers).
pub const RESERVED: &[&str] = &["openai", "ollama", "lmstudio"];
/// Built-in ids that accept only a few overridden fields.
pub const LIMITED: &[&str] = &["amazon-bedrock", "amazon-bedrock-runtime", "gcp"];
/// Every built-in provider id, in the order `list` shows them.
pub const BUILTIN: &[&str] = &["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime", "gcp"];

pub fn is_builtin(id: &str) -> bool {
    BUILTIN.contains(&id)
}

/// An id we are willing to write as `[model_providers.ID]`.
pub fn check_new_provider_id(id: &str) -> Result<(), UserError> {
    if RESERVED.contains(&id) {
        let hint = match id {
            "openai" => format!(
                "choose another id, e.g. `{id}-custom`; to point the built-in openai provider elsewhere set `openai_base_url`"
            ),
            _ => format!(
                "the built-in `{id}` is configured by CODEX_OSS_BASE_URL / CODEX_OSS_PORT (`codex-provider use {id}` selects it); or pick another id, e.g. `{id}-custom`"
            ),
        };
        return Err(UserError::usage(format!("`{id}` is a built-in provider id that Codex reserves")).hint(hint));
    }
    if id == "ollama-chat" {
        return Err(UserError::usage("`ollama-chat` is no longer supported by Codex")
            .hint("use the built-in `ollama` provider, or another id"));
    }
    if LIMITED.contains(&id) {
        return Err(UserError::usage(format!(
            "`{id}` is a built-in provider: Codex lets you change only a few of its fields (base_url, auth, http_headers, ...)"
        ))
        .hint(format!("choose another id, e.g. `{id}-custom`, or edit [model_providers.{id}] by hand")));
    }
    if !crate::home::is_plain_name(id) {
        return Err(UserError::usage(format!("invalid provider id `{}`", crate::redact::shown(id)))
            .hint("use letters, digits, `-` and `_` (at most 64), e.g. `my-gateway`"));
    }
    Ok(())
}

/// Profile names as `codex --profile` accepts them ([`crate::home::is_plain_name`]); the
/// error lives here rather than in `home` because it must not echo a key typed by mistake.
pub fn check_profile_name(name: &str) -> Result<(), UserError> {
    if crate::home::is_plain_name(name) {
        Ok(())
    } else {
        Err(UserError::usage(format!("invalid profile name `{}`", crate::redact::shown(name)))
            .hint("Codex accepts only letters, digits, `-` and `_`, e.g. `work`"))
    }
}

/// A variable name for `env_key` / `--env-key`; a key value is refused without echoing it.
pub fn check_env_var_name(flag: &str, name: &str) -> Result<(), UserError> {
    let valid = !name.is_empty()
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid && !crate::redact::looks_like_secret(name) {
        return Ok(());
    }
    if crate::redact::looks_like_secret(name) {
        return Err(UserError::usage(format!(
            "{flag} takes the NAME of an environment variable, and the value given looks like an API key (not shown)"
        ))
        .hint(format!("export the key, e.g. `export MYPROV_API_KEY=...`, then pass `{flag} MYPROV_API_KEY`")));
    }
    Err(UserError::usage(format!("{flag}: `{name}` is not a valid environment variable name"))
        .hint("use letters, digits and `_`, not starting with a digit, e.g. MYPROV_API_KEY"))
}

/// The closest candidate by edit distance, for "did you mean".
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(word.len().min(c.len()) / 3) && *d < word.len().max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The suggested default variable for an id: `my-gw` -> `MY_GW_API_KEY`.
pub fn default_env_key(id: &str) -> String {
    let up: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    format!("{up}_API_KEY")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_limited_ids_refused() {
        for id in ["openai", "ollama", "lmstudio", "amazon-bedrock", "gcp", "ollama-chat"] {
            assert!(check_new_provider_id(id).is_err(), "{id}");
        }
        assert!(check_new_provider_id("OpenAI").is_ok(), "ids are case-sensitive in Codex");
        assert!(check_new_provider_id("my_gw-2").is_ok());
        assert!(check_new_provider_id("a.b").is_err());
        assert!(check_new_provider_id("").is_err());
    }

    #[test]
    fn env_key_refuses_secrets_without_echo() {
        let e = check_env_var_name("--env-key", "sk-or-v1-0123456789abcdef0123456789").unwrap_err();
        assert!(!e.message.contains("0123456789"), "{}", e.message);
        assert!(check_env_var_name("--env-key", "OPENROUTER_API_KEY").is_ok());
        assert!(check_env_var_name("--env-key", "1BAD").is_err());
        assert!(check_env_var_name("--env-key", "MY-KEY").unwrap_err().message.contains("MY-KEY"));
    }

    #[test]
    fn did_you_mean() {
        assert_eq!(closest("base_uri", ["base_url", "env_key", "name"]), Some("base_url"));
        assert_eq!(closest("envkey", ["base_url", "env_key", "name"]), Some("env_key"));
        assert_eq!(closest("zzz", ["base_url", "env_key"]), None);
        assert_eq!(default_env_key("my-gw"), "MY_GW_API_KEY");
    }
}
