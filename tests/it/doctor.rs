//! `doctor`: one fixture per failing check (human and JSON), a clean config, several
//! problems in one run, `--fix` in/out, and the real Codex CLI as an oracle.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Home, Run};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/doctor").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A scratch working directory outside any project (no project-local `.codex/`).
struct Doctor {
    home: Home,
    cwd: tempfile::TempDir,
    env: Vec<(String, String)>,
}

impl Doctor {
    fn new(config: &str) -> Doctor {
        let home = Home::new();
        home.write("config.toml", config);
        Doctor { home, cwd: tempfile::tempdir().unwrap(), env: vec![("DOCTOR_GW_KEY".into(), "k".repeat(51))] }
    }
    fn fixture(name: &str) -> Doctor {
        Doctor::new(&fixture(name))
    }
    fn env(mut self, k: &str, v: &str) -> Doctor {
        self.env.retain(|(n, _)| n != k);
        self.env.push((k.into(), v.into()));
        self
    }
    fn unset(mut self, k: &str) -> Doctor {
        self.env.retain(|(n, _)| n != k);
        self
    }
    /// Runs with a deterministic environment: `Home::cmd`'s scrub (no OpenAI/proxy/CA
    /// variables) and no `codex` on PATH.
    fn run(&self, args: &[&str]) -> Run {
        let mut c = self.home.cmd(args);
        c.current_dir(self.cwd.path()).env("PATH", "");
        c.env_remove("DOCTOR_GW_KEY"); // set below unless unset: never the developer's own
        for (k, v) in &self.env {
            c.env(k, v);
        }
        Run::from(c.output().unwrap())
    }
    fn json(&self, extra: &[&str]) -> (i32, Value) {
        let mut args = vec!["doctor", "--offline", "--json"];
        args.extend_from_slice(extra);
        let r = self.run(&args);
        (r.code, r.json())
    }
    fn human(&self, extra: &[&str]) -> Run {
        let mut args = vec!["doctor", "--offline"];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

fn status<'a>(v: &'a Value, id: &str) -> &'a str {
    v["checks"][id]["status"].as_str().unwrap_or_else(|| panic!("no check {id} in {v:#}"))
}

/// Asserts one check's status and summary fragment in both JSON and human output.
#[track_caller]
fn assert_check(d: &Doctor, extra: &[&str], id: &str, want: &str, fragment: &str) {
    let (code, v) = d.json(extra);
    assert_eq!(status(&v, id), want, "{:#}", v["checks"][id]);
    let summary = v["checks"][id]["summary"].as_str().unwrap();
    assert!(summary.contains(fragment), "{id} summary: {summary}");
    if want == "fail" {
        assert_eq!(code, 1);
        assert_eq!(v["overallStatus"], "fail");
        assert!(v["checks"][id]["remediation"].is_string(), "a failure carries its remedy");
    }
    let h = d.human(extra);
    assert_eq!(h.code, code);
    let sym = match want {
        "fail" => "✗",
        "warning" => "⚠",
        "ok" => "✓",
        _ => "-",
    };
    let line = h
        .stdout
        .lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap_or_else(|| panic!("{id} not in\n{}", h.stdout));
    assert!(line.trim_start().starts_with(sym) && line.contains(fragment), "{line}");
}

#[test]
fn clean_config_is_all_ok() {
    let d = Doctor::fixture("clean.toml");
    let (code, v) = d.json(&[]);
    assert_eq!(code, 0);
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["overallStatus"], "ok");
    for (id, c) in v["checks"].as_object().unwrap() {
        assert_eq!(c["id"], id.as_str());
        for k in ["category", "summary", "details", "remediation", "durationMs"] {
            assert!(c.get(k).is_some(), "{id} lacks {k}");
        }
        let s = c["status"].as_str().unwrap();
        assert!(s == "ok" || s == "skipped", "{id}: {c:#}");
    }
    assert_eq!(status(&v, "provider.responses"), "skipped");
    assert_eq!(v["checks"]["env.key"]["summary"], "DOCTOR_GW_KEY (set, 51 chars)");
    let h = d.human(&[]);
    h.code(0);
    assert!(h.stdout.starts_with("config\n  ✓ config.parse"), "{}", h.stdout);
    assert!(h.stdout.ends_with("18 ok, 9 skipped\n"), "{}", h.stdout);
    assert_eq!(d.human(&["--summary"]).stdout, "18 ok, 9 skipped\n");
    assert!(!d.human(&[]).stdout.contains(&"k".repeat(51)), "never print a key");
}

