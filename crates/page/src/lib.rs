//! The whole page as HTML, written at build time (`cargo xtask prerender`, run by Trunk's
//! post-build hook) from the same geometry and content the tests check. The map paints from
//! this HTML before any script runs; without JavaScript or WebAssembly it is the whole app:
//! each borough links to its own story (`#area-<slug>`), which CSS shows with `:target`. The
//! WebAssembly app (the root crate's `view`) then takes the page over in place, without moving anything.
//!
//! Nothing here touches the browser, so all of it is tested natively.

mod map;
mod parts;
mod story;

use maud::html;
use thiserror::Error;

use borough_core::content::{Content, ContentError};
use borough_core::contract::{class, id};
use borough_core::geo::{BoundarySet, FeatureError, GeometryFileError, MapLayout};

/// Where the build reads the boundaries from, relative to the repository.
pub const GEOMETRY_PATH: &str = "geo/boroughs.geojson";

/// The text in `index.html`'s `<body>` that the page replaces.
pub const PLACEHOLDER: &str = "<!-- page -->";

/// The body of the page: header, map, key, theme picker, list of areas, every area's story, the
/// London-wide story, footer. Written with maud, which escapes every value it is given.
pub fn render(layout: &MapLayout, content: &Content) -> String {
    html! {
        (parts::header())
        div id=(id::NOTICES.name) class="notices" {}
        main class="layout" {
            section class="map-column" aria-label="Map" {
                (parts::find())
                (map::map(layout, content))
                (parts::legend(content))
                (parts::themes())
                (parts::area_list(content))
            }
            div class=(class::PANEL_COLUMN.name) {
                // Areas first: the page paints while it is still arriving, and a story the
                // address asks for (public/early.js) must be in place before the London-wide
                // story could be drawn, or the panel would change under the reader.
                (story::areas(content))
                (story::london(content))
            }
        }
        (parts::footer())
        p id=(id::ANNOUNCER.name) class="visually-hidden" aria-live="polite" {}
    }
    .into_string()
}

/// `index` with its placeholder replaced by `body`; `None` if it has no placeholder.
pub fn into_index(index: &str, body: &str) -> Option<String> {
    index
        .contains(PLACEHOLDER)
        .then(|| index.replacen(PLACEHOLDER, body, 1))
}

/// A built `index` with everything between `<body>` and `</body>` replaced by `body`; `None`
/// if it has no body. (For pages built again from other data: the benchmark's scale set, tests.)
pub fn with_body(index: &str, body: &str) -> Option<String> {
    let open = index.find("<body>")? + "<body>".len();
    let close = open + index[open..].rfind("</body>")?;
    Some(format!("{}{body}{}", &index[..open], &index[close..]))
}

/// Why the page cannot be built. The build publishes only a whole, sound page: a reader can
/// never meet a half-drawn map or a story with a hole in it.
#[derive(Debug, Error)]
pub enum PageError {
    #[error("{GEOMETRY_PATH} {0}")]
    Geometry(#[from] GeometryFileError),
    #[error("{GEOMETRY_PATH}: {} feature(s) cannot be drawn: {}", .0.len(), list(.0))]
    Features(Vec<FeatureError>),
    #[error("{GEOMETRY_PATH} has no boundaries for {}", .0.join(", "))]
    MissingAreas(Vec<&'static str>),
    #[error("{GEOMETRY_PATH}: the boundaries have no extent, so they cannot be fitted")]
    NoExtent,
    #[error("the content has {} problem(s): {}", .0.len(), list(.0))]
    Content(Vec<ContentError>),
    #[error("index.html has no {PLACEHOLDER} to fill (is it already built?)")]
    NoPlaceholder,
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Builds the page from the texts of `index.html`, the boundaries and the content file.
pub fn build(index: &str, geojson: &str, content: &str) -> Result<String, PageError> {
    into_index(index, &checked_body(geojson, content)?).ok_or(PageError::NoPlaceholder)
}

/// The page's body from the texts of the boundaries and the content file, refusing what the
/// build refuses: a feature that cannot be drawn, a missing area, a content problem.
pub fn checked_body(geojson: &str, content: &str) -> Result<String, PageError> {
    let set = BoundarySet::from_geojson(geojson)?;
    if !set.skipped.is_empty() {
        return Err(PageError::Features(set.skipped));
    }
    let missing = set.missing();
    if !missing.is_empty() {
        return Err(PageError::MissingAreas(
            missing.iter().map(|a| a.name()).collect(),
        ));
    }
    let layout = MapLayout::new(&set).ok_or(PageError::NoExtent)?;
    let content = Content::parse(content);
    if !content.problems.is_empty() {
        return Err(PageError::Content(content.problems));
    }
    Ok(render(&layout, &content))
}

#[cfg(test)]
mod tests;
