//! The whole page as HTML, written at build time (`cargo xtask prerender`, run by Trunk's
//! post-build hook) from the same geometry and content the tests check. The map paints from
//! this HTML before any script runs; without JavaScript or WebAssembly it is the whole app:
//! each borough links to its own story (`#area-<slug>`), which CSS shows with `:target`. The
//! WebAssembly app (the root crate's `view`) then takes the page over in place, without moving anything.
//!
//! Nothing here touches the browser, so all of it is tested natively.

pub mod data;
mod map;
pub mod meta;
mod parts;
pub mod preview;
mod story;
mod tour;

use maud::html;
use thiserror::Error;

use borough_core::area::{search, Area};
use borough_core::content::{Content, ContentError};
use borough_core::contract::{self, attr, class, id};
use borough_core::geo::{BoundarySet, FeatureError, GeometryFileError, MapLayout};

/// Where the build reads the boundaries from, relative to the repository.
pub const GEOMETRY_PATH: &str = "geo/boroughs.geojson";

/// The text in `index.html`'s `<body>` that the page replaces.
pub const PLACEHOLDER: &str = "<!-- page -->";

/// Which story a page opens with: the London-wide one (the home page, `index.html`) or an
/// area's (its own page, `<slug>/index.html`, served as `/<slug>/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    London,
    Area(Area),
}

impl View {
    /// Every page of the site: the home page, then each area's in the order of the list.
    pub fn all() -> impl Iterator<Item = View> {
        std::iter::once(View::London).chain(search("").into_iter().map(View::Area))
    }

    /// The page's folder under the site's root: `""`, or e.g. `"hackney/"`.
    pub fn folder(self) -> String {
        contract::page_folder(self.area())
    }

    /// The page's file in the bundle, e.g. `hackney/index.html`.
    pub fn index_path(self) -> String {
        format!("{}index.html", self.folder())
    }

    /// The site's root relative to the page ([`attr::ROOT`]).
    pub fn root(self) -> &'static str {
        match self {
            View::London => "./",
            View::Area(_) => "../",
        }
    }

    /// The preview image's file in the bundle, e.g. `previews/hackney.png`.
    pub fn preview_path(self) -> String {
        match self {
            View::London => "previews/london.png".to_owned(),
            View::Area(area) => format!("previews/{}.png", area.slug()),
        }
    }

    fn area(self) -> Option<Area> {
        match self {
            View::London => None,
            View::Area(area) => Some(area),
        }
    }
}

/// The body of the home page (see [`render_view`]), for the site at [`meta::DEFAULT_SITE_URL`].
pub fn render(layout: &MapLayout, content: &Content) -> String {
    let site = meta::Site::parse(meta::DEFAULT_SITE_URL).expect("the default address is sound");
    render_view(layout, content, View::London, &site)
}