/// A config whose active provider `gw` points at `base` with key variable DOCTOR_GW_KEY.
fn served_config(base: &str) -> String {
    format!(
        "model = \"mock-model\"\nmodel_provider = \"gw\"\n\n[model_providers.gw]\nname = \"GW\"\nbase_url = \"{base}\"\nenv_key = \"DOCTOR_GW_KEY\"\nwire_api = \"responses\"\n"
    )
}

#[test]
fn network_checks_pass_against_a_working_endpoint() {
    let server = crate::support::server::Server::start(crate::support::server::Mode::Ok);
    let d = Doctor::new(&served_config(&server.base()));
    let r = d.run(&["doctor", "--json"]);
    let v = r.json();
    for id in [
        "provider.reachable",
        "provider.auth",
        "provider.responses",
        "provider.stream",
        "provider.model",
        "provider.tools",
    ] {
        assert_eq!(status(&v, id), "ok", "{id}: {:#}", v["checks"][id]);
    }
    assert_eq!(r.code, 0, "{}", r.stderr);
    let auth = server.requests().iter().filter_map(|q| q.header("authorization").map(str::to_string)).next();
    assert_eq!(
        auth.as_deref(),
        Some(format!("Bearer {}", "k".repeat(51)).as_str()),
        "the key was sent to the endpoint"
    );
    assert!(!r.stdout.contains(&"k".repeat(51)) && !r.stderr.contains(&"k".repeat(51)), "never print a key");
}

#[test]
fn network_checks_fail_where_codex_would() {
    use crate::support::server::{Bad, Mode, Server};
    for (mode, failing) in [
        (Mode::Unauthorized, "provider.auth"),
        (Mode::NotFound, "provider.responses"),
        (Mode::ChatOnly, "provider.responses"),
        (Mode::Bad(Bad::DeltasOnly), "provider.stream"),
        (Mode::ModelNotFound, "provider.model"),
    ] {
        let server = Server::start(mode.clone());
        let d = Doctor::new(&served_config(&server.base()));
        let (code, v) = {
            let r = d.run(&["doctor", "--json"]);
            (r.code, r.json())
        };
        assert_eq!(status(&v, failing), "fail", "{mode:?}: {:#}", v["checks"][failing]);
        assert_eq!(code, 1, "{mode:?}");
        assert!(v["checks"][failing]["remediation"].as_str().is_some_and(|s| !s.is_empty()), "{mode:?}: no remedy");
    }
    // A closed port: unreachable, reported at once (Codex itself would retry forever).
    let d = Doctor::new(&served_config("http://127.0.0.1:9/v1"));
    let start = Instant::now();
    // A clock of 600 s: only a refusal reported at once, not a timeout, fits the bound even on
    // a loaded machine.
    let r = d.run(&["doctor", "--json", "--timeout", "600"]);
    let v = r.json();
    assert_eq!(status(&v, "provider.reachable"), "fail");
    assert!(start.elapsed() < Duration::from_secs(120), "a refused connection took {:?}", start.elapsed());
}

#[cfg(unix)] // a wall-clock bound (4 x 600 ms in under 1.5 s); a process start-up under Wine takes about that alone
#[test]
fn all_probes_providers_concurrently() {
    use crate::support::server::{Mode, Server};
    // A latency long enough that a loaded machine's own slowness (seconds, at load 30 on two
    // cores) cannot pass for, or hide, four sequential probes.
    let latency = Duration::from_secs(5);
    let servers: Vec<Server> = (0..4).map(|_| Server::start_with(Mode::Ok, latency)).collect();
    let mut cfg = String::from("model = \"mock-model\"\nmodel_provider = \"p0\"\n");
    for (i, s) in servers.iter().enumerate() {
        cfg.push_str(&format!(
            "\n[model_providers.p{i}]\nname = \"P{i}\"\nbase_url = \"{}\"\nenv_key = \"DOCTOR_GW_KEY\"\n",
            s.base()
        ));
    }
    let d = Doctor::new(&cfg);
    let start = Instant::now();
    let r = d.run(&["doctor", "--all", "--json"]);
    let wall = start.elapsed();
    let v = r.json();
    assert_eq!(status(&v, "provider.responses"), "ok", "{:#}", v["checks"]["provider.responses"]);
    for s in &servers {
        assert!(s.requests().iter().any(|q| q.path.ends_with("/responses")), "a provider was not probed");
    }
    let ratio = wall.as_secs_f64() / latency.as_secs_f64();
    eprintln!("doctor --all over 4 providers with {latency:?} latency each: {wall:?} (ratio {ratio:.2})");
    assert!(ratio < 2.5, "providers were not probed concurrently: {wall:?} for 4 x {latency:?}");
}

