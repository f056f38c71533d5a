//! `undo`: put back the files the last codex-provider write changed (each undo goes one
//! write further back; up to 10 are kept in `$CODEX_HOME/.codex-provider/backups`).

use crate::cli::WriteArgs;
use crate::commands::display;
use crate::ctx::Ctx;
use crate::error::{Exit, UserError};
use crate::store;

pub fn run(args: WriteArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
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
