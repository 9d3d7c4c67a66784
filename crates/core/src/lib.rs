//! What the page the build writes (`borough-page`) and the app that takes it over
//! (`borough-map`) share: the 33 areas, geometry, the story's words, the address, the embed
//! protocol, and the contract between page and app (every name one side writes and the other
//! reads). Plain Rust that never touches the browser, so all of it is tested natively.

pub mod area;
pub mod attrs;
pub mod content;
pub mod contract;
pub mod embed;
pub mod geo;
pub mod url_state;
pub mod words;