/// `doctor --all`: each provider's stages under its own heading and key; a stage a provider
/// never reached is skipped with the reason, even when another provider passed it.
#[test]
fn all_reports_per_provider() {
    use crate::support::server::{Mode, Server};
    let (good, bad) = (Server::start(Mode::Ok), Server::start(Mode::Unauthorized));
    let cfg = format!(
        "model = \"mock-model\"\nmodel_provider = \"bad\"\n\n[model_providers.good]\nname = \"G\"\nbase_url = \"{}\"\nenv_key = \"DOCTOR_GW_KEY\"\n\n[model_providers.bad]\nname = \"B\"\nbase_url = \"{}\"\nenv_key = \"DOCTOR_GW_KEY\"\n",
        good.base(),
        bad.base()
    );
    let d = Doctor::new(&cfg);
    let v = d.run(&["doctor", "--all", "--json"]).json();
    let check = |key: &str| &v["checks"][key];
    // The active provider (`bad`) keeps the plain ids; the other is keyed `ID@PROVIDER`.
    assert_eq!(check("provider.auth")["provider"], "bad", "{v:#}");
    assert_eq!(check("provider.auth")["status"], "fail");
    assert_eq!(check("provider.responses")["status"], "skipped", "never ✓ for an unreached stage");
    assert!(check("provider.responses")["summary"].as_str().unwrap().contains("not reached"));
    assert_eq!(check("provider.responses@good")["status"], "ok", "{v:#}");
    assert_eq!(check("provider.responses@good")["id"], "provider.responses");
    assert_eq!(check("provider.tools@good")["provider"], "good");
    let human = d.run(&["doctor", "--all"]).stdout;
    let (bad_at, good_at) = (human.find("provider bad\n").unwrap(), human.find("provider good\n").unwrap());
    assert!(bad_at < good_at, "the active provider first:\n{human}");
    let net_lines = human.lines().filter(|l| l.contains(" provider.") && !l.contains("provider.bridge"));
    assert!(net_lines.clone().all(|l| !l.contains("; ")), "no `;`-joined providers:\n{human}");
    assert_eq!(net_lines.count(), 12, "six stages for each of the two providers:\n{human}");
}

#[test]
fn each_failing_check() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("invalid-toml.toml", "config.parse", "fail", "config.toml:10:48: invalid basic string"),
        ("wire-api-chat.toml", "config.wire_api", "fail", "`wire_api = \"chat\"` is no longer supported"),
        ("reserved-openai.toml", "config.reserved_ids", "fail", "reserved built-in provider IDs: `openai`"),
        (
            "provider-no-name.toml",
            "config.provider_name",
            "fail",
            "model_providers.mock: provider name must not be empty",
        ),
        (
            "typo-base-uri.toml",
            "config.unknown_keys",
            "warning",
            "model_providers.inferix.base_uri (did you mean `base_url`?)",
        ),
        (
            "typo-base-uri.toml",
            "config.base_url",
            "fail",
            "no base_url (`base_uri` is a typo Codex ignores), so Codex sends this provider's requests and key to https://api.openai.com/v1",
        ),
        ("misplaced-keys.toml", "config.misplaced_keys", "fail", "`model_provider = \"gateway\"` is inside [projects."),
        (
            "legacy-profile.toml",
            "config.legacy_profiles",
            "fail",
            "legacy `profile = \"deep\"` config is no longer supported",
        ),
        ("model-wrong-type.toml", "config.types", "fail", "`model` must be a string, not an integer"),
        ("model-wrong-type.toml", "config.provider_name", "ok", "every custom provider has a name"),
        ("unknown-provider.toml", "config.model_provider", "fail", "Model provider `gatewy` not found"),
        ("no-model.toml", "config.model", "warning", "gpt-6.2-sol"),
        ("base-url.toml", "config.base_url", "fail", "base_url has a query string"),
        ("auth-conflict.toml", "config.auth_conflict", "fail", "provider auth cannot be combined with env_key"),
        ("secret-in-env-key.toml", "env.key", "fail", "looks like an API key"),
    ];
    for (file, id, want, fragment) in cases {
        assert_check(&Doctor::fixture(file), &[], id, want, fragment);
    }
    // The key itself never shows up, not even from env_key.
    assert!(!Doctor::fixture("secret-in-env-key.toml").human(&["-v"]).stdout.contains("Zx81kq0"));
}

