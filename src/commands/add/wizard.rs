//! The flow of `add` on a terminal: ask for what the flags did not give, probe, and after a
//! failed probe loop on the user's choice (retry, another key variable, store the key, edit or
//! replace the URL, another model, a bridge, save anyway, cancel) instead of throwing every
//! answer away. Nothing is written before the last confirmation (except a key the user chose
//! to store), so Ctrl-C at any step leaves config.toml and the profiles untouched.

use super::interactive::{NO_KEY, Offer, Prompts, Recovery, Then};
use super::plan::{Options, Plan, resolve};
use super::save::{Added, preview, probe_options, probe_target, show_report, write};
use crate::commands::{key_presence, load_config};
use crate::config::ids;
use crate::ctx::Ctx;
use crate::error::UserError;
use crate::presets;
use crate::probe::{self, Report, Verdict};
use crate::store::FileOp;
use crate::ui::Tone;

/// What the probe loop decided.
enum Next {
    Save,
    Bridge,
}

/// The wizard's own state: the options as the user completed them, and "no key" (`-`).
struct Answers {
    args: Options,
    no_key: bool,
}

impl Answers {
    /// The plan for these answers, keeping a model already chosen.
    fn plan(&self, model: Option<String>, ctx: &Ctx) -> anyhow::Result<Plan> {
        let mut plan = resolve(&self.args, ctx)?;
        if self.no_key {
            plan.spec.env_key = None;
        }
        plan.model = model.or(plan.model);
        Ok(plan)
    }

    /// Takes a key variable (or `-`: none) and says whether it is set.
    fn key_var(&mut self, var: Option<String>, ctx: &Ctx) {
        self.no_key = var.is_none();
        if let Some(var) = &var {
            let p = key_presence(ctx, var);
            ctx.ui.status(&format!("  {}", p.describe(var)));
            if !p.is_set() {
                ctx.ui.hint(&format!("export {var}=... (or put it in $CODEX_HOME/.env) so Codex can read it"));
            }
        }
        self.args.env_key = var;
    }
}

pub(super) fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Added> {
    let ask = Prompts::new();
    let existing = load_config(ctx)?.provider_ids()?;
    // `add ID --base-url U ...` without --model: ask only for what is missing.
    let partial = args.id.is_some() && (args.base_url.is_some() || args.preset.is_some());
    let mut a = Answers { args, no_key: false };

    if a.args.preset.is_none() && !partial {
        a.args.preset = ask.preset(a.args.base_url.is_some())?;
    }
    let preset = a.args.preset.as_deref().map(presets::lookup).transpose()?;
    if let Some(p) = preset
        && let Some(b) = p.bridge
    {
        ctx.ui.warn(&format!("{} does not serve the Responses API Codex needs: {b}", p.name));
    }
    if a.args.id.is_none() {
        a.args.id = Some(ask.id(preset, existing)?);
    }
    let id = a.args.id.clone().expect("set above");
    // A preset's URL is the default, not a given: Ollama or LM Studio may run elsewhere.
    // A custom endpoint's default is the old guides' setup when the user has it.
    let mut env_key = None;
    if a.args.base_url.is_none() {
        let guides = env_defaults(preset.is_none(), ctx);
        if let Some(d) = &guides {
            ctx.ui.status(&ctx.ui.paint(Tone::Dim, &d.said));
            env_key = d.env_key.clone();
        }
        a.args.base_url = Some(ask.url(preset, guides.as_ref().map(|d| d.url.as_str()))?);
    }
    if a.args.env_key.is_none() {
        let default = env_key
            .or_else(|| preset.map_or_else(|| Some(ids::default_env_key(&id)), |p| p.env_key.map(str::to_string)));
        let var = ask.key_var(default)?;
        a.key_var(var, ctx);
    }

    let mut plan = a.plan(None, ctx)?;
    let mut next = Next::Save;
    if a.args.save.no_probe {
        if plan.model.is_none() {
            plan.model = ask.model(&[])?;
        }
    } else {
        next = probe_loop(&mut a, &mut plan, &ask, ctx)?;
    }

    // Asked in the partial-flags flow too: the flags said what, not where.
    if !a.args.save.use_it && a.args.save.profile.is_none() {
        match ask.then(&id)? {
            Then::Use => plan.use_it = true,
            Then::Profile(name) => plan.profile = Some(name),
            Then::Save => {}
        }
    }
    if let Next::Bridge = next {
        a.args.bridge = true;
        // The diff (pointing at the relay's port) is shown and confirmed before the relay starts.
        let confirm = |ops: &[FileOp]| -> anyhow::Result<bool> {
            for op in ops {
                ctx.ui.data(&op.diff());
            }
            let yes = ask.confirm_write()?;
            crate::interrupt::while_writing();
            Ok(yes)
        };
        return super::bridge::add(plan, &a.args, ctx, Some(&confirm));
    }
    if a.args.dry_run {
        return write(&plan, true, ctx);
    }
    for op in preview(&plan, ctx)? {
        ctx.ui.data(&op.diff());
    }
    if !ask.confirm_write()? {
        return Err(UserError::refused(format!("cancelled; {}", crate::interrupt::nothing_written())).into());
    }
    crate::interrupt::while_writing();
    let mut added = write(&plan, false, ctx)?;
    if plan.use_it {
        added.next("Next: run `codex` (`codex-provider doctor` checks the whole setup).");
    }
    Ok(added)
}

/// The defaults a custom endpoint takes from the old guides' variables, and the one line
/// that says where they came from.
struct EnvDefaults {
    url: String,
    env_key: Option<String>,
    said: String,
}

