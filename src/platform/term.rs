//! The terminal: Ctrl-C while a prompt is up or files are being written, and its width.

use std::sync::atomic::{AtomicPtr, Ordering};

/// What a cancelled prompt prints before exiting 130 (shows the cursor dialoguer hid), until
/// [`set_cancel_message`] says otherwise.
const CANCELLED: &[u8] = b"\x1b[?25h\n^C: cancelled; nothing was written\n";

/// The message the handler prints, as one pointer to a `'static` slice: a single atomic load
/// reads it (async-signal-safe, unlike a lock, and never a torn pointer/length pair).
static MESSAGE: AtomicPtr<&'static [u8]> = AtomicPtr::new(std::ptr::null_mut());

/// What ^C prints from now on (the flow stored a key: it says the key stays).
pub fn set_cancel_message(msg: &'static &'static [u8]) {
    MESSAGE.store(std::ptr::from_ref(msg).cast_mut(), Ordering::SeqCst);
}

/// The message to print now.
fn cancel_message() -> &'static [u8] {
    let p = MESSAGE.load(Ordering::SeqCst);
    // SAFETY: a non-null `p` was made from a `&'static &'static [u8]` and is only read.
    if p.is_null() { CANCELLED } else { unsafe { *p } }
}

/// Ctrl-C prints the cancel message and exits 130 (until [`ignore_ctrl_c`] or [`default_ctrl_c`]).
pub fn cancel_on_ctrl_c() {
    #[cfg(unix)]
    unix::set(unix::on_sigint as *const () as libc::sighandler_t);
    #[cfg(windows)]
    windows::set(windows::Handler::Cancel);
}

/// Ctrl-C does nothing (a write is short and must not be cut).
pub fn ignore_ctrl_c() {
    #[cfg(unix)]
    unix::set(libc::SIG_IGN);
    #[cfg(windows)]
    windows::set(windows::Handler::Ignore);
}

/// Ctrl-C does what it does by default again.
pub fn default_ctrl_c() {
    #[cfg(unix)]
    unix::set(libc::SIG_DFL);
    #[cfg(windows)]
    windows::set(windows::Handler::Default);
}

/// The width of the terminal on stdout, when it says.
pub fn width() -> Option<usize> {
    #[cfg(unix)]
    {
        // SAFETY: TIOCGWINSZ fills a winsize struct.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        if unsafe { libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) } == 0 && ws.ws_col > 0 {
            return Some(usize::from(ws.ws_col));
        }
        None
    }
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::*;
        // SAFETY: the info struct is a local the call fills.
        unsafe {
            let mut info: CONSOLE_SCREEN_BUFFER_INFO = std::mem::zeroed();
            if GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &mut info) != 0 {
                let w = i32::from(info.srWindow.Right) - i32::from(info.srWindow.Left) + 1;
                return usize::try_from(w).ok().filter(|w| *w > 0);
            }
        }
        None
    }
}

#[cfg(unix)]
mod unix {
    pub fn set(handler: libc::sighandler_t) {
        // SAFETY: installs a handler that only calls async-signal-safe functions (write, _exit).
        unsafe {
            libc::signal(libc::SIGINT, handler);
        }
    }

    pub extern "C" fn on_sigint(_: libc::c_int) {
        let msg = super::cancel_message();
        // SAFETY: write(2) and _exit(2) are async-signal-safe; so are the atomic loads above.
        unsafe {
            libc::write(2, msg.as_ptr().cast(), msg.len());
            libc::_exit(130);
        }
    }
}

#[cfg(windows)]
mod windows {
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;

    pub enum Handler {
        Cancel,
        Ignore,
        Default,
    }

    unsafe extern "system" fn on_ctrl_c(_: u32) -> windows_sys::core::BOOL {
        use std::io::Write;
        let _ = std::io::stderr().write_all(super::cancel_message());
        std::process::exit(130);
    }

    pub fn set(h: Handler) {
        // SAFETY: registering and removing a handler routine; it runs on its own thread.
        unsafe {
            SetConsoleCtrlHandler(Some(on_ctrl_c), 0);
            SetConsoleCtrlHandler(None, 0);
            match h {
                Handler::Cancel => SetConsoleCtrlHandler(Some(on_ctrl_c), 1),
                Handler::Ignore => SetConsoleCtrlHandler(None, 1),
                Handler::Default => 1,
            };
        }
    }
}
