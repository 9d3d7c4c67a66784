//! Browser tests of access for everyone: the keyboard journey, search and list, touch on a
//! phone, preferences, and axe-core's automated WCAG checks.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{serve, serve_without_app, Browser, Engine};

const TAB: char = '\u{E004}';
const BACKSPACE: char = '\u{E003}';
const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';
const LEFT: char = '\u{E012}';
const UP: char = '\u{E013}';
const RIGHT: char = '\u{E014}';
const DOWN: char = '\u{E015}';

/// The phone sheet has finished sliding up: nothing is moving, and its bottom is the screen's.
const SHEET_SETTLED: &str =
    "document.getAnimations().length === 0 && Math.abs(document.querySelector('.area-panel[data-open]').getBoundingClientRect().bottom - innerHeight) < 1";

async fn focused_code(browser: &Browser) -> Option<String> {
    browser
        .eval("return document.activeElement?.dataset?.code ?? null")
        .await
        .as_str()
        .map(str::to_owned)
}

async fn the_whole_keyboard_journey(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    browser.wait_for_map().await;
    // The map is one tab stop: only the selected borough can be tabbed to.
    let stops = browser.eval("return [...document.querySelectorAll('path.borough[tabindex=\"0\"]')].map(p => p.dataset.code)").await;
    assert_eq!(stops, json!(["E09000012"]));

    browser
        .eval("document.querySelector('#find-input').focus()")
        .await;
    browser.press(TAB).await;
    assert_eq!(
        focused_code(&browser).await.as_deref(),
        Some("E09000012"),
        "Tab enters the map at Hackney"
    );
    // A visible focus ring is drawn on top of the focused borough.
    browser
        .wait_until("document.querySelector('.focus-outline').getAttribute('d') === document.querySelector('path.borough[data-code=E09000012]').getAttribute('d')")
        .await;

    // Every arrow from Hackney reaches one of its neighbours.
    let neighbours = [
        "E09000019",
        "E09000014",
        "E09000031",
        "E09000025",
        "E09000030",
        "E09000001",
    ];
    let mut reached = Vec::new();
    for arrow in [LEFT, UP, RIGHT, DOWN] {
        browser
            .eval("document.querySelector('path.borough[data-code=E09000012]').focus()")
            .await;
        browser.press(arrow).await;
        let code = focused_code(&browser).await.unwrap();
        assert!(
            neighbours.contains(&code.as_str()),
            "arrow {arrow:?} from Hackney went to {code}"
        );
        reached.push(code);
    }
    assert_eq!(reached[0], "E09000019", "left of Hackney is Islington");

    // From Islington: Enter opens, Escape closes and returns focus to the borough.
    browser
        .eval("document.querySelector('path.borough[data-code=E09000012]').focus()")
        .await;
    browser.press(LEFT).await;
    browser.press(ENTER).await;
    browser.wait_for_panel("Islington").await;
    assert_eq!(
        focused_code(&browser).await.as_deref(),
        Some("E09000019"),
        "focus stays on the map"
    );
    // What a screen reader reads: the live region's text (drivers differ on the visible text of
    // a region drawn off screen).
    let announced = browser
        .eval("return document.getElementById('announcer').textContent")
        .await;
    let announced = announced.as_str().unwrap_or_default();
    assert!(announced.starts_with("Islington selected"), "{announced}");
    browser.press(ESCAPE).await;
    browser.wait_for_summary().await;
    assert_eq!(
        focused_code(&browser).await.as_deref(),
        Some("E09000019"),
        "focus returns to Islington"
    );

    // Tab leaves the map.
    browser.press(TAB).await;
    let left = browser
        .eval("return document.activeElement.closest('svg.map') === null")
        .await;
    assert_eq!(left, true, "Tab moves on past the map");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn search_and_list_select_on_the_map(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let input = browser.css("#find-input").await;
    input.send_keys("wands").await.unwrap();
    browser.wait_until("document.querySelector('#find-list:not([hidden]) [role=option][data-code=E09000032]') !== null").await;
    assert_eq!(
        input.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    browser.press(DOWN).await;
    let active = input.attr("aria-activedescendant").await.unwrap();
    assert_eq!(active.as_deref(), Some("find-option-E09000032"));
    browser.press(ENTER).await;
    browser.wait_for_panel("Wandsworth").await;
    let pressed = browser
        .attr("path.borough[data-code=E09000032]", "aria-pressed")
        .await;
    assert_eq!(pressed.as_deref(), Some("true"));
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("Wandsworth")
    );

    // A GSS code works too.
    input.clear().await.unwrap();
    input.send_keys("E09000033").await.unwrap();
    browser.press(ENTER).await;
    browser.wait_for_panel("Westminster").await;

    // The list of all areas shares the selection.
    browser.click(".area-list a[data-code=E09000023]").await;
    browser.wait_for_panel("Lewisham").await;
    let pressed = browser
        .attr("path.borough[data-code=E09000023]", "aria-pressed")
        .await;
    assert_eq!(pressed.as_deref(), Some("true"));
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("Lewisham")
    );
    let list_pressed = browser.eval("return [...document.querySelectorAll('.area-list [aria-current=true]')].map(b => b.dataset.code)").await;
    assert_eq!(list_pressed, json!(["E09000023"]));

    // Emptied, the box lists every area; Enter then picks none of them.
    input
        .send_keys(&BACKSPACE.to_string().repeat("Lewisham".len()))
        .await
        .unwrap();
    browser
        .wait_until(
            "document.querySelectorAll('#find-list:not([hidden]) [role=option]').length === 33",
        )
        .await;
    browser.press(ENTER).await;
    browser.next_frame().await;
    assert_eq!(browser.text(".area-panel[data-open] h2").await, "Lewisham");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// On a 360 px phone, by touch (WebDriver's touch input, with Chromium's touch emulation on):
/// a tap opens a story, the tiny City can be tapped, a tap on the Thames closes, and the story
/// sheet scrolls under a finger without moving the map. Nothing needs a hover first.
/// WebKitGTK takes no touch input: its driver turns the taps into a mouse's clicks. Firefox's
/// and WebKit's drivers scroll nothing by a finger's drag: there the sheet is scrolled by the
/// mouse wheel instead.
async fn on_a_phone_the_city_can_be_tapped_and_the_story_is_a_bottom_sheet(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 360, 740).await;
    browser.emulate_touch().await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    // Touch input shows as pointer events of type "touch", kept where every script sees them.
    browser
        .eval(
            "addEventListener('pointerdown', e => { const d = document.documentElement.dataset; \
               d.touches = (+(d.touches ?? 0) + (e.pointerType === 'touch' ? 1 : 0)); }, true)",
        )
        .await;
    let centre = |code: &str| {
        format!("const r = document.querySelector('path.borough[data-code={code}]').getBoundingClientRect(); \
                 return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]")
    };
    let city = browser.eval(&centre("E09000001")).await;
    let [x, y, width, height] = [0, 1, 2, 3].map(|i| city[i].as_f64().unwrap());
    assert!(
        width < 24.0 && height < 24.0,
        "the City is {width}×{height} px, smaller than a fingertip"
    );
    // A tap 10 px off the City's centre, beyond its own edge, still selects it.
    browser.tap(x + 10.0, y).await;
    browser.wait_for_panel("City of London").await;
    let touches = browser
        .eval("return document.documentElement.dataset.touches ?? '0'")
        .await;
    if browser.has_touch_input() {
        assert_ne!(touches, "0", "the tap was no touch");
    } else {
        println!("{engine}: no touch input; the taps were a mouse's clicks");
    }

    // The story is a sheet at the bottom that scrolls on its own, with the borough visible above
    // (once it has slid in).
    browser.wait_until(SHEET_SETTLED).await;
    let layout = browser
        .eval("const sheet = document.querySelector('.area-panel[data-open]'); const s = sheet.getBoundingClientRect(); \
               const b = document.querySelector('path.borough[data-code=E09000001]').getBoundingClientRect(); \
               return [getComputedStyle(sheet).position, getComputedStyle(sheet).overflowY, s.top, s.bottom, b.top, b.bottom, innerHeight]")
        .await;
    assert_eq!(layout[0], "fixed");
    assert_eq!(layout[1], "auto");
    let [top, bottom, b_top, b_bottom, inner] =
        [2, 3, 4, 5, 6].map(|i| layout[i].as_f64().unwrap());
    assert!(
        (bottom - inner).abs() < 1.0,
        "the sheet sits at the bottom: {layout}"
    );
    assert!(
        b_top >= 0.0 && b_bottom <= top,
        "the City ({b_top}–{b_bottom}) is hidden by the sheet (from {top})"
    );

    // A tap on bare map closes. The boundaries meet mid-river (the Thames is inside the
    // boroughs' shapes here), so the bare map is the margin: the map's top-left corner.
    let corner = browser
        .eval(
            "scrollTo({top: 0, behavior: 'instant'}); const r = document.querySelector('svg.map').getBoundingClientRect(); \
             const [x, y] = [r.left + 3, r.top + 3]; \
             return [x, y, document.elementFromPoint(x, y)?.matches('svg.map') ?? false]",
        )
        .await;
    assert_eq!(corner[2], true, "the corner is not bare map: {corner}");
    browser
        .tap(corner[0].as_f64().unwrap(), corner[1].as_f64().unwrap())
        .await;
    browser.wait_for_summary().await;

    // A long story's sheet scrolls under a finger; the map stays where it is.
    browser
        .wait_until("document.getAnimations().length === 0")
        .await;
    let hackney = browser.eval(&centre("E09000012")).await;
    browser
        .tap(hackney[0].as_f64().unwrap(), hackney[1].as_f64().unwrap())
        .await;
    browser.wait_for_panel("Hackney").await;
    browser.wait_until(SHEET_SETTLED).await;
    const PLACES: &str = "const m = document.querySelector('svg.map').getBoundingClientRect(); \
        const s = document.querySelector('.area-panel[data-open]'); \
        return [[Math.round(m.x), Math.round(m.y), Math.round(scrollY)], s.scrollTop, s.scrollHeight - s.clientHeight, s.getBoundingClientRect().top]";
    let before = browser.eval(PLACES).await;
    assert!(
        before[2].as_f64().unwrap() > 100.0,
        "Hackney's story does not need scrolling: {before}"
    );
    let sheet_top = before[3].as_f64().unwrap();
    if browser.touch_scrolls() {
        browser
            .drag(
                (180.0, inner - 40.0),
                (180.0, sheet_top + 20.0),
                std::time::Duration::from_millis(300),
            )
            .await;
    } else {
        println!(
            "{engine}: a finger's drag scrolls nothing; the sheet was scrolled by the mouse wheel"
        );
        browser.wheel((180.0, inner - 40.0), 200).await;
    }
    browser
        .wait_until("document.querySelector('.area-panel[data-open]').scrollTop > 50")
        .await;
    let after = browser.eval(PLACES).await;
    assert_eq!(
        before[0], after[0],
        "the map moved while the sheet scrolled"
    );

    browser.click(".area-panel[data-open] .close").await;
    browser.wait_for_summary().await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_page_reflows_at_320_px_and_honours_motion_and_colour_preferences(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 320, 640).await;
    browser.goto(&server.url("/?borough=enfield")).await;
    browser.wait_for_map().await;
    let sideways = browser
        .eval("return document.documentElement.scrollWidth - innerWidth")
        .await;
    assert!(
        sideways.as_f64().unwrap() <= 0.0,
        "the page scrolls sideways at 320 px by {sideways}"
    );

    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({"features": [
                {"name": "prefers-reduced-motion", "value": "reduce"},
                {"name": "prefers-color-scheme", "value": "dark"}
            ]}),
        )
        .await;
    // (The page's one motion is the phone sheet sliding in; nothing else is animated.)
    let styles = browser
        .eval(
            "return [getComputedStyle(document.querySelector('.area-panel[data-open]')).animationName, \
               getComputedStyle(document.documentElement).backgroundColor]",
        )
        .await;
    assert_eq!(
        styles[0], "none",
        "the sheet does not slide in with reduced motion"
    );
    assert_eq!(
        styles[1], "rgb(21, 23, 28)",
        "dark colours follow the device"
    );

    // ?theme=light overrides the device's dark preference.
    browser.goto(&server.url("/?theme=light")).await;
    browser.wait_for_map().await;
    let background = browser
        .eval("return getComputedStyle(document.documentElement).backgroundColor")
        .await;
    assert_eq!(background, "rgb(255, 255, 255)");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn axe_finds_no_violations_in_any_state(engine: Engine) {
    let server = serve();
    for (name, path, width) in [
        ("initial page", "/", 1280),
        ("panel open", "/?borough=hackney", 1280),
        ("360 px viewport", "/?borough=lambeth", 360),
        ("dark theme", "/?theme=dark&borough=tower-hamlets", 1280),
        ("dark theme, nothing selected", "/?theme=dark", 1280),
    ] {
        let browser = Browser::start(engine, width, 900).await;
        browser.goto(&server.url(path)).await;
        browser.wait_for_map().await;
        let violations = browser.axe_violations().await;
        assert!(violations.is_empty(), "{name}: {violations:#?}");
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
    // The page as the build wrote it, before (or without) the app: links, and the controls
    // that need the app disabled; and with a story opened by its link.
    let held = serve_without_app();
    for (name, path) in [
        ("before the app", "/"),
        ("before the app, a story open", "/#area-hackney"),
    ] {
        let browser = Browser::start(engine, 1280, 900).await;
        browser.goto(&held.url(path)).await;
        browser
            .wait_until("document.querySelectorAll('svg.map a path.borough').length === 33")
            .await;
        let violations = browser.axe_violations().await;
        assert!(violations.is_empty(), "{name}: {violations:#?}");
        browser.close().await;
    }
}

browser_tests!(all: the_whole_keyboard_journey, search_and_list_select_on_the_map, on_a_phone_the_city_can_be_tapped_and_the_story_is_a_bottom_sheet);
// Preferences are set through the DevTools protocol; axe-core's checks are of the page, the
// same in every engine: Chromium only.
browser_tests!([chromium]: the_page_reflows_at_320_px_and_honours_motion_and_colour_preferences, axe_finds_no_violations_in_any_state);
