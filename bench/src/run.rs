//! One measured visit: a fresh browser opens a page, clicks the first borough as soon as the
//! map has been painted, waits for its panel, lets the page settle (with its own app, if it has
//! one, taken over), clicks four more boroughs, each once the page has settled again, then
//! reads what the probe noted, the layout shifts, the bytes and the memory.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::browser::Browser;
use crate::cdp::{self, HeapUsage, Throttling};
use crate::metrics::Figure;
use crate::pages::{Page, CLICKS, FIRST};

const PROBE: &str = include_str!("probe.js");
/// Pause before each settled click and before reading, so the page is idle and the Event Timing
/// entries have been delivered.
const SETTLE: Duration = Duration::from_millis(1500);
const SCROLL_SETTLE: Duration = Duration::from_millis(500);
/// Event Timing's smallest reporting threshold: shorter events are not reported.
const EVENT_THRESHOLD_MS: f64 = 16.0;

/// What one visit measured. Times in milliseconds from navigation start, sizes in bytes.
#[derive(Clone, Debug)]
pub struct Sample {
    /// Bytes over the whole visit: the load and the five clicks.
    pub transferred: Figure,
    /// Bytes whose responses had ended when the first story was painted.
    pub transferred_until_story: Figure,
    pub decoded: Figure,
    pub map_painted: Figure,
    /// The floor page's first map paint in the same round and condition (see
    /// `pages::floor`), set by the runner after the visit.
    pub floor_painted: Figure,
    pub interactive: Figure,
    /// Event Timing: the longest of the click's pointerdown, pointerup and click entries, for
    /// the click while the page loads.
    pub first_click: Figure,
    /// The same for each of the four clicks on the settled page.
    pub settled_clicks: Vec<Figure>,
    /// The probe's own measure of each settled click: pointerdown to the next paint.
    pub settled_click_probes: Vec<Figure>,
    pub js_heap: Figure,
    /// Blink's heap (DOM and engine objects): shown, but not in `memory()`.
    pub blink_heap: Figure,
    pub wasm_memory: Figure,
    /// Cumulative layout shift up to the moment the runner saw the first click's panel painted:
    /// the sum of `layout-shift` entries without recent input.
    pub layout_shift: Figure,
    /// The same over the whole visit, up to the reading.
    pub layout_shift_whole: Figure,
    /// When the page's own app took over (ours: `<html class="js">`); missing for the others.
    pub app_ready: Figure,
    /// `[url, transferred, decoded]` per file.
    pub files: Vec<(String, f64, f64)>,
    pub console_errors: Vec<String>,
}

impl Sample {
    /// The INP-style latency: the worst of the five clicks.
    pub fn click_latency(&self) -> Figure {
        self.first_click.max(self.worst_settled_click())
    }

    pub fn worst_settled_click(&self) -> Figure {
        worst(&self.settled_clicks)
    }

    /// The middle settled click: what a reader meets most of the time.
    pub fn median_settled_click(&self) -> Figure {
        crate::metrics::median(&self.settled_clicks)
    }

    pub fn worst_settled_click_probe(&self) -> Figure {
        worst(&self.settled_click_probes)
    }

    /// The first map paint less the floor's in the same round: the page's own part of it.
    pub fn map_painted_above_floor(&self) -> Figure {
        self.map_painted.minus(self.floor_painted)
    }

    /// The JavaScript heap plus WebAssembly linear memory.
    pub fn memory(&self) -> Figure {
        self.js_heap.plus(self.wasm_memory)
    }
}

pub async fn measure(
    page: &Page,
    url: &str,
    throttling: Throttling,
    nonce: u64,
    patience: Duration,
) -> Result<Sample, String> {
    let browser = Browser::start(Vec::new()).await?;
    let result = visit(&browser, page, url, throttling, nonce, patience).await;
    browser.close().await;
    result
}