#[test]
fn parse_error_is_reported_not_crashed_and_never_written() {
    let d = Doctor::fixture("invalid-toml.toml");
    let r = d.run(&["doctor", "--offline", "--fix", "--yes"]);
    r.code(1);
    assert!(r.stdout.contains("✗ config.parse"), "{}", r.stdout);
    assert_eq!(d.home.read("config.toml"), fixture("invalid-toml.toml"));
    let (_, v) = d.json(&[]);
    assert_eq!(status(&v, "config.wire_api"), "skipped");
}

#[test]
fn environment_checks() {
    let clean = || Doctor::fixture("clean.toml");
    assert_check(
        &clean().unset("DOCTOR_GW_KEY"),
        &[],
        "env.key",
        "fail",
        "Missing environment variable: `DOCTOR_GW_KEY`.",
    );
    let d = clean().unset("DOCTOR_GW_KEY");
    d.home.write(".env", "DOCTOR_GW_KEY=from-dotenv-1234\n");
    assert_check(&d, &[], "env.key", "ok", "(set in ");
    assert!(!d.human(&["-v"]).stdout.contains("from-dotenv-1234"));
    assert_check(
        &clean().env("OPENAI_BASE_URL", "http://x/v1"),
        &[],
        "env.openai_vars",
        "warning",
        "OPENAI_BASE_URL is set but Codex ignores it",
    );
    assert_check(
        &clean().env("HTTPS_PROXY", "http://127.0.0.1:9"),
        &[],
        "env.proxy",
        "fail",
        "127.0.0.1:9, where nothing is listening",
    );
    // Windows' environment is case-insensitive: HTTP_PROXY and http_proxy are one variable there.
    #[cfg(unix)]
    assert_check(
        &clean().env("HTTP_PROXY", "http://proxy.corp:8080").env("http_proxy", "http://other.corp:3128"),
        &[],
        "env.proxy",
        "warning",
        "HTTP_PROXY and http_proxy disagree",
    );
    assert_check(&clean().env("SSL_CERT_FILE", "/nonexistent/ca.pem"), &[], "env.ca_bundle", "fail", "does not exist");
}

#[test]
fn profile_and_project_checks() {
    let d = Doctor::fixture("clean.toml");
    assert_check(&d, &["--profile", "work"], "config.profile_files", "fail", "work.config.toml does not exist");
    d.home.write("broken.config.toml", "model = \"x\n");
    assert_check(&d, &[], "config.profile_files", "fail", "broken.config.toml:1:");
    let d = Doctor::fixture("clean.toml");
    std::fs::create_dir_all(d.cwd.path().join(".git")).unwrap();
    std::fs::create_dir_all(d.cwd.path().join(".codex")).unwrap();
    std::fs::write(d.cwd.path().join(".codex/config.toml"), "model_provider = \"gw\"\n").unwrap();
    assert_check(&d, &[], "config.project_local", "warning", "Ignored unsupported project-local config keys in");
}

#[test]
fn old_codex_on_path_is_a_warning() {
    let d = Doctor::fixture("clean.toml");
    let bin = d.cwd.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    crate::support::fake_codex(&bin, "0.133.0");
    let mut c = d.home.cmd(&["doctor", "--offline", "--json"]);
    c.current_dir(d.cwd.path()).env("PATH", &bin).env("DOCTOR_GW_KEY", "x");
    let v: Value = serde_json::from_slice(&c.output().unwrap().stdout).unwrap();
    assert_eq!(status(&v, "codex.version"), "warning");
    assert_eq!(
        v["checks"]["codex.version"]["summary"],
        "codex-cli 0.133.0 is outside the supported range (Codex 0.160.0 and every newer release): profile files (NAME.config.toml) are read only since 0.134"
    );
}

#[test]
fn unknown_provider_flag_is_a_usage_error() {
    let r = Doctor::fixture("clean.toml").human(&["--provider", "gww"]);
    r.code(2);
    assert!(r.stderr.contains("unknown provider `gww`") && r.stderr.contains("did you mean `gw`?"), "{}", r.stderr);
}

