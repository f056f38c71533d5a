//! `config.*` checks about the provider tables: wire_api, reserved and limited ids, names
//! and types, base_url and auth settings (contract §2–§6 give the rules and the exact texts
//! Codex prints, which we quote so users can search for them).

use super::facts::{Facts, file_label, need_config, source_file};
use super::findings::Findings;
use super::{Check, Fix, Repair, Status};
use crate::codex::provider::wire_api_ok;
use crate::config::ids;

pub fn wire_api(f: &Facts) -> Check {
    const ID: &str = "config.wire_api";
    let (_, layers) = need_config!(f, ID);
    let active = layers.selection().provider;
    let mut bad = Vec::new();
    let mut check = Check::ok(ID, "");
    let mut repairs = Vec::new();
    let mut chat = false;
    for (file, cf) in f.files() {
        for t in cf.provider_tables() {
            let id = t.id().to_string();
            if !t.has("wire_api") || t.str_field("wire_api").is_some_and(wire_api_ok) {
                continue;
            }
            let shown = t.value_text("wire_api").unwrap_or_else(|| "a table".into());
            chat |= t.str_field("wire_api") == Some("chat");
            let used = if id == active { "the active provider" } else { "not selected, still fatal" };
            check = check
                .detail(format!("model_providers.{id}.wire_api"), format!("{shown} in {} ({used})", file_label(&file)));
            bad.push(format!("model_providers.{id}"));
            repairs.push(Repair::WireApi { file: file.clone(), provider: id });
        }
    }
    if bad.is_empty() {
        check.summary = "every provider table uses wire_api = \"responses\" (or the default)".into();
        return check;
    }
    let what = if chat { "`wire_api = \"chat\"` is no longer supported" } else { "wire_api must be \"responses\"" };
    check.status = Status::Fail;
    check.summary = format!("Codex refuses to start: {what} ({})", bad.join(", "));
    if chat {
        check = check.detail(
            "codex error",
            "Error loading config.toml: `wire_api = \"chat\"` is no longer supported.\nHow to fix: set `wire_api = \"responses\"` in your provider config.\nMore info: https://github.com/openai/codex/discussions/7782",
        );
    }
    check
        .remedy("set `wire_api = \"responses\"` (`codex-provider doctor --fix` does it); an endpoint that only speaks /chat/completions needs a Responses bridge (e.g. LiteLLM) in front of it")
        .with_fix(Some(Fix { summary: format!("set wire_api = \"responses\" in {}", bad.join(", ")), repairs }))
}

/// A free id for a renamed reserved provider: `openai-custom`, then `openai-custom-2`, ...
fn free_id(taken: &[String], id: &str) -> String {
    let base = format!("{id}-custom");
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|c| !taken.contains(c))
        .unwrap_or(base)
}

