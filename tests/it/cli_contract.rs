//! Two promises of the command line, checked over every command that makes them (found from
//! the CLI definition, so a new command cannot slip past):
//! - every `--timeout` refuses a value that is not a finite number of seconds in (0, 3600]
//!   with exit 2 and one `error:` line naming the flag, writing nothing;
//! - every command that takes `--json` prints exactly one JSON document on stdout, with and
//!   without `--dry-run` where it takes that too.

use std::collections::BTreeMap;

use clap::CommandFactory;
use serde_json::Value;

use crate::support::server::{Mode, Server};
use crate::support::{Home, Run, snapshot};

const KEY: &str = "sk-contract-canary-0123456789abcdef";

/// Every subcommand path (`["profile", "list"]`) with the long names of its arguments.
fn subcommands() -> Vec<(Vec<String>, Vec<String>)> {
    fn walk(c: &clap::Command, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Vec<String>)>) {
        for sub in c.get_subcommands() {
            path.push(sub.get_name().to_string());
            if sub.has_subcommands() {
                walk(sub, path, out);
            } else {
                let args = sub.get_arguments().map(|a| a.get_id().to_string()).collect();
                out.push((path.clone(), args));
            }
            path.pop();
        }
    }
    let mut cli = codex_provider::cli::Cli::command();
    cli.build(); // the subcommands' arguments are deferred until built
    let mut out = Vec::new();
    walk(&cli, &mut Vec::new(), &mut out);
    out
}

/// Each command's arguments for a run that gets as far as its result (`{base}` is the fake
/// server's URL); a command that takes `--json` and is missing here fails the test.
fn runnable(base: &str) -> BTreeMap<&'static str, Vec<String>> {
    let words = |s: &str| s.replace("{base}", base).split_whitespace().map(str::to_string).collect();
    BTreeMap::from([
        ("add", words("fresh --base-url {base} --env-key GW_API_KEY --model mock-model --use")),
        ("use", words("local --model mock-model")),
        ("list", words("")),
        ("current", words("")),
        ("show", words("gw")),
        ("remove", words("local --force")),
        ("probe", words("gw --model mock-model")),
        ("doctor", words("--offline")),
        ("profile list", words("")),
        ("profile show", words("work")),
        ("presets", words("")),
        ("undo", words("")),
        ("catalog", words("gw")),
        ("key set", words("gw")),
        ("key unset", words("gw")),
        ("rename", words("local lan")),
        ("set", words("gw request_max_retries 3")),
        ("unset", words("gw stream_idle_timeout_ms")),
        ("export", words("")),
        ("apply", words("-f team.toml")),
        ("import", words("--id imported --env-key GW_API_KEY --model mock-model")),
        ("models", words("gw")),
        ("bridge status", words("")),
        ("threads", words("")),
    ])
}

/// A home with two providers on the fake server, a profile, a backup to list, and a team file.
fn fixture(base: &str) -> Home {
    let home = Home::new();
    home.write(
        "config.toml",
        &format!(
            "model = \"mock-model\"\nmodel_provider = \"gw\"\n\n[model_providers.gw]\nname = \"Gateway\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\nstream_idle_timeout_ms = 300000\n\n[model_providers.local]\nname = \"Local\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\n"
        ),
    );
    home.write("work.config.toml", "model_provider = \"local\"\nmodel = \"mock-model\"\n");
    std::fs::create_dir_all(home.path().join("no-home")).unwrap();
    home.write(
        "no-home/team.toml",
        &format!("[model_providers.p1]\nname = \"P1\"\nbase_url = \"{base}\"\nenv_key = \"GW_API_KEY\"\n"),
    );
    home
}

fn run(home: &Home, base: &str, args: &[String]) -> Run {
    run_with(home, base, args, None)
}

fn run_with(home: &Home, base: &str, args: &[String], codex: Option<&std::path::Path>) -> Run {
    use std::io::Write;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut c = home.cmd(&args);
    c.current_dir(home.path().join("no-home"))
        .env("GW_API_KEY", KEY)
        .env("OPENAI_BASE_URL", base)
        .env("NO_PROXY", "127.0.0.1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(bin) = codex {
        c.env("CODEX_BIN", bin);
    }
    let mut child = c.spawn().expect("run codex-provider");
    // `key set` reads the key from stdin; the others never read it.
    let _ = child.stdin.take().unwrap().write_all(format!("{KEY}\n").as_bytes());
    Run::from(child.wait_with_output().unwrap())
}

