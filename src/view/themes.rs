//! Picking a theme highlights the boroughs whose outcomes touch it (the map's side of it is in
//! `map`); the buttons and the summary line are the page's own.

use std::sync::Arc;

use reactive_graph::effect::Effect;

use super::dom::{self, MapData};
use super::state::{shared, Highlight, Highlighted};
use crate::browser;
use borough_core::content::Theme;
use borough_core::contract::{self, attr, class};
use borough_core::words::count_boroughs;

pub fn take_over(map: Arc<MapData>) {
    let highlight = shared::<Highlight>();
    let Some(group) = dom::part(contract::THEME_BUTTONS) else {
        return;
    };
    let buttons = browser::query_all_within(&group, class::THEME_BUTTON.selector);
    for button in &buttons {
        let _ = button.remove_attribute("disabled");
    }
    browser::listen(&group, "click", move |event| {
        if let Some(button) = browser::event_element(&event, class::THEME_BUTTON.selector) {
            let id = button
                .get_attribute(attr::HIGHLIGHT.name)
                .unwrap_or_default();
            highlight.set(Theme::from_id(&id).map(Highlighted::Theme));
        }
    });
    let summary = dom::part(contract::THEME_SUMMARY);
    Effect::new(move |_| {
        let theme = highlight.theme();
        let pressed = theme.map_or(contract::HIGHLIGHT_NONE, Theme::id);
        for button in &buttons {
            let is = button.get_attribute(attr::HIGHLIGHT.name).as_deref() == Some(pressed);
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
