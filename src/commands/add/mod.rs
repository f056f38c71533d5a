//! `add`: validate, probe, then write `[model_providers.ID]` (and optionally select it).
//!
//! [`plan`] turns the options into a validated [`Plan`]; [`save`] probes and writes a plan and
//! returns the typed [`Added`]; [`wizard`] asks on a terminal (through [`interactive`]'s
//! prompts) and then calls [`save`]; [`bridge`] puts a relay in front first. This file only
//! chooses the flow. Arrows point down: no submodule calls back up here.

mod bridge;
mod interactive;
mod plan;
mod save;
mod wizard;

use crate::commands::output;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::presets;
pub(crate) use plan::{Options, SaveOptions};
use plan::{no_prompt, resolve};
pub(crate) use save::{Added, switched};

pub fn run(opts: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    let added = execute(opts, ctx)?;
    output::emit(ctx, &added)
}

/// The whole of `add` up to its typed result (also `import`'s): asks on a terminal for what
/// the options lack, else resolves them; probes unless told not to; writes.
pub(crate) fn execute(opts: Options, ctx: &Ctx) -> anyhow::Result<Added> {
    let missing = opts.id.is_none() && opts.preset.is_none() || opts.base_url.is_none() && opts.preset.is_none();
    // On a terminal, a missing model is asked for too (and the diff confirmed), not skipped;
    // `--json` is for scripts, which never get a question (`ctx.interactive` is false then).
    if ctx.interactive && (missing || opts.model.is_none()) && !opts.replace && !opts.bridge {
        let _guard = crate::ui::prompt::Guard::new();
        return wizard::run(opts, ctx);
    }
    let mut plan = resolve(&opts, ctx).map_err(|e| match missing && !ctx.yes && !opts.replace {
        true => no_prompt(e),
        false => e,
    })?;
    if opts.bridge {
        return bridge::add(plan, &opts, ctx, None);
    }
    if !opts.save.no_probe {
        // Fail fast, before the network; `write` checks again under the lock.
        save::ensure_new(&plan, &crate::commands::load_config(ctx)?, ctx)?;
    }
    let preset = opts.preset.as_deref().and_then(presets::find);
    // A provider made from a preset gets the preset's model unless one is given: the probe
    // sends it, and it is remembered as the provider's.
    if plan.model.is_none() && !opts.replace {
        plan.model = preset.and_then(|p| p.example_model).map(str::to_string);
    }
    if opts.save.no_probe {
        ctx.ui.verbose("skipping the probe (--no-probe)");
        if let Some(p) = preset
            && let Some(bridge) = p.bridge
            && !opts.save.force
        {
            return Err(UserError::refused(format!(
                "{} does not serve the Responses API that Codex 0.95+ needs",
                p.name
            ))
            .hint(format!("{bridge}; or pass --force to save it anyway, or drop --no-probe to let the probe decide"))
            .into());
        }
    } else {
        save::probe_gate(&mut plan, &opts, ctx)?;
    }
    save::write(&plan, opts.dry_run, ctx)
}
