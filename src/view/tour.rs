//! The guided tour through the report's ten summary points (issue 16), taken over from the
//! page: the build wrote every step in one panel, which the stylesheet shows, one step at a
//! time, while the root says which (`data-tour`; the early script sets it from `?tour=N`, so a
//! step the address asks for is there from the first paint). Here the buttons come alive, and
//! each change of step is put in the address (`?tour=N`, a history entry each, replaced when
//! embedded), marked on the map through the shared highlight (never the selection), said in
//! the live region, told to a framing page, and given focus (the step's heading). Leaving the
//! tour gives back the highlight and focus it found, and the selection, which it never changed.
//! Opening a story from a step, or choosing a borough, leaves the tour for that story.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use super::notices::report;
use super::state::{shared, Highlight, Highlighted, Selection};
use crate::browser;
use borough_core::attrs::parse_areas;
use borough_core::contract::{attr, class, id, story_in_fragment, ANNOUNCER};
use borough_core::embed::{tour_message, Message};
use borough_core::url_state::{with_tour, UrlState};

/// What changed the step, which decides what follows: the reader (buttons, keys: the address
/// and focus follow), a step back or forward through the history (focus follows), the framing
/// page (the address follows; the host keeps its own focus), or a story opened from the tour,
/// which takes focus itself and whose choice puts the address right (see `take_over`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum By {
    Reader,
    History,
    Host,
    Story,
}

/// What the tour needs of the page, found once. (Plain cells, not signals: nothing follows
/// the step reactively, so none of the reactive system's code is added for it.)
#[derive(Clone, Copy)]
struct Tour {
    embedded: bool,
    highlight: Highlight,
}

thread_local! {
    static TOUR: Cell<Option<Tour>> = const { Cell::new(None) };
    /// The steps' elements, in order.
    static STEPS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The open step, from 1; 0 when the tour is closed.
    static STEP: Cell<u8> = const { Cell::new(0) };
    /// The highlight the tour found, given back when it ends.
    static HIGHLIGHT_BEFORE: Cell<Option<Highlighted>> = const { Cell::new(None) };
    /// Where focus was when the tour began, to give it back at the end.
    static FOCUS_BEFORE: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// Set while a step back or forward is followed: the selection it changes does not end the
    /// tour the address names.
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
}

/// Step `step` (from 1)'s element.
fn step_element(step: u8) -> Option<Element> {
    let index = usize::from(step).checked_sub(1)?;
    STEPS.with_borrow(|steps| steps.get(index).cloned())
}

fn step_count() -> u8 {
    STEPS.with_borrow(|steps| u8::try_from(steps.len()).unwrap_or(u8::MAX))
}

