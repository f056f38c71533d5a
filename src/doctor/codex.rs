//! `codex.*` checks: which Codex is installed (against the supported range, README
//! "Supported Codex releases"), and whether it loads the config. The installed Codex is the
//! authority on its own file (docs/codex-facts.md): when it refuses, `codex.config_load`
//! fails with its words, and [`explain`] adds the fix for the refusals we understand.

use super::input::CodexBin;
use super::{Check, DoctorInput, Status};
use crate::codex::ask::{Load, Refusal};
use crate::codex::known;

/// `(major, minor, patch)` from text like `codex-cli 0.169.0`.
pub fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
    let v = text.split_whitespace().find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    let mut it = v.split(|c: char| !c.is_ascii_digit()).map(|p| p.parse::<u32>());
    Some((it.next()?.ok()?, it.next()?.ok()?, it.next().and_then(Result::ok).unwrap_or(0)))
}

pub fn codex_version(input: &DoctorInput) -> Check {
    const ID: &str = "codex.version";
    match &input.codex {
        CodexBin::NotInstalled => Check::skipped(ID, "codex is not on PATH (not required)"),
        CodexBin::Failed(e) => {
            Check::new(ID, Status::Warning, e.clone()).remedy("reinstall Codex: npm install -g @openai/codex")
        }
        CodexBin::Version { text, duration_ms } => {
            use crate::codex::{OLDEST_SUPPORTED, Range};
            let unsupported = format!("outside the supported range (Codex {OLDEST_SUPPORTED} and every newer release)");
            let version = crate::codex::version_in(text).unwrap_or("");
            let mut c = match (crate::codex::range(version), parse_version(text)) {
                (Range::Unknown, _) | (_, None) => {
                    Check::new(ID, Status::Warning, format!("cannot read the version from `{text}`"))
                }
                (Range::TooOld, Some(v)) if v < (0, 95, 0) => Check::new(ID, Status::Warning, format!(
                    "{text} is {unsupported}: it still accepts wire_api = \"chat\" and legacy profiles, which Codex refuses since 0.95"
                ))
                .remedy("update: npm install -g @openai/codex"),
                (Range::TooOld, Some(v)) if v < (0, 134, 0) => Check::new(ID, Status::Warning, format!(
                    "{text} is {unsupported}: profile files (NAME.config.toml) are read only since 0.134"
                ))
                .remedy("update: npm install -g @openai/codex"),
                (Range::TooOld, _) => Check::new(ID, Status::Warning, format!("{text} is {unsupported}"))
                    .remedy("update: npm install -g @openai/codex"),
                (Range::NewerThanTested, _) => {
                    let note = "newer than any release codex-provider was tested with; what it says about Codex is read from this binary";
                    Check::ok(ID, format!("{text} ({note})")).detail("note", note)
                }
                (Range::Supported, _) => Check::ok(ID, text.clone()),
            };
            c.duration_ms = *duration_ms;
            c.detail("version", text.clone())
        }
    }
}

pub fn config_load(input: &DoctorInput) -> Check {
    const ID: &str = "codex.config_load";
    let version = match &input.codex {
        CodexBin::Version { text, .. } => text.clone(),
        CodexBin::NotInstalled => return Check::skipped(ID, "no Codex found (PATH or CODEX_BIN): nothing to ask"),
        CodexBin::Failed(_) => return Check::skipped(ID, "the installed Codex does not answer (see codex.version)"),
    };
    let Some(v) = &input.codex_load else {
        return Check::skipped(ID, format!("{} does not exist, so there is no config to load", input.home.display()));
    };
    let what = match &input.options.profile {
        Some(p) if input.profile_files.contains_key(p) => format!("config.toml with {p}.config.toml (--profile {p})"),
        _ => "config.toml".to_string(),
    };
    let mut check = match &v.load {
        Load::Loads => Check::ok(ID, format!("{version} loads {what}")),
        Load::NoAnswer(why) => Check::skipped(ID, format!("could not ask {version}: {why}")),
        Load::Refused(r) => refused(ID, &version, r),
    };
    check.duration_ms = v.duration_ms;
    check.detail("codex", version)
}

