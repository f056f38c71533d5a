//! The two renderers of one [`Report`]: grouped human lines and the `codex doctor --json` shape.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Report, Status};
use crate::ui::glyph::{self, Level};
use crate::ui::{Tone, Ui};

fn level(s: Status) -> Level {
    match s {
        Status::Ok => Level::Ok,
        Status::Warning => Level::Warn,
        Status::Fail => Level::Fail,
        Status::Skipped => Level::Skip,
    }
}

/// `2 failed, 1 warning, 14 ok, 6 skipped` (zero counts left out, except ok).
pub fn tally(r: &Report) -> String {
    let n = |s: Status| r.checks.iter().filter(|c| c.status == s).count();
    let mut parts = Vec::new();
    if n(Status::Fail) > 0 {
        parts.push(format!("{} failed", n(Status::Fail)));
    }
    match n(Status::Warning) {
        0 => {}
        1 => parts.push("1 warning".into()),
        w => parts.push(format!("{w} warnings")),
    }
    parts.push(format!("{} ok", n(Status::Ok)));
    if n(Status::Skipped) > 0 {
        parts.push(format!("{} skipped", n(Status::Skipped)));
    }
    parts.join(", ")
}

/// A check's group heading: its category, or `provider ID` for a network check of one of
/// several providers (`--all`), so each provider's stages read as one block.
fn heading(c: &super::Check) -> String {
    match &c.provider {
        Some(p) => format!("{} {p}", c.category),
        None => c.category.to_string(),
    }
}

/// Human output: checks grouped by heading in first-seen order; each non-ok line carries
/// its hint, `verbose` adds details; `-q` leaves out the ok lines (and groups left
/// empty); `summary_only` prints just the tally.
pub fn human(r: &Report, ui: &Ui, summary_only: bool) -> String {
    let paint = |tone, s: &str| ui.paint(tone, s);
    let mut out = String::new();
    if !summary_only {
        let shown = |c: &&super::Check| !(ui.quiet && c.status == Status::Ok);
        let mut cats: Vec<String> = Vec::new();
        for c in r.checks.iter().filter(shown) {
            if !cats.contains(&heading(c)) {
                cats.push(heading(c));
            }
        }
        let width = r.checks.iter().map(|c| c.id.len()).max().unwrap_or(0);
        for cat in cats {
            out.push_str(&paint(Tone::Bold, &cat));
            out.push('\n');
            for c in r.checks.iter().filter(shown).filter(|c| heading(c) == cat) {
                out.push_str(&format!("  {} {:width$}  {}\n", glyph::painted(ui, level(c.status)), c.id, c.summary));
                if c.status > Status::Ok {
                    if let Some(rem) = &c.remediation {
                        out.push_str(&format!("      {} {rem}\n", paint(Tone::Accent, "hint:")));
                    }
                    if c.fix.is_some() {
                        out.push_str(&format!("      {}\n", paint(Tone::Dim, "fixable: codex-provider doctor --fix")));
                    }
                }
                if ui.verbose > 0 {
                    for (k, v) in &c.details {
                        let v = v.replace('\n', "\n        ");
                        out.push_str(&format!("      {}\n", paint(Tone::Dim, &format!("{k}: {v}"))));
                    }
                }
            }
        }
    }
    let tone = match r.overall() {
        Status::Fail => Tone::Fail,
        Status::Warning => Tone::Warn,
        _ => Tone::Ok,
    };
    out.push_str(&paint(tone, &tally(r)));
    out.push('\n');
    out
}

/// One check in the `codex doctor --json` shape.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonCheck {
    id: &'static str,
    category: &'static str,
    status: &'static str,
    summary: String,
    details: BTreeMap<String, String>,
    remediation: Option<String>,
    duration_ms: u64,
    fixable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<String>,
}

/// `{"schemaVersion":1,"overallStatus":…,"checks":{"<id>":{…}}}` as `codex doctor --json`,
/// plus `generatedAt` (RFC 3339), `codexVersion` (null without an installed Codex) and a
/// per-check `fixable` (`doctor --fix` repairs it). With several providers (`--all`) each
/// network check also has `provider`; the first provider's (the active one) keep the plain
/// ids as keys, the others' are keyed `ID@PROVIDER` (`provider.auth@gw`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Json {
    schema_version: u32,
    generated_at: String,
    codex_version: Option<String>,
    overall_status: &'static str,
    checks: BTreeMap<String, JsonCheck>,
}

pub fn json(r: &Report) -> Json {
    let codex = crate::codex::installed().map(|i| i.version.clone());
    json_at(r, crate::ui::time::now(), codex)
}