/// Opens step `step` (from 1), or ends the tour (0); a step the page lacks is ignored, as is
/// everything on a page without the tour.
pub fn go(step: u8, by: By) {
    let Some(tour) = TOUR.get() else {
        return;
    };
    let now = STEP.get();
    if step == now || step > step_count() {
        return;
    }
    if now == 0 {
        HIGHLIGHT_BEFORE.set(tour.highlight.get_untracked());
        // Nothing focused (the body) gives way to the start button at the end.
        FOCUS_BEFORE.set(browser::active_element().filter(|e| !e.matches("body").unwrap_or(true)));
    }
    STEP.set(step);
    show(tour, step);
    if matches!(by, By::Reader | By::Host) {
        let search = with_tour(browser::SearchParams::current(), (step > 0).then_some(step));
        write_search(&search, tour.embedded);
    }
    browser::post_to_parent(&Message::Json(tour_message(step)));
    let heading = step_element(step).and_then(|e| e.query_selector("h2").ok().flatten());
    // A story opened from the tour is announced as a selection is (`announcer`).
    let region = browser::query(ANNOUNCER.selector).filter(|_| by != By::Story);
    if let Some(region) = region {
        // The heading says "Step 3 of 10: …" (its first words are the step's count).
        let said = heading.as_ref().and_then(|h| h.text_content());
        region.set_text_content(Some(said.as_deref().unwrap_or("The tour has ended.")));
    }
    let before = if step == 0 { FOCUS_BEFORE.take() } else { None };
    if matches!(by, By::Host | By::Story) {
        return;
    }
    let target = heading
        .or(before)
        .or_else(|| browser::query(class::TOUR_START.selector));
    if let Some(element) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

fn open() -> bool {
    STEP.get() > 0
}

/// Shows step `step` (none for 0): the root's mark, the map's highlight (the step's areas, or
/// the one the tour found once it is over), and which of Previous and Next can be pressed.
fn show(tour: Tour, step: u8) {
    let value = step.to_string();
    browser::set_root_attribute(attr::TOUR.name, (step > 0).then_some(value.as_str()));
    if step > 0 {
        // On a phone, the step's areas are on the whole map above its sheet.
        browser::show_whole_map();
    }
    let areas = step_element(step)
        .and_then(|e| e.get_attribute(attr::TOUR_AREAS.name))
        .map(|codes| parse_areas(&codes))
        .unwrap_or_default();
    tour.highlight.set(match step {
        0 => HIGHLIGHT_BEFORE.get(),
        _ if areas.is_empty() => None,
        _ => Some(Highlighted::areas(&areas)),
    });
    for (selector, off) in [
        (class::TOUR_PREVIOUS.selector, step <= 1),
        (class::TOUR_NEXT.selector, step >= step_count()),
    ] {
        if let Some(button) = browser::query(selector) {
            let _ = button.toggle_attribute_with_force("disabled", off);
        }
    }
}

/// The tour's listeners, all of one type, so the WebAssembly holds one copy of the code that
/// adds a listener for them.
type Handler = Box<dyn FnMut(Event)>;

/// `story_linked`: the address names a story in its fragment, followed before the app took
/// over (a step's story link, say): the reader chose it, so the tour starts closed.
pub fn take_over(story_linked: bool) {
    let Some(panel) = browser::query(class::TOUR_PANEL.selector) else {
        return;
    };
    let selection = shared::<Selection>();
    let address = UrlState::read(&browser::SearchParams::current());
    let tour = Tour {
        embedded: address.embed,
        highlight: shared::<Highlight>(),
    };
    TOUR.set(Some(tour));
    STEPS.set(browser::query_all_within(&panel, class::TOUR_STEP.selector));
    report_unknown_step(&address);
    // The step the address asks for, as the early script showed it: nothing else changes. A
    // story followed before the app ended the tour there (public/early.js); its step leaves
    // the address, in place.
    let first = match address.tour {
        Some(_) if story_linked => {
            write_search(&with_tour(browser::SearchParams::current(), None), true);
            0
        }
        Some(step) if step <= step_count() => step,
        _ => 0,
    };
    STEP.set(first);
    for button in browser::query_all_within(&panel, "button")
        .into_iter()
        .chain(browser::query(class::TOUR_START.selector))
    {
        let _ = button.remove_attribute("disabled");
    }
    show(tour, first);

    let click: Handler = Box::new(move |event| {
        let step = STEP.get();
        let pressed = |class: &str| browser::event_element(&event, class).is_some();
        if pressed(class::TOUR_START.selector) {
            go(1, By::Reader);
        } else if pressed(class::TOUR_PREVIOUS.selector) {
            go(step.saturating_sub(1).max(1), By::Reader);
        } else if pressed(class::TOUR_NEXT.selector) {
            go(step + 1, By::Reader);
        } else if pressed(class::TOUR_EXIT.selector) {
            go(0, By::Reader);
        } else if let Some(link) = browser::event_element(&event, "#tour a[href^='#']") {
            // A story of the step's, which the stories open next (`stories`, which hear the
            // click on the document, after the column that holds the tour). Choosing another area
            // than the selected one ends the tour (below); the selected one's story, or the
            // London-wide one, is simply shown again, as Exit shows it.
            if browser::has_modifier_key(&event) {
                return;
            }
            let href = link.get_attribute("href").unwrap_or_default();
            let area = story_in_fragment(&href);
            if area.is_none() || area == selection.get_untracked() {
                go(0, By::Host);
            }
            match area {
                Some(area) => browser::focus_area(area),
                None => browser::focus(id::LONDON_TITLE.selector),
            }
        }
    });
    // On the column that holds the start button and the tour, so that a step's link is heard
    // here before the stories hear it.
    if let Some(column) = browser::query(class::PANEL_COLUMN.selector) {
        browser::listen(&column, "click", click);
    }
    // Choosing a borough (on the map, in the search, a step's link, from the host) ends the
    // tour for its story. The choice puts `?borough=` in the address after the next paint, as
    // a new entry from the step's address; the tour then takes itself out of that entry, so
    // back returns to the step.
    selection.watch(move |_, _| {
        if open() && !FOLLOWING.get() {
            go(0, By::Story);
            after_next_paint(Box::new(move || {
                let search = with_tour(browser::SearchParams::current(), None);
                write_search(&search, true);
            }));
        }
    });
    let popstate: Handler = Box::new(move |_| {
        FOLLOWING.set(true);
        after_next_paint(Box::new(|| FOLLOWING.set(false)));
        let address = UrlState::read(&browser::SearchParams::current());
        report_unknown_step(&address);
        go(address.tour.unwrap_or(0), By::History);
    });
    browser::listen_to_window("popstate", popstate);
    // Escape leaves the tour (and does nothing else: the app's own Escape, which closes the
    // open story, is heard after this one). The arrow keys keep their meaning on the map.
    let keydown: Handler = Box::new(move |event| {
        let escape = event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|e| matches!(e.key().as_str(), "Escape" | "Esc"));
        if escape && open() && !browser::is_in_dialog(event.target()) {
            event.stop_immediate_propagation();
            go(0, By::Reader);
        }
    });
    browser::listen_to_document("keydown", keydown);
}

/// Puts `search` in the address, keeping its path (the tour never changes it): pushed, or
/// replaced in place of the current entry.
fn write_search(search: &str, replace: bool) {
    browser::set_address(None, search, replace);
}

/// One copy of the code that waits for a paint, for both of the tour's uses.
fn after_next_paint(f: Box<dyn FnOnce()>) {
    browser::after_next_paint(f);
}

fn report_unknown_step(address: &UrlState) {
    if let Some(value) = &address.unknown_tour {
        report(
            &format!(
                "The address asks for a tour step called \u{201c}{value}\u{201d}; the tour's steps are 1 to 10. \
                 The map is shown without the tour: choose \u{201c}Take the tour\u{201d} to start it."
            ),
            &format!("unknown ?tour= value \u{201c}{value}\u{201d}"),
        );
    }
}
