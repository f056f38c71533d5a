//! The only module that knows TOML: loading, editing and layering Codex config files.

pub mod dotenv_write;
pub mod edit;
pub mod fields;
pub mod file;
pub mod ids;
pub mod repair;
pub mod view;

pub use file::ConfigFile;

pub const CONFIG_FILE: &str = "config.toml";
pub const MODEL_PROVIDERS: &str = "model_providers";
pub const MODEL_PROVIDER: &str = "model_provider";
pub const MODEL: &str = "model";
pub const PROFILES: &str = "profiles";
pub const PROFILE: &str = "profile";
pub const PROFILE_SUFFIX: &str = ".config.toml";

/// The model id Codex sends when `model` is unset (contract §1.10).
pub const CODEX_DEFAULT_MODEL: &str = "gpt-6.1-sol";

/// Every field of `[model_providers.ID]` that Codex 0.169 knows (contract §2).
pub const PROVIDER_FIELDS: &[&str] = &[
    "name",
    "base_url",
    "env_key",
    "env_key_instructions",
    "experimental_bearer_token",
    "auth",
    "aws",
    "gateway_oauth",
    "wire_api",
    "query_params",
    "http_headers",
    "env_http_headers",
    "request_max_retries",
    "stream_max_retries",
    "stream_idle_timeout_ms",
    "websocket_connect_timeout_ms",
    "requires_openai_auth",
    "supports_websockets",
    "supports_standalone_web_search",
    "model_catalog_url",
    "capabilities",
    "project_id",
    "location",
    "credential_file",
];
