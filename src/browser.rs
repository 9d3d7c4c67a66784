//! The few browser calls the app makes: fetching a file, reading and writing the address, and
//! reporting to the console. Everything else stays plain Rust.

use thiserror::Error;

use crate::area::Area;
use crate::url_state::ColourScheme;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be fetched, worded for the page.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum FetchError {
    #[error("could not be downloaded ({0})")]
    Network(String),
    #[error("could not be downloaded (the server answered {0})")]
    Status(u16),
    #[error("could not be read ({0})")]
    Body(String),
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches `url` (relative to the page) as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network(describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|e| FetchError::Network(describe(&e)))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = response
        .text()
        .map_err(|e| FetchError::Body(describe(&e)))?;
    JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Body(describe(&e)))?
        .as_string()
        .ok_or_else(|| FetchError::Body("not text".into()))
}

/// The current query string, e.g. `?borough=hackney`.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Adds a history entry whose query string is `search`, keeping the path and fragment.
pub fn push_search(search: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{search}{hash}");
    if let Ok(history) = window.history() {
        if let Err(e) = history.push_state_with_url(&JsValue::NULL, "", Some(&url)) {
            console_error(&format!(
                "borough map: could not update the address: {}",
                describe(&e)
            ));
        }
    }
}

/// The drawn path of `area`, if the map is drawn.
fn area_element(area: Area) -> Option<web_sys::SvgElement> {
    let selector = format!("path.borough[data-code=\"{}\"]", area.code());
    web_sys::window()?
        .document()?
        .query_selector(&selector)
        .ok()??
        .dyn_into()
        .ok()
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

/// On a phone the panel is a sheet over the lower half of the screen: scroll the page so that
/// `area` sits in the half still visible.
pub fn reveal_above_sheet(area: Area) {
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
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match scheme.attribute() {
        Some(value) => root.set_attribute("data-theme", value),
        None => root.remove_attribute("data-theme"),
    };
}

/// Reports a problem to maintainers; the page says it to readers separately.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}
