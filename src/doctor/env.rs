//! `env.*` and `codex.version`: the environment Codex will run in. Values are never
//! printed; a key is at most `VAR (set, 51 chars)`.

use super::facts::Facts;
use super::input::{CA_VARS, CaFile, PROXY_VARS, local_proxy};
use super::{Check, DoctorInput, Status};
use crate::config::ids;

/// "VAR (set, 51 chars)" — the most doctor ever says about a secret.
fn presence(var: &str, value: &str, found_in: Option<&str>) -> String {
    crate::redact::set_chars(var, value.chars().count(), found_in)
}

pub fn key(f: &Facts) -> Check {
    const ID: &str = "env.key";
    let Some(layers) = &f.layers else { return Check::skipped(ID, "config.toml does not parse") };
    let input = f.input;
    let mut check = Check::ok(ID, "");
    let mut lines = Vec::new();
    let mut remedies = Vec::new();
    for id in &f.targets {
        let Ok(Some(v)) = layers.provider(id) else { continue };
        let (status, line) = if v.fields.contains_key("auth") {
            (Status::Ok, "command-backed auth (`auth.command`)".to_string())
        } else if id == "openai" || (v.bool_field("requires_openai_auth") == Some(true) && v.env_key().is_none()) {
            match input.var("CODEX_API_KEY").filter(|s| !s.trim().is_empty()) {
                Some(k) => (Status::Ok, presence("CODEX_API_KEY", k, None)),
                None if input.auth_json => (Status::Ok, "Codex login (auth.json)".to_string()),
                None => {
                    remedies.push("run `codex login` or export CODEX_API_KEY (Codex 0.169 ignores OPENAI_API_KEY for the built-in provider)".to_string());
                    (
                        Status::Warning,
                        "no auth.json and CODEX_API_KEY is not set (the login may still be in the OS keyring)"
                            .to_string(),
                    )
                }
            }
        } else if ids::is_builtin(id) {
            (Status::Ok, "built-in provider: no env_key needed".to_string())
        } else if let Some(var) = v.env_key() {
            env_key_status(input, var, v.str_field("env_key_instructions"), &mut remedies)
        } else if v.fields.contains_key("experimental_bearer_token") {
            (Status::Ok, "static experimental_bearer_token (see config.auth_conflict)".to_string())
        } else {
            (Status::Ok, "no env_key: requests carry no Authorization header (fine for local servers)".to_string())
        };
        check.status = check.status.max(status);
        check = check.detail(id.clone(), line.clone());
        lines.push(if f.targets.len() > 1 { format!("{id}: {line}") } else { line });
    }
    check.summary = if lines.is_empty() { "no provider to check".into() } else { lines.join("; ") };
    if !remedies.is_empty() {
        check = check.remedy(remedies.join("; "));
    }
    check
}

fn env_key_status(
    input: &DoctorInput,
    var: &str,
    instructions: Option<&str>,
    remedies: &mut Vec<String>,
) -> (Status, String) {
    let dotenv = input.home.join(".env");
    if crate::redact::looks_like_secret(var) || ids::check_env_var_name("env_key", var).is_err() {
        remedies.push(format!(
            "env_key takes the NAME of a variable: export the key as e.g. MYPROV_API_KEY (or put it in {}) and set env_key = \"MYPROV_API_KEY\"",
            dotenv.display()
        ));
        let what = if crate::redact::looks_like_secret(var) {
            "env_key holds what looks like an API key, not a variable name (value not shown)".to_string()
        } else {
            format!("env_key `{var}` is not a valid variable name")
        };
        return (Status::Fail, what);
    }
    match (input.env.get(var), input.dotenv.get(var)) {
        (Some(v), _) if !v.trim().is_empty() => (Status::Ok, presence(var, v, None)),
        (Some(_), _) => {
            remedies.push(format!("export a non-empty {var}"));
            (Status::Fail, format!("{var} is set but empty: Codex stops with `Missing environment variable: `{var}`.`"))
        }
        (None, Some(v)) if !v.trim().is_empty() && var.starts_with("CODEX_") => {
            remedies.push(format!("export {var} in the shell, or use a variable name not starting with CODEX_"));
            (
                Status::Warning,
                format!("{var} is only in {}: Codex does not load CODEX_* names from .env", dotenv.display()),
            )
        }
        (None, Some(v)) if !v.trim().is_empty() => (Status::Ok, presence(var, v, Some(&dotenv.display().to_string()))),
        _ => {
            let extra = instructions.map(|i| format!(" {i}")).unwrap_or_default();
            remedies.push(format!(
                "export {var}=... in the shell that starts Codex, or add `{var}=...` to {}",
                dotenv.display()
            ));
            (Status::Fail, format!("Missing environment variable: `{var}`.{extra}"))
        }
    }
}

