//! Each story's own controls (the page draws them last in every story): Share opens the
//! device's share sheet with the page's address, or, where there is none and always when
//! embedded, copies it; Download the map saves the map as it is on screen as an SVG file
//! (embedded, the control is a link to the story's own page, and is left to be one). The
//! address is the one the build wrote into the story, its page's canonical URL.

use any_spawner::Executor;
use web_sys::Element;

use super::dom;
use crate::browser;
use borough_core::contract::{self, class, STORY_ID_PREFIX};

pub fn take_over(svg: Element) {
    let (Some(_), Some(_), Some(_), Some(credit)) = (
        dom::part(contract::SHARE_BUTTON),
        dom::part(contract::DOWNLOAD_MAP),
        dom::part(contract::PAGE_URL),
        dom::part(contract::EMBED_CREDIT),
    ) else {
        return;
    };
    if let Some(column) = browser::query(class::PANEL_COLUMN.selector) {
        for button in browser::query_all_within(&column, class::SHARE_BUTTON.selector) {
            let _ = button.remove_attribute("disabled");
        }
    }
    let embedded = browser::root_has_class(class::EMBED.name);
    let credit = credit.text_content().unwrap_or_default();
    browser::listen_to_document("click", move |event| {
        let Some(story) = browser::event_element(&event, class::PANEL.selector) else {
            return;
        };
        if browser::event_element(&event, class::SHARE_BUTTON.selector).is_some() {
            Executor::spawn_local(share(story, embedded));
        } else if !embedded
            && browser::event_element(&event, class::DOWNLOAD_MAP.selector).is_some()
        {
            event.prevent_default();
            download(&svg, &story, &credit);
        }
    });
}

/// The text of the first element `selector` finds in `story`.
fn text_in(story: &Element, selector: &str) -> String {
    story
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn share(story: Element, embedded: bool) {
    let url = text_in(&story, class::PAGE_URL.selector);
    if !embedded {
        let title = text_in(&story, "h2");
        let summary = text_in(&story, class::STORY_SUMMARY.selector);
        if browser::share(&title, &summary, &url).await {
            return;
        }
    }
    let message = if browser::copy_text(&url).await {
        "The link to this page is copied."
    } else {
        if let Ok(Some(shown)) = story.query_selector(class::PAGE_URL.selector) {
            browser::select_text(&shown);
        }
        "Copying was refused: the link above is selected, so copy it by hand."
    };
    let Ok(Some(controls)) = story.query_selector(class::TAKE_AWAY.selector) else {
        return;
    };
    match controls.query_selector(class::SHARE_STATUS.selector) {
        Ok(Some(status)) => status.set_text_content(Some(message)),
        _ => {
            browser::append_element(&controls, "p", class::SHARE_STATUS.name, message);
        }
    }
    if let Some(region) = browser::query(contract::ANNOUNCER.selector) {
        region.set_text_content(Some(message));
    }
}

/// Saves the map as it is now, titled with the story's heading and any highlight, with the
/// credits the licences ask for, as `londoners-did-<slug>.svg`.
fn download(svg: &Element, story: &Element, credit: &str) {
    let mut title = String::from("Londoners did: ");
    title.push_str(&text_in(story, "h2"));
    let highlight = browser::query(class::THEME_SUMMARY.selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let (source, licence) = credit.split_at(credit.find('.').map_or(0, |at| at + 1));
    let Some(file) =
        browser::standalone_svg(svg, [&title, &highlight], [source, licence.trim_start()])
    else {
        return;
    };
    let id = story.id();
    let mut name = String::from("londoners-did-");
    name.push_str(id.strip_prefix(STORY_ID_PREFIX).unwrap_or(&id));
    name.push_str(".svg");
    browser::save(&file, "image/svg+xml", &name);
}
