//! The address read one way: the page's early script (`public/early.js`, before the app) and
//! the app read a generated corpus of awkward addresses alike. For each, the first paint (the
//! app held back) and the app show the same story in the same colours, as the app's rules
//! (`url_state`, read natively here) say they should, and a value the app reports as unknown
//! was never applied by the early script. Then a choice rewrites the address as those rules
//! say, other parameters kept.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use borough_core::area::Area;
use borough_core::contract::{id, story_id};
use borough_core::url_state::{with_borough, FormParams, UrlState};
use serde_json::Value;
use support::browser::TAKEN_OVER;
use support::{serve, serve_without_app, Browser, Engine};

/// What a reader would put around a value, and what only looks like space: ASCII whitespace
/// (which both sides trim), then vertical tab, NEL, no-break space, em space, ideographic
/// space, the byte order mark and the line separator (which neither does).
const SPACES: &[&str] = &[
    "%20",
    "+",
    "%09",
    "%0A",
    "%0C",
    "%0D",
    "%0B",
    "%C2%85",
    "%C2%A0",
    "%E2%80%83",
    "%E3%80%80",
    "%EF%BB%BF",
    "%E2%80%A8",
];

/// `?borough=` values, percent-encoded as a link carries them.
const BOROUGHS: &[&str] = &[
    "hackney",
    "Hackney",
    "HACKNEY",
    "E09000012",
    "e09000029",
    "tower+hamlets",
    "tower%20hamlets",
    "Tower%20Hamlets",
    "tower%2Bhamlets",
    "tower--hamlets",
    "Barking%20%26%20Dagenham",
    "barking%20and%20dagenham",
    "Barking+and+Dagenham",
    "barking-and-dagenham",
    "hackney.",
    "Hackney%2C",
    "City%20of%20London.",
    "kingston%20upon%20thames!",
    "King%27s",
    "nowhere",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "-",
    "%2D%2D",
    "%FF",
    "%",
    "E0900001",
    "E09000034",
    // A long s and a Kelvin sign, which JavaScript's case mapping makes ASCII letters.
    "%C5%BFutton",
    "hac%E2%84%AAney",
    "",
];

/// `?theme=` values.
const THEMES: &[&str] = &[
    "dark",
    "DARK",
    "Light",
    "auto",
    "purple",
    "dark.",
    "dark%2B",
    "DAR%E2%84%AA",
    "",
];

/// `?tour=` values: the ten steps' numbers exactly, and what only looks like one.
const TOURS: &[&str] = &[
    "1",
    "3",
    "10",
    "0",
    "11",
    "03",
    "%2B3",
    "-1",
    "3.0",
    "1e1",
    "%EF%BC%93",
    "%D9%A3",
    "%203%09",
    "3%C2%A0",
];

/// Whole queries: repeated parameters (the last wins, even when empty), names the app does
/// not know, and embed mode.
const QUERIES: &[&str] = &[
    "borough=nowhere&borough=sutton",
    "borough=sutton&borough=nowhere",
    "borough=sutton&borough=",
    "borough=sutton&borough=%20",
    "theme=purple&theme=dark",
    "theme=dark&theme=light",
    "theme=dark&theme=",
    "theme=%EF%BB%BFdark&borough=%EF%BB%BFhackney",
    "bor%6Fugh=camden&th%65me=dark",
    "Borough=camden&THEME=dark",
    "borough%20=camden&theme%20=dark",
    "borough=camden&borough%00=sutton",
    "embed=1&borough=hackney&theme=dark",
    "embed=false&borough=e09000029",
    "embed=%200%20&borough=sutton",
    "embed=&borough=camden",
    "&&borough=sutton&&=x&theme",
    "borough=croydon#",
    "borough=croydon&theme=light&embed=1&childId=map-1",
    "tour=3&tour=",
    "tour=99&tour=3",
    "borough=hackney&tour=3&theme=dark",
    "embed=1&tour=10&borough=nowhere",
];

/// Every address the test loads, each a query string starting with `?`: a few hundred
/// characters at most, but for the over-long values.
fn corpus() -> Vec<String> {
    let mut queries: Vec<String> = Vec::new();
    for space in SPACES {
        queries.push(format!("borough={space}E09000029"));
        queries.push(format!("borough=e09000012{space}"));
        queries.push(format!("borough={space}hackney{space}"));
        queries.push(format!("theme={space}dark"));
        queries.push(format!("theme=Light{space}"));
    }
    queries.extend(BOROUGHS.iter().map(|value| format!("borough={value}")));
    queries.extend(THEMES.iter().map(|value| format!("theme={value}")));
    queries.extend(TOURS.iter().map(|value| format!("tour={value}")));
    queries.extend(QUERIES.iter().map(|query| query.to_string()));
    // Over-long: a slug followed by punctuation still names its area; the others do not.
    queries.push(format!("borough=hackney{}", ".".repeat(3000)));
    queries.push(format!("borough={}", "E09000012".repeat(300)));
    queries.push(format!("theme={}", "d".repeat(3000)));
    queries
        .into_iter()
        .map(|query| format!("?{query}"))
        .collect()
}

