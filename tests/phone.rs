//! Browser tests of the phone layout (issue 17): from 320×568 to 430×932, with a story open,
//! the whole map and the story's heading and status share the screen, however the story was
//! opened (a deep link from the first paint, a tap, the keyboard, search, a host's command when
//! embedded); the story sheet moves between its peek and its reading height by touch and by
//! keyboard, and closes; and nothing moves when the app takes a deep-linked page over.
//! Each test loops over the three viewports in one browser, to keep the suite short.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::browser::{PATIENCE, TAKEN_OVER};
use support::{
    serve, serve_holding_the_app, serve_without_app, Browser, Engine, Reply, Scripts, StaticServer,
};

const VIEWPORTS: [(u32, u32); 3] = [(320, 568), (390, 844), (430, 932)];

const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';

const SUTTON: &str = "E09000029";

/// Nothing is sliding: the sheet has reached its height.
const SETTLED: &str = "document.getAnimations().length === 0";

/// The areas of the map that no point of the screen reaches: for each, points across its box
/// are tried, and one counts if it is on screen and the element there (`elementFromPoint`, what
/// a tap would hit) is the area's shape or its touch target.
const UNREACHABLE: &str = "const out = []; \
    for (const p of document.querySelectorAll('svg.map path.borough')) { \
      const code = p.dataset.code, r = p.getBoundingClientRect(); let found = false; \
      for (let i = 1; i < 16 && !found; i++) for (let j = 1; j < 16 && !found; j++) { \
        const x = r.left + r.width * i / 16, y = r.top + r.height * j / 16; \
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue; \
        found = document.elementFromPoint(x, y)?.closest('[data-code]')?.dataset.code === code; } \
      if (!found) out.push(code); } \
    return out;";

/// A point of the screen where a tap reaches the area `code`, as `[x, y]`: of those tried, the
/// nearest its box's centre (away from its edges, which a tap's rounding might cross).
fn point_on(code: &str) -> String {
    format!(
        "const p = document.querySelector('path.borough[data-code={code}]'), r = p.getBoundingClientRect(); \
         let best = null, distance = Infinity; \
         for (let i = 1; i < 16; i++) for (let j = 1; j < 16; j++) {{ \
           const x = Math.round(r.left + r.width * i / 16), y = Math.round(r.top + r.height * j / 16); \
           const d = Math.hypot(x - r.left - r.width / 2, y - r.top - r.height / 2); \
           if (d < distance && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight \
               && document.elementFromPoint(x, y)?.closest('[data-code]')?.dataset.code === '{code}') {{ best = [x, y]; distance = d; }} }} \
         return best;"
    )
}

/// Of the open story: its heading's and status's boxes, whether each is on screen and is what a
/// tap at its centre reaches (not covered), and the page's scroll.
const STORY_ON_SCREEN: &str = "const story = document.querySelector('.area-panel[data-open], :root:not(.js) .area-panel:target'); \
    const seen = s => { const e = story.querySelector(s), r = e.getBoundingClientRect(); \
      const x = r.left + r.width / 2, y = r.top + r.height / 2; \
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth \
        && e.contains(document.elementFromPoint(x, y)); }; \
    return [seen('h2'), seen('.status'), seen('.close'), Math.round(scrollY)];";

/// Where the map, the sheet, its handle, heading and status, and the search box are, and the
/// page's scroll: what must not move when the app takes over.
const PLACES: &str = "const box = s => { const e = document.querySelector(s); if (!e) return null; \
      const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(v => Math.round(v * 10) / 10); }; \
    const open = '.area-panel[data-open]'; \
    return [box('svg.map'), box(open), box(open + ' .sheet-handle'), box(open + ' h2'), box(open + ' .status'), \
      box('.find'), box('.site-header h1'), scrollY];";

