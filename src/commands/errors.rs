//! The one place the layers' typed errors become what the user reads: the one line (each
//! error's `Display`), the fix (a hint naming our verbs and flags, which the layers below do
//! not know) and the exit code (DESIGN.md: 2 for unusable input, 1 for a refusal or a
//! problem). Commands use `?` on them (`From` below); an error that reaches `main` untouched
//! is converted by [`user_error`], so both paths print the same.

use crate::config::{self, ids::NameError};
use crate::error::{Exit, UserError};
use crate::{endpoint, store};

/// The hint of a TOML parse error. `load_config` adds `undo` when a backup exists.
pub(crate) const PARSE_HINT: &str = "fix the TOML by hand (the file was not changed)";

/// A typed error from below, if `e` is one, as the user's line, hint and exit code.
/// `UserError` itself is left to the caller (it is already in that shape).
pub(crate) fn user_error(e: &anyhow::Error) -> Option<UserError> {
    if let Some(e) = e.downcast_ref::<config::Error>() {
        return Some(from_config(e));
    }
    if let Some(e) = e.downcast_ref::<NameError>() {
        return Some(from_name(e));
    }
    if let Some(e) = e.downcast_ref::<store::Error>() {
        return Some(from_store(e));
    }
    if let Some(e) = e.downcast_ref::<endpoint::Error>() {
        return Some(from_endpoint(e));
    }
    None
}

fn line(exit: Exit, e: &impl std::fmt::Display, hint: Option<String>) -> UserError {
    UserError { exit, message: e.to_string(), hint }
}

