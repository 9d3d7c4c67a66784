//! The three browser engines the map is tested on, and how to start each over WebDriver.

use std::fmt;
use std::path::Path;

use serde_json::{json, Value};

/// A browser engine, with the driver that speaks WebDriver for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Debian's Chromium, through ChromeDriver.
    Chromium,
    /// Debian's Firefox ESR, through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser, through WebKitWebDriver, on a virtual X display.
    WebKit,
}

/// Which scripts the pages of a session may run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scripts {
    #[default]
    All,
    /// Scripting off, as a reader may set it (WebDriver's own scripts still run).
    NoJavaScript,
    /// JavaScript without WebAssembly (Chromium and Firefox; for WebKit, which has no such
    /// setting, a page can be served with a policy that forbids compiling it).
    NoWebAssembly,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The driver program, the browser binary, and how the README installs each.
    pub(crate) fn driver(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Engine::Chromium => (
                "chromedriver",
                "/usr/bin/chromium",
                "Debian's `chromium` and `chromium-driver`",
            ),
            Engine::Firefox => (
                "geckodriver",
                "/usr/bin/firefox-esr",
                "Debian's `firefox-esr`, and `cargo install geckodriver --version 0.37.1`",
            ),
            Engine::WebKit => (
                "WebKitWebDriver",
                WEBKIT_MINIBROWSER,
                "Debian's `webkit2gtk-driver`",
            ),
        }
    }

    pub fn can_disable_webassembly(self) -> bool {
        self != Engine::WebKit
    }

    /// The driver's command-line arguments for listening on `port`, keeping its temporary
    /// files under `scratch`.
    pub(crate) fn driver_args(self, port: u16, scratch: &Path) -> Vec<String> {
        let mut args = vec![format!("--port={port}")];
        if self == Engine::Firefox {
            args.push(format!("--profile-root={}", scratch.display()));
        }
        args
    }

    /// The capabilities of a new session.
    pub(crate) fn capabilities(
        self,
        window: Option<(u32, u32)>,
        scripts: Scripts,
        scratch: &Path,
    ) -> Value {
        let (_, binary, _) = self.driver();
        match self {
            Engine::Chromium => {
                let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| f.to_string()).collect();
                args.push(format!(
                    "--user-data-dir={}",
                    scratch.join("profile").display()
                ));
                if let Some((width, height)) = window {
                    args.push(format!("--window-size={width},{height}"));
                }
                match scripts {
                    Scripts::All => {}
                    Scripts::NoJavaScript => {
                        args.push("--blink-settings=scriptEnabled=false".into())
                    }
                    // No flag removes it (`--js-flags=--no-expose-wasm` does not): see
                    // `Session::prepare_window`.
                    Scripts::NoWebAssembly => {}
                }
                json!({
                    "browserName": "chrome",
                    "goog:loggingPrefs": {"browser": "ALL"},
                    "goog:chromeOptions": {"binary": binary, "args": args}
                })
            }
            Engine::Firefox => {
                let mut args = vec!["-headless".to_string()];
                if let Some((width, height)) = window {
                    args.extend([
                        "-width".into(),
                        width.to_string(),
                        "-height".into(),
                        height.to_string(),
                    ]);
                }
                let mut prefs = json!({
                    // A closed network: nothing to update, report or check.
                    "app.update.enabled": false,
                    "browser.safebrowsing.malware.enabled": false,
                    "browser.safebrowsing.phishing.enabled": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "network.captive-portal-service.enabled": false,
                    "network.connectivity-service.enabled": false,
                    "toolkit.telemetry.enabled": false,
                });
                match scripts {
                    Scripts::All => {}
                    Scripts::NoJavaScript => prefs["javascript.enabled"] = json!(false),
                    Scripts::NoWebAssembly => prefs["javascript.options.wasm"] = json!(false),
                }
                json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {"binary": binary, "args": args, "prefs": prefs}
                })
            }
            Engine::WebKit => {
                let mut args = vec!["--automation".to_string()];
                if scripts == Scripts::NoJavaScript {
                    // Scripts in pages off; WebDriver's own still run.
                    args.push("--enable-javascript-markup=false".into());
                }
                json!({
                    "browserName": "MiniBrowser",
                    "webkitgtk:browserOptions": {"binary": binary, "args": args}
                })
            }
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        })
    }
}

const WEBKIT_MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// The flags these machines need: without the background-networking ones Chromium floods the
/// closed network with refused connections.
const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
