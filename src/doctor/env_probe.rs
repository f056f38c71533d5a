//! `env.openai_base_url.probe`: the URL the user meant. The old guides teach
//! `OPENAI_BASE_URL` (or `OPENAI_API_BASE`) + `OPENAI_API_KEY`; Codex 0.169/0.171 ignores both
//! for the built-in `openai` provider and goes to api.openai.com (or top-level
//! `openai_base_url`), so probing only the active provider tells such a user nothing about
//! their own endpoint. When the built-in openai is in scope and the variable names another
//! URL, doctor also probes that URL with `OPENAI_API_KEY`, exactly as `codex-provider import`
//! would write it, and reports it as this separate check.
//!
//! A failure here is a warning, not a fail: Codex does not use this URL, so it cannot stop
//! Codex (doctor's exit code is about what Codex will do). `env.openai_vars` keeps saying that
//! the variable is ignored; this check says what the URL answers and the next step.

use super::env::{same_url, url_shown as shown};
use super::facts::Facts;
use super::{Check, DoctorInput, Status};
use crate::codex::provider::DEFAULT_PROVIDER;
use crate::env::{Found, OPENAI_KEY_VAR};
use crate::probe::{self, Verdict};

pub const ID: &str = "env.openai_base_url.probe";

/// Where Codex sends the built-in provider's requests when `openai_base_url` is not set.
const OPENAI_DEFAULT: &str = "https://api.openai.com/v1";

/// The URL worth probing and what the check says around it.
struct Wanted {
    found: Found,
    /// The built-in openai's base URL as Codex resolves it (`openai_base_url`, else the default).
    codex_url: String,
    /// A custom provider whose `base_url` already is this URL (the next step is `use`).
    provider: Option<String>,
}

/// The variable's URL, when the built-in openai is among the providers doctor is asked about
/// and the URL is not already where Codex goes (then `provider.*` probes it anyway).
fn wanted(f: &Facts) -> Option<Wanted> {
    if !f.targets.iter().any(|t| t == DEFAULT_PROVIDER) {
        return None;
    }
    let layers = f.layers.as_ref()?;
    let found = crate::env::openai_url_in(&f.input.env, &f.input.dotenv)?;
    let codex_url = layers
        .provider(DEFAULT_PROVIDER)
        .ok()
        .flatten()
        .and_then(|v| v.base_url().map(str::to_string))
        .unwrap_or_else(|| OPENAI_DEFAULT.to_string());
    if same_url(&found.value, &codex_url) {
        return None;
    }
    let provider = layers.custom_ids().unwrap_or_default().into_iter().find(|id| {
        layers.provider(id).ok().flatten().and_then(|v| v.base_url().map(|u| same_url(u, &found.value))) == Some(true)
    });
    Some(Wanted { found, codex_url, provider })
}

/// What to probe: the variable's URL with `OPENAI_API_KEY` as `import` would write it, and
/// the model Codex would send. None when there is nothing to probe or the network checks
/// are blocked (`--offline`, a config that does not parse, a missing profile).
pub fn target(input: &DoctorInput) -> Option<probe::Target> {
    if super::net::blocked(input).is_some() {
        return None;
    }
    let facts = Facts::new(input);
    let w = wanted(&facts)?;
    let model = facts.layers.as_ref().and_then(|l| l.selection().model);
    Some(probe::Target {
        base_url: w.found.value,
        env_key: Some(OPENAI_KEY_VAR.to_string()),
        api_key: input.var(OPENAI_KEY_VAR).map(probe::Secret::new),
        model,
        codex_home: Some(input.home.clone()),
        ..probe::Target::default()
    })
}

