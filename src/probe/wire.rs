//! What the probe puts on the wire, shaped like real Codex's first `POST /responses`
//! (captured from real Codex against a 127.0.0.1 server: tests/it/oracle.rs,
//! docs/codex-facts.md#the-request-codex-sends): the same
//! header names and value shapes, the same body keys in the same order; only the ids and
//! the prompt differ. The release imitated is the installed Codex's (`crate::codex`).

use serde_json::{Value, json};

use crate::codex::{self, Current};

/// Per-probe ids, fresh like Codex's per-session ones (UUIDv7 shape).
#[derive(Debug, Clone)]
pub struct Ids {
    pub session: String,
    pub turn: String,
    pub installation: String,
}

impl Ids {
    pub fn new() -> Ids {
        Ids { session: uuid_v7(), turn: uuid_v7(), installation: uuid_v7() }
    }
}

fn uuid_v7() -> String {
    use std::hash::{BuildHasher, Hasher};
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    let mut r = [0u64; 2];
    for (i, v) in r.iter_mut().enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(ms ^ i as u64);
        *v = h.finish();
    }
    let hi = (ms << 16) | 0x7000 | (r[0] & 0x0fff);
    let lo = (r[1] & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// `x-codex-turn-metadata`, the JSON Codex sends as a header and inside `client_metadata`.
fn turn_metadata(ids: &Ids, model: &str) -> String {
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    json!({
        "installation_id": ids.installation, "session_id": ids.session, "thread_id": ids.session,
        "agent_name": "/root", "turn_id": ids.turn, "window_id": format!("{}:0", ids.session), "window_number": 0,
        "context_window_id": ids.session, "request_kind": "turn", "history_initialization": "new",
        "root_turn_id": ids.turn, "thread_source": "user", "turn_trigger": "exec", "sandbox": "seccomp",
        "sandbox_mode": "read-only", "auto_review_enabled": false, "node_repl_auto_review_required": false,
        "node_repl_disabled": false, "turn_started_at_unix_ms": ms, "analytics_enabled": true, "model": model
    })
    .to_string()
}

/// The headers Codex sends on `POST /responses` (docs/codex-facts.md#the-request-codex-sends), in its order;
/// `authorization` and the provider's own headers are added by the client.
pub fn responses_headers(release: &Current, ids: &Ids, model: &str) -> Vec<(&'static str, String)> {
    let version = release.version();
    let mut h = vec![
        ("x-codex-beta-features", "remote_compaction_v2".to_string()),
        ("x-codex-window-id", format!("{}:0", ids.session)),
        ("x-codex-turn-metadata", turn_metadata(ids, model)),
        ("x-client-request-id", ids.session.clone()),
        ("session-id", ids.session.clone()),
        ("thread-id", ids.session.clone()),
        ("accept", "text/event-stream".to_string()),
        ("originator", codex::ORIGINATOR.to_string()),
        ("user-agent", codex::user_agent(version)),
    ];
    if let Some(ae) = release.accept_encoding() {
        h.push(("accept-encoding", ae.to_string()));
    }
    h
}

/// Other requests (`/models`, `/chat/completions`) carry Codex's identity too.
pub fn plain_headers(release: &Current) -> Vec<(&'static str, String)> {
    let mut h =
        vec![("originator", codex::ORIGINATOR.to_string()), ("user-agent", codex::user_agent(release.version()))];
    if let Some(ae) = release.accept_encoding() {
        h.push(("accept-encoding", ae.to_string()));
    }
    h
}

/// The WebSocket upgrade Codex tries first when `supports_websockets = true`.
pub fn ws_headers() -> Vec<(&'static str, String)> {
    [
        ("connection", "Upgrade"),
        ("upgrade", "websocket"),
        ("sec-websocket-version", "13"),
        ("sec-websocket-key", "Y29kZXgtcHJvdmlkZXItcHI="),
        ("openai-beta", "responses_websockets=2026-02-06"),
        ("originator", codex::ORIGINATOR),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .chain([("user-agent", codex::user_agent(codex::current().version()))])
    .collect()
}

fn exec_command_tool() -> Value {
    json!({
        "type": "function",
        "name": "exec_command",
        "description": "Runs a shell command and returns its output.",
        "strict": false,
        "parameters": {
            "type": "object",
            "properties": {"cmd": {"type": "string", "description": "The command to run"}},
            "required": ["cmd"],
            "additionalProperties": false
        }
    })
}

/// The non-function tool types Codex sends (`--deep`): namespace, custom and web_search.
fn codex_tool_types() -> Vec<Value> {
    vec![
        json!({
            "type": "namespace",
            "name": "multi_agent_v1",
            "description": "Tools for spawning and managing sub-agents.",
            "tools": [{"type": "function", "name": "wait_agent", "description": "Waits for an agent.", "strict": false,
                       "parameters": {"type": "object", "properties": {}, "additionalProperties": false}}]
        }),
        json!({
            "type": "custom", "name": "apply_patch", "description": "Applies a patch.",
            "format": {"type": "grammar", "syntax": "lark", "definition": "start: \"*** Begin Patch\""}
        }),
        json!({"type": "web_search", "external_web_access": false}),
    ]
}

/// Codex's `POST /responses` body for a custom provider: keys and order as Codex 0.171
/// sends them, a one-line prompt and one function tool (plus Codex's other tool types
/// with `deep_tools`).
pub fn responses_body(model: &str, ids: &Ids, deep_tools: bool) -> String {
    let mut tools = vec![exec_command_tool()];
    if deep_tools {
        tools.extend(codex_tool_types());
    }
    let meta = turn_metadata(ids, model);
    ordered(&[
        ("model", json!(model)),
        ("stream", json!(true)),
        (
            "input",
            json!([{"type": "message", "id": format!("msg_{}", uuid_v7()), "role": "user",
                    "content": [{"type": "input_text", "text": "Reply with the single word: hi"}]}]),
        ),
        ("tools", Value::Array(tools)),
        ("tool_choice", json!("auto")),
        ("parallel_tool_calls", json!(true)),
        ("reasoning", json!({"summary": "auto"})),
        ("store", json!(false)),
        ("include", json!(["reasoning.encrypted_content"])),
        ("prompt_cache_key", json!(ids.session)),
        (
            "client_metadata",
            json!({
                "x-codex-installation-id": ids.installation, "thread_id": ids.session, "turn_id": ids.turn,
                "x-codex-turn-metadata": meta, "session_id": ids.session, "root_turn_id": ids.turn,
                "x-codex-window-id": format!("{}:0", ids.session)
            }),
        ),
    ])
}

/// A JSON object with its keys in the given order (serde_json's map sorts them).
fn ordered(fields: &[(&str, Value)]) -> String {
    let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", Value::from(*k))).collect();
    format!("{{{}}}", parts.join(","))
}

pub fn chat_body(model: &str) -> String {
    json!({
        "model": model,
        "stream": false,
        "max_tokens": 16,
        "messages": [{"role": "user", "content": "Reply with the single word: hi"}]
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_keys_are_codex_0171s_in_order() {
        let b = responses_body("m", &Ids::new(), false);
        let v: Value = serde_json::from_str(&b).unwrap();
        let mut keys: Vec<(usize, &str)> =
            v.as_object().unwrap().keys().map(|k| (b.find(&format!("\"{k}\":")).unwrap(), k.as_str())).collect();
        keys.sort();
        let keys: Vec<&str> = keys.into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            keys,
            [
                "model",
                "stream",
                "input",
                "tools",
                "tool_choice",
                "parallel_tool_calls",
                "reasoning",
                "store",
                "include",
                "prompt_cache_key",
                "client_metadata"
            ]
        );
    }

    #[test]
    fn ids_look_like_uuid_v7() {
        let u = uuid_v7();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "7");
        assert_ne!(uuid_v7(), u);
    }
}
