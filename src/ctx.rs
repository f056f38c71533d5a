//! Resolved global options: where Codex lives, how to talk to the user, whether to prompt.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::error::UserError;
use crate::ui::Ui;

pub struct Ctx {
    /// `--codex-home`, else `$CODEX_HOME`, else `~/.codex`.
    pub codex_home: PathBuf,
    pub ui: Ui,
    /// `--yes`: never prompt.
    pub yes: bool,
    /// stdin and stdout are terminals and `--yes` was not given.
    pub interactive: bool,
}

impl Ctx {
    /// From the global flags, passed as values so this module needs nothing from `cli`.
    pub fn new(codex_home: Option<PathBuf>, ui: Ui, yes: bool) -> anyhow::Result<Ctx> {
        let codex_home = resolve_home(codex_home)?;
        let interactive = !yes && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Ok(Ctx { codex_home, ui, yes, interactive })
    }

    pub fn config_path(&self) -> PathBuf {
        self.codex_home.join(crate::config::CONFIG_FILE)
    }

    pub fn profile_path(&self, name: &str) -> PathBuf {
        self.codex_home.join(format!("{name}.config.toml"))
    }
}

/// The Codex home directory, the way Codex resolves it (an empty `CODEX_HOME` counts as unset).
pub fn resolve_home(flag: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(v) = crate::env::process_path("CODEX_HOME") {
        return Ok(PathBuf::from(v));
    }
    match dirs::home_dir() {
        Some(h) => Ok(h.join(".codex")),
        None => Err(UserError::usage("cannot find the home directory")
            .hint("pass --codex-home DIR or set CODEX_HOME")
            .into()),
    }
}
