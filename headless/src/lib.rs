//! Headless Chromium driven over WebDriver: each session gets its own ChromeDriver, browser and
//! fresh profile, all ended and removed when the session is dropped (even when a test fails,
//! without calling `close`). Shared by
//! the browser tests and the benchmark, so both start the browser the same way.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "chromedriver";
/// Generous: the machines that run this have two cores and may be busy.
const STARTUP: Duration = Duration::from_secs(30);

/// The flags these machines need: without the background-networking ones Chromium floods the
/// closed network with refused connections.
const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// How to start a session.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The window size in CSS pixels, if not Chromium's default.
    pub window: Option<(u32, u32)>,
    /// `true` to return from navigation at once, so a page can be used while it loads.
    pub eager_navigation: bool,
}

pub struct Chromium {
    pub client: Client,
    driver: Child,
    /// The driver's port and the session's id, to end the session on drop.
    port: u16,
    session: Option<String>,
    profile: PathBuf,
}

impl Chromium {
    pub async fn start(options: Options) -> Result<Chromium, String> {
        let port = free_port()?;
        let profile = std::env::temp_dir().join(format!(
            "borough-map-chromium-{}-{port}",
            std::process::id()
        ));
        let caps = capabilities(&options, &profile)?;
        let mut driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER} ({e}); `make tools` installs it"))?;
        let client = match connect(port, &caps).await {
            Ok(client) => client,
            Err(e) => {
                let _ = driver.kill();
                let _ = driver.wait();
                let _ = std::fs::remove_dir_all(&profile);
                return Err(e);
            }
        };
        // From here on, dropping the session ends it, stops the driver and removes the profile.
        let session = Chromium {
            session: client.session_id().await.ok().flatten(),
            client,
            driver,
            port,
            profile,
        };
        if let Some((width, height)) = options.window {
            session
                .client
                .set_window_size(width, height)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(session)
    }

    /// Sends one DevTools protocol command through ChromeDriver and returns its result.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value, String> {
        self.client
            .issue_cmd(DevToolsCommand(json!({"cmd": command, "params": params})))
            .await
            .map_err(|e| format!("{command}: {e}"))
    }

    /// Everything the pages logged at error level (console errors, failed loads, uncaught
    /// exceptions) since the last call.
    pub async fn console_errors(&self) -> Result<Vec<String>, String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .map_err(|e| e.to_string())?;
        Ok(logs
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect())
    }

    /// Ends the session so Chromium exits cleanly; the driver and profile go on drop.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        // Killing the driver alone would leave its browser running (a failed test never calls
        // `close`); ending the session first makes the driver quit the browser.
        if let Some(session) = &self.session {
            let _ = end_session(self.port, session);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// `DELETE /session/{session}` to the driver on `port`, waiting for its answer. Plain blocking HTTP, as `drop` cannot wait on the async client. Ending
/// a session already closed only gets an error back.
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

fn capabilities(options: &Options, profile: &std::path::Path) -> Result<Capabilities, String> {
    let mut args: Vec<String> = FLAGS.iter().map(|f| f.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    if let Some((width, height)) = options.window {
        args.push(format!("--window-size={width},{height}"));
    }
    let mut caps = json!({
        "browserName": "chrome",
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
    });
    if options.eager_navigation {
        caps["pageLoadStrategy"] = json!("none");
    }
    serde_json::from_value(caps).map_err(|e| e.to_string())
}

async fn connect(port: u16, caps: &Capabilities) -> Result<Client, String> {
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + STARTUP;
    loop {
        // Plain HTTP to the local driver: no TLS stack to build or install.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Ok(client),
            Err(e) if Instant::now() > deadline => {
                return Err(format!("cannot reach ChromeDriver: {e}"))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// ChromeDriver's log endpoint, which W3C WebDriver lacks and fantoccini does not wrap.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// ChromeDriver's bridge to the DevTools protocol.
#[derive(Debug)]
struct DevToolsCommand(Value);

impl WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Processes whose command line mentions `needle` (Linux's /proc).
    fn processes_mentioning(needle: &str) -> usize {
        std::fs::read_dir("/proc")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
            .filter(|cmdline| String::from_utf8_lossy(cmdline).contains(needle))
            .count()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_session_dropped_without_close_leaves_no_browser_running() {
        let session = Chromium::start(Options::default()).await.unwrap();
        let profile = session.profile.display().to_string();
        assert!(
            processes_mentioning(&profile) > 0,
            "no browser for {profile}"
        );
        drop(session);
        // The browser's last helpers may take a moment to exit.
        let deadline = Instant::now() + Duration::from_secs(10);
        while processes_mentioning(&profile) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(processes_mentioning(&profile), 0, "left running: {profile}");
    }
}
