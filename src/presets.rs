//! The built-in catalogue of OpenAI-compatible providers (reference: providers-and-peers §4).
//!
//! A preset only fills in defaults for `add`; the probe still decides whether an endpoint works.
//! Ids never collide with Codex's built-in ids (`openai`, `ollama`, `lmstudio`, `amazon-bedrock*`,
//! `gcp`): a test checks each one with `check_new_provider_id`.

use serde::{Serialize, Serializer};

use crate::config::ids;

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

impl Responses {
    /// The word the `presets` table shows.
    pub fn label(self) -> &'static str {
        match self {
            Responses::Native => "native",
            Responses::Bridge => "needs bridge",
            Responses::Probe => "probe decides",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    /// The API root: Codex POSTs `{base_url}/responses`.
    pub base_url: &'static str,
    /// Set when `base_url` holds a placeholder the user must replace: says what to replace.
    /// `add` refuses such a preset until `--base-url` is given.
    pub needs_edit: Option<&'static str>,
    /// Variable for the key; None for local servers that need none.
    pub env_key: Option<&'static str>,
    /// How model ids look, with an example.
    pub model_style: &'static str,
    pub example_model: Option<&'static str>,
    pub responses: Responses,
    /// How to put a bridge in front (set for `Bridge`, and for `Probe` as the fallback).
    pub bridge: Option<&'static str>,
    #[serde(serialize_with = "pairs")]
    pub query_params: &'static [(&'static str, &'static str)],
    #[serde(serialize_with = "pairs")]
    pub http_headers: &'static [(&'static str, &'static str)],
    pub notes: &'static str,
}

/// Key/value lists serialise as JSON objects, the shape they take in config.toml.
fn pairs<S: Serializer>(v: &&'static [(&'static str, &'static str)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(v.iter().copied())
}

/// A preset we cannot use as asked. `Display` is the one line; the command layer
/// (`commands/errors.rs`) names the flag and words the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No preset has this id (as shown); `suggestion` is the nearest one.
    Unknown { id: String, suggestion: Option<&'static str> },
    /// The preset's URL is a placeholder (`needs_edit` says what to put in it) and no base
    /// URL was given.
    NeedsBaseUrl { id: &'static str, placeholder: &'static str, needs_edit: &'static str },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Unknown { id, .. } => write!(f, "unknown preset `{id}`"),
            Error::NeedsBaseUrl { id, placeholder, .. } => {
                write!(f, "preset `{id}` needs a base URL: its URL {placeholder} is a placeholder")
            }
        }
    }
}

impl std::error::Error for Error {}

impl Preset {
    /// The `base_url` to write: the given one wins; a placeholder URL is refused rather than saved.
    pub fn base_url_for(&self, given: Option<&str>) -> Result<String, Error> {
        match (given, self.needs_edit) {
            (Some(url), _) => Ok(url.to_string()),
            (None, None) => Ok(self.base_url.to_string()),
            (None, Some(needs_edit)) => {
                Err(Error::NeedsBaseUrl { id: self.id, placeholder: self.base_url, needs_edit })
            }
        }
    }
}

/// Bridge advice ending with the LiteLLM step; LiteLLM is the bridge we recommend because it
/// serves `/v1/responses` and translates to chat.
macro_rules! via_litellm {
    ($how:literal) => {
        concat!($how, ", then add the proxy with `--preset litellm` (base_url http://localhost:4000/v1)")
    };
}

