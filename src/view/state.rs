//! The app's shared state, provided through Leptos context: small `Copy` newtypes around
//! signals, each with the few operations the parts of the page need.

use std::cell::Cell;

use reactive_graph::effect::Effect;
use reactive_graph::owner::use_context;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;

use crate::browser;
use borough_core::area::Area;
use borough_core::content::Theme;
use borough_core::contract::page_folder;
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

/// The selected area, kept in step with the address: its own page's path (`<root>hackney/`, the
/// London-wide story's `<root>`), or, embedded, `?borough=` (the host chose the frame's path).
/// Embedded, the address is replaced rather than pushed, so the host page's history is left
/// alone.
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
            self.write_address(area, false);
        }
    }

    /// Puts `area` in the address (see [`Selection`]), replacing the current entry if
    /// `replace` or embedded. Any `?borough=` gives way to the path outside embed mode.
    pub fn write_address(self, area: Option<Area>, replace: bool) {
        let params = browser::SearchParams::current();
        if self.embedded {
            browser::set_address(None, &with_borough(params, area), true);
        } else {
            let path = format!("{}{}", browser::site_root(), page_folder(area));
            browser::set_address(Some(&path), &with_borough(params, None), replace);
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

    /// Back or forward: take the selection the address now names (a story's fragment from
    /// before the app loaded, `?borough=`, or the path) without adding history.
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

/// What the map highlights: a theme's boroughs, or the areas a step of the tour names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlighted {
    Theme(Theme),
    /// One bit per area (`Area::index`), so the state stays `Copy`.
    Areas(u64),
}

impl Highlighted {
    pub fn areas(areas: &[Area]) -> Highlighted {
        Highlighted::Areas(areas.iter().fold(0, |bits, a| bits | 1 << a.index()))
    }

    /// Whether it marks `area`, whose outcomes touch `themes`.
    pub fn marks(self, area: Area, themes: &[Theme]) -> bool {
        match self {
            Highlighted::Theme(theme) => themes.contains(&theme),
            Highlighted::Areas(bits) => bits & 1 << area.index() != 0,
        }
    }
}

/// What the map highlights, if anything: the theme buttons' choice or the tour's step. The
/// map marks it the same way (`theme-match`, `theme-other`) whichever set it.
#[derive(Clone, Copy)]
pub struct Highlight(RwSignal<Option<Highlighted>>);

impl Highlight {
    pub fn new() -> Highlight {
        Highlight(RwSignal::new(None))
    }

    pub fn get(self) -> Option<Highlighted> {
        self.0.get()
    }

    pub fn get_untracked(self) -> Option<Highlighted> {
        self.0.get_untracked()
    }

    /// The highlighted theme, if a theme is what is highlighted.
    pub fn theme(self) -> Option<Theme> {
        match self.0.get() {
            Some(Highlighted::Theme(theme)) => Some(theme),
            _ => None,
        }
    }

    pub fn set(self, highlighted: Option<Highlighted>) {
        self.0.set(highlighted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_highlight_marks_a_themes_areas_or_the_areas_it_names() {
        let (merton, sutton) = (
            Area::parse("merton").unwrap(),
            Area::parse("sutton").unwrap(),
        );
        let step = Highlighted::areas(&[merton]);
        assert!(step.marks(merton, &[]));
        assert!(!step.marks(sutton, &[Theme::CommunityEvents]));
        assert!(!Highlighted::areas(&[]).marks(merton, &[]));
        let theme = Highlighted::Theme(Theme::CommunityEvents);
        assert!(theme.marks(sutton, &[Theme::CommunityEvents]));
        assert!(!theme.marks(merton, &[]));
        for area in Area::all() {
            assert!(Highlighted::areas(&Area::all().collect::<Vec<_>>()).marks(area, &[]));
        }
    }
}
