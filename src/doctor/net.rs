//! `provider.*` checks: which providers to probe (the same rule and order as the doctor's
//! facts), why none can be, and what each typed `probe::Report` means for each stage. The
//! one probe that is not of a provider (the URL in `OPENAI_BASE_URL`) is `env_probe`'s.

use std::collections::BTreeSet;

use super::facts::Facts;
use super::{Check, DoctorInput, Status};
use crate::probe::{self, CheckId, Suggestion, Verdict};

/// The network check ids, in the order a request gets through them.
pub const STAGES: &[&str] = &[
    "provider.reachable",
    "provider.auth",
    "provider.responses",
    "provider.stream",
    "provider.model",
    "provider.tools",
];

/// What the network told doctor: each provider's probe (in `targets` order), and the probe
/// of the URL in `OPENAI_BASE_URL` when Codex ignores it (`env_probe`).
#[derive(Debug, Clone, Default)]
pub struct Probes {
    pub providers: Vec<(String, probe::Report)>,
    pub openai_env: Option<probe::Report>,
}

/// Why the providers cannot be probed (`--offline`, a config that does not parse, a missing
/// `--profile` file); None when they can.
pub fn blocked(input: &DoctorInput) -> Option<String> {
    if input.options.offline {
        return Some("skipped (--offline)".into());
    }
    if input.base.is_err() {
        return Some("skipped: config.toml does not parse (see config.parse)".into());
    }
    let name = input.options.profile.as_ref()?;
    match input.profile_files.get(name) {
        None => Some(format!("skipped: profile file {name}.config.toml does not exist")),
        Some(Err(_)) => Some(format!("skipped: {name}.config.toml does not parse (see config.profile_files)")),
        Some(Ok(_)) => None,
    }
}

/// The probe targets: the providers the doctor's facts are about (active, `--provider ID`
/// or all with `--all`, in that order), each as Codex would call it. Err: why not.
pub fn targets(input: &DoctorInput) -> Result<Vec<(String, probe::Target)>, String> {
    if let Some(why) = blocked(input) {
        return Err(why);
    }
    let facts = Facts::new(input);
    let Some(layers) = &facts.layers else { return Err("skipped: config.toml does not parse".into()) };
    let active = layers.selection();
    Ok(facts
        .targets
        .iter()
        .filter_map(|id| {
            let view = layers.provider(id).ok()??;
            // Each provider with its own model (the active one's is the selection's).
            let model = if *id == active.provider {
                active.model.clone()
            } else {
                crate::memo::model_of(&input.home, layers, id).map(|(m, _)| m)
            };
            Some((id.clone(), probe::Target::from_provider(&view, model, &input.home)))
        })
        .collect())
}

/// Providers whose probe proved that `{base}/v1/responses` works (enables the "add /v1" fix).
pub fn v1_proven(reports: &[(String, probe::Report)]) -> BTreeSet<String> {
    reports
        .iter()
        .filter(|(_, r)| matches!(r.suggestion, Some(Suggestion::AddV1 { .. })))
        .map(|(id, _)| id.clone())
        .collect()
}

/// The stage a verdict stops at and how bad it is there.
fn stage_of(verdict: Verdict) -> (usize, Status) {
    match verdict {
        Verdict::Ok => (STAGES.len(), Status::Ok),
        Verdict::InvalidUrl | Verdict::Unreachable | Verdict::Tls | Verdict::Timeout | Verdict::Redirect => {
            (0, Status::Fail)
        }
        Verdict::MissingKey | Verdict::Auth => (1, Status::Fail),
        Verdict::RateLimited | Verdict::ServerError => (2, Status::Warning),
        Verdict::NotSse | Verdict::BadStream => (3, Status::Fail),
        Verdict::ModelNotFound => (4, Status::Fail),
        Verdict::NotFound | Verdict::ChatOnly | Verdict::Html | Verdict::BadRequest => (2, Status::Fail),
    }
}

/// Every stage skipped with one reason.
pub fn skipped_checks(reason: &str) -> Vec<Check> {
    STAGES.iter().map(|id| Check::skipped(id, reason)).collect()
}

/// The `--deep` tools check's summary when the endpoint rejected Codex's tool types.
fn tools_rejected(r: &probe::Report) -> Option<&str> {
    r.checks.iter().find(|c| c.id == CheckId::Tools && c.status == probe::Status::Fail).map(|c| c.summary.as_str())
}

/// One check per stage for each provider: stages before the verdict's pass, the verdict's
/// stage carries its summary and hint, later ones are `skipped` (never ok: nothing was
/// learned about them). With several providers (`--all`) each check names its provider
/// (`Check::provider`) and the active one's come first, so they keep the plain ids.
pub fn network_checks(reports: &[(String, probe::Report)], active: Option<&str>) -> Vec<Check> {
    if reports.is_empty() {
        return STAGES.iter().map(|id| Check::skipped(id, "no provider to probe")).collect();
    }
    let mut order: Vec<&(String, probe::Report)> = reports.iter().collect();
    order.sort_by_key(|(id, _)| Some(id.as_str()) != active);
    let several = reports.len() > 1;
    order
        .into_iter()
        .flat_map(|(id, r)| {
            let mut checks = stage_checks(id, r);
            if several {
                checks.iter_mut().for_each(|c| c.provider = Some(id.clone()));
            }
            checks
        })
        .collect()
}

