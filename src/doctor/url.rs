//! Just enough URL parsing to lint a `base_url` the way Codex will use it
//! (`trim_end('/')` + `/responses`, query kept literally).

/// A `base_url` split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    pub scheme: String,
    pub host: String,
    /// Path without the query, as written (may be empty or end with `/`).
    pub path: String,
    pub query: Option<String>,
}

/// Splits `s`; `Err` says why Codex would fail with `builder error`.
pub fn parse(s: &str) -> Result<BaseUrl, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("is empty".into());
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return Err("has no scheme (it must start with http:// or https://)".into());
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(format!("has scheme `{scheme}`; Codex needs http:// or https://"));
    }
    let rest = rest.split('#').next().unwrap_or(rest);
    let (before_q, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q.to_string())),
        None => (rest, None),
    };
    let (host, path) = match before_q.find('/') {
        Some(i) => (&before_q[..i], &before_q[i..]),
        None => (before_q, ""),
    };
    if host.is_empty() || host.contains(char::is_whitespace) || s.contains(' ') {
        return Err("has no valid host".into());
    }
    Ok(BaseUrl { scheme, host: host.to_string(), path: path.to_string(), query })
}

impl BaseUrl {
    /// `scheme://host/path` with a trailing `/` and a `/responses` suffix removed.
    pub fn normalised(&self) -> String {
        let mut path = self.path.trim_end_matches('/');
        if let Some(p) = path.strip_suffix("/responses") {
            path = p.trim_end_matches('/');
        }
        format!("{}://{}{}", self.scheme, self.host, path)
    }

    pub fn ends_with_responses(&self) -> bool {
        self.path.trim_end_matches('/').ends_with("/responses")
    }

    /// Whether the path has a version segment (`v1`, `v1beta`, `v4`) or an `openai`
    /// segment (Azure `/openai`, Gemini `/v1beta/openai`): most servers mount there.
    pub fn has_version_segment(&self) -> bool {
        self.path.split('/').any(|seg| {
            seg == "openai"
                || (seg.len() >= 2
                    && seg.starts_with('v')
                    && seg[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
                    && seg[1..].chars().all(|c| c.is_ascii_alphanumeric()))
        })
    }

    /// Query pairs (`a=1&b=2`); a pair without `=` gets an empty value.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .iter()
            .flat_map(|q| q.split('&'))
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (p.to_string(), String::new()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_normalises() {
        let u = parse("https://x.example/openai/v1/responses/?api-version=2025-04-01&a").unwrap();
        assert_eq!(u.host, "x.example");
        assert!(u.ends_with_responses() && u.has_version_segment());
        assert_eq!(u.normalised(), "https://x.example/openai/v1");
        assert_eq!(u.query_pairs(), vec![("api-version".into(), "2025-04-01".into()), ("a".into(), String::new())]);
        assert!(!parse("http://localhost:11434").unwrap().has_version_segment());
        assert!(parse("http://h/v1beta/openai").unwrap().has_version_segment());
        assert!(!parse("http://h/vendor").unwrap().has_version_segment());
    }

    #[test]
    fn rejects_what_codex_cannot_build() {
        for bad in ["", "api.example.com/v1", "ftp://x/v1", "http:///v1", "http://a b/v1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