pub fn reserved_ids(f: &Facts) -> Check {
    const ID: &str = "config.reserved_ids";
    let (_, layers) = need_config!(f, ID);
    let taken = layers.custom_ids().unwrap_or_default();
    let mut check = Check::ok(ID, "no provider table uses a reserved built-in id");
    let mut reserved = Vec::new();
    let mut repairs = Vec::new();
    let mut limited = Vec::new();
    for (file, cf) in f.files() {
        for t in cf.provider_tables() {
            let id = t.id().to_string();
            if ids::RESERVED.contains(&id.as_str()) {
                let to = free_id(&taken, &id);
                check = check
                    .detail(format!("model_providers.{id}"), format!("in {}; rename to `{to}`", file_label(&file)));
                reserved.push(format!("`{id}`"));
                repairs.push(Repair::RenameProvider { file: file.clone(), from: id, to });
            } else if ids::LIMITED.contains(&id.as_str()) {
                let allowed: &[&str] = if id == "gcp" {
                    &["name", "base_url", "auth", "http_headers", "project_id", "location", "credential_file"]
                } else {
                    &["name", "base_url", "auth", "http_headers", "aws"]
                };
                let extra: Vec<String> =
                    t.keys().into_iter().filter(|k| !allowed.contains(k)).map(str::to_string).collect();
                if !extra.is_empty() {
                    check = check
                        .detail(format!("model_providers.{id}"), format!("sets {} (not supported)", extra.join(", ")));
                    limited.push(id);
                }
            }
        }
    }
    if reserved.is_empty() && limited.is_empty() {
        return check;
    }
    check.status = Status::Fail;
    let mut parts = Vec::new();
    if !reserved.is_empty() {
        let first = reserved[0].trim_matches('`');
        parts.push(format!(
            "model_providers contains reserved built-in provider IDs: {}. Built-in providers cannot be overridden. Rename your custom provider (for example, `{first}-custom`).",
            reserved.join(", ")
        ));
    }
    for id in &limited {
        parts.push(format!("model_providers.{id} only supports changing a few fields; other non-default provider fields are not supported"));
    }
    check.summary = parts.join(" ");
    let fix = (!repairs.is_empty()).then(|| Fix {
        summary: format!("rename reserved provider {} (and model_provider pointing at it)", reserved.join(", ")),
        repairs,
    });
    check
        .remedy("rename the table (`codex-provider doctor --fix` renames it to `<id>-custom` and updates model_provider); to redirect the built-in openai provider set top-level `openai_base_url` instead")
        .with_fix(fix)
}

pub fn provider_name(f: &Facts) -> Check {
    const ID: &str = "config.provider_name";
    let (_, layers) = need_config!(f, ID);
    let mut check = Check::ok(ID, "every custom provider has a name");
    let mut bad = Vec::new();
    for (file, cf) in f.files() {
        let errors = cf.type_errors();
        if errors.iter().any(|e| e.path == "model_providers") {
            check = check.detail("model_providers", format!("is not a table in {}", file_label(&file)));
        }
        // Other values of a type Codex cannot read (wire_api has its own check and fix).
        for e in errors {
            if e.path != "model_providers" {
                check = check.detail(e.path.clone(), format!("wrong type in {}", file_label(&file)));
            }
            if !e.path.ends_with(".wire_api") {
                bad.push(e.message);
            }
        }
    }
    for id in layers.custom_ids().unwrap_or_default() {
        if ids::is_builtin(&id) {
            continue;
        }
        let Ok(Some(view)) = layers.provider(&id) else { continue };
        if view.name().is_none_or(|n| n.trim().is_empty()) {
            let why = if view.fields.contains_key("name") { "empty" } else { "missing" };
            check = check.detail(format!("model_providers.{id}.name"), why);
            bad.push(format!("model_providers.{id}: provider name must not be empty"));
        }
    }
    if bad.is_empty() {
        return check;
    }
    check.status = Status::Fail;
    check.summary = format!("Codex refuses to start: {}", bad.join("; "));
    check.remedy("add `name = \"Display name\"` to each listed provider table, and give each listed value the type Codex expects")
}

