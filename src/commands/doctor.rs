//! `doctor`: gather once, check, render; with `--fix`, show the diff, confirm, write, re-check.

use std::io::IsTerminal;
use std::time::Duration;

use serde::{Serialize, Serializer};

use crate::commands::output::{self, Output};
use crate::config::Layers;
use crate::ctx::Ctx;
use crate::doctor::input;
use crate::doctor::{self, Report, Status, fix, render};
use crate::error::{Exit, UserError};
use crate::probe;
use crate::store::FileOp;

/// What to look at: the profile, `--provider`, `--all`, `--offline` (the facts' own options).
pub use crate::doctor::input::Options as Scope;

/// What `doctor` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub scope: Scope,
    /// Print only the tally line.
    pub summary: bool,
    pub fix: bool,
    pub timeout: Duration,
    pub dry_run: bool,
}

/// A doctor report as the command prints it: the first one, or the re-check after `--fix`.
struct Diagnosed {
    report: Report,
    summary: bool,
    after_fix: bool,
}

/// `--json` is `codex doctor --json`'s shape (`doctor::render::json`).
impl Serialize for Diagnosed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        render::json(&self.report).serialize(s)
    }
}

impl Output for Diagnosed {
    fn human(&self, ctx: &Ctx) {
        if !self.after_fix {
            ctx.ui.data(&render::human(&self.report, &ctx.ui, self.summary));
            return;
        }
        // The full report was printed before the diff: after it, only what is still not ok.
        let mut quiet = ctx.ui.clone();
        quiet.quiet = true;
        let title = ctx.ui.paint(crate::ui::Tone::Bold, "after --fix:");
        ctx.ui.data(&format!("\n{title}\n{}", render::human(&self.report, &quiet, false)));
    }