fn from_config(e: &config::Error) -> UserError {
    use config::Error as E;
    let usage = |hint: Option<String>| line(Exit::Usage, e, hint);
    let fix = |s: &str| Some(s.to_string());
    match e {
        E::TooLarge { .. } => {
            usage(fix("move the bulk (for example old [projects] entries) out of the file; it was not changed"))
        }
        E::DanglingSymlink { .. } => usage(fix("point the link at an existing file or remove it")),
        E::IsADirectory { .. } => usage(fix("move the directory away; Codex expects a TOML file here")),
        E::Unreadable { .. } => usage(fix("check the file's permissions")),
        E::NotUtf8 { .. } => usage(fix("save the file as UTF-8; it was left untouched")),
        E::Parse { .. } => usage(fix(PARSE_HINT)),
        E::EditWouldNotParse { .. } => usage(fix("nothing was written; please report this with the file")),
        E::NotATable { key } => usage(Some(format!("fix `{key}` by hand; Codex expects a table there"))),
        E::NotAString { key } => {
            usage(Some(format!("fix `{key}` by hand (Codex expects `{key} = \"...\"`); the file was not changed")))
        }
        E::FieldNotATable { .. } => usage(fix("fix it by hand; Codex expects a table there")),
        E::ProviderExists { id } => line(
            Exit::Problem,
            e,
            Some(format!("pass --replace to update its fields, or choose another id (see `codex-provider show {id}`)")),
        ),
        E::ProviderNotInFile { .. } => usage(None),
        E::UnknownProvider { suggestion, .. } => usage(Some(match suggestion {
            Some(n) => format!("did you mean `{n}`? (`codex-provider list` shows them all)"),
            None => "`codex-provider list` shows the providers; `codex-provider add` adds one".to_string(),
        })),
        E::UnknownField { suggestion, .. } => usage(Some(match suggestion {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!(
                "the fields Codex knows: {}",
                config::fields::FIELD_TYPES
                    .iter()
                    .filter(|(n, _)| !n.contains('.'))
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })),
        E::MapNeedsKey { field } => usage(Some(format!("e.g. `{field}.NAME VALUE`"))),
        E::StructuredField { field, example } => usage(Some(format!(
            "set one of its fields (e.g. `{example}`), or edit [model_providers.ID.{field}] by hand"
        ))),
    }
}

fn from_name(e: &NameError) -> UserError {
    let hint = match e {
        NameError::Reserved { id } if id == "openai" => format!(
            "choose another id, e.g. `{id}-custom`; to point the built-in openai provider elsewhere set `openai_base_url`"
        ),
        NameError::Reserved { id } => format!(
            "the built-in `{id}` is configured by CODEX_OSS_BASE_URL / CODEX_OSS_PORT (`codex-provider use {id}` selects it); or pick another id, e.g. `{id}-custom`"
        ),
        NameError::Dropped { .. } => "use the built-in `ollama` provider, or another id".to_string(),
        NameError::Limited { id } => {
            format!("choose another id, e.g. `{id}-custom`, or edit [model_providers.{id}] by hand")
        }
        NameError::ProviderId { .. } => "use letters, digits, `-` and `_` (at most 64), e.g. `my-gateway`".to_string(),
        NameError::ProfileName { .. } => "Codex accepts only letters, digits, `-` and `_`, e.g. `work`".to_string(),
        NameError::EnvVarIsSecret { what } => {
            format!("export the key, e.g. `export MYPROV_API_KEY=...`, then pass `{what} MYPROV_API_KEY`")
        }
        NameError::EnvVarName { .. } => {
            "use letters, digits and `_`, not starting with a digit, e.g. MYPROV_API_KEY".to_string()
        }
    };
    line(Exit::Usage, e, Some(hint))
}

fn from_store(e: &store::Error) -> UserError {
    use store::Error as E;
    let refused = |hint: Option<&str>| line(Exit::Problem, e, hint.map(str::to_string));
    match e {
        E::CreateHome { .. } => refused(Some("create the directory yourself or pass --codex-home DIR")),
        E::HomeNotADirectory { .. } => {
            line(Exit::Usage, e, Some("point --codex-home or CODEX_HOME at a directory".to_string()))
        }
        E::OpenHome { .. } => refused(Some("check the permissions of the Codex home")),
        E::LockTimeout { .. } => refused(Some("wait for it to finish and try again")),
        E::Lock { .. } | E::ReadLink { .. } | E::Remove { .. } => refused(None),
        E::SymlinkLoop { .. } => line(Exit::Usage, e, Some("fix the symlink loop; nothing was written".to_string())),
        E::Write { .. } => refused(Some("the file was left as it was; check permissions and free space")),
        E::Backup { .. } => refused(Some("nothing was written; check permissions and free space")),
        E::DamagedBackup { .. } => refused(Some(
            "restore the file by hand from .codex-provider/backups/, or remove that entry to undo an older one",
        )),
    }
}

/// `endpoint` validates `--base-url` (in `add`, `set`, `apply`, the wizard) without naming the
/// flag; its lines here do, as they always have.
fn from_endpoint(e: &endpoint::Error) -> UserError {
    use endpoint::Error as E;
    const KEEP_KEYS_OUT: &str =
        "keep keys in the environment: --env-key VAR for the bearer key, --env-header HEADER=VAR for a header";
    let (message, hint) = match e {
        E::BaseUrl { shown, problem } => (
            format!("--base-url `{shown}` {problem}"),
            "give the API root as an absolute URL, e.g. https://openrouter.ai/api/v1 or http://localhost:11434/v1"
                .to_string(),
        ),
        E::Credentials => (
            "--base-url carries credentials (user:password@), which would be written into config.toml (not shown)"
                .to_string(),
            "drop them from the URL; put the key in an environment variable and pass --env-key VAR".to_string(),
        ),
        E::SecretInQuery { key } => (
            endpoint::secret_value("--base-url", &format!("query parameter `{key}`")).to_string(),
            KEEP_KEYS_OUT.to_string(),
        ),
        E::SecretValue { .. } => (e.to_string(), KEEP_KEYS_OUT.to_string()),
        E::Pair { flag, .. } => (e.to_string(), format!("e.g. {flag} api-version=2025-04-01-preview")),
        E::HeaderName { .. } => (
            e.to_string(),
            "Codex silently drops invalid header names; use letters, digits and `-`, e.g. X-Title".to_string(),
        ),
    };
    UserError { exit: Exit::Usage, message, hint: Some(hint) }
}

impl From<config::Error> for UserError {
    fn from(e: config::Error) -> Self {
        from_config(&e)
    }
}

impl From<NameError> for UserError {
    fn from(e: NameError) -> Self {
        from_name(&e)
    }
}

impl From<store::Error> for UserError {
    fn from(e: store::Error) -> Self {
        from_store(&e)
    }
}

impl From<endpoint::Error> for UserError {
    fn from(e: endpoint::Error) -> Self {
        from_endpoint(&e)
    }
}
