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

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::notices::report;
use super::state::{shared, Highlight, Highlighted, Selection};
use crate::browser;
use borough_core::attrs::parse_areas;
use borough_core::contract::{
    attr, class, id, story_in_fragment, tour_step_id, tour_title_id, ANNOUNCER,
};
use borough_core::embed::{tour_message, Message};
use borough_core::url_state::{with_tour, UrlState};

thread_local! {
    /// Set while a step back or forward is followed: the selection it changes does not end the
    /// tour the address names.
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
    /// Where focus was when the tour began, to give it back at the end.
    static FOCUS_BEFORE: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// What changed the step: the reader (buttons, keys), a step back or forward through the
/// history, the framing page (which keeps its own focus), or a story opened from the tour (which
/// takes focus itself).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum By {
    Reader,
    History,
    Host,
    Story,
}

/// The tour's open step (0: closed), shared with the framing page's commands.
#[derive(Clone, Copy)]
pub struct Tour {
    step: RwSignal<u8>,
    steps: u8,
    embedded: bool,
    highlight: Highlight,
    /// The highlight the tour found, given back when it ends.
    before: RwSignal<Option<Highlighted>>,
}

impl Tour {
    /// Opens step `step` (from 1), or ends the tour (0); a step the page lacks is ignored.
    pub fn go(self, step: u8, by: By) {
        let now = self.step.get_untracked();
        if step == now || step > self.steps {
            return;
        }
        if now == 0 {
            self.before.set(self.highlight.get_untracked());
            FOCUS_BEFORE.set(browser::active_element());
        }
        self.step.set(step);
        self.show(step);
        if by != By::History {
            let search = with_tour(browser::SearchParams::current(), (step > 0).then_some(step));
            browser::set_search(&search, self.embedded);
        }
        browser::post_to_parent(&Message::Json(tour_message(step)));
        if let Some(region) = browser::query(ANNOUNCER.selector) {
            region.set_text_content(Some(&announcement(step)));
        }
        let before = if step == 0 { FOCUS_BEFORE.take() } else { None };
        if matches!(by, By::Host | By::Story) {
            return;
        }
        if step > 0 {
            browser::focus(&hash(&tour_title_id(step)));
        } else {
            match before
                .filter(|e| e.is_connected())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                Some(element) => {
                    let _ = element.focus();
                }
                None => browser::focus(class::TOUR_START.selector),
            }
        }
    }

    fn open(self) -> bool {
        self.step.get_untracked() > 0
    }

    /// Shows step `step` (none for 0): the root's mark, the map's highlight (the step's areas,
    /// or the one the tour found once it is over), and which of Previous and Next can be
    /// pressed.
    fn show(self, step: u8) {
        let value = step.to_string();
        browser::set_root_attribute(attr::TOUR.name, (step > 0).then_some(value.as_str()));
        let areas = browser::query(&hash(&tour_step_id(step)))
            .and_then(|s| s.get_attribute(attr::TOUR_AREAS.name))
            .map(|codes| parse_areas(&codes))
            .unwrap_or_default();
        self.highlight.set(match step {
            0 => self.before.get_untracked(),
            _ if areas.is_empty() => None,
            _ => Some(Highlighted::areas(&areas)),
        });
        for (selector, off) in [
            (class::TOUR_PREVIOUS.selector, step <= 1),
            (class::TOUR_NEXT.selector, step >= self.steps),
        ] {
            if let Some(button) = browser::query(selector) {
                let _ = button.toggle_attribute_with_force("disabled", off);
            }
        }
    }
}

fn hash(id: &str) -> String {
    let mut selector = String::with_capacity(id.len() + 1);
    selector.push('#');
    selector.push_str(id);
    selector
}

/// "Step 3 of 10: The Thrive Thamesview pilot in Barking and Dagenham", from the step's own
/// words in the page, or that the tour is over.
fn announcement(step: u8) -> String {
    let Some(element) = browser::query(&hash(&tour_step_id(step))) else {
        return "The tour has ended.".to_owned();
    };
    let text = |selector: &str| {
        element
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let mut said = text(".tour-count");
    said.push_str(": ");
    said.push_str(&text("h2"));
    said
}

pub fn take_over() {
    let Some(panel) = browser::query(class::TOUR_PANEL.selector) else {
        return;
    };
    let selection = shared::<Selection>();
    let steps = browser::query_all_within(&panel, class::TOUR_STEP.selector).len();
    let address = UrlState::read(&browser::SearchParams::current());
    let tour = Tour {
        step: RwSignal::new(0),
        steps: u8::try_from(steps).unwrap_or(u8::MAX),
        embedded: address.embed,
        highlight: shared::<Highlight>(),
        before: RwSignal::new(None),
    };
    provide_context(tour);
    report_unknown_step(&address);
    // The step the address asks for, as the early script showed it: nothing else changes.
    let first = address.tour.filter(|&step| step <= tour.steps).unwrap_or(0);
    tour.step.set(first);
    for button in browser::query_all_within(&panel, "button")
        .into_iter()
        .chain(browser::query(class::TOUR_START.selector))
    {
        let _ = button.remove_attribute("disabled");
    }
    tour.show(first);
    if let Some(start) = browser::query(class::TOUR_START.selector) {
        browser::listen(&start, "click", move |_| tour.go(1, By::Reader));
    }
    browser::listen(&panel, "click", move |event| {
        let step = tour.step.get_untracked();
        if browser::event_element(&event, class::TOUR_PREVIOUS.selector).is_some() {
            tour.go(step.saturating_sub(1).max(1), By::Reader);
        } else if browser::event_element(&event, class::TOUR_NEXT.selector).is_some() {
            tour.go(step + 1, By::Reader);
        } else if browser::event_element(&event, class::TOUR_EXIT.selector).is_some() {
            tour.go(0, By::Reader);
        } else if let Some(link) = browser::event_element(&event, "a[href^='#']") {
            // A story of the step's: the tour ends, and the stories open it (`stories`).
            if browser::has_modifier_key(&event) {
                return;
            }
            tour.go(0, By::Story);
            let href = link.get_attribute("href").unwrap_or_default();
            if let Some(area) = story_in_fragment(&href) {
                browser::focus_area(area);
            } else if href.strip_prefix('#') == Some(id::LONDON.name) {
                browser::focus(id::LONDON_TITLE.selector);
            }
        }
    });
    // Choosing a borough (on the map, in the search, from the host) opens its story.
    selection.watch(move |_, _| {
        if tour.open() && !FOLLOWING.get() {
            tour.go(0, By::Story);
        }
    });
    browser::listen_to_window("popstate", move |_| {
        FOLLOWING.set(true);
        browser::after_next_paint(|| FOLLOWING.set(false));
        let address = UrlState::read(&browser::SearchParams::current());
        report_unknown_step(&address);
        tour.go(address.tour.unwrap_or(0), By::History);
    });
    // Escape leaves the tour (and does nothing else: the app's own Escape, which closes the
    // open story, is heard after this one). The arrow keys keep their meaning on the map.
    browser::listen_to_document("keydown", move |event| {
        let escape = event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|e| matches!(e.key().as_str(), "Escape" | "Esc"));
        if escape && tour.open() && !browser::is_in_dialog(event.target()) {
            event.stop_immediate_propagation();
            tour.go(0, By::Reader);
        }
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_are_ids() {
        assert_eq!(hash(&tour_step_id(3)), "#tour-3");
        assert_eq!(hash(&tour_title_id(10)), "#tour-title-10");
    }
}