fn json_at(r: &Report, now: u64, codex_version: Option<String>) -> Json {
    let mut checks = BTreeMap::new();
    for c in &r.checks {
        let key = match &c.provider {
            Some(p) if checks.contains_key(c.id) => format!("{}@{p}", c.id),
            _ => c.id.to_string(),
        };
        let check = JsonCheck {
            id: c.id,
            category: c.category,
            status: c.status.as_str(),
            summary: c.summary.clone(),
            details: c.details.clone(),
            remediation: c.remediation.clone(),
            duration_ms: c.duration_ms,
            fixable: c.fix.is_some(),
            provider: c.provider.clone(),
        };
        checks.insert(key, check);
    }
    Json {
        schema_version: 1,
        generated_at: crate::ui::time::rfc3339(now),
        codex_version,
        overall_status: r.overall().as_str(),
        checks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Check;
    use crate::ui::ColorChoice;

    fn report() -> Report {
        Report {
            checks: vec![
                Check::ok("config.parse", "config.toml parses"),
                Check::new("config.wire_api", Status::Fail, "chat").remedy("set responses").detail("k", "v"),
                Check::new("env.key", Status::Warning, "w"),
                Check::skipped("provider.auth", "offline"),
            ],
        }
    }

    #[test]
    fn human_groups_and_tallies() {
        let ui = Ui::new(ColorChoice::Never, false, 0);
        let h = human(&report(), &ui, false);
        assert!(
            h.starts_with(
                "config\n  ✓ config.parse     config.toml parses\n  ✗ config.wire_api  chat\n      hint: set responses\n"
            ),
            "{h}"
        );
        assert!(h.ends_with("1 failed, 1 warning, 1 ok, 1 skipped\n"));
        assert!(!h.contains("k: v"));
        assert!(human(&report(), &Ui::new(ColorChoice::Never, false, 1), false).contains("      k: v\n"));
        assert_eq!(human(&report(), &ui, true), "1 failed, 1 warning, 1 ok, 1 skipped\n");
        let quiet = human(&report(), &Ui::new(ColorChoice::Never, true, 0), false);
        assert!(!quiet.contains("config.parse") && quiet.contains("config.wire_api"), "{quiet}");
        assert!(quiet.contains("provider.auth") && quiet.ends_with("1 failed, 1 warning, 1 ok, 1 skipped\n"));
    }

    fn two_providers() -> Report {
        let on = |mut c: Check, p: &str| {
            c.provider = Some(p.into());
            c
        };
        Report {
            checks: vec![
                Check::ok("config.parse", "config.toml parses"),
                on(Check::ok("provider.reachable", "ok"), "gw"),
                on(Check::new("provider.reachable", Status::Fail, "refused"), "local"),
                on(Check::skipped("provider.auth", "not reached"), "local"),
            ],
        }
    }

    #[test]
    fn several_providers_get_a_heading_and_a_key_each() {
        let h = human(&two_providers(), &Ui::new(ColorChoice::Never, false, 0), false);
        assert!(h.contains("provider gw\n  ✓ provider.reachable  ok\n"), "{h}");
        assert!(h.contains("provider local\n  ✗ provider.reachable  refused\n  - provider.auth"), "{h}");
        let j = serde_json::to_value(json_at(&two_providers(), 0, None)).unwrap();
        assert_eq!(j["checks"]["provider.reachable"]["provider"], "gw");
        assert_eq!(j["checks"]["provider.reachable@local"]["status"], "fail");
        assert_eq!(j["checks"]["provider.reachable@local"]["id"], "provider.reachable");
        assert_eq!(j["checks"]["provider.auth"]["provider"], "local");
        assert!(j["checks"]["config.parse"].get("provider").is_none());
    }

    #[test]
    fn json_shape() {
        let j = serde_json::to_value(json_at(&report(), 1_796_169_223, Some("0.171.0".into()))).unwrap();
        assert_eq!(j["schemaVersion"], 1);
        assert_eq!(j["generatedAt"], "2026-12-01T23:53:43Z");
        assert_eq!(j["codexVersion"], "0.171.0");
        assert_eq!(serde_json::to_value(json_at(&report(), 0, None)).unwrap()["codexVersion"], serde_json::Value::Null);
        assert_eq!(j["checks"]["config.wire_api"]["fixable"], false);
        assert_eq!(j["overallStatus"], "fail");
        assert_eq!(j["checks"]["config.wire_api"]["status"], "fail");
        assert_eq!(j["checks"]["config.wire_api"]["details"]["k"], "v");
        assert_eq!(j["checks"]["config.parse"]["remediation"], serde_json::Value::Null);
        assert_eq!(j["checks"]["provider.auth"]["status"], "skipped");
        assert_eq!(j["checks"]["env.key"]["durationMs"], 0);
    }
}
