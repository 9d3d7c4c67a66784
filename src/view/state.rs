//! The app's shared state, provided through Leptos context: small `Copy` newtypes around
//! signals, each with the few operations the parts of the page need.

use std::cell::Cell;

use leptos::prelude::*;

use crate::browser;
use borough_core::area::Area;
use borough_core::content::Theme;
use borough_core::url_state::with_borough;

/// The shared state `T` from context, as `expect_context` gives it, but failing with a plain
/// message: `expect_context`'s `{:?}` message alone brings Rust's whole Debug formatting
/// (string escaping included) into the WebAssembly. The app provides both before any part
/// takes the page over, so this never fails.
pub fn shared<T: Clone + 'static>() -> T {
    use_context().expect("the app's shared state is provided before the page is taken over")
}

thread_local! {
    /// Steps back or forward through the window's history so far (the history is the window's,
    /// so this is too): a choice made before one is no longer the address's to write.
    static STEPS_FOLLOWED: Cell<u32> = const { Cell::new(0) };
}

/// The selected area, kept in step with `?borough=` in the address. Embedded, the address is
/// replaced rather than pushed, so the host page's history is left alone.
#[derive(Clone, Copy)]
pub struct Selection {
    selected: RwSignal<Option<Area>>,
    embedded: bool,
}

impl Selection {
    pub fn new(initial: Option<Area>, embedded: bool) -> Selection {
        Selection {
            selected: RwSignal::new(initial),
            embedded,
        }
    }

    pub fn get(self) -> Option<Area> {
        self.selected.get()
    }

    pub fn get_untracked(self) -> Option<Area> {
        self.selected.get_untracked()
    }

    /// A reader's choice: select `area` (or nothing) and add it to the browser's history.
    pub fn choose(self, area: Option<Area>) {
        if self.selected.get_untracked() == area {
            return;
        }
        self.selected.set(area);
        // The address is not part of what the reader sees change: it is written after the
        // paint that answers the click (pushState alone takes a few milliseconds on a phone).
        let steps = STEPS_FOLLOWED.get();
        browser::after_next_paint(move || self.record_in_address(area, steps));
    }

    /// Puts `area` in the address, each choice in its turn, unless a step back or forward
    /// has come since (the address is then the one the reader stepped to).
    fn record_in_address(self, area: Option<Area>, steps: u32) {
        if STEPS_FOLLOWED.get() == steps {
            browser::set_search(
                &with_borough(browser::SearchParams::current(), area),
                self.embedded,
            );
        }
    }

    /// A press on the map's button for `area` (or on the map outside every area, `None`): the
    /// buttons are toggles (`aria-pressed`), so pressing the open area's button closes it.
    pub fn toggle(self, area: Option<Area>) {
        let open = self.selected.get_untracked();
        self.choose(if area == open { None } else { area });
    }

    /// Closes the open area, if any, and puts keyboard focus back on it in the map.
    pub fn close(self) {
        if let Some(area) = self.selected.get_untracked() {
            self.choose(None);
            browser::focus_area(area);
        }
    }

    /// Calls `changed(now, before)` after each change of selection (not for the first one).
    pub fn watch(self, changed: impl Fn(Option<Area>, Option<Area>) + 'static) {
        watch_area(Box::new(move || self.get()), Box::new(changed), false);
    }

    /// Back or forward: take the selection the address now names (`?borough=`, or a story's
    /// fragment from before the app loaded) without adding history.
    pub fn follow(self, area: Option<Area>) {
        STEPS_FOLLOWED.set(STEPS_FOLLOWED.get().wrapping_add(1));
        if self.selected.get_untracked() != area {
            self.selected.set(area);
        }
    }
}

/// Calls `changed(now, before)` each time the area `current` returns changes, and, if
/// `immediate`, at once for the area it returns first (`before` is `None` then). Every part
/// that follows an area (the selection, the hovered or focused borough) goes through this one
/// function, so the WebAssembly holds one copy of the effect's code, not one per caller.
pub fn watch_area(
    current: Box<dyn Fn() -> Option<Area>>,
    changed: Box<dyn Fn(Option<Area>, Option<Area>)>,
    immediate: bool,
) {
    Effect::watch(
        current,
        move |&now, before, _| {
            let before = before.copied().flatten();
            if now != before {
                changed(now, before);
            }
        },
        immediate,
    );
}

/// The theme whose boroughs are highlighted on the map, if any.
#[derive(Clone, Copy)]
pub struct Highlight(RwSignal<Option<Theme>>);

impl Highlight {
    pub fn new() -> Highlight {
        Highlight(RwSignal::new(None))
    }

    pub fn get(self) -> Option<Theme> {
        self.0.get()
    }

    pub fn set(self, theme: Option<Theme>) {
        self.0.set(theme);
    }
}
