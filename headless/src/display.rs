//! The X display WebKitGTK's MiniBrowser needs: one Xvfb per process, started on first use.

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::process::{installed, Tied};

const XVFB: &str = "Xvfb";

struct Display {
    number: u32,
    /// Ends Xvfb when this process exits (statics are never dropped; the pipe closes then).
    _server: Tied,
}

static DISPLAY: OnceLock<Result<Display, String>> = OnceLock::new();

/// The `DISPLAY` value of this process's virtual display, starting it if need be.
pub fn virtual_display() -> Result<String, String> {
    match DISPLAY.get_or_init(start) {
        Ok(display) => Ok(format!(":{}", display.number)),
        Err(e) => Err(e.clone()),
    }
}

fn start() -> Result<Display, String> {
    if !installed(XVFB, &std::env::var_os("PATH").unwrap_or_default()) {
        return Err(format!(
            "{XVFB} is missing (Debian's `xvfb`): `make tools` (scripts/install-tools.sh) installs it"
        ));
    }
    // Free display numbers have no lock file; a race with another process shows as a socket
    // that never appears, so the next number is tried.
    let first = 100 + std::process::id() % 400;
    for number in (first..first + 50).filter(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists()) {
        let args = [
            format!(":{number}"),
            "-screen".into(),
            "0".into(),
            "1920x1080x24".into(),
            "-nolisten".into(),
            "tcp".into(),
        ];
        let server =
            Tied::spawn(XVFB, &args, &[], None).map_err(|e| format!("cannot start {XVFB}: {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{number}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if Path::new(&socket).exists() {
                return Ok(Display {
                    number,
                    _server: server,
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    Err(format!("{XVFB} did not open a display"))
}
