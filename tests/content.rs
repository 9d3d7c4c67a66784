//! Browser tests of the story: every borough's panel, the statuses, themes and the summary,
//! checked against the content file itself.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use borough_core::area::Area;
use borough_core::content::{Status, Theme};
use support::{repo_content, serve, Browser, Engine};

async fn each_borough_with_outcomes_shows_them_with_their_sources(engine: Engine) {
    let content = repo_content();
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let with_outcomes: Vec<Area> = Area::all()
        .filter(|a| content.status(*a) == Some(Status::Outcomes))
        .collect();
    assert_eq!(with_outcomes.len(), 8);
    for area in with_outcomes {
        browser
            .css(&format!("path.borough[data-code={}]", area.code()))
            .await
            .click()
            .await
            .unwrap();
        browser.wait_for_panel(area.name()).await;
        let shown = browser
            .eval(
                "return [...document.querySelectorAll('.area-panel[data-open] .outcome')].map(o => \
                 [o.querySelector('h3').textContent, o.querySelector('.sources a')?.href ?? ''])",
            )
            .await;
        let shown = shown.as_array().unwrap();
        let expected = &content.entry(area).unwrap().outcomes;
        assert_eq!(shown.len(), expected.len(), "{area}");
        for (row, outcome) in shown.iter().zip(expected) {
            assert_eq!(row[0], outcome.title.as_str(), "{area}");
            assert!(
                row[1]
                    .as_str()
                    .unwrap()
                    .ends_with("/publications/londoners-did"),
                "{area}: {row}"
            );
        }
        assert_eq!(
            browser.text(".area-panel[data-open] .status").await,
            "Outcomes recorded"
        );
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn tower_hamlets_says_held_and_a_none_recorded_borough_says_so_plainly(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/?borough=tower-hamlets")).await;
    browser.wait_for_panel("Tower Hamlets").await;
    let panel = browser.text(".area-panel[data-open]").await;
    assert!(
        panel.contains("Conversation held, no outcome recorded"),
        "{panel}"
    );
    assert!(panel.contains("Bethnal Green"), "{panel}");
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.area-panel[data-open] .outcome').length")
            .await,
        0
    );

    browser.click("path.borough[data-code=E09000005]").await; // Brent
    browser.wait_for_panel("Brent").await;
    let panel = browser.text(".area-panel[data-open]").await;
    assert!(
        panel.contains("No outcome recorded in the report"),
        "{panel}"
    );
    assert!(
        panel.contains("No outcome from a community conversation is recorded"),
        "{panel}"
    );
    assert!(!panel.to_lowercase().contains("no conversation"), "{panel}");
    // The plain message points to the London-wide story.
    browser.click(".area-panel[data-open] .to-london").await;
    browser.wait_for_summary().await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn picking_a_theme_highlights_exactly_its_boroughs(engine: Engine) {
    let content = repo_content();
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    for theme in Theme::ALL {
        browser
            .css(&format!(".theme-button[data-highlight={}]", theme.id()))
            .await
            .click()
            .await
            .unwrap();
        let expected: Vec<&str> = content
            .areas_with_theme(theme)
            .iter()
            .map(|a| a.code())
            .collect();
        let count = expected.len();
        let noun = if count == 1 { "borough" } else { "boroughs" };
        browser
            .wait_until(&format!(
                "document.querySelector('.theme-summary').textContent.startsWith('{count} {noun} with outcomes about')"
            ))
            .await;
        let highlighted = browser
            .eval("return [...document.querySelectorAll('path.borough.theme-match')].map(p => p.dataset.code).sort()")
            .await;
        assert_eq!(
            highlighted,
            serde_json::json!(expected),
            "{}",
            theme.label()
        );
        let faded = browser
            .eval("return document.querySelectorAll('path.borough.theme-other').length")
            .await;
        assert_eq!(faded, 33 - count, "{}", theme.label());
        let pressed = browser
            .attr(
                &format!(".theme-button[data-highlight={}]", theme.id()),
                "aria-pressed",
            )
            .await;
        assert_eq!(pressed.as_deref(), Some("true"));
    }
    browser.click(".theme-button[data-highlight=all]").await;
    browser
        .wait_until("document.querySelectorAll('path.theme-match, path.theme-other').length === 0")
        .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn the_london_wide_summary_and_legend_show_the_figures(engine: Engine) {
    let server = serve();
    let browser = Browser::start(engine, 1280, 900).await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_map().await;
    let figures = browser
        .eval("return [...document.querySelectorAll('.figures li')].map(li => li.dataset.figure + ' ' + li.querySelector('strong').textContent)")
        .await;
    assert_eq!(
        figures,
        serde_json::json!([
            "conversations 17",
            "host-boroughs 16",
            "participants 1,016",
            "connected-participants about 400",
            "connected-organisers 80%",
            "champions 40+"
        ])
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.aspirations li').length")
            .await,
        6
    );
    let summary = browser.text(".summary-panel").await;
    for phrase in [
        "A network of champions",
        "Poverty Commission",
        "Mental Health Fair",
        "A zero suicide city",
    ] {
        assert!(
            summary.contains(phrase),
            "{phrase:?} missing from the summary"
        );
    }
    let legend = browser.text(".legend").await;
    assert!(
        legend.contains("8 boroughs with recorded outcomes"),
        "{legend}"
    );
    assert!(
        legend.contains("1 borough where a conversation was held"),
        "{legend}"
    );
    assert!(
        legend.contains("24 boroughs with no outcome recorded in the report"),
        "{legend}"
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

browser_tests!(all: each_borough_with_outcomes_shows_them_with_their_sources, tower_hamlets_says_held_and_a_none_recorded_borough_says_so_plainly, picking_a_theme_highlights_exactly_its_boroughs, the_london_wide_summary_and_legend_show_the_figures);
