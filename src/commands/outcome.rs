//! Writing and reporting for the verbs with `--json` (`add`, `use`, `remove`, `rename`, `set`,
//! `unset`): with
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
    Value::Array(ops.iter().map(|op| json!({ "path": op_path(op), "diff": op.diff() })).collect())
}

/// Commits `ops` and, with `--json`, prints `fields` plus the shared `dry_run`, `changed`,
/// `files` (each path that changes or would change) and `diffs`; returns whether anything
/// changed or would change.
pub(crate) fn commit_and_report(
    ctx: &Ctx,
    session: &Session,
    json: bool,
    command: &str,
    ops: &[FileOp],
    mut fields: Value,
) -> anyhow::Result<bool> {
    let changed = commit(ctx, session, json, command, ops)?;
    if json {
        fields["schema_version"] = json!(1);
        fields["dry_run"] = json!(session.dry_run());
        fields["changed"] = json!(changed);
        fields["files"] = ops.iter().map(|op| json!(op_path(op))).collect();
        fields["diffs"] = diffs(session, ops);
        print(ctx, &fields)?;
    }
    Ok(changed)
}

fn op_path(op: &FileOp) -> &std::path::Path {
    match op {
        FileOp::Write { path, .. } | FileOp::Delete { path, .. } => path,
    }
}

/// Prints a JSON document on stdout.
pub(crate) fn print(ctx: &Ctx, v: &Value) -> anyhow::Result<()> {
    ctx.ui.data(&serde_json::to_string_pretty(v)?);
    Ok(())
}
