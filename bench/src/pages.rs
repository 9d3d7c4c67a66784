//! The three pages under test, each served from its own site: our release bundle, and the D3
//! and Leaflet reference pages of `bench/pages/` with their libraries from `tools/node_modules`.

use std::path::{Path, PathBuf};

use borough_core::area::Area;
use borough_core::content::CONTENT_PATH;
use borough_page::{self as page, GEOMETRY_PATH};
use serde_json::json;

use crate::server::{Asset, Site};

/// The boroughs the runner clicks, in turn: the first as soon as it exists (the page is still
/// loading), the other four once the page has settled, each on a different part of the map.
/// Every page marks its shapes with `data-code`.
pub const CLICKS: [(&str, &str); 5] = [
    ("E09000012", "Hackney"),
    ("E09000029", "Sutton"),
    ("E09000007", "Camden"),
    ("E09000008", "Croydon"),
    ("E09000010", "Enfield"),
];
/// The borough clicked while the page loads: its panel painted is "interactive".
pub const FIRST: (&str, &str) = CLICKS[0];

/// Where the reference pages fetch the project's boundaries (the D3 page with `?geo=` only); the
/// scale run replaces this file on the D3 site. Our page fetches no geometry: the build writes
/// the map into its HTML.
pub const GEOMETRY_URL: &str = "/geo/boroughs.geojson";

/// How the reference pages mark their one panel's title (`pages/shared/panel.js`).
const REFERENCE_PANEL_TITLE: &str = "#panel-title";

/// Our page's shown story, by its title, in the contract's names (as the stylesheet shows it):
/// before the app has taken over (no class `js` on <html>), the story the address's #fragment
/// targets (CSS `:target`); after, the one the app marks open (`data-open`).
fn our_panel_title() -> String {
    use borough_core::contract::{attr, class};
    let (js, story, open) = (
        class::JS.selector,
        class::AREA_PANEL.selector,
        attr::OPEN.selector,
    );
    format!(":root{js} {story}{open} h2, :root:not({js}) {story}:target h2")
}

/// The attributes whose changes may show or hide a panel, so the probe looks again after each:
/// `class` (ours marks its take-over on <html>) and the open story's mark. (The reference
/// pages show their panel by adding nodes, which the probe watches anyway.)
fn watched_attributes() -> [&'static str; 2] {
    ["class", borough_core::contract::attr::OPEN.name]
}

/// Our app marks its take-over of the prerendered page with this class on <html>.
const OUR_APP_READY: &str = ":root.js";

pub struct Page {
    pub label: &'static str,
    /// Path and query the runner opens.
    pub start: &'static str,
    /// Selector of the map's shapes, one per area.
    pub shapes: &'static str,
    /// Selector of the title of the area panel shown (or of every shown one).
    pub panel_title: String,
    /// Selector that matches once the page's own script has taken over, if that is a step of
    /// its own (ours: the WebAssembly app); the runner waits for it before reading memory.
    pub app_ready: Option<&'static str>,
    pub site: Site,
}

impl Page {
    /// The probe's configuration: how this page shows its map and its panel.
    pub fn probe_config(&self, nonce: u64) -> serde_json::Value {
        json!({
            "nonce": nonce,
            "shapes": self.shapes,
            "shapeCount": 33,
            "panelTitle": self.panel_title,
            "attributes": watched_attributes(),
            "panel": ".area-panel",
            "panelReady": ".status",
            "panels": CLICKS.map(|(_, name)| name),
            "appReady": self.app_ready,
        })
    }
}

/// The repository root (this crate's parent folder).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ sits in the repository")
        .to_path_buf()
}

fn io(what: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", what.display())
}

/// Our app exactly as `trunk build --release` left it in `dist/` (prerendered by its post-build
/// hook, with its own `.br` files).
pub fn ours() -> Result<Page, String> {
    let dist = dist()?;
    let mut site = Site::default();
    site.mount_dir("/", &dist).map_err(io(&dist))?;
    Ok(Page {
        label: "ours",
        start: "/",
        shapes: "svg.map path.borough",
        panel_title: our_panel_title(),
        app_ready: Some(OUR_APP_READY),
        site,
    })
}

fn dist() -> Result<PathBuf, String> {
    let dist = repo().join("dist");
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no build: run `PATH=$PWD/tools/node_modules/.bin:$PATH trunk build --release` (or `make dist`) first",
            dist.display()
        ));
    }
    Ok(dist)
}

