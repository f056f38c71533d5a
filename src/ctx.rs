//! Resolved global options: where Codex lives, how to talk to the user, whether to prompt.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::GlobalArgs;
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
    pub fn new(g: &GlobalArgs) -> anyhow::Result<Ctx> {
        let ui = Ui::new(g.color, g.quiet, g.verbose);
        let codex_home = crate::home::resolve(g.codex_home.clone())?;
        let interactive = !g.yes && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Ok(Ctx { codex_home, ui, yes: g.yes, interactive })
    }

    pub fn config_path(&self) -> PathBuf {
        crate::home::config_path(&self.codex_home)
    }

    pub fn profile_path(&self, name: &str) -> PathBuf {
        crate::home::profile_path(&self.codex_home, name)
    }
}
