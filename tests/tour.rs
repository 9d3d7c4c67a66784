//! Browser tests of the guided tour (issue 16): `?tour=N` from the first paint, the buttons,
//! the history, the highlight and the announcements; a step's story; embedded, the host's
//! command and event; without JavaScript, the list of the ten points; axe-core with the tour
//! open, in light and dark, and the phone's bottom sheet.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::browser::TAKEN_OVER;
use support::{
    serve, serve_holding_the_app, serve_without_app, Browser, Engine, Reply, Scripts, StaticServer,
};

/// The page's tour state: the root's step, the steps shown, the panels shown, the boroughs
/// the map highlights, how many it fades, what the live region says, and what has focus.
const TOUR_STATE: &str = "const shown = s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').map(e => e.id); \
    return { step: document.documentElement.getAttribute('data-tour'), steps: shown('.tour-step'), panels: shown('.panel'), \
      marked: [...document.querySelectorAll('path.borough.theme-match')].map(p => p.dataset.code), \
      faded: document.querySelectorAll('path.borough.theme-other').length, \
      said: document.getElementById('announcer').textContent, focus: document.activeElement.id || document.activeElement.className };";

async fn state(browser: &Browser) -> serde_json::Value {
    browser.eval(TOUR_STATE).await
}

async fn wait_for_step(browser: &Browser, step: &str) {
    browser
        .wait_until(&format!(
            "{TAKEN_OVER} && document.documentElement.getAttribute('data-tour') === {step:?} \
             && location.search.endsWith('tour={step}')"
        ))
        .await;
}

