//! The command line, and the only place clap is known: the definition (the top level and the
//! flags shared by every command here, each subcommand's arguments in [`args`]), completion
//! ([`complete`]), and [`run`], which turns the parsed arguments into each command's plain
//! options and calls it. Below this module nothing sees a clap type (the arch test checks).

mod args;
pub mod complete;
mod run;
pub use args::*;
pub use run::dispatch;

use std::path::PathBuf;

use std::time::Duration;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::ui::ColorChoice;

/// `--color`: the clap face of [`ColorChoice`], which the printer owns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(c: ColorArg) -> ColorChoice {
        match c {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

/// The global options, as plain values for the layers below.
pub struct Global {
    pub codex_home: Option<PathBuf>,
    pub color: ColorChoice,
    pub yes: bool,
    pub quiet: bool,
    pub verbose: u8,
    /// The subcommand's `--json`: chosen once here, so the one printer (and every write on the
    /// way) knows stdout carries a single JSON document.
    pub json: bool,
}

/// Answers a completion request (`COMPLETE=bash codex-provider`, which exits), else parses the
/// command line (clap exits on `--help` or a usage error).
pub fn parse() -> (Global, Command) {
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    let g = cli.global;
    let json = cli.command.json();
    let global = Global {
        codex_home: g.codex_home,
        color: g.color.into(),
        yes: g.yes,
        quiet: g.quiet,
        verbose: g.verbose,
        json,
    };
    (global, cli.command)
}

/// Manage the model providers of OpenAI's Codex CLI.
///
/// Adds, probes, switches and diagnoses `[model_providers.*]` in `$CODEX_HOME/config.toml`
/// and profile files, editing only the keys it owns.
#[derive(Debug, Parser)]
// `--version` adds the commit it was built from (build.rs); `-V` is the version alone.
#[command(name = "codex-provider", version, about, long_about = None)]
#[command(long_version = concat!(env!("CARGO_PKG_VERSION"), env!("CODEX_PROVIDER_COMMIT")))]
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
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, help_heading = "Global options")]
    pub color: ColorArg,
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

/// `defer`: each subcommand's arguments are built only when that subcommand runs (help,
/// completion and man pages build them all), which takes a third of a millisecond off start-up.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Probe an endpoint, then add it as `[model_providers.ID]`
    #[command(
        after_help = "Examples:\n  export OPENROUTER_API_KEY=...\n  codex-provider add openrouter --preset openrouter --model openai/gpt-5.4 --use\n  codex-provider add gw --base-url https://llm.corp.example/v1 --env-key CORP_LLM_KEY --model gpt-5.4 --profile work"
    )]
    Add(AddArgs),
    /// Make a provider (and model) the default, or write a profile file selecting it (alias: switch)
    #[command(
        after_help = "Examples:\n  codex-provider use openrouter --model openai/gpt-5.4\n  codex-provider use gw --profile work      # writes work.config.toml; run `codex --profile work`\n  codex-provider use --profile work         # make the work profile's provider the default\n  codex-provider use -                      # back to the previous default"
    )]
    // A hidden alias, named in the about line instead: the completion engine sorts the names
    // and keeps one per command, so a visible `switch` hid `use` from `codex-provider <TAB>`.
    #[command(alias = "switch")]
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
    /// Store or remove a provider's API key: in $CODEX_HOME/.env, or in the OS keychain
    #[command(
        subcommand,
        after_help = "Examples:\n  codex-provider key set openrouter          # hidden prompt, into $CODEX_HOME/.env\n  printf %s \"$KEY\" | codex-provider key set openrouter\n  codex-provider key set openrouter --keychain   # OS keychain, served by `key get`\n  codex-provider key unset openrouter"
    )]
    Key(KeyCommand),
    /// Every thread Codex recorded, newest first, with the command that resumes it with its own provider
    #[command(
        after_help = "Examples:\n  codex-provider threads\n  codex-provider threads --provider openrouter --json"
    )]
    Threads(ThreadsArgs),
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
pub struct WriteArgs {
    /// Print a diff of each file that would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct JsonArgs {
    /// Machine-readable output (one JSON document on stdout)
    #[arg(long)]
    pub json: bool,
}

/// The default of every `--timeout` but `probe --codex`'s.
pub const DEFAULT_TIMEOUT: Duration = crate::probe::DEFAULT_TIMEOUT;

#[derive(Debug, Args, Clone, Default)]
pub struct TimeoutArgs {
    /// Request timeout in seconds [default: 15]
    #[arg(long, value_name = "S", value_parser = parse_timeout, allow_hyphen_values = true)]
    pub timeout: Option<Duration>,
}

impl TimeoutArgs {
    /// The given timeout, else the 15 s default.
    pub fn or_default(&self) -> Duration {
        self.timeout.unwrap_or(DEFAULT_TIMEOUT)
    }
}

/// The longest `--timeout` accepted: an hour.
const MAX_TIMEOUT_S: f64 = 3600.0;

/// Every `--timeout S`: seconds, finite, above 0, at most 3600.
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
