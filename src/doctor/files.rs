//! `config.*` checks about the files themselves: does config.toml parse, the profile files
//! next to it, a project-local `.codex/config.toml`, and legacy `[profiles.*]` tables.

use super::facts::{Facts, need_config, plural};
use super::findings::Findings;
use super::{Check, Status};
use crate::config::view::Layers;
use crate::config::{ConfigFile, ids};

/// Keys Codex drops from a project-local `.codex/config.toml` (contract §5.4).
const PROJECT_DENYLIST: &[&str] = &[
    "openai_base_url",
    "chatgpt_base_url",
    "apps_mcp_product_sku",
    "model_provider",
    "model_providers",
    "notify",
    "profile",
    "profiles",
    "experimental_realtime_webrtc_call_base_url",
    "experimental_realtime_ws_base_url",
    "otel",
];

/// Why Codex refuses the `CODEX_HOME` of the environment doctor runs in, in Codex's words
/// (0.171: every command stops before reading any config). Only `$CODEX_HOME` counts: Codex
/// has no `--codex-home`, and it creates a missing `~/.codex` itself.
fn codex_home_refused(f: &Facts) -> Option<(String, String)> {
    let v = f.input.env.get("CODEX_HOME").filter(|v| !v.is_empty())?;
    let problem = match std::fs::metadata(v) {
        Ok(m) if m.is_dir() => return None,
        Ok(_) => "is not a directory",
        Err(_) => "does not exist",
    };
    Some((v.clone(), format!("Error finding codex home: CODEX_HOME points to \"{v}\", but that path {problem}")))
}

/// The home doctor reads is `~/.codex` with no `$CODEX_HOME`: Codex creates it when missing.
fn is_codex_default_home(f: &Facts) -> bool {
    let env = &f.input.env;
    env.get("CODEX_HOME").is_none_or(|v| v.is_empty())
        && env.get("HOME").is_some_and(|h| std::path::Path::new(h).join(".codex") == f.input.home)
}

pub fn parse(f: &Facts) -> Check {
    const ID: &str = "config.parse";
    if let Some((dir, said)) = codex_home_refused(f) {
        return Check::new(ID, Status::Fail, format!("Codex refuses to start: {said}"))
            .detail("CODEX_HOME", dir)
            .remedy("create it with `mkdir -p \"$CODEX_HOME\"`, or unset CODEX_HOME to use ~/.codex");
    }
    match &f.input.base {
        Err(msg) => Check::new(ID, Status::Fail, msg.clone())
            .detail("error", msg.clone())
            .remedy("fix the TOML at that line and column by hand (doctor never writes a file that does not parse); `codex-provider undo` restores the last backup codex-provider made"),
        // `--codex-home DIR` that Codex itself does not use (no `$CODEX_HOME` names it).
        Ok(b) if !f.input.home.is_dir() && !is_codex_default_home(f) => Check::new(
            ID,
            Status::Warning,
            format!("{} does not exist: no config.toml there", f.input.home.display()),
        )
        .detail("path", b.path.display().to_string())
        .remedy(format!("check the path, or create it with `mkdir -p \"{}\"`", f.input.home.display())),
        Ok(b) if !b.existed => Check::ok(ID, "no config.toml: Codex uses its built-in defaults")
            .detail("path", b.path.display().to_string()),
        Ok(b) => Check::ok(ID, "config.toml parses").detail("path", b.path.display().to_string()),
    }
}

