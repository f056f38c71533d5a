//! `provider.*` checks from probe outcomes. The probe engine (`crate::probe`) lands in
//! another change; this module only needs its verdict per provider, so the merge is a
//! small adapter from `probe::Report` to [`NetOutcome`].

use super::{Check, Status};

/// The network check ids, in the order a request gets through them.
pub const STAGES: &[&str] = &[
    "provider.reachable",
    "provider.auth",
    "provider.responses",
    "provider.stream",
    "provider.model",
    "provider.tools",
];

/// What the probe said about one provider (a subset of `probe::Report`).
#[derive(Debug, Clone, Default)]
pub struct NetOutcome {
    /// One of the stable probe verdicts (`ok`, `unreachable`, `auth`, `chat_only`, ...).
    pub verdict: String,
    /// One line of what happened.
    pub summary: String,
    /// One line of what to do.
    pub hint: String,
    pub duration_ms: u64,
    /// The non-function tool types were rejected (`--deep`): Codex sends them.
    pub tools_rejected: Option<String>,
    /// `{base}/v1/responses` works where `{base}/responses` did not (enables the "add /v1" fix).
    pub v1_works: bool,
}

/// The stage a verdict stops at and how bad it is there.
fn stage_of(verdict: &str) -> (usize, Status) {
    match verdict {
        "ok" => (STAGES.len(), Status::Ok),
        "invalid_url" | "unreachable" | "tls" | "timeout" | "redirect" => (0, Status::Fail),
        "missing_key" | "auth" => (1, Status::Fail),
        "rate_limited" | "server_error" => (2, Status::Warning),
        "not_sse" | "bad_stream" => (3, Status::Fail),
        "model_not_found" => (4, Status::Fail),
        // not_found, chat_only, html, bad_request and anything new
        _ => (2, Status::Fail),
    }
}

/// Every stage skipped with one reason (offline, or no probe in this build).
pub fn skipped_checks(reason: &str) -> Vec<Check> {
    STAGES.iter().map(|id| Check::skipped(id, reason)).collect()
}

/// One check per stage, aggregated over providers: stages before the verdict's pass,
/// the verdict's stage carries its summary and hint, later ones are skipped.
pub fn network_checks(outcomes: &[(String, NetOutcome)]) -> Vec<Check> {
    let mut checks: Vec<Check> = STAGES.iter().map(|id| Check::skipped(id, "")).collect();
    let mut lines: Vec<Vec<String>> = vec![Vec::new(); STAGES.len()];
    let mut hints: Vec<Vec<String>> = vec![Vec::new(); STAGES.len()];
    for (id, o) in outcomes {
        let (stop, status) = stage_of(&o.verdict);
        for (i, c) in checks.iter_mut().enumerate() {
            let (st, line) = if i < stop || (i == STAGES.len() - 1 && stop == STAGES.len()) {
                if i == STAGES.len() - 1
                    && let Some(t) = &o.tools_rejected
                {
                    hints[i].push(format!(
                        "{id}: top-level `web_search = \"disabled\"` and `--disable multi_agent` remove those tools"
                    ));
                    (Status::Warning, format!("the endpoint rejects Codex's tool types: {t}"))
                } else {
                    (Status::Ok, "ok".to_string())
                }
            } else if i == stop {
                if !o.hint.is_empty() {
                    hints[i].push(format!("{id}: {}", o.hint));
                }
                (status, format!("{} ({})", o.summary, o.verdict))
            } else {
                (Status::Skipped, format!("not reached ({})", o.verdict))
            };
            c.status = c.status.max(st);
            c.details.insert(id.clone(), line.clone());
            c.duration_ms = c.duration_ms.max(o.duration_ms);
            lines[i].push(if outcomes.len() > 1 { format!("{id}: {line}") } else { line });
        }
    }
    for (i, c) in checks.iter_mut().enumerate() {
        if outcomes.is_empty() {
            c.summary = "no provider to probe".into();
            continue;
        }
        c.summary = lines[i].join("; ");
        if !hints[i].is_empty() {
            c.remediation = Some(hints[i].join("; "));
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(verdict: &str) -> NetOutcome {
        NetOutcome {
            verdict: verdict.into(),
            summary: "POST /responses: 404".into(),
            hint: "add /v1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn verdict_maps_to_its_stage() {
        let c = network_checks(&[("gw".into(), o("not_found"))]);
        let st: Vec<Status> = c.iter().map(|c| c.status).collect();
        assert_eq!(st, [Status::Ok, Status::Ok, Status::Fail, Status::Skipped, Status::Skipped, Status::Skipped]);
        assert_eq!(c[2].remediation.as_deref(), Some("gw: add /v1"));
        let c = network_checks(&[("a".into(), o("ok")), ("b".into(), o("auth"))]);
        assert_eq!(c[1].status, Status::Fail);
        assert_eq!(c[0].status, Status::Ok);
        assert!(c[1].summary.contains("b: POST /responses: 404 (auth)"));
        let mut t = o("ok");
        t.tools_rejected = Some("web_search".into());
        assert_eq!(network_checks(&[("a".into(), t)])[5].status, Status::Warning);
        assert!(skipped_checks("x").iter().all(|c| c.status == Status::Skipped));
    }
}
