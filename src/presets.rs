//! The built-in catalogue of OpenAI-compatible providers (reference: providers-and-peers §4).

use serde::Serialize;

/// Whether Codex can talk to the vendor directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Responses {
    /// Serves `POST {base}/responses` the way Codex needs.
    Native,
    /// Documented as chat-only: needs a bridge (LiteLLM, codex-relay, ...).
    Bridge,
    /// Unclear or varies by version/build: the probe decides.
    Probe,
}

#[derive(Debug, Clone, Serialize)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub base_url: &'static str,
    /// Variable for the key; None for local servers that need none.
    pub env_key: Option<&'static str>,
    /// How model ids look, with an example.
    pub model_style: &'static str,
    pub example_model: Option<&'static str>,
    pub responses: Responses,
    pub query_params: &'static [(&'static str, &'static str)],
    pub http_headers: &'static [(&'static str, &'static str)],
    pub notes: &'static str,
}

pub const ALL: &[Preset] = &[
    Preset {
        id: "openrouter",
        name: "OpenRouter",
        base_url: "https://openrouter.ai/api/v1",
        env_key: Some("OPENROUTER_API_KEY"),
        model_style: "vendor-prefixed, e.g. openai/gpt-5.4",
        example_model: Some("openai/gpt-5.4"),
        responses: Responses::Native,
        query_params: &[],
        http_headers: &[],
        notes: "optional attribution headers HTTP-Referer and X-Title",
    },
    Preset {
        id: "ollama-local",
        name: "Ollama (local)",
        base_url: "http://localhost:11434/v1",
        env_key: None,
        model_style: "name:tag, e.g. gpt-oss:20b",
        example_model: Some("gpt-oss:20b"),
        responses: Responses::Native,
        query_params: &[],
        http_headers: &[],
        notes: "id `ollama` is reserved by Codex (`codex --oss`); use a 64k+ context",
    },
];

pub fn find(id: &str) -> Option<&'static Preset> {
    ALL.iter().find(|p| p.id == id)
}

/// What the user must replace before a preset's URL works (e.g. an Azure resource name).
pub fn needs_edit(p: &Preset) -> Option<&'static str> {
    p.base_url.contains("YOUR-").then_some("replace the placeholder host with your own")
}
