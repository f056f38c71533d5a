//! Saying what a write session did: `store` returns it, the commands print it through here.

use crate::ctx::Ctx;
use crate::store::{FileOp, Outcome, Session};

/// Takes the lock (see [`Session::begin`]) and notes a Codex home it had to create.
pub(crate) fn begin(ctx: &Ctx, dry_run: bool) -> anyhow::Result<Session> {
    let session = Session::begin(&ctx.codex_home, dry_run)?;
    if let Some(home) = session.created() {
        ctx.ui.note(&format!("created {}", home.display()));
    }
    Ok(session)
}

/// Commits `ops` and shows a dry run's diffs (stdout) and its note; returns whether anything
/// was (or would be) changed. The command words a real write itself.
pub(crate) fn commit(ctx: &Ctx, session: &Session, command: &str, ops: &[FileOp]) -> anyhow::Result<bool> {
    let outcome = session.commit(command, ops)?;
    if let Outcome::DryRun { diffs } = &outcome {
        for d in diffs {
            ctx.ui.data(d);
        }
        ctx.ui.note("dry run: nothing was written");
    }
    Ok(outcome.changed())
}
