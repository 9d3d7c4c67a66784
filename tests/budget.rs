//! The size budget: everything a first visit downloads (the page with its inline stylesheet,
//! icon and early script, the loader, the app's glue and its WebAssembly), brotli-compressed as the build writes it beside each file, must
//! stay within 100 KB. The list of files is read from the built page itself, so a new asset
//! cannot slip past.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::dist;

/// 100 KB, in bytes (decimal kilobytes, the stricter reading).
const BUDGET: u64 = 100_000;

/// The local files `index.html` (its `<link>` and `<script>` elements) and the module loader
/// ask for on first load.
fn first_load_files(index: &str, boot: &str) -> Vec<String> {
    let mut files = vec!["index.html".to_owned()];
    let tags = index
        .match_indices('<')
        .map(|(at, _)| tag_at(&index[at + 1..]))
        .filter(|tag| tag.starts_with("link ") || tag.starts_with("script "));
    for tag in tags {
        for attribute in [" href=\"", " src=\""] {
            let Some(start) = tag.find(attribute).map(|i| i + attribute.len()) else {
                continue;
            };
            let url = &tag[start..start + tag[start..].find('"').unwrap()];
            let file = url.trim_start_matches("./");
            if !url.contains(':') && !files.iter().any(|f| f == file) {
                files.push(file.to_owned());
            }
        }
    }
    // boot.js imports the app's module and fetches its WebAssembly.
    for piece in boot.split("\"./").skip(1) {
        let file = &piece[..piece.find('"').unwrap()];
        if !files.iter().any(|f| f == file) {
            files.push(file.to_owned());
        }
    }
    files
}

/// The tag that `html` begins with, up to its closing `>` (one inside a quoted value, as in a
/// `data:` URL, does not close it).
fn tag_at(html: &str) -> &str {
    let mut quote = None;
    for (at, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return &html[..at],
            _ => {}
        }
    }
    html
}

#[test]
fn the_first_load_fits_the_budget_compressed() {
    let dist = dist();
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let files = first_load_files(&read("index.html"), &read("boot.js"));
    for needed in ["boot.js", "borough-map.js", "borough-map_bg.wasm"] {
        assert!(
            files.iter().any(|f| f == needed),
            "{needed} not found in {files:?}"
        );
    }
    let mut total = 0;
    for file in &files {
        let compressed = dist.join(format!("{file}.br"));
        let size = std::fs::metadata(&compressed)
            .unwrap_or_else(|e| {
                panic!("{}: {e} (the build writes .br files)", compressed.display())
            })
            .len();
        println!("{file:<24} {size:>7} bytes brotli");
        total += size;
    }
    println!(
        "{:<24} {total:>7} bytes brotli (budget {BUDGET})",
        "first load"
    );
    assert!(
        total <= BUDGET,
        "the first load is {total} bytes brotli-compressed, over the {BUDGET}-byte budget"
    );
}

#[test]
fn finds_every_file_the_page_asks_for() {
    let index = r#"<html><head><link rel="stylesheet" href="./style.css"><link rel="icon" href="./favicon.svg">
        <link rel="icon" href="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'></svg>">
        <link rel="preload" href="./app_bg.wasm"><script type="module" src="./boot.js"></script>
        <link rel="canonical" href="https://example.org/"></head><body><a href="./elsewhere.html"></a></body></html>"#;
    let boot = r#"import("./app.js"); new URL("./app_bg.wasm", import.meta.url);"#;
    assert_eq!(
        first_load_files(index, boot),
        [
            "index.html",
            "style.css",
            "favicon.svg",
            "app_bg.wasm",
            "boot.js",
            "app.js"
        ]
    );
}