fn refused(id: &'static str, version: &str, r: &Refusal) -> Check {
    let mut c = Check::new(id, Status::Fail, format!("{version} refuses to start: {}", r.detail))
        .detail("detail", r.detail.clone());
    if let Some(f) = &r.file {
        c = c.detail("filePath", f.clone());
    }
    if let (Some(l), Some(col)) = (r.line, r.column) {
        c = c.detail("position", format!("line {l}, column {col}"));
    }
    c.remedy(explain(&r.detail).unwrap_or_else(|| "fix what Codex names above (it will not start until then)".into()))
}

/// The fix for a refusal we understand, in Codex's vocabulary.
pub fn explain(detail: &str) -> Option<String> {
    if let Some(e) = known::VALUE_ENUMS
        .iter()
        .find_map(|e| e.retired.iter().find(|(_, msg)| detail.contains(msg)).map(|(v, _)| (e, v)))
    {
        return Some(format!(
            "remove `{} = \"{}\"` (Codex no longer accepts it), or set one of: {}",
            e.0.key,
            e.1,
            e.0.values.iter().filter(|x| *x != e.1).map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")
        ));
    }
    if detail.contains("unknown variant") {
        return Some("set the value at that position to one of the values Codex lists".into());
    }
    if detail.contains("invalid type:") {
        return Some(
            "give the value at that position the type Codex expects (e.g. quote a model name: `model = \"gpt-5\"`)"
                .into(),
        );
    }
    if detail.contains("No such file or directory") {
        return Some("a file the config names does not exist: check `model_catalog_json` and the other *_file settings (or remove them)".into());
    }
    if detail.contains("CODEX_HOME points to") {
        return Some("create the folder (`mkdir -p` it) or unset CODEX_HOME".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codex::ask::Verdict;
    use std::path::Path;

    #[test]
    fn versions() {
        assert_eq!(parse_version("codex-cli 0.169.0"), Some((0, 169, 0)));
        let mut i = DoctorInput::empty(Path::new("/h"));
        i.codex = CodexBin::Version { text: "codex-cli 0.133.0".into(), duration_ms: 5 };
        assert_eq!(codex_version(&i).status, Status::Warning);
        i.codex = CodexBin::Version { text: "codex-cli 0.159.0".into(), duration_ms: 5 };
        let c = codex_version(&i);
        assert_eq!(c.status, Status::Warning);
        assert_eq!(
            c.summary,
            "codex-cli 0.159.0 is outside the supported range (Codex 0.160.0 and every newer release)"
        );
        i.codex = CodexBin::Version { text: "codex-cli 0.169.0".into(), duration_ms: 5 };
        assert_eq!(codex_version(&i).status, Status::Ok);
        i.codex = CodexBin::Version { text: "codex-cli 0.999.0".into(), duration_ms: 5 };
        let c = codex_version(&i);
        assert_eq!(c.status, Status::Ok);
        assert!(c.summary.starts_with("codex-cli 0.999.0 (newer than any release") && c.details.contains_key("note"));
        i.codex = CodexBin::NotInstalled;
        assert_eq!(codex_version(&i).status, Status::Skipped);
    }

    #[test]
    fn config_load_speaks_for_codex() {
        let mut i = DoctorInput::empty(Path::new("/h"));
        assert_eq!(config_load(&i).status, Status::Skipped);
        i.codex = CodexBin::Version { text: "codex-cli 0.171.0".into(), duration_ms: 5 };
        i.codex_load = Some(Verdict { load: Load::Loads, ignored: vec![], strict: true, duration_ms: 3 });
        let c = config_load(&i);
        assert_eq!((c.status, c.summary.as_str()), (Status::Ok, "codex-cli 0.171.0 loads config.toml"));
        let detail = "approval_policy = \"untrusted\" is no longer supported; remove this setting".to_string();
        i.codex_load = Some(Verdict {
            load: Load::Refused(Refusal { file: None, line: None, column: None, detail }),
            ignored: vec![],
            strict: true,
            duration_ms: 3,
        });
        let c = config_load(&i);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("is no longer supported"), "{}", c.summary);
        assert!(c.remediation.unwrap().contains("`on-request`"));
    }
}
