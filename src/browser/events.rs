//! Listening to the page, and timing work around the browser's frames.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::document;

/// Calls `handler` on every `event` at `target`, for the page's lifetime.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &str,
    mut handler: impl FnMut(web_sys::Event) + 'static,
) {
    // After a panic the app's state cannot be trusted: every event keeps its default action
    // (links open their stories), as on a page without the app.
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |event| {
        if !crate::panic::has_panicked() {
            handler(event);
        }
    });
    if target
        .add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())
        .is_ok()
    {
        handler.forget();
    }
}

/// Calls `handler` on every `event` anywhere in the document.
pub fn listen_to_document(event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    if let Some(document) = document() {
        listen(&document, event, handler);
    }
}

/// Calls `handler` on every `event` at the window.
pub fn listen_to_window(event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    if let Some(window) = web_sys::window() {
        listen(&window, event, handler);
    }
}

/// The element an event happened on (or the closest one matching `selector` around it).
pub fn event_element(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let element: web_sys::Element = event.target()?.dyn_into().ok()?;
    element.closest(selector).ok()?
}

/// Whether a click or key event came with Ctrl, Meta (⌘), Shift or Alt held.
pub fn has_modifier_key(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|e| e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}

/// Runs `f` just before the browser next lays out and paints (`requestAnimationFrame`).
fn before_next_paint(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let f = Closure::once_into_js(f);
        let _ = window.request_animation_frame(f.unchecked_ref());
    }
}

/// Runs `f` once the browser has painted the next frame: work a reader does not see at once
/// (the address, say) waits there, so it does not delay the paint that answers a click.
/// Skipped after a panic, as events are.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    before_next_paint(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let f = Closure::once_into_js(move || {
            if !crate::panic::has_panicked() {
                f();
            }
        });
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    });
}
