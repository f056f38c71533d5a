//! Base URL rules: Codex POSTs to `trim_end('/')(base_url) + "/responses"` and keeps a query
//! string literally (giving `…/v1?x=1/responses`, a 404), so we store a clean API root.

use reqwest::Url;

use crate::error::UserError;

/// What Codex will do with a `base_url`: the one place both `add` (normalise) and `doctor`
/// (lint) read base URLs from. Parsed with the same URL parser Codex's HTTP client uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `scheme://host/path` without query, trailing `/` or `/responses` suffix.
    pub normalized: String,
    /// The query string's pairs (Codex would keep them literally and append `/responses`).
    pub query: Vec<(String, String)>,
    pub has_query: bool,
    pub ends_with_responses: bool,
    /// A version (`v1`, `v1beta`, `v4`) or `openai` path segment, where most servers mount.
    pub has_version_segment: bool,
}

/// Analyses a base URL; `Err` says why Codex would fail with `builder error`.
pub fn analyze(raw: &str) -> Result<BaseUrl, String> {
    let raw = raw.trim();
    if !raw.contains("://") {
        return Err("has no scheme (it must start with http:// or https://)".into());
    }
    let mut url = Url::parse(raw).map_err(|_| "is not an absolute URL".to_string())?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!("has scheme `{}`; Codex needs http:// or https://", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("has no host".into());
    }
    let has_query = url.query().is_some();
    let query: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    url.set_query(None);
    url.set_fragment(None);
    let mut s = url.to_string();
    let mut ends_with_responses = false;
    loop {
        let t = s.trim_end_matches('/');
        match t.strip_suffix("/responses") {
            Some(stripped) => {
                ends_with_responses = true;
                s = stripped.to_string();
            }
            None => {
                s = t.to_string();
                break;
            }
        }
    }
    let has_version_segment = Url::parse(&s).is_ok_and(|u| {
        u.path_segments().into_iter().flatten().any(|seg| {
            seg == "openai"
                || (seg.len() >= 2
                    && seg.starts_with('v')
                    && seg[1..].starts_with(|c: char| c.is_ascii_digit())
                    && seg[1..].chars().all(|c| c.is_ascii_alphanumeric()))
        })
    });
    Ok(BaseUrl { normalized: s, query, has_query, ends_with_responses, has_version_segment })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub base_url: String,
    /// Query parameters moved out of the URL into `query_params`.
    pub moved_query: Vec<(String, String)>,
    /// What was changed, one line each, to tell the user.
    pub notes: Vec<String>,
}

/// Validates `--base-url` and normalises it: strips `/responses` and trailing slashes, moves a
/// query string into `query_params`, refuses a #fragment.
pub fn normalize_base_url(raw: &str) -> Result<Normalized, UserError> {
    // Never echo a key pasted into the wrong flag, or credentials inside the URL.
    let has_credentials = Url::parse(raw.trim()).is_ok_and(|u| !u.username().is_empty() || u.password().is_some());
    let bad = |why: &str| {
        let shown =
            if has_credentials { crate::redact::PLACEHOLDER.to_string() } else { crate::redact::shown(raw.trim()) };
        UserError::usage(format!("--base-url `{shown}` {why}")).hint(
            "give the API root as an absolute URL, e.g. https://openrouter.ai/api/v1 or http://localhost:11434/v1",
        )
    };
    if raw.contains('#') {
        return Err(bad("has a #fragment"));
    }
    let u = analyze(raw).map_err(|why| bad(&why))?;
    if has_credentials {
        return Err(UserError::usage(
            "--base-url carries credentials (user:password@), which would be written into config.toml (not shown)",
        )
        .hint("drop them from the URL; put the key in an environment variable and pass --env-key VAR"));
    }
    if let Some((k, _)) = u.query.iter().find(|(_, v)| crate::redact::looks_like_secret(v)) {
        return Err(secret_value("--base-url", &format!("query parameter `{k}`")));
    }
    let mut notes = Vec::new();
    if !u.query.is_empty() {
        let q = u.query.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        notes.push(format!("moved the query string `{q}` into query_params (Codex would append /responses after it)"));
    }
    if u.ends_with_responses {
        notes.push("removed the trailing /responses (Codex appends it)".to_string());
    }
    Ok(Normalized { base_url: u.normalized, moved_query: u.query, notes })
}

/// Parses `K=V` flag values; `what` names the flag in errors.
pub fn parse_pairs(what: &str, values: &[String]) -> Result<Vec<(String, String)>, UserError> {
    values
        .iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
            _ => Err(UserError::usage(format!("{what} expects K=V, got `{}`", crate::redact::shown(kv)))
                .hint(format!("e.g. {what} api-version=2025-04-01-preview"))),
        })
        .collect()
}

/// A header name as HTTP allows it (Codex silently drops invalid ones).
/// A key-like value given where config.toml would store it in clear (not shown).
pub fn secret_value(flag: &str, what: &str) -> UserError {
    UserError::usage(format!(
        "{flag}: the value of {what} looks like an API key and would be written into config.toml (not shown)"
    ))
    .hint("keep keys in the environment: --env-key VAR for the bearer key, --env-header HEADER=VAR for a header")
}

pub fn check_header_name(flag: &str, name: &str) -> Result<(), UserError> {
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(UserError::usage(format!("{flag}: `{name}` is not a valid HTTP header name"))
            .hint("Codex silently drops invalid header names; use letters, digits and `-`, e.g. X-Title"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_and_key_like_query_values_are_refused_unechoed() {
        for raw in [
            "http://u:sk-abcdef0123456789abcdef@h/v1",
            "http://h/v1?key=sk-abcdef0123456789abcdef",
            "sk-abcdef0123456789abcdef",
        ] {
            let e = normalize_base_url(raw).unwrap_err();
            assert!(!e.message.contains("abcdef0123456789"), "{}", e.message);
        }
    }

    #[test]
    fn normalises() {
        let n = normalize_base_url("https://x.example/v1/responses/").unwrap();
        assert_eq!(n.base_url, "https://x.example/v1");
        let n = normalize_base_url("https://r.openai.azure.com/openai?api-version=2025-04-01-preview").unwrap();
        assert_eq!(n.base_url, "https://r.openai.azure.com/openai");
        assert_eq!(n.moved_query, vec![("api-version".into(), "2025-04-01-preview".into())]);
        assert_eq!(normalize_base_url("http://localhost:11434/v1").unwrap().notes.len(), 0);
        assert_eq!(normalize_base_url("http://127.0.0.1:8080").unwrap().base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn analyses_like_doctor_needs() {
        let u = analyze("https://x.example/openai/v1/responses/?api-version=2025-04-01&a").unwrap();
        assert!(u.ends_with_responses && u.has_version_segment && u.has_query);
        assert_eq!(u.normalized, "https://x.example/openai/v1");
        assert_eq!(u.query, vec![("api-version".into(), "2025-04-01".into()), ("a".into(), String::new())]);
        assert!(!analyze("http://localhost:11434").unwrap().has_version_segment);
        assert!(analyze("http://h/v1beta/openai").unwrap().has_version_segment);
        assert!(!analyze("http://h/vendor").unwrap().has_version_segment);
        assert!(analyze("http://a b/v1").is_err());
    }

    #[test]
    fn rejects() {
        for bad in ["localhost:11434/v1", "ftp://x/v1", "api.example.com", "", "https://x/v1#a"] {
            assert!(normalize_base_url(bad).is_err(), "{bad}");
        }
    }
}
