//! Headless Chromium driven through ChromeDriver: a fresh browser and profile for every run, so
//! no cache, cookie or compiled code carries over from one load to the next.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::cdp::CdpCommand;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "chromedriver";
const STARTUP: Duration = Duration::from_secs(30);

pub struct Browser {
    client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    pub async fn start() -> Result<Browser, String> {
        let port = free_port()?;
        let mut driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER} ({e}); `make tools` installs it"))?;
        let profile =
            std::env::temp_dir().join(format!("borough-map-bench-{}-{port}", std::process::id()));
        let client = match connect(port, &profile).await {
            Ok(client) => client,
            Err(e) => {
                stop(&mut driver, &profile);
                return Err(e);
            }
        };
        Ok(Browser {
            client,
            driver,
            profile,
        })
    }

    /// Sends one DevTools protocol command to the page and returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.client
            .issue_cmd(CdpCommand::new(cmd, params))
            .await
            .map_err(|e| format!("{cmd}: {e}"))
    }

    /// The messages the page logged at error level (console errors, failed loads, exceptions).
    pub async fn console_errors(&self) -> Vec<String> {
        let Ok(logs) = self.client.issue_cmd(BrowserLog).await else {
            return vec!["(the browser log could not be read)".into()];
        };
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Ends the session so Chromium exits; the driver and profile go when `self` drops.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        stop(&mut self.driver, &self.profile);
    }
}

fn stop(driver: &mut Child, profile: &Path) {
    let _ = driver.kill();
    let _ = driver.wait();
    let _ = std::fs::remove_dir_all(profile);
}

async fn connect(port: u16, profile: &Path) -> Result<Client, String> {
    let caps: Capabilities = serde_json::from_value(json!({
        "browserName": "chrome",
        // Navigation returns at once, so the runner can click while the page still loads.
        "pageLoadStrategy": "none",
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                format!("--user-data-dir={}", profile.display()),
            ]
        }
    }))
    .map_err(|e| e.to_string())?;
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + STARTUP;
    loop {
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

/// ChromeDriver's log endpoint, which fantoccini does not wrap.
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
