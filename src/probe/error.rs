//! Why the probe's HTTP client could not be built, and why `GET /models` gave no list: facts
//! for the report (`probe`, `doctor`) and for the command layer (`models`, `catalog`), which
//! word their own line around `Display` (the one line) and add the fix.

use std::fmt;

/// The client cannot be built: Codex's extra CA file is unusable, or TLS setup failed.
#[derive(Debug)]
pub enum ClientError {
    /// `var` (`CODEX_CA_CERTIFICATE`, `SSL_CERT_FILE`) names a file that cannot be read.
    CaUnreadable { var: &'static str, path: String, source: std::io::Error },
    /// `var` names a file that is not a PEM bundle.
    CaNotPem { var: &'static str },
    /// reqwest refused the configuration; `chain` is its error chain in one line.
    Setup { chain: String },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::CaUnreadable { var, path, source } => write!(f, "{var}: cannot read {path}: {source}"),
            ClientError::CaNotPem { var } => write!(f, "{var}: not a PEM bundle"),
            ClientError::Setup { chain } => write!(f, "cannot set up HTTP: {chain}"),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::CaUnreadable { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `GET {base}/models` gave no usable list. `request` is `GET <shown url>` (no key, no query).
#[derive(Debug)]
pub enum ModelsError {
    Client(ClientError),
    /// The provider's key variable is unset, so nothing was sent.
    KeyUnset {
        var: String,
    },
    /// The provider's `auth.command` gave no key, so nothing was sent.
    AuthCommand(crate::auth_command::Error),
    /// No answer: unreachable, TLS, timeout; `why` is the transport's one line.
    NoAnswer {
        request: String,
        why: String,
    },
    /// A non-2xx answer.
    Status {
        request: String,
        status: u16,
    },
    /// The body was cut off (`cut` says how).
    Cut {
        request: String,
        cut: String,
    },
    /// The body is not JSON.
    NotJson {
        request: String,
    },
    /// The answer holds no model ids; `line` says what came back, keys scrubbed.
    NoIds {
        line: String,
    },
}

impl fmt::Display for ModelsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelsError::Client(e) => write!(f, "{e}"),
            ModelsError::KeyUnset { var } => write!(f, "{var} is not set, so nothing was asked"),
            ModelsError::AuthCommand(why) => {
                write!(f, "the provider's auth.command gave no key ({why}), so nothing was asked")
            }
            ModelsError::NoAnswer { request, why } => write!(f, "{request}: {why}"),
            ModelsError::Status { request, status } => write!(f, "{request} → {status}"),
            ModelsError::Cut { request, cut } => write!(f, "{request}: the answer was cut off ({cut})"),
            ModelsError::NotJson { request } => write!(f, "{request}: the answer is not JSON"),
            ModelsError::NoIds { line } => f.write_str(line),
        }
    }
}

impl std::error::Error for ModelsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ModelsError::Client(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ClientError> for ModelsError {
    fn from(e: ClientError) -> Self {
        ModelsError::Client(e)
    }
}