#[test]
fn several_problems_in_one_run() {
    let d = Doctor::fixture("many-problems.toml");
    let (code, v) = d.json(&[]);
    assert_eq!(code, 1);
    for id in ["config.wire_api", "config.reserved_ids", "config.provider_name", "config.legacy_profiles"] {
        assert_eq!(status(&v, id), "fail", "{id}");
    }
    assert_eq!(status(&v, "config.unknown_keys"), "warning");
    let h = d.human(&[]);
    assert_eq!(status(&v, "config.base_url"), "warning", "the unused provider's base_uri typo");
    assert!(h.stdout.trim_end().ends_with("4 failed, 3 warnings, 11 ok, 9 skipped"), "{}", h.stdout);
}

/// Lines that differ between `a` and `b` (same line count required).
fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    assert_eq!(la.len(), lb.len(), "line count changed");
    la.iter().zip(&lb).filter(|(x, y)| x != y).map(|(x, y)| (x.to_string(), y.to_string())).collect()
}

#[test]
fn fix_in_out() {
    // (fixture, the only lines allowed to change are ones containing one of these)
    let cases: &[(&str, &[&str])] = &[
        ("wire-api-chat.toml", &["wire_api"]),
        ("reserved-openai.toml", &["model_provider = ", "[model_providers.openai"]),
        ("typo-base-uri.toml", &["base_ur"]),
    ];
    for (name, owned) in cases {
        let before = fixture(name);
        let d = Doctor::new(&before);
        let r = d.run(&["doctor", "--offline", "--fix", "--yes"]);
        let after = d.home.read("config.toml");
        assert_eq!(after, fixture(&format!("fix/{name}")), "{name}\n{}", r.stderr);
        for (old, new) in changed_lines(&before, &after) {
            assert!(owned.iter().any(|o| old.contains(o)), "{name}: unexpected change {old:?} -> {new:?}");
        }
        assert!(r.stdout.contains("after --fix:"), "{}", r.stdout);
        assert!(r.stderr.contains("fixed:"), "{}", r.stderr);
        // A second run finds nothing left to repair and writes nothing.
        let again = d.run(&["doctor", "--offline", "--fix", "--yes"]);
        assert_eq!(d.home.read("config.toml"), after);
        assert!(again.stderr.contains("nothing here that `doctor --fix` can repair"), "{}", again.stderr);
    }
    // Repairs plus the legacy-profile migration: `[profiles.fast]` moves to fast.config.toml
    // and `profile = "fast"`'s model becomes the default (lines move, so no line check).
    let d = Doctor::fixture("many-problems.toml");
    let r = d.run(&["doctor", "--offline", "--fix", "--yes"]);
    assert_eq!(d.home.read("config.toml"), fixture("fix/many-problems.toml"), "{}", r.stderr);
    assert!(d.home.read("fast.config.toml").contains("model = \"gpt-5.4-mini\""));
    assert!(r.stderr.contains("fixed: migrated the legacy profiles"), "{}", r.stderr);
    let again = d.run(&["doctor", "--offline", "--fix", "--yes"]);
    assert!(again.stderr.contains("nothing here that `doctor --fix` can repair"), "{}", again.stderr);
    // base_url: query moved to query_params, the trailing comment kept; one line added.
    let d = Doctor::fixture("base-url.toml");
    d.run(&["doctor", "--offline", "--fix", "--yes"]).code(0);
    assert_eq!(d.home.read("config.toml"), fixture("fix/base-url.toml"));
}

#[test]
fn fix_result_passes_the_checks_it_fixed() {
    let d = Doctor::fixture("wire-api-chat.toml").env("LITELLM_MASTER_KEY", "x");
    let r = d.run(&["doctor", "--offline", "--fix", "--yes", "--json"]);
    r.code(0);
    let v = r.json(); // only the final JSON on stdout
    assert_eq!(status(&v, "config.wire_api"), "ok");
    assert!(r.stderr.contains("+wire_api = \"responses\""), "the diff goes to stderr with --json");
}