/// The JSON documents on stdout, in order; an error names what is not JSON.
fn documents(stdout: &str) -> Result<Vec<Value>, String> {
    serde_json::Deserializer::from_str(stdout).into_iter::<Value>().map(|d| d.map_err(|e| e.to_string())).collect()
}

#[test]
fn every_json_command_prints_exactly_one_document() {
    let server = Server::start(Mode::Ok);
    let base = server.base();
    let table = runnable(&base);
    // `catalog` copies the installed Codex's bundled entries (None: a loud skip, a failure under
    // CI). The real Codex is a Linux binary: on Windows `catalog --json` is checked nowhere here.
    #[cfg(unix)]
    let codex = crate::support::codex::bin();
    #[cfg(windows)]
    let codex: Option<std::path::PathBuf> = None;
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, args) in subcommands().into_iter().filter(|(_, a)| a.iter().any(|a| a == "json")) {
        let name = path.join(" ");
        let Some(extra) = table.get(name.as_str()) else {
            failures.push(format!("`{name}` takes --json but is not in runnable(): add how to run it"));
            continue;
        };
        if name == "catalog" && codex.is_none() {
            continue;
        }
        let dry = [false, true];
        for dry_run in dry.into_iter().filter(|d| !d || args.iter().any(|a| a == "dry_run")) {
            let home = fixture(&base);
            if name == "undo" {
                // Something to list: one write first.
                run(&home, &base, &["set".into(), "gw".into(), "request_max_retries".into(), "1".into()]).code(0);
            }
            let mut argv = path.clone();
            argv.extend(extra.iter().cloned());
            argv.push("--json".into());
            if dry_run {
                argv.push("--dry-run".into());
            }
            let r = run_with(&home, &base, &argv, codex.as_deref());
            r.no_leak(KEY);
            checked += 1;
            match documents(&r.stdout) {
                Ok(docs) if docs.len() == 1 && r.code != 2 => {}
                Ok(docs) => failures.push(format!(
                    "`{}`: exit {}, {} JSON documents on stdout\n{}\n--- stderr\n{}",
                    argv.join(" "),
                    r.code,
                    docs.len(),
                    r.stdout,
                    r.stderr
                )),
                Err(e) => failures.push(format!(
                    "`{}`: stdout is not JSON ({e})\n{}\n--- stderr\n{}",
                    argv.join(" "),
                    r.stdout,
                    r.stderr
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(checked >= 30, "only {checked} runs: the CLI definition lost its --json commands?");
}

#[test]
fn every_timeout_flag_refuses_what_is_not_a_duration() {
    let home = Home::new();
    home.write(
        "config.toml",
        "model_provider = \"gw\"\n\n[model_providers.gw]\nname = \"gw\"\nbase_url = \"http://127.0.0.1:9/v1\"\n",
    );
    std::fs::create_dir_all(home.path().join("no-home")).unwrap();
    let before = snapshot(home.path());
    let with_timeout: Vec<Vec<String>> =
        subcommands().into_iter().filter(|(_, a)| a.iter().any(|a| a == "timeout")).map(|(p, _)| p).collect();
    let names: Vec<String> = with_timeout.iter().map(|p| p.join(" ")).collect();
    for want in ["add", "apply", "catalog", "doctor", "models", "probe"] {
        assert!(names.iter().any(|n| n == want), "`{want}` lost its --timeout: {names:?}");
    }
    for path in &with_timeout {
        for bad in ["nan", "inf", "-1", "0", "1e309", "abc", "3601"] {
            let mut argv: Vec<&str> = path.iter().map(String::as_str).collect();
            argv.extend(["--timeout", bad]);
            let r = home.run(&argv);
            let first = r.stderr.lines().next().unwrap_or("");
            assert_eq!(r.code, 2, "`{}`: exit {}\n{}", argv.join(" "), r.code, r.stderr);
            assert!(first.starts_with("error: ") && first.contains("--timeout"), "`{}`: {}", argv.join(" "), r.stderr);
            assert!(r.stdout.is_empty(), "`{}` printed on stdout: {}", argv.join(" "), r.stdout);
        }
    }
    assert_eq!(snapshot(home.path()), before, "a refused --timeout wrote something");
}
