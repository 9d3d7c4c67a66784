//! Shared by the browser tests: the server for the built bundle and the browser driver.
#![allow(dead_code)] // each test binary uses its own subset

pub mod browser;
pub mod server;

use std::path::PathBuf;

pub use browser::Browser;
#[allow(unused_imports)]
pub use server::{Reply, StaticServer};

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
