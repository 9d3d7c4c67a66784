//! The "Londoners did" borough map: what the Thrive LDN community conversations led to, drawn
//! borough by borough.
//!
//! This crate is the app: the WebAssembly that takes over the page the build wrote
//! (`crates/page`), in place. What both sides share (areas, geometry, content, the address, the
//! embed protocol and the page contract) is `crates/core`; `view` holds the Leptos parts,
//! `browser` the calls into the page.

pub mod browser;
mod panic;
pub mod view;

/// Takes over the page the build wrote. Called once by the wasm binary's `main`.
pub fn start() {
    panic::install_hook();
    // The app renders nothing (`take_over` works on the page as it is), so instead of mounting a
    // view it needs only what mounting would set up: an executor for its effects and a reactive
    // owner, kept for the page's lifetime. (Leaving out Leptos's mounting saves about 1 KB.)
    let _already_running = any_spawner::Executor::init_wasm_bindgen();
    let owner = reactive_graph::owner::Owner::new();
    owner.with(view::take_over);
    std::mem::forget(owner);
}
