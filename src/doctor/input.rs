//! Everything doctor reads from the outside world, gathered once. The checks never touch
//! the filesystem, the environment or the network themselves.

use std::collections::BTreeMap;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::ConfigFile;
use crate::home::CONFIG_FILE;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--profile NAME`: the profile file layered over config.toml.
    pub profile: Option<String>,
    /// Probe this provider instead of the active one.
    pub provider: Option<String>,
    /// Probe every configured provider.
    pub all: bool,
    /// No network: the probes are skipped.
    pub offline: bool,
}

/// A config file that parsed, or its `path:line:col: message`.
pub type Loaded = Result<ConfigFile, String>;

/// A CA bundle named by an environment variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaFile {
    Missing,
    Unreadable,
    NotPem,
    /// Number of `BEGIN CERTIFICATE` blocks.
    Pem(usize),
}

/// The installed Codex CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodexBin {
    NotInstalled,
    /// `codex --version` output (first line) and how long it took.
    Version {
        text: String,
        duration_ms: u64,
    },
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct DoctorInput {
    pub home: PathBuf,
    pub options: Options,
    /// `config.toml` (an empty document when missing).
    pub base: Loaded,
    /// Every `*.config.toml` next to it, by profile name (file name minus the suffix).
    pub profile_files: BTreeMap<String, Loaded>,
    /// The process environment.
    pub env: BTreeMap<String, String>,
    /// `$CODEX_HOME/.env` entries (Codex loads them over the process env: they win).
    pub dotenv: BTreeMap<String, String>,
    /// `$CODEX_HOME/auth.json` exists (Codex login).
    pub auth_json: bool,
    /// The nearest project-local `.codex/config.toml` from the cwd, if any.
    pub project_local: Option<(PathBuf, Loaded)>,
    /// Local proxy endpoints (`host:port`) and whether a TCP connect succeeded.
    pub local_ports: BTreeMap<String, bool>,
    /// CA bundle files by the variable naming them.
    pub ca_files: BTreeMap<String, (String, CaFile)>,
    pub codex: CodexBin,
    /// What the installed Codex said about loading the files (None: not asked).
    pub codex_load: Option<crate::codex::ask::Verdict>,
    /// The Codex binary that answered `codex_load` (`--fix` asks it about each edit).
    pub codex_path: Option<PathBuf>,
    /// What the installed Codex said about itself (`codex::facts`; None: no Codex).
    pub codex_facts: Option<crate::codex::facts::BinaryFacts>,
    /// Every recorded bridge, checked against the process table and its port.
    pub bridges: Vec<crate::bridge::State>,
}

impl DoctorInput {
    /// An input with nothing in it (for unit tests): empty config, empty environment.
    pub fn empty(home: &Path) -> DoctorInput {
        DoctorInput {
            home: home.to_path_buf(),
            options: Options::default(),
            base: Ok(ConfigFile::empty(&home.join(CONFIG_FILE))),
            profile_files: BTreeMap::new(),
            env: BTreeMap::new(),
            dotenv: BTreeMap::new(),
            auth_json: false,
            project_local: None,
            local_ports: BTreeMap::new(),
            ca_files: BTreeMap::new(),
            codex: CodexBin::NotInstalled,
            codex_load: None,
            codex_path: None,
            codex_facts: None,
            bridges: Vec::new(),
        }
    }

    /// A variable as Codex sees it (see `env::resolve`: `.env` over the process env).
    pub fn var(&self, name: &str) -> Option<&str> {
        crate::env::resolve(name, self.env.get(name).map(String::as_str), self.dotenv.get(name).map(String::as_str))
            .map(|(v, _)| v)
    }
}

/// Proxy variables doctor looks at (upper and lower case).
pub const PROXY_VARS: &[&str] = &["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"];
/// CA bundle variables doctor looks at.
pub const CA_VARS: &[&str] = &["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"];

/// Reads everything once.
pub fn gather(home: &Path, options: Options) -> DoctorInput {
    let mut input = DoctorInput::empty(home);
    input.base = load(&home.join(CONFIG_FILE));
    input.profile_files = profile_files(home);
    input.env = crate::env::process_vars();
    input.dotenv = crate::env::load(home);
    input.auth_json = home.join("auth.json").is_file();
    input.project_local = std::env::current_dir().ok().and_then(|cwd| find_project_local(&cwd, home));
    for var in PROXY_VARS {
        if let Some(hp) = input.var(var).and_then(local_proxy) {
            let open = port_open(&hp);
            input.local_ports.insert(hp, open);
        }
    }
    for var in CA_VARS {
        if let Some(p) = input.var(var).filter(|p| !p.is_empty()) {
            input.ca_files.insert(var.to_string(), (p.to_string(), ca_file(Path::new(p))));
        }
    }
    input.bridges = crate::bridge::record::all(home).into_iter().map(crate::bridge::state_of).collect();
    input.options = options;
    let bin = codex_bin(&input.env);
    let (codex, facts) = codex_facts(bin.as_deref(), home);
    input.codex = codex;
    input.codex_facts = facts;
    input.codex_load = codex_verdict(&input, bin.as_deref());
    input.codex_path = bin.filter(|_| input.codex_load.is_some());
    input
}

fn load(path: &Path) -> Loaded {
    ConfigFile::load(path).map_err(|e| e.to_string())
}

fn profile_files(home: &Path) -> BTreeMap<String, Loaded> {
    crate::home::profile_files(home).into_iter().map(|(name, path)| (name, load(&path))).collect()
}

/// Walks up from `cwd` to the git root (or `/`) for `.codex/config.toml`, skipping the
/// user config itself (`~/.codex/config.toml` is not project-local).
fn find_project_local(cwd: &Path, home: &Path) -> Option<(PathBuf, Loaded)> {
    let user = std::fs::canonicalize(home.join(CONFIG_FILE)).ok();
    for dir in cwd.ancestors() {
        let p = dir.join(".codex").join(CONFIG_FILE);
        if p.is_file() && std::fs::canonicalize(&p).ok() != user {
            return Some((p.clone(), load(&p)));
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// `host:port` of a proxy URL when it points at this machine (the only place we connect).
pub fn local_proxy(value: &str) -> Option<String> {
    let (scheme, rest) = value.split_once("://").unwrap_or(("http", value));
    let authority = rest.split('/').next()?;
    let authority = authority.rsplit('@').next()?;
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty() => {
            (h, p.parse().ok()?)
        }
        _ => (authority, if scheme.eq_ignore_ascii_case("https") { 443 } else { 80 }),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.to_ascii_lowercase().as_str() {
        "127.0.0.1" | "localhost" => Some(format!("{host}:{port}")),
        "::1" => Some(format!("[::1]:{port}")),
        _ => None,
    }
}

/// A 300 ms TCP connect, used only for proxies on the local machine.
fn port_open(host_port: &str) -> bool {
    let Ok(addrs) = host_port.to_socket_addrs() else { return false };
    addrs.into_iter().any(|a| TcpStream::connect_timeout(&a, Duration::from_millis(300)).is_ok())
}

fn ca_file(path: &Path) -> CaFile {
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => CaFile::Missing,
        Err(_) => CaFile::Unreadable,
        Ok(bytes) => {
            let n = String::from_utf8_lossy(&bytes).matches("-----BEGIN CERTIFICATE-----").count();
            if n == 0 { CaFile::NotPem } else { CaFile::Pem(n) }
        }
    }
}

/// The Codex doctor asks: `$CODEX_BIN`, else `codex` on PATH (of the gathered environment).
fn codex_bin(env: &BTreeMap<String, String>) -> Option<PathBuf> {
    crate::codex::find_bin_in(|k| env.get(k).map(std::ffi::OsString::from))
}

/// What the installed Codex says about itself (`codex --version` and the rest of
/// `codex::facts`, from the cache under `home` when the binary is unchanged).
fn codex_facts(bin: Option<&Path>, home: &Path) -> (CodexBin, Option<crate::codex::facts::BinaryFacts>) {
    let Some(bin) = bin else { return (CodexBin::NotInstalled, None) };
    match crate::codex::facts::of(bin, Some(home)) {
        Ok(f) => (CodexBin::Version { text: f.version_text.clone(), duration_ms: f.duration_ms }, Some(f)),
        Err(e) => (CodexBin::Failed(e.0), None),
    }
}

/// What the installed Codex says about the files doctor is asked about (config.toml and
/// the `--profile` file when it exists): None when there is no Codex or no home to ask about.
fn codex_verdict(input: &DoctorInput, bin: Option<&Path>) -> Option<crate::codex::ask::Verdict> {
    let bin = bin?;
    if !matches!(input.codex, CodexBin::Version { .. }) || !input.home.is_dir() {
        return None;
    }
    let config = std::fs::read_to_string(input.home.join(CONFIG_FILE)).ok();
    let profile_text = input.options.profile.as_ref().and_then(|n| {
        let path = crate::home::profile_path(&input.home, n);
        Some((n.as_str(), std::fs::read_to_string(path).ok()?))
    });
    let files = crate::codex::ask::Files {
        home: &input.home,
        config: config.as_deref(),
        profile: profile_text.as_ref().map(|(n, t)| (*n, t.as_str())),
    };
    let how = crate::codex::ask::Asking { startup_config: input.codex_facts.as_ref()?.startup_config };
    Some(crate::codex::ask::verdict(bin, &files, how))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_local_stops_at_git_root() {
        let t = tempfile::tempdir().unwrap();
        let repo = t.path().join("repo");
        std::fs::create_dir_all(repo.join("sub/.codex")).unwrap();
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(t.path().join(".codex")).unwrap();
        std::fs::write(t.path().join(".codex/config.toml"), "model = \"x\"\n").unwrap();
        assert!(find_project_local(&repo.join("sub"), Path::new("/nonexistent")).is_none());
        std::fs::write(repo.join("sub/.codex/config.toml"), "model_provider = \"x\"\n").unwrap();
        let (p, loaded) = find_project_local(&repo.join("sub"), Path::new("/nonexistent")).unwrap();
        assert!(p.ends_with("sub/.codex/config.toml") && loaded.is_ok());
    }
}
