//! Base URL rules: Codex POSTs to `trim_end('/')(base_url) + "/responses"` and keeps a query
//! string literally (giving `…/v1?x=1/responses`, a 404), so we store a clean API root.

use reqwest::Url;

/// Why a base URL is unusable: Codex's HTTP client fails with `builder error` on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    NoScheme,
    NotAbsolute,
    /// A scheme other than http/https.
    Scheme(String),
    NoHost,
    /// A `#fragment` (we refuse it before parsing).
    Fragment,
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlProblem::NoScheme => f.write_str("has no scheme (it must start with http:// or https://)"),
            UrlProblem::NotAbsolute => f.write_str("is not an absolute URL"),
            UrlProblem::Scheme(s) => write!(f, "has scheme `{s}`; Codex needs http:// or https://"),
            UrlProblem::NoHost => f.write_str("has no host"),
            UrlProblem::Fragment => f.write_str("has a #fragment"),
        }
    }
}

impl std::error::Error for UrlProblem {}

/// A base URL, header or `K=V` value we refuse, as facts. Which flag a value came from is
/// the caller's label (`flag`); the fix is worded by the command layer (`commands/errors.rs`).
/// Values that may be keys are never kept: `shown` is masked when it looks like one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The base URL (as shown: masked when it carries credentials or looks like a key) is unusable.
    BaseUrl { shown: String, problem: UrlProblem },
    /// The base URL has `user:password@`, which would be written into config.toml.
    Credentials,
    /// A query parameter of the base URL looks like a key.
    SecretInQuery { key: String },
    /// The value of `what`, given as `flag`, looks like a key and would be stored in clear.
    SecretValue { flag: String, what: String },
    /// A `flag` value that is not `K=V` (as shown).
    Pair { flag: String, shown: String },
    /// Not a header name HTTP allows.
    HeaderName { flag: String, name: String },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::BaseUrl { shown, problem } => write!(f, "base URL `{shown}` {problem}"),
            Error::Credentials => f.write_str(
                "the base URL carries credentials (user:password@), which would be written into config.toml (not shown)",
            ),
            Error::SecretInQuery { key } => write!(
                f,
                "the value of query parameter `{key}` looks like an API key and would be written into config.toml (not shown)"
            ),
            Error::SecretValue { flag, what } => write!(
                f,
                "{flag}: the value of {what} looks like an API key and would be written into config.toml (not shown)"
            ),
            Error::Pair { flag, shown } => write!(f, "{flag} expects K=V, got `{shown}`"),
            Error::HeaderName { flag, name } => write!(f, "{flag}: `{name}` is not a valid HTTP header name"),
        }
    }
}

impl std::error::Error for Error {}

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
pub fn analyze(raw: &str) -> Result<BaseUrl, UrlProblem> {
    let raw = raw.trim();
    if !raw.contains("://") {
        return Err(UrlProblem::NoScheme);
    }
    let mut url = Url::parse(raw).map_err(|_| UrlProblem::NotAbsolute)?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(UrlProblem::Scheme(url.scheme().to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost);
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
pub fn normalize_base_url(raw: &str) -> Result<Normalized, Error> {
    // Never echo a key pasted into the wrong flag, or credentials inside the URL.
    let has_credentials = Url::parse(raw.trim()).is_ok_and(|u| !u.username().is_empty() || u.password().is_some());
    let bad = |problem: UrlProblem| {
        let shown =
            if has_credentials { crate::redact::PLACEHOLDER.to_string() } else { crate::redact::shown(raw.trim()) };
        Error::BaseUrl { shown, problem }
    };
    if raw.contains('#') {
        return Err(bad(UrlProblem::Fragment));
    }
    let u = analyze(raw).map_err(bad)?;
    if has_credentials {
        return Err(Error::Credentials);
    }
    if let Some((k, _)) = u.query.iter().find(|(_, v)| crate::redact::looks_like_secret(v)) {
        return Err(Error::SecretInQuery { key: k.clone() });
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
pub fn parse_pairs(what: &str, values: &[String]) -> Result<Vec<(String, String)>, Error> {
    values
        .iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
            _ => Err(Error::Pair { flag: what.to_string(), shown: crate::redact::shown(kv) }),
        })
        .collect()
}

/// A header name as HTTP allows it (Codex silently drops invalid ones).
/// A key-like value given where config.toml would store it in clear (not shown).
pub fn secret_value(flag: &str, what: &str) -> Error {
    Error::SecretValue { flag: flag.to_string(), what: what.to_string() }
}

pub fn check_header_name(flag: &str, name: &str) -> Result<(), Error> {
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if ok { Ok(()) } else { Err(Error::HeaderName { flag: flag.to_string(), name: name.to_string() }) }
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
            assert!(!format!("{e} {e:?}").contains("abcdef0123456789"), "{e:?}");
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
