//! Browser tests of hostile and broken input: every failure gets a clear message (an alert)
//! and a console error for maintainers, and what can still work keeps working. Also: no
//! injected script ever runs, and 2,000 random interactions leave the page healthy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{dist, serve, Browser, Reply, StaticServer};

const GEOMETRY: &str = "/geo/boroughs.geojson";
const CONTENT: &str = "/content/londoners-did.json";

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The real geometry with `change` made to the feature of `code`.
fn geometry_with(code: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut geometry: Value = serde_json::from_str(&read("geo/boroughs.geojson")).unwrap();
    let feature = geometry["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["properties"]["code"] == code)
        .unwrap();
    change(feature);
    geometry.to_string()
}

/// Console errors that are not the app's own reports to maintainers.
async fn foreign_console_errors(browser: &Browser) -> Vec<String> {
    browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !e.contains("borough map:") && !e.contains("Failed to load resource"))
        .collect()
}

#[tokio::test]
async fn every_kind_of_broken_geometry_is_explained_and_the_story_still_works() {
    let point = json!({"type": "Point", "coordinates": [-0.1, 51.5]});
    let all_points = {
        let mut geometry: Value = serde_json::from_str(&read("geo/boroughs.geojson")).unwrap();
        for feature in geometry["features"].as_array_mut().unwrap() {
            feature["geometry"] = point.clone();
        }
        geometry.to_string()
    };
    let cases: Vec<(&str, Reply, &str, usize)> = vec![
        (
            "404",
            Reply::status(404),
            "could not be downloaded (the server answered 404)",
            0,
        ),
        ("empty", Reply::body(""), "is not valid JSON", 0),
        (
            "malformed",
            Reply::body("{\"type\": \"FeatureCollection\", \"features\": [{"),
            "is not valid JSON",
            0,
        ),
        (
            "not a FeatureCollection",
            Reply::body("{\"type\":\"Topology\",\"objects\":{}}"),
            "is not a GeoJSON FeatureCollection",
            0,
        ),
        (
            "only points",
            Reply::body(all_points),
            "holds no usable boundaries",
            0,
        ),
        (
            "one line string",
            Reply::body(geometry_with(
                "E09000012",
                |f| {
                    f["geometry"] =
                        json!({"type": "LineString", "coordinates": [[-0.1, 51.5], [-0.09, 51.5]]})
                },
            )),
            "missing 1 of London's 33 areas because their boundaries could not be read: Hackney.",
            32,
        ),
        (
            "absurd coordinates",
            Reply::body(geometry_with("E09000029", |f| {
                f["geometry"]["coordinates"][0][3] = json!([1e300, -1e300])
            })),
            "missing 1 of London's 33 areas because their boundaries could not be read: Sutton.",
            32,
        ),
        (
            "a borough without a code",
            Reply::body(geometry_with("E09000007", |f| {
                f["properties"] = json!({"name": "Camden"})
            })),
            "missing 1 of London's 33 areas because their boundaries could not be read: Camden.",
            32,
        ),
    ];
    let browser = Browser::start(1280, 900).await;
    for (name, reply, expected, drawn) in cases {
        let server = StaticServer::start(&dist(), vec![(GEOMETRY, reply)]);
        browser.goto(&server.url("/")).await;
        let message = browser.alerts().await;
        assert!(message.contains(expected), "{name}: {message}");
        browser
            .wait_until("document.querySelector('.legend') !== null")
            .await;
        let count = browser
            .eval("return document.querySelectorAll('path.borough').length")
            .await;
        assert_eq!(count, drawn, "{name}");
        // The list still opens any borough's story, drawn or not.
        browser
            .click(".area-list button[data-code=E09000012]")
            .await;
        browser
            .wait_until("document.querySelector('.area-panel')?.textContent.includes('Britannia')")
            .await;
        let errors = browser.console_errors().await;
        assert!(
            errors.iter().any(|e| e.contains("borough map:")),
            "{name}: no console error for maintainers"
        );
        assert_eq!(
            foreign_console_errors(&browser).await,
            Vec::<String>::new(),
            "{name}"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn a_missing_content_file_is_explained_and_the_map_still_draws() {
    let server = StaticServer::start(&dist(), vec![(CONTENT, Reply::status(404))]);
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    let message = browser.alerts().await;
    assert!(
        message.contains(
            "content/londoners-did.json: file: could not be downloaded (the server answered 404)"
        ),
        "{message}"
    );
    browser
        .wait_until("document.querySelectorAll('path.borough').length === 33")
        .await;
    browser
        .wait_until(
            "document.querySelector('.area-panel')?.textContent.includes('could not be loaded')",
        )
        .await;
    // The summary falls back to the figures the page itself knows.
    browser.click(".area-panel .close").await;
    browser.wait_until("document.querySelector('.summary-panel')?.textContent.includes('more than 1,000 Londoners')").await;
    browser.close().await;
}

#[tokio::test]
async fn address_garbage_is_shown_as_text_and_shortened() {
    let server = serve();
    let browser = Browser::start(1280, 900).await;
    let markup = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    browser
        .goto(&server.url(&format!(
            "/?borough={markup}&theme=%3Cscript%3Ealert(2)%3C%2Fscript%3E"
        )))
        .await;
    let message = browser.alerts().await;
    assert!(
        message.contains("\u{201c}<img src=x onerror=alert(1)>\u{201d}"),
        "{message}"
    );
    assert!(
        message.contains("colour theme called \u{201c}<script>alert(2)</script>\u{201d}"),
        "{message}"
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.notices img, .notices script').length")
            .await,
        0
    );
    assert!(
        browser.client.get_alert_text().await.is_err(),
        "a dialog opened"
    );
    browser.wait_for_map().await;

    browser
        .goto(&server.url(&format!("/?borough={}", "A".repeat(5000))))
        .await;
    let message = browser.alerts().await;
    assert!(
        message.contains(&format!("\u{201c}{}\u{2026}\u{201d}", "A".repeat(59))),
        "not shortened: {} chars",
        message.len()
    );
    assert!(message.len() < 400);
    browser.wait_for_map().await;
    assert_eq!(foreign_console_errors(&browser).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn script_injection_through_the_content_file_never_runs() {
    let mut content: Value = serde_json::from_str(&read("content/londoners-did.json")).unwrap();
    let hackney = &mut content["areas"][11];
    hackney["summary"] = json!("<img src=x onerror=alert(1)> summary");
    hackney["outcomes"][0]["title"] = json!("<script>alert(2)</script>");
    hackney["outcomes"][0]["text"] = json!("<a href=\"javascript:alert(3)\">click</a>");
    // A javascript: source link is refused with its entry, and reported.
    content["areas"][28]["outcomes"][0]["sources"][0]["url"] = json!("javascript:alert(4)");
    let server = StaticServer::start(&dist(), vec![(CONTENT, Reply::body(content.to_string()))]);
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    let message = browser.alerts().await;
    assert!(
        message.contains("areas[28] (E09000029)")
            && message.contains("\"javascript:alert(4)\" is not an https:// or http:// address"),
        "{message}"
    );
    browser.wait_until("document.querySelector('.area-panel .summary')?.textContent === '<img src=x onerror=alert(1)> summary'").await;
    let panel = browser.text(".area-panel").await;
    assert!(
        panel.contains("<script>alert(2)</script>")
            && panel.contains("<a href=\"javascript:alert(3)\">click</a>"),
        "{panel}"
    );
    let injected = browser.eval("return document.querySelectorAll('.area-panel img, .area-panel script, .area-panel a[href^=javascript]').length").await;
    assert_eq!(injected, 0);
    let links = browser.eval("return [...document.querySelectorAll('a')].map(a => a.protocol).filter(p => p !== 'https:' && p !== 'http:')").await;
    assert_eq!(links, json!([]));
    assert!(
        browser.client.get_alert_text().await.is_err(),
        "a dialog opened"
    );
    assert_eq!(foreign_console_errors(&browser).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn a_browser_without_webassembly_is_told_so() {
    let server = serve();
    let browser = Browser::start(1280, 900).await;
    browser.remove_webassembly().await;
    browser.goto(&server.url("/")).await;
    let message = browser.alerts().await;
    assert!(
        message.contains("cannot run in this browser") && message.contains("no WebAssembly"),
        "{message}"
    );
    assert!(message.contains("londoners-did"), "{message}");
    let errors = browser.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("borough map:")),
        "{errors:?}"
    );

    // The static story is shown instead: 33 boroughs, each linking to its own section.
    let links = browser
        .eval("return [...document.querySelectorAll('svg.static-map a')].map(a => a.getAttribute('href'))")
        .await;
    assert_eq!(links.as_array().unwrap().len(), 33);
    assert!(links.as_array().unwrap().contains(&json!("#area-hackney")));
    browser
        .click("svg.static-map a[href='#area-hackney'] path")
        .await;
    browser
        .wait_until("location.hash === '#area-hackney'")
        .await;
    let section = browser.text("#area-hackney").await;
    assert!(
        section.contains("Britannia Leisure Centre") && section.contains("Outcomes recorded"),
        "{section}"
    );
    let visible = browser
        .eval("const r = document.getElementById('area-hackney').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight")
        .await;
    assert_eq!(visible, true, "the section is not scrolled into view");
    browser.close().await;
}

#[tokio::test]
async fn the_static_map_has_the_live_maps_boroughs_in_the_same_places() {
    let server = serve();
    let boxes = "return Object.fromEntries([...document.querySelectorAll(SELECTOR)].map(p => { \
                 const b = p.getBBox(); return [p.dataset.code, [b.x, b.y, b.width, b.height].map(Math.round)]; }))";
    let browser = Browser::start(1280, 900).await;
    browser.remove_webassembly().await;
    browser.goto(&server.url("/")).await;
    browser
        .wait_until("document.querySelectorAll('svg.static-map path').length === 33")
        .await;
    let static_boxes = browser
        .eval(&boxes.replace("SELECTOR", "'svg.static-map path.borough'"))
        .await;
    browser.close().await;

    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let live_boxes = browser
        .eval(&boxes.replace("SELECTOR", "'svg.map:not(.static-map) path.borough'"))
        .await;
    assert_eq!(static_boxes.as_object().unwrap().len(), 33);
    assert_eq!(static_boxes, live_boxes);
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The host page for the soak: same origin as the app, so it can both steer the map as its
/// parent and reach into the frame to click and type like a reader.
const SOAK_HOST: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Soak</title>
<link rel="icon" href="data:,"></head><body><iframe id="map" title="Map" src="./?embed=1" width="800" height="900"></iframe></body></html>"#;

/// 2,000 random actions, run in the page for speed; `seed` makes a failure reproducible.
const SOAK: &str = r#"
const [count, seed] = arguments;
let state = seed;
const random = (n) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
const frame = document.getElementById('map');
const win = frame.contentWindow, doc = frame.contentDocument;
const slugs = ['hackney', 'sutton', 'city-of-london', 'lambeth', 'E09000030', 'brent', ''];
const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', ' ', 'Escape', 'Tab'];
const pick = (list) => list[random(list.length)];
const tick = () => new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 0)));
for (let i = 0; i < count; i++) {
  const paths = doc.querySelectorAll('path.borough');
  switch (random(9)) {
    case 0: case 1: pick(paths).dispatchEvent(new win.MouseEvent('click', {bubbles: true})); break;
    case 2: { const p = pick(paths); p.focus(); p.dispatchEvent(new win.KeyboardEvent('keydown', {key: pick(keys), bubbles: true})); break; }
    case 3: win.postMessage.call(win, pick([
        {target: 'borough-map', type: 'select', code: pick(slugs)}, {target: 'borough-map', type: 'clear'},
        {target: 'borough-map', type: 'theme', theme: pick(['light', 'dark', 'auto', 'purple'])},
        'garbage', null, {target: 'borough-map', type: 'select', code: {nested: [1, 2]}}]), '*'); break;
    case 4: { const slug = pick(slugs); win.history.pushState(null, '', '?embed=1' + (slug ? '&borough=' + slug : ''));
              win.dispatchEvent(new win.PopStateEvent('popstate')); break; }
    case 5: frame.style.width = (280 + random(920)) + 'px'; break;
    case 6: pick(doc.querySelectorAll('.theme-button')).click(); break;
    case 7: pick(doc.querySelectorAll('.area-list button')).click(); break;
    default: { const input = doc.getElementById('find-input'); input.value = pick(['ha', 'sut', 'E0900', 'zz', '']);
               input.dispatchEvent(new win.Event('input', {bubbles: true}));
               input.dispatchEvent(new win.KeyboardEvent('keydown', {key: pick(['ArrowDown', 'Enter', 'Escape']), bubbles: true})); }
  }
  if (i % 20 === 19) await tick();
}
await tick();
return doc.querySelectorAll('path.borough').length;
"#;

async fn memory_in_use(browser: &Browser) -> f64 {
    browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = browser.cdp("Runtime.getHeapUsage", json!({})).await;
    let wasm = browser.eval("return document.getElementById('map').contentWindow.boroughMap.memory.buffer.byteLength").await;
    heap["usedSize"].as_f64().unwrap() + wasm.as_f64().unwrap()
}

#[tokio::test]
async fn two_thousand_random_interactions_leave_the_page_healthy() {
    let server = StaticServer::start(&dist(), vec![("/soak.html", Reply::body(SOAK_HOST))]);
    let browser = Browser::start(1280, 1000).await;
    browser.goto(&server.url("/soak.html")).await;
    browser.client.clone().enter_frame(0).await.unwrap();
    browser.wait_for_map().await;
    browser.client.clone().enter_parent_frame().await.unwrap();

    // Warm up: caches, lazily built views and the allocator settle.
    let drawn = browser
        .client
        .execute(SOAK, vec![json!(300), json!(7)])
        .await
        .unwrap();
    assert_eq!(drawn, 33);
    let before = memory_in_use(&browser).await;
    let drawn = browser
        .client
        .execute(SOAK, vec![json!(2000), json!(42)])
        .await
        .unwrap();
    assert_eq!(drawn, 33);
    let after = memory_in_use(&browser).await;
    let growth = after - before;
    println!("soak: JS heap + wasm memory {before:.0} -> {after:.0} bytes ({growth:+.0})");
    assert!(
        growth < 1_000_000.0,
        "memory grew by {growth} bytes over 2,000 interactions"
    );

    // The page still answers.
    browser.eval("document.getElementById('map').contentWindow.postMessage({target: 'borough-map', type: 'select', code: 'E09000012'}, '*')").await;
    browser.client.clone().enter_frame(0).await.unwrap();
    browser.wait_for_panel("Hackney").await;
    browser.client.clone().enter_parent_frame().await.unwrap();
    browser.assert_no_console_errors().await;
    browser.close().await;
}
