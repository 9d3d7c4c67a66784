//! Browser tests of hostile input and hostile conditions: garbage in the address is shown as
//! text, injected markup never runs, the page works without WebAssembly or any script, the
//! app takes over the prerendered page without moving anything, and 2,000 random
//! interactions leave the page healthy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use borough_core::content::Content;
use borough_core::geo::{BoundarySet, MapLayout};
use borough_page as page;
use serde_json::{json, Value};
use support::browser::TAKEN_OVER;
use support::{
    dist, index_with_body, read_repo_file, serve, serve_forbidding_webassembly,
    serve_holding_the_app, serve_page, serve_without_app, Browser, Engine, Reply, Scripts,
    StaticServer,
};

/// Console errors that are not the app's own reports to maintainers.
async fn foreign_console_errors(browser: &Browser) -> Vec<String> {
    browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !e.contains("borough map:") && !e.contains("Failed to load resource"))
        .collect()
}

async fn address_garbage_is_shown_as_text_and_shortened(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
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

async fn script_injection_through_the_content_never_runs(engine: Engine) {
    let mut content: Value =
        serde_json::from_str(&read_repo_file("content/londoners-did.json")).unwrap();
    let hackney = &mut content["areas"][11];
    hackney["summary"] = json!("<img src=x onerror=alert(1)> summary");
    hackney["outcomes"][0]["title"] = json!("<script>alert(2)</script>");
    hackney["outcomes"][0]["text"] = json!("<a href=\"javascript:alert(3)\">click</a>");
    // The page as the build would write it from that content (the build itself only
    // publishes content without problems; these strings are not problems, just text).
    let geometry = read_repo_file("geo/boroughs.geojson");
    let layout = MapLayout::new(&BoundarySet::from_geojson(&geometry).unwrap()).unwrap();
    let content = Content::parse(&content.to_string());
    assert!(content.problems.is_empty(), "{:?}", content.problems);
    let server = serve_page(index_with_body(&page::render(&layout, &content)));
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    browser.wait_for_panel("Hackney").await;
    let summary = browser.text(".area-panel[data-open] .summary").await;
    assert_eq!(summary, "<img src=x onerror=alert(1)> summary");
    let panel = browser.text(".area-panel[data-open]").await;
    assert!(
        panel.contains("<script>alert(2)</script>")
            && panel.contains("<a href=\"javascript:alert(3)\">click</a>"),
        "{panel}"
    );
    let injected = browser.eval("return document.querySelectorAll('.area-panel img, .area-panel script, .area-panel a[href^=javascript]').length").await;
    assert_eq!(injected, 0);
    let links = browser.eval("return [...document.querySelectorAll('a')].filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.protocol).filter(p => p !== 'https:' && p !== 'http:')").await;
    assert_eq!(links, json!([]));
    assert!(
        browser.client.get_alert_text().await.is_err(),
        "a dialog opened"
    );
    assert_eq!(foreign_console_errors(&browser).await, Vec::<String>::new());
    browser.close().await;
}

/// Without WebAssembly: a browser that has none (Chromium and Firefox, set so), or, where no
/// setting takes it away (WebKitGTK), a policy that forbids compiling it.
async fn a_browser_without_webassembly_is_told_so_and_every_story_still_opens(engine: Engine) {
    let (server, browser, why) = if engine.can_disable_webassembly() {
        let browser = Browser::start_with(engine, Scripts::NoWebAssembly, 1280, 900).await;
        (serve(), browser, "no WebAssembly")
    } else {
        let browser = Browser::start(engine, 1280, 900).await;
        (
            serve_forbidding_webassembly(),
            browser,
            "could not be loaded",
        )
    };
    browser.goto(&server.url("/")).await;
    let message = browser.alerts().await;
    assert!(
        message.contains("cannot run in this browser") && message.contains(why),
        "{message}"
    );
    let errors = browser.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("borough map:")),
        "{errors:?}"
    );
    // 33 boroughs, each linking to its own story, which the page shows in the panel.
    let links = browser
        .eval("return [...document.querySelectorAll('svg.map a:has(path.borough)')].map(a => a.getAttribute('href'))")
        .await;
    assert_eq!(links.as_array().unwrap().len(), 33);
    assert!(links.as_array().unwrap().contains(&json!("#area-hackney")));
    browser.click("path.borough[data-code=E09000012]").await;
    browser
        .wait_until("location.hash === '#area-hackney'")
        .await;
    let section = browser.text("#area-hackney").await;
    assert!(
        section.contains("Britannia Leisure Centre") && section.contains("Outcomes recorded"),
        "{section}"
    );
    let visible = browser
        .eval("const r = document.getElementById('area-hackney').getBoundingClientRect(); return r.height > 0 && r.top < innerHeight")
        .await;
    assert_eq!(visible, true, "the story is not shown");
    browser.close().await;
}

