//! The app: it takes over the page the build wrote (`crate::page`) in place. Shared state goes
//! down through context (see `state`); one concern a file.

mod announcer;
mod app;
mod dom;
mod embed_dialog;
mod host;
mod map;
mod notices;
mod search;
mod sheet;
mod state;
mod stories;
mod take_away;
mod themes;
mod tour;

pub use app::take_over;
