//! Read-only views: providers with every value's source, and the effective selection when
//! a profile file is layered over config.toml (Codex deep-merges tables, profile wins).
//! [`Layers`] borrows the loaded files, so a view costs nothing and is never a stale copy.

use std::collections::BTreeMap;

use serde::Serialize;
use toml_edit::{Item, Value};

use super::Error;
use super::{ConfigFile, ids, read};

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Source {
    /// `config.toml`
    Config,
    /// `NAME.config.toml`
    Profile(String),
    /// Codex's built-in definition or default value
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Config => f.write_str("config.toml"),
            Source::Profile(n) => write!(f, "{n}.config.toml"),
            Source::Default => f.write_str("Codex default"),
        }
    }
}

/// One provider as Codex would see it: raw field items plus where each came from.
#[derive(Debug, Clone)]
pub struct ProviderView {
    pub id: String,
    pub builtin: bool,
    pub fields: BTreeMap<String, (Item, Source)>,
}

impl ProviderView {
    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(|(i, _)| i.as_str())
    }
    pub fn bool_field(&self, key: &str) -> Option<bool> {
        self.fields.get(key).and_then(|(i, _)| i.as_bool())
    }
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.fields.get(key).map(|(_, s)| s)
    }
    pub fn name(&self) -> Option<&str> {
        self.str_field("name")
    }
    pub fn base_url(&self) -> Option<&str> {
        self.str_field("base_url")
    }
    pub fn env_key(&self) -> Option<&str> {
        self.str_field("env_key")
    }
    /// A string map field (`query_params`, `http_headers`, `env_http_headers`).
    pub fn map_field(&self, key: &str) -> Vec<(String, String)> {
        self.fields
            .get(key)
            .and_then(|(i, _)| i.as_table_like())
            .map(|t| t.iter().filter_map(|(k, v)| v.as_str().map(|s| (k.to_string(), s.to_string()))).collect())
            .unwrap_or_default()
    }
    /// Unknown keys in this provider's table (typos Codex only warns about).
    pub fn unknown_keys(&self) -> Vec<&str> {
        self.fields
            .keys()
            .map(String::as_str)
            .filter(|k| !crate::codex::known::provider_fields().any(|f| f == *k))
            .collect()
    }
}

/// Codex's built-in provider definitions (contract §3), as fields with `Source::Default`.
pub fn builtin_provider(id: &str, openai_base_url: Option<&str>) -> Option<ProviderView> {
    let oss = crate::presets::oss_base_url(id);
    let defaults: &[(&str, &str)] = match (id, oss.as_deref()) {
        ("openai", _) => &[("name", "OpenAI"), ("base_url", openai_base_url.unwrap_or("https://api.openai.com/v1"))],
        // CODEX_OSS_BASE_URL / CODEX_OSS_PORT, as Codex reads them.
        ("ollama" | "lmstudio", Some(url)) => &[("name", "gpt-oss"), ("base_url", url)],
        ("amazon-bedrock", _) => {
            &[("name", "Amazon Bedrock"), ("base_url", "https://bedrock-mantle.us-east-1.api.aws/v1")]
        }
        ("amazon-bedrock-runtime", _) => &[("name", "Amazon Bedrock Runtime")],
        ("gcp", _) => &[("name", "Google Cloud Vertex AI")],
        _ => return None,
    };
    let mut fields = BTreeMap::new();
    for (k, v) in defaults {
        fields.insert(k.to_string(), (Item::Value(Value::from(*v)), Source::Default));
    }
    if id == crate::codex::provider::DEFAULT_PROVIDER {
        fields.insert("requires_openai_auth".into(), (Item::Value(Value::from(true)), Source::Default));
        fields.insert("supports_websockets".into(), (Item::Value(Value::from(true)), Source::Default));
    }
    Some(ProviderView { id: id.to_string(), builtin: true, fields })
}

pub use crate::codex::provider::FIELD_DEFAULTS;

/// The files of a layered view, owned (what `load_layers` returns); borrow them with
/// [`LayeredFiles::layers`].
pub struct LayeredFiles {
    pub base: ConfigFile,
    pub profile: Option<(String, ConfigFile)>,
}

impl LayeredFiles {
    pub fn layers(&self) -> Layers<'_> {
        Layers::new(&self.base, self.profile.as_ref().map(|(n, f)| (n.as_str(), f)))
    }
}

/// `config.toml` plus, optionally, one profile file (`NAME`, file) layered over it; borrowed.
#[derive(Clone, Copy)]
pub struct Layers<'a> {
    base: &'a ConfigFile,
    profile: Option<(&'a str, &'a ConfigFile)>,
}

/// The effective default selection, with where each half comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Effective {
    pub provider: String,
    pub provider_source: Source,
    pub model: Option<String>,
    pub model_source: Option<Source>,
}

impl<'a> Layers<'a> {
    pub fn new(base: &'a ConfigFile, profile: Option<(&'a str, &'a ConfigFile)>) -> Layers<'a> {
        Layers { base, profile }
    }

    pub fn base(&self) -> &'a ConfigFile {
        self.base
    }

    pub fn profile(&self) -> Option<(&'a str, &'a ConfigFile)> {
        self.profile
    }

