//! Names: provider ids, profile names, variable names, and what Codex reserves.

pub use crate::codex::provider::{BUILTIN, LIMITED, RESERVED, is_builtin};

/// A name we refuse, and why. `Display` is the one line; the fix is worded by the command
/// layer (`commands/errors.rs`). Values that may be keys typed by mistake are kept as shown
/// (masked), never as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// A built-in id Codex rejects in `[model_providers]` (one of [`RESERVED`]).
    Reserved { id: String },
    /// `ollama-chat`: a built-in Codex dropped.
    Dropped { id: String },
    /// A built-in id Codex accepts with only a few fields (one of [`LIMITED`]).
    Limited { id: String },
    /// Not a plain name (letters, digits, `-`, `_`); `id` as shown.
    ProviderId { id: String },
    /// Not a name `codex --profile` accepts; `name` as shown.
    ProfileName { name: String },
    /// A variable name was asked for (`what` names the flag or field) and the value looks
    /// like a key: it is not kept at all.
    EnvVarIsSecret { what: String },
    /// Not an environment variable name.
    EnvVarName { what: String, name: String },
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Reserved { id } => write!(f, "`{id}` is a built-in provider id that Codex reserves"),
            NameError::Dropped { id } => write!(f, "`{id}` is no longer supported by Codex"),
            NameError::Limited { id } => write!(
                f,
                "`{id}` is a built-in provider: Codex lets you change only a few of its fields (base_url, auth, http_headers, ...)"
            ),
            NameError::ProviderId { id } => write!(f, "invalid provider id `{id}`"),
            NameError::ProfileName { name } => write!(f, "invalid profile name `{name}`"),
            NameError::EnvVarIsSecret { what } => write!(
                f,
                "{what} takes the NAME of an environment variable, and the value given looks like an API key (not shown)"
            ),
            NameError::EnvVarName { what, name } => {
                write!(f, "{what}: `{name}` is not a valid environment variable name")
            }
        }
    }
}

impl std::error::Error for NameError {}

/// An id we are willing to write as `[model_providers.ID]`.
pub fn check_new_provider_id(id: &str) -> Result<(), NameError> {
    if RESERVED.contains(&id) {
        return Err(NameError::Reserved { id: id.to_string() });
    }
    if id == "ollama-chat" {
        return Err(NameError::Dropped { id: id.to_string() });
    }
    if LIMITED.contains(&id) {
        return Err(NameError::Limited { id: id.to_string() });
    }
    if !crate::home::is_plain_name(id) {
        return Err(NameError::ProviderId { id: crate::redact::shown(id) });
    }
    Ok(())
}

/// Profile names as `codex --profile` accepts them ([`crate::home::is_plain_name`]); the
/// error lives here rather than in `home` because it must not echo a key typed by mistake.
pub fn check_profile_name(name: &str) -> Result<(), NameError> {
    if crate::home::is_plain_name(name) {
        Ok(())
    } else {
        Err(NameError::ProfileName { name: crate::redact::shown(name) })
    }
}

/// A variable name for `env_key` / `--env-key` (`what` names where it was given); a key
/// value is refused without echoing it.
pub fn check_env_var_name(what: &str, name: &str) -> Result<(), NameError> {
    let valid = !name.is_empty()
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid && !crate::redact::looks_like_secret(name) {
        return Ok(());
    }
    if crate::redact::looks_like_secret(name) {
        return Err(NameError::EnvVarIsSecret { what: what.to_string() });
    }
    Err(NameError::EnvVarName { what: what.to_string(), name: name.to_string() })
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
        assert!(!format!("{e} {e:?}").contains("0123456789"), "{e:?}");
        assert!(check_env_var_name("--env-key", "OPENROUTER_API_KEY").is_ok());
        assert!(check_env_var_name("--env-key", "1BAD").is_err());
        assert!(check_env_var_name("--env-key", "MY-KEY").unwrap_err().to_string().contains("MY-KEY"));
    }

    #[test]
    fn did_you_mean() {
        assert_eq!(closest("base_uri", ["base_url", "env_key", "name"]), Some("base_url"));
        assert_eq!(closest("envkey", ["base_url", "env_key", "name"]), Some("env_key"));
        assert_eq!(closest("zzz", ["base_url", "env_key"]), None);
        assert_eq!(default_env_key("my-gw"), "MY_GW_API_KEY");
    }
}
