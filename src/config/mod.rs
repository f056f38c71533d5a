//! The only module that knows TOML. [`ConfigFile`] is the one door to a Codex config file:
//! its document is private, and every read and edit is a method (in the style of uv's
//! `PyProjectTomlMut` and cargo's `LocalManifest`), so byte-exact rendering and decor-keeping
//! edits cannot be bypassed. Reads come back as typed data ([`Selection`], [`ProviderTable`],
//! [`TypeError`], [`NestedValue`], [`view::ProviderView`]), never as TOML items to walk.

mod catalog_key;
pub mod dotenv_write;
mod edit;
pub mod fields;
pub mod file;
pub mod ids;
mod lint;
mod migrate;
mod read;
mod repair;
mod root;
mod selection;
pub mod view;

pub use catalog_key::MODEL_CATALOG_JSON;
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
