//! A panic must never leave a silently dead page: say so in the page and in the console, and
//! hand the page back to its no-script behaviour, since the app's state cannot be trusted
//! after a panic: from then on every event keeps its default action (see `browser::listen`),
//! so the list of areas and every story's link work as on a page without the app.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsValue;

use crate::browser;
use borough_core::contract::{class, story_id};
use borough_core::url_state::UrlState;

const MESSAGE: &str = "Sorry, the map stopped working because of an error in the page. \
The list of all areas below still opens every borough's story; reload the page to try again.";

static PANICKED: AtomicBool = AtomicBool::new(false);

/// Whether the app has panicked.
pub fn has_panicked() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::Relaxed);
        // Where, not what: the message's formatting would cost the WebAssembly some 350 bytes
        // (issue 18), and the place is what a maintainer needs to find it.
        let mut message = String::from("borough map panicked");
        if let Some(place) = info.location() {
            message.push_str(" at ");
            message.push_str(place.file());
            message.push(':');
            message.push_str(&place.line().to_string());
        }
        web_sys::console::error_1(&JsValue::from_str(&message));
        hand_back_the_page();
    }));
}

fn hand_back_the_page() {
    // Without the app the stylesheet also shows the story the #fragment names (`:target`):
    // make that the one the app had open, and from then on the page's links, the early
    // script and the stylesheet do the rest.
    // The app keeps the selection in the path (`/hackney/`), or embedded in `?borough=`.
    let selected = UrlState::read(&browser::SearchParams::current())
        .borough
        .or_else(|| browser::view_in_address().flatten());
    if let (Some(area), Some(window)) = (selected, web_sys::window()) {
        let _ = window.location().set_hash(&story_id(area));
    }
    browser::set_root_class(class::JS.name, false);
    browser::set_root_class(class::NO_APP.name, true);
    let Some(body) = browser::query("body") else {
        return;
    };
    if let Some(notice) = browser::append_element(&body, "p", class::NOTICE.name, MESSAGE) {
        // Marked fatal, so boot.js does not add its own notice after it.
        let _ = notice.class_list().add_1(class::NOTICE_FATAL.name);
        let _ = notice.set_attribute("role", "alert");
        let _ = body.prepend_with_node_1(&notice);
    }
}
