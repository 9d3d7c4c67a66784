//! Keyboard focus, and keeping the map in view above a phone's story sheet.

use wasm_bindgen::JsCast;

use super::{after_next_paint, document, query};
use borough_core::area::Area;
use borough_core::contract::{attr, class};

/// The element that has keyboard focus, if any.
pub fn active_element() -> Option<web_sys::Element> {
    document()?.active_element()
}

/// Moves keyboard focus to the element `selector` finds.
pub fn focus(selector: &str) {
    if let Some(element) = query(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The drawn path of `area`, if the map is drawn.
pub fn area_element(area: Area) -> Option<web_sys::SvgElement> {
    let selector = format!(
        "{}[{}=\"{}\"]",
        class::BOROUGH.selector,
        attr::CODE.name,
        area.code()
    );
    query(&selector)?.dyn_into().ok()
}

/// Moves keyboard focus to `area`'s shape on the map.
pub fn focus_area(area: Area) {
    if let Some(element) = area_element(area) {
        let _ = element.focus();
    }
}

/// Whether `target` shows a focus ring, i.e. was focused from the keyboard.
pub fn is_focus_visible(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.matches(":focus-visible").unwrap_or(false))
}

/// Whether `target` is inside a `<dialog>`.
pub fn is_in_dialog(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.closest("dialog").ok().flatten().is_some())
}

/// On a phone the top of the page holds the whole map above the open story's sheet: a page
/// scrolled down (to the list of areas, say) goes back there when a story or a step of the tour
/// opens, once it has been painted (the reader sees the answer first). Embedded, the story
/// flows under the map, and a frame of fixed height is left where the reader scrolled it.
pub fn show_whole_map() {
    after_next_paint(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let narrow = window
            .match_media("(max-width: 640px)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if narrow
            && !super::root_has_class(class::EMBED.name)
            && window.scroll_y().unwrap_or(0.0) > 0.0
        {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}
