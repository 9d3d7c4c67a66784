//! Writes the page (see `borough_map::page`) into a built `index.html`, from the repository's
//! boundaries and content. Trunk runs it after every build (`Trunk.toml` hooks), so the page
//! `trunk build` and `trunk serve` publish is always whole.

use std::path::Path;

use borough_map::content::CONTENT_PATH;
use borough_map::page::{self, GEOMETRY_PATH};

pub fn prerender(dist: &Path) -> Result<(), String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository");
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let index_path = dist.join("index.html");
    let html = page::build(
        &read(&index_path)?,
        &read(&repo.join(GEOMETRY_PATH))?,
        &read(&repo.join(CONTENT_PATH))?,
    )
    .map_err(|e| format!("cannot build the page: {e}"))?;
    std::fs::write(&index_path, html).map_err(|e| format!("{}: {e}", index_path.display()))?;
    println!(
        "prerendered the map and every story into {}",
        index_path.display()
    );
    Ok(())
}