pub fn legacy_profiles(f: &Facts) -> Check {
    const ID: &str = "config.legacy_profiles";
    let (base, _) = need_config!(f, ID);
    let selector = base.legacy_profile_selector().map(str::to_string);
    let tables = base.legacy_profiles();
    if selector.is_none() && tables.is_empty() {
        return Check::ok(ID, "no legacy [profiles.*] tables or `profile = ...`");
    }
    let mut check = Check::new(ID, Status::Warning, "");
    if let Some(s) = &selector {
        check = check.detail("profile", format!("{s:?} (top-level selector)"));
    }
    for t in &tables {
        check = check.detail(format!("profiles.{t}"), "legacy table: `codex --profile` refuses it");
    }
    let mut parts = Vec::new();
    if let Some(s) = &selector {
        check.status = Status::Fail;
        parts.push(format!(
            "legacy `profile = \"{s}\"` config is no longer supported; use `--profile {s}` with `{s}.config.toml` instead"
        ));
    }
    // The guides teach exactly `codex --profile x`, and Codex refuses it while the legacy
    // table is there: that is a failure, in Codex's words, not dead config.
    let mut named: Vec<&str> = tables.iter().map(String::as_str).collect();
    if let Some(p) = f.input.options.profile.as_deref()
        && selector.as_deref() == Some(p)
        && !named.contains(&p)
    {
        named.push(p);
    }
    // The one the user asked about (`--profile p`) first.
    if let Some(i) = f.input.options.profile.as_deref().and_then(|p| named.iter().position(|n| *n == p)) {
        let p = named.remove(i);
        named.insert(0, p);
    }
    // Codex's own message, for the first name; the others only by name (the same words).
    if let Some((first, rest)) = named.split_first() {
        check.status = Status::Fail;
        let also = match rest {
            [] => String::new(),
            r => format!(" (and so does `--profile {}`)", r.join("`, `--profile ")),
        };
        parts.push(format!(
            "`codex --profile {first}` refuses to start{also}: --profile `{first}` cannot be used while {}/config.toml contains legacy `profile = \"{first}\"` or `[profiles.{first}]` config",
            f.input.home.display()
        ));
    }
    check.summary = parts.join("; ");
    check.remedy("`codex-provider doctor --fix` (or `codex-provider profile migrate`) moves them into NAME.config.toml files; then run `codex --profile NAME`")
}

pub fn profile_files(f: &Facts) -> Check {
    const ID: &str = "config.profile_files";
    let files = &f.input.profile_files;
    let mut check = Check::ok(ID, "");
    let mut found = Findings::default();
    for (name, loaded) in files {
        match loaded {
            Err(e) => {
                found.add(Status::Fail, e.clone()).remedy(format!("fix {name}.config.toml by hand"));
            }
            Ok(cf) => {
                if ids::check_profile_name(name).is_err() {
                    found
                        .add(
                            Status::Warning,
                            format!(
                                "{name}.config.toml cannot be selected: `codex --profile` accepts only [A-Za-z0-9_-]+"
                            ),
                        )
                        .remedy("rename the file to a plain name such as work.config.toml");
                    continue;
                }
                if let (Some(p), Some(base)) = (cf.selection().provider, f.base) {
                    let p = p.as_str();
                    let l = Layers::new(base, Some((name, cf)));
                    if !ids::is_builtin(p) && !matches!(l.provider(p), Ok(Some(_))) {
                        found
                            .add(
                                Status::Warning,
                                format!("{name}.config.toml selects model_provider `{p}`, which is not defined"),
                            )
                            .remedy(format!("define `{p}` or fix model_provider in {name}.config.toml"));
                    }
                }
                check = check.detail(format!("{name}.config.toml"), "parses");
            }
        }
    }
    if let Some(p) = &f.input.options.profile {
        if ids::check_profile_name(p).is_err() {
            let shown = crate::redact::shown(p);
            found
                .add(Status::Fail, format!("invalid --profile value `{shown}`: Codex accepts only [A-Za-z0-9_-]+"))
                .remedy("pass a plain name such as `work`");
        } else if !files.contains_key(p) {
            found
                .add(Status::Fail, format!("{p}.config.toml does not exist: `codex --profile {p}` silently ignores that and runs with config.toml alone"))
                .remedy(format!("create it with `codex-provider use PROVIDER --profile {p}`"));
        }
    }
    if found.is_empty() {
        check.summary = if files.is_empty() {
            "no profile files".into()
        } else {
            format!("{} parse", plural(files.len(), "profile file", "profile files"))
        };
        return check;
    }
    found.into_check(check)
}

