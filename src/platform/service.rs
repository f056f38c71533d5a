//! The login service that keeps a bridge running: which service manager this platform has.
//! The unit and plist texts are in `bridge::unit`; Windows has neither, and rather than
//! register a Task Scheduler entry on the user's behalf we refuse with the one command that
//! would (the user sees and runs it).

/// The service manager of this platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manager {
    /// A systemd user unit (Linux and other Unix).
    Systemd,
    /// A launchd agent (macOS).
    Launchd,
    /// Task Scheduler (Windows): not written by us.
    TaskScheduler,
}

pub fn manager() -> Manager {
    if cfg!(windows) {
        Manager::TaskScheduler
    } else if cfg!(target_os = "macos") {
        Manager::Launchd
    } else {
        Manager::Systemd
    }
}

/// The `schtasks` command that runs `argv` at logon as task `name`.
pub fn task_scheduler_command(name: &str, argv: &[String]) -> String {
    let run: Vec<String> = argv.iter().map(|a| format!("\\\"{a}\\\"")).collect();
    format!("schtasks /Create /SC ONLOGON /TN \"{name}\" /TR \"{}\"", run.join(" "))
}

/// The `schtasks` command that removes task `name`.
pub fn task_scheduler_delete(name: &str) -> String {
    format!("schtasks /Delete /TN \"{name}\" /F")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_task_command_quotes_each_argument() {
        let argv: Vec<String> =
            ["C:\\p\\codex-provider.exe", "--codex-home", "C:\\Users\\a b\\.codex"].map(String::from).into();
        assert_eq!(
            task_scheduler_command("codex-provider-bridge-gw", &argv),
            "schtasks /Create /SC ONLOGON /TN \"codex-provider-bridge-gw\" /TR \"\\\"C:\\p\\codex-provider.exe\\\" \\\"--codex-home\\\" \\\"C:\\Users\\a b\\.codex\\\"\""
        );
        assert_eq!(manager() == Manager::TaskScheduler, cfg!(windows));
    }
}
