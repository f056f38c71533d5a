//! `set ID FIELD VALUE` / `unset ID FIELD`: one field of a provider in config.toml, typed as
//! Codex reads it. The same safety rules as `add`: no secret is written (no bearer token, no
//! key-like value), `base_url` is normalised, `wire_api` can only be `responses`.

use serde::Serialize;
use serde_json::Value;

use crate::commands::output::{self, Messages, Output, SchemaVersion};
use crate::commands::written::{self, Written};
use crate::commands::{display, load_config};
use crate::config::fields::{FieldPath, FieldType, FieldValue, parse_field};
use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};
use crate::ctx::Ctx;
use crate::endpoint::{check_header_name, normalize_base_url, secret_value};
use crate::error::{Exit, UserError};
use crate::store::FileOp;

/// config.toml, refusing a provider it does not define (built-ins have no table to edit).
fn load_with_provider(ctx: &Ctx, id: &str) -> Result<ConfigFile, UserError> {
    let cfg = load_config(ctx)?;
    if cfg.has_provider(id)? {
        return Ok(cfg);
    }
    if ids::is_builtin(id) {
        return Err(UserError::usage(format!("`{id}` is a built-in provider with no table in config.toml"))
            .hint(format!("edit [model_providers.{id}] by hand where Codex allows it, or add your own provider")));
    }
    Err(Layers::new(&cfg, None).unknown_provider(id).into())
}

/// The value as it will be written, after the checks `add` makes on the same fields.
/// The writes a `set` makes (base_url may add query_params entries) and notes to print.
type Checked = (Vec<(FieldPath, FieldValue)>, Vec<String>);

fn checked_value(path: &FieldPath, raw: &str) -> Result<Checked, UserError> {
    let dotted = path.dotted();
    if path.field == "experimental_bearer_token" {
        return Err(UserError::usage(
            "codex-provider never writes experimental_bearer_token: it would put the key in config.toml",
        )
        .hint("name a variable with `set ID env_key VAR`, then store the key with `codex-provider key set ID`"));
    }
    if path.field == "wire_api" && !crate::codex::provider::wire_api_ok(raw) {
        return Err(UserError::usage(format!("wire_api can only be `responses`, not `{}`", crate::redact::shown(raw)))
            .hint("Codex 0.95+ removed `chat`; for a chat-only endpoint see `codex-provider probe ID`"));
    }
    let value = FieldValue::parse(path.ty, raw).map_err(|ty| {
        UserError::usage(format!("`{dotted}` takes {ty}, not `{}`", crate::redact::shown(raw)))
            .hint(format!("e.g. `codex-provider set ID {dotted} {}`", example(path.ty)))
    })?;
    let mut notes = Vec::new();
    let mut out = Vec::new();
    if let FieldValue::Str(s) = &value {
        match (path.field.as_str(), path.key.as_deref()) {
            ("base_url", None) => {
                let n = normalize_base_url(s)?;
                notes = n.notes;
                out.push((path.clone(), FieldValue::Str(n.base_url)));
                for (k, v) in n.moved_query {
                    let q = FieldPath { field: "query_params".into(), key: Some(k), ty: FieldType::String };
                    out.push((q, FieldValue::Str(v)));
                }
                return Ok((out, notes));
            }
            ("env_key", None) => ids::check_env_var_name("env_key", s)?,
            ("env_http_headers", Some(h)) => {
                check_header_name(&dotted, h)?;
                ids::check_env_var_name(&dotted, s)?;
            }
            ("http_headers", Some(h)) => {
                check_header_name(&dotted, h)?;
                if h.eq_ignore_ascii_case("authorization") || crate::redact::looks_like_secret(s) {
                    return Err(secret_value(&dotted, &format!("header `{h}`")).into());
                }
            }
            _ if crate::redact::looks_like_secret(s) => {
                return Err(secret_value(&dotted, &format!("`{dotted}`")).into());
            }
            _ => {}
        }
    }
    out.push((path.clone(), value));
    Ok((out, notes))
}

fn example(ty: FieldType) -> &'static str {
    match ty {
        FieldType::UInt(Some(_)) => "4",
        FieldType::UInt(None) => "600000",
        FieldType::Bool => "false",
        FieldType::Enum(v) => v[0],
        _ => "VALUE",
    }
}

