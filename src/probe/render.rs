//! Human rendering of a probe report (the caller prints it; the printer strips colour per
//! stream).

use super::{Report, Status};
use crate::ui::glyph::{self, Level};
use crate::ui::{Tone, Ui};

/// ✓/⚠/✗ per check, then the verdict line and the hint line.
pub fn render_human(report: &Report, ui: &Ui) -> String {
    let p = |tone, s: &str| ui.paint(tone, s);
    let mut out = render_checks(report, ui);
    out.push_str(&format!(
        "{} {}: {} {}\n",
        glyph::painted(ui, if report.ok { Level::Ok } else { Level::Fail }),
        p(Tone::Bold, report.verdict.as_str()),
        report.summary,
        p(Tone::Dim, &format!("[{} ms]", report.duration_ms))
    ));
    if let Some(h) = &report.hint {
        out.push_str(&format!("  {} {h}\n", p(Tone::Accent, "hint:")));
    }
    if let Some(s) = &report.suggestion {
        out.push_str(&format!("  {} base_url = \"{}\"\n", p(Tone::Accent, "suggested:"), s.base_url()));
    }
    out
}

/// The header and one line per check, without the verdict: for a caller (`add`) that says the
/// verdict and what to do itself, once.
pub fn render_checks(report: &Report, ui: &Ui) -> String {
    let p = |tone, s: &str| ui.paint(tone, s);
    let mut out = String::new();
    let who = report.target.provider.as_deref().map(|p| format!("{p} ")).unwrap_or_default();
    let model = report.target.model.as_deref().map(|m| format!(" model {m}")).unwrap_or_default();
    out.push_str(&format!("{} {who}{}{model}\n", p(Tone::Bold, "probe"), report.target.base_url));
    for c in &report.checks {
        let level = match c.status {
            Status::Pass => Level::Ok,
            Status::Warn => Level::Warn,
            Status::Fail => Level::Fail,
            Status::Skip => Level::Skip,
        };
        let ms = c.duration_ms.map(|m| p(Tone::Dim, &format!(" ({m} ms)"))).unwrap_or_default();
        out.push_str(&format!("  {} {:<16} {}{ms}\n", glyph::painted(ui, level), c.id, c.summary));
        if let Some(h) = &c.hint
            && c.status == Status::Warn
        {
            out.push_str(&format!("    {}\n", p(Tone::Dim, h)));
        }
    }
    out
}
