//! The stories, taken over from the page: the build wrote the London-wide story and every
//! area's; without the app the address's `#fragment` picks one (CSS `:target`), with it the
//! selection does. Links to a story (`#area-…`, `#london`) anywhere in the page select instead
//! of jumping, and the list of areas marks the selected one.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use super::dom::PageElements;
use super::state::{shared, Selection};
use crate::browser;
use borough_core::area::Area;

/// Runs before the other parts take the page over (see `scrolled` below).
pub fn take_over(elements: Rc<PageElements>) {
    let selection = shared::<Selection>();
    // Whether the reader has scrolled the column (a phone's sheet). Writing scrollTop makes
    // the browser lay the page out there and then, in the middle of a click, so a column
    // already at its top is left alone. Read before the app changes anything, while the layout
    // is still the one painted, so reading costs nothing.
    let scrolled = Rc::new(Cell::new(elements.panel_column.scroll_top() > 0));
    {
        let (scrolled, column) = (scrolled.clone(), elements.panel_column.clone());
        browser::listen(&elements.panel_column, "scroll", move |_| {
            scrolled.set(column.scroll_top() > 0);
        });
    }
    // Shown at once, in the same task that marks the page as taken over, so nothing flashes.
    let first = selection.get_untracked();
    for (area, _) in &elements.stories {
        show(&elements, *area, Some(*area) == first);
    }
    show_summary(&elements, first);
    // Then only what changes is touched: the story closed and the story opened.
    Effect::new(move |previous: Option<Option<Area>>| {
        let selected = selection.get();
        let previous = previous.unwrap_or(first);
        if previous != selected {
            if let Some(area) = previous {
                show(&elements, area, false);
            }
            if let Some(area) = selected {
                show(&elements, area, true);
            }
            show_summary(&elements, selected);
            if scrolled.replace(false) {
                elements.panel_column.set_scroll_top(0);
            }
        }
        selected
    });

    browser::listen_to_document("click", move |event| {
        let Some(link) = browser::event_element(&event, "a[href^='#']") else {
            return;
        };
        // A click with a modifier (a new tab or window) keeps its usual meaning.
        if browser::has_modifier_key(&event) {
            return;
        }
        let href = link.get_attribute("href").unwrap_or_default();
        if href == "#london" {
            event.prevent_default();
            if link.class_list().contains("close") {
                selection.close();
            } else {
                // The link's own story is hidden now: focus goes to the story that replaced it.
                selection.choose(None);
                browser::focus("#london-title");
            }
        } else if let Some(area) = href.strip_prefix("#area-").and_then(Area::parse) {
            event.prevent_default();
            selection.choose(Some(area));
        }
    });
}

/// Shows or hides `area`'s story, and marks its entry in the list of areas.
fn show(elements: &PageElements, area: Area, open: bool) {
    if let Some((_, story)) = elements.stories.iter().find(|(a, _)| *a == area) {
        let _ = story.toggle_attribute_with_force("hidden", !open);
    }
    if let Some((_, link)) = elements.list_links.iter().find(|(a, _)| *a == area) {
        let _ = if open {
            link.set_attribute("aria-current", "true")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}

/// The London-wide story shows when no area's does; the root's `story-open` class lets the
/// stylesheet lay out an open story (a bottom sheet on phones) without `:has()`, which is slow
/// to re-evaluate on every change.
fn show_summary(elements: &PageElements, selected: Option<Area>) {
    let _ = elements
        .summary
        .toggle_attribute_with_force("hidden", selected.is_some());
    browser::set_root_class("story-open", selected.is_some());
}