/// Only the first map paint of `page`, in a fresh browser under `throttling`: for the floor
/// page, which has nothing to click.
pub async fn measure_map_paint(
    page: &Page,
    url: &str,
    throttling: Throttling,
    nonce: u64,
    patience: Duration,
) -> Result<Figure, String> {
    let browser = Browser::start(Vec::new()).await?;
    let painted = async {
        let waiter = open(&browser, page, url, throttling, nonce, patience).await?;
        let painted = waiter.until("__bench.mapPainted").await?;
        Ok(Figure::from_option(painted.as_f64()))
    }
    .await;
    browser.close().await;
    painted
}

/// A visit as [`measure`] makes it, with Chromium tracing itself from its start into `file`
/// (see `trace.rs`) for `seconds`; returns the trace once the browser has written it.
pub async fn measure_traced(
    page: &Page,
    url: &str,
    nonce: u64,
    file: &std::path::Path,
    seconds: u64,
) -> Result<Value, String> {
    let _ = std::fs::remove_file(file);
    let browser = Browser::start(crate::trace::flags(file, seconds)).await?;
    let patience = Duration::from_secs(120);
    let visited = visit(&browser, page, url, Throttling::SlowPhone, nonce, patience).await;
    // Chromium writes the trace when its time is up, a JSON document that parses once whole.
    let deadline = Instant::now() + Duration::from_secs(seconds + 60);
    let trace = loop {
        let whole = std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
        if whole.is_some() || Instant::now() > deadline {
            break whole;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    browser.close().await;
    visited?;
    trace.ok_or_else(|| format!("Chromium wrote no trace to {}", file.display()))
}

async fn visit(
    browser: &Browser,
    page: &Page,
    url: &str,
    throttling: Throttling,
    nonce: u64,
    patience: Duration,
) -> Result<Sample, String> {
    let waiter = open(browser, page, url, throttling, nonce, patience).await?;

    for (step, (code, name)) in CLICKS.into_iter().enumerate() {
        if step == 1 {
            // The end of cumulative layout shift's window: the first click is done.
            cdp::evaluate(browser, "__bench.firstClickDone = performance.now()").await?;
            // "Settled" includes the page's own app: ours may show the first story through its
            // link (CSS :target) before the WebAssembly has arrived.
            if let Some(selector) = page.app_ready {
                waiter
                    .until(&format!("document.querySelector({selector:?})"))
                    .await?;
            }
        }
        if step > 0 {
            tokio::time::sleep(SETTLE).await;
            // Finding the point may scroll the borough out from under a panel; a reader taps
            // once the page has stopped moving, so the tap's paint holds no scrolling work.
            waiter.until(&point_on(code)).await?;
            tokio::time::sleep(SCROLL_SETTLE).await;
        }
        let point = waiter.until(&point_on(code)).await?;
        let (x, y) = (point["x"].as_f64(), point["y"].as_f64());
        let (Some(x), Some(y)) = (x, y) else {
            return Err(format!("no point to click on {name}: {point}"));
        };
        cdp::click(browser, x, y).await?;
        waiter
            .until(&format!("__bench.panelsPainted[{name:?}]"))
            .await?;
    }
    waiter
        .until(&format!("__bench.clickPaints.length >= {}", CLICKS.len()))
        .await?;
    tokio::time::sleep(SETTLE).await;

    let notes = cdp::evaluate(
        browser,
        "({mapPainted: __bench.mapPainted, panels: __bench.panelsPainted, \
          pointerDowns: __bench.pointerDowns, clickPaints: __bench.clickPaints, \
          events: __bench.events, wasm: __bench.wasmBytes(), bytes: __bench.bytes(), \
          shifts: __bench.takeShifts(), firstClickDone: __bench.firstClickDone, \
          appReady: __bench.appReady})",
    )
    .await?;
    let heap = cdp::heap_usage(browser).await?;
    let console_errors = browser.console_errors().await;
    Ok(sample(&notes, &heap, console_errors))
}

/// Injects the probe for `page`, sets `throttling` and opens `url`: the start of every visit,
/// with the waiter that polls the new document until `patience` is spent.
async fn open<'a>(
    browser: &'a Browser,
    page: &Page,
    url: &str,
    throttling: Throttling,
    nonce: u64,
    patience: Duration,
) -> Result<Waiter<'a>, String> {
    let probe = PROBE.replace("__BENCH_CONFIG__", &page.probe_config(nonce).to_string());
    cdp::prepare(browser, throttling, &probe).await?;
    cdp::navigate(browser, url).await?;
    Ok(Waiter {
        browser,
        nonce,
        deadline: Instant::now() + patience,
    })
}