fn json_value(v: &FieldValue) -> Value {
    match v {
        FieldValue::Str(s) => Value::String(s.clone()),
        FieldValue::UInt(n) => Value::from(*n),
        FieldValue::Bool(b) => Value::Bool(*b),
    }
}

fn toml_text(v: &FieldValue) -> String {
    match v {
        FieldValue::Str(s) => format!("{s:?}"),
        FieldValue::UInt(n) => n.to_string(),
        FieldValue::Bool(b) => b.to_string(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct SetOptions {
    pub id: String,
    /// `request_max_retries`, `http_headers.X-Team`, ...
    pub field: String,
    pub value: String,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Default)]
pub struct UnsetOptions {
    pub id: String,
    pub field: String,
    pub dry_run: bool,
}

/// What `set` / `unset` did to one field.
#[derive(Debug, Serialize)]
struct FieldChange {
    schema_version: SchemaVersion,
    provider: String,
    field: String,
    /// The value before (masked when key-like), or null when it was not set.
    previous: Option<String>,
    /// The value written (`set` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    #[serde(flatten)]
    written: Written,
    #[serde(skip)]
    said: Messages,
}

impl Output for FieldChange {
    fn human(&self, ctx: &Ctx) {
        self.written.human(ctx);
    }

    fn said(&self) -> Option<&Messages> {
        Some(&self.said)
    }
}

/// The shared part of `set` and `unset`: load under the lock, run `edit`, write (one backup
/// entry); `say` words the closing line from (changed, previous value, config path) after a
/// real write.
fn edit_field(
    ctx: &Ctx,
    (id, path, dry_run): (&str, &FieldPath, bool),
    verb: &str,
    value: Option<&FieldValue>,
    edit: impl FnOnce(&mut ConfigFile) -> Result<(), UserError>,
    say: impl FnOnce(bool, Option<&str>, &std::path::Path) -> String,
) -> anyhow::Result<FieldChange> {
    let session = written::begin(ctx, dry_run)?;
    let mut cfg = load_with_provider(ctx, id)?;
    let previous = cfg.provider_field(id, path)?.map(|p| crate::redact::mask_line(&p));
    edit(&mut cfg)?;
    let ops: Vec<FileOp> = FileOp::from_file(&cfg).into_iter().collect();
    let written = written::commit(&session, &format!("{verb} {id} {}", path.dotted()), &ops)?;
    let mut said = Messages::default();
    if !written.dry_run {
        said.status(say(written.changed, previous.as_deref(), &cfg.path));
    }
    Ok(FieldChange {
        schema_version: SchemaVersion,
        provider: id.to_string(),
        field: path.dotted(),
        previous,
        value: value.map(json_value),
        written,
        said,
    })
}

pub fn set(args: SetOptions, ctx: &Ctx) -> anyhow::Result<Exit> {
    let path = parse_field(&args.field)?;
    let (writes, notes) = checked_value(&path, &args.value)?;
    let (id, value) = (args.id.as_str(), &writes[0].1);
    let (field, text) = (path.dotted(), toml_text(value));
    let mut change = edit_field(
        ctx,
        (id, &path, args.dry_run),
        "set",
        Some(value),
        |cfg| {
            for (p, v) in &writes {
                cfg.set_provider_field(id, p, v)?;
            }
            Ok(())
        },
        |changed, previous, file| {
            let was = previous.map(|p| format!(" (was {p})")).unwrap_or_default();
            match changed {
                true => format!("Set {id}.{field} = {text}{was} in {}.", display(ctx, file)),
                false => format!("{id}.{field} is already {text}; nothing to change."),
            }
        },
    )?;
    let mut said = Messages::default();
    for n in notes {
        said.note(n);
    }
    change.said = said.then(change.said);
    output::emit(ctx, &change)
}

pub fn unset(args: UnsetOptions, ctx: &Ctx) -> anyhow::Result<Exit> {
    let path = parse_field(&args.field)?;
    let id = args.id.as_str();
    let field = path.dotted();
    let change = edit_field(
        ctx,
        (id, &path, args.dry_run),
        "unset",
        None,
        |cfg| cfg.unset_provider_field(id, &path).map(|_| ()).map_err(UserError::from),
        |changed, _, file| match changed {
            true => format!("Removed {id}.{field} from {}; Codex uses its default.", display(ctx, file)),
            false => format!("{id}.{field} is not set; nothing to change."),
        },
    )?;
    output::emit(ctx, &change)
}
