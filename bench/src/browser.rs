//! Headless Chromium driven through ChromeDriver: a fresh browser and profile for every run, so
//! no cache, cookie or compiled code carries over from one load to the next.

use headless::{Engine, Options, Session};
use serde_json::Value;

pub struct Browser {
    chromium: Session,
}

impl Browser {
    /// A new browser, with `flags` added to Chromium's command line.
    pub async fn start(flags: Vec<String>) -> Result<Browser, String> {
        let options = Options {
            // Navigation returns at once, so the runner can click while the page still loads.
            eager_navigation: true,
            chromium_args: flags,
            ..Options::default()
        };
        Ok(Browser {
            chromium: Session::start(Engine::Chromium, options).await?,
        })
    }

    /// Sends one DevTools protocol command to the page and returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.chromium.cdp(cmd, params).await
    }

    /// The messages the page logged at error level (console errors, failed loads, exceptions).
    pub async fn console_errors(&self) -> Vec<String> {
        self.chromium
            .console_errors()
            .await
            .unwrap_or_else(|_| vec!["(the browser log could not be read)".into()])
    }

    /// Ends the session so Chromium exits; the driver and profile go when it drops.
    pub async fn close(self) {
        self.chromium.close().await;
    }
}
