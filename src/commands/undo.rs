//! `undo`: put back the files the last codex-provider write changed (each undo goes one
//! write further back; up to 10 are kept in `$CODEX_HOME/.codex-provider/backups`).

use serde_json::json;

use crate::cli::UndoArgs;
use crate::commands::display;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store;

pub fn run(args: UndoArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    if args.list {
        return list(args.json, ctx);
    }
    let args = args.write;
    let session = crate::commands::written::begin(ctx, args.dry_run)?;
    let Some(plan) = store::plan_undo(&ctx.codex_home)? else {
        return Err(UserError::refused("nothing to undo: codex-provider has made no backup here").into());
    };
    if plan.ops.is_empty() {
        ctx.ui.status(&format!(
            "The files already match the backup taken before `{}`; nothing to restore.",
            plan.command
        ));
        if !args.dry_run {
            store::apply_undo(&plan)?;
        }
        return Ok(Exit::Ok);
    }
    if args.dry_run {
        crate::commands::written::commit(ctx, &session, "undo", &plan.ops)?;
        return Ok(Exit::Ok);
    }
    store::apply_undo(&plan)?;
    let files: Vec<String> = plan
        .ops
        .iter()
        .map(|op| match op {
            store::FileOp::Write { path, .. } => format!("restored {}", display(ctx, path)),
            store::FileOp::Delete { path, .. } => format!("removed {}", display(ctx, path)),
        })
        .collect();
    ctx.ui.status(&format!("Undid `{}`: {}.", plan.command, files.join(", ")));
    Ok(Exit::Ok)
}

/// `undo --list`: what each kept backup would restore, newest (the next `undo`) first.
fn list(as_json: bool, ctx: &Ctx) -> anyhow::Result<Exit> {
    let entries = store::list_undo(&ctx.codex_home);
    if as_json {
        let backups: Vec<_> = entries
            .iter()
            .map(|e| {
                json!({
                    "created_unix": e.created_unix,
                    "created": crate::ui::time::utc(e.created_unix),
                    "command": e.command,
                    "files": e.files.iter().map(|(name, existed)| json!({
                        "name": name,
                        "action": if *existed { "restore" } else { "delete" },
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        ctx.ui.data(&serde_json::to_string_pretty(&json!({ "schema_version": 1, "backups": backups }))?);
        return Ok(Exit::Ok);
    }
    if entries.is_empty() {
        ctx.ui.status("No backups: codex-provider has not changed a file here yet.");
        return Ok(Exit::Ok);
    }
    for (i, e) in entries.iter().enumerate() {
        let files: Vec<String> = e
            .files
            .iter()
            .map(|(n, existed)| if *existed { format!("restores {n}") } else { format!("deletes {n}") })
            .collect();
        let next = if i == 0 { "  (next undo)" } else { "" };
        ctx.ui.data(&format!(
            "{}  before `{}`: {}{next}",
            crate::ui::time::utc(e.created_unix),
            e.command,
            files.join(", ")
        ));
    }
    Ok(Exit::Ok)
}
