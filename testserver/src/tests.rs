use std::io::{Read, Write};

use super::*;

/// A bundle in a temporary folder: a page, a script with its .br and .gz, and `_headers`.
fn bundle() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("testserver-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<html><head><title>t</title></head></html>",
    )
    .unwrap();
    std::fs::write(dir.join("app.js"), "plain").unwrap();
    std::fs::write(dir.join("app.js.br"), "brotli").unwrap();
    std::fs::write(dir.join("app.js.gz"), "gzip").unwrap();
    std::fs::write(
        dir.join("_headers"),
        "/*\n  Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'\n  X-Test: yes\n",
    )
    .unwrap();
    dir
}

/// The whole answer to `GET path` with these request headers, as text.
async fn get(server: &Server, path: &str, headers: &str) -> String {
    let url = server.url("");
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n{headers}Connection: close\r\n\r\n");
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn serves_the_precompressed_file_the_browser_accepts_with_the_bundles_headers() {
    let server = Server::start(Config::new(&bundle())).unwrap();
    let brotli = get(&server, "/app.js", "Accept-Encoding: gzip, br\r\n").await;
    assert!(
        brotli.contains("content-encoding: br") && brotli.ends_with("brotli"),
        "{brotli}"
    );
    assert!(
        brotli.contains("text/javascript") && brotli.contains("x-test: yes"),
        "{brotli}"
    );
    let gzip = get(&server, "/app.js", "Accept-Encoding: gzip\r\n").await;
    assert!(gzip.ends_with("gzip"), "{gzip}");
    let plain = get(&server, "/app.js", "").await;
    assert!(plain.ends_with("plain"), "{plain}");
    let missing = get(&server, "/nothing.js", "").await;
    assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
}

#[tokio::test(flavor = "multi_thread")]
async fn puts_scripts_in_pages_and_changes_the_policy_to_match() {
    let mut config = Config::new(&bundle());
    config.head_scripts = vec!["collect()".into()];
    config.forbid_webassembly = true;
    config.reports = Some(Arc::new(|_| {}));
    config.replies = vec![("/gone.js".into(), Reply::status(404))];
    let server = Server::start(config).unwrap();
    let page = get(&server, "/", "").await;
    assert!(
        page.contains("<head><script>collect()</script><title>"),
        "{page}"
    );
    let policy = format!(
        "content-security-policy: script-src 'self' {}; report-uri {REPORT_PATH}",
        csp_hash("collect()")
    );
    assert!(page.contains(&policy), "{page}");
    assert!(get(&server, "/gone.js", "")
        .await
        .starts_with("HTTP/1.1 404"));
}

#[test]
fn a_browsers_violation_report_and_the_collectors_report_of_it_share_an_id() {
    let report = parse_report(
        br#"{"csp-report": {"document-uri": "http://a/?x=1", "effective-directive": "script-src", "blocked-uri": "inline"}}"#,
    )
    .unwrap();
    assert_eq!(
        report.id,
        violation_message("script-src", "inline", "http://a/")
    );
    let collected = parse_report(br#"{"id": "7:1", "message": "boom"}"#).unwrap();
    assert_eq!(
        (collected.id.as_str(), collected.message.as_str()),
        ("7:1", "boom")
    );
}
