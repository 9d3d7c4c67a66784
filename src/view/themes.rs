//! Picking a theme highlights the boroughs whose outcomes touch it (the map's side of it is in
//! `map`); the buttons and the summary line are the page's own.

use std::sync::Arc;

use leptos::prelude::*;

use super::dom::MapData;
use super::state::{shared, Highlight};
use crate::browser;
use borough_core::content::Theme;
use borough_core::words::count_boroughs;

pub fn take_over(map: Arc<MapData>) {
    let highlight = shared::<Highlight>();
    let buttons = browser::query_all(".theme-button");
    for button in &buttons {
        let _ = button.remove_attribute("disabled");
    }
    if let Some(group) = browser::query(".theme-buttons") {
        browser::listen(&group, "click", move |event| {
            if let Some(button) = browser::event_element(&event, ".theme-button") {
                let id = button.get_attribute("data-theme").unwrap_or_default();
                highlight.set(Theme::from_id(&id));
            }
        });
    }
    let summary = browser::query(".theme-summary");
    Effect::new(move |_| {
        let theme = highlight.get();
        let pressed = theme.map_or("all", Theme::id);
        for button in &buttons {
            let is = button.get_attribute("data-theme").as_deref() == Some(pressed);
            let _ = button.set_attribute("aria-pressed", if is { "true" } else { "false" });
        }
        if let Some(summary) = &summary {
            let text = theme.map(|t| describe(t, map.areas_with_theme(t).len()));
            summary.set_text_content(text.as_deref());
        }
    });
}

/// "3 boroughs with outcomes about community events".
fn describe(theme: Theme, count: usize) -> String {
    format!(
        "{} with outcomes about {}",
        count_boroughs(count),
        theme.in_sentence()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_the_highlight_with_its_count() {
        assert_eq!(
            describe(Theme::CommunityEvents, 1),
            "1 borough with outcomes about community events"
        );
        assert_eq!(
            describe(Theme::BlackCommunities, 2),
            "2 boroughs with outcomes about Black communities' mental health"
        );
    }
}
