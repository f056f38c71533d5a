//! The provider picker of `use` with no id on a terminal (kubectx, `gh auth switch`): the
//! active provider first and marked, then the others as `list` orders them.

use dialoguer::FuzzySelect;

use crate::commands::load_layers;
use crate::ctx::Ctx;
use crate::ui::prompt;

/// Rows shown at once; the rest scrolls.
const LIST_ROWS: usize = 10;

/// Asks which provider to use; Ctrl-C exits 130 with nothing written.
pub fn provider(ctx: &Ctx) -> anyhow::Result<String> {
    let files = load_layers(ctx, None)?;
    let layers = files.layers();
    let active = layers.selection().provider;
    let mut ids = layers.all_ids()?;
    if let Some(i) = ids.iter().position(|id| *id == active) {
        let a = ids.remove(i);
        ids.insert(0, a);
    }
    let mut rows = Vec::new();
    for id in &ids {
        let url = layers.provider(id)?.and_then(|v| v.base_url().map(str::to_string)).unwrap_or_default();
        let mark = if *id == active { "* " } else { "  " };
        rows.push(format!("{mark}{id:<16} {url}").trim_end().to_string());
    }
    let _guard = prompt::Guard::new();
    let i = FuzzySelect::with_theme(&prompt::theme())
        .with_prompt("Provider (type to filter; * is active)")
        .items(&rows)
        .default(0)
        .max_length(LIST_ROWS)
        .interact()
        .map_err(prompt::failed)?;
    Ok(ids.swap_remove(i))
}
