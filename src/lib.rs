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
    // The app renders nothing (`take_over` works on the page as it is), so instead of mounting a
    // view it needs only what mounting would set up: an executor for its effects and a reactive
    // owner, kept for the page's lifetime. (Leaving out Leptos's mounting saves about 1 KB.)
    let _already_running = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    owner.with(view::take_over);
    std::mem::forget(owner);
}