/// A step's story followed before the app has arrived: the early script ends the tour for it
/// at once, and the app, taking over, keeps it ended (the story the reader chose wins), with
/// the story's own page in the address and no step.
async fn a_steps_story_followed_before_the_app_ends_the_tour(engine: Engine) {
    let server = serve_holding_the_app();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?tour=3")).await;
    browser
        .wait_until("document.readyState === 'complete'")
        .await;
    assert_eq!(state(&browser).await["steps"], json!(["tour-3"]));
    browser
        .click("#tour-3 a[href='#area-barking-and-dagenham']")
        .await;
    browser
        .wait_until("!document.documentElement.hasAttribute('data-tour')")
        .await;
    assert_eq!(
        browser.shown_panels().await,
        json!(["area-barking-and-dagenham"]),
        "{engine}: before the app"
    );
    assert_eq!(browser.eval(&format!("return {TAKEN_OVER}")).await, false);
    server.release();
    browser.wait_for_panel("Barking and Dagenham").await;
    browser
        .wait_until("location.pathname === '/barking-and-dagenham/' && location.search === ''")
        .await;
    let after = state(&browser).await;
    assert!(after["step"].is_null(), "{engine}: {after}");
    assert_eq!(
        after["panels"],
        json!(["area-barking-and-dagenham"]),
        "{engine}"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// `?tour=3` shows step 3 from the first paint (the app held back) and, with the app, marks
/// Barking and Dagenham. From the London-wide story, with a theme highlighted, the keyboard
/// takes the tour: each step is announced, its heading focused, its areas marked (none for
/// the first two points), and Next and Previous are history entries that back and forward
/// follow. Exit gives back the theme and focus; Escape leaves the tour too.
async fn the_tour_steps_through_the_address_the_buttons_and_the_history(engine: Engine) {
    let held = serve_without_app();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&held.url("/?tour=3")).await;
    browser
        .wait_until("document.readyState === 'complete'")
        .await;
    let first_paint = state(&browser).await;
    assert_eq!(first_paint["steps"], json!(["tour-3"]), "{first_paint}");
    assert_eq!(first_paint["panels"], json!(["tour"]), "{first_paint}");

    let server = serve();
    browser.goto(&server.url("/?tour=3")).await;
    browser.wait_for_map().await;
    let app = state(&browser).await;
    assert_eq!(app["steps"], json!(["tour-3"]), "{app}");
    assert_eq!(app["marked"], json!(["E09000002"]), "{app}");
    assert_eq!(app["faded"], 32, "{app}");
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('[role=alert]').length")
            .await,
        0
    );

    // From the London-wide story, with a theme highlighted.
    browser.goto(&server.url("/?theme=dark")).await;
    browser.wait_for_map().await;
    browser
        .click(".theme-button[data-highlight=community-events]")
        .await;
    browser
        .wait_until("document.querySelectorAll('path.theme-match').length > 0")
        .await;
    let themed = state(&browser).await["marked"].clone();
    browser
        .eval("document.querySelector('.tour-start').focus()")
        .await;
    browser.press('\u{E007}').await; // Enter
    wait_for_step(&browser, "1").await;
    browser
        .wait_until("document.activeElement.id === 'tour-title-1'")
        .await;
    let one = state(&browser).await;
    assert_eq!(one["steps"], json!(["tour-1"]), "{one}");
    assert_eq!(one["marked"], json!([]), "point 1 names no borough: {one}");
    assert_eq!(one["faded"], 0, "{one}");
    assert_eq!(
        one["said"],
        "Step 1 of 10: Useful connections made at the events"
    );
    assert!(browser
        .text("#tour-1")
        .await
        .contains("the report names no borough"));
    assert_eq!(
        browser
            .eval("return location.search + ' ' + location.pathname")
            .await,
        "?theme=dark&tour=1 /"
    );

    for step in ["2", "3"] {
        browser.click(".tour-next").await;
        wait_for_step(&browser, step).await;
    }
    browser
        .wait_until("document.activeElement.id === 'tour-title-3'")
        .await;
    let three = state(&browser).await;
    assert_eq!(three["marked"], json!(["E09000002"]), "{three}");
    assert_eq!(
        three["said"],
        "Step 3 of 10: The Thrive Thamesview pilot in Barking and Dagenham"
    );
    browser.click(".tour-previous").await;
    wait_for_step(&browser, "2").await;
    browser.eval("history.back()").await;
    wait_for_step(&browser, "3").await;
    assert_eq!(state(&browser).await["marked"], json!(["E09000002"]));
    browser.eval("history.back()").await;
    wait_for_step(&browser, "2").await;
    browser.eval("history.forward()").await;
    wait_for_step(&browser, "3").await;
    // Nothing was selected along the way.
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('path.borough.selected').length")
            .await,
        0
    );

    // Exit: the theme, the story and focus come back.
    browser.click(".tour-exit").await;
    browser
        .wait_until("!document.documentElement.hasAttribute('data-tour') && location.search === '?theme=dark'")
        .await;
    browser
        .wait_until("document.activeElement.classList.contains('tour-start')")
        .await;
    let after = state(&browser).await;
    assert_eq!(after["marked"], themed, "{after}");
    assert_eq!(after["panels"], json!(["london"]), "{after}");
    assert_eq!(
        browser
            .attr(
                ".theme-button[data-highlight=community-events]",
                "aria-pressed"
            )
            .await
            .as_deref(),
        Some("true")
    );

    // Escape leaves the tour from anywhere in it; the arrow keys still move on the map.
    browser.click(".tour-start").await;
    wait_for_step(&browser, "1").await;
    browser.press('\u{E00C}').await;
    browser
        .wait_until("!document.documentElement.hasAttribute('data-tour')")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// Opening a step's story selects it (a new entry; back returns to the step), point 10 marks
