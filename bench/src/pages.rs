//! The three pages under test, each served from its own site: our release bundle, and the D3
//! and Leaflet reference pages of `bench/pages/` with their libraries from `tools/node_modules`.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::server::{Asset, Site};

/// The borough the runner clicks first (as soon as it exists), then the one it clicks once the
/// page has settled. Every page marks its shapes with `data-code`.
pub const FIRST: (&str, &str) = ("E09000012", "Hackney");
pub const SECOND: (&str, &str) = ("E09000029", "Sutton");

/// Where the app fetches its boundaries; the scale run replaces this file on both sites.
pub const GEOMETRY_URL: &str = "/geo/boroughs.geojson";

pub struct Page {
    pub label: &'static str,
    /// Path and query the runner opens.
    pub start: &'static str,
    /// Selector of the map's shapes, one per area.
    pub shapes: &'static str,
    pub site: Site,
}

impl Page {
    /// The probe's configuration: how this page shows its map and its panel.
    pub fn probe_config(&self, nonce: u64) -> serde_json::Value {
        json!({
            "nonce": nonce,
            "shapes": self.shapes,
            "shapeCount": 33,
            "panelTitle": "#panel-title",
            "panel": ".area-panel",
            "panelReady": ".status",
            "panels": [FIRST.1, SECOND.1],
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

/// Our app exactly as `trunk build --release` left it in `dist/`.
pub fn ours() -> Result<Page, String> {
    let dist = repo().join("dist");
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no build: run `PATH=$PWD/tools/node_modules/.bin:$PATH trunk build --release` (or `make dist`) first",
            dist.display()
        ));
    }
    let mut site = Site::default();
    site.mount_dir("/", &dist).map_err(io(&dist))?;
    Ok(Page {
        label: "ours",
        start: "/",
        shapes: "svg.map path.borough",
        site,
    })
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
        site,
    })
}

/// A reference page's own folder, the panel code both share, and the same content and
/// boundaries our app fetches.
fn reference_site(name: &str) -> Result<Site, String> {
    let root = repo();
    let mut site = Site::default();
    let own = root.join("bench/pages").join(name);
    site.mount_dir("/", &own).map_err(io(&own))?;
    let shared = root.join("bench/pages/shared");
    site.mount_dir("/shared/", &shared).map_err(io(&shared))?;
    let content = root.join("content/londoners-did.json");
    site.mount_file("/content/londoners-did.json", &content)
        .map_err(io(&content))?;
    let geo = root.join("geo/boroughs.geojson");
    site.mount_file(GEOMETRY_URL, &geo).map_err(io(&geo))?;
    Ok(site)
}

/// Replaces the boundaries a page fetches with `geojson` (compressed like every other file).
pub fn with_geometry(mut page: Page, geojson: &[u8]) -> Page {
    page.site.insert(
        GEOMETRY_URL,
        Asset::new(GEOMETRY_URL, geojson.to_vec(), None),
    );
    page
}
