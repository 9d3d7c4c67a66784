//! The test's static server (the `testserver` crate, shared with the benchmark), with the
//! error collector put first in every page and the reports going to the running test.

use std::path::Path;

pub use testserver::{Config, Reply};

use super::errors;

const COLLECTOR: &str = include_str!("collector.js");

pub struct StaticServer {
    server: testserver::Server,
}

impl StaticServer {
    /// Serves `root`, with `replies` answering the given paths (e.g. `/borough-map_bg.wasm`).
    pub fn start(root: &Path, replies: Vec<(&str, Reply)>) -> StaticServer {
        let mut config = StaticServer::config(root);
        config.replies = replies
            .into_iter()
            .map(|(path, reply)| (path.to_owned(), reply))
            .collect();
        StaticServer::with(config)
    }

    /// What `start` serves, to change before `with`.
    pub fn config(root: &Path) -> Config {
        let mut config = Config::new(root);
        config.head_scripts = vec![COLLECTOR.to_owned()];
        config.reports = Some(errors::sink());
        config
    }

    pub fn with(config: Config) -> StaticServer {
        StaticServer {
            server: testserver::Server::start(config).expect("start the test server"),
        }
    }

    /// The full URL of `path_and_query` on this server, e.g. `url("/?borough=hackney")`.
    pub fn url(&self, path_and_query: &str) -> String {
        self.server.url(path_and_query)
    }

    /// Lets the held paths be answered.
    pub fn release(&self) {
        self.server.release();
    }
}
