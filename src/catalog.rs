//! A Codex model catalog (`model_catalog_json`, contract §2.1 and §8.6): the installed
//! Codex's bundled entries plus one entry per endpoint model. Pure data work: the caller
//! runs Codex and fetches `/models`.
//!
//! Facts checked with real Codex 0.171 (see README "Model metadata"): a catalog *replaces*
//! the bundled one (`codex debug models` then lists only its entries), so the bundled
//! entries are always copied in; unknown fields in an entry are accepted, which is how our
//! entries are marked (`"codex_provider": {...}`); a relative path in config.toml is
//! resolved against `$CODEX_HOME`, but we always write an absolute one.

use serde_json::{Value, json};

/// Where `catalog` writes, inside `$CODEX_HOME`.
pub const FILE_NAME: &str = "codex-provider-models.json";
/// The field that marks an entry as ours (`{"provider": ID, "modelled_on": SLUG}`).
pub const MARK: &str = "codex_provider";

/// Fields servers use for a model's context length, most specific first: Codex's own
/// name and Groq (`context_window`), OpenRouter / Together / DeepInfra (`context_length`),
/// Mistral and LM Studio (`max_context_length`), vLLM (`max_model_len`), LiteLLM and
/// Anthropic (`max_input_tokens`), OpenRouter's `top_provider.context_length`, llama.cpp's
/// `meta.n_ctx` / `meta.n_ctx_train`.
const CONTEXT_FIELDS: &[&[&str]] = &[
    &["context_window"],
    &["context_length"],
    &["max_context_length"],
    &["max_model_len"],
    &["max_input_tokens"],
    &["top_provider", "context_length"],
    &["meta", "n_ctx"],
    &["meta", "n_ctx_train"],
];

/// One model the endpoint lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointModel {
    pub id: String,
    pub context_window: Option<u64>,
}

/// The models of an OpenAI-style (`{"data":[{"id":…}]}`) or Codex-style (`{"models":[…]}`)
/// `/models` answer, in the endpoint's order, without duplicates.
pub fn endpoint_models(body: &Value) -> Vec<EndpointModel> {
    let items = ["data", "models"].into_iter().filter_map(|k| body.get(k).and_then(Value::as_array)).flatten();
    let mut out: Vec<EndpointModel> = Vec::new();
    for item in items {
        let Some(id) = item.get("id").or_else(|| item.get("slug")).and_then(Value::as_str) else { continue };
        if id.trim().is_empty() || out.iter().any(|m| m.id == id) {
            continue;
        }
        out.push(EndpointModel { id: id.to_string(), context_window: context_of(item) });
    }
    out
}

fn context_of(item: &Value) -> Option<u64> {
    CONTEXT_FIELDS.iter().find_map(|path| {
        let v = path.iter().try_fold(item, |v, k| v.get(k))?;
        let n = v.as_u64().or_else(|| v.as_f64().filter(|f| f.is_finite() && *f >= 1.0).map(|f| f as u64))?;
        (n > 0).then_some(n)
    })
}

/// What `codex debug models --bundled` printed instead of its catalog.
#[derive(Debug)]
pub enum BundledError {
    NotJson(serde_json::Error),
    NoModels,
    Empty,
}

impl std::fmt::Display for BundledError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundledError::NotJson(e) => write!(f, "not the JSON catalog Codex prints: {e}"),
            BundledError::NoModels => f.write_str("no `models` array"),
            BundledError::Empty => f.write_str("an empty `models` array"),
        }
    }
}

impl std::error::Error for BundledError {}

/// Why Codex would refuse a catalog file, in its words (serde's message, `missing field`).
#[derive(Debug)]
pub enum CatalogFileError {
    Json(serde_json::Error),
    MissingField(&'static str),
}

impl std::fmt::Display for CatalogFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogFileError::Json(e) => write!(f, "{e}"),
            CatalogFileError::MissingField(name) => write!(f, "missing field `{name}`"),
        }
    }
}

impl std::error::Error for CatalogFileError {}

/// The bundled entries of `codex debug models --bundled` output.
pub fn bundled_entries(stdout: &str) -> Result<Vec<Value>, BundledError> {
    let v: Value = serde_json::from_str(stdout).map_err(BundledError::NotJson)?;
    let models = v.get("models").and_then(Value::as_array).ok_or(BundledError::NoModels)?;
    if models.is_empty() {
        return Err(BundledError::Empty);
    }
    Ok(models.clone())
}

fn slug(e: &Value) -> Option<&str> {
    e.get("slug").and_then(Value::as_str)
}

