//! Which config keys and values Codex knows, per supported release. The key lists are not
//! typed here: they are `data/codex-config-keys.json`, read from the release binaries' serde
//! field tables, and the oracle tests run the real binaries over them
//! (`tests/it/oracle_doctor.rs`; docs/codex-facts.md#key-lists). The value enums were read from the binaries' own
//! refusals (`unknown variant `x`, expected one of …`) and are checked by the same tests.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The vendored key lists (regenerate from the binaries when a release is added).
const KEYS_JSON: &str = include_str!("data/codex-config-keys.json");

#[derive(serde::Deserialize)]
struct KeysFile {
    provider_fields: Vec<String>,
    provider_subtables: BTreeMap<String, Vec<String>>,
    root_keys: BTreeMap<String, Vec<String>>,
}

fn keys_file() -> &'static KeysFile {
    static FILE: OnceLock<KeysFile> = OnceLock::new();
    FILE.get_or_init(|| serde_json::from_str(KEYS_JSON).expect("src/codex/data/codex-config-keys.json is valid"))
}

/// What one release knows about its config file.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub version: &'static str,
}

impl Known {
    /// The key lists nearest `version`: its own when they are vendored, else those of the
    /// newest vendored release not newer than it (the oldest for an older one, the newest
    /// when it does not parse). They only suggest names: the keys an installed Codex ignores
    /// are asked from it (`ask`).
    pub fn of(version: &str) -> Known {
        let f = keys_file();
        let mut listed: Vec<&'static str> = f.root_keys.keys().map(String::as_str).collect();
        listed.sort_by_key(|v| super::version::parse(v));
        let want = super::version::parse(version);
        let pick = match want {
            None => listed.last(),
            Some(w) => {
                listed.iter().rev().find(|v| super::version::parse(v).is_some_and(|v| v <= w)).or(listed.first())
            }
        };
        Known { version: pick.copied().expect("vendored key lists") }
    }

    /// Every top-level key (`struct ConfigToml`), sorted.
    pub fn root_keys(&self) -> impl Iterator<Item = &'static str> + Clone {
        let f = keys_file();
        let list = f.root_keys.get(self.version).or_else(|| f.root_keys.values().last()).expect("root keys");
        list.iter().map(String::as_str)
    }

    pub fn is_root_key(&self, key: &str) -> bool {
        self.root_keys().any(|k| k == key)
    }

    /// Every field of `[model_providers.ID]`, in Codex's order.
    pub fn provider_fields(&self) -> impl Iterator<Item = &'static str> + Clone {
        keys_file().provider_fields.iter().map(String::as_str)
    }

    pub fn is_provider_field(&self, key: &str) -> bool {
        self.provider_fields().any(|k| k == key)
    }

    /// The fields of a provider sub-table (`auth`, `aws`, `capabilities`), when it is one.
    pub fn provider_subtable(&self, table: &str) -> Option<impl Iterator<Item = &'static str> + Clone> {
        keys_file().provider_subtables.get(table).map(|v| v.iter().map(String::as_str))
    }
}

/// Provider fields: the same in every supported release (checked in the oracle tests).
pub fn provider_fields() -> impl Iterator<Item = &'static str> + Clone {
    keys_file().provider_fields.iter().map(String::as_str)
}

/// The kind of value a top-level key takes, as Codex's own refusal of a table value for it
/// says (`data/keyprobe-0.171.0.txt`: `invalid type: map, expected a boolean`; an enum says
/// `wanted exactly 1 element`; a key that accepts a table is a table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Bool,
    Integer,
    Array,
    Table,
    /// A string out of a fixed set (see [`VALUE_ENUMS`]).
    Enum,
    /// Not read from the probe (an untagged enum, a struct with required fields).
    Other,
}

const KEYPROBE: &str = include_str!("data/keyprobe-0.171.0.txt");

/// The three keys the probe could not type (its table value did not fail on them), typed
/// from Codex's refusal of a wrong value (`model = 5`: "expected a string").
const KIND_OVERRIDES: &[(&str, Kind)] =
    &[("model", Kind::String), ("model_providers", Kind::Table), ("project_root_markers", Kind::Array)];

