//! The "Londoners did" borough map: what the Thrive LDN community conversations led to, drawn
//! borough by borough.
//!
//! The plain-Rust logic (areas, geometry, content, URL state) sits in modules that never touch
//! the browser and are tested natively; `view` holds the Leptos components and `browser` the
//! few calls into the page.

pub mod area;
pub mod browser;
pub mod content;
pub mod embed;
pub mod geo;
mod panic;
pub mod static_story;
pub mod url_state;
pub mod view;

/// Mounts the app on the page's body. Called once by the wasm binary's `main`.
pub fn start() {
    panic::install_hook();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(view::App);
}
