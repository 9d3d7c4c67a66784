//! The app's calls into the browser, by concern: finding and making elements (here), events
//! and frames (`events`), the address (`address`), focus and scrolling (`focus`), sharing and
//! saving files (`files`), and the page that frames the map (`frame`). The parts in `view/`
//! also set attributes on the elements they are given.

mod address;
mod events;
mod files;
mod focus;
mod frame;

pub use address::*;
pub use events::*;
pub use files::*;
pub use focus::*;
pub use frame::*;

use borough_core::contract::attr;
use borough_core::url_state::ColourScheme;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The root element, `<html>`.
fn root_element() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// The first element matching `selector`.
pub fn query(selector: &str) -> Option<web_sys::Element> {
    document()?.query_selector(selector).ok()?
}

/// Every element matching `selector` inside `parent`, in document order.
pub fn query_all_within(parent: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = parent.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Appends a new `<tag class=class>text</tag>` to `parent`.
pub fn append_element(
    parent: &web_sys::Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<web_sys::Element> {
    let element = document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element.set_text_content(Some(text));
    parent.append_child(&element).ok()?;
    Some(element)
}

/// An attribute of the root element (`<html>`), if it has it.
#[inline(never)]
pub fn root_attribute(name: &str) -> Option<String> {
    root_element()?.get_attribute(name)
}

/// Whether the root element has `class` (see `borough_core::contract::class`).
pub fn root_has_class(class: &str) -> bool {
    root_element().is_some_and(|root| root.class_list().contains(class))
}

/// Adds or removes `class` on the root element, which the stylesheet follows (see
/// `borough_core::contract::class`: `js`, the app has taken over; `no-app`, it cannot run).
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = root_element() {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// Sets the root element's attribute `name` to `value`, or removes it (`None`).
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = root_element() {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// Sets `data-theme` on the root element, which the stylesheet's colours follow.
pub fn set_colour_scheme(scheme: ColourScheme) {
    set_root_attribute(attr::COLOURS.name, scheme.attribute());
}

/// Copies `text` to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Reports a problem to maintainers; the page says it to readers separately.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}