/// Merton, an unknown step is explained while the map still works, and without JavaScript the
/// ten points are a list whose links open their stories.
async fn a_steps_story_opens_and_odd_steps_are_explained(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?tour=10")).await;
    browser.wait_for_map().await;
    let ten = state(&browser).await;
    assert_eq!(ten["marked"], json!(["E09000024"]), "{ten}");
    assert_eq!(
        browser
            .eval("return document.querySelector('.tour-next').disabled")
            .await,
        true
    );

    browser.goto(&server.url("/?tour=3")).await;
    browser.wait_for_map().await;
    browser
        .click("#tour-3 a[href='#area-barking-and-dagenham']")
        .await;
    browser.wait_for_panel("Barking and Dagenham").await;
    browser
        .wait_until("location.pathname === '/barking-and-dagenham/' && location.search === ''")
        .await;
    let opened = state(&browser).await;
    assert!(opened["step"].is_null(), "{opened}");
    assert_eq!(opened["panels"], json!(["area-barking-and-dagenham"]));
    browser.eval("history.back()").await;
    wait_for_step(&browser, "3").await;
    browser.wait_for_summary().await;

    // On an area's own page the tour keeps the page's path, step after step.
    browser.goto(&server.url("/hackney/?tour=3")).await;
    browser.wait_for_map().await;
    browser.click(".tour-next").await;
    wait_for_step(&browser, "4").await;
    assert_eq!(browser.eval("return location.pathname").await, "/hackney/");

    // Leaving gives back the selection the tour found (it never changed it).
    browser.goto(&server.url("/?borough=hackney&tour=2")).await;
    browser.wait_for_map().await;
    assert_eq!(browser.shown_panels().await, json!(["tour"]));
    browser.click(".tour-exit").await;
    browser.wait_for_panel("Hackney").await;
    assert!(!browser
        .eval("return location.search")
        .await
        .as_str()
        .unwrap()
        .contains("tour"));

    for odd in ["99", "0", "three", "03"] {
        browser.goto(&server.url(&format!("/?tour={odd}"))).await;
        browser.wait_for_map().await;
        let alerts = browser.alerts().await;
        assert!(
            alerts.contains(&format!("a tour step called \u{201c}{odd}\u{201d}")),
            "{odd}: {alerts}"
        );
        assert_eq!(browser.shown_panels().await, json!(["london"]), "{odd}");
        browser.click("path.borough[data-code=E09000029]").await;
        browser.wait_for_panel("Sutton").await;
        // The console says it too, for maintainers.
        assert_eq!(
            browser.console_errors().await,
            [format!(
                "borough map: unknown ?tour= value \u{201c}{odd}\u{201d}"
            )]
        );
    }
    browser.close().await;

    let plain = Browser::start_with(engine, Scripts::NoJavaScript, 1280, 900).await;
    plain.goto(&server.url("/?tour=3")).await;
    assert_eq!(plain.shown_panels().await, json!(["london"]));
    assert_eq!(
        plain
            .eval("return document.querySelectorAll('.ten-points li').length")
            .await,
        10
    );
    plain.click(".ten-points a[href='#area-lambeth']").await;
    plain.wait_until("location.hash === '#area-lambeth'").await;
    assert_eq!(plain.shown_panels().await, json!(["area-lambeth"]));
    plain.close().await;
}

/// A partner's page on another origin, framing the map with embed.js and recording the
/// tour's events and every message.
fn host_page(app: &StaticServer) -> StaticServer {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner page</title><link rel=\"icon\" href=\"data:,\"></head>\
         <body><div id=\"map\" data-borough-map></div><script src=\"{}\"></script>\
         <script>window.tours = []; window.messages = [];\
         document.addEventListener('borough-map:tour', e => tours.push(e.detail.step));\
         addEventListener('message', e => messages.push(e.data));</script></body></html>",
        app.url("/embed.js")
    );
    StaticServer::start(
        &std::env::temp_dir(),
        vec![("/host.html", Reply::body(page))],
    )
}

async fn in_frame(browser: &Browser, script: &str) -> serde_json::Value {
    browser
        .css("#map iframe")
        .await
        .enter_frame()
        .await
        .unwrap();
    let value = browser.eval(script).await;
    browser.client.clone().enter_parent_frame().await.unwrap();
    value
}

async fn wait_in_frame(browser: &Browser, condition: &str) {
    browser
        .css("#map iframe")
        .await
        .enter_frame()
        .await
        .unwrap();
    browser.wait_until(condition).await;
    browser.client.clone().enter_parent_frame().await.unwrap();
}

