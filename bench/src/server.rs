//! The pages under test, served by the tests' static server (the `testserver` crate:
//! tower-http's `ServeDir`), one server per page on a free loopback port.
//!
//! Every file is read and compressed once, before any measurement, so that compression time
//! never shows up in a load: each site is written to a folder of its own, every file with a
//! `.br` beside it (a precompressed `X.br` beside `X` wins, as a build would ship it; otherwise
//! the file is compressed here at quality 11). The server sends the `.br` when the browser
//! accepts it. All pages are served the same way, so their byte counts compare fairly.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
/// One file as it can be sent: its bytes, and its brotli form when worth having (the server
/// gives its type by its name).
#[derive(Clone, Debug)]
pub struct Asset {
    pub raw: Vec<u8>,
    pub brotli: Option<Vec<u8>>,
}

impl Asset {
    /// Builds the asset for `name` (used for its extension), compressing it if its type is text
    /// or WebAssembly and no precompressed form is given.
    pub fn new(name: &str, raw: Vec<u8>, precompressed: Option<Vec<u8>>) -> Asset {
        let extension = name.rsplit('.').next().unwrap_or("");
        let brotli =
            precompressed.or_else(|| compressible(extension).then(|| xtask::sizes::brotli(&raw)));
        Asset { raw, brotli }
    }
}

/// The files of one page, by URL path (`/`, `/index.html`, `/geo/boroughs.geojson`, ...).
#[derive(Clone, Debug, Default)]
pub struct Site {
    assets: HashMap<String, Asset>,
}

impl Site {
    /// Adds every file under `dir` at `url_prefix` (e.g. `/` or `/vendor/`); `index.html` is
    /// also served for its folder.
    pub fn mount_dir(&mut self, url_prefix: &str, dir: &Path) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let url = format!("{}{name}", with_slash(url_prefix));
            if path.is_dir() {
                self.mount_dir(&url, &path)?;
            } else if !name.ends_with(".br") {
                self.mount_file(&url, &path)?;
            }
        }
        Ok(())
    }

    /// Adds one file at `url`, with its `.br` sibling as its compressed form if there is one.
    pub fn mount_file(&mut self, url: &str, file: &Path) -> std::io::Result<()> {
        let raw = std::fs::read(file)?;
        let mut br_name = file.as_os_str().to_owned();
        br_name.push(".br");
        let precompressed = std::fs::read(&br_name).ok();
        self.insert(url, Asset::new(url, raw, precompressed));
        Ok(())
    }

    pub fn insert(&mut self, url: &str, asset: Asset) {
        if let Some(folder) = url.strip_suffix("index.html") {
            self.assets.insert(folder.to_owned(), asset.clone());
        }
        self.assets.insert(url.to_owned(), asset);
    }

    #[cfg(test)]
    pub fn get(&self, url: &str) -> Option<&Asset> {
        self.assets.get(url)
    }
}

fn with_slash(prefix: &str) -> String {
    if prefix.ends_with('/') {
        prefix.to_owned()
    } else {
        format!("{prefix}/")
    }
}

/// no-store: each run must download everything, as a first visit does.
const HEADERS: &str = "/*\n  Cache-Control: no-store\n";

impl Site {
    /// Writes every file, with its `.br` form if it has one, under `dir`, and the headers the
    /// server gives them in `dir/_headers`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::write(dir.join("_headers"), HEADERS)?;
        for (url, asset) in &self.assets {
            if url.ends_with('/') {
                continue; // served as its index.html
            }
            let file = dir.join(url.trim_start_matches('/'));
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&file, &asset.raw)?;
            if let Some(brotli) = &asset.brotli {
                let mut br = file.into_os_string();
                br.push(".br");
                std::fs::write(br, brotli)?;
            }
        }
        Ok(())
    }
}

/// A running server; it stops when dropped.
pub struct Server {
    server: testserver::Server,
    _files: TempDir,
}

impl Server {
    pub fn start(site: Site) -> std::io::Result<Server> {
        let files = TempDir::new()?;
        site.write_to(&files.0)?;
        let server = testserver::Server::start(testserver::Config::new(&files.0))?;
        Ok(Server {
            server,
            _files: files,
        })
    }

    /// The full URL of `path_and_query` on this server.
    pub fn url(&self, path_and_query: &str) -> String {
        self.server.url(path_and_query)
    }
}

/// A folder of its own under the system's temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "borough-map-bench-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn compressible(extension: &str) -> bool {
    matches!(
        extension,
        "html" | "js" | "mjs" | "wasm" | "css" | "json" | "geojson" | "svg"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_each_file_with_its_brotli_form_and_the_headers() {
        let mut site = Site::default();
        site.insert(
            "/index.html",
            Asset::new("index.html", b"<p>hi</p>".repeat(50), None),
        );
        site.insert("/a.png", Asset::new("a.png", vec![1, 2, 3], None));
        let dir = TempDir::new().unwrap();
        site.write_to(&dir.0).unwrap();
        let read = |name: &str| std::fs::read(dir.0.join(name)).ok();
        assert_eq!(read("index.html"), Some(b"<p>hi</p>".repeat(50)));
        assert!(read("index.html.br").is_some_and(|br| br.len() < 450));
        assert!(read("a.png.br").is_none(), "a PNG is not worth compressing");
        assert!(String::from_utf8(read("_headers").unwrap())
            .unwrap()
            .contains("no-store"));
    }
}