#[test]
fn fix_dry_run_and_no_terminal_write_nothing() {
    let d = Doctor::fixture("reserved-openai.toml");
    let r = d.run(&["doctor", "--offline", "--fix", "--dry-run"]);
    r.code(1);
    assert!(r.stdout.contains("-[model_providers.openai]\n+[model_providers.openai-custom]"), "{}", r.stdout);
    assert!(r.stderr.contains("dry run: nothing was written"));
    assert_eq!(d.home.read("config.toml"), fixture("reserved-openai.toml"));
    assert!(!d.home.path().join(".codex-provider").exists(), "dry run leaves no state behind");
    let r = d.run(&["doctor", "--offline", "--fix"]);
    r.code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert_eq!(d.home.read("config.toml"), fixture("reserved-openai.toml"));
}

// ---- the real Codex CLI as an oracle ----

/// `codex exec` through the shared oracle harness (20 s deadline, whole process tree killed).
#[cfg(unix)]
fn codex_exec(home: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let out = crate::support::codex::exec(home, extra, &[], Duration::from_secs(20));
    (out.code, out.stderr)
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn oracle_codex_fails_where_doctor_fails() {
    let Some(_) = crate::support::codex::bin() else { return };
    let cases: &[(&str, &str, &str)] = &[
        ("wire-api-chat.toml", "config.wire_api", "`wire_api = \"chat\"` is no longer supported"),
        (
            "reserved-openai.toml",
            "config.reserved_ids",
            "model_providers contains reserved built-in provider IDs: `openai`",
        ),
        ("legacy-profile.toml", "config.legacy_profiles", "legacy `profile = \"deep\"` config is no longer supported"),
        ("unknown-provider.toml", "config.model_provider", "Model provider `gatewy` not found"),
    ];
    for (file, id, codex_text) in cases {
        let d = Doctor::fixture(file);
        let (_, v) = d.json(&[]);
        assert_eq!(status(&v, id), "fail", "{file}");
        let (code, err) = codex_exec(d.home.path(), &[]);
        assert_eq!(code, Some(1), "{file}: codex should refuse the config\n{err}");
        assert!(err.contains(codex_text), "{file}: codex said\n{err}");
    }
}

#[cfg(unix)] // needs the real Codex CLI, a Linux binary
#[test]
fn oracle_codex_loads_the_config_after_fix() {
    let Some(_) = crate::support::codex::bin() else { return };
    for (file, provider, load_error) in [
        ("wire-api-chat.toml", "litellm", "is no longer supported"),
        ("reserved-openai.toml", "openai-custom", "reserved built-in provider IDs"),
    ] {
        let d = Doctor::fixture(file);
        d.run(&["doctor", "--offline", "--fix", "--yes"]);
        // Point the active provider at a closed port so codex fails fast after loading.
        let text = d.home.read("config.toml");
        let text = text
            .replace("http://127.0.0.1:4000/v1", "http://127.0.0.1:9/v1")
            .replace("https://openai-egress.corp.example.com/v1", "http://127.0.0.1:9/v1");
        d.home.write("config.toml", &text);
        let retries = format!("model_providers.{provider}.stream_max_retries=0");
        let (code, err) = codex_exec(d.home.path(), &["-c", &retries, "--disable", "unbounded_connection_retries"]);
        assert!(!err.contains("Error loading config.toml"), "{file}: still a config error\n{err}");
        assert!(!err.contains(load_error), "{file}\n{err}");
        assert!(code.is_some(), "{file}: codex hung");
    }
}

/// `-q` prints only what is not ok, plus the tally; `--json` adds `generatedAt` (RFC 3339),
/// `codexVersion` (null: no Codex on PATH) and a per-check `fixable`.
#[test]
fn quiet_shows_only_problems_and_json_has_the_new_fields() {
    let d = Doctor::fixture("wire-api-chat.toml").env("LITELLM_MASTER_KEY", "x");
    let full = d.human(&[]);
    assert!(full.stdout.contains('✓'), "{}", full.stdout);
    let q = d.human(&["-q"]);
    assert!(!q.stdout.contains('✓'), "ok lines under -q:\n{}", q.stdout);
    assert!(q.stdout.contains("config.wire_api"), "{}", q.stdout);
    assert_eq!(q.stdout.lines().last(), full.stdout.lines().last(), "the same tally");
    let (_, v) = d.json(&[]);
    let at = v["generatedAt"].as_str().expect("generatedAt");
    assert!(at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T', "{at}");
    assert_eq!(v["codexVersion"], Value::Null);
    assert_eq!(v["checks"]["config.wire_api"]["fixable"], true);
    assert_eq!(v["checks"]["config.parse"]["fixable"], false);
}
