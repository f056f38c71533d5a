//! The provider schema as Codex reads `[model_providers.ID]`: the built-in and reserved ids,
//! the one wire protocol it speaks, each field's type and Codex's default for it. Read from
//! the binaries' serde tables and refusals (docs/codex-facts.md); `config/` only knows where
//! these live in TOML, and every check of an id, a field or `wire_api` asks here.

/// The provider Codex uses when `model_provider` is unset (its built-in, ChatGPT or API key).
pub const DEFAULT_PROVIDER: &str = "openai";

/// The only `wire_api` Codex 0.95+ accepts (`chat` was removed; anything else stops it).
pub const WIRE_API: &str = "responses";

/// Whether Codex starts with this `wire_api` value.
pub fn wire_api_ok(value: &str) -> bool {
    value == WIRE_API
}

/// Built-in ids Codex rejects outright in `[model_providers]` (contract §3).
pub const RESERVED: &[&str] = &["openai", "ollama", "lmstudio"];
/// Built-in ids that accept only a few overridden fields.
pub const LIMITED: &[&str] = &["amazon-bedrock", "amazon-bedrock-runtime", "gcp"];
/// Every built-in provider id, in the order `list` shows them.
pub const BUILTIN: &[&str] = &["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime", "gcp"];

pub fn is_builtin(id: &str) -> bool {
    BUILTIN.contains(&id)
}

/// How Codex deserialises a provider field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    /// u64; `Some(max)` when Codex caps it.
    UInt(Option<u64>),
    Bool,
    /// A string → string map, set one entry at a time (`query_params.K`).
    StringMap,
    /// One of a few strings.
    Enum(&'static [&'static str]),
    /// A table or array `set` does not write (edit it by hand).
    Structured,
}

impl FieldType {
    pub fn describe(self) -> String {
        match self {
            FieldType::String => "a string".into(),
            FieldType::UInt(Some(max)) => format!("an integer from 0 to {max}"),
            FieldType::UInt(None) => "a non-negative integer".into(),
            FieldType::Bool => "true or false".into(),
            FieldType::StringMap => "a map of strings (set one entry: FIELD.KEY VALUE)".into(),
            FieldType::Enum(v) => format!("one of {}", v.join(", ")),
            FieldType::Structured => "a table".into(),
        }
    }
}

/// Every provider field of Codex 0.169/0.171 with its type (`crate::codex::known::provider_fields`, plus the
/// typed sub-fields of `auth`, `aws` and `capabilities`).
pub const FIELD_TYPES: &[(&str, FieldType)] = &[
    ("name", FieldType::String),
    ("base_url", FieldType::String),
    ("env_key", FieldType::String),
    ("env_key_instructions", FieldType::String),
    ("experimental_bearer_token", FieldType::String),
    ("wire_api", FieldType::Enum(&[WIRE_API])),
    ("model_catalog_url", FieldType::String),
    ("project_id", FieldType::String),
    ("location", FieldType::String),
    ("credential_file", FieldType::String),
    ("query_params", FieldType::StringMap),
    ("http_headers", FieldType::StringMap),
    ("env_http_headers", FieldType::StringMap),
    ("request_max_retries", FieldType::UInt(Some(100))),
    ("stream_max_retries", FieldType::UInt(None)),
    ("stream_idle_timeout_ms", FieldType::UInt(None)),
    ("websocket_connect_timeout_ms", FieldType::UInt(None)),
    ("requires_openai_auth", FieldType::Bool),
    ("supports_websockets", FieldType::Bool),
    ("supports_standalone_web_search", FieldType::Bool),
    ("auth", FieldType::Structured),
    ("aws", FieldType::Structured),
    ("gateway_oauth", FieldType::Structured),
    ("capabilities", FieldType::Structured),
    ("auth.command", FieldType::String),
    ("auth.timeout_ms", FieldType::UInt(None)),
    ("auth.refresh_interval_ms", FieldType::UInt(None)),
    ("auth.cwd", FieldType::String),
    ("aws.profile", FieldType::String),
    ("aws.region", FieldType::String),
    ("capabilities.cyber_access_programs", FieldType::Bool),
    ("capabilities.external_web_access", FieldType::Bool),
    ("capabilities.remote_compaction", FieldType::Enum(&["unsupported", "v2"])),
];

/// The default values Codex fills in for a custom provider (contract §2), for `show`.
pub const FIELD_DEFAULTS: &[(&str, &str)] = &[
    ("wire_api", "\"responses\""),
    ("base_url", "\"https://api.openai.com/v1\""),
    ("request_max_retries", "4"),
    ("stream_max_retries", "5"),
    ("stream_idle_timeout_ms", "300000"),
    ("websocket_connect_timeout_ms", "15000"),
    ("requires_openai_auth", "false"),
    ("supports_websockets", "false"),
];
