//! The only module that knows TOML. [`ConfigFile`] is the one door to a Codex config file:
//! its document is private, and every read and edit is a method (in the style of uv's
//! `PyProjectTomlMut` and cargo's `LocalManifest`), so byte-exact rendering and decor-keeping
//! edits cannot be bypassed. Reads come back as typed data ([`Selection`], [`ProviderTable`],
//! [`TypeError`], [`NestedValue`], [`view::ProviderView`]), never as TOML items to walk.

mod edit;
pub mod file;
pub mod ids;
mod lint;
mod migrate;
mod outline;
mod read;
mod repair;
mod selection;
mod splice;
pub mod view;

pub use edit::{Change, ProviderSpec};
pub use file::ConfigFile;
pub use lint::{NestedValue, TypeError};
pub use migrate::LegacyProfile;
pub use read::ProviderTable;
pub use selection::Selection;
pub use view::{LayeredFiles, Layers};

pub const MODEL_PROVIDERS: &str = "model_providers";
pub const MODEL_PROVIDER: &str = "model_provider";
pub const MODEL: &str = "model";
pub const PROFILES: &str = "profiles";
pub const PROFILE: &str = "profile";

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
