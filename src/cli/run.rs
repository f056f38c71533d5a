//! From parsed arguments to a command: each subcommand's clap struct becomes that command's
//! plain options (durations as `Duration`, defaults applied, `--json` already in `Ctx`), and
//! the command runs. Like cargo's `src/bin/cargo/commands/*`: the layer below never sees clap.

use std::time::Duration;

use super::*;
use crate::commands::{
    self, add, apply, bridge, catalog, current, doctor, export, import, key, models, probe, profile, remove, rename,
    set, show, threads, undo, use_,
};
use crate::ctx::Ctx;
use crate::error::Exit;

/// `probe --codex` bounds a whole Codex turn, which takes tens of seconds on real models.
const CODEX_PROBE_TIMEOUT: Duration = Duration::from_secs(120);

impl Command {
    /// Whether the subcommand was given `--json`.
    pub fn json(&self) -> bool {
        match self {
            Command::Add(a) => a.json.json,
            Command::Use(a) => a.json.json,
            Command::List(a) | Command::Presets(a) => a.json,
            Command::Current(a) => a.json.json,
            Command::Show(a) => a.json.json,
            Command::Remove(a) => a.json.json,
            Command::Probe(a) => a.json.json,
            Command::Doctor(a) => a.json.json,
            Command::Profile(ProfileCommand::List(a)) => a.json,
            Command::Profile(ProfileCommand::Show(a)) => a.json.json,
            Command::Profile(ProfileCommand::Remove(_) | ProfileCommand::Migrate(_)) => false,
            Command::Undo(a) => a.json.json,
            Command::Completions(_) => false,
            Command::Catalog(a) => a.json.json,
            Command::Key(KeyCommand::Set(a)) => a.key.json.json,
            Command::Key(KeyCommand::Unset(a)) => a.json.json,
            // The key itself on stdout, for Codex: never a document.
            Command::Key(KeyCommand::Get(_)) => false,
            Command::Threads(a) => a.json.json,
            Command::Rename(a) => a.json.json,
            Command::Set(a) => a.json.json,
            Command::Unset(a) => a.json.json,
            Command::Export(a) => a.json.json,
            Command::Apply(a) => a.json.json,
            Command::Import(a) => a.json.json,
            Command::Models(a) => a.json.json,
            Command::Bridge(BridgeCommand::Status(a)) => a.json.json,
            Command::Bridge(_) => false,
        }
    }
}