/// Embedded, the host opens and ends the tour (`boroughMap.tour(n)`, a raw command), hears
/// each step (`borough-map:tour`) and never a selection; invalid steps are ignored without an
/// error; the steps replace the frame's address rather than adding history.
async fn the_host_steers_the_tour_and_hears_its_steps(engine: Engine) {
    let app = serve();
    let host = host_page(&app);
    let browser = Browser::start(engine, 1024, 800).await;
    browser.goto(&host.url("/host.html")).await;
    wait_in_frame(
        &browser,
        &format!(
            "{TAKEN_OVER} && document.querySelectorAll('path.borough[role=button]').length === 33"
        ),
    )
    .await;
    let length = in_frame(&browser, "return history.length").await;
    browser
        .eval("document.getElementById('map').boroughMap.tour(3)")
        .await;
    browser.wait_until("tours.includes(3)").await;
    wait_in_frame(
        &browser,
        "document.documentElement.getAttribute('data-tour') === '3' && location.search === '?embed=1&tour=3'",
    )
    .await;
    let marked = in_frame(
        &browser,
        "return [...document.querySelectorAll('path.theme-match')].map(p => p.dataset.code)",
    )
    .await;
    assert_eq!(marked, json!(["E09000002"]));
    // Inside the frame, Next is the reader's: the host hears it too.
    in_frame(&browser, "document.querySelector('.tour-next').click()").await;
    browser.wait_until("tours.includes(4)").await;
    // Invalid steps are ignored; the valid one after them is carried out.
    browser.eval("const w = document.querySelector('#map iframe').contentWindow; \
        for (const m of [{target: 'borough-map', type: 'tour'}, {target: 'borough-map', type: 'tour', step: '5'}, \
        {target: 'borough-map', type: 'tour', step: 11}, {target: 'borough-map', type: 'tour', step: 2.5}, \
        {target: 'borough-map', type: 'tour', step: -1}, {target: 'borough-map', type: 'tour', step: null}]) w.postMessage(m, '*'); \
        w.postMessage({target: 'borough-map', type: 'tour', step: 0}, '*');").await;
    browser.wait_until("tours.includes(0)").await;
    assert_eq!(browser.eval("return tours").await, json!([3, 4, 0]));
    wait_in_frame(
        &browser,
        "!document.documentElement.hasAttribute('data-tour') && location.search === '?embed=1'",
    )
    .await;
    assert_eq!(in_frame(&browser, "return history.length").await, length);
    assert_eq!(
        browser
            .eval("return messages.filter(m => m.type === 'select' || m.type === 'clear').length")
            .await,
        0
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// axe-core finds nothing with the tour open, in light and dark; at 320 px the tour is a
/// bottom sheet that does not slide in when motion is reduced, and the page does not scroll
/// sideways.
async fn the_tour_is_accessible_in_both_colours_and_on_a_phone(engine: Engine) {
    let server = serve();
    for (address, width) in [
        ("/?tour=3&theme=light", 1280),
        ("/?tour=1&theme=dark", 1280),
        ("/?tour=10&theme=dark", 320),
    ] {
        // 320×568: the smallest phone of tests/phone.rs.
        let height = if width == 320 { 568 } else { 640 };
        let browser = Browser::start(engine, width, height).await;
        browser.goto(&server.url(address)).await;
        browser.wait_for_map().await;
        let violations = browser.axe_violations().await;
        assert!(violations.is_empty(), "{address}: {violations:#?}");
        if width == 320 {
            let sheet = browser
                .eval(
                    "const panel = document.querySelector('.tour-panel'), p = getComputedStyle(panel); \
                     const map = document.querySelector('svg.map').getBoundingClientRect(); \
                     return [p.position, document.documentElement.scrollWidth <= innerWidth, \
                             map.top >= 0 && panel.getBoundingClientRect().top >= map.bottom - 1]",
                )
                .await;
            // A sheet under the whole map, as a story's at its peek: the step's areas show.
            assert_eq!(sheet, json!(["fixed", true, true]), "{address}");
            browser
                .cdp(
                    "Emulation.setEmulatedMedia",
                    json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}),
                )
                .await;
            let animation = browser
                .eval(
                    "return getComputedStyle(document.querySelector('.tour-panel')).animationName",
                )
                .await;
            assert_eq!(animation, "none");
        }
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
}

// History, focus and the first paint differ by engine; the rest is the same in each.
browser_tests!(all: the_tour_steps_through_the_address_the_buttons_and_the_history, a_steps_story_followed_before_the_app_ends_the_tour);
browser_tests!([chromium]: a_steps_story_opens_and_odd_steps_are_explained, the_host_steers_the_tour_and_hears_its_steps, the_tour_is_accessible_in_both_colours_and_on_a_phone);
