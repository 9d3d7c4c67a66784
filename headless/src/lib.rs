//! Browsers driven over WebDriver, shared by the browser tests and the benchmark: Chromium
//! (ChromeDriver), Firefox (geckodriver) and WebKitGTK (WebKitWebDriver, on a virtual display
//! started here). Each session gets its own driver, browser and fresh profile. Dropping a
//! session ends it and removes its files, even when a test fails without calling `close`; and
//! whatever this process leaves when it exits, killed or not, is ended with it.

mod commands;
mod display;
mod engine;
mod process;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub use engine::{Engine, Scripts};
use process::{free_port, installed, scratch_dir, Tied};

/// Generous: the machines that run this have two cores and may be busy.
const STARTUP: Duration = Duration::from_secs(60);

/// How to start a session.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The window size in CSS pixels, if not the browser's default.
    pub window: Option<(u32, u32)>,
    /// `true` to return from navigation at once, so a page can be used while it loads.
    pub eager_navigation: bool,
    pub scripts: Scripts,
    /// More command-line flags for Chromium (the benchmark's trace); the others ignore them.
    pub chromium_args: Vec<String>,
}

pub struct Session {
    pub client: Client,
    pub engine: Engine,
    pub scripts: Scripts,
    /// The driver's port and the session's id, to end the session on drop.
    port: u16,
    session: Option<String>,
    /// Declared last: dropped after the session has ended, it stops the driver and removes
    /// the profile.
    _driver: Tied,
}

impl Session {
    /// Starts `engine`. If its driver or browser is missing, or does not start, the error names
    /// the missing piece and the command that installs it.
    pub async fn start(engine: Engine, options: Options) -> Result<Session, String> {
        let search_path = std::env::var_os("PATH").unwrap_or_default();
        if let Some(missing) = missing_piece(engine, &search_path) {
            return Err(missing);
        }
        let (driver, _, _) = engine.driver();
        let install = install_hint(engine);
        let mut env = vec![];
        if engine == Engine::WebKit {
            env.push(("DISPLAY", display::virtual_display()?));
        }
        let port = free_port()?;
        let scratch = scratch_dir(&format!("{engine}").to_lowercase())?;
        let mut caps = engine.capabilities(options.window, options.scripts, &scratch);
        if let Some(args) = caps
            .pointer_mut("/goog:chromeOptions/args")
            .and_then(Value::as_array_mut)
        {
            args.extend(options.chromium_args.iter().map(|arg| json!(arg)));
        }
        let mut caps: Capabilities = serde_json::from_value(caps).map_err(|e| e.to_string())?;
        if options.eager_navigation {
            caps.insert("pageLoadStrategy".into(), json!("none"));
        }
        let tied = Tied::spawn(
            driver,
            &engine.driver_args(port, &scratch),
            &env,
            Some(&scratch),
        )
        .map_err(|e| format!("{engine}: cannot start {driver} ({e}); {install}"))?;
        let client = connect(port, &caps)
            .await
            .map_err(|e| format!("{engine}: {driver} did not start a session ({e}); {install}"))?;
        // From here on, dropping the session ends it, stops the driver and removes the profile.
        let session = Session {
            session: client.session_id().await.ok().flatten(),
            client,
            engine,
            scripts: options.scripts,
            port,
            _driver: tied,
        };
        session.prepare_window().await?;
        if let Some((width, height)) = options.window {
            session
                .client
                .set_window_size(width, height)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(session)
    }

    /// Makes the current window follow the session's settings where the browser has no
    /// setting for them: call it again after opening a new window. (Chromium without
    /// WebAssembly: a script run before each page's own removes it.)
    pub async fn prepare_window(&self) -> Result<(), String> {
        if (self.engine, self.scripts) == (Engine::Chromium, Scripts::NoWebAssembly) {
            self.cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({"source": "delete globalThis.WebAssembly;"}),
            )
            .await?;
        }
        Ok(())
    }

    /// Sends one DevTools protocol command through ChromeDriver and returns its result.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value, String> {
        if self.engine != Engine::Chromium {
            return Err(format!(
                "{command}: the DevTools protocol is Chromium's only"
            ));
        }
        commands::cdp(&self.client, command, params).await
    }

    /// Everything the pages logged at error level (console errors, failed loads, uncaught
    /// exceptions) since the last call. Chromium only: the other drivers keep no such log.
    pub async fn console_errors(&self) -> Result<Vec<String>, String> {
        if self.engine != Engine::Chromium {
            return Err("only ChromeDriver keeps the browser's log".into());
        }
        commands::browser_log_errors(&self.client).await
    }

    /// Ends the session so the browser exits cleanly; the driver and profile go on drop.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Stopping the driver alone could leave its browser exiting untidily (a failed test
        // never calls `close`); ending the session first makes the driver quit the browser.
        if let Some(session) = &self.session {
            let _ = end_session(self.port, session);
        }
    }
}

/// What `make tools` would install for `engine`, as a sentence.
fn install_hint(engine: Engine) -> String {
    let (_, _, package) = engine.driver();
    format!("it comes from {package}, which `make tools` (scripts/install-tools.sh) installs")
}

/// The driver or browser of `engine` that is not installed, if one is not, as an error naming
/// it and how to install it.
fn missing_piece(engine: Engine, search_path: &std::ffi::OsStr) -> Option<String> {
    let (driver, binary, _) = engine.driver();
    [driver, binary]
        .into_iter()
        .find(|program| !installed(program, search_path))
        .map(|program| format!("{engine}: {program} is missing; {}", install_hint(engine)))
}

/// `DELETE /session/{session}` to the driver on `port`, waiting for its answer. Plain blocking
/// HTTP, as `drop` cannot wait on the async client. Ending a session already closed only gets
/// an error back.
fn end_session(port: u16, session: &str) -> std::io::Result<()> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    // The answer's first bytes are enough: it is sent once the browser has quit.
    let _ = stream.read(&mut [0; 64])?;
    Ok(())
}

async fn connect(port: u16, caps: &Capabilities) -> Result<Client, String> {
    let deadline = Instant::now() + STARTUP;
    while !listening(port) {
        if Instant::now() > deadline {
            return Err(format!("nothing listens on port {port}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Plain HTTP to the local driver: no TLS stack to build or install.
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps.clone())
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| e.to_string())
}

fn listening(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

#[cfg(test)]
mod tests;
