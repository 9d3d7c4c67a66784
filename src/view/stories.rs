//! The stories, taken over from the page: the build wrote the London-wide story and every
//! area's; without the app the address's `#fragment` picks one (CSS `:target`), with it the
//! selection does. Links to a story (`#area-…`, `#london`) anywhere in the page select instead
//! of jumping, and the list of areas marks the selected one.

use std::rc::Rc;

use leptos::prelude::*;

use super::page::PageElements;
use super::state::{shared, Selection};
use crate::area::Area;
use crate::browser;

pub fn take_over(elements: Rc<PageElements>) {
    let selection = shared::<Selection>();
    // Shown at once, in the same task that marks the page as taken over, so nothing flashes.
    show(&elements, selection.get_untracked());
    Effect::new(move |previous: Option<Option<Area>>| {
        let selected = selection.get();
        if previous.is_some_and(|p| p != selected) {
            show(&elements, selected);
            elements.panel_column.set_scroll_top(0);
        }
        selected
    });

    browser::listen_to_document("click", move |event| {
        let Some(link) = browser::event_element(&event, "a[href^='#']") else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if href == "#london" {
            event.prevent_default();
            if link.class_list().contains("close") {
                selection.close();
            } else {
                selection.choose(None);
            }
        } else if let Some(area) = href.strip_prefix("#area-").and_then(Area::parse) {
            event.prevent_default();
            selection.choose(Some(area));
        }
    });
}

fn show(elements: &PageElements, selected: Option<Area>) {
    let _ = elements
        .summary
        .toggle_attribute_with_force("hidden", selected.is_some());
    for (area, story) in &elements.stories {
        let _ = story.toggle_attribute_with_force("hidden", Some(*area) != selected);
    }
    for (area, link) in &elements.list_links {
        let _ = if Some(*area) == selected {
            link.set_attribute("aria-current", "true")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}