pub const ALL: &[Preset] = &[
    Preset {
        id: "openrouter",
        name: "OpenRouter",
        base_url: "https://openrouter.ai/api/v1",
        needs_edit: None,
        env_key: Some("OPENROUTER_API_KEY"),
        model_style: "vendor-prefixed, e.g. openai/gpt-5.4",
        example_model: Some("openai/gpt-5.4"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "model ids need the vendor prefix; optional attribution headers HTTP-Referer and X-Title",
    },
    Preset {
        id: "azure",
        name: "Azure OpenAI",
        base_url: "https://YOUR-RESOURCE.openai.azure.com/openai/v1",
        needs_edit: Some(
            "replace YOUR-RESOURCE with your Azure OpenAI resource name, e.g. --base-url https://myres.openai.azure.com/openai/v1",
        ),
        env_key: Some("AZURE_OPENAI_API_KEY"),
        model_style: "your deployment name, not the model name",
        example_model: Some("gpt-5.4"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "v1 API needs no api-version; the legacy .../openai root needs --query api-version=2025-04-01-preview; *.cognitiveservices.azure.com hosts work too; Entra ID tokens are not supported",
    },
    Preset {
        id: "ollama-local",
        name: "Ollama (local)",
        base_url: "http://localhost:11434/v1",
        needs_edit: None,
        env_key: None,
        model_style: "name:tag, e.g. gpt-oss:20b",
        example_model: Some("gpt-oss:20b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "Ollama 0.13.3+ (stateless Responses); id `ollama` is reserved by Codex (`codex --oss`); use a 64k+ context",
    },
    Preset {
        id: "ollama-cloud",
        name: "Ollama Cloud",
        base_url: "https://ollama.com/v1",
        needs_edit: None,
        env_key: Some("OLLAMA_API_KEY"),
        model_style: "name:tag, e.g. gpt-oss:120b",
        example_model: Some("gpt-oss:120b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "no stateful Responses, no hosted web search, no custom tool replay",
    },
    Preset {
        id: "lmstudio-local",
        name: "LM Studio (local)",
        base_url: "http://localhost:1234/v1",
        needs_edit: None,
        env_key: None,
        model_style: "the identifier LM Studio shows, e.g. openai/gpt-oss-20b",
        example_model: Some("openai/gpt-oss-20b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "id `lmstudio` is reserved by Codex; with \"Require Authentication\" on, pass --env-key naming your LM Studio token",
    },
    Preset {
        id: "vllm",
        name: "vLLM",
        base_url: "http://localhost:8000/v1",
        needs_edit: None,
        env_key: Some("VLLM_API_KEY"),
        model_style: "the Hugging Face repo id or --served-model-name",
        example_model: Some("openai/gpt-oss-20b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "the key is the server's --api-key (any value if it has none); tool calls need --enable-auto-tool-choice --tool-call-parser ...",
    },
    Preset {
        id: "llamacpp",
        name: "llama.cpp server",
        base_url: "http://127.0.0.1:8080/v1",
        needs_edit: None,
        env_key: None,
        model_style: "the server's --alias value",
        example_model: Some("gpt-oss-20b"),
        responses: Responses::Probe,
        bridge: Some(
            "older llama-server builds lack /v1/responses: update llama.cpp, or run `litellm --model openai/<alias> --api_base http://127.0.0.1:8080/v1` and add the proxy with `--preset litellm`",
        ),
        query_params: &[],
        http_headers: &[],
        notes: "recent builds serve /v1/responses; start llama-server with --jinja for tool calls; with --api-key pass --env-key LLAMA_API_KEY",
    },
    Preset {
        id: "litellm",
        name: "LiteLLM proxy",
        base_url: "http://localhost:4000/v1",
        needs_edit: None,
        env_key: Some("LITELLM_API_KEY"),
        model_style: "the proxy's model_name alias",
        example_model: Some("gpt-5.4"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "serves /v1/responses and bridges to chat for vendors without it; LiteLLM 1.83.3+ recommended; raise stream_idle_timeout_ms for long turns",
    },
    Preset {
        id: "groq",
        name: "Groq",
        base_url: "https://api.groq.com/openai/v1",
        needs_edit: None,
        env_key: Some("GROQ_API_KEY"),
        model_style: "mixed, e.g. openai/gpt-oss-120b or llama-3.3-70b-versatile",
        example_model: Some("openai/gpt-oss-120b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "path is /openai/v1; logprobs, messages[].name and n>1 are rejected",
    },
    Preset {
        id: "together",
        name: "Together AI",
        base_url: "https://api.together.ai/v1",
        needs_edit: None,
        env_key: Some("TOGETHER_API_KEY"),
        model_style: "org/model, e.g. openai/gpt-oss-120b",
        example_model: Some("openai/gpt-oss-120b"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "Responses is beta: no stored responses, only listed models; dedicated endpoints use https://api-inference.together.ai/v1",
    },
    Preset {
        id: "fireworks",
        name: "Fireworks AI",
        base_url: "https://api.fireworks.ai/inference/v1",
        needs_edit: None,
        env_key: Some("FIREWORKS_API_KEY"),
        model_style: "accounts/fireworks/models/<name>",
        example_model: Some("accounts/fireworks/models/gpt-oss-120b"),
        responses: Responses::Probe,
        bridge: Some(via_litellm!(
            "if the probe says chat-only, run `litellm --model fireworks_ai/<model>` with FIREWORKS_API_KEY exported"
        )),
        query_params: &[],
        http_headers: &[],
        notes: "path is /inference/v1; /responses is not documented on the compatibility page",
    },
    Preset {
        id: "deepseek",
        name: "DeepSeek",
        base_url: "https://api.deepseek.com/v1",
        needs_edit: None,
        env_key: Some("DEEPSEEK_API_KEY"),
        model_style: "plain, e.g. deepseek-v4-pro",
        example_model: Some("deepseek-v4-pro"),
        responses: Responses::Probe,
        bridge: Some(via_litellm!(
            "if the probe says chat-only, run `litellm --model deepseek/<model>` with DEEPSEEK_API_KEY exported"
        )),
        query_params: &[],
        http_headers: &[],
        notes: "DeepSeek's Codex guide uses wire_api responses (Codex 0.144+) and ships a models.json catalogue; other sources list chat only",
    },
    Preset {
        id: "mistral",
        name: "Mistral AI",
        base_url: "https://api.mistral.ai/v1",
        needs_edit: None,
        env_key: Some("MISTRAL_API_KEY"),
        model_style: "plain, e.g. codestral-latest",
        example_model: Some("codestral-latest"),
        responses: Responses::Bridge,
        bridge: Some(via_litellm!("run `litellm --model mistral/codestral-latest` with MISTRAL_API_KEY exported")),
        query_params: &[],
        http_headers: &[],
        notes: "only chat/completions is documented",
    },
    Preset {
        id: "gemini",
        name: "Google Gemini (OpenAI compat)",
        base_url: "https://generativelanguage.googleapis.com/v1beta/openai",
        needs_edit: None,
        env_key: Some("GEMINI_API_KEY"),
        model_style: "plain, e.g. gemini-2.5-pro",
        example_model: Some("gemini-2.5-pro"),
        responses: Responses::Bridge,
        bridge: Some(via_litellm!("run `litellm --model gemini/gemini-2.5-pro` with GEMINI_API_KEY exported")),
        query_params: &[],
        http_headers: &[],
        notes: "path is /v1beta/openai, not /v1; the compat layer has no /responses",
    },
    Preset {
        id: "xai",
        name: "xAI (Grok)",
        base_url: "https://api.x.ai/v1",
        needs_edit: None,
        env_key: Some("XAI_API_KEY"),
        model_style: "plain, e.g. grok-4",
        example_model: Some("grok-4"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "Responses is xAI's primary API; US-only host https://us.api.x.ai/v1",
    },
    Preset {
        id: "moonshot",
        name: "Moonshot AI (Kimi)",
        base_url: "https://api.moonshot.ai/v1",
        needs_edit: None,
        env_key: Some("MOONSHOT_API_KEY"),
        model_style: "plain, e.g. kimi-k3",
        example_model: Some("kimi-k3"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "China host https://api.moonshot.cn/v1; Kimi For Coding (https://api.kimi.com/coding/v1) is a separate product with its own keys",
    },
    Preset {
        id: "zai",
        name: "Z.ai (GLM)",
        base_url: "https://api.z.ai/api/v1",
        needs_edit: None,
        env_key: Some("ZAI_API_KEY"),
        model_style: "plain, e.g. glm-5",
        example_model: Some("glm-5"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "only the /api/v1 root serves Responses (not /api/paas/v4); China: https://open.bigmodel.cn/api/v1; /models lists models[].slug",
    },
    Preset {
        id: "dashscope",
        name: "Alibaba Model Studio (Qwen)",
        base_url: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
        needs_edit: None,
        env_key: Some("DASHSCOPE_API_KEY"),
        model_style: "plain, e.g. qwen3-coder-plus",
        example_model: Some("qwen3-coder-plus"),
        responses: Responses::Probe,
        bridge: Some(via_litellm!(
            "if the probe says chat-only, run `litellm --model dashscope/qwen3-coder-plus` with DASHSCOPE_API_KEY exported"
        )),
        query_params: &[],
        http_headers: &[],
        notes: "keys are region-bound (China: https://dashscope.aliyuncs.com/compatible-mode/v1); Qwen3-Coder rejects hosted web_search",
    },
    Preset {
        id: "siliconflow",
        name: "SiliconFlow",
        base_url: "https://api.siliconflow.com/v1",
        needs_edit: None,
        env_key: Some("SILICONFLOW_API_KEY"),
        model_style: "Org/Model, e.g. Qwen/Qwen3-Coder-480B-A35B-Instruct (Pro/ prefix for paid variants)",
        example_model: Some("Qwen/Qwen3-Coder-480B-A35B-Instruct"),
        responses: Responses::Bridge,
        bridge: Some(via_litellm!(
            "run `litellm --model openai/<Org/Model> --api_base https://api.siliconflow.com/v1 --api_key $SILICONFLOW_API_KEY`"
        )),
        query_params: &[],
        http_headers: &[],
        notes: "China host https://api.siliconflow.cn/v1; /responses is not documented",
    },
    Preset {
        id: "cerebras",
        name: "Cerebras",
        base_url: "https://api.cerebras.ai/v1",
        needs_edit: None,
        env_key: Some("CEREBRAS_API_KEY"),
        model_style: "exact Cerebras model ids, e.g. gpt-oss-120b",
        example_model: Some("gpt-oss-120b"),
        responses: Responses::Bridge,
        bridge: Some(via_litellm!("run `litellm --model cerebras/gpt-oss-120b` with CEREBRAS_API_KEY exported")),
        query_params: &[],
        http_headers: &[],
        notes: "chat/completions only",
    },
    Preset {
        id: "minimax",
        name: "MiniMax",
        base_url: "https://api.minimax.io/v1",
        needs_edit: None,
        env_key: Some("MINIMAX_API_KEY"),
        model_style: "plain, e.g. MiniMax-M3",
        example_model: Some("MiniMax-M3"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "rejects hosted web_search and custom tools: set web_search = \"disabled\"; China host https://api.minimaxi.com/v1",
    },
    Preset {
        id: "mimo",
        name: "Xiaomi MiMo",
        base_url: "https://api.xiaomimimo.com/v1",
        needs_edit: None,
        env_key: Some("MIMO_API_KEY"),
        model_style: "plain, e.g. mimo-v2.5-pro",
        example_model: Some("mimo-v2.5-pro"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "answers 400 to hosted web_search: set web_search = \"disabled\"",
    },
    Preset {
        id: "ark",
        name: "Volcengine Ark (Doubao)",
        base_url: "https://ark.cn-beijing.volces.com/api/v3",
        needs_edit: None,
        env_key: Some("ARK_API_KEY"),
        model_style: "plain, e.g. doubao-seed-code or ark-code-latest",
        example_model: Some("ark-code-latest"),
        responses: Responses::Native,
        bridge: None,
        query_params: &[],
        http_headers: &[],
        notes: "path is /api/v3 (coding plan /api/coding/v3); BytePlus: https://ark.ap-southeast.bytepluses.com/api/coding/v3",
    },
    Preset {
        id: "nvidia",
        name: "NVIDIA NIM",
        base_url: "https://integrate.api.nvidia.com/v1",
        needs_edit: None,
        env_key: Some("NVIDIA_API_KEY"),
        model_style: "org/model, e.g. moonshotai/kimi-k2.5",
        example_model: Some("moonshotai/kimi-k2.5"),
        responses: Responses::Bridge,
        bridge: Some(via_litellm!(
            "run `litellm --model nvidia_nim/moonshotai/kimi-k2.5` with NVIDIA_NIM_API_KEY exported"
        )),
        query_params: &[],
        http_headers: &[],
        notes: "chat/completions only",
    },
];

/// The base URL Codex gives its built-in `ollama` / `lmstudio` (None for other ids), as
/// Codex 0.169 and 0.171 compute it (checked with real `codex exec`): a non-blank
/// `CODEX_OSS_BASE_URL` wins; else `http://localhost:{CODEX_OSS_PORT}/v1` when the port parses,
/// else the default port (11434, 1234). Both ids read the same two variables, and only from the
/// process environment: Codex refuses `CODEX_*` names from `$CODEX_HOME/.env`.
pub fn oss_base_url(id: &str) -> Option<String> {
    oss_base_url_from(id, &|v| crate::env::process_var(v))
}

/// [`oss_base_url`] over any variable source (for tests).
pub fn oss_base_url_from(id: &str, var: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let default_port: u32 = match id {
        "ollama" => 11434,
        "lmstudio" => 1234,
        _ => return None,
    };
    if let Some(url) = var("CODEX_OSS_BASE_URL").filter(|v| !v.trim().is_empty()) {
        return Some(url);
    }
    let port = var("CODEX_OSS_PORT").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(default_port);
    Some(format!("http://localhost:{port}/v1"))
}

/// The preset a configured provider most likely came from, for its default model: the
/// built-in `ollama` / `lmstudio` map to their local presets (whatever CODEX_OSS_* says),
/// anything else matches a hosted preset's `base_url` exactly (a trailing `/` aside).
pub fn for_provider(id: &str, base_url: Option<&str>) -> Option<&'static Preset> {
    match id {
        "ollama" => return find("ollama-local"),
        "lmstudio" => return find("lmstudio-local"),
        _ => {}
    }
    // A local server serves whatever is loaded: its preset's example model is no default.
    let url = base_url?.trim_end_matches('/');
    let local = |u: &str| ["://localhost", "://127.0.0.1", "://[::1]"].iter().any(|h| u.contains(h));
    ALL.iter().find(|p| p.needs_edit.is_none() && !local(p.base_url) && p.base_url.trim_end_matches('/') == url)
}

pub fn find(id: &str) -> Option<&'static Preset> {
    ALL.iter().find(|p| p.id == id)
}

/// The nearest preset id, for "did you mean".
pub fn closest(id: &str) -> Option<&'static Preset> {
    ids::closest(id, ALL.iter().map(|p| p.id)).and_then(find)
}

/// `find`, or [`Error::Unknown`] with the nearest id.
pub fn lookup(id: &str) -> Result<&'static Preset, Error> {
    find(id).ok_or_else(|| Error::Unknown { id: crate::redact::shown(id), suggestion: closest(id).map(|p| p.id) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything `add --preset` would write passes the same checks `add` applies to user input.
    #[test]
    fn oss_url_follows_codex() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| pairs.iter().find(|(k, _)| *k == v).map(|(_, x)| x.to_string())
        };
        assert_eq!(oss_base_url_from("ollama", &env(&[])).unwrap(), "http://localhost:11434/v1");
        assert_eq!(oss_base_url_from("lmstudio", &env(&[])).unwrap(), "http://localhost:1234/v1");
        assert_eq!(oss_base_url_from("lmstudio", &env(&[("CODEX_OSS_PORT", "9")])).unwrap(), "http://localhost:9/v1");
        assert_eq!(
            oss_base_url_from("ollama", &env(&[("CODEX_OSS_PORT", "9x")])).unwrap(),
            "http://localhost:11434/v1"
        );
        let both = env(&[("CODEX_OSS_PORT", "9"), ("CODEX_OSS_BASE_URL", "http://h:1/v1")]);
        assert_eq!(oss_base_url_from("ollama", &both).unwrap(), "http://h:1/v1");
        let blank = env(&[("CODEX_OSS_PORT", "9"), ("CODEX_OSS_BASE_URL", " ")]);
        assert_eq!(oss_base_url_from("ollama", &blank).unwrap(), "http://localhost:9/v1");
        assert_eq!(oss_base_url_from("openai", &both), None);
    }

    #[test]
    fn every_preset_validates() {
        assert!(ALL.len() >= 20);
        for p in ALL {
            ids::check_new_provider_id(p.id).unwrap_or_else(|e| panic!("{}: {}", p.id, e));
            if let Some(var) = p.env_key {
                ids::check_env_var_name("env_key", var).unwrap_or_else(|e| panic!("{}: {}", p.id, e));
            }
            let url = reqwest::Url::parse(p.base_url).unwrap_or_else(|e| panic!("{}: {e}", p.id));
            assert!(matches!(url.scheme(), "http" | "https") && url.host_str().is_some(), "{}", p.id);
            assert!(!p.base_url.ends_with('/') && !p.base_url.ends_with("/responses"), "{}", p.id);
            assert_eq!(ALL.iter().filter(|q| q.id == p.id).count(), 1, "duplicate {}", p.id);
        }
    }

    #[test]
    fn azure_needs_a_real_base_url() {
        let az = find("azure").unwrap();
        let e = az.base_url_for(None).unwrap_err();
        assert!(matches!(e, Error::NeedsBaseUrl { needs_edit, .. } if needs_edit.contains("YOUR-RESOURCE")), "{e:?}");
        let url = "https://myres.openai.azure.com/openai/v1";
        assert_eq!(az.base_url_for(Some(url)).unwrap(), url);
        assert_eq!(find("groq").unwrap().base_url_for(None).unwrap(), "https://api.groq.com/openai/v1");
    }

    #[test]
    fn lookup_suggests_the_nearest() {
        assert_eq!(closest("openroute").map(|p| p.id), Some("openrouter"));
        assert_eq!(closest("dashscop").map(|p| p.id), Some("dashscope"));
        assert_eq!(
            lookup("deepsek").unwrap_err(),
            Error::Unknown { id: "deepsek".into(), suggestion: Some("deepseek") }
        );
        assert_eq!(lookup("zzzzzzzz").unwrap_err(), Error::Unknown { id: "zzzzzzzz".into(), suggestion: None });
    }

    #[test]
    fn bridges_are_explained() {
        for p in ALL {
            if p.responses == Responses::Bridge {
                assert!(p.bridge.is_some_and(|t| t.contains("litellm --model")), "{}", p.id);
            }
            if p.responses == Responses::Native {
                assert!(p.bridge.is_none(), "{}", p.id);
            }
        }
    }
}
