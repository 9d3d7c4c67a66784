//! Writes the static story (see `borough_map::static_story`) into a built `index.html`, in
//! place of the placeholder inside its `<noscript>`.

use std::path::Path;

use borough_map::content::Content;
use borough_map::geo::{BoundarySet, MapLayout};
use borough_map::static_story;

/// The text inside `<noscript id="static-story">` in `index.html` that the story replaces.
pub const PLACEHOLDER: &str = "static-story-placeholder";

pub fn prerender(dist: &Path) -> Result<(), String> {
    let read = |path: &str| {
        std::fs::read_to_string(dist.join(path))
            .map_err(|e| format!("{}: {e}", dist.join(path).display()))
    };
    let set = BoundarySet::from_geojson(&read("geo/boroughs.geojson")?)
        .map_err(|e| format!("geo/boroughs.geojson {e}"))?;
    let layout = MapLayout::new(&set).ok_or("geo/boroughs.geojson cannot be fitted")?;
    let content = Content::parse(&read("content/londoners-did.json")?);
    // The build publishes only sound content; the app reports problems at run time instead.
    if let Some(problem) = content.problems.first() {
        return Err(problem.to_string());
    }
    let index = read("index.html")?;
    if !index.contains(PLACEHOLDER) {
        return Err(format!(
            "index.html has no {PLACEHOLDER:?} to replace (already prerendered?)"
        ));
    }
    let html = index.replacen(PLACEHOLDER, &static_story::render(&layout, &content), 1);
    std::fs::write(dist.join("index.html"), html).map_err(|e| e.to_string())?;
    println!(
        "prerendered the static story into {}",
        dist.join("index.html").display()
    );
    Ok(())
}
