//! The pages the build writes besides the home page: one per area (`<slug>/index.html`), with
//! its preview image, and the site's data files, sitemap and robots.txt. The files are checked
//! in `dist/`; the browser tests serve it as a static host would.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use borough_core::area::Area;
use borough_page::data;
use serde_json::json;
use support::{dist, serve, serve_without_app, Browser, Engine, Scripts};

/// Every page the build writes: the home page and each area's.
fn pages() -> Vec<String> {
    std::iter::once("index.html".to_owned())
        .chain(Area::all().map(|a| format!("{}/index.html", a.slug())))
        .collect()
}

/// The `content` of the first `<meta property="{property}" content="…">` in `html`.
fn meta<'a>(html: &'a str, property: &str) -> &'a str {
    let tag = format!("<meta property=\"{property}\" content=\"");
    let start = html.find(&tag).unwrap_or_else(|| panic!("no {property}")) + tag.len();
    &html[start..start + html[start..].find('"').unwrap()]
}

/// Width and height from a PNG's header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn every_pages_preview_image_is_a_1200_by_630_png_in_the_bundle() {
    let dist = dist();
    let site = meta(
        &std::fs::read_to_string(dist.join("index.html")).unwrap(),
        "og:url",
    )
    .to_owned();
    for page in pages() {
        let html = std::fs::read_to_string(dist.join(&page))
            .unwrap_or_else(|e| panic!("{page}: {e} (the build writes a page per area)"));
        let image = meta(&html, "og:image");
        let file = image
            .strip_prefix(&site)
            .unwrap_or_else(|| panic!("{page}: {image} is not under {site}"));
        let png = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{page}: {file}: {e}"));
        assert_eq!(png_size(&png), (1200, 630), "{file}");
        assert_eq!(meta(&html, "og:image:width"), "1200");
        assert_eq!(meta(&html, "og:image:height"), "630");
    }
}

/// Every `href="…"` and `src="…"` value in `html`.
fn urls(html: &str) -> Vec<&str> {
    [" href=\"", " src=\""]
        .into_iter()
        .flat_map(|attribute| {
            html.match_indices(attribute).map(move |(at, _)| {
                let start = at + attribute.len();
                &html[start..start + html[start..].find('"').unwrap()]
            })
        })
        .collect()
}

#[test]
fn every_relative_url_of_every_page_names_a_file_of_the_bundle() {
    let dist = dist();
    for page in pages() {
        let html = std::fs::read_to_string(dist.join(&page)).unwrap();
        let folder = Path::new(&page).parent().unwrap();
        for url in urls(&html) {
            if !borough_page::is_relative_url(url) {
                continue;
            }
            let file = dist.join(folder).join(url);
            assert!(
                file.is_file(),
                "{page}: {url} ({}) is missing",
                file.display()
            );
        }
    }
    for file in [
        "sitemap.xml",
        "robots.txt",
        borough_page::data::AREAS_CSV,
        borough_page::data::OUTCOMES_CSV,
        borough_page::data::AREAS_JSON,
        borough_page::data::BOUNDARIES_GEOJSON,
    ] {
        assert!(dist.join(file).is_file(), "{file} is missing");
    }
    let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: http"), "{robots}");
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), 34);
}

async fn with_javascript_off_an_area_page_shows_its_story_and_a_followed_link_wins(engine: Engine) {
    let server = serve();
    let browser = Browser::start_with(engine, Scripts::NoJavaScript, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser
        .wait_until("document.querySelectorAll('svg.map path.borough').length === 33")
        .await;
    assert_eq!(browser.shown_panels().await, json!(["area-hackney"]));
    assert!(browser
        .text("#area-hackney")
        .await
        .contains("Britannia Leisure Centre"));
    // A story after Hackney's, then the London-wide one: each replaces the page's own (the
    // stylesheet alone: no script runs).
    browser.click("path.borough[data-code=E09000029]").await;
    browser.wait_until("location.hash === '#area-sutton'").await;
    assert_eq!(browser.shown_panels().await, json!(["area-sutton"]));
    browser.click("#area-sutton .close").await;
    browser.wait_until("location.hash === '#london'").await;
    assert_eq!(browser.shown_panels().await, json!(["london"]));
    browser.close().await;
}

async fn before_the_app_an_area_page_shows_its_story(engine: Engine) {
    let held = serve_without_app();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&held.url("/hackney/")).await;
    browser
        .wait_until("document.querySelectorAll('svg.map path.borough').length === 33")
        .await;
    assert_eq!(browser.shown_panels().await, json!(["area-hackney"]));
    browser.close().await;
}

