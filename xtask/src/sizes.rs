//! Prints the raw, gzip and brotli size of every file in a folder: what a visitor downloads.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;

/// Sizes in bytes of one file as served plainly, gzipped (level 9) and brotli'd (quality 11).
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn measure(bytes: &[u8]) -> Sizes {
    let mut gzip = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes).expect("writing to memory");
    let gzip = gzip.finish().expect("writing to memory").len();
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params).expect("writing to memory");
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: brotli.len(),
    }
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
