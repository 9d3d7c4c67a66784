//! The address: reading it as `public/early.js` does, and writing it into the history.

use std::cell::{Cell, OnceCell};

use wasm_bindgen::JsValue;

use super::{console_error, describe, root_attribute};
use borough_core::area::Area;
use borough_core::contract::{
    attr, id, is_relative_url, root_folder, story_in_fragment, view_in_path,
};
use borough_core::url_state::QueryParams;

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

/// The address's parameters as the browser's `URLSearchParams` reads them, exactly as
/// `public/early.js` does.
pub struct SearchParams(Option<web_sys::UrlSearchParams>);

impl SearchParams {
    /// The current address's.
    pub fn current() -> SearchParams {
        SearchParams(web_sys::UrlSearchParams::new_with_str(&location_search()).ok())
    }
}

impl QueryParams for SearchParams {
    fn last(&self, name: &str) -> Option<String> {
        self.0.as_ref()?.get_all(name).pop().as_string()
    }

    fn remove(&mut self, name: &str) {
        if let Some(params) = &self.0 {
            params.delete(name);
        }
    }

    fn append(&mut self, name: &str, value: &str) {
        if let Some(params) = &self.0 {
            params.append(name, value);
        }
    }

    fn encoded(&self) -> String {
        self.0
            .as_ref()
            .map(|params| params.to_string().into())
            .unwrap_or_default()
    }
}

/// Puts `path` (or, if `None`, the current one) and `search` in the address, keeping any
/// fragment but a story's: as a new history entry, or (`replace`) in place of the current one,
/// so an embedded map never fills the host page's back button with its own steps.
pub fn set_address(path: Option<&str>, search: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current_path = location.pathname().unwrap_or_default();
    let path = path.unwrap_or(&current_path);
    // A story's own fragment (`#area-…`, `#london`: a link followed before the app loaded)
    // gives way to the story the address now names; any other fragment stays.
    let hash = location.hash().unwrap_or_default();
    let is_story =
        story_in_fragment(&hash).is_some() || hash.strip_prefix('#') == Some(id::LONDON.name);
    let kept_hash = if is_story { "" } else { hash.as_str() };
    if path == current_path && search == location.search().unwrap_or_default() && kept_hash == hash
    {
        return;
    }
    let url = format!("{path}{search}{kept_hash}");
    pin_relative_links();
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

thread_local! {
    /// The site's root folder, found from the path the page was loaded at: once another view's
    /// path is in the address, the page's own [`attr::ROOT`] no longer describes it.
    static SITE_ROOT: OnceCell<String> = const { OnceCell::new() };
}

/// The site's root folder as served, e.g. `/map/`: the page's folder less the steps up that its
/// [`attr::ROOT`] names (`../` on an area's own page, `/map/hackney/`). Read first when the app
/// takes the page over, before it writes any other path.
pub fn site_root() -> String {
    SITE_ROOT.with(|root| {
        root.get_or_init(|| {
            let path = web_sys::window()
                .and_then(|w| w.location().pathname().ok())
                .unwrap_or_default();
            let up = root_attribute(attr::ROOT.name).unwrap_or_default();
            root_folder(&path, &up).to_owned()
        })
        .clone()
    })
}

thread_local! {
    /// Whether the page's relative links have been pinned (see [`pin_relative_links`]).
    static LINKS_PINNED: Cell<bool> = const { Cell::new(false) };
}

/// Every relative link of the page (`data/index.html`, `../data/areas.csv`) rewritten to the
/// absolute address it names from this page, so that it still names the same file once the
/// address moves to a page of another depth (`/` to `/hackney/`) without a reload. Once, just
/// before the app first changes the address: not while it takes the page over, where reading
/// every link (some 290) would delay the page's first answer to a tap.
fn pin_relative_links() {
    if LINKS_PINNED.replace(true) {
        return;
    }
    let Some(root) = super::root_element() else {
        return;
    };
    for link in super::query_all_within(&root, "a[href]") {
        let written = link.get_attribute("href").unwrap_or_default();
        // An HTML link's `href` property is the address resolved; an SVG link's is no string.
        let resolved = js_sys::Reflect::get(&link, &JsValue::from_str("href"))
            .ok()
            .and_then(|href| href.as_string());
        if let (true, Some(resolved)) = (is_relative_url(&written), resolved) {
            let _ = link.set_attribute("href", &resolved);
        }
    }
}

/// The view whose own page the address's path is (`/map/hackney/`: Hackney's; `/map/`: the
/// London-wide story), or `None` for a path that names no view.
pub fn view_in_address() -> Option<Option<Area>> {
    let path = web_sys::window()?.location().pathname().ok()?;
    view_in_path(&site_root(), &path)
}

/// The folder the app is served from, e.g. `https://example.org/map/`, for embed snippets:
/// the site's root, which the page names relative to itself (`data-root="../"` on an area's
/// own page, `/map/hackney/`).
pub fn app_base_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    format!("{origin}{}", site_root())
}
