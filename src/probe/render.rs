//! Human rendering of a probe report for a given stream (its colour decision); the caller
//! prints it.

use super::{Report, Status};
use crate::ui::{Stream, Tone, Ui};

/// [`render`] for stdout.
pub fn render_human(report: &Report, ui: &Ui) -> String {
    render(report, ui, Stream::Stdout)
}

/// ✓/⚠/✗ per check, then the verdict line and the hint line, painted for `stream`.
pub fn render(report: &Report, ui: &Ui, stream: Stream) -> String {
    let p = |tone, s: &str| ui.paint(stream, tone, s);
    let mut out = String::new();
    let who = report.target.provider.as_deref().map(|p| format!("{p} ")).unwrap_or_default();
    let model = report.target.model.as_deref().map(|m| format!(" model {m}")).unwrap_or_default();
    out.push_str(&format!("{} {who}{}{model}\n", p(Tone::Bold, "probe"), report.target.base_url));
    for c in &report.checks {
        let (mark, tone) = match c.status {
            Status::Pass => ("✓", Tone::Ok),
            Status::Warn => ("⚠", Tone::Warn),
            Status::Fail => ("✗", Tone::Fail),
            Status::Skip => ("-", Tone::Dim),
        };
        let ms = c.duration_ms.map(|m| p(Tone::Dim, &format!(" ({m} ms)"))).unwrap_or_default();
        out.push_str(&format!("  {} {:<16} {}{ms}\n", p(tone, mark), c.id, c.summary));
        if let Some(h) = &c.hint
            && c.status == Status::Warn
        {
            out.push_str(&format!("    {}\n", p(Tone::Dim, h)));
        }
    }
    let (tone, mark) = if report.ok { (Tone::Ok, "✓") } else { (Tone::Fail, "✗") };
    out.push_str(&format!(
        "{} {}: {} {}\n",
        p(tone, mark),
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
