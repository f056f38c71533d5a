//! Login services for a bridge: a systemd user unit (Linux) or a launchd agent (macOS); on
//! Windows a refusal naming the Task Scheduler command (`platform::service`).
//!
//! The service runs `codex-provider --codex-home HOME bridge start ID --foreground`, which
//! resolves the key the way Codex does (process environment, then `$CODEX_HOME/.env`) and
//! execs codex-relay with it in the relay's environment. So the unit file holds no key, no
//! `Environment=` line with a secret, and not even a copy of `.env`: a login service does not
//! inherit the shell's exports, and `$CODEX_HOME/.env` (mode 0600, written by `key set`) is
//! the one place the key already lives.

use std::path::{Path, PathBuf};

/// Which service manager this platform uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Systemd,
    Launchd,
}

impl Kind {
    /// This platform's kind. On Windows the refusal with the command to run instead: the one
    /// that registers `install`'s command line, or (None) the one that removes the entry.
    pub fn native(install: Option<&[String]>, id: &str) -> Result<Kind, super::Error> {
        use crate::platform::service::{Manager, manager, task_scheduler_command, task_scheduler_delete};
        let task = format!("codex-provider-bridge-{id}");
        match manager() {
            Manager::Systemd => Ok(Kind::Systemd),
            Manager::Launchd => Ok(Kind::Launchd),
            Manager::TaskScheduler => Err(super::Error::NoLoginService {
                command: match install {
                    Some(argv) => task_scheduler_command(&task, argv),
                    None => task_scheduler_delete(&task),
                },
            }),
        }
    }
}

/// The service name for provider `id`.
pub fn name(kind: Kind, id: &str) -> String {
    match kind {
        Kind::Systemd => format!("codex-provider-bridge-{id}.service"),
        Kind::Launchd => format!("dev.codex-provider.bridge.{id}"),
    }
}

/// Where the unit file goes (`$XDG_CONFIG_HOME/systemd/user` or `~/Library/LaunchAgents`).
pub fn path(kind: Kind, id: &str) -> Option<PathBuf> {
    match kind {
        Kind::Systemd => {
            let base = std::env::var_os("XDG_CONFIG_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| dirs::home_dir().map(|h| h.join(".config")))?;
            Some(base.join("systemd/user").join(name(kind, id)))
        }
        Kind::Launchd => Some(dirs::home_dir()?.join("Library/LaunchAgents").join(format!("{}.plist", name(kind, id)))),
    }
}

/// The command the service runs (no secret in it).
pub fn command(exe: &Path, home: &Path, id: &str) -> Vec<String> {
    vec![
        exe.display().to_string(),
        "--codex-home".into(),
        home.display().to_string(),
        "bridge".into(),
        "start".into(),
        id.into(),
        "--foreground".into(),
    ]
}

/// systemd quoting: every argument double-quoted, `\`, `"`, `%` and `$` escaped.
fn systemd_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("%%"),
            '$' => out.push_str("$$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The unit file text.
pub fn render(kind: Kind, id: &str, argv: &[String], path_env: &str) -> String {
    match kind {
        Kind::Systemd => format!(
            "# Written by `codex-provider bridge install {id}`; remove with `codex-provider bridge uninstall {id}`.\n\
             # The key is read at start from the environment or $CODEX_HOME/.env, never stored here.\n\
             [Unit]\nDescription=codex-relay bridge for Codex provider {id}\nAfter=network-online.target\n\n\
             [Service]\nType=simple\nEnvironment={}\nExecStart={}\nRestart=on-failure\nRestartSec=5\n\n\
             [Install]\nWantedBy=default.target\n",
            systemd_quote(&format!("PATH={path_env}")),
            argv.iter().map(|a| systemd_quote(a)).collect::<Vec<_>>().join(" ")
        ),
        Kind::Launchd => {
            let args: String = argv.iter().map(|a| format!("    <string>{}</string>\n", xml_escape(a))).collect();
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
                 <!-- Written by `codex-provider bridge install {id}`; the key is read at start, never stored here. -->\n\
                 <plist version=\"1.0\">\n<dict>\n  <key>Label</key>\n  <string>{}</string>\n\
                 \x20 <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n\
                 \x20 <key>EnvironmentVariables</key>\n  <dict>\n    <key>PATH</key>\n    <string>{}</string>\n  </dict>\n\
                 \x20 <key>RunAtLoad</key>\n  <true/>\n  <key>KeepAlive</key>\n  <true/>\n</dict>\n</plist>\n",
                xml_escape(&name(kind, id)),
                xml_escape(path_env)
            )
        }
    }
}

/// How to turn the installed service on (and off).
pub fn enable_hint(kind: Kind, id: &str, path: &Path) -> String {
    match kind {
        Kind::Systemd => format!(
            "enable it with `systemctl --user daemon-reload && systemctl --user enable --now {}`",
            name(kind, id)
        ),
        Kind::Launchd => format!("load it with `launchctl bootstrap gui/$(id -u) {}`", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The launchd agent is a property list launchd can read: parsed back, every argument
    /// (with XML's special characters in it) and the PATH come out as they went in.
    #[test]
    fn launchd_agent_parses_as_a_property_list() {
        let argv = command(Path::new("/Applications/A & B/codex-provider"), Path::new("/h/<x> \"q\"/'s"), "gw");
        let text = render(Kind::Launchd, "gw", &argv, "/usr/bin:/bin:/opt/a&b");
        let v = plist::Value::from_reader_xml(text.as_bytes()).expect("a valid property list");
        let d = v.as_dictionary().expect("a dictionary at the top");
        assert_eq!(d.get("Label").and_then(|l| l.as_string()), Some("dev.codex-provider.bridge.gw"));
        let args: Vec<&str> =
            d["ProgramArguments"].as_array().unwrap().iter().map(|a| a.as_string().unwrap()).collect();
        assert_eq!(args, argv);
        let env = d["EnvironmentVariables"].as_dictionary().unwrap();
        assert_eq!(env.get("PATH").and_then(|p| p.as_string()), Some("/usr/bin:/bin:/opt/a&b"));
        assert_eq!(d.get("RunAtLoad").and_then(|b| b.as_boolean()), Some(true));
        assert_eq!(d.get("KeepAlive").and_then(|b| b.as_boolean()), Some(true));
        assert_eq!(d.len(), 5, "{d:?}");
    }

    #[test]
    fn systemd_unit_quotes_and_has_no_secret_slot() {
        let argv = command(Path::new("/usr/bin/codex-provider"), Path::new("/h/with space/%x"), "gw");
        let u = render(Kind::Systemd, "gw", &argv, "/usr/bin:/bin");
        assert!(u.contains("ExecStart=\"/usr/bin/codex-provider\" \"--codex-home\" \"/h/with space/%%x\" \"bridge\" \"start\" \"gw\" \"--foreground\""), "{u}");
        assert!(u.contains("Environment=\"PATH=/usr/bin:/bin\""));
        assert!(!u.contains("API_KEY"));
        let p = render(Kind::Launchd, "gw", &argv, "/bin");
        assert!(p.contains("<string>/h/with space/%x</string>"), "{p}");
        assert!(p.contains("<string>dev.codex-provider.bridge.gw</string>"));
    }
}
