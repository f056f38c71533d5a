//! `config.*` checks about what Codex will talk to: the selected `model_provider` and `model`.

use super::facts::{Facts, need_config};
use super::{Check, Status};
use crate::config::ids;
use crate::config::view::Source;

pub fn model_provider(f: &Facts) -> Check {
    const ID: &str = "config.model_provider";
    let (_, layers) = need_config!(f, ID);
    let sel = layers.selection();
    let p = sel.provider.as_str();
    let check = Check::ok(ID, "").detail("model_provider", p).detail("source", sel.provider_source.to_string());
    if p == "ollama-chat" {
        return Check { status: Status::Fail, ..check }
            .remedy("replace `ollama-chat` with `ollama` in `model_provider`")
            .tap_summary("`ollama-chat` is no longer supported (Codex refuses to start)");
    }
    if ids::is_builtin(p) {
        let s = if sel.provider_source == Source::Default {
            "no model_provider set: Codex uses the built-in `openai` provider".to_string()
        } else {
            format!("model_provider `{p}` is a built-in provider ({})", sel.provider_source)
        };
        return check.tap_summary(s);
    }
    match layers.provider(p) {
        Ok(Some(_)) => check.tap_summary(format!("model_provider `{p}` is defined ({})", sel.provider_source)),
        _ => {
            let all = layers.all_ids().unwrap_or_default();
            let near = ids::closest(p, all.iter().map(String::as_str)).filter(|n| *n != p);
            let remedy = match (p, near) {
                ("oss", _) => "use `ollama` or `lmstudio` (there is no provider id `oss`)".to_string(),
                (_, Some(n)) => format!("did you mean `{n}`? (`codex-provider use {n}`)"),
                _ => "define it with `codex-provider add` or pick another with `codex-provider use`".to_string(),
            };
            Check { status: Status::Fail, ..check }
                .tap_summary(format!("Model provider `{p}` not found (Codex refuses to start)"))
                .remedy(remedy)
        }
    }
}

impl Check {
    pub(crate) fn tap_summary(mut self, s: impl Into<String>) -> Check {
        self.summary = s.into();
        self
    }
}

pub fn model(f: &Facts) -> Check {
    const ID: &str = "config.model";
    let (_, layers) = need_config!(f, ID);
    let sel = layers.selection();
    match (&sel.model, &sel.model_source) {
        (Some(m), Some(src)) => Check::ok(ID, format!("model `{m}` ({src})")),
        _ if ids::is_builtin(&sel.provider) => {
            Check::ok(ID, "no model set: Codex picks its default for the built-in provider")
        }
        _ => Check::new(
            ID,
            Status::Warning,
            format!(
                "no model set: {} to `{}`, which it most likely does not serve",
                f.codex.default_model_sentence(),
                sel.provider
            ),
        )
        .remedy(format!("set top-level `model = \"...\"` (e.g. `codex-provider use {} --model MODEL`)", sel.provider)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::facts::tests::{input, run1};

    #[test]
    fn model_provider_must_exist() {
        let c = run1(&input("model_provider = \"gatewy\"\n[model_providers.gateway]\nname = \"g\"\n"), model_provider);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("Model provider `gatewy` not found"));
        assert!(c.remediation.unwrap().contains("did you mean `gateway`?"));
        assert_eq!(run1(&input("model_provider = \"ollama-chat\"\n"), model_provider).status, Status::Fail);
        assert_eq!(run1(&input("model_provider = \"oss\"\n"), model_provider).status, Status::Fail);
        assert_eq!(run1(&input("model_provider = \"ollama\"\n"), model_provider).status, Status::Ok);
    }

    #[test]
    fn unset_model_with_custom_provider() {
        let c = run1(&input("model_provider = \"g\"\n[model_providers.g]\nname = \"g\"\n"), model);
        assert_eq!(c.status, Status::Warning);
        assert!(c.summary.contains(crate::codex::NEWEST_TESTED_DEFAULT_MODEL), "{}", c.summary);
        assert_eq!(run1(&input(""), model).status, Status::Ok);
    }
}
