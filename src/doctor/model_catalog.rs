//! `config.model_catalog`: the model catalog Codex will load, and whether it has metadata
//! for the configured model. Self-contained: it reads the catalog file itself and, when no
//! catalog is set, asks the `codex` on PATH (as `codex.version` finds it) for its bundled
//! entries.
//!
//! Codex 0.171, verified: a `model_catalog_json` naming a missing file makes every command
//! stop with `Error: No such file or directory (os error 2)` (exit 1, no path named); an
//! unparseable one with ``Error: failed to parse model_catalog_json path `P` as JSON: …``.
//! A model without an entry gets ``warning: Model metadata for `M` not found. Defaulting to
//! fallback metadata; this can degrade performance and cause issues.``

use std::path::{Path, PathBuf};

use super::facts::Facts;
use super::{Check, Status};

const ID: &str = "config.model_catalog";
const FIX: &str = "run `codex-provider catalog` (writes the bundled entries plus the endpoint's models)";

/// The effective `model_catalog_json` (the profile file's wins) and the path Codex opens
/// (a relative one is resolved against `$CODEX_HOME`, as Codex does for config.toml).
fn configured(facts: &Facts) -> Option<(String, PathBuf)> {
    let layers = facts.layers.as_ref()?;
    let raw = layers
        .profile()
        .and_then(|(_, f)| f.model_catalog_json())
        .or_else(|| layers.base().model_catalog_json())?
        .to_string();
    let path = facts.input.home.join(&raw);
    Some((raw, path))
}

fn codex_on_path(facts: &Facts) -> Option<PathBuf> {
    let (path, ext) = (facts.input.env.get("PATH")?, facts.input.env.get("PATHEXT"));
    crate::platform::process::find_in_path("codex", path.as_ref(), ext.map(|e| e.as_ref()))
}

pub fn model_catalog(facts: &Facts) -> Check {
    let Some(layers) = facts.layers.as_ref() else { return Check::skipped(ID, "the config did not load") };
    let model = layers
        .selection()
        .model
        .unwrap_or_else(|| crate::codex::release_for(facts.known.version).default_model.to_string());
    match configured(facts) {
        Some((raw, path)) => with_catalog(&raw, &path, &model),
        None => {
            let Some(bin) = codex_on_path(facts) else {
                return Check::skipped(ID, "no model_catalog_json, and no Codex on PATH to ask for its bundled models");
            };
            match crate::catalog::bundled_from_codex(&bin) {
                // The reason names the binary's path: kept out of the (stable) summary.
                Err(_) => Check::skipped(
                    ID,
                    "no model_catalog_json, and the `codex` on PATH did not list its bundled models (`codex debug models --bundled`)",
                ),
                Ok(entries) => {
                    let slugs: Vec<String> =
                        entries.iter().filter_map(|e| e.get("slug")?.as_str().map(str::to_string)).collect();
                    verdict(&model, &slugs, "Codex's bundled models")
                }
            }
        }
    }
}

fn with_catalog(raw: &str, path: &Path, model: &str) -> Check {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let why = crate::config::file::io_reason(&e);
            return Check::new(
                ID,
                Status::Fail,
                format!(
                    "model_catalog_json = \"{raw}\": {} ({why}); Codex refuses to start: `Error: No such file or directory (os error 2)`",
                    path.display()
                ),
            )
            .detail("path", path.display().to_string())
            .remedy(format!("{FIX}, or remove the model_catalog_json line"));
        }
    };
    match crate::catalog::parse_slugs(&text) {
        Err(e) => Check::new(
            ID,
            Status::Fail,
            format!(
                "Codex refuses to start: `Error: failed to parse model_catalog_json path `{}` as JSON: {e}`",
                path.display()
            ),
        )
        .detail("path", path.display().to_string())
        .remedy(format!("fix the file, or {FIX}")),
        Ok(slugs) => verdict(model, &slugs, &format!("{} ({} entries)", path.display(), slugs.len()))
            .detail("path", path.display().to_string()),
    }
}

fn verdict(model: &str, slugs: &[String], source: &str) -> Check {
    if slugs.iter().any(|s| s == model) {
        return Check::ok(ID, format!("`{model}` has metadata in {source}"));
    }
    Check::new(
        ID,
        Status::Warning,
        format!(
            "`{model}` is not in {source}: Codex prints \"Model metadata for `{model}` not found. Defaulting to fallback metadata\" (wrong context window and tool formats)"
        ),
    )
    .remedy(FIX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFile;
    use crate::doctor::DoctorInput;

    fn check(home: &Path, config: &str) -> Check {
        let mut input = DoctorInput::empty(home);
        input.base = Ok(ConfigFile::parse(&home.join("config.toml"), config.into()).unwrap());
        model_catalog(&Facts::new(&input))
    }

    #[test]
    fn missing_unparseable_unlisted_and_listed() {
        let t = tempfile::tempdir().unwrap();
        let c = check(t.path(), "model = \"m\"\nmodel_catalog_json = \"cat.json\"\n");
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("No such file or directory (os error 2)"), "{}", c.summary);
        std::fs::write(t.path().join("cat.json"), "{").unwrap();
        let c = check(t.path(), "model = \"m\"\nmodel_catalog_json = \"cat.json\"\n");
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("failed to parse model_catalog_json path"), "{}", c.summary);
        std::fs::write(t.path().join("cat.json"), r#"{"models":[{"slug":"a"}]}"#).unwrap();
        let c = check(t.path(), "model = \"m\"\nmodel_catalog_json = \"cat.json\"\n");
        assert_eq!(c.status, Status::Warning);
        assert!(c.remediation.as_deref().unwrap().contains("codex-provider catalog"));
        let c = check(t.path(), "model = \"a\"\nmodel_catalog_json = \"cat.json\"\n");
        assert_eq!(c.status, Status::Ok, "{}", c.summary);
        assert_eq!(check(t.path(), "model = \"a\"\n").status, Status::Skipped, "no catalog, no codex on PATH");
    }
}
