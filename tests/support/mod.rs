//! Shared by the tests: the repository's files, and for the browser tests the server for the
//! built bundle and the browser driver.
#![allow(dead_code)] // each test binary uses its own subset

pub mod browser;
pub mod server;

use std::path::PathBuf;

#[allow(unused_imports)]
pub use browser::Browser;
#[allow(unused_imports)]
pub use server::{Reply, StaticServer};

/// A file of the repository, as text.
pub fn read_repo_file(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The repository's content file, read as the build reads it.
pub fn repo_content() -> borough_core::content::Content {
    borough_core::content::Content::parse(&read_repo_file(borough_core::content::CONTENT_PATH))
}

/// The release bundle the tests run against; `make test` builds it first.
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no build: run `make dist` (or `make test`, which builds it)",
        dist.display()
    );
    dist
}

/// Serves the bundle as built.
pub fn serve() -> StaticServer {
    StaticServer::start(&dist(), vec![])
}

/// Serves the bundle with the app's loader held back: the page exactly as the build wrote it,
/// before (or without) the app. (The page's own inline script still runs.)
pub fn serve_without_app() -> StaticServer {
    StaticServer::start(&dist(), vec![("/boot.js", Reply::body("// held back"))])
}

/// The built `index.html` with everything inside `<body>` replaced by `body`.
pub fn index_with_body(body: &str) -> String {
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    borough_page::with_body(&index, body).unwrap()
}

/// Serves the bundle with `index` as its page (at `/` and `/index.html`).
pub fn serve_page(index: String) -> StaticServer {
    StaticServer::start(
        &dist(),
        vec![
            ("/", Reply::body(index.clone())),
            ("/index.html", Reply::body(index)),
        ],
    )
}
