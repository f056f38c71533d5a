//! `threads [--provider ID] [--json]`: every thread Codex recorded, newest first, each with
//! the command that resumes it with its own provider (Codex's picker and `resume --last` only
//! show the active provider's). Read-only: Codex's files are never changed.

use serde::Serialize;

use crate::commands::output::{self, Output, SchemaVersion};
use crate::ctx::Ctx;
use crate::error::Exit;
use crate::threads::{self, Thread};

/// One thread with its resume command.
#[derive(Debug, Serialize)]
struct Row {
    #[serde(flatten)]
    thread: Thread,
    /// The command as argv.
    resume: Vec<String>,
    /// The same, as one shell line.
    resume_command: String,
    /// Whether its provider is still defined (config.toml or built in): Codex cannot reopen
    /// it otherwise ("Model provider `X` not found").
    provider_known: bool,
}

/// `threads`' result.
#[derive(Debug, Serialize)]
pub struct Threads {
    schema_version: SchemaVersion,
    provider: Option<String>,
    threads: Vec<Row>,
}

/// `threads`' options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only the threads recorded with this provider.
    pub provider: Option<String>,
}

pub fn run(opts: Options, ctx: &Ctx) -> anyhow::Result<Exit> {
    // An unreadable config.toml does not hide the threads: every provider then counts as known.
    let cfg = crate::commands::load_config(ctx).ok();
    let known = |id: Option<&str>| {
        let Some(cfg) = &cfg else { return true };
        id.is_none_or(|id| matches!(crate::config::Layers::new(cfg, None).provider(id), Ok(Some(_))))
    };
    let rows: Vec<Row> = threads::list(&ctx.codex_home, opts.provider.as_deref())
        .into_iter()
        .map(|t| {
            let resume = threads::resume_args(&t);
            let provider_known = known(t.provider.as_deref());
            Row { resume_command: threads::shell_line(&resume), resume, provider_known, thread: t }
        })
        .collect();
    output::emit(ctx, &Threads { schema_version: SchemaVersion, provider: opts.provider, threads: rows })
}

impl Output for Threads {
    fn human(&self, ctx: &Ctx) {
        if self.threads.is_empty() {
            let whose = self.provider.as_deref().map(|p| format!(" with `{p}`")).unwrap_or_default();
            ctx.ui.status(&format!(
                "No threads recorded{whose} in {}.",
                crate::commands::display(ctx, &ctx.codex_home.join("sessions"))
            ));
            return;
        }
        let mut out = String::new();
        for row in &self.threads {
            let t = &row.thread;
            let date = t.updated.get(..16).unwrap_or(&t.updated).replace('T', " ");
            let provider = t.provider.as_deref().unwrap_or("?");
            let model = t.model.as_deref().map(|m| format!(" / {m}")).unwrap_or_default();
            let prompt = t.prompt.as_deref().filter(|p| !p.is_empty()).unwrap_or("(no prompt)");
            let gone = if row.provider_known { "" } else { " (provider no longer defined: add it again to resume)" };
            out.push_str(&format!("{date}  {provider}{model}{gone}  {prompt}\n  {}\n", row.resume_command));
        }
        ctx.ui.data(out.trim_end());
    }
}
