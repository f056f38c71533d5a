//! `config.*` checks: pure functions over the loaded files (contract §2–§6 give the rules
//! and the exact texts Codex prints, which we quote so users can search for them).

use std::collections::BTreeSet;

use super::{Check, DoctorInput, FileRef, Fix, Repair, Status};
use crate::config::view::{Layers, Source};
use crate::config::{CODEX_DEFAULT_MODEL, ConfigFile, PROVIDER_FIELDS, ids};

/// Top-level keys Codex 0.169 knows (from its profile fields and real configs). Used only
/// for "did you mean": a root key is reported when it is not here but is close to one.
pub const ROOT_KEYS: &[&str] = &[
    "agents",
    "allow_login_shell",
    "analytics",
    "approval_policy",
    "approvals_reviewer",
    "chatgpt_base_url",
    "cli_auth_credentials_store",
    "default_permissions",
    "desktop",
    "developer_instructions",
    "disable_response_storage",
    "experimental_compact_prompt_file",
    "experimental_instructions_file",
    "features",
    "file_opener",
    "history",
    "hooks",
    "include_apply_patch_tool",
    "marketplaces",
    "mcp_oauth_credentials_store",
    "mcp_servers",
    "memories",
    "model",
    "model_auto_compact_token_limit",
    "model_catalog_json",
    "model_context_window",
    "model_instructions_file",
    "model_provider",
    "model_providers",
    "model_reasoning_effort",
    "model_reasoning_summary",
    "model_verbosity",
    "notice",
    "notify",
    "openai_base_url",
    "oss_provider",
    "otel",
    "permissions",
    "personality",
    "plan_mode_reasoning_effort",
    "plugins",
    "profile",
    "profiles",
    "project_doc_fallback_filenames",
    "project_doc_max_bytes",
    "projects",
    "review_model",
    "sandbox_mode",
    "sandbox_workspace_write",
    "service_tier",
    "shell_environment_policy",
    "show_raw_agent_reasoning",
    "skills",
    "suppress_unstable_features_warning",
    "tools",
    "tui",
    "web_search",
    "windows",
    "zsh_path",
];

/// Keys that only mean something at the top level: found inside another table they were
/// almost certainly written after that table's header by mistake (corpus 15).
const ROOT_ONLY: &[&str] = &[
    "model",
    "model_provider",
    "model_reasoning_effort",
    "model_reasoning_summary",
    "model_verbosity",
    "approval_policy",
    "sandbox_mode",
    "profile",
    "openai_base_url",
    "project_doc_max_bytes",
    "project_doc_fallback_filenames",
    "personality",
    "disable_response_storage",
    "show_raw_agent_reasoning",
    "service_tier",
    "model_context_window",
];

/// Tables where root-only keys are legitimate or whose keys are free-form.
const FREE_FORM: &[&str] =
    &["profiles", "agents", "env", "set", "http_headers", "env_http_headers", "query_params", "tools"];

/// Keys Codex drops from a project-local `.codex/config.toml` (contract §5.4).
const PROJECT_DENYLIST: &[&str] = &[
    "openai_base_url",
    "chatgpt_base_url",
    "apps_mcp_product_sku",
    "model_provider",
    "model_providers",
    "notify",
    "profile",
    "profiles",
    "experimental_realtime_webrtc_call_base_url",
    "experimental_realtime_ws_base_url",
    "otel",
];

/// What the config checks share: the parsed files, the layered view and the providers in scope.
pub struct Facts<'a> {
    pub input: &'a DoctorInput,
    pub base: Option<&'a ConfigFile>,
    /// `config.toml` with the `--profile` file over it (when that file exists and parses).
    pub layers: Option<Layers<'a>>,
    /// The providers doctor is asked about: the active one, `--provider ID`, or all (`--all`).
    pub targets: Vec<String>,
    /// Providers whose probe proved that `{base}/v1/responses` works (enables the "add /v1" fix).
    pub v1_proven: BTreeSet<String>,
}