pub fn base_url(f: &Facts) -> Check {
    const ID: &str = "config.base_url";
    let (_, layers) = need_config!(f, ID);
    let mut check = Check::ok(ID, "");
    let mut problems = Vec::new();
    let mut repairs = Vec::new();
    let mut n = 0;
    for id in layers.custom_ids().unwrap_or_default() {
        if ids::is_builtin(&id) {
            continue;
        }
        let Ok(Some(view)) = layers.provider(&id) else { continue };
        let in_scope = f.targets.contains(&id);
        let severe = if in_scope { Status::Fail } else { Status::Warning };
        let file = source_file(view.source("base_url"));
        let mut bump = |check: &mut Check, status: Status, msg: String| {
            check.status = check.status.max(status);
            problems.push(format!("{id}: {msg}"));
        };
        let Some(raw) = view.base_url() else {
            // A misspelt base_url (`base_uri`) is the classic: Codex ignores it and sends this
            // provider's key to api.openai.com, then fails or waits for the network.
            let typo = view.unknown_keys().into_iter().find(|k| ids::closest(k, ["base_url"]).is_some());
            match typo {
                Some(t) => bump(
                    &mut check,
                    if in_scope { Status::Fail } else { Status::Warning },
                    format!(
                        "no base_url (`{t}` is a typo Codex ignores), so Codex sends this provider's requests and key to https://api.openai.com/v1"
                    ),
                ),
                None if in_scope => bump(
                    &mut check,
                    Status::Warning,
                    "no base_url, so Codex sends requests to https://api.openai.com/v1".into(),
                ),
                None => {}
            }
            continue;
        };
        n += 1;
        check = check.detail(format!("{id}.base_url"), crate::redact::mask_query(raw));
        let u = match crate::endpoint::analyze(raw) {
            Ok(u) => u,
            Err(why) => {
                bump(&mut check, severe, format!("base_url {why}; Codex fails with `builder error` at run time"));
                continue;
            }
        };
        let mut fixable = false;
        if u.has_query {
            bump(&mut check, severe, "base_url has a query string; Codex appends /responses after it (…?x=1/responses → 404); use query_params".into());
            fixable = true;
        }
        if u.ends_with_responses {
            bump(&mut check, severe, "base_url ends with /responses; Codex adds /responses itself".into());
            fixable = true;
        }
        let mut url_out = u.normalized.clone();
        if !u.has_version_segment {
            if f.v1_proven.contains(&id) {
                url_out.push_str("/v1");
                fixable = true;
                bump(&mut check, severe, "the probe found the API under /v1".into());
            } else if in_scope {
                bump(
                    &mut check,
                    Status::Warning,
                    "no /v1 in the path; most OpenAI-compatible servers serve {base}/v1/responses".into(),
                );
            }
        }
        if fixable {
            repairs.push(Repair::BaseUrl { file, provider: id.clone(), url: url_out, query: u.query });
        }
    }
    if problems.is_empty() {
        check.summary = if n == 0 {
            "no custom providers".into()
        } else {
            if n == 1 { "1 base_url looks right".into() } else { format!("{n} base_urls look right") }
        };
        return check;
    }
    check.summary = problems.join("; ");
    let fix = (!repairs.is_empty())
        .then(|| Fix { summary: "normalise base_url (query → query_params, drop /responses)".into(), repairs });
    check
        .remedy("base_url is the API root Codex appends /responses to, e.g. https://api.example.com/v1 (`codex-provider probe ID` checks it)")
        .with_fix(fix)
}