async fn the_app_keeps_an_area_pages_story_open_when_it_takes_over(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    assert_eq!(browser.shown_panels().await, json!(["area-hackney"]));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// One address rule on every page: a choice puts the area's own page in the address without a
/// reload, closing puts the root's, back and forward follow, and `?borough=` on arrival gives
/// way to the path. Embedded, the path never changes.
async fn the_address_is_the_chosen_areas_own_page(engine: Engine) {
    const SUTTON: &str = "path.borough[data-code=E09000029]";
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    // A reload would lose this.
    browser.eval("window.samePage = true").await;
    browser.click(SUTTON).await;
    browser.wait_for_panel("Sutton").await;
    browser
        .wait_until("location.pathname === '/sutton/' && location.search === '' && window.samePage")
        .await;
    browser.client.back().await.unwrap();
    browser.wait_for_panel("Hackney").await;
    browser
        .wait_until("location.pathname === '/hackney/' && window.samePage")
        .await;
    browser.click("#area-hackney .close").await;
    browser.wait_for_summary().await;
    browser
        .wait_until("location.pathname === '/' && window.samePage")
        .await;
    browser.client.back().await.unwrap();
    browser.wait_for_panel("Hackney").await;

    // Arriving by `?borough=`: it wins, and the address becomes the story's own path, in place.
    browser
        .goto(&server.url("/hackney/?borough=sutton&theme=dark"))
        .await;
    browser.wait_for_panel("Sutton").await;
    browser
        .wait_until("location.pathname === '/sutton/' && location.search === '?theme=dark'")
        .await;
    // A value that is no area leaves the page's own story open, and says so.
    browser
        .goto(&server.url("/hackney/?borough=atlantis"))
        .await;
    browser.wait_for_panel("Hackney").await;
    assert!(browser.alerts().await.contains("atlantis"));
    assert_eq!(browser.eval("return location.pathname").await, "/hackney/");

    // From the home page to an area's, one folder deeper without a reload: the page's links
    // to its files (the footer's data, each story's) still name the same files.
    browser.goto(&server.url("/")).await;
    browser.wait_for_summary().await;
    browser.click(SUTTON).await;
    browser.wait_for_panel("Sutton").await;
    browser.wait_until("location.pathname === '/sutton/'").await;
    for file in [data::AREAS_CSV, data::ABOUT_PAGE] {
        let resolved = browser
            .eval(&format!(
                "return [...document.querySelectorAll('a[href$=\"{file}\"]')]\
                 .map(a => new URL(a.getAttribute('href'), location.href).pathname)"
            ))
            .await;
        let paths = resolved.as_array().expect("a list of links");
        assert!(!paths.is_empty(), "no link to {file}");
        for path in paths {
            assert_eq!(path, &format!("/{file}"), "a link to {file} after the move");
        }
    }

    // Embedded, the host chose the frame's address: only the query follows the choice.
    browser.goto(&server.url("/hackney/?embed=1")).await;
    browser.wait_for_panel("Hackney").await;
    browser.click(SUTTON).await;
    browser.wait_for_panel("Sutton").await;
    browser
        .wait_until(
            "location.pathname === '/hackney/' && location.search === '?embed=1&borough=sutton'",
        )
        .await;
    browser.close().await;
}

async fn on_an_area_page_the_embed_dialog_writes_the_sites_urls(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    // After a choice the address is another area's page; the site's root is the same.
    browser.click("path.borough[data-code=E09000029]").await;
    browser.wait_until("location.pathname === '/sutton/'").await;
    browser.click(".embed-button").await;
    browser
        .wait_until("document.querySelector('#embed-script').value !== ''")
        .await;
    let script = browser
        .eval("return document.querySelector('#embed-script').value")
        .await;
    let script = script.as_str().unwrap();
    assert!(script.contains(&server.url("/embed.js")), "{script}");
    assert!(!script.contains("/hackney/embed.js"), "{script}");
    let iframe = browser
        .eval("return document.querySelector('#embed-iframe').value")
        .await;
    assert!(
        iframe.as_str().unwrap().contains(&server.url("/?embed=1")),
        "{iframe}"
    );
    browser.close().await;
}

browser_tests!(all: with_javascript_off_an_area_page_shows_its_story_and_a_followed_link_wins, before_the_app_an_area_page_shows_its_story, the_app_keeps_an_area_pages_story_open_when_it_takes_over, the_address_is_the_chosen_areas_own_page, on_an_area_page_the_embed_dialog_writes_the_sites_urls);
