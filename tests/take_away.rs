//! Taking a story away (issue 15): Share copies the page's address where there is no share
//! sheet (and always when embedded), or leaves it selected to copy by hand if copying is
//! refused; Download the map saves the map as it is on screen, as a self-contained SVG
//! (embedded, it is a link to the story's own page); and printing gives the map, the story and
//! its address on A4 and US Letter.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::wd::{PrintConfiguration, PrintSize};
use support::{serve, Browser, Engine};

const HACKNEY: &str = "E09000012";

/// Removes the share sheet, and records what is copied (or, `refuse`d, refuses to copy).
const NO_SHARE_SHEET: &str = "delete Navigator.prototype.share; delete navigator.share;";
fn clipboard(refuse: bool) -> String {
    let write = if refuse {
        "() => Promise.reject(new DOMException('Refused', 'NotAllowedError'))"
    } else {
        "text => { window.__copied = text; return Promise.resolve(); }"
    };
    format!("Object.defineProperty(navigator, 'clipboard', {{ configurable: true, value: {{ writeText: {write} }} }});")
}

/// The address the page's story shows: its canonical URL.
async fn shown_address(browser: &Browser, story: &str) -> String {
    let url = browser
        .eval(&format!(
            "return document.querySelector('{story} .page-url').textContent"
        ))
        .await;
    let canonical = browser
        .eval("return document.querySelector('link[rel=canonical]').href")
        .await;
    assert_eq!(url, canonical, "the story shows its page's canonical URL");
    url.as_str().unwrap().to_owned()
}