/// Our release bundle with its page rendered for the boundaries `geojson` instead of the
/// project's: the app draws no geometry at run time, so the map must be in the HTML, written by
/// the project's own prerenderer (`borough_page`) as the build writes it. The
/// new `index.html` is compressed here, as the build's post-build hook compresses its own.
pub fn ours_with_boundaries(geojson: &str) -> Result<Page, String> {
    let mut page = ours()?;
    let index_path = dist()?.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    let content_path = repo().join(CONTENT_PATH);
    let content = std::fs::read_to_string(&content_path).map_err(io(&content_path))?;
    let body = page::checked_body(geojson, &content)
        .map_err(|e| format!("cannot build our page for these boundaries: {e}"))?;
    let html = page::with_body(&index, &body)
        .ok_or_else(|| format!("{} has no <body>…</body>", index_path.display()))?;
    page.site.insert(
        "/index.html",
        Asset::new("/index.html", html.into_bytes(), None),
    );
    Ok(page)
}

/// The floor under every page's first map paint: the 33 areas' shapes (one square each) in a
/// page with nothing else, no stylesheet, script or data, served and throttled like the
/// others. What it takes to paint is the browser's fixed cost (the connection's round trips,
/// the one small document, the first frame), which no map page can go under.
pub fn floor() -> Page {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Floor</title><svg class=\"map\" viewBox=\"0 0 33 1\">",
    );
    for area in Area::all() {
        html.push_str(&format!(
            "<path class=\"borough\" data-code=\"{}\" d=\"M{} 0h1v1h-1z\"/>",
            area.code(),
            area.index()
        ));
    }
    html.push_str("</svg></html>\n");
    let mut site = Site::default();
    site.insert(
        "/index.html",
        Asset::new("/index.html", html.into_bytes(), None),
    );
    Page {
        label: "floor",
        start: "/",
        shapes: "svg.map path.borough",
        panel_title: REFERENCE_PANEL_TITLE.into(),
        app_ready: None,
        site,
    }
}

/// d3-geo, d3-selection and topojson-client, drawing the TopoJSON the project's GeoJSON was
/// derived from (or, with `?geo=`, a GeoJSON file such as the scale set).
pub fn d3() -> Result<Page, String> {
    let root = repo();
    let modules = root.join("tools/node_modules");
    let mut site = reference_site("d3")?;
    for (url, file) in [
        ("/vendor/d3-array.min.js", "d3-array/dist/d3-array.min.js"),
        ("/vendor/d3-geo.min.js", "d3-geo/dist/d3-geo.min.js"),
        (
            "/vendor/d3-selection.min.js",
            "d3-selection/dist/d3-selection.min.js",
        ),
        (
            "/vendor/topojson-client.min.js",
            "topojson-client/dist/topojson-client.min.js",
        ),
        (
            "/data/londonBoroughs.json",
            "vega-datasets/data/londonBoroughs.json",
        ),
    ] {
        let file = modules.join(file);
        site.mount_file(url, &file).map_err(io(&file))?;
    }
    Ok(Page {
        label: "D3",
        start: "/",
        shapes: "svg.map path.borough",
        panel_title: REFERENCE_PANEL_TITLE.into(),
        app_ready: None,
        site,
    })
}

/// The D3 page told to draw the GeoJSON at [`GEOMETRY_URL`] instead of its TopoJSON.
pub fn d3_geojson() -> Result<Page, String> {
    Ok(Page {
        start: "/?geo=geo/boroughs.geojson",
        ..d3()?
    })
}

/// Leaflet 1.9.4 drawing the project's GeoJSON as vector shapes, with no tile layer.
pub fn leaflet() -> Result<Page, String> {
    let dist = repo().join("tools/node_modules/leaflet/dist");
    let mut site = reference_site("leaflet")?;
    for name in ["leaflet.js", "leaflet.css"] {
        let file = dist.join(name);
        site.mount_file(&format!("/vendor/{name}"), &file)
            .map_err(io(&file))?;
    }
    Ok(Page {
        label: "Leaflet",
        start: "/",
        shapes: ".leaflet-overlay-pane path.borough",
        panel_title: REFERENCE_PANEL_TITLE.into(),
        app_ready: None,
        site,
    })
}

