//! Headless Chromium driven over WebDriver: each test gets its own ChromeDriver, browser and
//! profile, all removed when the test ends (even when it fails).

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, PointerAction, TouchActions};
use fantoccini::{Client, Locator};
use headless::{Chromium, Options};
use serde_json::Value;

/// A script expression: the app has taken over the prerendered page.
pub const TAKEN_OVER: &str = "document.documentElement.classList.contains('js')";

/// Generous: the machines that run this have two cores and may be busy.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Browser {
    pub client: Client,
    chromium: Chromium,
}

impl Browser {
    /// Starts headless Chromium with a `width` × `height` CSS-pixel viewport.
    pub async fn start(width: u32, height: u32) -> Browser {
        let options = Options {
            window: Some((width, height)),
            ..Options::default()
        };
        let chromium = Chromium::start(options)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let browser = Browser {
            client: chromium.client.clone(),
            chromium,
        };
        browser.set_viewport(width, height).await;
        browser
    }

    /// Resizes the window so that the page's viewport is `width` × `height` CSS pixels.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
        let inner = self
            .eval("return [window.innerWidth, window.innerHeight]")
            .await;
        let (w, h) = (
            inner[0].as_u64().unwrap() as u32,
            inner[1].as_u64().unwrap() as u32,
        );
        if (w, h) != (width, height) {
            let (outer_w, outer_h) = (
                width + (width - w.min(width)),
                height + (height - h.min(height)),
            );
            self.client.set_window_size(outer_w, outer_h).await.unwrap();
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Runs `script` (a function body) in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// Waits until `condition` (a JavaScript expression) is truthy, or fails the test.
    pub async fn wait_until(&self, condition: &str) {
        let deadline = Instant::now() + PATIENCE;
        let script = format!("return !!({condition})");
        loop {
            if self.client.execute(&script, vec![]).await.ok() == Some(Value::Bool(true)) {
                return;
            }
            if Instant::now() > deadline {
                let body = self.eval("return document.body.innerText").await;
                panic!(
                    "timed out waiting for `{condition}`; page text:\n{}",
                    body.as_str().unwrap_or("")
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no element {selector:?}: {e}"))
    }

    pub async fn text(&self, selector: &str) -> String {
        self.css(selector).await.text().await.unwrap()
    }

    /// The attribute `name` of the element `selector` finds (waiting for it to exist).
    pub async fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.css(selector)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("{selector:?} [{name}]: {e}"))
    }

    /// Makes every page this browser opens from now on run without WebAssembly, as in a browser
    /// that lacks it or a policy that blocks it.
    pub async fn remove_webassembly(&self) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({"source": "delete globalThis.WebAssembly;"}),
        )
        .await;
    }

    /// Clicks the element `selector` finds (waiting for it to exist).
    pub async fn click(&self, selector: &str) {
        self.css(selector)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {selector:?}: {e}"));
    }

    /// Waits until the app has taken over and the panel shows the story of the area called
    /// `name` (the one story not hidden).
    pub async fn wait_for_panel(&self, name: &str) {
        self.wait_until(&format!(
            "{TAKEN_OVER} && document.querySelector('.area-panel[data-open] h2')?.textContent === {name:?}"
        ))
        .await;
    }

    /// Waits until the app has taken over and the panel shows the London-wide story (nothing
    /// selected).
    pub async fn wait_for_summary(&self) {
        self.wait_until(&format!(
            "{TAKEN_OVER} && document.querySelector('.summary-panel[data-open]') !== null \
             && document.querySelectorAll('.area-panel[data-open]').length === 0"
        ))
        .await;
    }

    /// The ids of the panels (stories) the page shows, however it shows them.
    pub async fn shown_panels(&self) -> Value {
        self.eval("return [...document.querySelectorAll('.panel')].filter(p => getComputedStyle(p).display !== 'none').map(p => p.id)")
            .await
    }

    /// How many of the controls that need the app (`.needs-js`) the page shows.
    pub async fn controls_needing_the_app(&self) -> Value {
        self.eval("return [...document.querySelectorAll('.needs-js')].filter(e => e.getClientRects().length > 0).length")
            .await
    }

    /// Waits for at least one alert, then returns the text of them all, a line each.
    pub async fn alerts(&self) -> String {
        self.wait_until("document.querySelector('[role=alert]') !== null")
            .await;
        let text = self.eval("return [...document.querySelectorAll('[role=alert]')].map(a => a.textContent).join('\\n')").await;
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Waits for the app to take the page over (the map's boroughs become buttons).
    pub async fn wait_for_map(&self) {
        self.wait_until(&format!(
            "{TAKEN_OVER} && document.querySelectorAll('path.borough[role=button]').length === 33"
        ))
        .await;
    }

    /// Presses and releases one key (a character, or a WebDriver key code such as `'\u{E004}'`
    /// for Tab) on whatever has focus.
    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// A finger tap at viewport coordinates.
    pub async fn tap(&self, x: f64, y: f64) {
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Sends a Chrome DevTools Protocol command through ChromeDriver.
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        self.chromium
            .cdp(command, params)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Runs axe-core (the npm package, pinned in tools/) on the page and returns its
    /// violations, each as "rule: help (targets)".
    pub async fn axe_violations(&self) -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tools/node_modules/axe-core/axe.min.js"
        );
        let axe = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e}; `make tools` installs it"));
        self.client.execute(&axe, vec![]).await.unwrap();
        let result = self
            .eval(
                "return axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => \
                 v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))",
            )
            .await;
        serde_json::from_value(result).unwrap()
    }

    /// Everything the page logged at error level (console errors, failed loads, uncaught
    /// exceptions) since the last call.
    pub async fn console_errors(&self) -> Vec<String> {
        self.chromium
            .console_errors()
            .await
            .unwrap_or_else(|e| panic!("browser log: {e}"))
    }

    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }

    /// Ends the session; call at the end of each test so Chromium exits cleanly.
    pub async fn close(self) {
        self.chromium.close().await;
    }
}