/// The bundled entry an endpoint model is modelled on: the one with the same name after a
/// `vendor/` prefix (`openai/gpt-5.5` → `gpt-5.5`), else Codex's first recommended entry
/// (lowest `priority` among `visibility = "list"`, `supported_in_api`), whose instructions
/// and tool formats (`shell_type`, `apply_patch_tool_type`) are the ones Codex tunes first.
pub fn template_for<'a>(id: &str, bundled: &'a [Value]) -> &'a Value {
    let tail = id.rsplit('/').next().unwrap_or(id).to_ascii_lowercase();
    if let Some(e) = bundled.iter().find(|e| slug(e).is_some_and(|s| s.eq_ignore_ascii_case(&tail))) {
        return e;
    }
    let listed = |e: &&Value| {
        e.get("visibility").and_then(Value::as_str) == Some("list")
            && e.get("supported_in_api").and_then(Value::as_bool) != Some(false)
    };
    let prio = |e: &&Value| e.get("priority").and_then(Value::as_i64).unwrap_or(i64::MAX);
    bundled.iter().filter(listed).min_by_key(prio).unwrap_or(&bundled[0])
}

/// Our entry for `m`: the template with its identity, context window and mark replaced, and
/// its OpenAI-only upgrade prompt dropped.
pub fn entry_for(m: &EndpointModel, provider: &str, template: &Value, priority: i64) -> Value {
    let mut e = template.clone();
    let from = slug(template).unwrap_or("?").to_string();
    let obj = e.as_object_mut().expect("catalog entries are objects");
    obj.insert("slug".into(), json!(m.id));
    obj.insert("display_name".into(), json!(m.id));
    obj.insert("description".into(), json!(format!("{} via provider `{provider}` (codex-provider catalog)", m.id)));
    obj.insert("visibility".into(), json!("list"));
    obj.insert("supported_in_api".into(), json!(true));
    obj.insert("priority".into(), json!(priority));
    for k in ["upgrade", "availability_nux"] {
        if obj.contains_key(k) {
            obj.insert(k.into(), Value::Null);
        }
    }
    if let Some(n) = m.context_window {
        obj.insert("context_window".into(), json!(n));
        obj.insert("max_context_window".into(), json!(n));
    }
    obj.insert(MARK.into(), json!({"provider": provider, "modelled_on": from}));
    e
}

/// Whose an entry is: `Some(provider)` for ours, None for anything else.
pub fn owner(e: &Value) -> Option<&str> {
    e.get(MARK)?.get("provider")?.as_str()
}

/// What one regeneration produced.
#[derive(Debug, Clone)]
pub struct Built {
    pub catalog: Value,
    /// Our new entries: (slug, context window, whether it came from the endpoint, template).
    pub added: Vec<(String, Option<u64>, bool, String)>,
    /// Endpoint models left out because an entry of that slug already exists (bundled or
    /// written by hand), which Codex then uses.
    pub skipped: Vec<String>,
    pub bundled: usize,
    /// Entries kept from the old file(s): by hand, or ours for other providers.
    pub kept: usize,
}

/// The new catalog: the fresh bundled entries, then entries of the old file(s) that are
/// neither bundled nor ours for `provider` (hand-written ones and other providers' stay),
/// then one entry per endpoint model. A slug appears once: bundled beats hand-written
/// beats this provider's new entry beats another provider's old one.
pub fn build(bundled: &[Value], old: &[Value], provider: &str, models: &[EndpointModel]) -> Built {
    let bundled_slugs: Vec<&str> = bundled.iter().filter_map(slug).collect();
    let mut entries: Vec<Value> = bundled.to_vec();
    let has = |entries: &[Value], s: &str| entries.iter().any(|e| slug(e) == Some(s));
    let mut kept = 0;
    for e in old.iter().filter(|e| owner(e).is_none()) {
        if let Some(s) = slug(e)
            && !bundled_slugs.contains(&s)
            && !has(&entries, s)
        {
            entries.push(e.clone());
            kept += 1;
        }
    }
    let mut prio = bundled.iter().filter_map(|e| e.get("priority").and_then(Value::as_i64)).max().unwrap_or(0) + 1;
    let (mut added, mut skipped) = (Vec::new(), Vec::new());
    for m in models {
        if has(&entries, &m.id) {
            skipped.push(m.id.clone());
            continue;
        }
        let t = template_for(&m.id, bundled);
        let e = entry_for(m, provider, t, prio);
        let ctx = e.get("context_window").and_then(Value::as_u64);
        added.push((m.id.clone(), ctx, m.context_window.is_some(), slug(t).unwrap_or("?").to_string()));
        entries.push(e);
        prio += 1;
    }
    for e in old.iter().filter(|e| owner(e).is_some_and(|p| p != provider)) {
        if let Some(s) = slug(e)
            && !has(&entries, s)
        {
            entries.push(e.clone());
            kept += 1;
        }
    }
    Built { catalog: json!({ "models": entries }), added, skipped, bundled: bundled.len(), kept }
}