/// The kind of a top-level key's value, when the key probe tells it.
pub fn root_kind(key: &str) -> Option<Kind> {
    if let Some((_, k)) = KIND_OVERRIDES.iter().find(|(k, _)| *k == key) {
        return Some(*k);
    }
    let line = KEYPROBE.lines().find(|l| l.split_whitespace().next() == Some(key))?;
    let verdict = line.split_once(' ')?.1;
    if !verdict.starts_with("known") {
        return None;
    }
    if verdict.starts_with("known(accepted)") {
        return Some(Kind::Table);
    }
    let expected = verdict.rsplit("expected ").next().unwrap_or("");
    Some(match expected {
        _ if verdict.contains("wanted exactly 1 element") => Kind::Enum,
        _ if !verdict.contains("invalid type: map") => Kind::Other,
        "a boolean" => Kind::Bool,
        "a string" | "path string" => Kind::String,
        "a sequence" => Kind::Array,
        e if e.starts_with('i') || e.starts_with('u') => Kind::Integer,
        _ => Kind::Other,
    })
}

/// A string value Codex validates when it loads the file.
#[derive(Debug, Clone, Copy)]
pub struct ValueEnum {
    /// The top-level key.
    pub key: &'static str,
    /// The values it accepts, in the order Codex lists them.
    pub values: &'static [&'static str],
    /// Values it still parses but refuses with its own message (e.g. `untrusted`).
    pub retired: &'static [(&'static str, &'static str)],
}

/// The enums Codex 0.169 and 0.171 refuse bad values of (same lists in both).
pub const VALUE_ENUMS: &[ValueEnum] = &[
    ValueEnum {
        key: "approval_policy",
        values: &["untrusted", "on-failure", "on-request", "granular", "never"],
        retired: &[("untrusted", "approval_policy = \"untrusted\" is no longer supported; remove this setting")],
    },
    ValueEnum { key: "sandbox_mode", values: &["read-only", "workspace-write", "danger-full-access"], retired: &[] },
    ValueEnum { key: "model_reasoning_summary", values: &["auto", "concise", "detailed", "none"], retired: &[] },
    ValueEnum { key: "model_verbosity", values: &["low", "medium", "high"], retired: &[] },
    ValueEnum { key: "personality", values: &["none", "friendly", "pragmatic"], retired: &[] },
    ValueEnum { key: "web_search", values: &["disabled", "cached", "indexed", "live"], retired: &[] },
    ValueEnum {
        key: "file_opener",
        values: &["vscode", "vscode-insiders", "windsurf", "cursor", "none"],
        retired: &[],
    },
    ValueEnum { key: "cli_auth_credentials_store", values: &["file", "keyring", "auto", "ephemeral"], retired: &[] },
    ValueEnum { key: "mcp_oauth_credentials_store", values: &["auto", "file", "keyring"], retired: &[] },
    ValueEnum { key: "forced_login_method", values: &["chatgpt", "api"], retired: &[] },
    ValueEnum { key: "model_auto_compact_token_limit_scope", values: &["total", "body_after_prefix"], retired: &[] },
    ValueEnum { key: "approvals_reviewer", values: &["user", "auto_review", "guardian_subagent"], retired: &[] },
];

pub fn value_enum(key: &str) -> Option<&'static ValueEnum> {
    VALUE_ENUMS.iter().find(|e| e.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_from_the_vendored_data() {
        let old = Known::of("0.169.0");
        let new = Known::of("0.171.0");
        assert_eq!(old.root_keys().count(), 106);
        assert_eq!(new.root_keys().count(), 109);
        assert!(new.is_root_key("responses") && !old.is_root_key("responses"));
        for k in ["zsh_path", "include_apply_patch_tool", "disable_response_storage", "experimental_instructions_file"]
        {
            assert!(!new.is_root_key(k), "{k}");
        }
        assert!(new.is_root_key("goals") && new.is_root_key("model_auto_compact_token_limit_scope"));
        assert_eq!(provider_fields().count(), 24);
        assert!(new.provider_subtable("capabilities").unwrap().any(|k| k == "remote_compaction"));
        assert_eq!(root_kind("model"), Some(Kind::String));
        assert_eq!(root_kind("model_auto_compact_token_limit"), Some(Kind::Integer));
        assert_eq!(root_kind("model_verbosity"), Some(Kind::Enum));
        assert_eq!(root_kind("features"), Some(Kind::Table));
        assert_eq!(root_kind("zsh_path"), None);
        assert!(value_enum("approval_policy").unwrap().retired.iter().any(|(v, _)| *v == "untrusted"));
    }
}
