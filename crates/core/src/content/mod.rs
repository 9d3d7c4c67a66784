//! The story's words: the content file's model, and reading it with precise error reports.

pub mod link;
pub mod model;
pub mod store;
pub mod theme;

pub use link::Link;
pub use model::{AreaEntry, Figure, Outcome, Programme, Quote, Status, TourStep, LONDON_STORY};
pub use store::{Content, ContentError, CONTENT_PATH};
pub use theme::Theme;
