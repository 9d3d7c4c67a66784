//! The static server of the browser tests and the benchmark: serves a built bundle as a
//! static host would. tower-http's `ServeDir` sends the files, the precompressed `.br` or
//! `.gz` beside each when the browser accepts it, with their types and status codes; every
//! answer carries the headers of the bundle's `_headers`. Around that, what a test needs:
//! replies that replace one path (a 404, a broken file), scripts put first in every page
//! (allowed by their hashes in the policy), a `report-uri` whose reports are handed to the
//! test, a policy without WebAssembly, and paths held back until the test releases them.

mod headers;
mod html;

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use http::{header, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub use headers::{csp_hash, PolicyChanges};

/// Where pages and browsers send reports (collected errors, policy violations).
pub const REPORT_PATH: &str = "/__report";

/// What the server answers for one path instead of the file.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            body: format!("{status}").into_bytes(),
        }
    }

    pub fn body(body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            body: body.into(),
        }
    }
}

/// A report that reached the server: an error a page's collector sent, or a policy violation
/// the browser reported. `id` tells repeated deliveries of one report apart from new ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub id: String,
    pub message: String,
}

pub type ReportSink = Arc<dyn Fn(Report) + Send + Sync>;

/// What to serve and how.
#[derive(Clone, Default)]
pub struct Config {
    pub root: PathBuf,
    /// Answers for these paths instead of the files (e.g. `/borough-map_bg.wasm`).
    pub replies: Vec<(String, Reply)>,
    /// Scripts put first in the head of every page, allowed by hash in the served policy.
    pub head_scripts: Vec<String>,
    /// Makes the policy report violations to `REPORT_PATH`; reports go to this sink.
    pub reports: Option<ReportSink>,
    /// Takes `'wasm-unsafe-eval'` out of the policy.
    pub forbid_webassembly: bool,
    /// Paths whose answer waits until `Server::release` (a slow network for one file).
    pub held: Vec<String>,
}

impl Config {
    pub fn new(root: &Path) -> Config {
        Config {
            root: root.to_path_buf(),
            ..Config::default()
        }
    }
}

struct State {
    config: Config,
    headers: Vec<(String, String)>,
    replies: HashMap<String, Reply>,
    files: ServeDir,
    released: tokio::sync::watch::Receiver<bool>,
}

/// A running server on a free loopback port; it stops when dropped.
pub struct Server {
    port: u16,
    release: tokio::sync::watch::Sender<bool>,
    accepting: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts serving on the current tokio runtime.
    pub fn start(config: Config) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let (release, released) = tokio::sync::watch::channel(false);
        let state = Arc::new(State::new(config, released));
        let accepting = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = state.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(state.answer(request).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Ok(Server {
            port,
            release,
            accepting,
        })
    }

