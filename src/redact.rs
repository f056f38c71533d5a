//! Keeping secrets off the screen: what looks like a key, how a printed text is masked, the
//! one placeholder that stands in for a hidden value, and the one way a set variable is
//! described (`VAR (set, 51 chars)`). Every printer of user or server text goes through here,
//! so there is one rule to audit for the README's promise that a key is never printed.

/// What is printed instead of a hidden value, everywhere.
pub const PLACEHOLDER: &str = "<hidden>";

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
        out.push_str(if secret { PLACEHOLDER } else { inner });
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
    if looks_like_secret(s) { PLACEHOLDER.to_string() } else { s.to_string() }
}

/// `text` with every occurrence of each secret (at least 4 characters) replaced: for
/// reports that may echo a key back (a server quoting the Authorization header).
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for k in secrets.iter().filter(|s| s.trim().len() >= 4) {
        if out.contains(k.as_str()) {
            out = out.replace(k.as_str(), PLACEHOLDER);
        }
    }
    out
}

/// A URL with its query values hidden (they may hold keys): `https://h/v1?key=…`.
pub fn mask_query(url: &str) -> String {
    match url.split_once('?') {
        Some((a, q)) => {
            let keys: Vec<&str> = q.split('&').map(|p| p.split('=').next().unwrap_or(p)).collect();
            format!("{a}?{}", keys.iter().map(|k| format!("{k}=…")).collect::<Vec<_>>().join("&"))
        }
        None => url.to_string(),
    }
}

/// The most ever said about a secret's value: `VAR (set, 51 chars)`, or with where it was
/// found, `VAR (set in ~/.codex/.env, 51 chars)`.
pub fn set_chars(var: &str, chars: usize, found_in: Option<&str>) -> String {
    let n = chars_count(chars);
    match found_in {
        None => format!("{var} (set, {n})"),
        Some(place) => format!("{var} (set in {place}, {n})"),
    }
}

/// `1 char`, `51 chars`: a secret's length, the only thing said about its value.
pub fn chars_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "char" } else { "chars" })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(mask_line("+experimental_bearer_token = \"abc\""), "+experimental_bearer_token = \"<hidden>\"");
        let l =
            mask_line(r#"http_headers = { Authorization = "Bearer sk-live-0123456789abcdefghij", X-Title = "codex" }"#);
        assert!(!l.contains("sk-live") && l.contains("\"codex\""), "{l}");
        assert_eq!(mask_line("name = \"Gateway\" # keep"), "name = \"Gateway\" # keep");
        assert_eq!(mask_text("a = \"sk-0123456789abcdefghijklmn\"\nb = 1\n"), "a = \"<hidden>\"\nb = 1\n");
    }

    #[test]
    fn one_placeholder_and_one_length_formatter() {
        assert_eq!(shown("sk-proj-abcdefghijklmnop0123456789"), PLACEHOLDER);
        assert_eq!(shown("gw"), "gw");
        assert_eq!(
            scrub("echo sk-secret-1 twice sk-secret-1", &["sk-secret-1".into(), "ab".into()]),
            "echo <hidden> twice <hidden>"
        );
        assert_eq!(mask_query("https://h/v1?key=abc&x=1"), "https://h/v1?key=…&x=…");
        assert_eq!(set_chars("GW_KEY", 51, None), "GW_KEY (set, 51 chars)");
        assert_eq!(set_chars("GW_KEY", 3, Some("/h/.env")), "GW_KEY (set in /h/.env, 3 chars)");
        assert_eq!(set_chars("GW_KEY", 1, None), "GW_KEY (set, 1 char)");
    }
}
