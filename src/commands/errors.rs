//! The one place the layers' typed errors become what the user reads: the one line (each
//! error's `Display`), the fix (a hint naming our verbs and flags, which the layers below do
//! not know) and the exit code (README "Exit codes": 2 for unusable input, 1 for a refusal or a
//! problem). Commands use `?` on them (`From` below); an error that reaches `main` untouched
//! is converted by [`user_error`], so both paths print the same.

use crate::codex::run as codex_cli;
use crate::config::{self, ids::NameError};
use crate::error::{Exit, UserError};
use crate::{bridge, endpoint, home, presets, store};

/// The hint of a TOML parse error. `load_config` adds `undo` when a backup exists.
pub(crate) const PARSE_HINT: &str = "fix the TOML by hand (the file was not changed)";

/// A loaded file with a value of a type Codex cannot read (`ConfigFile::type_errors`):
/// unusable input (exit 2), since any edit would leave a file Codex still refuses.
pub(crate) fn codex_refuses(path: &std::path::Path, e: &config::TypeError) -> UserError {
    UserError::usage(format!("{}: {}", path.display(), e.message)).hint(
        "fix it by hand (`codex-provider doctor` explains it); Codex refuses to start with it (the file was not changed)",
    )
}

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
    if let Some(e) = e.downcast_ref::<bridge::Error>() {
        return Some(from_bridge(e));
    }
    if let Some(e) = e.downcast_ref::<presets::Error>() {
        return Some(from_preset(e));
    }
    if let Some(e) = e.downcast_ref::<home::NoHomeDir>() {
        return Some(line(Exit::Usage, e, Some("pass --codex-home DIR or set CODEX_HOME".to_string())));
    }
    if let Some(e) = e.downcast_ref::<codex_cli::NotFound>() {
        return Some(codex_missing(e));
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
        E::LockTimeout { .. } => refused(Some("let it finish (or stop it) and run this again; nothing was written")),
        E::Lock { .. } => refused(Some("check the permissions of the Codex home")),
        E::ReadLink { .. } | E::Remove { .. } => refused(None),
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
        E::TooLong { .. } => (e.to_string(), "give the API root, e.g. https://openrouter.ai/api/v1".to_string()),
        E::HeaderName { .. } => (
            e.to_string(),
            "Codex silently drops invalid header names; use letters, digits and `-`, e.g. X-Title".to_string(),
        ),
    };
    UserError { exit: Exit::Usage, message, hint: Some(hint) }
}

/// Every bridge failure is a refusal (exit 1): the input was fine, the relay was not.
fn from_bridge(e: &bridge::Error) -> UserError {
    use bridge::Error as E;
    let hint = match e {
        E::RelayMissing => Some(bridge::INSTALL_HINT.to_string()),
        E::KeyUnset { var } => {
            Some(format!("export {var}=... (or `codex-provider key set` it into $CODEX_HOME/.env) and run again"))
        }
        E::PortTaken { id, .. } => Some(format!(
            "stop that program, or run `codex-provider bridge start {id}`: it moves the bridge to a free port"
        )),
        E::ExitedAtStart { log, .. } | E::NotListening { log, .. } => {
            Some(format!("its output is in {}", log.display()))
        }
        E::NoLoginService { command } => Some(format!("run `{command}`")),
        E::Spawn { .. } | E::DidNotExit { .. } => None,
    };
    line(Exit::Problem, e, hint)
}

fn from_preset(e: &presets::Error) -> UserError {
    match e {
        presets::Error::Unknown { suggestion, .. } => line(
            Exit::Usage,
            e,
            Some(match suggestion {
                Some(id) => format!("did you mean `{id}`? `codex-provider presets` lists them all"),
                None => "`codex-provider presets` lists them all".to_string(),
            }),
        ),
        presets::Error::NeedsBaseUrl { id, placeholder, needs_edit } => UserError {
            exit: Exit::Usage,
            message: format!("preset `{id}` needs --base-url: its URL {placeholder} is a placeholder"),
            hint: Some(needs_edit.to_string()),
        },
    }
}

/// A command that runs Codex without one installed is refused (exit 1).
fn codex_missing(e: &codex_cli::NotFound) -> UserError {
    line(Exit::Problem, e, Some("install it (npm install -g @openai/codex) or set CODEX_BIN to its path".to_string()))
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

impl From<presets::Error> for UserError {
    fn from(e: presets::Error) -> Self {
        from_preset(&e)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn preset_errors_name_the_flag_and_the_nearest_id() {
        let e = UserError::from(presets::find("azure").unwrap().base_url_for(None).unwrap_err());
        assert_eq!(e.exit, Exit::Usage);
        assert!(e.message.contains("--base-url"), "{}", e.message);
        assert!(e.hint.unwrap().contains("YOUR-RESOURCE"));
        assert!(UserError::from(presets::lookup("deepsek").unwrap_err()).hint.unwrap().contains("`deepseek`"));
        assert!(UserError::from(presets::lookup("zzzzzzzz").unwrap_err()).hint.unwrap().contains("presets"));
    }

    #[test]
    fn a_typed_error_is_found_under_context_and_keeps_its_line() {
        let parse = config::ConfigFile::parse(Path::new("c.toml"), "a = \n".into()).unwrap_err();
        let line = parse.to_string();
        let e = anyhow::Error::from(parse).context("while loading");
        let u = user_error(&e).expect("a config error");
        assert_eq!((u.exit, u.message, u.hint.as_deref()), (Exit::Usage, line, Some(PARSE_HINT)));
        assert!(user_error(&anyhow::anyhow!("plain")).is_none());
    }

    #[test]
    fn refusals_exit_1_and_bad_input_exits_2() {
        let exists = UserError::from(config::Error::ProviderExists { id: "x".into() });
        assert_eq!(exists.exit, Exit::Problem);
        assert!(exists.hint.unwrap().contains("--replace"));
        let secret = UserError::from(endpoint::normalize_base_url("http://u:p@h/v1").unwrap_err());
        assert_eq!(secret.exit, Exit::Usage);
        assert!(secret.message.starts_with("--base-url carries credentials"), "{}", secret.message);
        let relay = user_error(&bridge::Error::RelayMissing.into()).unwrap();
        assert_eq!((relay.exit, relay.hint.as_deref()), (Exit::Problem, Some(bridge::INSTALL_HINT)));
    }
}
