//! On a phone the open story is a sheet over the foot of the screen (the stylesheet draws it),
//! and this is its handle: a button at its top that expands it for reading and collapses it to
//! its peek (`aria-expanded`), and that a finger drags (the sheet follows it) or swipes: up to
//! expand, down to collapse, and down from the peek to close. The sheet's height is the open story's
//! `data-sheet` (the contract's `attr::SHEET`), which the stylesheet follows; a story opened
//! again starts at its peek. (On a wide screen, or embedded, the handle is not shown.)

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, PointerEvent};

use super::dom::{self, PageElements};
use super::state::{shared, Selection};
use crate::browser;
use borough_core::contract::{self, attr, class, SHEET_DRAG, SHEET_FULL};

/// How far (in CSS pixels) a finger travels on the handle for a swipe rather than a tap.
const SWIPE: i32 = 24;

pub fn take_over(elements: Rc<PageElements>) {
    let selection = shared::<Selection>();
    let mut complete = true;
    for (_, story) in &elements.stories {
        match handle_of(story) {
            Some(handle) => {
                let _ = handle.remove_attribute("disabled");
                wire(story, &handle, selection);
            }
            None => complete = false,
        }
    }
    if !complete {
        dom::missing(contract::SHEET_HANDLE);
    }
    // The story left goes back to its peek for next time; and on a phone the page goes back
    // to its top, where the whole map stands above the sheet (from the list of areas, say).
    selection.watch(move |now, before| {
        if let Some((_, story)) = elements.stories.iter().find(|(a, _)| Some(*a) == before) {
            expand(story, false);
        }
        if now.is_some() {
            browser::show_whole_map();
        }
    });
}

fn handle_of(story: &Element) -> Option<Element> {
    browser::query_all_within(story, class::SHEET_HANDLE.selector)
        .into_iter()
        .next()
}

fn is_expanded(story: &Element) -> bool {
    story.get_attribute(attr::SHEET.name).as_deref() == Some(SHEET_FULL)
}

/// Expands `story`'s sheet for reading, or collapses it to its peek, which shows the story's
/// beginning again (its heading, status and summary).
fn expand(story: &Element, full: bool) {
    if full == is_expanded(story) {
        return;
    }
    let _ = if full {
        story.set_attribute(attr::SHEET.name, SHEET_FULL)
    } else {
        story.set_scroll_top(0);
        story.remove_attribute(attr::SHEET.name)
    };
    if let Some(handle) = handle_of(story) {
        let _ = handle.set_attribute("aria-expanded", if full { "true" } else { "false" });
    }
}

/// Moves `story`'s sheet with a finger, `by` pixels from where it stands (and at once, not
/// sliding), or puts it back (`None`). Through the style object, which the page's Content
/// Security Policy allows (it forbids style attributes written as text).
fn follow(story: &Element, by: Option<i32>) {
    let Some(style) = story.dyn_ref::<HtmlElement>().map(HtmlElement::style) else {
        return;
    };
    let _ = match by {
        Some(by) => style
            .set_property(SHEET_DRAG, &format!("{by}px"))
            .and_then(|()| style.set_property("transition", "none")),
        None => style
            .remove_property(SHEET_DRAG)
            .and_then(|_| style.remove_property("transition"))
            .map(drop),
    };
}

fn wire(story: &Element, handle: &Element, selection: Selection) {
    // Where a press on the handle began, and whether it became a swipe (whose click, if the
    // browser sends one, is then not a press of the button).
    let start = Rc::new(Cell::new(None::<i32>));
    let swiped = Rc::new(Cell::new(false));
    let (began, reset, captor) = (start.clone(), swiped.clone(), handle.clone());
    browser::listen(handle, "pointerdown", move |event| {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        reset.set(false);
        began.set(Some(pointer.client_y()));
        // The finger's moves and release come to the handle wherever they go.
        let _ = captor.set_pointer_capture(pointer.pointer_id());
    });
    let (sheet, moving) = (story.clone(), start.clone());
    browser::listen(handle, "pointermove", move |event| {
        if let (Some(pointer), Some(from)) = (event.dyn_ref::<MouseEvent>(), moving.get()) {
            follow(&sheet, Some(pointer.client_y() - from));
        }
    });
    let (sheet, cancelled) = (story.clone(), start.clone());
    browser::listen(handle, "pointercancel", move |_| {
        cancelled.set(None);
        follow(&sheet, None);
    });
    let (sheet, was_swipe) = (story.clone(), swiped.clone());
    browser::listen(handle, "pointerup", move |event| {
        let (Some(pointer), Some(from)) = (event.dyn_ref::<MouseEvent>(), start.take()) else {
            return;
        };
        // From where the finger left it, the sheet slides to the height it settles at.
        follow(&sheet, None);
        let moved = pointer.client_y() - from;
        if moved.abs() < SWIPE {
            return; // a tap: its click follows
        }
        was_swipe.set(true);
        if moved < 0 {
            expand(&sheet, true);
        } else if is_expanded(&sheet) {
            expand(&sheet, false);
        } else {
            selection.close();
        }
    });
    let sheet = story.clone();
    browser::listen(handle, "click", move |event| {
        // A keyboard's click (Enter, Space) has no detail; a pointer's has its count.
        let by_pointer = event
            .dyn_ref::<MouseEvent>()
            .is_some_and(|m| m.detail() > 0);
        if by_pointer && swiped.replace(false) {
            return;
        }
        expand(&sheet, !is_expanded(&sheet));
    });
}
