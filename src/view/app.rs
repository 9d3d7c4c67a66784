//! The app taking over the page the build wrote: shared state, then each part made interactive
//! in place (nothing is redrawn, so nothing moves).

use std::rc::Rc;
use std::sync::Arc;

use reactive_graph::owner::provide_context;
use wasm_bindgen::JsCast;

use super::dom;
use super::notices::report;
use super::state::{Highlight, Selection};
use super::{announcer, embed_dialog, host, map, search, sheet, stories, take_away, themes, tour};
use crate::browser;
use borough_core::area::Area;
use borough_core::contract::{attr, class, id, story_in_fragment};
use borough_core::url_state::UrlState;

/// Runs once, when the WebAssembly has loaded.
pub fn take_over() {
    let (map, elements) = match dom::find() {
        Ok(found) => found,
        Err(problem) => {
            // The controls that need the app cannot work on this page.
            browser::set_root_class(class::NO_APP.name, true);
            report(
                "This copy of the page was built without its map, so it cannot be used. \
                 The report it draws on is \u{201c}Londoners did\u{201d}, on the Mental Health Foundation's website.",
                &problem,
            );
            return;
        }
    };
    let (map, elements) = (Arc::new(map), Rc::new(elements));

    // Before the address changes, while its path is still this page's own.
    browser::site_root();
    let address = UrlState::read(&browser::SearchParams::current());
    let linked = linked_story();
    let selection = Selection::new(
        linked.unwrap_or(address.borough.or_else(page_area)),
        address.embed,
    );
    provide_context(selection);
    provide_context(Highlight::new());
    report_unknown_values(&address);
    // A story opened (or closed) through its link before the app loaded stays as the reader
    // left it, now in the address; outside embed mode, `?borough=` gives way to the story's
    // own path.
    if linked.is_some() || (!address.embed && address.borough.is_some()) {
        selection.write_address(selection.get_untracked(), true);
    }

    stories::take_over(elements.clone());
    take_away::take_over(elements.svg.clone());
    sheet::take_over(elements.clone());
    map::take_over(map.clone(), elements);
    themes::take_over(map.clone());
    search::take_over();
    embed_dialog::take_over();
    announcer::take_over(map);
    // Before the host's commands (which steer it) and the app's own Escape (which it comes first to).
    tour::take_over(linked.is_some());
    host::connect_to_host(selection, address.child_id.clone());
    // From here the stylesheet shows the selected story instead of the `:target` one.
    browser::set_root_class(class::JS.name, true);

    browser::listen_to_window("popstate", move |_| {
        let address = UrlState::read(&browser::SearchParams::current());
        report_unknown_values(&address);
        let named = linked_story()
            .or(address.borough.map(Some))
            .or_else(browser::view_in_address);
        selection.follow(named.unwrap_or_else(page_area));
    });
    // Escape closes the open area from anywhere (except a dialog, which Escape closes instead)
    // and returns focus to it on the map.
    browser::listen_to_document("keydown", move |event| {
        let escape = event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|e| matches!(e.key().as_str(), "Escape" | "Esc"));
        if escape && !browser::is_in_dialog(event.target()) {
            selection.close();
        }
    });
}

/// The story the address's fragment names, from a link followed before the app loaded (or
/// without it): an area's (`#area-…`), or the London-wide one (`#london`, `Some(None)`). As in
/// the stylesheet (`:target`), it comes before `?borough=`: it is the reader's latest step.
fn linked_story() -> Option<Option<Area>> {
    let hash = browser::location_hash();
    if hash.strip_prefix('#') == Some(id::LONDON.name) {
        return Some(None);
    }
    story_in_fragment(&hash).map(Some)
}

/// The area whose own page this is (`hackney/index.html`, which the build writes with that
/// story open), from the root's contract attribute: the story to open when the address names
/// none (or one that is no area).
fn page_area() -> Option<Area> {
    Area::from_code(&browser::root_attribute(attr::PAGE_AREA.name)?)
}

fn report_unknown_values(address: &UrlState) {
    if let Some(value) = &address.unknown_borough {
        report(
            &format!(
                "The address asks for a borough called \u{201c}{value}\u{201d}, which isn't one of London's 33 areas. \
                 Choose a borough on the map instead."
            ),
            &format!("unknown ?borough= value \u{201c}{value}\u{201d}"),
        );
    }
    if let Some(value) = &address.unknown_scheme {
        report(
            &format!(
                "The address asks for a colour theme called \u{201c}{value}\u{201d}; the choices are light, dark and auto. \
                 The map follows your device's setting instead."
            ),
            &format!("unknown ?theme= value \u{201c}{value}\u{201d}"),
        );
    }
}
