//! The one table formatter (kubectl style): every column padded to its widest cell, two
//! spaces apart, trailing blanks trimmed. Cells are padded before they are painted, so escape
//! codes never skew the alignment.

use super::{Tone, Ui};

/// Plain rows, padded.
pub fn lines(rows: &[Vec<String>]) -> Vec<String> {
    painted(rows, None, &|_, _| None)
}

/// Padded rows with `tone(row, column)` applied to each padded cell (row 0 is the header).
pub fn painted(rows: &[Vec<String>], ui: Option<&Ui>, tone: &dyn Fn(usize, usize) -> Option<Tone>) -> Vec<String> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    rows.iter()
        .enumerate()
        .map(|(ri, r)| {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                let mut padded = cell.clone();
                if i + 1 < r.len() {
                    padded.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
                } else {
                    padded.truncate(padded.trim_end().len());
                }
                match (ui, tone(ri, i)) {
                    (Some(ui), Some(t)) => line.push_str(&ui.paint(t, &padded)),
                    _ => line.push_str(&padded),
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The narrowest a shrunk column gets (`https://…` still says something).
const MIN_SHRUNK: usize = 8;

/// Fits `rows` into `width` columns of terminal: the widths come from the rows `counts` says
/// count (the header and the user's own rows: built-in rows must not widen the table; they
/// only use room that is left), then the
/// widest of the `shrink` columns loses a character until the line fits; every longer cell is
/// cut with `…`. Only the `shrink` columns are ever cut.
pub fn fit(rows: &mut [Vec<String>], width: usize, shrink: &[usize], counts: &dyn Fn(usize) -> bool) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let len = |s: &String| s.chars().count();
    let mut widths: Vec<usize> = (0..cols)
        .map(|c| {
            let counted = rows.iter().enumerate().filter(|(i, _)| !shrink.contains(&c) || counts(*i));
            let counted = counted.filter_map(|(_, r)| r.get(c));
            counted.map(len).max().unwrap_or(0)
        })
        .collect();
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    // The other rows may use what room is left.
    for c in 0..cols {
        let want = rows.iter().filter_map(|r| r.get(c)).map(len).max().unwrap_or(0);
        let room = width.saturating_sub(total(&widths));
        widths[c] += want.saturating_sub(widths[c]).min(room);
    }
    while total(&widths) > width {
        let Some(&c) = shrink.iter().filter(|&&c| widths[c] > MIN_SHRUNK).max_by_key(|&&c| widths[c]) else { break };
        widths[c] -= 1;
    }
    for r in rows.iter_mut() {
        for (c, cell) in r.iter_mut().enumerate() {
            if len(cell) > widths[c] {
                *cell = cell.chars().take(widths[c].saturating_sub(1)).chain(['…']).collect();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn columns_line_up_and_trailing_blanks_go() {
        let t = lines(&rows(&[&["ID", "NAME", "URL"], &["openrouter", "OpenRouter", "https://x"], &["a", "", ""]]));
        assert_eq!(t, ["ID          NAME        URL", "openrouter  OpenRouter  https://x", "a"]);
    }

    #[test]
    fn fit_cuts_the_widest_shrinkable_column_and_ignores_uncounted_rows() {
        let mut t = rows(&[
            &["ID", "URL", "KEY"],
            &["gw", "https://very-long-host.example.com/v1", "GW_API_KEY"],
            &["builtin", "https://a-built-in-url-that-is-even-longer.example/v1", "built-in"],
        ]);
        fit(&mut t, 40, &[1], &|r| r != 2);
        let out = lines(&t);
        assert!(out.iter().all(|l| l.chars().count() <= 40), "{out:#?}");
        assert!(out[1].contains('…') && out[2].contains('…'), "{out:#?}");
        assert!(out[1].ends_with("GW_API_KEY"), "{out:#?}");
        let mut wide = rows(&[&["ID", "URL"], &["gw", "https://h/v1"]]);
        fit(&mut wide, 200, &[1], &|_| true);
        assert_eq!(wide[1][1], "https://h/v1");
    }

    #[test]
    fn painting_keeps_the_alignment() {
        let ui = Ui::new(crate::ui::ColorChoice::Always, false, 0);
        let t = painted(&rows(&[&["ID", "X"], &["long-id", "y"]]), Some(&ui), &|r, c| {
            (r == 0 && c == 0).then_some(Tone::Bold)
        });
        assert_eq!(t[0], "\x1b[1mID       \x1b[0mX");
        assert_eq!(t[1], "long-id  y");
    }
}
