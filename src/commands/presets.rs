//! `presets`: the built-in provider catalogue, as an aligned table or JSON.

use serde::Serialize;

use crate::commands::output::{self, Output, SchemaVersion};
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::presets::{ALL, Preset, Responses};
use crate::ui::{Tone, Ui, table};

/// The catalogue.
#[derive(Serialize)]
struct Presets {
    schema_version: SchemaVersion,
    presets: &'static [Preset],
}

impl Output for Presets {
    fn human(&self, ctx: &Ctx) {
        ctx.ui.data(&table(self.presets, &ctx.ui, ctx.ui.verbose > 0));
        ctx.ui.status(
            "Add one with `codex-provider add ID --preset PRESET`; -v shows model ids, notes and how to bridge.",
        );
    }
}

pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    output::emit(ctx, &Presets { schema_version: SchemaVersion, presets: ALL })
}

/// The cells of one row, before padding.
fn cells(p: &Preset) -> [&'static str; 5] {
    [p.id, p.name, p.base_url, p.env_key.unwrap_or("-"), p.responses.label()]
}

/// The catalogue table (the one table formatter, painted per cell). With `details`, each row
/// is followed by indented model, note, edit and bridge lines.
fn table(presets: &[Preset], ui: &Ui, details: bool) -> String {
    let mut rows = vec![["ID", "NAME", "BASE URL", "KEY VAR", "RESPONSES"].map(String::from).to_vec()];
    rows.extend(presets.iter().map(|p| cells(p).map(String::from).to_vec()));
    let lines = table::painted(&rows, Some(ui), &|r, c| match (r, c) {
        (0, _) => Some(Tone::Bold),
        (_, 0) => Some(Tone::Accent),
        (r, 4) => Some(match presets[r - 1].responses {
            Responses::Native => Tone::Ok,
            Responses::Bridge => Tone::Warn,
            Responses::Probe => Tone::Dim,
        }),
        _ => None,
    });
    let mut out = format!("{}\n", lines[0]);
    for (p, line) in presets.iter().zip(&lines[1..]) {
        out.push_str(line);
        out.push('\n');
        if details {
            out.push_str(&detail_lines(p, ui));
        }
    }
    out
}

fn detail_lines(p: &Preset, ui: &Ui) -> String {
    let mut lines = vec![format!("model: {}", p.model_style)];
    lines.extend(p.needs_edit.map(|e| format!("edit: {e}")));
    lines.push(format!("note: {}", p.notes));
    lines.extend(p.bridge.map(|b| format!("bridge: {b}")));
    lines.iter().map(|l| format!("    {}\n", ui.paint(Tone::Dim, l))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::ColorChoice;

    #[test]
    fn columns_line_up_without_colour() {
        let ui = Ui::new(ColorChoice::Never, false, 0);
        let t = table(ALL, &ui, false);
        let lines: Vec<&str> = t.lines().collect();
        let col = lines[0].find("BASE URL").unwrap();
        for (l, p) in lines[1..].iter().zip(ALL) {
            assert_eq!(&l[col..col + p.base_url.len()], p.base_url, "{l}");
        }
    }

    #[test]
    fn verbose_explains_bridges() {
        let ui = Ui::new(ColorChoice::Never, false, 1);
        let t = table(ALL, &ui, true);
        assert!(t.contains("    bridge: run `litellm --model mistral/codestral-latest`"), "{t}");
        assert!(t.contains("    edit: replace YOUR-RESOURCE"), "{t}");
    }
}
