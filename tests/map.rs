//! Browser tests of the built app: the map, selection, the address and the panel.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use borough_core::area::Area;
use fantoccini::actions::InputSource;
use support::{serve, Browser, Engine};

const HACKNEY: &str = "path.borough[data-code=E09000012]";
const SUTTON: &str = "path.borough[data-code=E09000029]";

async fn draws_all_33_areas_named_and_coded(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let drawn = browser
        .eval(
            "return [...document.querySelectorAll('svg.map path.borough')].map(p => \
             [p.dataset.code, p.getAttribute('aria-label'), p.getAttribute('role'), p.getBBox().width > 0])",
        )
        .await;
    let drawn = drawn.as_array().unwrap();
    assert_eq!(drawn.len(), 33);
    for area in Area::all() {
        let found = drawn
            .iter()
            .find(|d| d[0] == area.code())
            .unwrap_or_else(|| panic!("{} is not drawn", area.name()));
        assert_eq!(found[1], area.name(), "accessible name of {}", area.code());
        assert_eq!(found[2], "button");
        assert_eq!(found[3], true, "{} has no extent", area.name());
    }
    // Nothing selected: the London-wide story shows, with the programme's figures.
    let panel = browser.text(".summary-panel").await;
    assert!(panel.contains("17") && panel.contains("1,016"), "{panel}");
    assert!(browser
        .text(".site-footer")
        .await
        .contains("Open Government Licence"));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn clicking_hackney_opens_its_outcomes_and_the_close_button_closes(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    browser.click(HACKNEY).await;
    browser.wait_for_panel("Hackney").await;
    let panel = browser.text(".area-panel[data-open]").await;
    assert!(panel.contains("Outcomes recorded"), "{panel}");
    assert!(panel.contains("Britannia Leisure Centre"), "{panel}");
    assert!(panel.contains("registrars"), "{panel}");
    let source = browser.css(".area-panel[data-open] .sources a").await;
    assert!(source
        .attr("href")
        .await
        .unwrap()
        .unwrap()
        .starts_with("https://www.mentalhealth.org.uk/"));
    assert_eq!(
        source.attr("rel").await.unwrap().as_deref(),
        Some("noopener noreferrer")
    );
    // The address follows once the story has been painted: Hackney's own page.
    browser
        .wait_until("location.pathname === '/hackney/' && location.search === ''")
        .await;
    assert_eq!(
        browser.attr(HACKNEY, "aria-pressed").await.as_deref(),
        Some("true")
    );
    // A pointer does not pull keyboard focus onto the map, but the borough it picked is
    // where Tab enters the map.
    let focus = browser
        .eval("return [document.activeElement.closest('svg') === null, [...document.querySelectorAll('path.borough[tabindex=\"0\"]')].map(p => p.dataset.code)]")
        .await;
    assert_eq!(focus, serde_json::json!([true, ["E09000012"]]));

    browser.click(".area-panel[data-open] .close").await;
    browser.wait_for_summary().await;
    browser
        .wait_until("location.pathname === '/' && location.search === ''")
        .await;
    assert_eq!(
        browser.attr(HACKNEY, "aria-pressed").await.as_deref(),
        Some("false")
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_address_opens_a_borough_by_slug_or_code(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    for query in ["?borough=sutton", "?borough=E09000029"] {
        browser.goto(&server.url(&format!("/{query}"))).await;
        browser.wait_for_panel("Sutton").await;
        assert!(browser
            .text(".area-panel[data-open]")
            .await
            .contains("Fairness Commission"));
        browser.wait_for_map().await;
        assert_eq!(
            browser.attr(SUTTON, "aria-pressed").await.as_deref(),
            Some("true")
        );
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// The address is written after the paint that answers a click, so two choices can come before
/// either is written: each still gets its own history entry, in order, and a step back or
/// forward taken meanwhile is not overwritten.
async fn choices_faster_than_a_frame_each_get_their_history_entry(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let click = |selector: &str| {
        format!("document.querySelector('{selector}').dispatchEvent(new MouseEvent('click', {{bubbles: true}}));")
    };
    browser
        .eval(&format!(
            "window.entriesBefore = history.length; {} {}",
            click(HACKNEY),
            click(SUTTON)
        ))
        .await;
    browser.wait_for_panel("Sutton").await;
    browser
        .wait_until(
            "location.pathname === '/sutton/' && history.length === window.entriesBefore + 2",
        )
        .await;
    // The page's own step back: WebKit's Back skips entries made without a user's activation,
    // as these synthetic clicks' are (a reader's clicks have one).
    browser.eval("history.back()").await;
    browser.wait_for_panel("Hackney").await;
    browser
        .wait_until("location.pathname === '/hackney/'")
        .await;

    // A choice, then at once a step to another entry (as back or forward would): the step wins,
    // and the choice's pending address does not overwrite it a frame later.
    browser
        .eval(&format!(
            "{} history.pushState(null, '', '/?borough=camden'); dispatchEvent(new PopStateEvent('popstate'));",
            click(SUTTON)
        ))
        .await;
    browser.wait_for_panel("Camden").await;
    // The address is written after the next paint.
    browser.next_frame().await;
    assert_eq!(
        browser.eval("return location.search").await,
        "?borough=camden"
    );
    browser.wait_for_panel("Camden").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// Clicks `shape` and waits for its story, `name`'s, and then for the address, `path`, which
/// is written once the story has been painted.
async fn choose_on_map(browser: &Browser, shape: &str, name: &str, path: &str) {
    browser.click(shape).await;
    browser.wait_for_panel(name).await;
    browser
        .wait_until(&format!("location.pathname === {path:?}"))
        .await;
}

/// A choice shows what the page already holds and changes the address: nothing goes over the
/// network.
async fn choosing_boroughs_downloads_nothing(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    browser
        .wait_until("document.readyState === 'complete'")
        .await;
    const FETCHED: &str = "return performance.getEntriesByType('resource').map(e => e.name)";
    let before = browser.eval(FETCHED).await;
    choose_on_map(&browser, HACKNEY, "Hackney", "/hackney/").await;
    choose_on_map(&browser, SUTTON, "Sutton", "/sutton/").await;
    browser.client.back().await.unwrap();
    browser.wait_for_panel("Hackney").await;
    // A request the page started for these choices would be listed by its next frame.
    browser.next_frame().await;
    assert_eq!(browser.eval(FETCHED).await, before);
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn back_and_forward_follow_the_selection(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    // Each choice's address is written once its story has been painted; a reader cannot press
    // Back sooner, but a test can.
    choose_on_map(&browser, HACKNEY, "Hackney", "/hackney/").await;
    choose_on_map(&browser, SUTTON, "Sutton", "/sutton/").await;

    browser.client.back().await.unwrap();
    browser.wait_for_panel("Hackney").await;
    browser.client.back().await.unwrap();
    browser.wait_for_summary().await;
    browser.client.forward().await.unwrap();
    browser.wait_for_panel("Hackney").await;

    // An entry a story's link made before the app loaded (`#area-…`) opens that story too.
    browser
        .eval("history.pushState(null, '', '/#area-camden'); history.pushState(null, '', '/?borough=sutton'); \
               dispatchEvent(new PopStateEvent('popstate'));")
        .await;
    browser.wait_for_panel("Sutton").await;
    browser.client.back().await.unwrap();
    browser.wait_for_panel("Camden").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn keyboard_enter_opens_and_hover_names_a_borough(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let lambeth = browser.css("path.borough[data-code=E09000022]").await;
    lambeth.send_keys("\u{E007}").await.unwrap(); // Enter
    browser.wait_for_panel("Lambeth").await;
    let panel = browser.text(".area-panel[data-open]").await;
    assert!(
        panel.contains("Black Thrive") && panel.contains("Lambeth Together"),
        "{panel}"
    );
    // The boroughs are toggle buttons: pressed again, the open one closes.
    assert_eq!(
        lambeth.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    lambeth.send_keys("\u{E007}").await.unwrap();
    browser.wait_for_summary().await;
    assert_eq!(
        lambeth.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    // A double-click opens it and leaves it open: its second click does not toggle back.
    browser.click("path.borough[data-code=E09000022]").await;
    browser.wait_for_panel("Lambeth").await;
    browser
        .eval("document.querySelector('path.borough[data-code=E09000022]').dispatchEvent(new MouseEvent('click', {bubbles: true, detail: 2}))")
        .await;
    // The click is handled at once; what it changes is shown by the next frame.
    browser.next_frame().await;
    assert_eq!(browser.text(".area-panel[data-open] h2").await, "Lambeth");

    // Hovering shows the name beside the map.
    let actions = fantoccini::actions::MouseActions::new("mouse".into()).then(
        fantoccini::actions::PointerAction::MoveToElement {
            element: browser.css(HACKNEY).await,
            duration: None,
            x: 0.0,
            y: 0.0,
        },
    );
    browser.client.perform_actions(actions).await.unwrap();
    browser
        .wait_until("document.querySelector('.tooltip')?.textContent === 'Hackney'")
        .await;
    // Off the borough onto bare map (the top-left corner): the name goes.
    let corner = browser
        .eval(
            "const r = document.querySelector('svg.map').getBoundingClientRect(); \
             const [x, y] = [r.left + 3, r.top + 3]; \
             return [x, y, document.elementFromPoint(x, y).matches('svg.map')]",
        )
        .await;
    assert_eq!(corner[2], true, "the corner is not bare map");
    let actions = fantoccini::actions::MouseActions::new("mouse".into()).then(
        fantoccini::actions::PointerAction::MoveTo {
            duration: None,
            x: corner[0].as_f64().unwrap(),
            y: corner[1].as_f64().unwrap(),
        },
    );
    browser.client.perform_actions(actions).await.unwrap();
    browser
        .wait_until("document.querySelector('.tooltip').textContent !== 'Hackney'")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_map_fits_narrow_and_wide_screens(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 320, 640).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    for (width, height) in [(320, 640), (1600, 1000)] {
        browser.set_viewport(width, height).await;
        let fit = browser
            .eval(
                "const svg = document.querySelector('svg.map').getBoundingClientRect(); \
                 const frame = document.querySelector('.map-frame').getBoundingClientRect(); \
                 return [svg.width, frame.width, document.documentElement.scrollWidth, window.innerWidth, svg.height]",
            )
            .await;
        let [svg, frame, scroll, inner, svg_height] =
            [0, 1, 2, 3, 4].map(|i| fit[i].as_f64().unwrap());
        assert!(
            (svg - frame).abs() < 1.0,
            "{width}px: svg {svg} in frame {frame}"
        );
        assert!(
            scroll <= inner,
            "{width}px: page scrolls sideways ({scroll} > {inner})"
        );
        // London is wider than tall: about 1.3 times, with the true aspect ratio.
        let ratio = svg / svg_height;
        assert!(
            (1.2..1.5).contains(&ratio),
            "{width}px: aspect ratio {ratio}"
        );
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

browser_tests!(all: draws_all_33_areas_named_and_coded, clicking_hackney_opens_its_outcomes_and_the_close_button_closes, the_address_opens_a_borough_by_slug_or_code, choices_faster_than_a_frame_each_get_their_history_entry, choosing_boroughs_downloads_nothing, back_and_forward_follow_the_selection, keyboard_enter_opens_and_hover_names_a_borough, the_map_fits_narrow_and_wide_screens);