/// The stage checks of one provider's probe report.
fn stage_checks(id: &str, r: &probe::Report) -> Vec<Check> {
    let (stop, status) = stage_of(r.verdict);
    let last = STAGES.len() - 1;
    STAGES
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let mut hint = None;
            let (st, line) = if i < stop || (i == last && stop == STAGES.len()) {
                match tools_rejected(r).filter(|_| i == last) {
                    Some(t) => {
                        hint = Some(format!(
                            "{id}: top-level `web_search = \"disabled\"` and `--disable multi_agent` remove those tools"
                        ));
                        (Status::Warning, format!("the endpoint rejects Codex's tool types: {t}"))
                    }
                    None => (Status::Ok, "ok".to_string()),
                }
            } else if i == stop {
                hint = r.hint.as_deref().filter(|h| !h.is_empty()).map(|h| format!("{id}: {h}"));
                (status, format!("{} ({})", r.summary, r.verdict))
            } else {
                (Status::Skipped, format!("not reached: {} stopped at {} ({})", id, STAGES[stop], r.verdict))
            };
            let mut c = Check::new(stage, st, line.clone()).detail(id, line);
            c.remediation = hint;
            c.duration_ms = r.duration_ms;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(verdict: Verdict) -> probe::Report {
        probe::Report::sample(verdict, "POST /responses: 404", Some("add /v1"))
    }

    #[test]
    fn verdict_maps_to_its_stage() {
        let c = network_checks(&[("gw".into(), report(Verdict::NotFound))], Some("gw"));
        let st: Vec<Status> = c.iter().map(|c| c.status).collect();
        assert_eq!(st, [Status::Ok, Status::Ok, Status::Fail, Status::Skipped, Status::Skipped, Status::Skipped]);
        assert_eq!(c[2].remediation.as_deref(), Some("gw: add /v1"));
        assert!(c.iter().all(|c| c.provider.is_none()));
        let mut t = report(Verdict::Ok);
        t.checks.push(probe::Check {
            id: CheckId::Tools,
            status: probe::Status::Fail,
            http_status: Some(400),
            duration_ms: None,
            summary: "web_search rejected".into(),
            hint: None,
        });
        assert_eq!(network_checks(&[("a".into(), t)], None)[5].status, Status::Warning);
        assert!(skipped_checks("x").iter().all(|c| c.status == Status::Skipped));
    }

    #[test]
    fn several_providers_each_get_their_stages_active_first() {
        let c = network_checks(&[("a".into(), report(Verdict::Ok)), ("b".into(), report(Verdict::Auth))], Some("b"));
        assert_eq!(c.len(), 2 * STAGES.len());
        let of = |p: &str| c.iter().filter(|c| c.provider.as_deref() == Some(p)).collect::<Vec<_>>();
        assert_eq!(c[0].provider.as_deref(), Some("b"), "the active provider comes first");
        let b: Vec<Status> = of("b").iter().map(|c| c.status).collect();
        assert_eq!(b, [Status::Ok, Status::Fail, Status::Skipped, Status::Skipped, Status::Skipped, Status::Skipped]);
        assert_eq!(of("b")[1].summary, "POST /responses: 404 (auth)");
        assert!(of("b")[2].summary.contains("not reached: b stopped at provider.auth"), "{}", of("b")[2].summary);
        // One provider that passed never turns another's unreached stage into ✓.
        assert!(of("a").iter().all(|c| c.status == Status::Ok));
        assert_eq!(network_checks(&[], None)[0].summary, "no provider to probe");
    }

    #[test]
    fn only_a_proven_v1_enables_the_fix() {
        let mut a = report(Verdict::NotFound);
        a.suggestion = Some(Suggestion::AddV1 { base_url: "http://h/v1".into(), proven: true });
        let mut b = report(Verdict::NotFound);
        b.suggestion = Some(Suggestion::DropSuffix { suffix: "/responses", base_url: "http://h/v1".into() });
        let proven = v1_proven(&[("a".into(), a), ("b".into(), b)]);
        assert_eq!(proven.into_iter().collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn a_broken_config_or_missing_profile_says_why() {
        let home = tempfile::tempdir().unwrap();
        let mut input = DoctorInput::empty(home.path());
        assert_eq!(blocked(&input), None);
        input.options.profile = Some("work".into());
        assert!(blocked(&input).unwrap().contains("work.config.toml does not exist"));
        input.base = Err("config.toml:1:1: bad".into());
        assert!(blocked(&input).unwrap().contains("config.toml does not parse"));
        input.options.offline = true;
        assert_eq!(blocked(&input).as_deref(), Some("skipped (--offline)"));
    }
}