    fn exit(&self) -> Exit {
        if self.report.overall() == Status::Fail { Exit::Problem } else { Exit::Ok }
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let options = args.scope.clone();
    let fixing = args.fix || args.dry_run;
    let diagnosed = |report, after_fix| Diagnosed { report, summary: args.summary, after_fix };
    let input = input::gather(&ctx.codex_home, options.clone());
    check_provider_flag(&input, &options)?;
    let net = network(&args, &input);
    let report = doctor::run(&input, net.as_ref());
    if !fixing || (report.fixes().is_empty() && !has_legacy(&input)) {
        let exit = output::emit(ctx, &diagnosed(report, false))?;
        if fixing && !ctx.json {
            ctx.ui.note("nothing here that `doctor --fix` can repair automatically");
        }
        return Ok(exit);
    }
    if !ctx.json {
        output::emit(ctx, &diagnosed(report, false))?;
    }

    // Re-read under the lock so the edit is made on what is on disk now.
    let session = crate::commands::written::begin(ctx, args.dry_run)?;
    let input = input::gather(&ctx.codex_home, options.clone());
    let report = doctor::run(&input, net.as_ref());
    let mut plan = fix::plan(&input, &report.fixes());
    for d in &plan.declined {
        ctx.ui.note(&format!("not applied (a suggestion): {}: {}", d.repair, d.why));
    }
    let migrated = migrate(ctx, &input, &mut plan);
    let ops: Vec<FileOp> = plan.files.iter().filter_map(FileOp::from_file).collect();
    // In JSON mode the one document on stdout is the report; the report printed above (text)
    // is the answer when there is nothing to write.
    let report_once = |report| match ctx.json {
        true => output::emit(ctx, &diagnosed(report, false)),
        false => Ok(diagnosed(report, false).exit()),
    };
    if ops.is_empty() {
        return report_once(report);
    }
    let diffs: String = ops.iter().map(FileOp::diff).collect();
    if ctx.json {
        ctx.ui.stderr(&diffs);
    } else {
        ctx.ui.data(&diffs);
    }
    if session.dry_run() {
        ctx.ui.note("dry run: nothing was written");
        return report_once(report);
    }
    if !ctx.yes {
        // The question goes to stderr and the answer comes from stdin: stdout may be a pipe.
        let can_ask = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        if !can_ask {
            return Err(UserError::usage("doctor --fix needs a confirmation and there is no terminal to ask on")
                .hint("pass --yes to apply the changes above, or --dry-run to only show them")
                .into());
        }
        let ok = crate::ui::prompt::confirm("Apply these changes?", false)?;
        if !ok {
            ctx.ui.status("nothing was written");
            return report_once(report);
        }
    }
    session.commit("doctor --fix", &ops)?;
    for s in &plan.applied {
        ctx.ui.status(&format!("{} {s}", ctx.ui.paint(crate::ui::Tone::Ok, "fixed:")));
    }
    if let Some(m) = &migrated {
        crate::commands::profile::report(ctx, m);
    }
    drop(session);
    let input = input::gather(&ctx.codex_home, options);
    let after = doctor::run(&input, network(&args, &input).as_ref());
    output::emit(ctx, &diagnosed(after, true))
}

/// config.toml parses and holds legacy `[profiles.x]` tables or `profile = "x"`.
fn has_legacy(input: &input::DoctorInput) -> bool {
    input.base.as_ref().is_ok_and(|b| !b.legacy_profiles().is_empty() || b.legacy_profile_selector().is_some())
}

/// The legacy-profile migration (`profile migrate`'s own code), on config.toml as the
/// repairs left it; `profile = "x"`'s provider and model become the default, since the diff
/// is shown and confirmed. Its files join the plan; a migration that cannot be done safely
/// (a profile file that already sets the same keys) stays a suggestion.
fn migrate(ctx: &Ctx, input: &input::DoctorInput, plan: &mut fix::Plan) -> Option<crate::commands::profile::Migration> {
    if !has_legacy(input) {
        return None;
    }
    let base = input.base.as_ref().ok()?;
    let at = plan.files.iter().position(|f| f.path == base.path);
    let mut cfg = match at {
        Some(i) => plan.files.remove(i),
        None => base.clone(),
    };
    let before = cfg.clone();
    let m = match crate::commands::profile::migration(ctx, &mut cfg, false, true) {
        Ok(m) => m,
        Err(e) => {
            ctx.ui.note(&format!(
                "not applied (a suggestion): migrate the legacy profiles: {e} (`codex-provider profile migrate --force`)"
            ));
            // The failed migration may have edited the copy halfway: keep the repairs only.
            cfg = before;
            None
        }
    };
    plan.files.insert(0, cfg);
    if let Some(m) = &m {
        plan.files.extend(m.files.iter().cloned());
        plan.applied.push("migrated the legacy profiles to NAME.config.toml files".into());
    }
    m
}
/// `--provider ID` must name a provider (exit 2 with a did-you-mean otherwise).
fn check_provider_flag(input: &input::DoctorInput, o: &input::Options) -> anyhow::Result<()> {
    let (Some(id), Ok(base)) = (&o.provider, &input.base) else { return Ok(()) };
    let layers = Layers::new(base, None);
    match layers.provider(id) {
        Ok(Some(_)) => Ok(()),
        _ => Err(layers.unknown_provider(id).into()),
    }
}

/// Probes the providers the doctor's facts are about (`doctor::net::targets`: the active
/// one, `--provider ID`, or every provider with `--all`) and the URL of an ignored
/// `OPENAI_BASE_URL` (`doctor::env_probe`), all concurrently. None when the providers cannot
/// be probed (offline, a config that does not parse, a missing profile): the checks say why.
fn network(args: &Options, input: &input::DoctorInput) -> Option<doctor::net::Probes> {
    let targets = doctor::net::targets(input).ok()?;
    // deep: also send the non-function tool types Codex sends (provider.tools).
    let opts = probe::Options { timeout: args.timeout, deep: true, ..Default::default() };
    let (ids, mut targets): (Vec<String>, Vec<probe::Target>) = targets.into_iter().unzip();
    let env_url = doctor::env_probe::target(input);
    let has_env = env_url.is_some();
    targets.extend(env_url);
    let mut reports = probe::run(targets, &opts);
    let openai_env = if has_env { reports.pop() } else { None };
    Some(doctor::net::Probes { providers: ids.into_iter().zip(reports).collect(), openai_env })
}
