//! Shared state handed down the component tree through context: small `Copy` newtypes around
//! signals, each with the few operations components need.

use std::sync::Arc;

use leptos::prelude::*;

use crate::area::Area;
use crate::browser;
use crate::content::{Content, Theme};
use crate::url_state::{with_borough, UrlState};

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

    pub fn is(self, area: Area) -> bool {
        self.selected.with(|selected| *selected == Some(area))
    }

    /// A reader's choice: select `area` (or nothing) and add it to the browser's history.
    pub fn choose(self, area: Option<Area>) {
        if self.selected.get_untracked() == area {
            return;
        }
        self.selected.set(area);
        browser::set_search(
            &with_borough(&browser::location_search(), area),
            self.embedded,
        );
        if let Some(area) = area {
            browser::reveal_above_sheet(area);
        }
    }

    /// Closes the open area, if any, and puts keyboard focus back on it in the map.
    pub fn close(self) {
        if let Some(area) = self.selected.get_untracked() {
            self.choose(None);
            browser::focus_area(area);
        }
    }

    /// Back or forward: take the selection from the address without adding history.
    pub fn follow(self, state: &UrlState) {
        self.selected.set(state.borough);
    }
}

/// The content file, once loaded (or its replacement describing why it is not there).
#[derive(Clone, Copy)]
pub struct Story(RwSignal<Option<Arc<Content>>>);

impl Story {
    pub fn new() -> Story {
        Story(RwSignal::new(None))
    }

    pub fn set(self, content: Content) {
        self.0.set(Some(Arc::new(content)));
    }

    /// The content, or `None` while it is still loading.
    pub fn get(self) -> Option<Arc<Content>> {
        self.0.get()
    }

    /// As `get`, without making the caller re-run when the content arrives.
    pub fn get_untracked(self) -> Option<Arc<Content>> {
        self.0.get_untracked()
    }
}

/// Messages for the reader about anything that went wrong, shown as alerts above the map.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<String>>);

impl Notices {
    pub fn new() -> Notices {
        Notices(RwSignal::new(Vec::new()))
    }

    /// Shows `message` in the page and logs `detail` for maintainers.
    pub fn report(self, message: String, detail: &str) {
        browser::console_error(&format!("borough map: {detail}"));
        self.0.update(|all| {
            if !all.contains(&message) {
                all.push(message);
            }
        });
    }

    pub fn get(self) -> Vec<String> {
        self.0.get()
    }
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
