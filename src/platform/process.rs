//! Programs: finding them on PATH, running one in its own group and stopping the whole group,
//! signalling a recorded pid, detaching a service, replacing this process.
//!
//! Windows has no process groups or signals: a child we may have to stop is put in a job
//! object (closing the job ends every process in it, npm's `cmd.exe` shim, node and the native
//! Codex alike), and stopping a recorded pid is `TerminateProcess`.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Child, Command};

/// `name` in the directories of `path_var` (a `PATH` value): on Unix an executable file named
/// `name`; on Windows `name` with each `PATHEXT` extension (`.COM;.EXE;.BAT;.CMD` when unset),
/// so npm's `codex.cmd` shim is found. A `.cmd`/`.bat` is run through std's `Command`, which
/// quotes its arguments for `cmd.exe` and refuses any it cannot pass safely.
pub fn find_in_path(name: &str, path_var: &OsStr, pathext: Option<&OsStr>) -> Option<PathBuf> {
    let exts = extensions(pathext);
    std::env::split_paths(path_var)
        .filter(|d| !d.as_os_str().is_empty())
        .find_map(|d| exts.iter().map(|e| d.join(format!("{name}{e}"))).find(|p| super::fs::is_executable(p)))
}

/// [`find_in_path`] over this process's `PATH` and `PATHEXT`.
pub fn find_program(name: &str) -> Option<PathBuf> {
    find_in_path(name, &std::env::var_os("PATH")?, std::env::var_os("PATHEXT").as_deref())
}

/// The suffixes a program name may take: none on Unix; `PATHEXT`'s on Windows.
fn extensions(pathext: Option<&OsStr>) -> Vec<String> {
    if cfg!(windows) {
        let v = pathext.map(|p| p.to_string_lossy().into_owned()).filter(|p| !p.trim().is_empty());
        v.as_deref()
            .unwrap_or(".COM;.EXE;.BAT;.CMD")
            .split(';')
            .filter(|e| e.starts_with('.'))
            .map(|e| e.to_ascii_lowercase())
            .collect()
    } else {
        let _ = pathext;
        vec![String::new()]
    }
}

/// Makes `cmd` start in a process group of its own (Unix), so [`Group::kill`] reaches its
/// children too. On Windows the group is the job object [`Group::adopt`] makes.
pub fn own_group(cmd: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    #[cfg(windows)]
    let _ = cmd;
}

/// A spawned child and everything it starts, stopped together: its process group on Unix (see
/// [`own_group`]), a job object on Windows. Dropping it stops whatever is left.
pub struct Group {
    #[cfg(unix)]
    pgid: i32,
    #[cfg(windows)]
    job: windows_sys::Win32::Foundation::HANDLE,
}

impl Group {
    /// The group of `child` (spawned after [`own_group`]).
    pub fn adopt(child: &Child) -> Group {
        #[cfg(unix)]
        {
            Group { pgid: child.id() as i32 }
        }
        #[cfg(windows)]
        {
            use std::os::windows::io::AsRawHandle;
            use windows_sys::Win32::System::JobObjects::*;
            // SAFETY: plain Win32 calls on a job we create and the child's live handle; a
            // failure leaves a null job, and `kill` then ends the child alone (`Child::kill`).
            unsafe {
                let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
                if !job.is_null() {
                    let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
                    SetInformationJobObject(
                        job,
                        JobObjectExtendedLimitInformation,
                        (&raw const info).cast(),
                        size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
                    );
                    AssignProcessToJobObject(job, child.as_raw_handle());
                }
                Group { job }
            }
        }
    }

    /// Ends every process in the group at once (SIGKILL; `TerminateJobObject`).
    pub fn kill(&self) {
        #[cfg(unix)]
        // SAFETY: kill(2) on the group we created; no memory is involved.
        unsafe {
            libc::kill(-self.pgid, libc::SIGKILL);
        }
        #[cfg(windows)]
        if !self.job.is_null() {
            // SAFETY: a job handle we own.
            unsafe {
                windows_sys::Win32::System::JobObjects::TerminateJobObject(self.job, 1);
            }
        }
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
        #[cfg(windows)]
        if !self.job.is_null() {
            // SAFETY: closed once, here.
            unsafe {
                windows_sys::Win32::Foundation::CloseHandle(self.job);
            }
        }
    }
}

/// Whether `pid` is a live process (not a zombie).
pub fn pid_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(p) = i32::try_from(pid) else { return false };
        // SAFETY: signal 0 only checks for existence and permission.
        if p <= 0 || unsafe { libc::kill(p, 0) } != 0 {
            return false;
        }
        // A zombie still answers kill(0); on Linux /proc says so.
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(s) => !s.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
            Err(_) => true,
        }
    }
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Threading::*;
        const STILL_ACTIVE: u32 = 259;
        // SAFETY: a handle opened and closed here; the exit code is written to a local.
        unsafe {
            let h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
            if h.is_null() {
                return false;
            }
            let mut code = 0u32;
            let ok = GetExitCodeProcess(h, &mut code) != 0;
            windows_sys::Win32::Foundation::CloseHandle(h);
            ok && code == STILL_ACTIVE
        }
    }
}

