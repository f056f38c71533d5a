//! `doctor`: gather once, check, render; with `--fix`, show the diff, confirm, write, re-check.

use std::io::IsTerminal;

use crate::cli::DoctorArgs;
use crate::config::Layers;
use crate::ctx::Ctx;
use crate::doctor::input::{self, Options};
use crate::doctor::{self, Report, Status, fix, render};
use crate::error::{Exit, UserError};
use crate::probe;
use crate::store::FileOp;

pub fn run(args: DoctorArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let options = Options {
        profile: args.profile.clone(),
        provider: args.provider.clone(),
        all: args.all,
        offline: args.offline,
    };
    let fixing = args.fix || args.write.dry_run;
    let input = input::gather(&ctx.codex_home, options.clone());
    check_provider_flag(&input, &options)?;
    let net = network(&args, &input);
    let report = doctor::run(&input, net.as_ref());
    if !fixing || (report.fixes().is_empty() && !has_legacy(&input)) {
        print(&report, &args, ctx);
        if fixing && !args.json {
            ctx.ui.note("nothing here that `doctor --fix` can repair automatically");
        }
        return Ok(exit_of(&report));
    }
    if !args.json {
        print(&report, &args, ctx);
    }

    // Re-read under the lock so the edit is made on what is on disk now.
    let session = crate::commands::written::begin(ctx, args.write.dry_run)?;
    let input = input::gather(&ctx.codex_home, options.clone());
    let report = doctor::run(&input, net.as_ref());
    let mut plan = fix::plan(&input, &report.fixes());
    for d in &plan.declined {
        ctx.ui.note(&format!("not applied (a suggestion): {}: {}", d.repair, d.why));
    }
    let migrated = migrate(ctx, &input, &mut plan);
    let ops: Vec<FileOp> = plan.files.iter().filter_map(FileOp::from_file).collect();
    if ops.is_empty() {
        if args.json {
            print(&report, &args, ctx);
        }
        return Ok(exit_of(&report));
    }
    let diffs: String = ops.iter().map(FileOp::diff).collect();
    if args.json {
        ctx.ui.stderr(&diffs);
    } else {
        ctx.ui.data(&diffs);
    }
    if session.dry_run() {
        ctx.ui.note("dry run: nothing was written");
        if args.json {
            print(&report, &args, ctx);
        }
        return Ok(exit_of(&report));
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
            return Ok(exit_of(&report));
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
    if args.json {
        print(&after, &args, ctx);
    } else {
        // The full report was printed before the diff: after it, only what is still not ok.
        let mut quiet = ctx.ui.clone();
        quiet.quiet = true;
        let title = ctx.ui.paint(crate::ui::Tone::Bold, "after --fix:");
        ctx.ui.data(&format!("\n{title}\n{}", render::human(&after, &quiet, false)));
    }
    Ok(exit_of(&after))
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
fn check_provider_flag(input: &input::DoctorInput, o: &Options) -> anyhow::Result<()> {
    let (Some(id), Ok(base)) = (&o.provider, &input.base) else { return Ok(()) };
    let layers = Layers::new(base, None);
    match layers.provider(id) {
        Ok(Some(_)) => Ok(()),
        _ => Err(layers.unknown_provider(id).into()),
    }
}

fn print(report: &Report, args: &DoctorArgs, ctx: &Ctx) {
    if args.json {
        ctx.ui.data(&serde_json::to_string_pretty(&render::json(report)).unwrap_or_default());
    } else {
        ctx.ui.data(&render::human(report, &ctx.ui, args.summary));
    }
}

fn exit_of(r: &Report) -> Exit {
    if r.overall() == Status::Fail { Exit::Problem } else { Exit::Ok }
}

/// Probes the providers the doctor's facts are about (`doctor::net::targets`: the active
/// one, `--provider ID`, or every provider with `--all`) and the URL of an ignored
/// `OPENAI_BASE_URL` (`doctor::env_probe`), all concurrently. None when the providers cannot
/// be probed (offline, a config that does not parse, a missing profile): the checks say why.
fn network(args: &DoctorArgs, input: &input::DoctorInput) -> Option<doctor::net::Probes> {
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
