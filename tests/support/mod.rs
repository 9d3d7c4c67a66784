//! Shared by the tests: the repository's files, and for the browser tests the server for the
//! built bundle, the browsers and a way to run one test on each engine.
#![allow(dead_code)] // each test binary uses its own subset

pub mod browser;
mod errors;
mod pool;
pub mod server;

use std::future::Future;
use std::path::PathBuf;

#[allow(unused_imports)]
pub use browser::Browser;
#[allow(unused_imports)]
pub use headless::{Engine, Scripts};
#[allow(unused_imports)]
pub use server::{Reply, StaticServer};

/// Runs one browser test, `test`, on `engine`: on the binary's shared runtime (where its
/// browsers live), with a record of its own for the errors its pages report.
pub fn run<F: Future<Output = ()>>(engine: Engine, test: impl FnOnce(Engine) -> F) {
    pool::block_on(errors::scope(test(engine)));
}

/// For each `name` listed, an `async fn name(engine: Engine)`, a test on each engine given
/// (`chromium`, `firefox`, `webkit`, or `all` for the three): `name::chromium`,
/// `name::firefox`, …, so that a failure names its engine, and the engines run in parallel.
#[macro_export]
macro_rules! browser_tests {
    (@one $name:ident [$($engine:ident),+]) => {
        mod $name {
            $(
                #[test]
                fn $engine() {
                    $crate::support::run($crate::support::engine(stringify!($engine)), super::$name);
                }
            )+
        }
    };
    (all: $($name:ident),+ $(,)?) => {
        $crate::browser_tests!([chromium, firefox, webkit]: $($name),+);
    };
    ($engines:tt: $($name:ident),+ $(,)?) => {
        $($crate::browser_tests!(@one $name $engines);)+
    };
}

/// The engine a test named `chromium`, `firefox` or `webkit` runs on.
pub fn engine(name: &str) -> Engine {
    match name {
        "chromium" => Engine::Chromium,
        "firefox" => Engine::Firefox,
        "webkit" => Engine::WebKit,
        other => panic!("no engine called {other}"),
    }
}

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

/// Serves the bundle with its WebAssembly held back until `release` (a slow network, for the
/// app only): the page paints and can be measured before the app takes it over.
pub fn serve_holding_the_app() -> StaticServer {
    let mut config = StaticServer::config(&dist());
    config.held = vec!["/borough-map_bg.wasm".into()];
    StaticServer::with(config)
}

/// Serves the bundle under a policy without `'wasm-unsafe-eval'`: no WebAssembly can run.
pub fn serve_forbidding_webassembly() -> StaticServer {
    let mut config = StaticServer::config(&dist());
    config.forbid_webassembly = true;
    StaticServer::with(config)
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
