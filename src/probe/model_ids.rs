//! Model ids in a `/models` answer (OpenAI's `data[].id`, Codex's own `models[].slug`), and the
//! listed ids closest to a model the endpoint does not know.

use serde_json::Value;

use super::client::Exchange;

/// The ids a 2xx `/models` answer lists (None: not a model list).
pub fn model_ids(x: &Exchange) -> Option<Vec<String>> {
    let h = x.http().filter(|h| (200..300).contains(&h.status))?;
    let j = h.json()?;
    let mut ids = Vec::new();
    for item in j.get("data").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            ids.push(id.to_string());
        }
    }
    for item in j.get("models").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = item.get("slug").or_else(|| item.get("id")).and_then(Value::as_str) {
            ids.push(id.to_string());
        }
    }
    if ids.is_empty() && j.get("data").is_none() && j.get("models").is_none() {
        return None;
    }
    Some(ids)
}

/// Up to three listed ids closest to `model`: same name after a `vendor/` prefix first,
/// then by edit distance.
pub fn closest_models(model: &str, ids: &[String]) -> Vec<String> {
    let tail = |s: &str| s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
    let want = tail(model);
    let mut scored: Vec<(usize, &String)> = ids
        .iter()
        .filter_map(|id| {
            let t = tail(id);
            let d = if t == want { 0 } else { 1 + strsim::damerau_levenshtein(&want, &t) };
            let limit = 1 + 3.max(want.len() / 3);
            (d <= limit).then_some((d, id))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.len().cmp(&b.1.len())).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, id)| id.clone()).collect()
}

/// `1 model`, `3 models`.
pub(super) fn models_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "model" } else { "models" })
}
