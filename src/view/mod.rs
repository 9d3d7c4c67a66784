//! Leptos components, one concern a file. They read shared state from context (see `state`).

mod announcer;
mod app;
mod area_list;
mod embed_dialog;
mod footer;
mod host;
mod legend;
mod map;
mod notices;
mod outcome;
mod panel;
mod search;
mod sources;
mod state;
mod summary;
mod themes;

pub use app::{App, GEOMETRY_PATH};