/// A reference page's own folder, the panel code both share, and the content and boundaries
/// from the repository (which our build writes into its page instead).
fn reference_site(name: &str) -> Result<Site, String> {
    let root = repo();
    let mut site = Site::default();
    let own = root.join("bench/pages").join(name);
    site.mount_dir("/", &own).map_err(io(&own))?;
    let shared = root.join("bench/pages/shared");
    site.mount_dir("/shared/", &shared).map_err(io(&shared))?;
    let content = root.join(CONTENT_PATH);
    site.mount_file(&format!("/{CONTENT_PATH}"), &content)
        .map_err(io(&content))?;
    let geo = root.join(GEOMETRY_PATH);
    site.mount_file(GEOMETRY_URL, &geo).map_err(io(&geo))?;
    Ok(site)
}

/// Replaces the boundaries a reference page fetches with `geojson` (compressed like every other
/// file).
pub fn with_geometry(mut page: Page, geojson: &[u8]) -> Page {
    page.site.insert(
        GEOMETRY_URL,
        Asset::new(GEOMETRY_URL, geojson.to_vec(), None),
    );
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use borough_core::geo::BoundarySet;

    #[test]
    fn our_scale_page_is_rendered_from_every_feature_of_the_scale_set() {
        let source = std::fs::read_to_string(repo().join(GEOMETRY_PATH)).unwrap();
        let set = serde_json::to_string(&crate::scale::generate(&source).unwrap()).unwrap();
        let parsed = BoundarySet::from_geojson(&set).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let polygons: usize = parsed.boundaries.iter().map(|b| b.polygons.len()).sum();
        assert_eq!(
            polygons,
            crate::scale::census(&serde_json::from_str(&set).unwrap()).1
        );

        let content = std::fs::read_to_string(repo().join(CONTENT_PATH)).unwrap();
        let body = page::checked_body(&set, &content).unwrap();
        // What the probe's selectors rely on: 33 shapes, each story a section with its title in
        // .panel-head and its status, the first clicked borough's among them.
        assert_eq!(body.matches("<path class=\"borough\"").count(), 33);
        assert_eq!(body.matches("class=\"panel area-panel\"").count(), 33);
        let hackney = &body[body.find("id=\"area-hackney\"").unwrap()..];
        let hackney = &hackney[..hackney.find("</section>").unwrap()];
        let head = &hackney[hackney.find("<div class=\"panel-head\">").unwrap()..];
        let head = &head[..head.find("</div>").unwrap()];
        assert!(
            head.contains("<h2 id=\"title-hackney\">Hackney</h2>"),
            "{head}"
        );
        assert!(hackney.contains("class=\"status\""));
        assert!(body.contains("href=\"#area-hackney\""));
        // Every polygon is drawn: one subpath per ring (rings that round to fewer whole view
        // units still get their `M … z`).
        let rings: usize = parsed
            .boundaries
            .iter()
            .flat_map(|b| &b.polygons)
            .map(|p| 1 + p.holes.len())
            .sum();
        let subpaths: usize = body
            .split(" d=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].matches('M').count())
            .sum();
        assert_eq!(subpaths, rings);
        assert!(rings >= polygons && polygons > 4900, "{polygons} polygons");
    }

    #[test]
    fn the_floor_is_the_33_shapes_and_nothing_else() {
        let floor = floor();
        let html = String::from_utf8(floor.site.get("/").unwrap().raw.clone()).unwrap();
        assert_eq!(html.matches("<path class=\"borough\"").count(), 33);
        for area in Area::all() {
            assert!(html.contains(&format!("data-code=\"{}\"", area.code())));
        }
        // No stylesheet, script, image or font: nothing to fetch after the document.
        for fetched in ["<link", "<script", "<img", "<style", "url("] {
            assert!(!html.contains(fetched), "{fetched}");
        }
        assert_eq!(floor.probe_config(1)["shapeCount"], 33);
    }

    #[test]
    fn each_page_names_its_own_panel_title() {
        let page = |panel_title, app_ready| Page {
            label: "x",
            start: "/",
            shapes: "svg.map path.borough",
            panel_title,
            app_ready,
            site: Site::default(),
        };
        let ours = page(our_panel_title(), Some(OUR_APP_READY)).probe_config(7);
        assert_eq!(
            ours["panelTitle"],
            ":root.js .area-panel[data-open] h2, :root:not(.js) .area-panel:target h2"
        );
        assert_eq!(ours["attributes"], json!(["class", "data-open"]));
        assert_eq!(ours["appReady"], ":root.js");
        let d3 = page(REFERENCE_PANEL_TITLE.into(), None).probe_config(8);
        assert_eq!(d3["panelTitle"], "#panel-title");
        assert!(d3["appReady"].is_null());
        assert_eq!(d3["nonce"], 8);
    }
}