/// The bundled entries of the Codex at `bin`, run in a scratch `CODEX_HOME` so that the
/// user's config (even a broken `model_catalog_json`) cannot change the answer.
pub fn bundled_from_codex(bin: &std::path::Path) -> Result<Vec<Value>, String> {
    let scratch = tempfile::tempdir().map_err(|e| format!("cannot create a temp dir: {e}"))?;
    let mut c = std::process::Command::new(bin);
    c.args(["debug", "models", "--bundled"]).env("CODEX_HOME", scratch.path()).current_dir(scratch.path());
    let o = crate::codex_cli::run(c, std::time::Duration::from_secs(20), &|_| false)?;
    let shown = bin.display();
    if o.timed_out {
        return Err(format!("`{shown} debug models --bundled` did not finish within 20 s"));
    }
    if o.code != Some(0) {
        let why = crate::codex_cli::meaningful_lines(&o.stderr, &[]).pop().unwrap_or_default();
        return Err(format!("`{shown} debug models --bundled` failed ({:?}): {why}", o.code));
    }
    bundled_entries(&o.stdout).map_err(|e| format!("`{shown} debug models --bundled` printed {e}"))
}

/// The slugs of a catalog file's text, or Codex-style reasons it would refuse it.
pub fn parse_slugs(text: &str) -> Result<Vec<String>, CatalogFileError> {
    let v: Value = serde_json::from_str(text).map_err(CatalogFileError::Json)?;
    let models = v.get("models").and_then(Value::as_array).ok_or(CatalogFileError::MissingField("models"))?;
    models.iter().map(|e| slug(e).map(str::to_string).ok_or(CatalogFileError::MissingField("slug"))).collect()
}

/// The old entries of a catalog file's text (nothing when it is not a catalog).
pub fn old_entries(text: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("models").and_then(Value::as_array).cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Vec<Value> {
        vec![
            json!({"slug": "gpt-a", "priority": 2, "visibility": "list", "supported_in_api": true, "context_window": 500000, "upgrade": {"model": "x"}, "base_instructions": "A"}),
            json!({"slug": "gpt-5.5", "priority": 1, "visibility": "list", "supported_in_api": true, "context_window": 272000, "base_instructions": "B"}),
            json!({"slug": "hidden", "priority": 0, "visibility": "hide", "supported_in_api": true, "base_instructions": "C"}),
        ]
    }

    #[test]
    fn context_fields_of_common_servers() {
        let body = json!({"object": "list", "data": [
            {"id": "or", "context_length": 200000, "top_provider": {"context_length": 100000}},
            {"id": "groq", "context_window": 131072},
            {"id": "mistral", "max_context_length": 32768},
            {"id": "vllm", "max_model_len": 8192},
            {"id": "llama", "meta": {"n_ctx_train": 4096}},
            {"id": "plain"}, {"id": "plain"}, {"id": "zero", "context_length": 0}, {"nope": 1}
        ]});
        let got: Vec<(String, Option<u64>)> =
            endpoint_models(&body).into_iter().map(|m| (m.id, m.context_window)).collect();
        let want = [
            ("or", Some(200000)),
            ("groq", Some(131072)),
            ("mistral", Some(32768)),
            ("vllm", Some(8192)),
            ("llama", Some(4096)),
            ("plain", None),
            ("zero", None),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b)).to_vec());
    }

    #[test]
    fn template_is_the_same_name_else_the_first_recommended() {
        let b = bundled();
        assert_eq!(slug(template_for("openai/gpt-5.5", &b)), Some("gpt-5.5"));
        assert_eq!(slug(template_for("qwen3-coder", &b)), Some("gpt-5.5"));
    }

    #[test]
    fn regenerating_replaces_only_this_providers_entries() {
        let b = bundled();
        let m = |id: &str, c| EndpointModel { id: id.into(), context_window: c };
        let first = build(&b, &[], "gw", &[m("m1", Some(1000)), m("gpt-a", None), m("m2", None)]);
        assert_eq!(first.skipped, vec!["gpt-a".to_string()]);
        let e = &first.catalog["models"][3];
        assert_eq!((e["slug"].as_str(), e["context_window"].as_u64()), (Some("m1"), Some(1000)));
        assert_eq!(e[MARK]["provider"], "gw");
        assert_eq!(first.catalog["models"][4]["context_window"], 272000, "template's when the endpoint is silent");
        assert!(first.catalog["models"][3]["upgrade"].is_null());
        let mut old = first.catalog["models"].as_array().unwrap().clone();
        old.push(json!({"slug": "mine", "base_instructions": "by hand"}));
        old.push(json!({"slug": "o1", "codex_provider": {"provider": "other"}}));
        let second = build(&b, &old, "gw", &[m("m3", None)]);
        let slugs: Vec<&str> = second.catalog["models"].as_array().unwrap().iter().filter_map(slug).collect();
        assert_eq!(slugs, ["gpt-a", "gpt-5.5", "hidden", "mine", "m3", "o1"]);
        assert_eq!(second.kept, 2);
    }

    #[test]
    fn parse_slugs_names_what_codex_would_refuse() {
        assert_eq!(parse_slugs("{\"models\":[{\"slug\":\"a\"}]}").unwrap(), vec!["a".to_string()]);
        assert!(parse_slugs("{").unwrap_err().to_string().contains("EOF"));
        assert_eq!(parse_slugs("{\"models\":[{}]}").unwrap_err().to_string(), "missing field `slug`");
    }
}
