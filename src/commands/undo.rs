//! `undo`: put back the files the last codex-provider write changed (each undo goes one
//! write further back; up to 10 are kept in `$CODEX_HOME/.codex-provider/backups`).

use serde::Serialize;

use crate::commands::display;
use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Written};
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--list`: show the kept backups; restore nothing.
    pub list: bool,
    pub dry_run: bool,
}

/// What an undo restored (or would): the command it undid, and the write.
#[derive(Debug, Serialize)]
pub struct Undone {
    schema_version: SchemaVersion,
    /// The command whose backup was restored.
    command: String,
    #[serde(flatten)]
    written: Written,
    #[serde(skip)]
    said: Messages,
}

impl Output for Undone {
    fn human(&self, ctx: &Ctx) {
        self.written.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

pub fn run(args: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    if args.list {
        return list(ctx);
    }
    let session = written::begin(ctx, args.dry_run)?;
    let Some(plan) = store::plan_undo(&ctx.codex_home)? else {
        return Err(UserError::refused("nothing to undo: codex-provider has made no backup here").into());
    };
    let mut said = Messages::default();
    let written = if plan.ops.is_empty() {
        said.status(format!("The files already match the backup taken before `{}`; nothing to restore.", plan.command));
        if !args.dry_run {
            store::apply_undo(&plan)?;
        }
        Written::none(args.dry_run)
    } else if args.dry_run {
        written::commit(&session, "undo", &plan.ops)?
    } else {
        store::apply_undo(&plan)?;
        let files: Vec<String> = plan
            .ops
            .iter()
            .map(|op| match op {
                store::FileOp::Write { path, .. } => format!("restored {}", display(ctx, path)),
                store::FileOp::Delete { path, .. } => format!("removed {}", display(ctx, path)),
            })
            .collect();
        said.status(format!("Undid `{}`: {}.", plan.command, files.join(", ")));
        let files = plan.ops.iter().map(|op| op.path().to_path_buf()).collect();
        Written { dry_run: false, changed: true, files, diffs: Vec::new() }
    };
    output::emit(ctx, &Undone { schema_version: SchemaVersion, command: plan.command.clone(), written, said })
}

/// One file a backup restores (or deletes, when the write created it).
#[derive(Debug, Serialize)]
struct BackupFile {
    name: String,
    /// `restore` or `delete`.
    action: &'static str,
}

#[derive(Debug, Serialize)]
struct Backup {
    created_unix: u64,
    created: String,
    command: String,
    files: Vec<BackupFile>,
}

/// `undo --list`: what each kept backup would restore, newest (the next `undo`) first.
#[derive(Debug, Serialize)]
struct Backups {
    schema_version: SchemaVersion,
    backups: Vec<Backup>,
}

impl Output for Backups {
    fn human(&self, ctx: &Ctx) {
        if self.backups.is_empty() {
            ctx.ui.status("No backups: codex-provider has not changed a file here yet.");
            return;
        }
        for (i, b) in self.backups.iter().enumerate() {
            let files: Vec<String> = b
                .files
                .iter()
                .map(|f| match f.action {
                    "restore" => format!("restores {}", f.name),
                    _ => format!("deletes {}", f.name),
                })
                .collect();
            let next = if i == 0 { "  (next undo)" } else { "" };
            ctx.ui.data(&format!("{}  before `{}`: {}{next}", b.created, b.command, files.join(", ")));
        }
    }
}

fn list(ctx: &Ctx) -> anyhow::Result<Exit> {
    let backups = store::list_undo(&ctx.codex_home)
        .into_iter()
        .map(|e| Backup {
            created_unix: e.created_unix,
            created: crate::ui::time::utc(e.created_unix),
            command: e.command,
            files: e
                .files
                .into_iter()
                .map(|(name, existed)| BackupFile { name, action: if existed { "restore" } else { "delete" } })
                .collect(),
        })
        .collect();
    output::emit(ctx, &Backups { schema_version: SchemaVersion, backups })
}
