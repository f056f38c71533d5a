//! Provider keys in the operating system's keychain (`key set ID --keychain`): the macOS
//! Keychain, the Windows Credential Manager, the Secret Service on Linux and the BSDs (over
//! D-Bus, in pure Rust), through the `keyring` crate. One entry per provider: service
//! [`SERVICE`], account the provider id. Codex gets the key by running `codex-provider key get
//! ID` (the provider's `auth.command`), so no file ever holds it.
//!
//! Nothing here prints, and no error text carries a key: the messages are built from the
//! store's own error, which never holds the secret.

use std::fmt;

/// The keychain service every entry is filed under.
pub const SERVICE: &str = "codex-provider";

/// Why the keychain could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No keychain reachable from here (no D-Bus session or no Secret Service on Linux, a
    /// locked or refused store): the reason, one line.
    Unavailable(String),
    /// The keychain answered with an error: one line.
    Failed(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unavailable(why) => write!(f, "no OS keychain is reachable: {why}"),
            Error::Failed(why) => write!(f, "the OS keychain failed: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// The keychain this build talks to, for messages ("the Secret Service").
pub fn store_name() -> &'static str {
    match crate::platform::keychain() {
        crate::platform::Keychain::MacOs => "the macOS Keychain",
        crate::platform::Keychain::Windows => "the Windows Credential Manager",
        crate::platform::Keychain::SecretService => "the Secret Service",
    }
}

/// [`store_name`] at the start of a sentence.
pub fn store_name_capitalized() -> String {
    let n = store_name();
    n[..1].to_ascii_uppercase() + &n[1..]
}

/// One line from a store error (the platform's message, newlines folded).
fn one_line(e: &dyn fmt::Display) -> String {
    e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn convert(e: keyring::Error) -> Error {
    use keyring::Error as K;
    match e {
        K::NoDefaultStore => Error::Unavailable(match keyring::Entry::store_status() {
            Err(inner) => reason_unreachable(inner),
            Ok(()) => "no credential store".into(),
        }),
        K::NoStorageAccess(inner) => Error::Unavailable(one_line(&inner)),
        K::PlatformFailure(inner) => Error::Failed(one_line(&inner)),
        K::BadEncoding(_) => Error::Failed("the stored value is not UTF-8 text".into()),
        K::BadDataFormat(_, inner) => Error::Failed(format!("the stored value is unreadable: {}", one_line(&inner))),
        other => Error::Failed(one_line(&other)),
    }
}

/// Why the store could not be opened, in the user's words where we can tell.
fn reason_unreachable(e: &keyring::Error) -> String {
    let text = match e {
        keyring::Error::PlatformFailure(inner) | keyring::Error::NoStorageAccess(inner) => one_line(inner),
        other => one_line(other),
    };
    if crate::platform::keychain() == crate::platform::Keychain::SecretService {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty()) {
            return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set: a headless or SSH session?)".into();
        }
        return format!("no Secret Service on the D-Bus session bus (gnome-keyring, KeePassXC…; {text})");
    }
    text
}

fn entry(id: &str) -> Result<keyring::Entry, Error> {
    keyring::Entry::new(SERVICE, id).map_err(convert)
}

/// Whether a keychain can be used from here; the reason when not.
pub fn available() -> Result<(), Error> {
    match keyring::Entry::store_status() {
        Ok(()) => Ok(()),
        Err(e) => Err(Error::Unavailable(reason_unreachable(e))),
    }
}

/// The key stored for provider `id` (None: there is none).
pub fn get(id: &str) -> Result<Option<String>, Error> {
    match entry(id)?.get_password() {
        Ok(k) => Ok(Some(k)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(convert(e)),
    }
}

/// Stores (or replaces) the key of provider `id`.
pub fn set(id: &str, key: &str) -> Result<(), Error> {
    entry(id)?.set_password(key).map_err(convert)
}

/// Removes the key of provider `id`; false when there was none.
pub fn delete(id: &str) -> Result<bool, Error> {
    match entry(id)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(convert(e)),
    }
}
