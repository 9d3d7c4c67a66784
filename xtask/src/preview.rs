//! The preview images (`previews/<slug>.png`, 1200×630, what link previews show): the SVG that
//! `borough_page::preview` composes, rendered with resvg, its text set in the one font in
//! `assets/fonts/` (no system font is loaded, so the same input gives the same bytes on any
//! machine). An image is rendered again only when its SVG or the font changes: the last one
//! rendered for each view is kept in `target/previews/` with the SHA-256 of what it came from.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use borough_page::preview::{FONT_FAMILY, FONT_PATH};
use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};

/// Renders preview SVGs with one font and nothing else.
pub struct Renderer {
    options: usvg::Options<'static>,
    font_hash: [u8; 32],
}

impl Renderer {
    /// A renderer with the font in `font` (the bytes of [`FONT_PATH`]) as its only font.
    pub fn new(font: Vec<u8>) -> Result<Renderer, String> {
        let font_hash = Sha256::digest(&font).into();
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(font);
        let has_family = fonts
            .faces()
            .any(|face| face.families.iter().any(|(name, _)| name == FONT_FAMILY));
        if !has_family {
            return Err(format!(
                "{FONT_PATH} is not the font {FONT_FAMILY} (the preview images' font)"
            ));
        }
        let options = usvg::Options {
            font_family: FONT_FAMILY.to_owned(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Ok(Renderer { options, font_hash })
    }

    /// The renderer with the repository's font; a missing font is named.
    pub fn from_repo(repo: &Path) -> Result<Renderer, String> {
        let path = repo.join(FONT_PATH);
        let font = std::fs::read(&path).map_err(|e| {
            format!(
                "cannot render the preview images: their font {} is missing ({e})",
                path.display()
            )
        })?;
        Renderer::new(font)
    }

    /// The PNG of `svg`.
    pub fn render(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options)
            .map_err(|e| format!("preview image: the SVG cannot be read: {e}"))?;
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
            .ok_or("preview image: it has no size")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| format!("preview image: cannot encode the PNG: {e}"))
    }

    /// What the image of `svg` comes from, as hex: the SVG and the font.
    fn key(&self, svg: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(self.font_hash);
        hash.update(svg.as_bytes());
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The PNG of `svg`, from `cache` (a folder) if it was rendered there from the same SVG and
    /// font, else rendered and kept there under `name`. Whether it was rendered is returned too.
    pub fn render_cached(
        &self,
        svg: &str,
        cache: &Path,
        name: &str,
    ) -> Result<(Vec<u8>, bool), String> {
        let key = self.key(svg);
        let png_path = cache.join(format!("{name}.png"));
        let key_path = cache.join(format!("{name}.sha256"));
        if std::fs::read_to_string(&key_path).is_ok_and(|k| k == key) {
            if let Ok(png) = std::fs::read(&png_path) {
                return Ok((png, false));
            }
        }
        let png = self.render(svg)?;
        // The cache only saves time: failing to keep an image is not an error.
        if std::fs::create_dir_all(cache).is_ok() && std::fs::write(&png_path, &png).is_ok() {
            let _ = std::fs::write(&key_path, &key);
        }
        Ok((png, true))
    }
}

/// Where rendered images are kept between builds.
pub fn cache_dir(repo: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| repo.join("target"), PathBuf::from)
        .join("previews")
}

#[cfg(test)]
mod tests {
    use super::*;
    use borough_page::{checked, View};

    fn repo() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
    }

    fn svg(view: View) -> String {
        let read = |path: &str| std::fs::read_to_string(repo().join(path)).unwrap();
        let (layout, content) = checked(
            &read(borough_page::GEOMETRY_PATH),
            &read(borough_core::content::CONTENT_PATH),
        )
        .unwrap();
        borough_page::preview::svg(&layout, &content, view)
    }

    /// Width and height from a PNG's header.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        (number(16), number(20))
    }

    #[test]
    fn a_preview_is_a_1200_by_630_png_with_the_same_bytes_every_time() {
        let renderer = Renderer::from_repo(repo()).unwrap();
        let hackney = View::Area(borough_core::area::Area::parse("hackney").unwrap());
        let svg = svg(hackney);
        let first = renderer.render(&svg).unwrap();
        assert_eq!(png_size(&first), (1200, 630));
        assert_eq!(renderer.render(&svg).unwrap(), first);
        let again = Renderer::from_repo(repo()).unwrap().render(&svg).unwrap();
        assert_eq!(again, first);
        // Another view, another image.
        assert_ne!(renderer.render(&self::svg(View::London)).unwrap(), first);
    }

    #[test]
    fn the_cache_gives_back_what_was_rendered_and_renders_again_on_a_change() {
        let renderer = Renderer::from_repo(repo()).unwrap();
        let cache = std::env::temp_dir().join(format!("xtask-previews-{}", std::process::id()));
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>";
        let (png, rendered) = renderer.render_cached(svg, &cache, "x").unwrap();
        assert!(rendered);
        assert_eq!(png_size(&png), (20, 10));
        assert_eq!(
            renderer.render_cached(svg, &cache, "x").unwrap(),
            (png.clone(), false)
        );
        let other = svg.replace("width=\"5\"", "width=\"6\"");
        assert!(renderer.render_cached(&other, &cache, "x").unwrap().1);
        std::fs::remove_dir_all(&cache).unwrap();
    }

    #[test]
    fn a_missing_or_wrong_font_is_named() {
        let missing = Renderer::from_repo(Path::new("/nowhere")).err().unwrap();
        assert!(missing.contains(FONT_PATH), "{missing}");
        let wrong = Renderer::new(b"not a font".to_vec()).err().unwrap();
        assert!(wrong.contains(FONT_PATH), "{wrong}");
    }
}
