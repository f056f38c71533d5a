//! Writing and reporting for the verbs with `--json` (`rename`, `set`, `unset`): with
//! `--json --dry-run` the diffs go into the JSON instead of being printed around it.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::store::{FileOp, Session};

/// Commits `ops` (one backup entry); returns whether anything changed or would change.
pub(crate) fn commit(ctx: &Ctx, session: &Session, json: bool, command: &str, ops: &[FileOp]) -> anyhow::Result<bool> {
    if json && session.dry_run() {
        return Ok(!ops.is_empty());
    }
    crate::commands::written::commit(ctx, session, command, ops)
}

/// `[{path, diff}]` for a JSON dry run (masked like the printed diffs), else `[]`.
pub(crate) fn diffs(session: &Session, ops: &[FileOp]) -> Value {
    if !session.dry_run() {
        return json!([]);
    }
    Value::Array(
        ops.iter()
            .map(|op| {
                let path = match op {
                    FileOp::Write { path, .. } | FileOp::Delete { path, .. } => path,
                };
                json!({ "path": path, "diff": op.diff() })
            })
            .collect(),
    )
}

/// Prints a JSON document on stdout.
pub(crate) fn print(ctx: &Ctx, v: &Value) -> anyhow::Result<()> {
    ctx.ui.data(&serde_json::to_string_pretty(v)?);
    Ok(())
}