/// The program process `pid` runs (its `argv[0]`), where the system says: Linux's
/// `/proc/PID/cmdline`. None elsewhere (macOS, Windows) or when it cannot be read: the caller
/// then decides on [`pid_alive`] alone.
pub fn program_of(pid: u32) -> Option<String> {
    let raw = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    raw.split(|b| *b == 0).next().map(|argv0| String::from_utf8_lossy(argv0).into_owned())
}

/// How to ask a recorded process to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGTERM: let it clean up (Windows has no such request: the same as `Kill`).
    Ask,
    /// SIGKILL; `TerminateProcess`.
    Kill,
}

/// Stops process `pid` (the caller checked that it is the one it recorded).
pub fn stop_pid(pid: u32, how: Stop) {
    #[cfg(unix)]
    if let Ok(p) = i32::try_from(pid)
        && p > 0
    {
        let s = match how {
            Stop::Ask => libc::SIGTERM,
            Stop::Kill => libc::SIGKILL,
        };
        // SAFETY: a positive pid, no memory involved.
        unsafe {
            libc::kill(p, s);
        }
    }
    #[cfg(windows)]
    {
        let _ = how;
        use windows_sys::Win32::System::Threading::*;
        // SAFETY: a handle opened and closed here.
        unsafe {
            let h = OpenProcess(PROCESS_TERMINATE, 0, pid);
            if !h.is_null() {
                TerminateProcess(h, 1);
                windows_sys::Win32::Foundation::CloseHandle(h);
            }
        }
    }
}

/// Makes `cmd` outlive us, detached from our terminal: a new session (Unix `setsid`); on
/// Windows a detached process in a new process group.
pub fn detach(cmd: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setsid is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
    }
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const DETACHED_PROCESS: u32 = 0x0000_0008;
        const CREATE_NEW_PROCESS_GROUP: u32 = 0x0000_0200;
        cmd.creation_flags(DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP);
    }
}

/// Runs `cmd` in this process's place, first telling `started` the pid it runs as. Unix:
/// `exec`, so that pid is ours and only an error returns. Windows cannot replace a process:
/// the child is spawned, `started` gets its pid, and its exit status is returned. The outer
/// error is `started`'s, the inner one the program's that could not be run.
pub fn exec(
    cmd: &mut Command,
    started: impl FnOnce(u32) -> anyhow::Result<()>,
) -> anyhow::Result<std::io::Result<std::process::ExitStatus>> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        started(std::process::id())?;
        Ok(Err(cmd.exec()))
    }
    #[cfg(windows)]
    {
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => return Ok(Err(e)),
        };
        if let Err(e) = started(child.id()) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
        Ok(child.wait())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_programs_the_platform_way() {
        let d = tempfile::tempdir().unwrap();
        let (a, b) = (d.path().join("a"), d.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let path = std::env::join_paths([&a, &b]).unwrap();
        assert_eq!(find_in_path("tool", &path, None), None);
        let file = if cfg!(windows) { b.join("tool.cmd") } else { b.join("tool") };
        std::fs::write(&file, "").unwrap();
        #[cfg(unix)]
        {
            assert_eq!(find_in_path("tool", &path, None), None, "not executable");
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(find_in_path("tool", &path, None), Some(file.clone()));
        if cfg!(windows) {
            // PATHEXT decides which extensions count.
            assert_eq!(find_in_path("tool", &path, Some(OsStr::new(".EXE"))), None);
            assert_eq!(find_in_path("tool", &path, Some(OsStr::new(".EXE;.CMD"))), Some(file));
        }
    }

    #[test]
    fn a_group_is_stopped_whole() {
        // A child that would run for a minute ends when its group is dropped.
        let (prog, args): (&str, &[&str]) =
            if cfg!(windows) { ("cmd", &["/c", "ping -n 60 127.0.0.1 >NUL"]) } else { ("sh", &["-c", "sleep 60"]) };
        let mut cmd = Command::new(prog);
        cmd.args(args);
        own_group(&mut cmd);
        let mut child = cmd.spawn().unwrap();
        let pid = child.id();
        assert!(pid_alive(pid));
        let group = Group::adopt(&child);
        drop(group);
        let started = std::time::Instant::now();
        let st = child.wait().unwrap();
        assert!(!st.success(), "{st:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(50), "the child ran on");
        assert!(!pid_alive(pid));
    }
}
