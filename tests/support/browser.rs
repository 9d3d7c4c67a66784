//! A browser for one test: a session of the test's engine from the pool, reset, with the
//! viewport the test asks for; it goes back to the pool when the test ends, or is ended if the
//! test failed.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, PointerAction, TouchActions, WheelAction, WheelActions,
};
use fantoccini::{Client, Locator};
use headless::{Engine, Scripts, Session};
use serde_json::Value;

use super::{errors, pool};

/// A script expression: the app has taken over the prerendered page.
pub const TAKEN_OVER: &str = "document.documentElement.classList.contains('js')";

/// Generous: the machines that run this have two cores and may be busy.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    session: Option<Session>,
    /// The ids of the error reports already returned by `console_errors`.
    seen: Mutex<HashSet<String>>,
}

impl Browser {
    /// `engine` with a `width` × `height` CSS-pixel viewport.
    pub async fn start(engine: Engine, width: u32, height: u32) -> Browser {
        Browser::start_with(engine, Scripts::All, width, height).await
    }

    /// `engine` running `scripts` (a session of its own if not all).
    pub async fn start_with(engine: Engine, scripts: Scripts, width: u32, height: u32) -> Browser {
        let session = pool::check_out(engine, scripts).await;
        let browser = Browser {
            client: session.client.clone(),
            engine,
            session: Some(session),
            seen: Mutex::default(),
        };
        browser.set_viewport(width, height).await;
        browser
    }

    fn session(&self) -> &Session {
        self.session.as_ref().expect("a session until dropped")
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
                width + width.saturating_sub(w),
                height + height.saturating_sub(h),
            );
            self.client.set_window_size(outer_w, outer_h).await.unwrap();
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Runs `script` (a function body) in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{}: {script}: {e}", self.engine))
    }

    /// Waits until the page has painted a frame, and then another, and run a task after it:
    /// what a check that something did *not* happen waits for (anything queued for after a
    /// paint has run by then).
    pub async fn next_frame(&self) {
        self.eval(
            "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 0))))",
        )
        .await;
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
                    "{}: timed out waiting for `{condition}`; page text:\n{}",
                    self.engine,
                    body.as_str().unwrap_or("")
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{}: no element {selector:?}: {e}", self.engine))
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

    /// Clicks the element `selector` finds (waiting for it to exist).
    pub async fn click(&self, selector: &str) {
        self.css(selector)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("{}: click {selector:?}: {e}", self.engine));
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

    /// Makes the page a touch screen's, where the engine can: Chromium's touch emulation
    /// (touch events, `pointer: coarse`); Firefox takes WebDriver's touch input as it is.
    /// WebKitGTK has no touch input under WebDriver: it turns touch actions into a mouse's.
    pub async fn emulate_touch(&self) {
        if self.engine == Engine::Chromium {
            self.cdp(
                "Emulation.setTouchEmulationEnabled",
                serde_json::json!({"enabled": true, "maxTouchPoints": 1}),
            )
            .await;
        }
    }

    /// Whether a touch action reaches the page as touch (not as a mouse).
    pub fn has_touch_input(&self) -> bool {
        self.engine != Engine::WebKit
    }

    /// Whether a finger's drag (WebDriver touch actions) scrolls the page: only Chromium's,
    /// with its touch emulation on; Firefox's touch actions are events that scroll nothing.
    pub fn touch_scrolls(&self) -> bool {
        self.engine == Engine::Chromium
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

    /// A finger drag from one viewport point to another, over `duration`.
    pub async fn drag(&self, from: (f64, f64), to: (f64, f64), duration: Duration) {
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::MoveTo {
                duration: Some(duration),
                x: to.0,
                y: to.1,
            })
            .then(PointerAction::Up { button: 0 });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// The mouse wheel turned `delta_y` pixels down, over viewport point `at`.
    pub async fn wheel(&self, at: (f64, f64), delta_y: i64) {
        let wheel = WheelActions::new("wheel".into()).then(WheelAction::Scroll {
            duration: None,
            x: at.0 as i64,
            y: at.1 as i64,
            delta_x: 0,
            delta_y,
        });
        self.client.perform_actions(wheel).await.unwrap();
    }

    /// Sends a Chrome DevTools Protocol command through ChromeDriver (Chromium only).
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        self.session()
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

    /// Everything the pages reported at error level (console errors, failed loads, uncaught
    /// exceptions, policy violations) since the last call: what the collector in the current
    /// page holds, and what reached the test's servers from earlier pages and from frames.
    pub async fn console_errors(&self) -> Vec<String> {
        let in_page = self
            .client
            .execute("return window.__errors ?? []", vec![])
            .await
            .unwrap_or_default();
        let in_page = in_page
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| testserver::Report {
                id: e["id"].as_str().unwrap_or_default().to_owned(),
                message: e["message"].as_str().unwrap_or_default().to_owned(),
            });
        let mut seen = self.seen.lock().unwrap();
        in_page
            .chain(errors::received())
            .filter(|report| seen.insert(report.id.clone()))
            .map(|report| report.message)
            .collect()
    }

    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        assert!(
            errors.is_empty(),
            "{}: console errors: {errors:#?}",
            self.engine
        );
    }

    /// Ends the test's use of the browser (it goes back to the pool).
    pub async fn close(self) {}
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            // A failed test may have left anything behind: its session is ended instead.
            if !std::thread::panicking() {
                pool::check_in(session);
            }
        }
    }
}