/// The layout shift recorded since the page began (Chromium; `None` elsewhere, where the
/// Layout Instability API is missing).
async fn layout_shift(browser: &Browser) -> Option<f64> {
    browser
        .eval(
            "if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return null; \
             return new Promise(r => { let sum = 0; const add = l => { for (const e of l) if (!e.hadRecentInput) sum += e.value; }; \
               const o = new PerformanceObserver(l => add(l.getEntries())); o.observe({type: 'layout-shift', buffered: true}); \
               requestAnimationFrame(() => setTimeout(() => { add(o.takeRecords()); o.disconnect(); r(sum); }, 0)); })",
        )
        .await
        .as_f64()
}

/// The whole map is reachable and the open story's heading and status are on screen.
async fn assert_map_and_story_share_the_screen(browser: &Browser, how: &str) {
    browser.wait_until(SETTLED).await;
    let unreachable = browser.eval(UNREACHABLE).await;
    assert_eq!(
        unreachable,
        json!([]),
        "{} {how}: areas no tap reaches",
        browser.engine
    );
    let story = browser.eval(STORY_ON_SCREEN).await;
    assert_eq!(
        (&story[0], &story[1]),
        (&json!(true), &json!(true)),
        "{} {how}: the story's heading and status are not on screen: {story}",
        browser.engine
    );
}

async fn viewport_label(browser: &Browser) -> String {
    let size = browser.eval("return innerWidth + '×' + innerHeight").await;
    size.as_str().unwrap_or_default().to_owned()
}

