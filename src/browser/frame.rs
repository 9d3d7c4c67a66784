//! The page that frames the map, when it is embedded: heights and messages out, commands in.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{console_error, describe, document};
use borough_core::embed::{Command, Message};

/// The framing page, when the map runs inside an iframe.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `message` to the framing page, if there is one. Nothing sent is private (heights and
/// borough codes), so any origin may receive it.
pub fn post_to_parent(message: &Message) {
    let Some(parent) = parent_window() else {
        return;
    };
    let value = match message {
        Message::Json(json) => js_sys::JSON::parse(json).unwrap_or(JsValue::NULL),
        Message::Text(text) => JsValue::from_str(text),
    };
    let _ = parent.post_message(&value, "*");
}

/// The command in a `message` event, if it came from the framing page and is valid. Messages
/// from any other window, or that are not commands, are `None` and ignored without error.
pub fn command_from_parent(event: &web_sys::MessageEvent) -> Option<Command> {
    let parent = parent_window()?;
    let source = event.source()?;
    if !js_sys::Object::is(&source, &parent) {
        return None;
    }
    let data = event.data();
    if !data.is_object() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
    Command::from_fields(
        |name| field(name)?.as_string(),
        |name| field(name)?.as_f64(),
    )
}

/// Calls `on_change` with the page's content height (in CSS pixels) now and whenever it
/// changes. The observer lives as long as the page.
pub fn observe_content_height(on_change: impl Fn(u32) + 'static) {
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let observed = body.clone();
    let last = std::cell::Cell::new(0);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = body.get_bounding_client_rect().height().ceil() as u32;
        if height != last.replace(height) {
            on_change(height);
        }
    });
    match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&observed);
            callback.forget();
        }
        Err(e) => console_error(&format!(
            "borough map: cannot watch the page's height: {}",
            describe(&e)
        )),
    }
}
