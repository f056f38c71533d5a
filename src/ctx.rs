//! Resolved global options: where Codex lives, how to talk to the user, whether to prompt.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::ui::Ui;

pub struct Ctx {
    /// `--codex-home`, else `$CODEX_HOME`, else `~/.codex`.
    pub codex_home: PathBuf,
    pub ui: Ui,
    /// `--yes`: never prompt.
    pub yes: bool,
    /// `--json`: stdout carries exactly one JSON document, written by the printer
    /// (`commands::output`); nothing else may write to stdout, and nothing is asked.
    pub json: bool,
    /// stdin and stdout are terminals, and neither `--yes` nor `--json` was given.
    pub interactive: bool,
}

impl Ctx {
    /// From the global flags, passed as values so this module needs nothing from `cli`.
    pub fn new(codex_home: Option<PathBuf>, ui: Ui, yes: bool, json: bool) -> anyhow::Result<Ctx> {
        let codex_home = crate::home::resolve(codex_home)?;
        let interactive = !yes && !json && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Ok(Ctx { codex_home, ui, yes, json, interactive })
    }

    pub fn config_path(&self) -> PathBuf {
        crate::home::config_path(&self.codex_home)
    }

    pub fn profile_path(&self, name: &str) -> PathBuf {
        crate::home::profile_path(&self.codex_home, name)
    }
}