/// A page expression resolving to a point on the borough `code` once the map has been painted
/// with its shape, one task later (a user taps what they can see: a prerendered page has its
/// shapes in the DOM before its stylesheet has arrived and anything has been painted).
fn point_on(code: &str) -> String {
    format!(
        "__bench.until(() => __bench.mapPainted !== null && document.querySelector('path.borough[data-code=\"{code}\"]'), 2000)\
         .then((shape) => shape && new Promise((done) => setTimeout(() => done(__bench.pointOn(shape)))))"
    )
}

/// Polls the page, across its navigation, until an expression over `__bench` is truthy.
struct Waiter<'a> {
    browser: &'a Browser,
    nonce: u64,
    deadline: Instant,
}

impl Waiter<'_> {
    async fn until(&self, expression: &str) -> Result<Value, String> {
        // Each evaluation waits in the page for at most 2 s; an error or a missing probe means
        // the new document is not there yet.
        let script = format!(
            "(window.__bench && __bench.nonce === {}) ? __bench.until(() => ({expression}), 2000) : null",
            self.nonce
        );
        let mut last_error = String::new();
        loop {
            match cdp::evaluate(self.browser, &script).await {
                Ok(value) if truthy(&value) => return Ok(value),
                Ok(_) => {}
                Err(e) => last_error = e,
            }
            if Instant::now() > self.deadline {
                let text = cdp::evaluate(self.browser, "document.body?.innerText.slice(0, 400)")
                    .await
                    .unwrap_or_default();
                return Err(format!(
                    "timed out waiting for `{expression}` ({last_error}); the page says: {text}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

fn sample(notes: &Value, heap: &HeapUsage, console_errors: Vec<String>) -> Sample {
    let number = |v: &Value| Figure::from_option(v.as_f64());
    let downs: Vec<f64> = notes["pointerDowns"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let events = notes["events"].as_array().cloned().unwrap_or_default();
    let click = |index: usize| {
        let Some(&start) = downs.get(index) else {
            return Figure::Missing;
        };
        let end = downs.get(index + 1).copied().unwrap_or(f64::INFINITY);
        interaction_latency(&events, start, end)
    };
    let files = notes["bytes"]["files"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let size = |i: usize| f[i].as_f64().unwrap_or(0.0);
            (f[0].as_str().unwrap_or("").to_owned(), size(1), size(2))
        })
        .collect();
    Sample {
        transferred: number(&notes["bytes"]["transferred"]),
        transferred_until_story: number(&notes["bytes"]["untilFirstStory"]),
        decoded: number(&notes["bytes"]["decoded"]),
        map_painted: number(&notes["mapPainted"]),
        floor_painted: Figure::Missing,
        interactive: number(&notes["panels"][FIRST.1]),
        first_click: click(0),
        settled_clicks: (1..CLICKS.len()).map(click).collect(),
        settled_click_probes: (1..CLICKS.len())
            .map(|i| number(&notes["clickPaints"][i]))
            .collect(),
        js_heap: Figure::Value(heap.javascript),
        blink_heap: Figure::from_option(heap.blink),
        wasm_memory: number(&notes["wasm"]),
        layout_shift: match notes["firstClickDone"].as_f64() {
            Some(until) => cumulative_layout_shift(&notes["shifts"], until),
            None => Figure::Missing,
        },
        layout_shift_whole: cumulative_layout_shift(&notes["shifts"], f64::INFINITY),
        app_ready: number(&notes["appReady"]),
        files,
        console_errors,
    }
}

/// The largest of `figures` (missing if none was measured).
fn worst(figures: &[Figure]) -> Figure {
    figures.iter().copied().fold(Figure::Missing, Figure::max)
}

/// The longest Event Timing duration among the pointerdown, pointerup and click entries that
/// started in `[start, end)`: one tap's latency as INP counts it. With no entry, every event
/// of the tap was under the reporting threshold.
pub fn interaction_latency(events: &[Value], start: f64, end: f64) -> Figure {
    events
        .iter()
        .filter(|e| {
            matches!(
                e["name"].as_str(),
                Some("pointerdown" | "pointerup" | "click")
            )
        })
        .filter_map(|e| Some((e["startTime"].as_f64()?, e["duration"].as_f64()?)))
        // Event timestamps are coarsened; allow half a millisecond.
        .filter(|(t, _)| *t >= start - 0.5 && *t < end - 0.5)
        .map(|(_, duration)| Figure::Value(duration))
        .fold(Figure::Below(EVENT_THRESHOLD_MS), Figure::max)
}

/// Cumulative layout shift as first defined: the sum of the `layout-shift` entries (the
/// probe's `{startTime, value, hadRecentInput}`) that started by `until` and came more than
/// 500 ms after any input. Missing where the browser reports no layout shifts at all (`null`).
pub fn cumulative_layout_shift(shifts: &Value, until: f64) -> Figure {
    let Some(shifts) = shifts.as_array() else {
        return Figure::Missing;
    };
    Figure::Value(
        shifts
            .iter()
            .filter(|s| s["hadRecentInput"].as_bool() != Some(true))
            .filter(|s| s["startTime"].as_f64().is_some_and(|t| t <= until))
            .filter_map(|s| s["value"].as_f64())
            // From +0: an empty f64 sum is -0, which would print as "-0.000".
            .fold(0.0, |sum, value| sum + value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout_shift_sums_the_shifts_without_input_up_to_the_cutoff() {
        let shifts = json!([
            {"startTime": 100.0, "value": 0.05, "hadRecentInput": false},
            {"startTime": 900.0, "value": 0.5, "hadRecentInput": true},
            {"startTime": 1000.0, "value": 0.002, "hadRecentInput": false},
            {"startTime": 5000.0, "value": 0.25, "hadRecentInput": false},
        ]);
        let Figure::Value(cls) = cumulative_layout_shift(&shifts, 1000.0) else {
            panic!("a figure");
        };
        assert!((cls - 0.052).abs() < 1e-12, "{cls}");
        let Figure::Value(whole) = cumulative_layout_shift(&shifts, f64::INFINITY) else {
            panic!("a figure");
        };
        assert!((whole - 0.302).abs() < 1e-12, "{whole}");
        let Figure::Value(none) = cumulative_layout_shift(&json!([]), 1000.0) else {
            panic!("a figure");
        };
        assert!(none == 0.0 && none.is_sign_positive());
        assert_eq!(
            cumulative_layout_shift(&Value::Null, 1000.0),
            Figure::Missing
        );
    }

    #[test]
    fn a_tap_takes_its_longest_entry_or_stays_under_the_threshold() {
        let events = [
            json!({"name": "pointerdown", "startTime": 100.0, "duration": 8.0}),
            json!({"name": "click", "startTime": 130.0, "duration": 48.0}),
            json!({"name": "mousedown", "startTime": 100.0, "duration": 96.0}),
            json!({"name": "pointerup", "startTime": 2000.0, "duration": 24.0}),
        ];
        assert_eq!(
            interaction_latency(&events, 100.0, 1900.0),
            Figure::Value(48.0)
        );
        assert_eq!(
            interaction_latency(&events, 1900.0, f64::INFINITY),
            Figure::Value(24.0)
        );
        assert_eq!(
            interaction_latency(&events[..1], 100.0, 1900.0),
            Figure::Below(16.0)
        );
        assert_eq!(interaction_latency(&[], 0.0, 1.0), Figure::Below(16.0));
    }
}
