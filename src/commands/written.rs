//! What a write did, as every writing command reports it: `store` commits, this module turns
//! the outcome into the typed [`Written`] part of the command's result (rendered by the one
//! printer: the diffs of a dry run on stdout, or the `dry_run`, `changed`, `files` and `diffs`
//! fields of its JSON).

use std::path::PathBuf;

use serde::Serialize;

use crate::ctx::Ctx;
use crate::store::{FileOp, Session};

/// One file's masked unified diff (a dry run's).
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub path: PathBuf,
    pub diff: String,
}

/// The shared fields of every write result.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Written {
    pub dry_run: bool,
    /// Whether anything changed (or, in a dry run, would change).
    pub changed: bool,
    /// Each file that changed or would change.
    pub files: Vec<PathBuf>,
    /// A dry run's diffs (masked like the printed ones); empty after a real write.
    pub diffs: Vec<Diff>,
}

impl Written {
    /// Nothing written (a command that stopped before its write).
    pub fn none(dry_run: bool) -> Written {
        Written { dry_run, ..Written::default() }
    }

    /// A dry run's diffs to stdout and its note; nothing for a real write (the command's own
    /// status line says what it did).
    pub fn human(&self, ctx: &Ctx) {
        if !self.dry_run || !self.changed {
            return;
        }
        for d in &self.diffs {
            ctx.ui.data(&d.diff);
        }
        ctx.ui.note("dry run: nothing was written");
    }
}

/// Takes the lock (see [`Session::begin`]) and notes a Codex home it had to create.
pub(crate) fn begin(ctx: &Ctx, dry_run: bool) -> anyhow::Result<Session> {
    let session = Session::begin(&ctx.codex_home, dry_run)?;
    if let Some(home) = session.created() {
        ctx.ui.note(&format!("created {}", home.display()));
    }
    Ok(session)
}

/// Commits `ops` as one backup entry (in a dry run, only computes the diffs).
pub(crate) fn commit(session: &Session, command: &str, ops: &[FileOp]) -> anyhow::Result<Written> {
    let outcome = session.commit(command, ops)?;
    let files = ops.iter().map(|op| op.path().to_path_buf()).collect();
    let diffs = match session.dry_run() {
        true => ops.iter().map(|op| Diff { path: op.path().to_path_buf(), diff: op.diff() }).collect(),
        false => Vec::new(),
    };
    Ok(Written { dry_run: session.dry_run(), changed: outcome.changed(), files, diffs })
}