pub fn auth_conflict(f: &Facts) -> Check {
    const ID: &str = "config.auth_conflict";
    let (_, layers) = need_config!(f, ID);
    let mut check = Check::ok(ID, "no conflicting auth settings");
    let mut found = Findings::default();
    // Built-in ids are config.reserved_ids' business (their defaults would look like conflicts).
    for id in layers.custom_ids().unwrap_or_default().into_iter().filter(|id| !ids::is_builtin(id)) {
        let Ok(Some(v)) = layers.provider(&id) else { continue };
        let has = |k: &str| v.fields.contains_key(k);
        let roa = v.bool_field("requires_openai_auth") == Some(true);
        if has("auth") {
            let mut with = Vec::new();
            for k in ["env_key", "experimental_bearer_token"] {
                if has(k) {
                    with.push(k);
                }
            }
            if roa {
                with.push("requires_openai_auth");
            }
            if !with.is_empty() {
                found
                    .add(Status::Fail, format!("{id}: provider auth cannot be combined with {}", with.join(", ")))
                    .remedy(format!("keep either `auth` or {} in [model_providers.{id}]", with.join("/")));
            }
        }
        if has("aws") && !id.starts_with("amazon-bedrock") {
            found
                .add(
                    Status::Fail,
                    format!(
                        "model_providers.{id}: provider aws is only supported for `amazon-bedrock` or `amazon-bedrock-runtime`"
                    ),
                )
                .remedy(format!("remove the aws table from [model_providers.{id}]"));
        }
        if has("experimental_bearer_token") {
            let note = if has("env_key") { " (env_key wins over it)" } else { "" };
            check = check.detail(format!("model_providers.{id}.experimental_bearer_token"), "set (value not shown)");
            found.add(Status::Warning, format!("{id}: experimental_bearer_token stores a secret in the config file{note}")).remedy(format!(
                "move the token to a variable (e.g. `{}` in {}/.env), set `env_key` to its name and delete experimental_bearer_token",
                ids::default_env_key(&id),
                f.input.home.display()
            ));
        }
        if roa && has("env_key") && !has("auth") {
            found
                .add(
                    Status::Warning,
                    format!("{id}: requires_openai_auth = true uses the Codex login, so env_key is not used"),
                )
                .remedy(format!("drop requires_openai_auth from [model_providers.{id}] to authenticate with env_key"));
        }
    }
    found.into_check(check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::FileRef;
    use crate::doctor::facts::tests::{corpus, input, run1};

    #[test]
    fn chat_is_fatal_even_unused() {
        let c = run1(&input(&corpus("07-chat-in-unused-provider.toml")), wire_api);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("model_providers.groq, model_providers.together"), "{}", c.summary);
        assert!(c.details["codex error"].contains("is no longer supported"));
        assert_eq!(c.fix.unwrap().repairs.len(), 2);
        assert_eq!(run1(&input(&corpus("01-minimal-custom-provider.toml")), wire_api).status, Status::Ok);
    }

    #[test]
    fn reserved_id_renamed_to_custom() {
        let c = run1(&input(&corpus("08-reserved-openai-override.toml")), reserved_ids);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("reserved built-in provider IDs: `openai`"), "{}", c.summary);
        assert_eq!(
            c.fix.unwrap().repairs,
            vec![Repair::RenameProvider { file: FileRef::Config, from: "openai".into(), to: "openai-custom".into() }]
        );
    }

    #[test]
    fn name_required() {
        let c = run1(
            &input("[model_providers.m]\nbase_url = \"http://h/v1\"\n[model_providers.n]\nname = \" \"\n"),
            provider_name,
        );
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("model_providers.m: provider name must not be empty"));
        assert!(c.summary.contains("model_providers.n:"));
    }

    #[test]
    fn base_url_lint() {
        let t = "model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\nbase_url = \"https://h/openai/v1/responses?api-version=1&key=SECRET\"\n";
        let c = run1(&input(t), base_url);
        assert_eq!(c.status, Status::Fail);
        assert!(
            !format!("{c:?}")
                .replace("query: [(\"api-version\", \"1\"), (\"key\", \"SECRET\")]", "")
                .contains("SECRET")
        );
        let Repair::BaseUrl { url, query, .. } = &c.fix.unwrap().repairs[0] else { panic!() };
        assert_eq!(url, "https://h/openai/v1");
        assert_eq!(query.len(), 2);
        let c = run1(
            &input("model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\nbase_url = \"localhost:8080/v1\"\n"),
            base_url,
        );
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("no scheme"));
        let c = run1(
            &input(
                "model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\nbase_url = \"http://127.0.0.1:11434\"\n",
            ),
            base_url,
        );
        assert_eq!(c.status, Status::Warning);
        assert!(c.fix.is_none(), "add /v1 only when a probe proves it");
        let i =
            input("model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\nbase_url = \"http://127.0.0.1:11434\"\n");
        let mut facts = Facts::new(&i);
        facts.v1_proven.insert("g".into());
        assert!(base_url(&facts).fix.is_some());
    }

    #[test]
    fn auth_conflicts_and_secret_in_file() {
        let c = run1(
            &input(
                "[model_providers.a]\nname = \"a\"\nenv_key = \"A\"\nauth = { command = \"x\" }\n[model_providers.b]\nname = \"b\"\nexperimental_bearer_token = \"sk-zzzzzzzzzzzzzzzzzz\"\n",
            ),
            auth_conflict,
        );
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("a: provider auth cannot be combined with env_key"));
        assert!(c.summary.contains("b: experimental_bearer_token stores a secret"));
        assert!(!format!("{c:?}").contains("sk-zzz"));
    }
}