/// The centre of the open story's handle.
async fn handle_centre(browser: &Browser) -> (f64, f64) {
    let at = browser
        .eval("const r = document.querySelector('.area-panel[data-open] .sheet-handle').getBoundingClientRect(); \
               return [r.left + r.width / 2, r.top + r.height / 2]")
        .await;
    (at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
}

/// The open story's sheet height (`data-sheet`, absent at its peek) and its handle's
/// `aria-expanded`, once it has settled there; and whether it stands at its reading height
/// (its top in the screen's top fifth) or its peek (under the map).
async fn sheet_state(browser: &Browser) -> Value {
    browser.wait_until(SETTLED).await;
    let state = browser
        .eval("const s = document.querySelector('.area-panel[data-open]'), top = s.getBoundingClientRect().top; \
               const map = document.querySelector('svg.map').getBoundingClientRect().bottom; \
               return [s.dataset.sheet ?? 'peek', s.querySelector('.sheet-handle').getAttribute('aria-expanded'), \
                 top <= innerHeight / 5 ? 'high' : top >= map ? 'under the map' : 'over the map at ' + top]")
        .await;
    let height = match state[0].as_str() {
        Some("full") => "high",
        _ => "under the map",
    };
    assert_eq!(state[2], height, "{}: {state}", browser.engine);
    json!([state[0], state[1]])
}

/// A finger's swipe on the open story's handle, `by` pixels down (up if negative).
async fn swipe_handle(browser: &Browser, by: f64) {
    let (x, y) = handle_centre(browser).await;
    browser
        .drag((x, y), (x, y + by), Duration::from_millis(250))
        .await;
}

/// Opened from a deep link, before the app and with it: the map and the story share the screen
/// from the first paint, unscrolled, and nothing moves when the app takes over.
async fn a_deep_link(engine: Engine, browser: &Browser) {
    let here = viewport_label(browser).await;
    let server = serve_holding_the_app();
    browser.goto(&server.url("/sutton/")).await;
    browser
        .wait_until("document.readyState === 'complete' && document.querySelectorAll('svg.map path.borough').length === 33")
        .await;
    browser.next_frame().await;
    assert_eq!(
        browser.eval(&format!("return {TAKEN_OVER}")).await,
        false,
        "{here}: the app took over before its WebAssembly was let through"
    );
    assert_map_and_story_share_the_screen(browser, &format!("{here}, deep link before the app"))
        .await;
    let before = browser.eval(PLACES).await;
    assert_eq!(before[7], 0, "{here}: the page scrolled");
    server.release();
    browser.wait_for_panel("Sutton").await;
    browser.wait_for_map().await;
    browser.wait_until(SETTLED).await;
    assert_eq!(
        before,
        browser.eval(PLACES).await,
        "{engine} {here}: the layout changed when the app took over"
    );
    match layout_shift(browser).await {
        Some(shift) => assert_eq!(shift, 0.0, "{here}: layout shift {shift}"),
        None => println!("{engine}: no Layout Instability API; the positions alone were compared"),
    }
    assert_map_and_story_share_the_screen(browser, &format!("{here}, deep link with the app"))
        .await;
}

/// Opened by a tap on the map; then the sheet moved by touch: a tap on the handle expands it,
/// a swipe down collapses it to its peek, a swipe up expands it, and a swipe down from the peek
/// closes it. Expanded and scrolled to its end, the story still shows its Close button.
async fn a_tap_and_the_sheet_by_touch(engine: Engine, browser: &Browser, server: &StaticServer) {
    let here = viewport_label(browser).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let at = browser.eval(&point_on(SUTTON)).await;
    browser
        .tap(at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
        .await;
    browser.wait_for_panel("Sutton").await;
    assert_map_and_story_share_the_screen(browser, &format!("{here}, a tap")).await;
    assert_eq!(sheet_state(browser).await, json!(["peek", "false"]));

    // Mid-drag, the sheet follows the finger, at once; let go (here, the press cancelled), it
    // goes back.
    let follows = browser
        .eval("const s = document.querySelector('.area-panel[data-open]'), h = s.querySelector('.sheet-handle'); \
               const r = h.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2, top = s.getBoundingClientRect().top; \
               const send = (type, y) => h.dispatchEvent(new PointerEvent(type, {bubbles: true, clientX: x, clientY: y, pointerId: 7, pointerType: 'touch'})); \
               send('pointerdown', y); send('pointermove', y - 60); const moved = top - s.getBoundingClientRect().top; \
               send('pointercancel', y - 60); return [Math.round(moved), Math.round(top)]")
        .await;
    assert_eq!(
        follows[0], 60,
        "{engine} {here}: mid-drag, the sheet moved {follows}"
    );
    browser.wait_until(SETTLED).await;
    let back = browser
        .eval("return Math.round(document.querySelector('.area-panel[data-open]').getBoundingClientRect().top)")
        .await;
    assert_eq!(
        back, follows[1],
        "{engine} {here}: let go, the sheet stays moved"
    );
    let (x, y) = handle_centre(browser).await;
    browser.tap(x, y).await;
    assert_eq!(
        sheet_state(browser).await,
        json!(["full", "true"]),
        "{engine} {here}: a tap on the handle"
    );
    // Read to the end: the handle and Close stay at the sheet's top.
    browser
        .eval("const s = document.querySelector('.area-panel[data-open]'); s.scrollTop = s.scrollHeight;")
        .await;
    browser.next_frame().await;
    let story = browser.eval(STORY_ON_SCREEN).await;
    assert_eq!(
        (&story[0], &story[2]),
        (&json!(true), &json!(true)),
        "{here}: scrolled to its end, the story hides its heading or Close: {story}"
    );
    swipe_handle(browser, 160.0).await;
    assert_eq!(
        sheet_state(browser).await,
        json!(["peek", "false"]),
        "{engine} {here}: a swipe down from the reading height"
    );
    assert_map_and_story_share_the_screen(browser, &format!("{here}, back to the peek")).await;
    swipe_handle(browser, -160.0).await;
    assert_eq!(
        sheet_state(browser).await,
        json!(["full", "true"]),
        "{engine} {here}: a swipe up from the peek"
    );
    swipe_handle(browser, 120.0).await;
    assert_eq!(sheet_state(browser).await, json!(["peek", "false"]));
    swipe_handle(browser, 120.0).await;
    browser.wait_for_summary().await;
    // Opened again, a story starts at its peek.
    let at = browser.eval(&point_on(SUTTON)).await;
    browser
        .tap(at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
        .await;
    browser.wait_for_panel("Sutton").await;
    assert_eq!(sheet_state(browser).await, json!(["peek", "false"]));
}

/// Opened with the keyboard (Enter on a borough); the handle is a button that Enter expands
/// and collapses, and Escape closes the story.
async fn the_keyboard(engine: Engine, browser: &Browser, server: &StaticServer) {
    let here = viewport_label(browser).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    browser
        .eval(&format!(
            "document.querySelector('path.borough[data-code={SUTTON}]').focus()"
        ))
        .await;
    browser.press(ENTER).await;
    browser.wait_for_panel("Sutton").await;
    assert_map_and_story_share_the_screen(browser, &format!("{here}, the keyboard")).await;
    browser
        .eval("document.querySelector('.area-panel[data-open] .sheet-handle').focus()")
        .await;
    browser.press(ENTER).await;
    assert_eq!(
        sheet_state(browser).await,
        json!(["full", "true"]),
        "{engine} {here}: Enter on the handle"
    );
    browser.press(ENTER).await;
    assert_eq!(sheet_state(browser).await, json!(["peek", "false"]));
    browser.press(ENTER).await;
    assert_eq!(sheet_state(browser).await, json!(["full", "true"]));
    browser.press(ESCAPE).await;
    browser.wait_for_summary().await;
    assert_eq!(
        browser
            .eval("return document.activeElement?.dataset?.code ?? null")
            .await,
        SUTTON,
        "{here}: focus returns to the borough on the map"
    );
}

/// Opened from search: the box opens from its button beside the title, and the story opens
/// with the whole map above it.
async fn search(browser: &Browser, server: &StaticServer) {
    let here = viewport_label(browser).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    // The header is one line: the title, and search beside it, above the map.
    let header = browser
        .eval("const h = document.querySelector('.site-header h1').getBoundingClientRect(), \
                 f = document.querySelector('.find').getBoundingClientRect(), \
                 m = document.querySelector('svg.map').getBoundingClientRect(); \
               return [f.top < h.bottom && f.bottom > h.top, f.left >= h.right, f.bottom <= m.top, h.bottom <= m.top]")
        .await;
    assert_eq!(header, json!([true, true, true, true]), "{here}: {header}");
    let input = browser.css("#find-input").await;
    input.send_keys("sutt").await.unwrap();
    browser
        .wait_until(&format!(
            "document.querySelector('#find-list:not([hidden]) [role=option][data-code={SUTTON}]') !== null"
        ))
        .await;
    browser.press(ENTER).await;
    browser.wait_for_panel("Sutton").await;
    assert_map_and_story_share_the_screen(browser, &format!("{here}, search")).await;
}

async fn on_a_phone_the_whole_map_and_the_story_share_the_screen(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, VIEWPORTS[0].0, VIEWPORTS[0].1).await;
    browser.emulate_touch().await;
    if !browser.has_touch_input() {
        println!("{engine}: no touch input; the taps and swipes were a mouse's");
    }
    for (width, height) in VIEWPORTS {
        browser.set_viewport(width, height).await;
        let here = viewport_label(&browser).await;
        if here != format!("{width}×{height}") {
            // WebKitGTK's window is never narrower than 447 px: still a phone's layout.
            println!("{engine}: asked for {width}×{height}, the viewport is {here}");
        }
        a_deep_link(engine, &browser).await;
        a_tap_and_the_sheet_by_touch(engine, &browser, &server).await;
        the_keyboard(engine, &browser, &server).await;
        search(&browser, &server).await;
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// Firefox's and WebKitGTK's windows are never narrower than 500 and 447 px, so each size is
/// also a same-origin frame of exactly that size (the page in it is not embedded: no
/// `?embed=1`), which a page lays out as its viewport: opened from a deep link, the map and
/// the story share it from the first paint, and nothing moves when the app takes over.
async fn in_a_frame_of_each_size_a_deep_link_shows_the_map_and_the_story(engine: Engine) {
    let browser = Browser::start(engine, 800, 1000).await;
    for (width, height) in VIEWPORTS {
        let host = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A phone</title>\
             <link rel=\"icon\" href=\"data:,\"></head><body>\
             <iframe title=\"The map\" width=\"{width}\" height=\"{height}\" src=\"./?borough=sutton\"></iframe></body></html>"
        );
        let mut config = support::server::StaticServer::config(&support::dist());
        config.held = vec!["/borough-map_bg.wasm".into()];
        config.replies = vec![("/phone.html".into(), Reply::body(host))];
        let server = StaticServer::with(config);
        browser.goto(&server.url("/phone.html")).await;
        let frame = browser.css("iframe").await;
        frame.clone().enter_frame().await.unwrap();
        browser
            .wait_until("document.readyState === 'complete' && document.querySelectorAll('svg.map path.borough').length === 33")
            .await;
        browser.next_frame().await;
        assert_eq!(viewport_label(&browser).await, format!("{width}×{height}"));
        let here = format!("a {width}×{height} frame");
        assert_map_and_story_share_the_screen(&browser, &format!("{here}, before the app")).await;
        let before = browser.eval(PLACES).await;
        assert_eq!(before[7], 0, "{here}: the page scrolled");
        server.release();
        browser.wait_for_panel("Sutton").await;
        browser.wait_for_map().await;
        browser.wait_until(SETTLED).await;
        assert_eq!(
            before,
            browser.eval(PLACES).await,
            "{engine} {here}: the layout changed when the app took over"
        );
        if let Some(shift) = layout_shift(&browser).await {
            assert_eq!(shift, 0.0, "{here}: layout shift {shift}");
        }
        assert_map_and_story_share_the_screen(&browser, &format!("{here}, with the app")).await;
        browser.client.clone().enter_parent_frame().await.unwrap();
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// Without the app (its loader held back, or no JavaScript), a story opened by its link is the
/// same sheet, under the whole map.
async fn before_the_app_a_linked_story_is_the_sheet_under_the_whole_map(engine: Engine) {
    let held = serve_without_app();
    let browser = Browser::start(engine, VIEWPORTS[0].0, VIEWPORTS[0].1).await;
    for (width, height) in VIEWPORTS {
        browser.set_viewport(width, height).await;
        browser.goto(&held.url("/#area-sutton")).await;
        browser
            .wait_until("document.readyState === 'complete'")
            .await;
        assert_map_and_story_share_the_screen(&browser, &format!("{width}×{height}, a link")).await;
        // The area's own page, its story open from the first byte.
        browser.goto(&held.url("/sutton/")).await;
        browser
            .wait_until("document.readyState === 'complete'")
            .await;
        assert_map_and_story_share_the_screen(&browser, &format!("{width}×{height}, /sutton/"))
            .await;
    }
    browser.close().await;
    // With JavaScript off, at the smallest size the engine's window takes.
    let server = serve();
    let (width, height) = VIEWPORTS[0];
    let browser = Browser::start_with(engine, Scripts::NoJavaScript, width, height).await;
    browser.goto(&server.url("/#area-sutton")).await;
    assert_map_and_story_share_the_screen(&browser, "no JavaScript, a link").await;
    browser.close().await;
}

/// axe-core's checks with the sheet at its peek and expanded, at each size; and the sheet
/// without motion where the reader asks for less.
async fn axe_finds_no_violations_at_either_sheet_height_and_motion_is_optional(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, VIEWPORTS[0].0, VIEWPORTS[0].1).await;
    for (width, height) in VIEWPORTS {
        browser.set_viewport(width, height).await;
        browser.goto(&server.url("/hackney/")).await;
        browser.wait_for_map().await;
        browser.wait_until(SETTLED).await;
        let violations = browser.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{width}×{height}, peek: {violations:#?}"
        );
        browser.click(".area-panel[data-open] .sheet-handle").await;
        assert_eq!(sheet_state(&browser).await, json!(["full", "true"]));
        let violations = browser.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{width}×{height}, expanded: {violations:#?}"
        );
    }
    // With reduced motion the sheet moves between its heights, and slides in, at once.
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}),
        )
        .await;
    browser.click(".area-panel[data-open] .sheet-handle").await;
    let motion = browser
        .eval("const s = document.querySelector('.area-panel[data-open]'); \
               return [s.dataset.sheet ?? 'peek', getComputedStyle(s).transitionDuration, getComputedStyle(s).animationName, document.getAnimations().length]")
        .await;
    assert_eq!(motion, json!(["peek", "0s", "none", 0]));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// A partner's page 360 px wide frames the map with embed.js: the story flows under the map
/// (no floating sheet, no handle), and the frame's height settles and stays, with a story
/// opened by the host's command too.
async fn embedded_at_360_px_the_story_flows_under_the_map_and_the_height_holds(engine: Engine) {
    let app = serve();
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner page</title>\
         <link rel=\"icon\" href=\"data:,\"></head><body style=\"margin:0\">\
         <div id=\"map\" style=\"width:360px\" data-borough-map data-borough=\"sutton\"></div>\
         <script src=\"{}\"></script><script>window.heights = []; \
         addEventListener('message', e => {{ if (e.data && e.data.type === 'resize') heights.push(e.data.height); }});</script></body></html>",
        app.url("/embed.js")
    );
    let host = StaticServer::start(
        &std::env::temp_dir(),
        vec![("/host.html", Reply::body(page))],
    );
    let browser = Browser::start(engine, 800, 900).await;
    browser.goto(&host.url("/host.html")).await;
    for (command, name) in [("", "Sutton"), ("select('hackney')", "Hackney")] {
        if !command.is_empty() {
            browser
                .eval(&format!(
                    "document.getElementById('map').boroughMap.{command}"
                ))
                .await;
        }
        let frame = browser.css("#map iframe").await;
        frame.clone().enter_frame().await.unwrap();
        browser.wait_for_panel(name).await;
        let layout = browser
            .eval("const s = document.querySelector('.area-panel[data-open]'), m = document.querySelector('svg.map'); \
                   return [getComputedStyle(s).position, m.getBoundingClientRect().bottom <= s.getBoundingClientRect().top, \
                     s.querySelector('.sheet-handle').getClientRects().length, innerWidth]")
            .await;
        assert_eq!(layout, json!(["static", true, 0, 360]), "{name}");
        browser.client.clone().enter_parent_frame().await.unwrap();
        // Settled: the frame is its content's height, and stays so over the frames that follow.
        let deadline = std::time::Instant::now() + PATIENCE;
        let settled = loop {
            let outer = browser
                .eval("return document.querySelector('#map iframe').getBoundingClientRect().height")
                .await
                .as_f64()
                .unwrap();
            frame.clone().enter_frame().await.unwrap();
            let inner = browser
                .eval("return document.body.getBoundingClientRect().height")
                .await
                .as_f64()
                .unwrap();
            browser.client.clone().enter_parent_frame().await.unwrap();
            if (outer - inner).abs() <= 3.0 {
                break outer;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the frame is {outer} px for {inner} px of content"
            );
            browser.next_frame().await;
        };
        let posted = browser.eval("return heights.length").await;
        for _ in 0..10 {
            browser.next_frame().await;
        }
        let after = browser
            .eval("return [document.querySelector('#map iframe').getBoundingClientRect().height, heights.length]")
            .await;
        assert_eq!(
            (after[0].as_f64(), &after[1]),
            (Some(settled), &posted),
            "{engine} {name}: the frame's height moved after settling at {settled}"
        );
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

browser_tests!(all: on_a_phone_the_whole_map_and_the_story_share_the_screen, in_a_frame_of_each_size_a_deep_link_shows_the_map_and_the_story, before_the_app_a_linked_story_is_the_sheet_under_the_whole_map, embedded_at_360_px_the_story_flows_under_the_map_and_the_height_holds);
// axe-core's checks are of the page, the same in every engine: Chromium only, as in
// tests/accessibility.rs.
browser_tests!([chromium]: axe_finds_no_violations_at_either_sheet_height_and_motion_is_optional);
