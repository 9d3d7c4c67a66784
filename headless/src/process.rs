//! Processes that never outlive the one that started them: a driver (and the browsers it starts)
//! or a display server, ended when this process exits, however it exits.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

/// A program running in a process group of its own under a small shell that reads its stdin, a
/// pipe from this process. When the pipe closes (on drop, or when this process exits, even
/// killed), the shell ends the whole group, the program and everything it started, and then
/// removes `scratch`. Rust opens the pipe close-on-exec, so no other child keeps it open.
pub struct Tied {
    shell: Child,
    stdin: Option<ChildStdin>,
}

const WATCHER: &str = r#"scratch="$1"; shift
"$@" </dev/null >/dev/null 2>&1 &
trap '' TERM
read -r _
kill -s TERM 0
wait
[ -n "$scratch" ] && rm -rf "$scratch"
exit 0"#;

impl Tied {
    /// Starts `program` with `args` and the extra environment `env`; `scratch`, if given, is a
    /// directory removed once the group has ended.
    pub fn spawn(
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        scratch: Option<&Path>,
    ) -> std::io::Result<Tied> {
        use std::os::unix::process::CommandExt;
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(WATCHER)
            .arg("tied")
            .arg(scratch.map(Path::as_os_str).unwrap_or_default())
            .arg(program)
            .args(args)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        let mut shell = command.spawn()?;
        let stdin = shell.stdin.take();
        Ok(Tied { shell, stdin })
    }
}

impl Drop for Tied {
    fn drop(&mut self) {
        // Closing the pipe is the signal; then wait for the shell to have ended the group.
        if let Some(mut stdin) = self.stdin.take() {
            let _ = stdin.flush();
        }
        let _ = self.shell.wait();
    }
}

/// Whether `program` is a file, or names one in a folder of `search_path` (as `PATH` does).
pub fn installed(program: &str, search_path: &std::ffi::OsStr) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::split_paths(search_path).any(|dir| dir.join(program).is_file())
}

pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// A new, empty directory in the system's temporary folder, named after this process.
pub fn scratch_dir(what: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!(
        "borough-map-{what}-{}-{}",
        std::process::id(),
        free_port()?
    ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}