impl<'a> Facts<'a> {
    pub fn new(input: &'a DoctorInput) -> Facts<'a> {
        let base = input.base.as_ref().ok();
        let layers = base.map(|b| {
            let profile = input.options.profile.as_ref().and_then(|n| {
                let f = input.profile_files.get(n)?.as_ref().ok()?;
                Some((n.as_str(), f))
            });
            Layers::new(b, profile)
        });
        let targets = match &layers {
            None => Vec::new(),
            Some(l) => {
                let active = l.selection().provider;
                if let Some(p) = &input.options.provider {
                    vec![p.clone()]
                } else if input.options.all {
                    let mut v = l.custom_ids().unwrap_or_default();
                    if !v.contains(&active) {
                        v.insert(0, active);
                    }
                    v
                } else {
                    vec![active]
                }
            }
        };
        Facts { input, base, layers, targets, v1_proven: BTreeSet::new() }
    }

    /// The files whose provider tables Codex reads: config.toml and the selected profile.
    fn files(&self) -> Vec<(FileRef, &ConfigFile)> {
        let mut v: Vec<(FileRef, &ConfigFile)> = self.base.map(|b| (FileRef::Config, b)).into_iter().collect();
        if let Some((n, f)) = self.layers.and_then(|l| l.profile()) {
            v.push((FileRef::Profile(n.to_string()), f));
        }
        v
    }
}

pub fn file_label(f: &FileRef) -> String {
    match f {
        FileRef::Config => "config.toml".into(),
        FileRef::Profile(n) => format!("{n}.config.toml"),
    }
}

fn source_file(s: Option<&Source>) -> FileRef {
    match s {
        Some(Source::Profile(n)) => FileRef::Profile(n.clone()),
        _ => FileRef::Config,
    }
}

/// A dotted key path with non-bare segments quoted, as users see it in TOML.
pub fn key_path(segs: &[&str]) -> String {
    segs.iter()
        .map(|s| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                s.to_string()
            } else {
                format!("{s:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

macro_rules! need_config {
    ($f:expr, $id:expr) => {
        match ($f.base, $f.layers.as_ref()) {
            (Some(b), Some(l)) => (b, l),
            _ => return Check::skipped($id, "config.toml does not parse"),
        }
    };
}

pub fn parse(f: &Facts) -> Check {
    const ID: &str = "config.parse";
    match &f.input.base {
        Err(msg) => Check::new(ID, Status::Fail, msg.clone())
            .detail("error", msg.clone())
            .remedy("fix the TOML at that line and column by hand (doctor never writes a file that does not parse); `codex-provider undo` restores the last backup codex-provider made"),
        Ok(b) if !b.existed => Check::ok(ID, "no config.toml: Codex uses its built-in defaults")
            .detail("path", b.path.display().to_string()),
        Ok(b) => Check::ok(ID, "config.toml parses").detail("path", b.path.display().to_string()),
    }
}

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
            if !t.has("wire_api") || t.str_field("wire_api") == Some("responses") {
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

pub fn unknown_keys(f: &Facts) -> Check {
    const ID: &str = "config.unknown_keys";
    let Some(_) = f.base else { return Check::skipped(ID, "config.toml does not parse") };
    let mut check = Check::ok(ID, "no unrecognized keys in provider tables or at the top level");
    let mut found = Vec::new();
    let mut repairs = Vec::new();
    let mut files: Vec<(FileRef, &ConfigFile)> = f.base.map(|b| (FileRef::Config, b)).into_iter().collect();
    for (n, l) in &f.input.profile_files {
        if let Ok(cf) = l {
            files.push((FileRef::Profile(n.clone()), cf));
        }
    }
    for (file, cf) in files {
        for k in cf.root_keys() {
            if ROOT_KEYS.contains(&k) {
                continue;
            }
            if let Some(near) = ids::closest(k, ROOT_KEYS.iter().copied()) {
                found.push(format!("{k} (did you mean `{near}`?)"));
                check = check.detail(k.to_string(), format!("in {}: did you mean `{near}`?", file_label(&file)));
                if !cf.has_root_key(near) {
                    repairs.push(Repair::RenameKey {
                        file: file.clone(),
                        table: vec![],
                        from: k.into(),
                        to: near.into(),
                    });
                }
            }
        }
        for t in cf.provider_tables() {
            let id = t.id().to_string();
            for k in t.keys() {
                if PROVIDER_FIELDS.contains(&k) {
                    continue;
                }
                let path = format!("model_providers.{id}.{k}");
                let near = ids::closest(k, PROVIDER_FIELDS.iter().copied());
                let hint = near.map(|n| format!(": did you mean `{n}`?")).unwrap_or_default();
                check = check.detail(path.clone(), format!("in {}{hint}", file_label(&file)));
                found.push(match near {
                    Some(n) => format!("{path} (did you mean `{n}`?)"),
                    None => path,
                });
                if let Some(n) = near
                    && !t.has(n)
                {
                    repairs.push(Repair::RenameKey {
                        file: file.clone(),
                        table: vec!["model_providers".into(), id.clone()],
                        from: k.into(),
                        to: n.into(),
                    });
                }
            }
        }
    }
    if found.is_empty() {
        return check;
    }
    check.status = Status::Warning;
    check.summary = format!(
        "Codex ignores {}: {}",
        plural(found.len(), "unrecognized setting", "unrecognized settings"),
        found.join(", ")
    );
    let fix = (!repairs.is_empty())
        .then(|| Fix { summary: format!("rename {}", plural(repairs.len(), "typo key", "typo keys")), repairs });
    check.remedy("rename each key to the one Codex knows (`codex-provider doctor --fix` renames typos whose intended key is not already set)").with_fix(fix)
}

pub fn misplaced_keys(f: &Facts) -> Check {
    const ID: &str = "config.misplaced_keys";
    let Some(base) = f.base else { return Check::skipped(ID, "config.toml does not parse") };
    let mut check = Check::ok(ID, "no top-level keys are hidden inside a table");
    let mut files = vec![(FileRef::Config, base)];
    for (n, l) in &f.input.profile_files {
        if let Ok(cf) = l {
            files.push((FileRef::Profile(n.clone()), cf));
        }
    }
    let mut found = Vec::new();
    for (file, cf) in files {
        // Root-only keys sitting in explicit tables below the root.
        let misplaced = cf.nested_values(FREE_FORM).into_iter().filter(|v| ROOT_ONLY.contains(&v.key.as_str()));
        for v in misplaced {
            let segs: Vec<&str> = v.table.iter().map(String::as_str).collect();
            let (key, table, value) = (v.key.as_str(), key_path(&segs), v.text.as_str());
            let lost = key == "model_provider" && cf.selection().provider.is_none();
            if lost {
                check.status = Status::Fail;
            } else {
                check.status = check.status.max(Status::Warning);
            }
            check = check.detail(
                format!("{table}.{key}"),
                format!("in {}: written after [{table}], so Codex reads it as part of that table", file_label(&file)),
            );
            found.push(format!("`{key} = {value}` is inside [{table}] in {}", file_label(&file)));
        }
    }
    if found.is_empty() {
        return check;
    }
    check.summary = format!("{}: top-level keys written after a table header belong to that table", found.join("; "));
    if check.status == Status::Fail {
        check.summary.push_str(" (so no model_provider is set and Codex uses the built-in openai provider)");
    }
    check.remedy(
        "move these lines above the first [table] header of the file: top-level keys must come before any table",
    )
}

pub fn legacy_profiles(f: &Facts) -> Check {
    const ID: &str = "config.legacy_profiles";
    let (base, _) = need_config!(f, ID);
    let selector = base.legacy_profile_selector().map(str::to_string);
    let tables = base.legacy_profiles();
    if selector.is_none() && tables.is_empty() {
        return Check::ok(ID, "no legacy [profiles.*] tables or `profile = ...`");
    }
    let mut check = Check::new(ID, Status::Warning, "");
    if let Some(s) = &selector {
        check = check.detail("profile", format!("{s:?} (top-level selector)"));
    }
    for t in &tables {
        check = check.detail(format!("profiles.{t}"), "dead table: Codex 0.134+ ignores it");
    }
    let cli = f.input.options.profile.as_deref();
    let mut parts = Vec::new();
    if let Some(s) = &selector {
        check.status = Status::Fail;
        parts.push(format!(
            "legacy `profile = \"{s}\"` config is no longer supported; use `--profile {s}` with `{s}.config.toml` instead"
        ));
    }
    if let Some(p) = cli
        && (tables.iter().any(|t| t == p) || selector.as_deref() == Some(p))
    {
        check.status = Status::Fail;
        parts.push(format!(
            "--profile `{p}` cannot be used while {}/config.toml contains legacy `profile = \"{p}\"` or `[profiles.{p}]` config",
            f.input.home.display()
        ));
    }
    if !tables.is_empty() {
        let list: Vec<String> = tables.iter().map(|t| format!("[profiles.{t}]")).collect();
        parts.push(format!("{} ignored by Codex 0.134+ (dead config)", list.join(", ")));
    }
    check.summary = parts.join("; ");
    check.remedy("run `codex-provider profile migrate` to turn them into NAME.config.toml files, then use `codex --profile NAME`")
}

pub fn model_provider(f: &Facts) -> Check {
    const ID: &str = "config.model_provider";
    let (_, layers) = need_config!(f, ID);
    let sel = layers.selection();
    let p = sel.provider.as_str();
    let check = Check::ok(ID, "").detail("model_provider", p).detail("source", sel.provider_source.to_string());
    if p == "ollama-chat" {
        return Check { status: Status::Fail, ..check }
            .remedy("replace `ollama-chat` with `ollama` in `model_provider`")
            .tap_summary("`ollama-chat` is no longer supported (Codex refuses to start)");
    }
    if ids::is_builtin(p) {
        let s = if sel.provider_source == Source::Default {
            "no model_provider set: Codex uses the built-in `openai` provider".to_string()
        } else {
            format!("model_provider `{p}` is a built-in provider ({})", sel.provider_source)
        };
        return check.tap_summary(s);
    }
    match layers.provider(p) {
        Ok(Some(_)) => check.tap_summary(format!("model_provider `{p}` is defined ({})", sel.provider_source)),
        _ => {
            let all = layers.all_ids().unwrap_or_default();
            let near = ids::closest(p, all.iter().map(String::as_str)).filter(|n| *n != p);
            let remedy = match (p, near) {
                ("oss", _) => "use `ollama` or `lmstudio` (there is no provider id `oss`)".to_string(),
                (_, Some(n)) => format!("did you mean `{n}`? (`codex-provider use {n}`)"),
                _ => "define it with `codex-provider add` or pick another with `codex-provider use`".to_string(),
            };
            Check { status: Status::Fail, ..check }
                .tap_summary(format!("Model provider `{p}` not found (Codex refuses to start)"))
                .remedy(remedy)
        }
    }
}

impl Check {
    fn tap_summary(mut self, s: impl Into<String>) -> Check {
        self.summary = s.into();
        self
    }
}

pub fn model(f: &Facts) -> Check {
    const ID: &str = "config.model";
    let (_, layers) = need_config!(f, ID);
    let sel = layers.selection();
    match (&sel.model, &sel.model_source) {
        (Some(m), Some(src)) => Check::ok(ID, format!("model `{m}` ({src})")),
        _ if ids::is_builtin(&sel.provider) => Check::ok(ID, "no model set: Codex picks its default for the built-in provider"),
        _ => Check::new(
            ID,
            Status::Warning,
            format!("no model set: Codex sends its own default `{CODEX_DEFAULT_MODEL}` to `{}`, which it most likely does not serve", sel.provider),
        )
        .remedy(format!("set top-level `model = \"...\"` (e.g. `codex-provider use {} --model MODEL`)", sel.provider)),
    }
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
    let mut msgs = Vec::new();
    let mut remedies = Vec::new();
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
                check.status = Status::Fail;
                msgs.push(format!("{id}: provider auth cannot be combined with {}", with.join(", ")));
                remedies.push(format!("keep either `auth` or {} in [model_providers.{id}]", with.join("/")));
            }
        }
        if has("aws") && !id.starts_with("amazon-bedrock") {
            check.status = Status::Fail;
            msgs.push(format!(
                "model_providers.{id}: provider aws is only supported for `amazon-bedrock` or `amazon-bedrock-runtime`"
            ));
            remedies.push(format!("remove the aws table from [model_providers.{id}]"));
        }
        if has("experimental_bearer_token") {
            check.status = check.status.max(Status::Warning);
            let note = if has("env_key") { " (env_key wins over it)" } else { "" };
            msgs.push(format!("{id}: experimental_bearer_token stores a secret in the config file{note}"));
            check = check.detail(format!("model_providers.{id}.experimental_bearer_token"), "set (value not shown)");
            remedies.push(format!(
                "move the token to a variable (e.g. `{}` in {}/.env), set `env_key` to its name and delete experimental_bearer_token",
                ids::default_env_key(&id),
                f.input.home.display()
            ));
        }
        if roa && has("env_key") && !has("auth") {
            check.status = check.status.max(Status::Warning);
            msgs.push(format!("{id}: requires_openai_auth = true uses the Codex login, so env_key is not used"));
            remedies
                .push(format!("drop requires_openai_auth from [model_providers.{id}] to authenticate with env_key"));
        }
    }
    if msgs.is_empty() {
        return check;
    }
    check.summary = msgs.join("; ");
    check.remedy(remedies.join("; "))
}

pub fn profile_files(f: &Facts) -> Check {
    const ID: &str = "config.profile_files";
    let files = &f.input.profile_files;
    let mut check = Check::ok(ID, "");
    let mut msgs = Vec::new();
    let mut remedies = Vec::new();
    for (name, loaded) in files {
        match loaded {
            Err(e) => {
                check.status = Status::Fail;
                msgs.push(e.clone());
                remedies.push(format!("fix {name}.config.toml by hand"));
            }
            Ok(cf) => {
                if ids::check_profile_name(name).is_err() {
                    check.status = check.status.max(Status::Warning);
                    msgs.push(format!(
                        "{name}.config.toml cannot be selected: `codex --profile` accepts only [A-Za-z0-9_-]+"
                    ));
                    remedies.push("rename the file to a plain name such as work.config.toml".into());
                    continue;
                }
                if let (Some(p), Some(base)) = (cf.selection().provider, f.base) {
                    let p = p.as_str();
                    let l = Layers::new(base, Some((name, cf)));
                    if !ids::is_builtin(p) && !matches!(l.provider(p), Ok(Some(_))) {
                        check.status = check.status.max(Status::Warning);
                        msgs.push(format!("{name}.config.toml selects model_provider `{p}`, which is not defined"));
                        remedies.push(format!("define `{p}` or fix model_provider in {name}.config.toml"));
                    }
                }
                check = check.detail(format!("{name}.config.toml"), "parses");
            }
        }
    }
    if let Some(p) = &f.input.options.profile {
        if ids::check_profile_name(p).is_err() {
            check.status = Status::Fail;
            msgs.push(format!(
                "invalid --profile value `{}`: Codex accepts only [A-Za-z0-9_-]+",
                crate::redact::shown(p)
            ));
            remedies.push("pass a plain name such as `work`".into());
        } else if !files.contains_key(p) {
            check.status = Status::Fail;
            msgs.push(format!("{p}.config.toml does not exist: `codex --profile {p}` silently ignores that and runs with config.toml alone"));
            remedies.push(format!("create it with `codex-provider use PROVIDER --profile {p}`"));
        }
    }
    if msgs.is_empty() {
        check.summary = if files.is_empty() {
            "no profile files".into()
        } else {
            format!("{} parse", plural(files.len(), "profile file", "profile files"))
        };
        return check;
    }
    check.summary = msgs.join("; ");
    check.remedy(remedies.join("; "))
}

pub fn project_local(f: &Facts) -> Check {
    const ID: &str = "config.project_local";
    let Some((path, loaded)) = &f.input.project_local else {
        return Check::ok(ID, "no project-local .codex/config.toml");
    };
    let dir = path.parent().and_then(|p| p.parent()).unwrap_or(path);
    let check = Check::ok(ID, "").detail("path", path.display().to_string());
    let cf: &ConfigFile = match loaded {
        Ok(cf) => cf,
        Err(e) => {
            return Check { status: Status::Warning, ..check }
                .tap_summary(e.clone())
                .remedy("fix the TOML in the project's .codex/config.toml");
        }
    };
    let found: Vec<&str> = cf.root_keys().into_iter().filter(|k| PROJECT_DENYLIST.contains(k)).collect();
    if found.is_empty() {
        return check.tap_summary(format!("{} sets no provider keys", path.display()));
    }
    Check { status: Status::Warning, ..check }
        .tap_summary(format!(
            "Ignored unsupported project-local config keys in {}/.codex/config.toml: {}",
            dir.display(),
            found.join(", ")
        ))
        .remedy(format!(
            "providers can only live in {}/config.toml or a profile file: move these keys there",
            f.input.home.display()
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::input::Options;
    use std::path::Path;

    pub(crate) fn input(text: &str) -> DoctorInput {
        let mut i = DoctorInput::empty(Path::new("/h"));
        i.base = ConfigFile::parse(Path::new("/h/config.toml"), text.to_string()).map_err(|e| e.message);
        i
    }

    fn run1(i: &DoctorInput, f: fn(&Facts) -> Check) -> Check {
        f(&Facts::new(i))
    }

    fn corpus(name: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus").join(name)).unwrap()
    }

    #[test]
    fn parse_error_is_a_fail_with_position() {
        let c = run1(&input(&corpus("19-invalid-unclosed-string.toml")), parse);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("config.toml:10:48"), "{}", c.summary);
        assert_eq!(run1(&input(&corpus("19-invalid-unclosed-string.toml")), wire_api).status, Status::Skipped);
    }

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
    fn typo_keys_suggest_and_fix() {
        let c = run1(&input(&corpus("09-typo-base-uri.toml")), unknown_keys);
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains("model_providers.inferix.base_uri (did you mean `base_url`?)"), "{}", c.summary);
        let c = run1(
            &input("modle = \"x\"\n[model_providers.a]\nname = \"a\"\nenvkey = \"A\"\nfoo_bar_baz = 1\n"),
            unknown_keys,
        );
        assert!(c.summary.contains("modle (did you mean `model`?)"), "{}", c.summary);
        assert!(c.summary.contains("envkey (did you mean `env_key`?)"));
        assert!(c.summary.contains("model_providers.a.foo_bar_baz"));
        assert_eq!(c.fix.unwrap().repairs.len(), 2);
        // an unfamiliar but plausible root key is not reported
        assert_eq!(run1(&input("brand_new_setting = 1\n"), unknown_keys).status, Status::Ok);
    }

    #[test]
    fn root_keys_after_a_table() {
        let c = run1(&input(&corpus("15-root-keys-after-table.toml")), misplaced_keys);
        assert_eq!(c.status, Status::Fail);
        assert!(
            c.summary.contains("`model_provider = \"gateway\"` is inside [projects.\"/home/ines/code/atlas\"]"),
            "{}",
            c.summary
        );
        assert!(c.summary.contains("project_doc_max_bytes"));
        assert_eq!(run1(&input(&corpus("10-big-mcp-servers-env-subtables.toml")), misplaced_keys).status, Status::Ok);
        assert_eq!(run1(&input(&corpus("04-legacy-profile-selected.toml")), misplaced_keys).status, Status::Ok);
    }

    #[test]
    fn legacy_profiles_levels() {
        let c = run1(&input(&corpus("04-legacy-profile-selected.toml")), legacy_profiles);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("legacy `profile = \"deep\"` config is no longer supported"));
        assert!(c.remediation.unwrap().contains("codex-provider profile migrate"));
        let mut i = input(&corpus("05-legacy-profiles-parent-header.toml"));
        assert_eq!(run1(&i, legacy_profiles).status, Status::Warning);
        i.options = Options { profile: Some("review".into()), ..Default::default() };
        let c = run1(&i, legacy_profiles);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("--profile `review` cannot be used"), "{}", c.summary);
    }