async fn with_javascript_disabled_the_page_shows_all_33_boroughs_and_their_stories(engine: Engine) {
    let server = serve();
    let browser = Browser::start_with(engine, Scripts::NoJavaScript, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    let taken_over = browser
        .eval("return document.documentElement.classList.contains('js')")
        .await;
    assert_eq!(taken_over, false, "the app ran");
    let drawn = browser
        .eval("return document.querySelectorAll('svg.map path.borough').length")
        .await;
    assert_eq!(drawn, 33);
    // No control that needs a script is offered, where the browser says scripting is off.
    // (WebKitGTK's only setting that stops the page's scripts and not WebDriver's leaves
    // `scripting` "enabled", and the stylesheet hides those controls by that media query.)
    let scripting_off = browser
        .eval("return matchMedia('(scripting: none)').matches")
        .await;
    if scripting_off == true {
        assert_eq!(browser.controls_needing_the_app().await, 0);
    } else {
        println!(
            "{engine}: reports scripting enabled with the page's scripts off; controls not checked"
        );
    }
    for (code, hash, words) in [
        ("E09000012", "#area-hackney", "Britannia Leisure Centre"),
        ("E09000030", "#area-tower-hamlets", "Conversation held"),
    ] {
        browser
            .click(&format!("path.borough[data-code={code}]"))
            .await;
        browser
            .wait_until(&format!("location.hash === '{hash}'"))
            .await;
        let shown = browser.shown_panels().await;
        assert_eq!(shown, json!([&hash[1..]]));
        assert!(browser.text(hash).await.contains(words), "{hash}");
    }
    // The list of areas reaches every story too.
    browser.click(".area-list a[href='#area-sutton']").await;
    browser.wait_until("location.hash === '#area-sutton'").await;
    // So do the report's ten points, from the London-wide story (where Close goes back to).
    browser.click("#area-sutton .close").await;
    browser.wait_until("location.hash === '#london'").await;
    for (link, story) in [
        ("#london", "london"),
        ("#area-barking-and-dagenham", "area-barking-and-dagenham"),
    ] {
        browser
            .click(&format!(".ten-points a[href='{link}']"))
            .await;
        browser
            .wait_until(&format!("location.hash === '{link}'"))
            .await;
        assert_eq!(browser.shown_panels().await, json!([story]));
    }
    browser.close().await;
}

/// Each borough's box in the map's own units, and the page position of the map, the panel,
/// the open story's heading, the controls and the parts around them, keyed by what they are.
const LAYOUT: &str = "const out = {}; \
    for (const p of document.querySelectorAll('svg.map path.borough')) { const b = p.getBBox(); out[p.dataset.code] = [b.x, b.y, b.width, b.height].map(Math.round); } \
    for (const s of ['svg.map', '.panel-column', '.panel[data-open] h2', '.site-header h1', '.find', '.legend', '.themes-picker', '.area-list', '.summary-panel', '.site-footer']) { \
      const e = document.querySelector(s); if (!e) { out[s] = null; continue; } \
      const r = e.getBoundingClientRect(); out[s] = [r.x, r.y + scrollY, r.width, r.height].map(Math.round); } \
    return out;";

/// The page paints from the HTML alone, and nothing moves when the app takes it over. The
/// server holds the app's WebAssembly back (a slow network for the app) while the page, as
/// painted, is measured; then lets it through and measures again. Chromium also reports
/// layout shifts (the Layout Instability API, which Firefox and WebKit lack).
async fn the_prerendered_map_is_the_live_map_and_nothing_moves_when_the_app_takes_over(
    engine: Engine,
) {
    for (address, width) in [
        ("/", 1280),
        ("/?borough=hackney", 1280),
        ("/?borough=E09000029", 412),
        ("/?embed=1&borough=hackney&theme=dark", 600),
        // A step of the tour (issue 16), over the stories.
        ("/?tour=3", 1280),
        // Areas' own pages, their story open from the first byte.
        ("/hackney/", 1280),
        ("/sutton/", 412),
    ] {
        let server = serve_holding_the_app();
        let browser = Browser::start(engine, width, 900).await;
        browser.goto(&server.url(address)).await;
        browser
            .wait_until("document.readyState === 'complete' && document.querySelectorAll('svg.map path.borough').length === 33 && document.getAnimations().length === 0")
            .await;
        browser.next_frame().await;
        let before = browser.eval(LAYOUT).await;
        assert!(
            browser.eval(&format!("return {TAKEN_OVER}")).await == false,
            "{address}: the app took over before its WebAssembly was let through"
        );
        server.release();
        browser.wait_for_map().await;
        browser
            .wait_until("document.getAnimations().length === 0")
            .await;
        let after = browser.eval(LAYOUT).await;
        assert_eq!(before.as_object().unwrap().len(), 33 + 10);
        assert_eq!(
            before, after,
            "{engine} {address}: the layout changed when the app took over"
        );
        // The shifts recorded so far: the buffered ones arrive at the observer in a later task.
        let shift = browser
            .eval("if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return null; \
                   return new Promise(r => { let sum = 0; const add = l => { for (const e of l) if (!e.hadRecentInput) sum += e.value; }; \
                     const o = new PerformanceObserver(l => add(l.getEntries())); o.observe({type: 'layout-shift', buffered: true}); \
                     requestAnimationFrame(() => setTimeout(() => { add(o.takeRecords()); o.disconnect(); r(sum); }, 0)); })")
            .await;
        match shift.as_f64() {
            Some(shift) => assert!(shift < 0.01, "{address}: cumulative layout shift {shift}"),
            None => {
                println!("{engine}: no Layout Instability API; the positions alone were compared")
            }
        }
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
}

/// Where the map and the panel sit in the viewport, and how far the page is scrolled.
const VIEWPORT: &str = "return ['svg.map', '.panel-column', '#area-hackney'].map(s => { \
      const r = document.querySelector(s).getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }) \
    .concat([[Math.round(scrollY)]]);";

/// A repeated parameter means its last value, to the page's own early script as to the app, so
/// nothing changes when the app takes over and nothing is reported.
async fn the_last_of_a_repeated_parameter_wins_before_and_with_the_app(engine: Engine) {
    let address = "/?borough=nowhere&borough=sutton&theme=purple&theme=dark";
    const SHOWN: &str = "return [document.documentElement.dataset.theme ?? null, \
        [...document.querySelectorAll('.area-panel')].filter(p => getComputedStyle(p).display !== 'none').map(p => p.id)]";
    let held = serve_without_app();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&held.url(address)).await;
    browser
        .wait_until("document.readyState === 'complete'")
        .await;
    assert_eq!(browser.eval(SHOWN).await, json!(["dark", ["area-sutton"]]));
    browser.close().await;

    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url(address)).await;
    browser.wait_for_panel("Sutton").await;
    assert_eq!(browser.eval(SHOWN).await, json!(["dark", ["area-sutton"]]));
    assert_eq!(browser.text("#notices").await, "");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The built page, whose app waits until the test starts it (`window.startApp()`).
fn serve_app_when_asked() -> StaticServer {
    StaticServer::start(
        &dist(),
        vec![(
            "/boot.js",
            Reply::body(
                "window.startApp = () => import('./borough-map.js').then((app) => \
                 app.default({ module_or_path: new URL('./borough-map_bg.wasm', import.meta.url) }));",
            ),
        )],
    )
}

/// A reader who arrives by a link to one borough and, before the app has loaded, follows
/// another borough's link, or closes the story: the app keeps what they chose, as the page
/// showed it, not what the address first asked for.
async fn a_choice_made_before_the_app_arrives_outlasts_the_address_it_came_in_by(engine: Engine) {
    let server = serve_app_when_asked();
    for (press, then_shown, path) in [
        ("path.borough[data-code=E09000012]", "Hackney", "/hackney/"),
        ("#area-sutton .close", "", "/"),
    ] {
        let browser = Browser::start(engine, 1280, 900).await;
        browser.goto(&server.url("/?borough=sutton")).await;
        browser
            .wait_until("typeof window.startApp === 'function' && document.readyState === 'complete' \
                         && getComputedStyle(document.getElementById('area-sutton')).display !== 'none'")
            .await;
        browser.click(press).await;
        browser.wait_until("location.hash !== ''").await;
        browser
            .eval("return window.startApp().then(() => true)")
            .await;
        if then_shown.is_empty() {
            browser.wait_for_summary().await;
        } else {
            browser.wait_for_panel(then_shown).await;
        }
        browser
            .wait_until(&format!(
                "location.pathname === {path:?} && location.search === '' && location.hash === ''"
            ))
            .await;
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
}

/// A press that starts on a borough before the app takes over and ends after it: the app turns
/// the borough's link into a button in between, and the browser, having lost the press's
/// target, fires no click. The release must still open the story.
async fn a_tap_begun_before_the_app_took_over_still_opens_the_story(engine: Engine) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let server = serve_app_when_asked();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser
        .wait_until("typeof window.startApp === 'function' && document.querySelectorAll('path.borough').length === 33")
        .await;
    let hackney = browser.css("path.borough[data-code=E09000012]").await;
    let press = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: hackney,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down { button: 0 });
    browser.client.perform_actions(press).await.unwrap();
    browser
        .eval("return window.startApp().then(() => true)")
        .await;
    browser.wait_for_map().await;
    let release = MouseActions::new("mouse".into()).then(PointerAction::Up { button: 0 });
    browser.client.perform_actions(release).await.unwrap();
    browser.wait_for_panel("Hackney").await;
    browser
        .wait_until("location.pathname === '/hackney/'")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn on_a_phone_a_story_opened_before_the_app_arrives_stays_in_place(engine: Engine) {
    // Opened through its link, before any script: a bottom sheet, as the app shows it.
    let held = serve_without_app();
    let browser = Browser::start(engine, 412, 823).await;
    browser.goto(&held.url("/#area-hackney")).await;
    browser
        .wait_until("getComputedStyle(document.getElementById('area-hackney')).display !== 'none' && document.getAnimations().length === 0")
        .await;
    let before = browser.eval(VIEWPORT).await;
    let sheet = browser
        .eval("return getComputedStyle(document.getElementById('area-hackney')).position")
        .await;
    assert_eq!(
        sheet, "fixed",
        "the story is a bottom sheet before the app too"
    );
    browser.close().await;

    let server = serve();
    let browser = Browser::start(engine, 412, 823).await;
    browser.goto(&server.url("/#area-hackney")).await;
    browser.wait_for_panel("Hackney").await;
    // The app keeps the story open and puts it in the address.
    browser
        .wait_until("location.pathname === '/hackney/' && location.hash === '' && document.getAnimations().length === 0")
        .await;
    assert_eq!(before, browser.eval(VIEWPORT).await);
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
    case 7: pick(doc.querySelectorAll('.area-list a')).click(); break;
    default: { const input = doc.getElementById('find-input'); input.value = pick(['ha', 'sut', 'E0900', 'zz', '']);
               input.dispatchEvent(new win.Event('input', {bubbles: true}));
               input.dispatchEvent(new win.KeyboardEvent('keydown', {key: pick(['ArrowDown', 'Enter', 'Escape']), bubbles: true})); }
  }
  if (i % 20 === 19) await tick();
}
await tick();
// Healthy: all 33 shapes, and the map, the stories, the list and the address agree on one
// selection (or none).
const shown = [...doc.querySelectorAll('.area-panel[data-open]')].map(p => p.dataset.code);
const pressed = [...doc.querySelectorAll('path.borough[aria-pressed=true]')].map(p => p.dataset.code);
const current = [...doc.querySelectorAll('.area-list [aria-current=true]')].map(a => a.dataset.code);
const summary = doc.querySelector('.summary-panel').hasAttribute('data-open');
const agree = JSON.stringify(shown) === JSON.stringify(pressed) && JSON.stringify(shown) === JSON.stringify(current)
  && shown.length <= 1 && summary === (shown.length === 0)
  && (new win.URLSearchParams(win.location.search).has('borough')) === (shown.length === 1);