    /// The files, lowest first, with their sources.
    fn layered(&self) -> Vec<(&'a ConfigFile, Source)> {
        let mut v = vec![(self.base, Source::Config)];
        if let Some((n, f)) = self.profile {
            v.push((f, Source::Profile(n.to_string())));
        }
        v
    }

    /// The provider and model Codex would use (no `model_provider` means built-in `openai`).
    pub fn selection(&self) -> Effective {
        let mut provider = None;
        let mut model = None;
        for (f, source) in self.layered() {
            let s = f.selection();
            if let Some(p) = s.provider {
                provider = Some((p, source.clone()));
            }
            if let Some(m) = s.model {
                model = Some((m, source));
            }
        }
        let (provider, provider_source) =
            provider.unwrap_or((crate::codex::provider::DEFAULT_PROVIDER.into(), Source::Default));
        let (model, model_source) = model.unzip();
        Effective { provider, provider_source, model, model_source }
    }

    /// Custom provider ids across the layers, in file order, without duplicates.
    pub fn custom_ids(&self) -> Result<Vec<String>, Error> {
        let mut out: Vec<String> = Vec::new();
        for (f, _) in self.layered() {
            for id in f.provider_ids()? {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// A provider as Codex would resolve it: built-in definition, or the merged tables.
    pub fn provider(&self, id: &str) -> Result<Option<ProviderView>, Error> {
        let openai_base =
            self.layered().into_iter().rev().find_map(|(f, _)| read::root_str(f.root(), "openai_base_url"));
        let mut view = if ids::is_builtin(id) { builtin_provider(id, openai_base) } else { None };
        for (f, source) in self.layered() {
            if let Some(t) = f.provider(id)? {
                let v = view.get_or_insert_with(|| ProviderView {
                    id: id.to_string(),
                    builtin: false,
                    fields: BTreeMap::new(),
                });
                for (k, item) in t.shown_fields() {
                    v.fields.insert(k.to_string(), (item, source.clone()));
                }
            }
        }
        Ok(view)
    }

    /// Every provider id a user can select: custom ones, then the built-ins.
    pub fn all_ids(&self) -> Result<Vec<String>, Error> {
        let mut ids = self.custom_ids()?;
        for b in ids::BUILTIN {
            if !ids.iter().any(|i| i == b) {
                ids.push(b.to_string());
            }
        }
        Ok(ids)
    }

    /// "unknown provider", with the nearest id these layers know.
    pub fn unknown_provider(&self, id: &str) -> Error {
        let all = self.all_ids().unwrap_or_default();
        let suggestion = ids::closest(id, all.iter().map(String::as_str)).map(str::to_string);
        Error::UnknownProvider { id: crate::redact::shown(id), suggestion }
    }
}

/// A field value as `show` prints it, text and JSON, with string values that look like keys
/// replaced, so a secret someone put in the file (e.g. an `Authorization` entry in
/// `http_headers`) is never printed.
pub fn shown_value(item: &Item) -> (String, serde_json::Value) {
    let item = mask_secrets(item);
    (item_text(&item), item_json(&item))
}

fn mask_secrets(item: &Item) -> Item {
    let mut item = item.clone();
    fn mask(v: &mut Value) {
        match v {
            Value::String(s) if crate::redact::looks_like_secret(s.value()) => {
                *v = Value::from(crate::redact::PLACEHOLDER);
            }
            Value::InlineTable(t) => t.iter_mut().for_each(|(_, v)| mask(v)),
            Value::Array(a) => a.iter_mut().for_each(mask),
            _ => {}
        }
    }
    match &mut item {
        Item::Value(v) => mask(v),
        Item::Table(t) => {
            for (_, i) in t.iter_mut() {
                if let Some(v) = i.as_value_mut() {
                    mask(v);
                }
            }
        }
        _ => {}
    }
    item
}

/// Renders a TOML item as compact TOML text (for human output).
pub(super) fn item_text(item: &Item) -> String {
    match item {
        Item::Value(v) => v.clone().decorated("", "").to_string(),
        Item::Table(t) => {
            let mut it = t.clone().into_inline_table();
            it.fmt();
            it.to_string()
        }
        Item::ArrayOfTables(a) => format!("[{} tables]", a.len()),
        Item::None => String::new(),
    }
}

/// Converts a TOML item to JSON (for `--json` output).
pub(super) fn item_json(item: &Item) -> serde_json::Value {
    use serde_json::Value as J;
    fn val(v: &Value) -> J {
        match v {
            Value::String(s) => J::from(s.value().as_str()),
            Value::Integer(i) => J::from(*i.value()),
            Value::Float(f) => J::from(*f.value()),
            Value::Boolean(b) => J::from(*b.value()),
            Value::Datetime(d) => J::from(d.value().to_string()),
            Value::Array(a) => J::Array(a.iter().map(val).collect()),
            Value::InlineTable(t) => J::Object(t.iter().map(|(k, v)| (k.to_string(), val(v))).collect()),
        }
    }
    match item {
        Item::Value(v) => val(v),
        Item::Table(t) => J::Object(t.iter().map(|(k, v)| (k.to_string(), item_json(v))).collect()),
        Item::ArrayOfTables(a) => J::Array(
            a.iter().map(|t| J::Object(t.iter().map(|(k, v)| (k.to_string(), item_json(v))).collect())).collect(),
        ),
        Item::None => J::Null,
    }
}