pub fn openai_vars(f: &Facts) -> Check {
    const ID: &str = "env.openai_vars";
    let input = f.input;
    let used_as_env_key = |var: &str| {
        f.layers.as_ref().is_some_and(|l| {
            l.custom_ids()
                .unwrap_or_default()
                .iter()
                .any(|id| matches!(l.provider(id), Ok(Some(v)) if v.env_key() == Some(var)))
        })
    };
    let active_openai = f.targets.iter().any(|t| t == "openai");
    let mut check = Check::ok(ID, "");
    let mut msgs = Vec::new();
    let mut remedies = Vec::new();
    for var in ["OPENAI_BASE_URL", "OPENAI_API_BASE"] {
        if input.var(var).is_some_and(|v| !v.is_empty()) {
            msgs.push(format!("{var} is set but Codex 0.169 ignores it"));
            check = check.detail(var, "set (ignored)");
            remedies.push(
                "set top-level `openai_base_url = \"https://…/v1\"` in config.toml, or add a custom provider"
                    .to_string(),
            );
        }
    }
    if active_openai
        && input.var("OPENAI_API_KEY").is_some_and(|v| !v.is_empty())
        && input.var("CODEX_API_KEY").is_none()
        && !input.auth_json
        && !used_as_env_key("OPENAI_API_KEY")
    {
        msgs.push("OPENAI_API_KEY is set but Codex 0.169 ignores it for the built-in openai provider".into());
        check = check.detail("OPENAI_API_KEY", "set (ignored)");
        remedies.push("export CODEX_API_KEY instead (or `codex login`), or use a custom provider with env_key = \"OPENAI_API_KEY\"".into());
    }
    if msgs.is_empty() {
        check.summary = "no ignored OPENAI_* variables in use".into();
        return check;
    }
    check.status = Status::Warning;
    check.summary = msgs.join("; ");
    check.remedy(remedies.join("; "))
}

/// A proxy URL without its credentials.
fn without_userinfo(v: &str) -> String {
    match v.split_once("://") {
        Some((s, rest)) => match rest.split_once('@') {
            Some((_, r)) if !r.contains('@') || rest.find('@') < rest.find('/') => format!("{s}://…@{r}"),
            _ => v.to_string(),
        },
        None => v.to_string(),
    }
}

pub fn proxy(f: &Facts) -> Check {
    const ID: &str = "env.proxy";
    let input = f.input;
    let mut check = Check::ok(ID, "");
    let mut msgs = Vec::new();
    let mut remedies = Vec::new();
    for var in PROXY_VARS {
        if let Some(v) = input.var(var) {
            let place = if input.env.contains_key(*var) { "env" } else { "$CODEX_HOME/.env" };
            check = check.detail(*var, format!("{} ({place})", without_userinfo(v)));
        }
    }
    for (up, low) in [("HTTP_PROXY", "http_proxy"), ("HTTPS_PROXY", "https_proxy"), ("ALL_PROXY", "all_proxy")] {
        if let (Some(a), Some(b)) = (input.var(up), input.var(low))
            && a != b
        {
            check.status = check.status.max(Status::Warning);
            msgs.push(format!("{up} and {low} disagree"));
            remedies.push(format!("set {up} and {low} to the same value (tools pick different ones)"));
        }
    }
    for var in PROXY_VARS {
        let Some(hp) = input.var(var).and_then(local_proxy) else { continue };
        if input.local_ports.get(&hp) == Some(&false) {
            check.status = Status::Fail;
            msgs.push(format!("{var} points at {hp}, where nothing is listening: Codex requests fail (and `codex exec` retries forever)"));
            remedies.push(format!("start the proxy on {hp} or unset {var} (check {}/.env too)", input.home.display()));
        }
    }
    remedies.dedup();
    if msgs.is_empty() {
        check.summary = if check.details.is_empty() {
            "no proxy variables set".into()
        } else {
            "proxy variables are consistent".into()
        };
        return check;
    }
    check.summary = msgs.join("; ");
    check.remedy(remedies.join("; "))
}

