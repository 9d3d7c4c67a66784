//! The stories, taken over from the page: the build wrote the London-wide story and every
//! area's, and marks the open one (`data-open`, the contract's `attr::OPEN`), as the early
//! script does for the one the address names; from here the app marks the selected one. Links
//! to a story (`#area-…`, `#london`) anywhere in the page select instead of jumping, and the
//! list of areas marks the selected one.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;

use super::dom::PageElements;
use super::state::{shared, Selection};
use crate::browser;
use borough_core::area::Area;
use borough_core::contract::{attr, class, id, story_in_fragment};

/// Runs before the other parts take the page over: it marks the open story first.
pub fn take_over(elements: Rc<PageElements>) {
    let selection = shared::<Selection>();
    // Whether the reader has scrolled the column (beside the map on a wide screen). Writing
    // scrollTop makes the browser lay the page out there and then, in the middle of a click,
    // so a column already at its top is left alone. Read once the take-over has been painted,
    // when the layout is clean and reading it costs nothing (read now, while the page may still
    // be loading, it would lay the page out once more in the take-over's task).
    let scrolled = Rc::new(Cell::new(false));
    if let Some(column) = elements.panel_column.clone() {
        let (first, column_read) = (scrolled.clone(), column.clone());
        browser::after_next_paint(move || first.set(column_read.scroll_top() > 0));
        let scrolled = scrolled.clone();
        browser::listen(&column.clone(), "scroll", move |_| {
            scrolled.set(column.scroll_top() > 0);
        });
    }
    // Marked at once, in the same task that marks the page as taken over, so nothing flashes
    // (the early script has marked the same story already, so nothing changes either).
    let first = selection.get_untracked();
    for (area, _) in &elements.stories {
        show(&elements, Some(*area), Some(*area) == first);
    }
    show(&elements, None, first.is_none());
    // Then only what changes is touched: the story closed and the story opened.
    selection.watch(move |selected, previous| {
        show(&elements, previous, false);
        show(&elements, selected, true);
        if let Some(column) = elements
            .panel_column
            .as_ref()
            .filter(|_| scrolled.replace(false))
        {
            column.set_scroll_top(0);
        }
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
        if href.strip_prefix('#') == Some(id::LONDON.name) {
            event.prevent_default();
            if link.class_list().contains(class::CLOSE.name) {
                selection.close();
            } else {
                // The link's own story is hidden now: focus goes to the story that replaced it.
                selection.choose(None);
                browser::focus(id::LONDON_TITLE.selector);
            }
        } else if let Some(area) = story_in_fragment(&href) {
            event.prevent_default();
            selection.choose(Some(area));
        }
    });
}

/// Marks `area`'s story (the London-wide one for `None`) open or not, and its entry in the
/// list of areas as the current one.
fn show(elements: &PageElements, area: Option<Area>, open: bool) {
    let Some(area) = area else {
        if let Some(summary) = &elements.summary {
            mark_open(summary, open);
        }
        return;
    };
    if let Some((_, story)) = elements.stories.iter().find(|(a, _)| *a == area) {
        mark_open(story, open);
    }
    if let Some((_, link)) = elements.list_links.iter().find(|(a, _)| *a == area) {
        let _ = if open {
            link.set_attribute("aria-current", "true")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}

fn mark_open(story: &Element, open: bool) {
    let _ = story.toggle_attribute_with_force(attr::OPEN.name, open);
}
