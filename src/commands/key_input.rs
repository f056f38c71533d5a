//! Reading a key from the user: a hidden prompt on a terminal, else one line of stdin. Shared
//! by `key set` (the `.env` file and `--keychain`) and the `add` wizard.

use std::io::{IsTerminal, Read};

use crate::ctx::Ctx;
use crate::error::UserError;

/// A line longer than this on stdin is not a key (a pasted file, a binary).
const MAX_KEY_BYTES: usize = 16 << 10;

/// The key: a hidden prompt on a terminal, else one line of stdin (trailing newline removed).
pub(crate) fn read_key(ctx: &Ctx, var: &str) -> anyhow::Result<String> {
    let value = if std::io::stdin().is_terminal() && !ctx.yes {
        crate::interrupt::on_ctrl_c_cancel();
        let r = dialoguer::Password::with_theme(&dialoguer::theme::ColorfulTheme::default())
            .with_prompt(format!("Key for {var} (input hidden)"))
            .allow_empty_password(true)
            .interact();
        crate::interrupt::restore();
        r.map_err(|e| UserError::refused(format!("prompt failed: {e}; nothing was written")))?
    } else {
        let mut buf = Vec::new();
        std::io::stdin().take(MAX_KEY_BYTES as u64 + 1).read_to_end(&mut buf)?;
        if buf.len() > MAX_KEY_BYTES {
            return Err(UserError::usage("stdin holds more than 16 KiB; expected one line with the key").into());
        }
        let text = String::from_utf8(buf).map_err(|_| UserError::usage("the key on stdin is not UTF-8"))?;
        let line = text.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&text);
        if line.contains('\n') {
            return Err(UserError::usage("stdin holds more than one line; expected only the key")
                .hint(format!("printf %s \"$KEY\" | codex-provider key set ID  (the value goes to {var})"))
                .into());
        }
        line.to_string()
    };
    if value.trim().is_empty() {
        return Err(UserError::usage("the key is empty; nothing was written")
            .hint("type or pipe the key itself (an empty value would count as unset for Codex)")
            .into());
    }
    if value.trim() != value || value.chars().any(char::is_control) {
        return Err(UserError::usage(
            "the key has leading/trailing spaces or control characters (not shown); nothing was written",
        )
        .hint("paste only the key")
        .into());
    }
    Ok(value)
}
