//! Browser tests of embedding: a partner's page on another origin frames the map with
//! `embed.js` (or a plain iframe), and the two talk through postMessage.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use support::browser::TAKEN_OVER;
use support::{serve, Browser, Engine, Reply, StaticServer};

/// A partner's page, served from its own origin (another port), holding `body`.
fn host_page(body: &str) -> StaticServer {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner page</title><link rel=\"icon\" href=\"data:,\"></head>\
         <body style=\"margin:0\"><h1>A partner's page</h1>{body}\
         <script>window.events = []; window.messages = [];\
         document.addEventListener('borough-map:select', e => events.push(['select', e.detail.code, e.detail.name]));\
         document.addEventListener('borough-map:clear', () => events.push(['clear']));\
         addEventListener('message', e => messages.push(e.data));</script></body></html>"
    );
    StaticServer::start(
        &std::env::temp_dir(),
        vec![("/host.html", Reply::body(page))],
    )
}

fn embed_snippet(app: &StaticServer, attributes: &str) -> String {
    format!(
        "<div id=\"map\" style=\"width:420px\" data-borough-map {attributes}></div>\
         <script src=\"{}\"></script>",
        app.url("/embed.js")
    )
}

async fn frame_height(browser: &Browser) -> f64 {
    browser
        .eval("return document.querySelector('iframe').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap()
}

/// Enters the map's frame: found by its element, as engines number a page's frames
/// differently (by when they were made, or where they stand).
async fn enter_map_frame(browser: &Browser) {
    let frame = browser.css("iframe:not(#foreign)").await;
    frame.enter_frame().await.unwrap();
}

/// Runs `script` inside the map's frame, then returns to the host page.
async fn in_frame(browser: &Browser, script: &str) -> serde_json::Value {
    enter_map_frame(browser).await;
    let value = browser.eval(script).await;
    browser.client.clone().enter_parent_frame().await.unwrap();
    value
}

async fn wait_in_frame(browser: &Browser, condition: &str) {
    enter_map_frame(browser).await;
    browser.wait_until(condition).await;
    browser.client.clone().enter_parent_frame().await.unwrap();
}

/// Waits until the framed map shows `name`'s story.
async fn wait_for_story_in_frame(browser: &Browser, name: &str) {
    wait_in_frame(
        browser,
        &format!("document.querySelector('.area-panel[data-open] h2')?.textContent === {name:?}"),
    )
    .await;
}

/// Waits until the embed dialog's preview has loaded the app, at an address containing `part`.
async fn wait_for_preview(browser: &Browser, part: &str) {
    browser
        .wait_until(&format!(
            "(() => {{ const w = document.querySelector('.embed-preview')?.contentWindow; \
             return w && w.location.href.includes({part:?}) && w.document.documentElement.classList.contains('js'); }})()"
        ))
        .await;
}

/// Opens the host page and waits until the app in its frame has taken the map over (a click
/// before that is the page's own link, which tells the host nothing).
async fn open_host(browser: &Browser, host: &StaticServer) {
    browser.goto(&host.url("/host.html")).await;
    browser.css("#map iframe").await;
    wait_in_frame(
        browser,
        &format!(
            "{TAKEN_OVER} && document.querySelectorAll('path.borough[role=button]').length === 33"
        ),
    )
    .await;
}

/// Waits until the frame's height matches its content (within 3 px) and returns it.
async fn settled_height(browser: &Browser) -> f64 {
    let deadline = std::time::Instant::now() + support::browser::PATIENCE;
    loop {
        let outer = frame_height(browser).await;
        let inner = in_frame(
            browser,
            "return document.body.getBoundingClientRect().height",
        )
        .await
        .as_f64()
        .unwrap();
        if (outer - inner).abs() <= 3.0 {
            return outer;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the frame is {outer} px for {inner} px of content"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn embed_js_frames_the_map_and_its_height_follows_the_content(engine: Engine) {
    let app = serve();
    let host = host_page(&embed_snippet(&app, "data-borough=\"brent\""));
    let browser = Browser::start(engine, 1024, 800).await;
    browser.goto(&host.url("/host.html")).await;
    let frame = browser.css("#map iframe").await;
    let title = frame.attr("title").await.unwrap().unwrap();
    assert!(title.contains("community conversations"), "{title}");
    assert_eq!(
        frame.attr("sandbox").await.unwrap().as_deref(),
        Some("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox")
    );
    let width = browser
        .eval("return document.querySelector('#map iframe').getBoundingClientRect().width")
        .await;
    assert_eq!(width, 420.0, "full width of its container");

    wait_for_story_in_frame(&browser, "Brent").await;
    // Embedded: no page header or footer, but the map, legend and search.
    let parts = in_frame(&browser, "return ['.site-header', '.site-footer', 'svg.map', '.legend', '#find-input', '.embed-credit'] \
        .map(s => document.querySelector(s).getClientRects().length > 0)").await;
    assert_eq!(
        parts,
        serde_json::json!([false, false, true, true, true, true])
    );
    let short = settled_height(&browser).await;

    // Opening a long story makes the frame taller; closing fits it to the London-wide story.
    browser
        .eval("document.getElementById('map').boroughMap.select('hackney')")
        .await;
    wait_for_story_in_frame(&browser, "Hackney").await;
    let long = settled_height(&browser).await;
    assert!(
        long > short + 100.0,
        "Hackney's story ({long} px) is not taller than Brent's ({short} px)"
    );
    browser
        .eval("document.getElementById('map').boroughMap.clear()")
        .await;
    wait_in_frame(
        &browser,
        "document.querySelector('.summary-panel[data-open]') !== null",
    )
    .await;
    let closed = settled_height(&browser).await;
    // (The London-wide story, with the report's ten points, is the longer now.)
    assert!(
        (closed - long).abs() > 20.0,
        "closing left the frame at {closed} px (open: {long} px)"
    );

    // From 280 px to 1200 px wide, nothing inside the frame scrolls sideways.
    for width in [280, 600, 1200] {
        browser
            .eval(&format!(
                "document.getElementById('map').style.width = '{width}px'"
            ))
            .await;
        settled_height(&browser).await;
        let overflow = in_frame(
            &browser,
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
        )
        .await;
        assert_eq!(overflow[1], width, "the frame is not {width} px wide");
        assert!(
            overflow[0].as_u64() <= overflow[1].as_u64(),
            "{width} px: content is {overflow}"
        );
        // Nor does anything stick out past the layout's edge into its margin.
        let sticking_out = in_frame(
            &browser,
            "const edge = document.querySelector('.layout').getBoundingClientRect().right; \
             return [...document.querySelectorAll('.layout *')].filter(e => e.getClientRects().length > 0 \
               && e.getBoundingClientRect().right > edge + 0.5).map(e => e.className || e.nodeName)",
        )
        .await;
        assert_eq!(sticking_out, serde_json::json!([]), "{width} px");
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn selections_in_the_map_reach_the_host_and_host_commands_steer_the_map(engine: Engine) {
    let app = serve();
    let host = host_page(&embed_snippet(&app, ""));
    let browser = Browser::start(engine, 1024, 800).await;
    open_host(&browser, &host).await;

    in_frame(&browser, "document.querySelector('path.borough[data-code=E09000029]').dispatchEvent(new MouseEvent('click', {bubbles: true}))").await;
    browser
        .wait_until(
            "events.some(e => e[0] === 'select' && e[1] === 'E09000029' && e[2] === 'Sutton')",
        )
        .await;
    in_frame(
        &browser,
        "document.querySelector('.area-panel[data-open] .close').click()",
    )
    .await;
    browser
        .wait_until("events.length === 2 && events[1][0] === 'clear'")
        .await;

    // A raw command from the host page opens a borough, by code or slug.
    browser.eval("document.querySelector('#map iframe').contentWindow.postMessage({target: 'borough-map', type: 'select', code: 'lambeth'}, '*')").await;
    wait_for_story_in_frame(&browser, "Lambeth").await;
    browser
        .wait_until("events.some(e => e[1] === 'E09000022')")
        .await;
    // The theme command switches colours.
    browser
        .eval("document.getElementById('map').boroughMap.theme('dark')")
        .await;
    wait_in_frame(
        &browser,
        "document.documentElement.dataset.theme === 'dark'",
    )
    .await;

    // Malformed commands are ignored without an error.
    browser.eval("const w = document.querySelector('#map iframe').contentWindow; \
        for (const m of ['garbage', null, 42, {target: 'borough-map', type: 'select', code: 'E09000099'}, \
        {target: 'borough-map', type: 'explode'}, {type: 'select', code: 'E09000001'}]) w.postMessage(m, '*'); \
        w.postMessage({target: 'borough-map', type: 'theme', theme: 'light'}, '*');").await;
    // Messages from one window arrive in order: once the last, good one has been carried
    // out, the malformed ones before it have been heard.
    wait_in_frame(
        &browser,
        "document.documentElement.dataset.theme === 'light'",
    )
    .await;
    let title = in_frame(
        &browser,
        "return document.querySelector('.area-panel[data-open] h2').textContent",
    )
    .await;
    assert_eq!(title, "Lambeth");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// A partner's page may steer the map as soon as embed.js has mounted it, before the map in the
/// frame has loaded: the command waits and then works.
async fn a_command_given_before_the_map_has_loaded_is_carried_out(engine: Engine) {
    let app = serve();
    let early = "<script>document.addEventListener('DOMContentLoaded', () => \
        document.getElementById('map').boroughMap.select('sutton'));</script>";
    let host = host_page(&format!("{}{early}", embed_snippet(&app, "")));
    let browser = Browser::start(engine, 1024, 800).await;
    open_host(&browser, &host).await;
    wait_for_story_in_frame(&browser, "Sutton").await;
    browser
        .wait_until("events.some(e => e[0] === 'select' && e[1] === 'E09000029')")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn commands_from_any_window_but_the_parent_are_ignored(engine: Engine) {
    let app = serve();
    // A second frame on the host page tries to steer the map when told "go".
    let foreign = "<iframe id=\"foreign\" srcdoc=\"<script>addEventListener('message', e => { if (e.data === 'go') { \
        parent.frames[0].postMessage({target: 'borough-map', type: 'select', code: 'E09000029'}, '*'); window.sent = true; } });</script>\"></iframe>";
    let host = host_page(&format!("{}{foreign}", embed_snippet(&app, "")));
    let browser = Browser::start(engine, 1024, 800).await;
    open_host(&browser, &host).await;
    browser
        .eval("document.getElementById('foreign').contentWindow.postMessage('go', '*')")
        .await;
    // The foreign frame did send its command.
    browser
        .wait_until("document.getElementById('foreign').contentWindow.sent === true")
        .await;
    // Then the real parent, in the same page, sends the same kind of command, which works: it
    // arrives after the foreign one, so the map has heard that one first.
    browser
        .eval("document.getElementById('map').boroughMap.select('E09000012')")
        .await;
    wait_for_story_in_frame(&browser, "Hackney").await;
    let events = browser.eval("return events").await;
    assert_eq!(
        events,
        serde_json::json!([["select", "E09000012", "Hackney"]]),
        "the foreign command selected something"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn a_pym_js_host_gets_the_height_string_and_amp_hosts_their_message(engine: Engine) {
    let app = serve();
    let frame = format!(
        "<iframe src=\"{}\" title=\"Map\" style=\"width:100%;border:0\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups\"></iframe>",
        app.url("/?embed=1&childId=map-7&borough=hackney")
    );
    let host = host_page(&frame);
    let browser = Browser::start(engine, 1024, 800).await;
    browser.goto(&host.url("/host.html")).await;
    browser
        .wait_until("messages.some(m => typeof m === 'string' && /^pymxPYMxmap-7xPYMxheightxPYMx[1-9][0-9]*$/.test(m))")
        .await;
    browser.wait_until("messages.some(m => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0)").await;
    browser.wait_until("messages.some(m => m && m.source === 'borough-map' && m.type === 'resize' && m.height > 0)").await;
    // The map works in a frame sandboxed as partners commonly do.
    wait_for_story_in_frame(&browser, "Hackney").await;
    let link = in_frame(
        &browser,
        "const a = document.querySelector('.area-panel[data-open] .sources a'); return [a.target, a.rel]",
    )
    .await;
    assert_eq!(link, serde_json::json!(["_blank", "noopener noreferrer"]));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_embed_dialogs_snippets_work_when_pasted_into_a_page(engine: Engine) {
    let app = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&app.url("/")).await;
    browser.wait_for_map().await;
    // Escape in the dialog closes the dialog, not the open borough behind it.
    browser.click("path.borough[data-code=E09000012]").await;
    browser.wait_for_panel("Hackney").await;
    browser.click(".embed-button").await;
    browser
        .wait_until("document.querySelector('dialog.embed-dialog').open")
        .await;
    browser.press('\u{E00C}').await;
    browser
        .wait_until("!document.querySelector('dialog.embed-dialog').open")
        .await;
    browser.wait_for_panel("Hackney").await;
    browser.click(".embed-button").await;
    browser
        .wait_until("document.querySelector('dialog.embed-dialog').open")
        .await;
    // Each change reloads the preview: each waits for the preview before it to have loaded, as
    // one cut short logs that the map's code could not be loaded (Firefox and WebKit do).
    wait_for_preview(&browser, "").await;
    browser
        .css("#embed-borough")
        .await
        .select_by_value("sutton")
        .await
        .unwrap();
    wait_for_preview(&browser, "sutton").await;
    browser
        .eval("[...document.querySelectorAll('input[name=embed-theme]')][2].click()")
        .await; // Dark
    wait_for_preview(&browser, "dark").await;
    browser
        .wait_until("document.querySelector('#embed-script').value.includes('data-theme=\"dark\"')")
        .await;
    let script = browser
        .eval("return document.querySelector('#embed-script').value")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    let iframe = browser
        .eval("return document.querySelector('#embed-iframe').value")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        script.contains("data-borough=\"sutton\"") && script.contains(&app.url("/embed.js")),
        "{script}"
    );
    browser
        .wait_until("document.querySelector('.embed-preview')?.src.includes('borough=sutton')")
        .await;
    browser.assert_no_console_errors().await;

    for snippet in [script, iframe] {
        let host = host_page(&snippet);
        browser.goto(&host.url("/host.html")).await;
        browser.css("iframe").await;
        wait_for_story_in_frame(&browser, "Sutton").await;
        // The story shows before the app (the page's early script): the app is waited for
        // too, as the next page cut its load short, which the frame reports as an error.
        wait_in_frame(&browser, TAKEN_OVER).await;
        let theme = in_frame(&browser, "return document.documentElement.dataset.theme").await;
        assert_eq!(theme, "dark", "{snippet}");
        browser.assert_no_console_errors().await;
    }
    browser.close().await;
}

browser_tests!(all: embed_js_frames_the_map_and_its_height_follows_the_content, selections_in_the_map_reach_the_host_and_host_commands_steer_the_map, a_command_given_before_the_map_has_loaded_is_carried_out, commands_from_any_window_but_the_parent_are_ignored, a_pym_js_host_gets_the_height_string_and_amp_hosts_their_message, the_embed_dialogs_snippets_work_when_pasted_into_a_page);