/// Runs the parsed command.
pub fn dispatch(cmd: Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match cmd {
        Command::Add(a) => add::run(add_options(a), ctx),
        Command::Use(a) => use_::run(
            use_::Options { id: a.id, model: a.model, profile: a.profile, force: a.force, dry_run: a.write.dry_run },
            ctx,
        ),
        Command::List(_) => commands::list::run(ctx),
        Command::Current(a) => current::run(current::Options { profile: a.profile, format: a.format }, ctx),
        Command::Show(a) => show::run(show::Options { id: a.id, profile: a.profile }, ctx),
        Command::Remove(a) => remove::run(remove::Options { id: a.id, force: a.force, dry_run: a.write.dry_run }, ctx),
        Command::Probe(a) => probe::run(probe_options(a), ctx),
        Command::Doctor(a) => doctor::run(
            doctor::Options {
                scope: doctor::Scope { profile: a.profile, provider: a.provider, all: a.all, offline: a.offline },
                summary: a.summary,
                fix: a.fix,
                timeout: a.timeout.or_default(),
                dry_run: a.write.dry_run,
            },
            ctx,
        ),
        Command::Profile(ProfileCommand::List(_)) => profile::list(ctx),
        Command::Profile(ProfileCommand::Show(a)) => profile::show(&a.name, ctx),
        Command::Profile(ProfileCommand::Remove(a)) => profile::remove(&a.name, a.write.dry_run, ctx),
        Command::Profile(ProfileCommand::Migrate(a)) => profile::migrate(
            profile::MigrateOptions { force: a.force, keep_default: a.keep_default, dry_run: a.write.dry_run },
            ctx,
        ),
        Command::Presets(_) => commands::presets::run(ctx),
        Command::Undo(a) => undo::run(undo::Options { list: a.list, dry_run: a.write.dry_run }, ctx),
        Command::Completions(a) => commands::completions::run(&complete::script(a.shell), ctx),
        Command::Catalog(a) => {
            let opts = catalog::Options {
                id: a.id,
                context_window: a.context_window,
                timeout: a.timeout.or_default(),
                dry_run: a.write.dry_run,
            };
            catalog::run(opts, ctx)
        }
        Command::Key(KeyCommand::Set(a)) => key::set(key::SetOptions { id: a.key.id, keychain: a.keychain }, ctx),
        Command::Key(KeyCommand::Get(a)) => key::get(&a.id, a.reveal, ctx),
        Command::Key(KeyCommand::Unset(a)) => key::unset(&a.id, ctx),
        Command::Threads(a) => threads::run(threads::Options { provider: a.provider }, ctx),
        Command::Rename(a) => rename::run(&a.old, &a.new, a.write.dry_run, ctx),
        Command::Set(a) => {
            set::set(set::SetOptions { id: a.id, field: a.field, value: a.value, dry_run: a.write.dry_run }, ctx)
        }
        Command::Unset(a) => set::unset(set::UnsetOptions { id: a.id, field: a.field, dry_run: a.write.dry_run }, ctx),
        Command::Export(a) => export::run(&a.ids, ctx),
        Command::Apply(a) => apply::run(
            apply::Options {
                file: a.file.or(a.path).unwrap_or_default(),
                prune: a.prune,
                no_probe: a.no_probe,
                force: a.force,
                timeout: a.timeout.or_default(),
                dry_run: a.write.dry_run,
            },
            ctx,
        ),
        Command::Import(a) => import::run(
            import::Options {
                id: a.id,
                env_key: a.env_key,
                model: a.model,
                save: save_options(a.save),
                dry_run: a.write.dry_run,
            },
            ctx,
        ),
        Command::Models(a) => models::run(models::Options { id: a.id, timeout: a.timeout.or_default() }, ctx),
        Command::Bridge(c) => bridge::run(
            match c {
                BridgeCommand::Start(a) => {
                    bridge::Action::Start { id: a.id, upstream: a.upstream, foreground: a.foreground }
                }
                BridgeCommand::Stop(a) => bridge::Action::Stop(a.id),
                BridgeCommand::Status(a) => bridge::Action::Status(a.id),
                BridgeCommand::Install(a) => bridge::Action::Install(a.id),
                BridgeCommand::Uninstall(a) => bridge::Action::Uninstall(a.id),
            },
            ctx,
        ),
    }
}

fn save_options(s: SaveArgs) -> add::SaveOptions {
    add::SaveOptions { use_it: s.use_it, profile: s.profile, no_probe: s.no_probe, force: s.force }
}

fn add_options(a: AddArgs) -> add::Options {
    add::Options {
        id: a.id,
        base_url: a.base_url,
        env_key: a.env_key,
        name: a.name,
        model: a.model,
        preset: a.preset,
        query: a.query,
        header: a.header,
        env_header: a.env_header,
        save: save_options(a.save),
        replace: a.replace,
        bridge: a.bridge,
        timeout: a.timeout.or_default(),
        dry_run: a.write.dry_run,
    }
}

fn probe_options(a: ProbeArgs) -> probe::Options {
    let timeout = match (a.timeout.timeout, a.codex) {
        (Some(t), _) => t,
        (None, true) => CODEX_PROBE_TIMEOUT,
        (None, false) => DEFAULT_TIMEOUT,
    };
    probe::Options {
        id: a.id,
        base_url: a.base_url,
        env_key: a.env_key,
        model: a.model,
        profile: a.profile,
        timeout,
        deep: a.deep,
        all: a.all,
        codex: a.codex,
    }
}