    /// The full URL of `path_and_query` on this server, e.g. `url("/?borough=hackney")`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://127.0.0.1:{}{path_and_query}", self.port)
    }

    /// Lets the held paths be answered, now and from now on.
    pub fn release(&self) {
        let _ = self.release.send(true);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

type Body = UnsyncBoxBody<Bytes, std::io::Error>;

impl State {
    fn new(config: Config, released: tokio::sync::watch::Receiver<bool>) -> State {
        let changes = PolicyChanges {
            inline_scripts: config.head_scripts.clone(),
            report_uri: config.reports.as_ref().map(|_| REPORT_PATH.to_owned()),
            forbid_webassembly: config.forbid_webassembly,
        };
        let headers = std::fs::read_to_string(config.root.join("_headers"))
            .map(|text| headers::bundle_headers(&text))
            .unwrap_or_default()
            .into_iter()
            .map(
                |(name, value)| match name.eq_ignore_ascii_case("content-security-policy") {
                    true => (name, headers::changed_policy(&value, &changes)),
                    false => (name, value),
                },
            )
            .collect();
        let replies = config.replies.iter().cloned().collect();
        let files = ServeDir::new(&config.root)
            .precompressed_br()
            .precompressed_gzip();
        State {
            config,
            headers,
            replies,
            files,
            released,
        }
    }

    async fn answer(&self, request: Request<Incoming>) -> Response<Body> {
        let path = request.uri().path().to_owned();
        if path == REPORT_PATH && request.method() == Method::POST {
            return self.receive_report(request).await;
        }
        if self.config.held.contains(&path) {
            let _ = self.released.clone().wait_for(|released| *released).await;
        }
        let mut response = match self.page_or_reply(&path) {
            Some((status, body, is_page)) => {
                let mut response = Response::new(full(body));
                *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
                let kind = if is_page {
                    "text/html; charset=utf-8"
                } else {
                    content_type(&path)
                };
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
                response
            }
            None => match self.files.clone().oneshot(request).await {
                Ok(response) => {
                    response.map(|body| body.map_err(std::io::Error::other).boxed_unsync())
                }
                Err(never) => match never {},
            },
        };
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                header::HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }

    /// A reply for `path`, or its page with the head scripts put in: status, body, and
    /// whether it is a page.
    fn page_or_reply(&self, path: &str) -> Option<(u16, Vec<u8>, bool)> {
        let is_page = |p: &str| p.ends_with('/') || p.ends_with(".html");
        if let Some(reply) = self.replies.get(path) {
            let body = match is_page(path) && !self.config.head_scripts.is_empty() {
                true => self.with_scripts(&reply.body),
                false => reply.body.clone(),
            };
            return Some((reply.status, body, is_page(path)));
        }
        if !is_page(path) || self.config.head_scripts.is_empty() {
            return None;
        }
        let relative = path.trim_start_matches('/');
        if relative.split('/').any(|part| part == "..") {
            return None;
        }
        let mut file = self.config.root.join(relative);
        if path.ends_with('/') {
            file = file.join("index.html");
        }
        let page = std::fs::read(file).ok()?;
        Some((200, self.with_scripts(&page), true))
    }

    fn with_scripts(&self, page: &[u8]) -> Vec<u8> {
        html::with_head_scripts(&String::from_utf8_lossy(page), &self.config.head_scripts)
            .into_bytes()
    }

    async fn receive_report(&self, request: Request<Incoming>) -> Response<Body> {
        let body = request
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        if let (Some(sink), Some(report)) = (&self.config.reports, parse_report(&body)) {
            sink(report);
        }
        let mut response = Response::new(full(Vec::new()));
        *response.status_mut() = StatusCode::NO_CONTENT;
        response
    }
}

/// A collector's `{"id", "message"}`, or a browser's `{"csp-report": {…}}`, whose id is its
/// message, as the collector also reports the same violation under that id.
fn parse_report(body: &[u8]) -> Option<Report> {
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    if let Some(csp) = json.get("csp-report") {
        let field = |name: &str| csp[name].as_str().unwrap_or_default().to_owned();
        let directive = Some(field("effective-directive"))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| field("violated-directive"));
        let message = violation_message(&directive, &field("blocked-uri"), &field("document-uri"));
        return Some(Report {
            id: message.clone(),
            message,
        });
    }
    Some(Report {
        id: json["id"].as_str()?.to_owned(),
        message: json["message"].as_str()?.to_owned(),
    })
}

/// How a policy violation is reported, by the browser or by a page's own collector.
pub fn violation_message(directive: &str, blocked: &str, document: &str) -> String {
    // Browsers differ in how much of the address they report: the path is enough.
    let document = document.split(['?', '#']).next().unwrap_or_default();
    format!("Content Security Policy: {directive} blocked {blocked} in {document}")
}

fn full(body: Vec<u8>) -> Body {
    Full::new(Bytes::from(body))
        .map_err(|never: Infallible| match never {})
        .boxed_unsync()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests;
