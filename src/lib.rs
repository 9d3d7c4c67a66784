//! The "Londoners did" borough map: what the Thrive LDN community conversations led to, drawn
//! borough by borough.
//!
//! The plain-Rust logic (areas, geometry, content, URL state, and `page`, the HTML the build
//! writes) sits in modules that never touch the browser and are tested natively; `view` holds
//! the Leptos app that takes the built page over, and `browser` the few calls into the page.

pub mod area;
pub mod browser;
pub mod content;
pub mod embed;
pub mod geo;
pub mod page;
mod panic;
pub mod url_state;
pub mod view;

/// Takes over the page the build wrote. Called once by the wasm binary's `main`.
pub fn start() {
    panic::install_hook();
    // Mounting nothing: this gives the app its reactive owner and executor, for the page's
    // lifetime; `take_over` works on the page as it is.
    leptos::mount::mount_to_body(view::take_over);
}