async fn share_copies_the_link_or_leaves_it_selected(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    let url = shown_address(&browser, "#area-hackney").await;
    assert!(url.ends_with("/hackney/"), "{url}");

    browser
        .eval(&format!("{NO_SHARE_SHEET} {}", clipboard(false)))
        .await;
    browser.click("#area-hackney .share-button").await;
    browser.wait_until("window.__copied !== undefined").await;
    assert_eq!(browser.eval("return window.__copied").await, url.as_str());
    browser
        .wait_until(
            "document.querySelector('#area-hackney .share-status')?.textContent.includes('copied') \
             && document.querySelector('#announcer').textContent.includes('copied')",
        )
        .await;

    browser.eval(&clipboard(true)).await;
    browser.click("#area-hackney .share-button").await;
    browser
        .wait_until(
            "document.querySelector('#area-hackney .share-status').textContent.includes('by hand')",
        )
        .await;
    let selected = browser
        .eval("return getSelection().toString().trim()")
        .await;
    assert_eq!(
        selected,
        url.as_str(),
        "the link is selected to copy by hand"
    );
    assert!(browser.text("#area-hackney .page-url").await.contains(&url));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_downloaded_map_is_the_map_on_screen(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    // The file is caught as the app makes it, and not saved.
    browser
        .eval(
            "const make = URL.createObjectURL.bind(URL); \
             URL.createObjectURL = blob => { window.__blob = blob; return make(blob); }; \
             const click = HTMLElement.prototype.click; \
             HTMLElement.prototype.click = function () { \
               if (this.download) { window.__saved = this.download; return; } \
               return click.call(this); };",
        )
        .await;
    browser
        .click(".theme-button:not([data-highlight=all])")
        .await;
    browser
        .wait_until("document.querySelector('.borough.theme-match') !== null")
        .await;
    let highlight = browser.text(".theme-summary").await;
    browser.click("#area-hackney .download-map").await;
    browser.wait_until("window.__saved !== undefined").await;
    assert_eq!(
        browser.eval("return window.__saved").await,
        "londoners-did-hackney.svg"
    );
    assert_eq!(
        browser.eval("return window.__blob.type").await,
        "image/svg+xml"
    );
    let svg = browser.eval("return window.__blob.text()").await;
    let svg = svg.as_str().unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""),
        "{}",
        &svg[..200]
    );
    assert!(!svg.contains("var("), "the file has literal colours only");
    let tag = |needle: &str| {
        let at = svg
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle} in the file"));
        let start = svg[..at].rfind('<').unwrap();
        &svg[start..start + svg[start..].find('>').unwrap()]
    };
    let hackney = tag(&format!("data-code=\"{HACKNEY}\""));
    assert!(hackney.contains("selected"), "{hackney}");
    assert!(hackney.contains("fill=\"rgb("), "{hackney}");
    let outline = tag("class=\"selected-outline\"");
    assert!(
        outline.contains(" d=\"M"),
        "the outline is drawn: {outline}"
    );
    assert!(outline.contains("stroke=\"rgb("), "{outline}");
    let matched = tag("theme-match");
    assert!(matched.contains("stroke-width=\"6"), "{matched}");
    for words in [
        "Londoners did: Hackney",
        highlight.as_str(),
        "Ordnance Survey",
        "Londoners did\u{201d}",
    ] {
        assert!(svg.contains(words), "no {words:?} in the file");
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn embedded_share_copies_and_download_is_a_link_to_the_page(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 800, 900).await;
    browser.goto(&server.url("/hackney/?embed=1")).await;
    browser.wait_for_panel("Hackney").await;
    let url = shown_address(&browser, "#area-hackney").await;
    let link = browser
        .eval(
            "const a = document.querySelector('#area-hackney .download-map'); \
             return [a.tagName, a.href, a.target, a.rel]",
        )
        .await;
    assert_eq!(
        link,
        serde_json::json!(["A", url, "_blank", "noopener"]),
        "embedded, Download opens the story's own page"
    );
    // Framed, the share sheet (which would open over the host's page) is not used.
    browser
        .eval(&format!(
            "navigator.share = () => {{ window.__sheet = true; return Promise.resolve(); }}; {}",
            clipboard(false)
        ))
        .await;
    browser.click("#area-hackney .share-button").await;
    browser.wait_until("window.__copied !== undefined").await;
    assert_eq!(browser.eval("return window.__copied").await, url.as_str());
    assert_eq!(browser.eval("return window.__sheet ?? false").await, false);
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn printing_gives_the_map_the_story_and_its_address(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/hackney/")).await;
    browser.wait_for_panel("Hackney").await;
    let url = shown_address(&browser, "#area-hackney").await;
    for size in [PrintSize::A4, PrintSize::US_LETTER] {
        let pdf = browser
            .client
            .print(
                PrintConfiguration::builder()
                    .size(size.clone())
                    .build()
                    .unwrap(),
            )
            .await
            .unwrap_or_else(|e| panic!("{engine}: print at {size:?}: {e}"));
        // To look at them: PRINTED_PDF_DIR=/tmp cargo test --test take_away printing
        if let Ok(dir) = std::env::var("PRINTED_PDF_DIR") {
            let name = format!("{engine}-{}x{}.pdf", size.width, size.height);
            std::fs::write(std::path::Path::new(&dir).join(name), &pdf).unwrap();
        }
        let text = pdf_extract::extract_text_from_mem(&pdf)
            .unwrap_or_else(|e| panic!("{engine}: {size:?}: {e}"));
        // Extracted text may break lines anywhere, so spaces are compared away.
        let text: String = text.split_whitespace().collect();
        for words in ["Hackney", "What the conversation led to", &url] {
            let words: String = words.split_whitespace().collect();
            assert!(
                text.contains(&words),
                "{engine}: {size:?}: no {words:?} in the printed page:\n{text}"
            );
        }
        for control in ["Downloadthemap", "Findaborough", "Embedthismap", "PNGimage"] {
            assert!(
                !text.contains(control),
                "{engine}: {size:?}: the control {control:?} is printed"
            );
        }
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

browser_tests!(all: share_copies_the_link_or_leaves_it_selected);
// WebKitWebDriver has no Print Page command ("Unknown command: /session/…/print").
browser_tests!([chromium, firefox]: printing_gives_the_map_the_story_and_its_address, the_downloaded_map_is_the_map_on_screen);
browser_tests!([chromium]: embedded_share_copies_and_download_is_a_link_to_the_page);
