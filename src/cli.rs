//! Command-line definition (clap derive types only; no logic).

use std::path::PathBuf;

use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use crate::complete;
pub use crate::ui::ColorChoice;

/// Manage the model providers of OpenAI's Codex CLI.
///
/// Adds, probes, switches and diagnoses `[model_providers.*]` in `$CODEX_HOME/config.toml`
/// and profile files, editing only the keys it owns.
#[derive(Debug, Parser)]
#[command(name = "codex-provider", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  codex-provider add openrouter --preset openrouter --model openai/gpt-5.4 --use\n  codex-provider use openrouter --model openai/gpt-5.4\n  codex-provider doctor"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Codex home directory [default: $CODEX_HOME, else ~/.codex]
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
    pub codex_home: Option<PathBuf>,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Global options")]
    pub color: ColorChoice,
    /// Never prompt; take defaults and flags as given
    #[arg(short = 'y', long, global = true, help_heading = "Global options")]
    pub yes: bool,
    /// Print only errors and data
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = "Global options")]
    pub quiet: bool,
    /// Say more (where values come from, request details)
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Global options")]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Probe an endpoint, then add it as `[model_providers.ID]`
    #[command(
        after_help = "Examples:\n  export OPENROUTER_API_KEY=...\n  codex-provider add openrouter --preset openrouter --model openai/gpt-5.4 --use\n  codex-provider add gw --base-url https://llm.corp.example/v1 --env-key CORP_LLM_KEY --model gpt-5.4 --profile work"
    )]
    Add(AddArgs),
    /// Make a provider (and model) the default, or write a profile file selecting it
    #[command(
        after_help = "Examples:\n  codex-provider use openrouter --model openai/gpt-5.4\n  codex-provider use gw --profile work      # writes work.config.toml; run `codex --profile work`\n  codex-provider use --profile work         # make the work profile's provider the default\n  codex-provider use -                      # back to the previous default"
    )]
    #[command(visible_alias = "switch")]
    Use(UseArgs),
    /// List providers (custom and built-in) and profile files
    #[command(after_help = "Example:\n  codex-provider list --json", visible_alias = "ls")]
    List(JsonArgs),
    /// Print the active provider id (and model with -v)
    #[command(
        after_help = "Examples:\n  codex-provider current\n  codex-provider current -v --profile work\n  codex-provider current --format '{provider}/{model}'   # for a shell prompt"
    )]
    Current(CurrentArgs),
    /// Show every field of a provider with Codex's defaults and where each comes from
    #[command(
        after_help = "Examples:\n  codex-provider show openrouter --json\n  codex-provider show            # the active provider"
    )]
    Show(ShowArgs),
    /// Remove a provider
    #[command(after_help = "Example:\n  codex-provider remove old-gateway --dry-run", visible_alias = "rm")]
    Remove(RemoveArgs),
    /// Check that an endpoint works the way Codex needs (models, streaming Responses, tools)
    #[command(
        after_help = "Examples:\n  codex-provider probe openrouter\n  codex-provider probe --base-url http://127.0.0.1:11434/v1 --model llama3.2 --json"
    )]
    Probe(ProbeArgs),
    /// Diagnose the config, the environment and the endpoints; --fix repairs the safe problems
    #[command(
        after_help = "Examples:\n  codex-provider doctor\n  codex-provider doctor --profile work --json\n  codex-provider doctor --fix --dry-run"
    )]
    Doctor(DoctorArgs),
    /// Profile files (`NAME.config.toml`, used by `codex --profile NAME`)
    #[command(subcommand, after_help = "Examples:\n  codex-provider profile list\n  codex-provider profile migrate")]
    Profile(ProfileCommand),
    /// The built-in provider presets
    #[command(after_help = "Example:\n  codex-provider presets --json")]
    Presets(JsonArgs),
    /// Restore the files changed by the last codex-provider write
    #[command(after_help = "Examples:\n  codex-provider undo --dry-run\n  codex-provider undo --list")]
    Undo(UndoArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  codex-provider completions bash > ~/.local/share/bash-completion/completions/codex-provider"
    )]
    Completions(CompletionsArgs),
    /// Write a Codex model catalog: the bundled models plus the endpoint's, with their context windows
    #[command(after_help = "Examples:\n  codex-provider catalog\n  codex-provider catalog openrouter --dry-run")]
    Catalog(CatalogArgs),
    /// Store or remove a provider's API key in $CODEX_HOME/.env (Codex reads it, GUI launches too)
    #[command(
        subcommand,
        after_help = "Examples:\n  codex-provider key set openrouter          # hidden prompt\n  printf %s \"$KEY\" | codex-provider key set openrouter\n  codex-provider key unset openrouter"
    )]
    Key(KeyCommand),
    /// Rename a provider and every `model_provider` that selects it
    #[command(after_help = "Example:\n  codex-provider rename gw corp-gw --dry-run")]
    Rename(RenameArgs),
    /// Set one field of a provider, typed as Codex reads it
    #[command(
        after_help = "Examples:\n  codex-provider set gw stream_idle_timeout_ms 600000\n  codex-provider set gw supports_websockets false\n  codex-provider set gw query_params.api-version 2025-04-01-preview"
    )]
    Set(SetArgs),
    /// Remove one field of a provider (Codex then uses its default)
    #[command(after_help = "Example:\n  codex-provider unset gw request_max_retries")]
    Unset(UnsetArgs),
    /// Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`
    #[command(
        after_help = "Examples:\n  codex-provider export > team-providers.toml\n  codex-provider export gw --json"
    )]
    Export(ExportArgs),
    /// Make config.toml's providers match a file (add or update in place, probe, optionally prune)
    #[command(
        after_help = "Examples:\n  codex-provider apply -f team-providers.toml --dry-run\n  codex-provider apply -f team-providers.toml --prune"
    )]
    Apply(ApplyArgs),
    /// Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider
    #[command(
        after_help = "Examples:\n  export OPENAI_BASE_URL=https://llm.corp.example/v1 OPENAI_API_KEY=...\n  codex-provider import --use\n  codex-provider import --id corp --model gpt-5.4 --profile work"
    )]
    Import(ImportArgs),
    /// The endpoint's model ids, the configured one marked, and whether Codex knows each
    #[command(after_help = "Examples:\n  codex-provider models\n  codex-provider models openrouter --json")]
    Models(ModelsArgs),
    /// Run codex-relay in front of a chat-only endpoint, so Codex can use it
    #[command(
        subcommand,
        after_help = "Examples:\n  codex-provider add mistral --preset mistral --model codestral-latest --bridge\n  codex-provider bridge status\n  codex-provider bridge install mistral"
    )]
    Bridge(BridgeCommand),
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
    #[arg(long, short = 'm', value_name = "M")]
    pub model: Option<String>,
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
    /// Machine-readable output (what was imported)
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ModelsArgs {
    /// Provider id [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Request timeout in seconds
    #[arg(long, value_name = "S", default_value = "15", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Duration,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ExportArgs {
    /// Provider ids [default: every custom provider in config.toml]
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub ids: Vec<String>,
    /// JSON instead of TOML
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ApplyArgs {
    /// A providers file (TOML from `export`, or its --json form)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Also remove providers the file lacks (never the active one or one a profile selects)
    #[arg(long)]
    pub prune: bool,
    /// Write without probing the new and changed providers
    #[arg(long)]
    pub no_probe: bool,
    /// Write even when a probe fails
    #[arg(long)]
    pub force: bool,
    /// Probe request timeout in seconds
    #[arg(long, value_name = "S", default_value_t = 15.0)]
    pub timeout: f64,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct UndoArgs {
    /// List what each kept backup would restore (newest first); restore nothing
    #[arg(long, conflicts_with = "dry_run")]
    pub list: bool,
    /// Machine-readable output (with --list)
    #[arg(long, requires = "list")]
    pub json: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Store the key under the provider's env_key name (hidden prompt, or one line on stdin)
    Set(KeyArgs),
    /// Remove the provider's key line from $CODEX_HOME/.env
    Unset(KeyArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub struct KeyArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: String,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct RenameArgs {
    /// Current provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub old: String,
    /// New provider id
    pub new: String,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct CatalogArgs {
    /// Provider whose `/models` to add [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
    /// Request timeout in seconds
    #[arg(long, value_name = "S", default_value = "15", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Duration,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct WriteArgs {
    /// Print a diff of each file that would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct JsonArgs {
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    #[arg(long, short = 'm', value_name = "M")]
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
    /// Update an existing provider (only the fields given)
    #[arg(long)]
    pub replace: bool,
    /// Chat-only endpoint: run codex-relay in front of it and point the provider at the relay
    #[arg(long, conflicts_with = "replace")]
    pub bridge: bool,
    /// Probe request timeout in seconds
    #[arg(long, value_name = "S", default_value = "15", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Duration,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct UseArgs {
    /// Provider id, or `-` for the previous default
    #[arg(add = ArgValueCandidates::new(complete::provider_ids_and_dash))]
    pub id: Option<String>,
    /// Model id to select with it
    #[arg(long, short = 'm', value_name = "M")]
    pub model: Option<String>,
    /// Write NAME.config.toml instead (with ID), or make that profile the default (without ID)
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Switch even to a provider Codex would refuse (e.g. `wire_api = "chat"`)
    #[arg(long)]
    pub force: bool,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ShowArgs {
    /// Provider id [default: the active provider]
    #[arg(add = ArgValueCandidates::new(complete::provider_ids))]
    pub id: Option<String>,
    /// Layer NAME.config.toml over config.toml, as `codex --profile NAME` does
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct RemoveArgs {
    /// Provider id
    #[arg(add = ArgValueCandidates::new(complete::custom_provider_ids))]
    pub id: String,
    /// Remove even when it is the default or a profile selects it
    #[arg(long)]
    pub force: bool,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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
    #[arg(long, short = 'm', value_name = "M")]
    pub model: Option<String>,
    /// Layer NAME.config.toml over config.toml when resolving the provider and model
    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::profile_names))]
    pub profile: Option<String>,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
    /// Request timeout in seconds
    #[arg(long, value_name = "S", default_value = "15", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Duration,
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
    /// Machine-readable output (the shape of `codex doctor --json`)
    #[arg(long)]
    pub json: bool,
    /// Print only the tally line
    #[arg(long)]
    pub summary: bool,
    /// Apply the safe repairs (asks first on a terminal; --yes for scripts)
    #[arg(long)]
    pub fix: bool,
    /// Request timeout in seconds for the network checks
    #[arg(long, value_name = "S", default_value = "15", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Duration,
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
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
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

/// The longest `--timeout` accepted: an hour.
const MAX_TIMEOUT_S: f64 = 3600.0;

/// `--timeout S` for `add`, `doctor` and `probe`: seconds, finite, above 0, at most 3600.
/// Anything else (`nan`, `inf`, `-1`, `0`, `4000`) is a usage error (exit 2), never a panic.
pub fn parse_timeout(s: &str) -> Result<Duration, String> {
    let secs: f64 = s.trim().parse().map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if !(secs.is_finite() && secs > 0.0 && secs <= MAX_TIMEOUT_S) {
        return Err(format!("must be a number of seconds above 0 and at most {MAX_TIMEOUT_S}"));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_are_finite_positive_and_at_most_an_hour() {
        assert_eq!(parse_timeout("15"), Ok(Duration::from_secs(15)));
        assert_eq!(parse_timeout("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_timeout("3600"), Ok(Duration::from_secs(3600)));
        for bad in ["nan", "NaN", "inf", "-inf", "-1", "0", "-0", "4000", "3600.5", "", "abc", "1e400"] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
    }
}