    #[test]
    fn model_provider_must_exist() {
        let c = run1(&input("model_provider = \"gatewy\"\n[model_providers.gateway]\nname = \"g\"\n"), model_provider);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("Model provider `gatewy` not found"));
        assert!(c.remediation.unwrap().contains("did you mean `gateway`?"));
        assert_eq!(run1(&input("model_provider = \"ollama-chat\"\n"), model_provider).status, Status::Fail);
        assert_eq!(run1(&input("model_provider = \"oss\"\n"), model_provider).status, Status::Fail);
        assert_eq!(run1(&input("model_provider = \"ollama\"\n"), model_provider).status, Status::Ok);
    }

    #[test]
    fn unset_model_with_custom_provider() {
        let c = run1(&input("model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\n"), model);
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains(CODEX_DEFAULT_MODEL));
        assert_eq!(run1(&input(""), model).status, Status::Ok);
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

    #[test]
    fn profile_files_missing_and_broken() {
        let mut i = input(&corpus("18-base-for-profiles.toml"));
        i.profile_files.insert(
            "work".into(),
            ConfigFile::parse(Path::new("/h/work.config.toml"), corpus("profiles/work.config.toml"))
                .map_err(|e| e.message),
        );
        assert_eq!(run1(&i, profile_files).status, Status::Ok);
        i.options.profile = Some("wrok".into());
        let c = run1(&i, profile_files);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("wrok.config.toml does not exist"));
        i.profile_files.insert("bad".into(), Err("/h/bad.config.toml:1:5: boom".into()));
        assert!(run1(&i, profile_files).summary.contains("bad.config.toml:1:5"));
    }
}
