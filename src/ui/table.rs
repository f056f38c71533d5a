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
    fn painting_keeps_the_alignment() {
        let ui = Ui::new(crate::ui::ColorChoice::Always, false, 0);
        let t = painted(&rows(&[&["ID", "X"], &["long-id", "y"]]), Some(&ui), &|r, c| {
            (r == 0 && c == 0).then_some(Tone::Bold)
        });
        assert_eq!(t[0], "\x1b[1mID       \x1b[0mX");
        assert_eq!(t[1], "long-id  y");
    }
}
