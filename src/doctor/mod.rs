//! `doctor`: checks as data (README "doctor" lists them). `input` gathers everything from the
//! outside world once; the checks are pure functions over it, so each can be unit-tested
//! without a filesystem; `render` is the only place that prints; `fix` applies repairs.

pub mod bridge_checks;
mod codex;
mod env;
pub mod env_probe;
mod facts;
mod files;
mod findings;
pub mod fix;
pub mod input;
mod keys;
pub mod model_catalog;
pub mod net;
mod providers;
pub mod render;
mod selection;

use std::collections::BTreeMap;
use std::time::Instant;

pub use input::DoctorInput;

/// A check's outcome. Ordered so that `max` is the worst; `Skipped` counts as nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Skipped,
    Ok,
    Warning,
    Fail,
}

impl Status {
    /// The word used in JSON (`codex doctor --json` vocabulary).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Fail => "fail",
            Status::Skipped => "skipped",
        }
    }
}

/// Which file a repair edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileRef {
    /// `$CODEX_HOME/config.toml`
    Config,
    /// `$CODEX_HOME/NAME.config.toml`
    Profile(String),
}

/// One safe, mechanical edit `--fix` may apply (see `config::repair`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// `wire_api = "…"` → `"responses"` in `[model_providers.ID]`.
    WireApi { file: FileRef, provider: String },
    /// Rename a typo key to its did-you-mean; `table` is the path of the table (empty: root).
    RenameKey { file: FileRef, table: Vec<String>, from: String, to: String },
    /// Rename a provider table with a reserved id, and a root `model_provider` naming it.
    RenameProvider { file: FileRef, from: String, to: String },
    /// Replace `base_url` and move its query string into `query_params`.
    BaseUrl { file: FileRef, provider: String, url: String, query: Vec<(String, String)> },
}

impl Repair {
    pub fn file(&self) -> &FileRef {
        match self {
            Repair::WireApi { file, .. }
            | Repair::RenameKey { file, .. }
            | Repair::RenameProvider { file, .. }
            | Repair::BaseUrl { file, .. } => file,
        }
    }
}

/// What `--fix` would do for one check: a one-line description and its edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub summary: String,
    pub repairs: Vec<Repair>,
}

/// One diagnosed fact.
#[derive(Debug, Clone)]
pub struct Check {
    pub id: &'static str,
    pub category: &'static str,
    pub status: Status,
    pub summary: String,
    pub details: BTreeMap<String, String>,
    pub remediation: Option<String>,
    pub duration_ms: u64,
    pub fix: Option<Fix>,
    /// The provider a network check is about when several are probed (`--all`).
    pub provider: Option<String>,
}

impl Check {
    /// A check with the category taken from the id's prefix (`config.parse` → `config`).
    pub fn new(id: &'static str, status: Status, summary: impl Into<String>) -> Check {
        let category = id.split('.').next().unwrap_or(id);
        Check {
            id,
            category,
            status,
            summary: summary.into(),
            details: BTreeMap::new(),
            remediation: None,
            duration_ms: 0,
            fix: None,
            provider: None,
        }
    }
    pub fn ok(id: &'static str, summary: impl Into<String>) -> Check {
        Check::new(id, Status::Ok, summary)
    }
    pub fn skipped(id: &'static str, summary: impl Into<String>) -> Check {
        Check::new(id, Status::Skipped, summary)
    }
    pub fn detail(mut self, k: impl Into<String>, v: impl Into<String>) -> Check {
        self.details.insert(k.into(), v.into());
        self
    }
    pub fn remedy(mut self, r: impl Into<String>) -> Check {
        self.remediation = Some(r.into());
        self
    }
    pub fn with_fix(mut self, fix: Option<Fix>) -> Check {
        self.fix = fix.filter(|f| !f.repairs.is_empty());
        self
    }
}

/// All checks of one run, in display order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    /// The worst status (`Ok` when everything passed or was skipped).
    pub fn overall(&self) -> Status {
        self.checks.iter().map(|c| c.status).max().unwrap_or(Status::Ok).max(Status::Ok)
    }

    #[allow(dead_code)] // tests and the probe adapter look checks up by id
    pub fn get(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The repairs `--fix` can apply, one per fixable check.
    pub fn fixes(&self) -> Vec<&Fix> {
        self.checks.iter().filter(|c| c.status > Status::Ok).filter_map(|c| c.fix.as_ref()).collect()
    }
}

/// Runs every offline check over `input`, then the network ones from the probe reports
/// (`None`: the probe was not run, so they are skipped, saying why).
pub fn run(input: &DoctorInput, net: Option<&net::Probes>) -> Report {
    let mut facts = facts::Facts::new(input);
    if let Some(n) = net {
        facts.v1_proven = net::v1_proven(&n.providers);
    }
    let mut checks = Vec::new();
    type CheckFn = fn(&facts::Facts) -> Check;
    let list: &[CheckFn] = &[
        files::parse,
        providers::wire_api,
        providers::reserved_ids,
        providers::types,
        providers::provider_name,
        keys::unknown_keys,
        keys::misplaced_keys,
        files::legacy_profiles,
        selection::model_provider,
        selection::model,
        providers::base_url,
        providers::auth_conflict,
        files::profile_files,
        files::project_local,
        model_catalog::model_catalog,
        env::key,
        env::openai_vars,
        env::proxy,
        env::ca_bundle,
    ];
    for f in list {
        let start = Instant::now();
        let mut c = f(&facts);
        c.duration_ms = start.elapsed().as_millis() as u64;
        checks.push(c);
    }
    // The user's own URL, next to the check that says Codex ignores it.
    if let Some(c) = env_probe::check(&facts, net.and_then(|n| n.openai_env.as_ref())) {
        let at = checks.iter().position(|c| c.id == "env.openai_vars").map_or(checks.len(), |i| i + 1);
        checks.insert(at, c);
    }
    checks.extend(bridge_checks::provider_bridge(&facts));
    match net {
        Some(n) => {
            let active = facts.layers.as_ref().map(|l| l.selection().provider);
            checks.extend(net::network_checks(&n.providers, active.as_deref()))
        }
        None => {
            checks.extend(net::skipped_checks(&net::blocked(input).unwrap_or_else(|| "skipped: not probed".into())))
        }
    }
    checks.push(codex::codex_version(input));
    checks.push(codex::config_load(input));
    Report { checks }
}
