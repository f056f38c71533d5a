//! The arguments of each subcommand (clap derive types only; no logic).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use super::complete;
use super::{JsonArgs, TimeoutArgs, WriteArgs};

// How `add` and `import` save what they probed: where, and whether the probe decides. (Not a
// doc comment: on a flattened struct clap would make it the command's about.)
#[derive(Debug, Args, Clone, Default)]
pub struct SaveArgs {
    /// Also make it the default provider in config.toml
    #[arg(long = "use")]
    pub use_it: bool,
    /// Also write NAME.config.toml selecting it (`codex --profile NAME`)
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Save without probing the endpoint
    #[arg(long)]
    pub no_probe: bool,
    /// Save even when the probe fails
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ImportArgs {
    /// Provider id [default: from the URL's host, e.g. `llm-corp-example`]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Name of the key variable to write as env_key [default: OPENAI_API_KEY]
    #[arg(long, value_name = "VAR")]
    pub env_key: Option<String>,
    /// Model id to probe with (and to select with --use / --profile)
    #[arg(long, short = 'm', value_name = "M", add = ArgValueCandidates::new(complete::model_ids))]
    pub model: Option<String>,
    #[command(flatten)]
    pub save: SaveArgs,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ModelsArgs {
    /// Provider id [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ExportArgs {
    /// Provider ids [default: every custom provider in config.toml]
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ApplyArgs {
    /// A providers file (TOML from `export`, or its --json form)
    #[arg(short = 'f', long = "file", value_name = "FILE", required_unless_present = "path")]
    pub file: Option<PathBuf>,
    /// The providers file, without -f
    #[arg(value_name = "FILE", conflicts_with = "file")]
    pub path: Option<PathBuf>,
    /// Also remove providers the file lacks (never the active one or one a profile selects)
    #[arg(long)]
    pub prune: bool,
    /// Write without probing the new and changed providers
    #[arg(long)]
    pub no_probe: bool,
    /// Write even when a probe fails
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct UndoArgs {
    /// List what each kept backup would restore (newest first); restore nothing
    #[arg(long, conflicts_with = "dry_run")]
    pub list: bool,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the
    /// provider's env_key name, or with --keychain in the OS keychain
    #[command(
        after_help = "Examples:\n  codex-provider key set openrouter               # into $CODEX_HOME/.env as its env_key\n  codex-provider key set openrouter --keychain    # into the OS keychain; Codex runs `key get`\n  printf %s \"$KEY\" | codex-provider key set openrouter --keychain"
    )]
    Set(KeySetArgs),
    /// Print the provider's key from the OS keychain, for Codex (its `auth.command`)
    #[command(
        after_help = "Examples:\n  codex-provider key get openrouter | head -c 4    # Codex runs this itself\n  codex-provider key get openrouter --reveal      # show it on a terminal"
    )]
    Get(KeyGetArgs),
    /// Remove the key: from the OS keychain (restoring env_key) when the provider uses it,
    /// else the key line from $CODEX_HOME/.env
    #[command(after_help = "Example:\n  codex-provider key unset openrouter")]
    Unset(KeyArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub struct KeySetArgs {
    #[command(flatten)]
    pub key: KeyArgs,
    /// Store it in the OS keychain (macOS Keychain, Windows Credential Manager, Secret
    /// Service) and make the provider's `auth.command` run `codex-provider key get ID`
    /// instead of reading env_key: no file holds the key
    #[arg(long)]
    pub keychain: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct KeyGetArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: String,
    /// Print the key even when stdout is a terminal
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ThreadsArgs {
    /// Only the threads recorded with this provider
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(complete::provider_ids))]
    pub provider: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct KeyArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::key_provider_ids))]
    pub id: String,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct RenameArgs {
    /// Current provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub old: String,
    /// New provider id
    pub new: String,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct SetArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub id: String,
    /// Field, e.g. request_max_retries or http_headers.X-Team (see `codex-provider show ID`)
    pub field: String,
    /// Value (an integer, true/false or a string, as the field needs)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct UnsetArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub id: String,
    /// Field, e.g. request_max_retries or query_params.api-version
    pub field: String,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum BridgeCommand {
    /// Start the relay for a provider (and point its base_url at it)
    Start(BridgeStartArgs),
    /// Stop the provider's relay
    Stop(BridgeIdArgs),
    /// running / stopped / stale, per provider (all recorded bridges without ID)
    Status(BridgeStatusArgs),
    /// Write a login service (systemd user unit or launchd agent) that starts the relay
    Install(BridgeIdArgs),
    /// Remove that login service
    Uninstall(BridgeIdArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub struct BridgeIdArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: String,
}

#[derive(Debug, Args, Clone, Default)]
pub struct BridgeStartArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: String,
    /// The chat-only API root to forward to [default: the recorded one, else the provider's base_url]
    #[arg(long, value_name = "URL")]
    pub upstream: Option<String>,
    /// Run the relay in this process (for login services)
    #[arg(long, hide = true)]
    pub foreground: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct BridgeStatusArgs {
    /// Provider id [default: every recorded bridge]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct CatalogArgs {
    /// Provider whose `/models` to add [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Context window (tokens) for the models whose `/models` entry gives none [default: the template entry's]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub context_window: Option<u64>,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct AddArgs {
    /// Provider id (the key in `[model_providers.ID]`)
    pub id: Option<String>,
    /// API root, e.g. https://openrouter.ai/api/v1 (Codex POSTs to BASE_URL/responses)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Name of the environment variable holding the API key (never the key itself)
    #[arg(long, value_name = "VAR")]
    pub env_key: Option<String>,
    /// Display name [default: the preset's name, else the id]
    #[arg(long, value_name = "N")]
    pub name: Option<String>,
    /// Model id to probe with (and to select with --use / --profile)
    #[arg(long, short = 'm', value_name = "M", add = ArgValueCandidates::new(complete::model_ids))]
    pub model: Option<String>,
    /// Start from a built-in preset (see `codex-provider presets`)
    #[arg(long, value_name = "P", add = ArgValueCandidates::new(complete::preset_ids))]
    pub preset: Option<String>,
    /// Query parameter sent with every request (repeatable), e.g. api-version=2025-04-01-preview
    #[arg(long = "query", value_name = "K=V")]
    pub query: Vec<String>,
    /// Static HTTP header (repeatable)
    #[arg(long = "header", value_name = "K=V")]
    pub header: Vec<String>,
    /// HTTP header whose value is read from an environment variable (repeatable)
    #[arg(long = "env-header", value_name = "H=VAR")]
    pub env_header: Vec<String>,
    #[command(flatten)]
    pub save: SaveArgs,
    /// Update an existing provider (only the fields given)
    #[arg(long)]
    pub replace: bool,
    /// Chat-only endpoint: run codex-relay in front of it and point the provider at the relay
    #[arg(long, conflicts_with = "replace")]
    pub bridge: bool,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct UseArgs {
    /// Provider id, or `-` for the previous default
    #[arg(add = ArgValueCandidates::new(complete::provider_ids_and_dash))]
    pub id: Option<String>,
    /// Model id to select with it
    #[arg(long, short = 'm', value_name = "M", add = ArgValueCandidates::new(complete::model_ids))]
    pub model: Option<String>,
    /// Write NAME.config.toml instead (with ID), or make that profile the default (without ID)
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Switch even to a provider Codex would refuse (e.g. `wire_api = "chat"`)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct CurrentArgs {
    /// Layer NAME.config.toml over config.toml, as `codex --profile NAME` does
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Print this template: {provider}, {model}, {profile}, {base_url} (empty when unset)
    #[arg(long, value_name = "TEMPLATE", conflicts_with = "json")]
    pub format: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ShowArgs {
    /// Provider id [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Layer NAME.config.toml over config.toml, as `codex --profile NAME` does
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct RemoveArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub id: String,
    /// Remove even when it is the default or a profile selects it
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ProbeArgs {
    /// A configured provider id [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Probe this URL instead of a configured provider
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Variable holding the key (with --base-url)
    #[arg(long, value_name = "VAR")]
    pub env_key: Option<String>,
    /// Model id to send [default: the configured model]
    #[arg(long, short = 'm', value_name = "M", add = ArgValueCandidates::new(complete::model_ids))]
    pub model: Option<String>,
    /// Layer NAME.config.toml over config.toml when resolving the provider and model
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    /// Also send Codex's non-function tools and try the WebSocket upgrade
    #[arg(long)]
    pub deep: bool,
    /// Probe every configured provider concurrently: one row each (verdict, latency, model)
    #[arg(long, conflicts_with_all = ["id", "base_url", "env_key", "codex"])]
    pub all: bool,
    /// Run the installed Codex on a one-file edit task in a scratch folder (--timeout bounds it; default 120 s)
    #[arg(long)]
    pub codex: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct DoctorArgs {
    /// Layer NAME.config.toml over config.toml, as `codex --profile NAME` does
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Probe this provider instead of the active one
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(complete::provider_ids))]
    pub provider: Option<String>,
    /// Probe every configured provider
    #[arg(long, conflicts_with = "provider")]
    pub all: bool,
    /// Skip the network checks
    #[arg(long)]
    pub offline: bool,
    #[command(flatten)]
    pub json: JsonArgs,
    /// Print only the tally line
    #[arg(long)]
    pub summary: bool,
    /// Apply the safe repairs (asks first on a terminal; --yes for scripts)
    #[arg(long)]
    pub fix: bool,
    #[command(flatten)]
    pub timeout: TimeoutArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profile files and legacy `[profiles.*]` tables
    #[command(after_help = "Example:\n  codex-provider profile list --json")]
    List(JsonArgs),
    /// Show a profile file and what it selects
    #[command(after_help = "Example:\n  codex-provider profile show work -v")]
    Show(ProfileNameArgs),
    /// Delete a profile file (backed up; `undo` restores it)
    #[command(after_help = "Example:\n  codex-provider profile remove old --dry-run")]
    Remove(ProfileRemoveArgs),
    /// Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files
    #[command(
        after_help = "Example:\n  codex-provider profile migrate --dry-run\n  codex-provider profile migrate && codex --profile work"
    )]
    Migrate(MigrateArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub struct ProfileNameArgs {
    /// Profile name
    #[arg(add = ArgValueCandidates::new(complete::profile_names))]
    pub name: String,
    #[command(flatten)]
    pub json: JsonArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ProfileRemoveArgs {
    /// Profile name
    #[arg(add = ArgValueCandidates::new(complete::profile_names))]
    pub name: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct MigrateArgs {
    /// Overwrite keys in profile files that already exist
    #[arg(long)]
    pub force: bool,
    /// Make the provider and model of the legacy `profile = "x"` the default (asked on a terminal)
    #[arg(long)]
    pub keep_default: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone)]
pub struct CompletionsArgs {
    /// Shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