/// What a page shows: the root's `data-theme`, the page's colours, whether it is in
/// embed mode, and the stories shown (however they are shown).
const SHOWN: &str = "return { theme: document.documentElement.getAttribute('data-theme'), \
    tour: document.documentElement.getAttribute('data-tour'), \
    colours: [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color], \
    embed: document.documentElement.classList.contains('embed'), \
    stories: [...document.querySelectorAll('.panel')].filter(p => getComputedStyle(p).display !== 'none').map(p => p.id) }";

/// The alerts in the page, a line each.
const NOTICES: &str = "return [...document.querySelectorAll('#notices [role=alert]')].map(a => a.textContent).join('\\n')";

/// How `UrlState` reads `query`: the story it shows (the tour's panel, if it names a step), the
/// theme it applies and what it reports.
fn expected(query: &str) -> (String, Option<&'static str>, UrlState) {
    let state = UrlState::from_query(query);
    let story = match state.tour {
        Some(_) => "tour".to_owned(),
        None => state.borough.map_or(id::LONDON.name.to_owned(), story_id),
    };
    (story, state.scheme.attribute(), state)
}

async fn the_early_script_and_the_app_read_every_address_alike(engine: Engine) {
    let held = serve_without_app();
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    let corpus = corpus();
    assert!((80..=150).contains(&corpus.len()), "{}", corpus.len());
    let mut failures = Vec::new();
    for query in &corpus {
        browser.goto(&held.url(&format!("/{query}"))).await;
        browser
            .wait_until("document.readyState === 'complete'")
            .await;
        let first_paint = browser.eval(SHOWN).await;

        browser.goto(&server.url(&format!("/{query}"))).await;
        browser.wait_until(TAKEN_OVER).await;
        // Whatever the app does once it has taken over is done two frames later.
        browser.next_frame().await;
        let app = browser.eval(SHOWN).await;
        let notices = browser.eval(NOTICES).await;
        let notices = notices.as_str().unwrap_or_default();

        let (story, theme, state) = expected(query);
        let shown = |page: &Value| page["stories"].as_array().cloned().unwrap_or_default();
        let mut wrong = Vec::new();
        if first_paint != app {
            wrong.push(format!("first paint {first_paint} but the app {app}"));
        }
        if shown(&app) != [Value::from(story.clone())] {
            wrong.push(format!("the app shows {}, not {story}", app["stories"]));
        }
        if app["theme"] != Value::from(theme) {
            wrong.push(format!("data-theme {}, not {theme:?}", app["theme"]));
        }
        let step = state.tour.map(|step| step.to_string());
        if app["tour"] != Value::from(step.clone()) {
            wrong.push(format!("data-tour {}, not {step:?}", app["tour"]));
        }
        for (unknown, called) in [
            (&state.unknown_borough, "a borough called"),
            (&state.unknown_scheme, "a colour theme called"),
            (&state.unknown_tour, "a tour step called"),
        ] {
            let reported = notices.contains(called);
            match unknown {
                Some(value) if !notices.contains(&format!("{called} \u{201c}{value}\u{201d}")) => {
                    wrong.push(format!("not reported as {called} {value:?}: {notices:?}"))
                }
                None if reported => wrong.push(format!("reported: {notices:?}")),
                _ => {}
            }
        }
        // The rule the two cases above imply, said outright: what the app reports as unknown
        // was never applied before it.
        if state.unknown_borough.is_some()
            && state.tour.is_none()
            && shown(&first_paint) != [id::LONDON.name]
        {
            wrong.push(format!("unknown borough shown: {}", first_paint["stories"]));
        }
        if state.unknown_scheme.is_some() && !first_paint["theme"].is_null() {
            wrong.push(format!("unknown theme applied: {}", first_paint["theme"]));
        }
        if state.unknown_tour.is_some() && !first_paint["tour"].is_null() {
            wrong.push(format!(
                "unknown tour step applied: {}",
                first_paint["tour"]
            ));
        }
        if !wrong.is_empty() {
            failures.push(format!("{query}: {}", wrong.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} addresses read differently:\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
    browser.close().await;
}

/// A choice rewrites the address: the chosen area's own path (the root's when closed) and, as
/// `with_borough` says, the borough removed from the query, every other parameter kept in
/// order and meaning, written out by the browser's rules.
async fn a_choice_rewrites_the_address_keeping_every_other_parameter(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    let hackney = Area::parse("hackney");
    assert!(hackney.is_some());
    for query in [
        "?theme=dark&x=a%20b&embed=0",
        "?bor%6Fugh=sutton&childId=c%2D1&theme=%EF%BB%BFdark",
        "?borough=nowhere&y=%E2%80%A6&z&borough=camden&w=%zz+%2B",
    ] {
        browser.goto(&server.url(&format!("/{query}"))).await;
        browser.wait_for_map().await;
        browser.click("path.borough[data-code=E09000012]").await;
        let kept = with_borough(FormParams::new(query), None);
        browser
            .wait_until(&format!(
                "location.pathname === '/hackney/' && location.search === {kept:?}"
            ))
            .await;
        // Escape closes the story.
        browser.press('\u{E00C}').await;
        browser
            .wait_until(&format!(
                "location.pathname === '/' && location.search === {kept:?}"
            ))
            .await;
    }
    browser.close().await;
}

browser_tests!(all: a_choice_rewrites_the_address_keeping_every_other_parameter);
// The corpus is some 200 page loads: on Chromium only, to keep `make test` within its time.
browser_tests!([chromium]: the_early_script_and_the_app_read_every_address_alike);