pub fn project_local(f: &Facts) -> Check {
    const ID: &str = "config.project_local";
    let Some((path, loaded)) = &f.input.project_local else {
        return Check::ok(ID, "no project-local .codex/config.toml");
    };
    let dir = path.parent().and_then(|p| p.parent()).unwrap_or(path);
    let check = Check::ok(ID, "").detail("path", path.display().to_string());
    let cf: &ConfigFile = match loaded {
        Ok(cf) => cf,
        Err(e) => {
            return Check { status: Status::Warning, ..check }
                .tap_summary(e.clone())
                .remedy("fix the TOML in the project's .codex/config.toml");
        }
    };
    let found: Vec<&str> = cf.root_keys().into_iter().filter(|k| PROJECT_DENYLIST.contains(k)).collect();
    if found.is_empty() {
        return check.tap_summary(format!("{} sets no provider keys", path.display()));
    }
    Check { status: Status::Warning, ..check }
        .tap_summary(format!(
            "Ignored unsupported project-local config keys in {}/.codex/config.toml: {}",
            dir.display(),
            found.join(", ")
        ))
        .remedy(format!(
            "providers can only live in {}/config.toml or a profile file: move these keys there",
            f.input.home.display()
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::facts::tests::{corpus, input, run1};
    use crate::doctor::input::Options;
    use std::path::Path;

    #[test]
    fn parse_error_is_a_fail_with_position() {
        let c = run1(&input(&corpus("19-invalid-unclosed-string.toml")), parse);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("config.toml:10:48"), "{}", c.summary);
        let skipped = run1(&input(&corpus("19-invalid-unclosed-string.toml")), crate::doctor::providers::wire_api);
        assert_eq!(skipped.status, Status::Skipped);
    }

    #[test]
    fn missing_codex_home_is_a_fail_only_when_codex_uses_it() {
        let mut i = input("");
        i.env.insert("CODEX_HOME".into(), "/nonexistent/codex-home".into());
        let c = run1(&i, parse);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("CODEX_HOME points to \"/nonexistent/codex-home\", but that path does not exist"));
        assert!(c.remediation.unwrap().contains("mkdir -p \"$CODEX_HOME\""));
        // `--codex-home /h` (missing) while Codex itself would use ~/.codex: a warning.
        i.env.clear();
        i.env.insert("HOME".into(), "/nonexistent".into());
        assert_eq!(run1(&i, parse).status, Status::Warning);
        // ~/.codex itself missing: Codex creates it.
        let mut i = crate::doctor::DoctorInput::empty(Path::new("/nonexistent/.codex"));
        i.env.insert("HOME".into(), "/nonexistent".into());
        assert_eq!(run1(&i, parse).status, Status::Ok);
    }

    #[test]
    fn legacy_profiles_levels() {
        let c = run1(&input(&corpus("04-legacy-profile-selected.toml")), legacy_profiles);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("legacy `profile = \"deep\"` config is no longer supported"));
        assert!(c.remediation.unwrap().contains("codex-provider profile migrate"));
        let mut i = input(&corpus("05-legacy-profiles-parent-header.toml"));
        // A table alone: `codex --profile NAME` (what the guides teach) is refused.
        let c = run1(&i, legacy_profiles);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("refuses to start (and so does `--profile review`"), "{}", c.summary);
        assert!(c.remediation.unwrap().contains("doctor --fix"));
        i.options = Options { profile: Some("review".into()), ..Default::default() };
        let c = run1(&i, legacy_profiles);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("--profile `review` cannot be used"), "{}", c.summary);
    }

    #[test]
    fn profile_files_missing_and_broken() {
        let mut i = input(&corpus("18-base-for-profiles.toml"));
        i.profile_files.insert(
            "work".into(),
            ConfigFile::parse(Path::new("/h/work.config.toml"), corpus("profiles/work.config.toml"))
                .map_err(|e| e.to_string()),
        );
        assert_eq!(run1(&i, profile_files).status, Status::Ok);
        i.options.profile = Some("wrok".into());
        let c = run1(&i, profile_files);
        assert_eq!(c.status, Status::Fail);
        assert!(c.summary.contains("wrok.config.toml does not exist"));
        i.profile_files.insert("bad".into(), Err("/h/bad.config.toml:1:5: boom".into()));
        assert!(run1(&i, profile_files).summary.contains("bad.config.toml:1:5"));
    }
}
