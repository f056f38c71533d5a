//! Names: provider ids, profile names, variable names, and what Codex reserves.

use crate::error::UserError;

/// Built-in ids Codex rejects outright in `[model_providers]` (contract §3).
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
        return Err(UserError::usage(format!("`{id}` is a built-in provider id that Codex reserves"))
            .hint(format!("choose another id, e.g. `{id}-custom`; to point the built-in openai provider elsewhere set `openai_base_url`")));
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
        return Err(UserError::usage(format!("invalid provider id `{}`", shown(id)))
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
        Err(UserError::usage(format!("invalid profile name `{}`", shown(name)))
            .hint("Codex accepts only letters, digits, `-` and `_`, e.g. `work`"))
    }
}

/// A value that looks like a secret rather than a name, URL or model id: a known key prefix
/// (`sk-`, `gsk_`, `AIza`, a JWT, ...), a token of mixed case with digits, long hex, or a long
/// unbroken alphanumeric run. URLs, paths and model ids (`qwen3-coder-30b-a3b`) are not.
pub fn looks_like_secret(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let lower = lower.strip_prefix("bearer ").unwrap_or(&lower);
    let prefixed = [
        "sk-",
        "sk_",
        "pk-",
        "rk-",
        "key-",
        "ghp_",
        "gho_",
        "github_pat_",
        "gsk_",
        "xai-",
        "hf_",
        "eyj",
        "aiza",
        "nvapi-",
    ]
    .iter()
    .any(|p| lower.starts_with(p) && lower.len() >= p.len() + 8);
    if prefixed {
        return true;
    }
    let token = s.strip_prefix("Bearer ").unwrap_or(s);
    if token.len() < 20 || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.+=".contains(&b)) {
        return false;
    }
    let (upper, low, digit) = (
        token.bytes().any(|b| b.is_ascii_uppercase()),
        token.bytes().any(|b| b.is_ascii_lowercase()),
        token.bytes().any(|b| b.is_ascii_digit()),
    );
    let hex = token.len() >= 32 && token.bytes().all(|b| b.is_ascii_hexdigit());
    let longest_run = token.split(|c: char| !c.is_ascii_alphanumeric()).map(str::len).max().unwrap_or(0);
    (upper && low && digit) || hex || (longest_run >= 24 && digit)
}

/// A variable name for `env_key` / `--env-key`; a key value is refused without echoing it.
pub fn check_env_var_name(flag: &str, name: &str) -> Result<(), UserError> {
    let valid = !name.is_empty()
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid && !looks_like_secret(name) {
        return Ok(());
    }
    if looks_like_secret(name) {
        return Err(UserError::usage(format!(
            "{flag} takes the NAME of an environment variable, and the value given looks like an API key (not shown)"
        ))
        .hint(format!("export the key, e.g. `export MYPROV_API_KEY=...`, then pass `{flag} MYPROV_API_KEY`")));
    }
    Err(UserError::usage(format!("{flag}: `{name}` is not a valid environment variable name"))
        .hint("use letters, digits and `_`, not starting with a digit, e.g. MYPROV_API_KEY"))
}

/// A config line as it may be printed: the value of `experimental_bearer_token`, or any
/// quoted string that looks like a key, is replaced. Used wherever raw file text reaches the
/// terminal (diffs, `profile show -v`), so a secret the user keeps in a file is not echoed.
pub fn mask_line(line: &str) -> String {
    let key = line.split('=').next().unwrap_or("").trim().trim_start_matches(['+', '-', ' ']);
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(['"', '\'']) {
        let quote = rest.as_bytes()[start] as char;
        let Some(len) = rest[start + 1..].find(quote) else { break };
        let inner = &rest[start + 1..start + 1 + len];
        out.push_str(&rest[..=start]);
        let secret = key == "experimental_bearer_token" && line.contains('=') || looks_like_secret(inner);
        out.push_str(if secret { "<hidden: looks like a key>" } else { inner });
        out.push(quote);
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// Masks every line of a text (see [`mask_line`]).
pub fn mask_text(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|l| {
            let (body, nl) = l.strip_suffix('\n').map_or((l, ""), |b| (b, "\n"));
            mask_line(body) + nl
        })
        .collect()
}

/// Echo-safe rendering of a user string: never repeats something that looks like a key.
pub fn shown(s: &str) -> String {
    if looks_like_secret(s) { "<hidden: looks like a key>".to_string() } else { s.to_string() }
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
    fn secrets_versus_names_urls_and_models() {
        for secret in [
            "sk-proj-abcdefghijklmnop0123456789",
            "Bearer sk-live-0123456789abcdefghij",
            "gsk_0123456789abcdefghij",
            "AIzaSyA0123456789abcdefghijklmnopqrst",
            "0123456789abcdef0123456789abcdef",
            "Xy7kP2mQ9vL4nR8sT1wZ5bC3",
            "abcdefghijklmnopqrstuvwxyz0123",
        ] {
            assert!(looks_like_secret(secret), "{secret}");
        }
        for plain in [
            "https://llm-gateway.corp.example.com/v1",
            "qwen3-coder-30b-a3b-instruct-q4_k_m",
            "OPENROUTER_API_KEY",
            "anthropic/claude-sonnet-4",
            "2025-04-01-preview",
            "Azure OpenAI (East US)",
            "/home/ravi/src/homelab/ansible",
        ] {
            assert!(!looks_like_secret(plain), "{plain}");
        }
    }

    #[test]
    fn masks_keys_in_printed_lines() {
        assert_eq!(
            mask_line("+experimental_bearer_token = \"abc\""),
            "+experimental_bearer_token = \"<hidden: looks like a key>\""
        );
        let l =
            mask_line(r#"http_headers = { Authorization = "Bearer sk-live-0123456789abcdefghij", X-Title = "codex" }"#);
        assert!(!l.contains("sk-live") && l.contains("\"codex\""), "{l}");
        assert_eq!(mask_line("name = \"Gateway\" # keep"), "name = \"Gateway\" # keep");
        assert_eq!(
            mask_text("a = \"sk-0123456789abcdefghijklmn\"\nb = 1\n"),
            "a = \"<hidden: looks like a key>\"\nb = 1\n"
        );
    }

    #[test]
    fn did_you_mean() {
        assert_eq!(closest("base_uri", ["base_url", "env_key", "name"]), Some("base_url"));
        assert_eq!(closest("envkey", ["base_url", "env_key", "name"]), Some("env_key"));
        assert_eq!(closest("zzz", ["base_url", "env_key"]), None);
        assert_eq!(default_env_key("my-gw"), "MY_GW_API_KEY");
    }
}
