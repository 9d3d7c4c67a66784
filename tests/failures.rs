//! Browser tests of what a reader sees when something is wrong: a message in the page, and
//! everything that can still work still working.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{dist, Browser, Reply, StaticServer};

const GEOMETRY: &str = "/geo/boroughs.geojson";
const CONTENT: &str = "/content/londoners-did.json";

#[tokio::test]
async fn an_unknown_borough_in_the_address_is_explained_and_the_map_still_works() {
    let server = StaticServer::start(&dist(), vec![]);
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/?borough=atlantis")).await;
    let message = browser.alerts().await;
    assert!(message.contains("\u{201c}atlantis\u{201d}"), "{message}");
    assert!(
        message.contains("isn't one of London's 33 areas"),
        "{message}"
    );
    browser.wait_for_map().await;
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

#[tokio::test]
async fn a_missing_geometry_file_is_explained_and_the_story_still_shows() {
    let server = StaticServer::start(&dist(), vec![(GEOMETRY, Reply::status(404))]);
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    let message = browser.alerts().await;
    assert!(
        message
            .contains("The borough boundaries could not be downloaded (the server answered 404)"),
        "{message}"
    );
    browser
        .wait_until(
            "document.querySelector('.map-status')?.textContent.includes('cannot be drawn')",
        )
        .await;
    // The selected borough's story does not depend on the map.
    browser
        .wait_until("document.querySelector('.area-panel')?.textContent.includes('Britannia')")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_malformed_geometry_file_is_explained() {
    for (body, expected) in [
        (
            "{\"type\": \"FeatureCollection\", \"features\": [",
            "is not valid JSON",
        ),
        (
            "{\"type\": \"Topology\"}",
            "is not a GeoJSON FeatureCollection",
        ),
        ("", "is not valid JSON"),
    ] {
        let server = StaticServer::start(&dist(), vec![(GEOMETRY, Reply::body(body))]);
        let browser = Browser::start(1024, 768).await;
        browser.goto(&server.url("/")).await;
        let message = browser.alerts().await;
        assert!(message.contains(expected), "{body:?}: {message}");
        assert!(browser.text(".summary-panel").await.contains("1,016"));
        browser.close().await;
    }
}

#[tokio::test]
async fn a_broken_content_file_is_explained_and_the_map_still_draws() {
    let server = StaticServer::start(
        &dist(),
        vec![(CONTENT, Reply::body("{\"programme\": oops}"))],
    );
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/")).await;
    let message = browser.alerts().await;
    assert!(message.contains("content/londoners-did.json"), "{message}");
    assert!(message.contains("is not valid JSON"), "{message}");
    browser
        .wait_until("document.querySelectorAll('path.borough').length === 33")
        .await;
    browser.close().await;
}

/// The real content file with one change, for the content error tests.
fn content_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/londoners-did.json");
    let mut content: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    change(&mut content);
    content.to_string()
}

#[tokio::test]
async fn content_mistakes_are_named_by_entry_and_field_and_the_rest_still_works() {
    let broken = content_with(|c| {
        let areas = c["areas"].as_array_mut().unwrap();
        areas[11].as_object_mut().unwrap().remove("summary"); // Hackney
        areas[28]["colour"] = "red".into(); // Sutton
        areas[3]["code"] = "E09000099".into(); // Bexley's entry, now unknown
        let duplicate = areas[21].clone(); // Lambeth again
        areas.push(duplicate);
    });
    let server = StaticServer::start(&dist(), vec![(CONTENT, Reply::body(broken))]);
    let browser = Browser::start(1280, 900).await;
    browser.goto(&server.url("/?borough=hackney")).await;
    let message = browser.alerts().await;
    for expected in [
        "content/londoners-did.json: areas[11] (E09000012): missing field `summary`",
        "content/londoners-did.json: areas[28] (E09000029): unknown field `colour`",
        "content/londoners-did.json: areas[3] (E09000099): `code` is not one of London's 33 areas",
        "content/londoners-did.json: areas[33] (E09000022): repeats a code given earlier",
        "content/londoners-did.json: areas: no entry for Bexley (E09000004)",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in:\n{message}"
        );
    }
    // Hackney's panel says its content is missing; the map and other boroughs still work.
    browser
        .wait_until(
            "document.querySelector('.area-panel')?.textContent.includes('could not be loaded')",
        )
        .await;
    browser
        .wait_until("document.querySelectorAll('path.borough').length === 33")
        .await;
    browser.click("path.borough[data-code=E09000022]").await;
    browser
        .wait_until(
            "document.querySelector('.area-panel')?.textContent.includes('Lambeth Together')",
        )
        .await;
    browser.close().await;
}
