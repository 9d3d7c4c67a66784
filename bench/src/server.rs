//! A small static HTTP/1.1 server on a free loopback port, one per page under test.
//!
//! Every file is read and compressed once, before any measurement, so that compression time
//! never shows up in a load. Brotli is served when the browser accepts it: a precompressed
//! `X.br` beside `X` wins (what a build would ship), otherwise the file is compressed here at
//! quality 11. All pages are served the same way, so their byte counts compare fairly.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;

/// One file as it can be sent: its type, its bytes, and its brotli form when worth having.
#[derive(Clone, Debug)]
pub struct Asset {
    pub content_type: &'static str,
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
        Asset {
            content_type: content_type(extension),
            raw,
            brotli,
        }
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
}

fn with_slash(prefix: &str) -> String {
    if prefix.ends_with('/') {
        prefix.to_owned()
    } else {
        format!("{prefix}/")
    }
}

/// A running server; its threads end with the process.
pub struct Server {
    port: u16,
}

impl Server {
    pub fn start(site: Site) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let site = Arc::new(site);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                std::thread::spawn(move || serve_connection(stream, &site));
            }
        });
        Ok(Server { port })
    }

    /// The full URL of `path_and_query` on this server.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://127.0.0.1:{}{path_and_query}", self.port)
    }
}

/// Answers requests on one keep-alive connection until the browser closes it.
fn serve_connection(stream: TcpStream, site: &Site) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let response = respond(site, &request);
        if writer.write_all(&response).is_err() {
            return;
        }
    }
}

#[derive(Debug, PartialEq)]
struct Request {
    method: String,
    path: String,
    accepts_brotli: bool,
}

fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_owned();
    let target = words.next()?;
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    let mut accepts_brotli = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("accept-encoding") {
                accepts_brotli = value.split(',').any(|coding| {
                    let coding = coding.split(';').next().unwrap_or("").trim();
                    coding.eq_ignore_ascii_case("br")
                });
            }
        }
    }
    Some(Request {
        method,
        path,
        accepts_brotli,
    })
}

fn respond(site: &Site, request: &Request) -> Vec<u8> {
    let Some(asset) = site.assets.get(&request.path) else {
        let mut response = head(404, "text/plain", None, 9).into_bytes();
        response.extend_from_slice(b"not found");
        return response;
    };
    let (body, encoding) = match (&asset.brotli, request.accepts_brotli) {
        (Some(brotli), true) => (brotli.as_slice(), Some("br")),
        _ => (asset.raw.as_slice(), None),
    };
    let mut response = head(200, asset.content_type, encoding, body.len()).into_bytes();
    if request.method != "HEAD" {
        response.extend_from_slice(body);
    }
    response
}

fn head(status: u16, content_type: &str, encoding: Option<&str>, length: usize) -> String {
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let encoding = encoding
        .map(|e| format!("Content-Encoding: {e}\r\n"))
        .unwrap_or_default();
    // no-store: each run must download everything, as a first visit does. Vary, because the
    // body depends on Accept-Encoding, as on a real host.
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{encoding}Vary: Accept-Encoding\r\nContent-Length: {length}\r\nCache-Control: no-store\r\n\r\n"
    )
}

fn compressible(extension: &str) -> bool {
    matches!(
        extension,
        "html" | "js" | "mjs" | "wasm" | "css" | "json" | "geojson" | "svg"
    )
}

fn content_type(extension: &str) -> &'static str {
    match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "geojson" => "application/geo+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_path_and_whether_brotli_is_accepted() {
        let raw = "GET /geo/boroughs.geojson?x=1 HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n";
        let request = read_request(&mut raw.as_bytes()).unwrap();
        assert_eq!(request.path, "/geo/boroughs.geojson");
        assert!(request.accepts_brotli);
        let plain = "GET / HTTP/1.1\r\nAccept-Encoding: gzip, brotli\r\n\r\n";
        assert!(!read_request(&mut plain.as_bytes()).unwrap().accepts_brotli);
    }

    #[test]
    fn serves_brotli_only_to_browsers_that_accept_it() {
        let mut site = Site::default();
        site.insert(
            "/index.html",
            Asset::new("index.html", b"<p>hi</p>".repeat(50), None),
        );
        let ask = |accepts_brotli| {
            let request = Request {
                method: "GET".into(),
                path: "/".into(),
                accepts_brotli,
            };
            String::from_utf8_lossy(&respond(&site, &request)).into_owned()
        };
        assert!(ask(true).contains("Content-Encoding: br"));
        assert!(!ask(false).contains("Content-Encoding"));
        assert!(ask(false).ends_with("<p>hi</p>"));
    }
}