pub fn ca_bundle(f: &Facts) -> Check {
    const ID: &str = "env.ca_bundle";
    let mut check = Check::ok(ID, "");
    let mut msgs = Vec::new();
    for var in CA_VARS {
        let Some((path, state)) = f.input.ca_files.get(*var) else { continue };
        // REQUESTS_CA_BUNDLE belongs to Python tools; a bad one is a hint, not a Codex failure.
        let severe = if *var == "REQUESTS_CA_BUNDLE" { Status::Warning } else { Status::Fail };
        let problem = match state {
            CaFile::Pem(n) => {
                check = check.detail(*var, format!("{path} ({n} certificates)"));
                continue;
            }
            CaFile::Missing => "does not exist",
            CaFile::Unreadable => "cannot be read",
            CaFile::NotPem => "is not a PEM bundle (no BEGIN CERTIFICATE)",
        };
        check.status = check.status.max(severe);
        check = check.detail(*var, format!("{path}: {problem}"));
        msgs.push(format!("{var} = {path} {problem}"));
    }
    if msgs.is_empty() {
        check.summary = if check.details.is_empty() {
            "no custom CA bundle variables".into()
        } else {
            "CA bundle files are PEM".into()
        };
        return check;
    }
    check.summary = msgs.join("; ");
    check.remedy("point the variable at a readable PEM file with your CA certificates, or unset it")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFile;
    use std::path::Path;

    fn input(text: &str) -> DoctorInput {
        let mut i = DoctorInput::empty(Path::new("/h"));
        i.base = ConfigFile::parse(Path::new("/h/config.toml"), text.to_string()).map_err(|e| e.message);
        i
    }
    const GW: &str = "model = \"m\"\nmodel_provider = \"gw\"\n[model_providers.gw]\nname = \"g\"\nbase_url = \"https://h/v1\"\nenv_key = \"GW_KEY\"\nenv_key_instructions = \"Run gw-login.\"\n";

    #[test]
    fn key_set_missing_dotenv_never_printed() {
        let mut i = input(GW);
        let c = key(&Facts::new(&i));
        assert_eq!(c.status, Status::Fail);
        assert_eq!(c.summary, "Missing environment variable: `GW_KEY`. Run gw-login.");
        i.dotenv.insert("GW_KEY".into(), "secret-value-123".into());
        let c = key(&Facts::new(&i));
        assert_eq!(c.status, Status::Ok);
        assert!(c.summary.starts_with("GW_KEY (set in /h/.env, 16 chars)"), "{}", c.summary);
        i.env.insert("GW_KEY".into(), "another-secret".into());
        let c = key(&Facts::new(&i));
        assert_eq!(c.summary, "GW_KEY (set, 14 chars)");
        assert!(!format!("{c:?}").contains("secret"));
        i.env.insert("GW_KEY".into(), "  ".into());
        assert_eq!(key(&Facts::new(&i)).status, Status::Fail);
    }

    #[test]
    fn env_key_holding_a_secret() {
        let i = input(&GW.replace("\"GW_KEY\"", "\"sk-proj-abcdefghijklmnop0123456789\""));
        let c = key(&Facts::new(&i));
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("looks like an API key"));
        assert!(!format!("{c:?}").contains("abcdefghij"));
    }

    #[test]
    fn openai_vars_ignored() {
        let mut i = input("");
        i.env.insert("OPENAI_BASE_URL".into(), "http://x/v1".into());
        i.env.insert("OPENAI_API_KEY".into(), "sk-x".into());
        let c = openai_vars(&Facts::new(&i));
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains("OPENAI_BASE_URL is set but Codex 0.169 ignores it"));
        assert!(c.summary.contains("OPENAI_API_KEY"));
        assert!(c.remediation.unwrap().contains("openai_base_url"));
        let mut i = input(GW);
        i.env.insert("OPENAI_API_KEY".into(), "sk-x".into());
        assert_eq!(openai_vars(&Facts::new(&i)).status, Status::Ok);
    }

    #[test]
    fn proxies() {
        assert_eq!(local_proxy("http://user:pw@127.0.0.1:7890/"), Some("127.0.0.1:7890".into()));
        assert_eq!(local_proxy("localhost:3128"), Some("localhost:3128".into()));
        assert_eq!(local_proxy("http://proxy.corp:8080"), None);
        let mut i = input("");
        i.env.insert("HTTPS_PROXY".into(), "http://u:pw@127.0.0.1:9".into());
        i.env.insert("https_proxy".into(), "http://proxy.corp:8080".into());
        i.local_ports.insert("127.0.0.1:9".into(), false);
        let c = proxy(&Facts::new(&i));
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("HTTPS_PROXY and https_proxy disagree"));
        assert!(c.summary.contains("127.0.0.1:9, where nothing is listening"));
        assert!(!format!("{c:?}").contains("pw"));
    }

    #[test]
    fn ca_files() {
        let mut i = input("");
        i.ca_files.insert("SSL_CERT_FILE".into(), ("/nope.pem".into(), CaFile::Missing));
        let c = ca_bundle(&Facts::new(&i));
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("SSL_CERT_FILE = /nope.pem does not exist"));
    }
}