return [doc.querySelectorAll('path.borough').length, agree, shown, pressed, current, summary, win.location.search];
"#;

/// Runs `count` random actions from `seed`, then checks the page is healthy: all 33 shapes, and
/// one selection (or none) on which everything agrees.
async fn soak(browser: &Browser, count: u64, seed: u64) {
    let state = browser
        .client
        .execute(SOAK, vec![json!(count), json!(seed)])
        .await
        .unwrap();
    assert_eq!(
        (&state[0], &state[1]),
        (&json!(33), &json!(true)),
        "{state}"
    );
}

async fn memory_in_use(browser: &Browser) -> f64 {
    browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = browser.cdp("Runtime.getHeapUsage", json!({})).await;
    let wasm = browser.eval("return document.getElementById('map').contentWindow.boroughMap.memory.buffer.byteLength").await;
    heap["usedSize"].as_f64().unwrap() + wasm.as_f64().unwrap()
}

async fn two_thousand_random_interactions_leave_the_page_healthy(engine: Engine) {
    let server = StaticServer::start(&dist(), vec![("/soak.html", Reply::body(SOAK_HOST))]);
    let browser = Browser::start(engine, 1280, 1000).await;
    browser.goto(&server.url("/soak.html")).await;
    browser.client.clone().enter_frame(0).await.unwrap();
    browser.wait_for_map().await;
    browser.client.clone().enter_parent_frame().await.unwrap();

    // Warm up: caches, lazily built views and the allocator settle.
    soak(&browser, 300, 7).await;
    let before = memory_in_use(&browser).await;
    soak(&browser, 2000, 42).await;
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

browser_tests!(all: address_garbage_is_shown_as_text_and_shortened, script_injection_through_the_content_never_runs, a_browser_without_webassembly_is_told_so_and_every_story_still_opens, with_javascript_disabled_the_page_shows_all_33_boroughs_and_their_stories, the_prerendered_map_is_the_live_map_and_nothing_moves_when_the_app_takes_over, the_last_of_a_repeated_parameter_wins_before_and_with_the_app, a_choice_made_before_the_app_arrives_outlasts_the_address_it_came_in_by, a_tap_begun_before_the_app_took_over_still_opens_the_story, on_a_phone_a_story_opened_before_the_app_arrives_stays_in_place);
// The soak measures memory through the DevTools protocol: Chromium only.
browser_tests!([chromium]: two_thousand_random_interactions_leave_the_page_healthy);
