//! Browser calls shared by the parts of the app: finding elements and listening to them, reading
//! and writing the address, focus and scrolling, talking to a framing page, reporting to the
//! console. (The parts in `view/` also set attributes on the elements they are given.)

use borough_core::area::Area;
use borough_core::contract::{attr, class, id, root_folder, story_in_fragment};
use borough_core::embed::{Command, Message};
use borough_core::url_state::ColourScheme;
use wasm_bindgen::closure::Closure;
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

/// The first element matching `selector`.
pub fn query(selector: &str) -> Option<web_sys::Element> {
    document()?.query_selector(selector).ok()?
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

/// The element that has keyboard focus, if any.
pub fn active_element() -> Option<web_sys::Element> {
    document()?.active_element()
}

/// Moves keyboard focus to the element `selector` finds.
pub fn focus(selector: &str) {
    if let Some(element) = query(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The fragment of the address, e.g. `#area-hackney`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current query string, e.g. `?borough=hackney`.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `search` in the address, keeping the path and any fragment but a story's: as a new history entry, or
/// (`replace`) in place of the current one, so an embedded map never fills the host page's
/// back button with its own steps.
pub fn set_search(search: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    // A story's own fragment (`#area-…`, `#london`: a link followed before the app loaded)
    // gives way to `?borough=`; any other fragment stays.
    let hash = location.hash().unwrap_or_default();
    let is_story =
        story_in_fragment(&hash).is_some() || hash.strip_prefix('#') == Some(id::LONDON.name);
    let kept_hash = if is_story { "" } else { hash.as_str() };
    if search == location.search().unwrap_or_default() && kept_hash == hash {
        return;
    }
    let url = format!("{path}{search}{kept_hash}");
    if let Ok(history) = window.history() {
        let result = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = result {
            console_error(&format!(
                "borough map: could not update the address: {}",
                describe(&e)
            ));
        }
    }
}

/// The folder the app is served from, e.g. `https://example.org/map/`, for embed snippets:
/// the site's root, which the page names relative to itself (`data-root="../"` on an area's
/// own page, `/map/hackney/`).
pub fn app_base_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let root = root_attribute(attr::ROOT.name).unwrap_or_default();
    format!("{origin}{}", root_folder(&path, &root))
}

/// An attribute of the root element (`<html>`), if it has it.
#[inline(never)]
pub fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

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
    Command::from_fields(|name| {
        js_sys::Reflect::get(&data, &JsValue::from_str(name))
            .ok()?
            .as_string()
    })
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

/// Adds or removes `class` on the root element, which the stylesheet follows (see
/// `borough_core::contract::class`: `js`, the app has taken over; `no-app`, it cannot run).
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// Copies `text` to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The drawn path of `area`, if the map is drawn.
pub fn area_element(area: Area) -> Option<web_sys::SvgElement> {
    let selector = format!(
        "{}[{}=\"{}\"]",
        class::BOROUGH.selector,
        attr::CODE.name,
        area.code()
    );
    query(&selector)?.dyn_into().ok()
}

/// Moves keyboard focus to `area`'s shape on the map.
pub fn focus_area(area: Area) {
    if let Some(element) = area_element(area) {
        let _ = element.focus();
    }
}

/// Whether `target` shows a focus ring, i.e. was focused from the keyboard.
pub fn is_focus_visible(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.matches(":focus-visible").unwrap_or(false))
}

/// Whether `target` is inside a `<dialog>`.
pub fn is_in_dialog(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.closest("dialog").ok().flatten().is_some())
}

/// On a phone the panel is a sheet over the lower half of the screen: scroll the page so that
/// `area` sits in the half still visible. Done once the story has been painted: the reader
/// sees the answer to the tap first, and the scroll (a repaint of the whole screen) follows.
pub fn reveal_above_sheet(area: Area) {
    after_next_paint(move || scroll_above_sheet(area));
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

fn scroll_above_sheet(area: Area) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let narrow = window
        .match_media("(max-width: 640px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let Some(element) = area_element(area).filter(|_| narrow) else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.bottom() > height * 0.45 {
        window.scroll_by_with_x_and_y(0.0, rect.top() - height * 0.1);
    }
}

/// Sets `data-theme` on the root element, which the stylesheet's colours follow.
pub fn set_colour_scheme(scheme: ColourScheme) {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match scheme.attribute() {
        Some(value) => root.set_attribute(attr::COLOURS.name, value),
        None => root.remove_attribute(attr::COLOURS.name),
    };
}

/// Reports a problem to maintainers; the page says it to readers separately.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
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

/// Whether the root element has `class` (see `borough_core::contract::class`).
pub fn root_has_class(class: &str) -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_list().contains(class))
}
