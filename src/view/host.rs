//! Talking to the page that frames the map: heights and selections out, commands in.

use wasm_bindgen::JsCast;

use super::state::Selection;
use super::tour::{self, By};
use crate::browser;
use borough_core::embed::{clear_message, resize_messages, select_message, Command, Message};

/// Wires the map to its framing page. Outside a frame the posts go nowhere and no command can
/// arrive, so this is harmless on the standalone page. (The tour's steps are told to the host
/// by the tour, `tour::go`, which alone knows them.)
pub fn connect_to_host(selection: Selection, child_id: Option<String>) {
    browser::observe_content_height(move |height| {
        for message in resize_messages(height, child_id.as_deref()) {
            browser::post_to_parent(&message);
        }
    });

    // Every change of selection after the page was taken over, whatever made it.
    selection.watch(|selected, _| {
        let message = selected.map_or_else(clear_message, select_message);
        browser::post_to_parent(&Message::Json(message));
    });

    // Our own listener rather than leptos's `window_event_listener`: the same listener on the
    // window, without a second copy of the event-handling code in the WebAssembly.
    browser::listen_to_window("message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        match browser::command_from_parent(event) {
            Some(Command::Select(area)) => selection.choose(Some(area)),
            Some(Command::Clear) => selection.choose(None),
            Some(Command::Theme(scheme)) => browser::set_colour_scheme(scheme),
            Some(Command::Tour(step)) => tour::go(step, By::Host),
            None => {}
        }
    });
}
