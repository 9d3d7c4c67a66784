//! The DevTools protocol commands the benchmark sends, through ChromeDriver's
//! `POST /session/{id}/goog/cdp/execute` bridge: throttling, the injected probe, navigation,
//! evaluation, clicks and heap usage.

use serde_json::{json, Value};

use crate::browser::Browser;

/// Lighthouse's mobile preset ("Slow 4G", `mobileSlow4G` in its constants) applied as DevTools
/// throttling: 150 ms round trip, 1.6 Mbit/s down (1638.4 kbit/s), 750 kbit/s up, where one
/// kbit is 1024 bits as Lighthouse counts, and the CPU slowed 4 times.
pub const LATENCY_MS: f64 = 150.0;
pub const DOWNLOAD_KBPS: f64 = 1638.4;
pub const UPLOAD_KBPS: f64 = 750.0;
pub const CPU_SLOWDOWN: f64 = 4.0;

/// Lighthouse's mobile screen (a Moto G Power): 412 × 823 CSS pixels at 1.75 device pixels each.
pub const SCREEN: (u32, u32, f64) = (412, 823, 1.75);

/// Whether a run emulates the slow phone or runs at the machine's own speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Throttling {
    SlowPhone,
    None,
}

/// Sets the phone screen, the throttling (or none), a disabled cache and the probe script,
/// which then runs in every new document before the page's own scripts.
pub async fn prepare(browser: &Browser, throttling: Throttling, probe: &str) -> Result<(), String> {
    let (width, height, scale) = SCREEN;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": scale, "mobile": true}),
        )
        .await?;
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))
        .await?;
    if throttling == Throttling::SlowPhone {
        // DevTools takes throughput in bytes per second.
        browser
            .cdp(
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": LATENCY_MS,
                    "downloadThroughput": DOWNLOAD_KBPS * 1024.0 / 8.0,
                    "uploadThroughput": UPLOAD_KBPS * 1024.0 / 8.0,
                }),
            )
            .await?;
        browser
            .cdp(
                "Emulation.setCPUThrottlingRate",
                json!({"rate": CPU_SLOWDOWN}),
            )
            .await?;
    }
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": probe}),
        )
        .await?;
    Ok(())
}

pub async fn navigate(browser: &Browser, url: &str) -> Result<(), String> {
    let result = browser.cdp("Page.navigate", json!({"url": url})).await?;
    match result["errorText"].as_str() {
        Some(error) if !error.is_empty() => Err(format!("loading {url} failed: {error}")),
        _ => Ok(()),
    }
}

/// Evaluates `expression` in the page, awaiting it if it is a promise, and returns its value.
pub async fn evaluate(browser: &Browser, expression: &str) -> Result<Value, String> {
    let result = browser
        .cdp(
            "Runtime.evaluate",
            json!({"expression": expression, "awaitPromise": true, "returnByValue": true}),
        )
        .await?;
    if let Some(exception) = result.get("exceptionDetails") {
        let text = exception["exception"]["description"]
            .as_str()
            .or(exception["text"].as_str())
            .unwrap_or("exception");
        return Err(format!("in the page: {text}"));
    }
    Ok(result["result"]["value"].clone())
}

/// A left click at viewport point (`x`, `y`) in CSS pixels: real input events, as a user's tap
/// would give, so the page's Event Timing sees them.
pub async fn click(browser: &Browser, x: f64, y: f64) -> Result<(), String> {
    for kind in ["mousePressed", "mouseReleased"] {
        browser
            .cdp(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1}),
            )
            .await?;
    }
    Ok(())
}

/// The page's heaps in use after a full garbage collection, in bytes.
pub struct HeapUsage {
    /// V8's heap: the page's JavaScript objects.
    pub javascript: f64,
    /// Blink's garbage-collected heap (DOM nodes and other engine objects), when reported.
    pub blink: Option<f64>,
}

pub async fn heap_usage(browser: &Browser) -> Result<HeapUsage, String> {
    browser
        .cdp("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let usage = browser.cdp("Runtime.getHeapUsage", json!({})).await?;
    Ok(HeapUsage {
        javascript: usage["usedSize"]
            .as_f64()
            .ok_or_else(|| format!("Runtime.getHeapUsage answered {usage}"))?,
        blink: usage["embedderHeapUsedSize"].as_f64(),
    })
}

/// The browser's product and version, e.g. `HeadlessChrome/156.0.8078.108`.
pub async fn browser_version(browser: &Browser) -> Result<String, String> {
    let version = browser.cdp("Browser.getVersion", json!({})).await?;
    Ok(version["product"].as_str().unwrap_or("unknown").to_owned())
}