/// The check, when there is a URL to talk about: the probe's verdict (`report`), or why it
/// was not probed. None otherwise, so a setup without these variables reads as before.
pub fn check(f: &Facts, report: Option<&probe::Report>) -> Option<Check> {
    let w = wanted(f)?;
    let input = f.input;
    let (var, url) = (w.found.var, shown(&w.found.value));
    let place = if w.found.in_dotenv { format!("in {}; ", input.home.join(".env").display()) } else { String::new() };
    let codex_goes = if same_url(&w.codex_url, OPENAI_DEFAULT) {
        "api.openai.com".to_string()
    } else {
        format!("`openai_base_url` {}", shown(&w.codex_url))
    };
    let key = match input.var(OPENAI_KEY_VAR) {
        Some(k) => crate::redact::set_chars(OPENAI_KEY_VAR, k.chars().count(), None),
        None => format!("{OPENAI_KEY_VAR} (not set)"),
    };
    let next = match &w.provider {
        Some(id) => format!("codex-provider use {id}"),
        None => "codex-provider import --use".to_string(),
    };
    let head = format!("{var} {url} ({place}ignored by Codex, which goes to {codex_goes})");
    let mut c = Check::skipped(ID, "")
        .detail("variable", var)
        .detail("url", url.clone())
        .detail("source", if w.found.in_dotenv { "dotenv" } else { "environment" })
        .detail("codexBaseUrl", shown(&w.codex_url))
        .detail("keyVariable", key);
    let Some(r) = report else {
        let why = super::net::blocked(input).unwrap_or_else(|| "skipped: not probed".into());
        c.summary = format!("{why}: {head} not probed");
        return Some(c);
    };
    c = c.detail("verdict", r.verdict.as_str());
    c.duration_ms = r.duration_ms;
    if r.verdict == Verdict::Ok {
        c.status = Status::Ok;
        c.summary = match &w.provider {
            Some(id) => {
                format!("{head}: answers the Responses API; it is provider `{id}`: `{next}` makes Codex use it")
            }
            None => format!("{head}: answers the Responses API; `{next}` turns it into a provider Codex uses"),
        };
        return Some(c.detail("next", next));
    }
    c.status = Status::Warning;
    c.summary = format!("{head}: {} ({})", r.summary, r.verdict);
    // Named, as `provider.*` hints name their provider: the active openai may fail the same way.
    c.remediation = r.hint.as_deref().filter(|h| !h.is_empty()).map(|h| format!("{var}: {h}"));
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::facts::tests::input;

    fn report(verdict: Verdict, hint: Option<&str>) -> probe::Report {
        probe::Report::sample(verdict, "cannot connect to h: connection refused", hint)
    }

    #[test]
    fn probes_the_variable_only_when_codex_ignores_it() {
        let mut i = input("model = \"gpt-5.4\"\n");
        assert!(target(&i).is_none(), "nothing set: nothing to probe");
        i.env.insert("OPENAI_BASE_URL".into(), "http://h/v1".into());
        i.env.insert("OPENAI_API_KEY".into(), "sk-secret-value".into());
        let t = target(&i).unwrap();
        assert_eq!((t.base_url.as_str(), t.env_key.as_deref()), ("http://h/v1", Some("OPENAI_API_KEY")));
        assert_eq!(t.api_key.as_ref().map(|k| k.chars()), Some(15));
        assert_eq!(t.model.as_deref(), Some("gpt-5.4"));
        i.options.offline = true;
        assert!(target(&i).is_none(), "--offline sends nothing");
        let c = check(&Facts::new(&i), None).unwrap();
        assert_eq!(c.status, Status::Skipped);
        assert!(c.summary.starts_with("skipped (--offline): OPENAI_BASE_URL http://h/v1"), "{}", c.summary);
        // A custom provider active, or openai_base_url already that URL: no such check.
        let mut gw = input("model_provider = \"gw\"\n[model_providers.gw]\nname = \"g\"\nbase_url = \"http://h/v1\"\n");
        gw.env = i.env.clone();
        assert!(target(&gw).is_none() && check(&Facts::new(&gw), None).is_none());
        let mut same = input("openai_base_url = \"http://h/v1/\"\n");
        same.env = i.env.clone();
        assert!(target(&same).is_none());
    }

    #[test]
    fn ok_names_the_next_step_and_a_failure_its_hint_once() {
        let mut i = input("");
        i.dotenv.insert("OPENAI_API_BASE".into(), "http://h/v1".into());
        i.env.insert("OPENAI_API_KEY".into(), "sk-secret-value".into());
        let f = Facts::new(&i);
        let c = check(&f, Some(&report(Verdict::Ok, None))).unwrap();
        assert_eq!(c.status, Status::Ok);
        assert_eq!(
            c.summary,
            format!(
                "OPENAI_API_BASE http://h/v1 (in {}; ignored by Codex, which goes to api.openai.com): answers the Responses API; `codex-provider import --use` turns it into a provider Codex uses",
                std::path::Path::new("/h").join(".env").display()
            )
        );
        assert_eq!(c.details["keyVariable"], "OPENAI_API_KEY (set, 15 chars)");
        assert_eq!((c.details["verdict"].as_str(), c.details["source"].as_str()), ("ok", "dotenv"));
        let c = check(&f, Some(&report(Verdict::Unreachable, Some("start the server")))).unwrap();
        assert_eq!(c.status, Status::Warning, "Codex does not use this URL: never a fail");
        assert!(c.summary.ends_with(": cannot connect to h: connection refused (unreachable)"), "{}", c.summary);
        assert_eq!(c.remediation.as_deref(), Some("OPENAI_API_BASE: start the server"));
        assert!(!format!("{c:?}").contains("sk-secret"));
    }

    #[test]
    fn says_where_codex_goes_and_which_provider_has_the_url() {
        let mut i = input(
            "openai_base_url = \"http://corp/v1\"\n[model_providers.local]\nname = \"l\"\nbase_url = \"http://h/v1/\"\n",
        );
        i.env.insert("OPENAI_BASE_URL".into(), "http://h/v1".into());
        let c = check(&Facts::new(&i), Some(&report(Verdict::Ok, None))).unwrap();
        assert!(c.summary.contains("which goes to `openai_base_url` http://corp/v1"), "{}", c.summary);
        assert!(
            c.summary.ends_with("it is provider `local`: `codex-provider use local` makes Codex use it"),
            "{}",
            c.summary
        );
        assert_eq!(c.details["keyVariable"], "OPENAI_API_KEY (not set)");
    }
}