/// The body of a page: header, map, key, theme picker, list of areas, every area's story, the
/// London-wide story, footer, with the view's story open; each story says its own page's
/// address on `site`. Written with maud, which escapes every value it is given.
pub fn render_view(layout: &MapLayout, content: &Content, view: View, site: &meta::Site) -> String {
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
                // The tour first: shown instead of the stories while the root says which step
                // (`data-tour`, from `?tour=` before the first paint).
                (tour::panel(content))
                (story::areas(content, view.area(), site))
                (story::london(content, view == View::London, site))
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

/// `index` with its `<title>` replaced by `head` and its `<meta name="description">` left out;
/// `None` if it lacks either.
pub fn with_head(index: &str, head: &str) -> Option<String> {
    let title = index.find("<title>")?;
    let title_end = title + index[title..].find("</title>")? + "</title>".len();
    let description = index.find("<meta name=\"description\"")?;
    let mut description_end = description + index[description..].find('>')? + 1;
    // Its line goes with it.
    let line_start = index[..description].trim_end_matches(' ').len();
    let description =
        if index[..line_start].ends_with('\n') && index[description_end..].starts_with('\n') {
            description_end += 1;
            line_start
        } else {
            description
        };
    let mut parts = [(title, title_end, head), (description, description_end, "")];
    parts.sort_by_key(|part| part.0);
    if parts[0].1 > parts[1].0 {
        return None;
    }
    let mut out = String::with_capacity(index.len() + head.len());
    let mut at = 0;
    for (start, end, with) in parts {
        out.push_str(&index[at..start]);
        out.push_str(with);
        at = end;
    }
    out.push_str(&index[at..]);
    Some(out)
}

/// `index` with the view's root attributes on its `<html>` element ([`attr::ROOT`], and
/// [`attr::PAGE_AREA`] on an area's page); `None` if it has no `<html` tag.
pub fn with_root_attributes(index: &str, view: View) -> Option<String> {
    let open = index.find("<html")?;
    let end = open + index[open..].find('>')?;
    let mut attributes = format!(" {}=\"{}\"", attr::ROOT.name, view.root());
    if let Some(area) = view.area() {
        attributes.push_str(&format!(" {}=\"{}\"", attr::PAGE_AREA.name, area.code()));
    }
    Some(format!("{}{attributes}{}", &index[..end], &index[end..]))
}

pub use borough_core::contract::is_relative_url;

/// `html` with every relative `href` and `src` (see [`is_relative_url`]) resolved against
/// `root` (`../`: `./boot.js` becomes `../boot.js`), for a page in a folder under the site's
/// root. The contents of `<script>` and `<style>` elements are not HTML, and stay as they are
/// (their hashes in the Content Security Policy still match).
pub fn at_root(html: &str, root: &str) -> String {
    if root == "./" {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        out.push_str(&resolve_in_tag(tag, root));
        rest = &rest[end..];
        for raw_text in ["<script", "<style"] {
            if tag.starts_with(raw_text) && !tag.ends_with("/>") {
                let close = format!("</{}", &raw_text[1..]);
                let upto = rest.find(&close).unwrap_or(rest.len());
                out.push_str(&rest[..upto]);
                rest = &rest[upto..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn resolve_in_tag(tag: &str, root: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 8);
    let mut rest = tag;
    loop {
        let next = [" href=\"", " src=\""]
            .into_iter()
            .filter_map(|a| rest.find(a).map(|at| at + a.len()))
            .min();
        let Some(start) = next else { break };
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let value = &rest[..rest.find('"').unwrap_or(rest.len())];
        if is_relative_url(value) {
            out.push_str(root);
            out.push_str(value.strip_prefix("./").unwrap_or(value));
        } else {
            out.push_str(value);
        }
        rest = &rest[value.len()..];
    }
    out.push_str(rest);
    out
}

/// Every page of the site (see [`View`]), from a template (the built `index.html`, with its
/// [`PLACEHOLDER`], title and description) and the checked layout and content (see
/// [`checked`]): each page's HTML, with its own head and its story open. All or nothing.
/// (Relative URLs are still the home page's: see [`at_root`].)
pub fn build_pages(
    index: &str,
    layout: &MapLayout,
    content: &Content,
    site: &meta::Site,
) -> Result<Vec<(View, String)>, PageError> {
    View::all()
        .map(|view| {
            let head = meta::head(view, content, site).into_string();
            let page = with_head(index, &head).ok_or(PageError::NoHead)?;
            let page = with_root_attributes(&page, view).ok_or(PageError::NoHead)?;
            let page = into_index(&page, &render_view(layout, content, view, site))
                .ok_or(PageError::NoPlaceholder)?;
            Ok((view, page))
        })
        .collect()
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
    #[error("index.html needs an <html> element, a <title> and a <meta name=\"description\">, which the build replaces on each page")]
    NoHead,
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
    let (layout, content) = checked(geojson, content)?;
    Ok(render(&layout, &content))
}

/// The layout and the content from their texts, refusing what [`checked_body`] refuses.
pub fn checked(geojson: &str, content: &str) -> Result<(MapLayout, Content), PageError> {
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
    Ok((layout, content))
}

#[cfg(test)]
mod tests;
