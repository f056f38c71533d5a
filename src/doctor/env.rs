//! `env.*` and `codex.version`: the environment Codex will run in. Values are never
//! printed; a key is at most `VAR (set, 51 chars)`.

use super::facts::Facts;
use super::input::{CA_VARS, CaFile, PROXY_VARS, local_proxy};
use super::{Check, DoctorInput, Status};
use crate::codex::provider::DEFAULT_PROVIDER;
use crate::config::ids;
use crate::env::OPENAI_URL_VARS as URL_VARS;

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
            auth_status(id, &v, &mut remedies)
        } else if id == DEFAULT_PROVIDER
            || (v.bool_field("requires_openai_auth") == Some(true) && v.env_key().is_none())
        {
            match input.var("CODEX_API_KEY").filter(|s| !s.trim().is_empty()) {
                Some(k) => (Status::Ok, presence("CODEX_API_KEY", k, None)),
                None if input.auth_json => (Status::Ok, "Codex login (auth.json)".to_string()),
                None => {
                    remedies.push("run `codex login` or export CODEX_API_KEY (Codex ignores OPENAI_API_KEY for the built-in provider)".to_string());
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

/// A provider whose key comes from `auth.command`: the command is run as Codex runs it (a
/// local process, no network), so a stale path or a missing keychain entry shows here.
fn auth_status(id: &str, v: &crate::config::view::ProviderView, remedies: &mut Vec<String>) -> (Status, String) {
    use crate::auth_command::AuthCommand;
    let Some(cmd) = AuthCommand::of(v) else {
        return (Status::Ok, "command-backed auth (`auth.command`)".to_string());
    };
    let ours = cmd.is_keychain(id);
    let again =
        format!("`codex-provider key set {id} --keychain` stores the key and points auth.command at this binary");
    if let Some(why) = cmd.stale() {
        remedies.push(if ours { again } else { "fix the provider's auth.command".to_string() });
        let what = if ours { " (codex-provider was reinstalled or moved?)" } else { "" };
        return (Status::Fail, format!("auth.command cannot run: {why}{what}"));
    }
    match cmd.run() {
        Ok(k) if ours => {
            (Status::Ok, format!("key in the keychain, served by `auth.command` ({} chars)", k.chars().count()))
        }
        Ok(k) => (Status::Ok, format!("key from auth.command `{}` ({} chars)", cmd.command, k.chars().count())),
        Err(why) => {
            remedies.push(if ours { again } else { "fix the provider's auth.command".to_string() });
            (Status::Fail, format!("auth.command gave no key: {why}"))
        }
    }
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

/// A URL as doctor may print it: no credentials, no query values.
pub(super) fn url_shown(url: &str) -> String {
    crate::redact::shown(&crate::redact::mask_query(&without_userinfo(url)))
}

/// Two base URLs name the same endpoint (a trailing slash is no difference).
pub(super) fn same_url(a: &str, b: &str) -> bool {
    a.trim().trim_end_matches('/') == b.trim().trim_end_matches('/')
}

pub fn openai_vars(f: &Facts) -> Check {
    const ID: &str = "env.openai_vars";
    let input = f.input;
    // Each custom provider's (id, env_key, base_url).
    let customs: Vec<(String, Option<String>, Option<String>)> = f
        .layers
        .as_ref()
        .map(|l| {
            let ids = l.custom_ids().unwrap_or_default();
            ids.into_iter()
                .filter_map(|id| match l.provider(&id) {
                    Ok(Some(v)) => {
                        let (key, url) = (v.env_key().map(str::to_string), v.str_field("base_url").map(str::to_string));
                        Some((id, key, url))
                    }
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let used_as_env_key = |var: &str| customs.iter().any(|(_, k, _)| k.as_deref() == Some(var));
    let provider_with_url = |url: &str| {
        customs.iter().find(|(_, _, u)| u.as_deref().is_some_and(|u| same_url(u, url))).map(|(id, _, _)| id.as_str())
    };
    let active_openai = f.targets.iter().any(|t| t == DEFAULT_PROVIDER);
    let openai_url = f
        .layers
        .as_ref()
        .and_then(|l| l.provider(DEFAULT_PROVIDER).ok().flatten())
        .and_then(|v| v.str_field("base_url").map(str::to_string));
    let mut check = Check::ok(ID, "");
    let mut msgs = Vec::new();
    let mut remedies = Vec::new();
    let mut import_named = false;
    for var in URL_VARS {
        let Some((url, in_dotenv)) =
            crate::env::resolve(var, input.env.get(var).map(String::as_str), input.dotenv.get(var).map(String::as_str))
        else {
            continue;
        };
        let shown = url_shown(url);
        let place = if in_dotenv { format!(" (in {})", input.home.join(".env").display()) } else { String::new() };
        if let Some(id) = provider_with_url(url) {
            check = check.detail(var, format!("set{place}; provider `{id}` has this base_url"));
            msgs.push(format!("{var}={shown}{place} is already the base_url of provider `{id}`: the export can go"));
            remedies.push(match in_dotenv {
                true => format!("delete the {var} line from {}", input.home.join(".env").display()),
                false => format!("remove `export {var}=…` from your shell profile"),
            });
            continue;
        }
        check = check.detail(var, format!("set{place} (ignored)"));
        let mut msg = format!("{var} is set{place} but Codex ignores it");
        if active_openai
            && openai_url.as_deref().is_some_and(|u| same_url(u, "https://api.openai.com/v1"))
            && !same_url(url, "https://api.openai.com/v1")
        {
            msg = format!(
                "the default provider is the built-in openai (api.openai.com); {var}={shown}{place} is ignored by Codex"
            );
        }
        msgs.push(msg);
        if !import_named {
            import_named = true;
            remedies.push(format!(
                "run `codex-provider import --use` to turn {var}={shown}{place} into a provider (or set top-level `openai_base_url = \"{shown}\"` in config.toml)"
            ));
        }
    }
    if active_openai
        && input.var("OPENAI_API_KEY").is_some()
        && input.var("CODEX_API_KEY").is_none()
        && !input.auth_json
        && !used_as_env_key("OPENAI_API_KEY")
    {
        msgs.push("OPENAI_API_KEY is set but Codex ignores it for the built-in openai provider".into());
        check = check.detail("OPENAI_API_KEY", "set (ignored)");
        remedies.push("export CODEX_API_KEY instead (or `codex login`), or use a custom provider with env_key = \"OPENAI_API_KEY\"".into());
    }
    if msgs.is_empty() {
        check.summary = "no ignored OPENAI_* variables in use".into();
        return check;
    }
    remedies.dedup();
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
                check =
                    check.detail(*var, format!("{path} ({})", super::facts::plural(*n, "certificate", "certificates")));
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
        i.base = ConfigFile::parse(Path::new("/h/config.toml"), text.to_string()).map_err(|e| e.to_string());
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
        let dotenv = std::path::Path::new("/h").join(".env");
        assert!(c.summary.starts_with(&format!("GW_KEY (set in {}, 16 chars)", dotenv.display())), "{}", c.summary);
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
        assert!(c.summary.contains("OPENAI_BASE_URL=http://x/v1 is ignored by Codex"), "{}", c.summary);
        assert!(c.summary.contains("OPENAI_API_KEY"));
        assert!(c.remediation.unwrap().contains("openai_base_url"));
        let mut i = input(GW);
        i.env.insert("OPENAI_API_KEY".into(), "sk-x".into());
        assert_eq!(openai_vars(&Facts::new(&i)).status, Status::Ok);
    }

    #[test]
    fn openai_base_url_names_import_once_then_says_the_export_can_go() {
        let mut i = input("");
        i.env.insert("OPENAI_BASE_URL".into(), "http://host/v1".into());
        i.dotenv.insert("OPENAI_API_BASE".into(), "http://other/v1".into());
        let c = openai_vars(&Facts::new(&i));
        assert!(c.summary.contains("the default provider is the built-in openai (api.openai.com); OPENAI_BASE_URL=http://host/v1 is ignored by Codex"), "{}", c.summary);
        let r = c.remediation.unwrap();
        assert_eq!(r.matches("codex-provider import").count(), 1, "{r}");
        assert!(r.contains("OPENAI_BASE_URL=http://host/v1 into a provider"), "{r}");
        let i2 = {
            let mut i2 = input(&GW.replace("https://h/v1", "http://other/v1/"));
            i2.dotenv = i.dotenv.clone();
            i2
        };
        let c = openai_vars(&Facts::new(&i2));
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains("already the base_url of provider `gw`: the export can go"), "{}", c.summary);
        let dotenv = std::path::Path::new("/h").join(".env");
        assert!(c.remediation.unwrap().contains(&format!("delete the OPENAI_API_BASE line from {}", dotenv.display())));
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