/// `OPENAI_BASE_URL`/`OPENAI_API_BASE` (environment or `$CODEX_HOME/.env`) as the URL, and
/// `OPENAI_API_KEY` as the key variable when it is set: what `import` would take. None for a
/// preset (its URL and variable are the better guess) or when neither URL variable is set.
fn env_defaults(custom: bool, ctx: &Ctx) -> Option<EnvDefaults> {
    use crate::env::OPENAI_KEY_VAR;
    let found = crate::env::openai_url(&ctx.codex_home).filter(|_| custom)?;
    let place = if found.in_dotenv { "$CODEX_HOME/.env" } else { "the environment" };
    let env_key = key_presence(ctx, OPENAI_KEY_VAR).is_set().then(|| OPENAI_KEY_VAR.to_string());
    let mut said = format!("default URL from {} ({place})", found.var);
    if env_key.is_some() {
        said.push_str(&format!(", default key variable {OPENAI_KEY_VAR}"));
    }
    Some(EnvDefaults { url: found.value, env_key, said })
}

/// Whether a failed probe could still list models or be fixed by choosing another model
/// (otherwise the endpoint failed before the model mattered: no point in asking for one).
fn model_can_help(r: &Report) -> bool {
    r.ok || !r.models.is_empty() || matches!(r.verdict, Verdict::ModelNotFound | Verdict::BadRequest)
}

/// Probes until the endpoint answers or the user decides: picks the model from the endpoint's
/// list when none was given, and after a failure asks what to change, then probes again.
fn probe_loop(a: &mut Answers, plan: &mut Plan, ask: &Prompts, ctx: &Ctx) -> anyhow::Result<Next> {
    let opts = probe_options(&a.args);
    let probe = |plan: &Plan| probe::run(vec![probe_target(plan, plan.model.clone(), ctx)], &opts).remove(0);
    let mut asked_model = plan.model.is_some();
    loop {
        ctx.ui.status(&format!("Probing {} ...", plan.spec.base_url.as_deref().unwrap_or("")));
        let mut report = probe(plan);
        if !asked_model && model_can_help(&report) {
            asked_model = true;
            plan.model = ask.model(&report.models)?;
            if plan.model.is_some() {
                ctx.ui.status("Probing with that model ...");
                report = probe(plan);
            }
        }
        let shown = show_report(&report, ctx);
        if report.ok {
            return Ok(Next::Save);
        }
        if a.args.save.force {
            ctx.ui.warn(&format!(
                "saving `{}` although the probe says `{}` (--force)",
                plan.id,
                report.verdict.as_str()
            ));
            return Ok(Next::Save);
        }
        let key_var = plan.spec.env_key.clone();
        let offer = Offer {
            verdict: report.verdict.as_str(),
            base_url: plan.spec.base_url.as_deref().unwrap_or(""),
            proved_url: report.suggestion.as_ref().map(|s| s.base_url()),
            key_var: key_var.as_deref(),
            key_vars: crate::env::key_like_names(&ctx.codex_home),
            keychain: !plan.keychain && crate::keychain::available().is_ok(),
            models: !report.models.is_empty(),
            chat_only: report.verdict == Verdict::ChatOnly,
        };
        match ask.recover(&offer)? {
            Recovery::Retry => {}
            Recovery::KeyVar(v) => {
                a.key_var((v != NO_KEY).then_some(v), ctx);
                *plan = a.plan(plan.model.clone(), ctx)?;
            }
            Recovery::StoreKey => {
                let var = key_var.expect("offered only with a key variable");
                crate::commands::key::store(ctx, &var)?.say(ctx, &format!("the key for `{}`", plan.id));
                crate::interrupt::key_stored();
                // The hidden prompt restored the default ^C action: this flow's handler again.
                crate::interrupt::on_ctrl_c_cancel();
            }
            Recovery::StoreKeyKeychain => {
                let value = crate::commands::key_input::read_key(ctx, &format!("`{}`", plan.id))?;
                crate::keychain::set(&plan.id, &value).map_err(|e| UserError::refused(e.to_string()))?;
                if let Some(var) = &key_var {
                    crate::memo::save_env_key(&ctx.codex_home, &plan.id, var)?;
                }
                plan.keychain = true;
                crate::interrupt::key_stored_in_keychain();
                ctx.ui.status(&format!(
                    "Stored the key for `{}` in {} ({} chars); the provider will get it through `auth.command`.",
                    plan.id,
                    crate::keychain::store_name(),
                    value.chars().count()
                ));
                crate::interrupt::on_ctrl_c_cancel();
            }
            Recovery::Url(u) => {
                a.args.base_url = Some(u);
                // A key already moved to the keychain stays there for the new URL.
                let keychain = plan.keychain;
                *plan = a.plan(plan.model.clone(), ctx)?;
                plan.keychain = keychain;
            }
            Recovery::OtherModel => plan.model = ask.model(&report.models)?,
            Recovery::Bridge => return Ok(Next::Bridge),
            Recovery::SaveAnyway => {
                if plan.model.is_none() {
                    plan.model = ask.model(&report.models)?;
                }
                return Ok(Next::Save);
            }
            Recovery::Cancel => {
                let fallback = "fix the endpoint, or pass --force to save anyway";
                let hint = report.hint.clone().filter(|_| !shown).unwrap_or_else(|| fallback.into());
                return Err(UserError::refused(format!(
                    "probe failed ({}); {}",
                    report.verdict.as_str(),
                    crate::interrupt::nothing_written()
                ))
                .hint(hint)
                .into());
            }
        }
    }
}
