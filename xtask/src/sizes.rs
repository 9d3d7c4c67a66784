//! Sizes and precompression of the bundle: what a visitor downloads, raw, gzip and brotli.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

/// Sizes in bytes of one file as served plainly, gzipped (level 9) and brotli'd (quality 11).
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gzip = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes).expect("writing to memory");
    gzip.finish().expect("writing to memory")
}

/// Brotli at quality 11 with a 4 MiB window: the `.br` files the build writes, and what the
/// benchmark serves where a page has none.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

pub fn measure(bytes: &[u8]) -> Sizes {
    Sizes {
        raw: bytes.len(),
        gzip: gzip(bytes).len(),
        brotli: brotli(bytes).len(),
    }
}

/// Writes `X.br` and `X.gz` beside every text or WebAssembly file in `dir`, for static hosts
/// that serve precompressed files (nginx's gzip_static and brotli_static, for one).
pub fn precompress(dir: &Path) -> Result<(), String> {
    precompress_with_cache(dir, None)
}

/// [`precompress`], taking a file's compressed forms from `cache` (a folder, keyed by the
/// SHA-256 of its bytes) when it was compressed before, and keeping them there: a `trunk serve`
/// rebuild compresses only what changed, not the 34 pages every time.
pub fn precompress_with_cache(dir: &Path, cache: Option<&Path>) -> Result<(), String> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    let compressible = [
        "html", "js", "wasm", "css", "json", "geojson", "svg", "csv", "xml",
    ];
    for file in files {
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !compressible.contains(&extension) {
            continue;
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let key: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        for (suffix, pack) in [("br", brotli as fn(&[u8]) -> Vec<u8>), ("gz", gzip)] {
            let cached = cache.map(|c| c.join(format!("{key}.{suffix}")));
            let packed = match cached.as_ref().and_then(|c| std::fs::read(c).ok()) {
                Some(packed) => packed,
                None => {
                    let packed = pack(&bytes);
                    // The cache only saves time: failing to keep a file is not an error.
                    if let (Some(cache), Some(cached)) = (cache, &cached) {
                        if std::fs::create_dir_all(cache).is_ok() {
                            let _ = std::fs::write(cached, &packed);
                        }
                    }
                    packed
                }
            };
            let target = PathBuf::from(format!("{}.{suffix}", file.display()));
            std::fs::write(&target, packed).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

pub fn print(dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    files.retain(|f| !matches!(f.extension().and_then(|e| e.to_str()), Some("br" | "gz")));
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{} holds no files: build it first (make dist)",
            dir.display()
        ));
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let s = measure(&bytes);
        let name = file.strip_prefix(dir).unwrap_or(file).display().to_string();
        println!("{name:<44} {:>10} {:>10} {:>10}", s.raw, s.gzip, s.brotli);
        total.raw += s.raw;
        total.gzip += s.gzip;
        total.brotli += s.brotli;
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total", total.raw, total.gzip, total.brotli
    );
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precompress_writes_brotli_and_gzip_beside_text_files_only() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("geo")).unwrap();
        let text = "{\"type\":\"FeatureCollection\"}".repeat(50);
        std::fs::write(dir.join("geo/boroughs.geojson"), &text).unwrap();
        std::fs::write(dir.join("_headers"), "/*").unwrap();
        precompress(&dir).unwrap();
        let br = std::fs::read(dir.join("geo/boroughs.geojson.br")).unwrap();
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, text.as_bytes());
        assert!(dir.join("geo/boroughs.geojson.gz").is_file());
        assert!(!dir.join("_headers.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_cache_gives_the_same_files() {
        let dir = std::env::temp_dir().join(format!("xtask-cached-{}", std::process::id()));
        let cache = dir.join("cache");
        std::fs::create_dir_all(dir.join("site")).unwrap();
        let text = "<p>London</p>".repeat(50);
        std::fs::write(dir.join("site/index.html"), &text).unwrap();
        precompress_with_cache(&dir.join("site"), Some(&cache)).unwrap();
        let first = std::fs::read(dir.join("site/index.html.br")).unwrap();
        assert_eq!(first, brotli(text.as_bytes()));
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 2);
        std::fs::remove_file(dir.join("site/index.html.br")).unwrap();
        precompress_with_cache(&dir.join("site"), Some(&cache)).unwrap();
        assert_eq!(
            std::fs::read(dir.join("site/index.html.br")).unwrap(),
            first
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "London ".repeat(1000);
        let s = measure(text.as_bytes());
        assert_eq!(s.raw, 7000);
        assert!(
            s.gzip < 100 && s.brotli < 100,
            "gzip {} brotli {}",
            s.gzip,
            s.brotli
        );
    }
}
