//! A small static file server for the browser tests: serves `dist/` on a free loopback port,
//! with per-path replacements so a test can break one file (a 404, a malformed body) and see
//! how the page copes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the server answers for one path instead of the file in `dist/`.
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

pub struct StaticServer {
    port: u16,
}

/// The headers `_headers` (shipped in the bundle for static hosts) gives every path, so the
/// tests run the app under the policy partners will serve it with.
fn bundle_headers(root: &Path) -> String {
    let Ok(text) = std::fs::read_to_string(root.join("_headers")) else {
        return String::new();
    };
    text.lines()
        .skip_while(|line| line.trim() != "/*")
        .skip(1)
        .take_while(|line| line.starts_with(' '))
        .map(|line| format!("{}\r\n", line.trim()))
        .collect()
}

impl StaticServer {
    /// Serves `root`, with `replies` answering the given paths (e.g. `/geo/boroughs.geojson`).
    pub fn start(root: &Path, replies: Vec<(&str, Reply)>) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let root = root.to_path_buf();
        let headers = Arc::new(bundle_headers(&root));
        let replies: Arc<HashMap<String, Reply>> = Arc::new(
            replies
                .into_iter()
                .map(|(path, reply)| (path.to_owned(), reply))
                .collect(),
        );
        // The thread ends with the test process.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, replies, headers) = (root.clone(), replies.clone(), headers.clone());
                std::thread::spawn(move || serve(stream, &root, &replies, &headers));
            }
        });
        StaticServer { port }
    }

    /// The full URL of `path_and_query` on this server, e.g. `url("/?borough=hackney")`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://127.0.0.1:{}{path_and_query}", self.port)
    }
}

fn serve(mut stream: TcpStream, root: &Path, replies: &HashMap<String, Reply>, headers: &str) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers: nothing in them changes the answer.
    let mut header = String::new();
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, body, content_type) = match replies.get(path) {
        Some(reply) => (reply.status, reply.body.clone(), content_type(path)),
        None => match read_file(root, path) {
            Some((body, file)) => (200, body, content_type(&file.to_string_lossy())),
            None => (404, b"not found".to_vec(), "text/plain"),
        },
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{headers}Connection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Error" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn read_file(root: &Path, path: &str) -> Option<(Vec<u8>, PathBuf)> {
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = root.join(path.trim_start_matches('/'));
    if file.is_dir() {
        file = file.join("index.html");
    }
    std::fs::read(&file).ok().map(|body| (body, file))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "text/html; charset=utf-8",
    }
}
