//! Browser tests of what a reader sees when something is wrong: a message in the page, and
//! everything that can still work still working. (The build refuses broken boundaries or
//! content, naming the file and entry: see `borough_page`'s tests. A reader never meets
//! them.)
#![cfg(not(target_arch = "wasm32"))]

mod support;

use borough_core::contract;
use support::{dist, index_with_body, serve_page, Browser, Engine, Reply, StaticServer};

async fn an_unknown_borough_in_the_address_is_explained_and_the_map_still_works(engine: Engine) {
    let server = StaticServer::start(&dist(), vec![]);
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?borough=atlantis")).await;
    let message = browser.alerts().await;
    assert!(message.contains("\u{201c}atlantis\u{201d}"), "{message}");
    assert!(
        message.contains("isn't one of London's 33 areas"),
        "{message}"
    );
    browser.wait_for_map().await;
    browser.wait_for_summary().await;
    assert!(browser
        .text(".summary-panel")
        .await
        .contains("What followed across London"));
    browser.click("path.borough[data-code=E09000012]").await;
    browser.wait_for_panel("Hackney").await;
    let errors = browser.console_errors().await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("unknown ?borough= value"), "{errors:#?}");
    browser.close().await;
}

async fn when_the_app_cannot_load_the_reader_is_told_and_every_story_still_opens(engine: Engine) {
    let server = StaticServer::start(&dist(), vec![("/borough-map_bg.wasm", Reply::status(404))]);
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    let message = browser.alerts().await;
    assert!(
        message.contains("interactive parts cannot run")
            && message.contains("still opens its story")
            && message.contains("could not be loaded"),
        "{message}"
    );
    // The controls that need the app are not offered.
    let offered = browser.controls_needing_the_app().await;
    assert_eq!(offered, 0);
    // The map's boroughs are links to their stories.
    browser.click("path.borough[data-code=E09000012]").await;
    browser
        .wait_until("location.hash === '#area-hackney'")
        .await;
    let shown = browser.shown_panels().await;
    assert_eq!(shown, serde_json::json!(["area-hackney"]));
    assert!(browser
        .text("#area-hackney")
        .await
        .contains("Britannia Leisure Centre"));
    browser.click("#area-hackney .close").await;
    browser.wait_until("location.hash === '#london'").await;
    let shown = browser.shown_panels().await;
    assert_eq!(shown, serde_json::json!(["london"]));
    let errors = browser.console_errors().await;
    assert!(
        errors.iter().all(|e| e.contains("borough-map_bg.wasm")
            || e.contains("Failed to load resource")
            || e.contains("borough map:")),
        "{errors:#?}"
    );
    browser.close().await;
}

async fn a_page_built_without_its_map_says_so(engine: Engine) {
    let server = serve_page(index_with_body(
        "<div id=\"notices\" class=\"notices\"></div>",
    ));
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    let message = browser.alerts().await;
    assert!(message.contains("built without its map"), "{message}");
    let errors = browser.console_errors().await;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let missing = format!("the page has no {}", contract::MAP.selector);
    assert!(errors[0].contains(&missing), "{errors:#?}");
    browser.close().await;
}

/// A page that lacks some parts (an old cached copy, a host that rewrites HTML): each missing
/// part is named, in the page and the console, and the rest of the map keeps working.
async fn a_page_missing_some_parts_names_them_and_the_rest_works(engine: Engine) {
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let without = |html: &str, start: &str, end: &str| {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
        let to = from + html[from..].find(end).unwrap() + end.len();
        format!("{}{}", &html[..from], &html[to..])
    };
    let find = format!("<input id=\"{}\"", contract::id::FIND_INPUT.name);
    let themes = format!("<div class=\"{}\"", contract::class::THEME_BUTTONS.name);
    let page = without(&without(&index, &find, ">"), &themes, "</div>");
    let server = serve_page(page);
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let message = browser.alerts().await;
    for feature in [
        contract::FIND_INPUT.feature,
        contract::THEME_BUTTONS.feature,
    ] {
        assert!(message.contains(feature), "{feature}: {message}");
    }
    let errors = browser.console_errors().await;
    for part in [contract::FIND_INPUT, contract::THEME_BUTTONS] {
        let named = format!("the page has no {}", part.selector);
        assert!(
            errors.iter().any(|e| e.contains(&named)),
            "{named}: {errors:#?}"
        );
    }
    browser.click("path.borough[data-code=E09000012]").await;
    browser.wait_for_panel("Hackney").await;
    browser.close().await;
}

browser_tests!(all: an_unknown_borough_in_the_address_is_explained_and_the_map_still_works, when_the_app_cannot_load_the_reader_is_told_and_every_story_still_opens, a_page_built_without_its_map_says_so, a_page_missing_some_parts_names_them_and_the_rest_works);
