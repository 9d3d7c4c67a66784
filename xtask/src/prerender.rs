//! Writes the page (see `borough_map::page`) into a built `index.html`, from the repository's
//! boundaries and content, and puts the stylesheet inline, so that the first paint waits for
//! nothing but the page itself. Trunk runs it after every build (`cargo xtask post-build`, a
//! hook in `Trunk.toml`), so what `trunk build` and `trunk serve` publish is always whole.
//!
//! The page's Content Security Policy allows no inline style but this one: the build writes
//! the stylesheet's hash into `_headers`.

use std::path::Path;

use base64::Engine;
use borough_map::content::CONTENT_PATH;
use borough_map::page::{self, GEOMETRY_PATH};
use sha2::{Digest, Sha256};

/// The stylesheet link Trunk writes (its `integrity` attribute follows).
const STYLESHEET_LINK: &str = "<link rel=\"stylesheet\" href=\"./style.css\"";
const STYLESHEET: &str = "style.css";
/// The same policy as an nginx directive, for `deploy/nginx.conf` to include.
const NGINX_POLICY: &str = "csp.nginx.conf";

pub fn prerender(dist: &Path) -> Result<(), String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository");
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let index_path = dist.join("index.html");
    let html = page::build(
        &read(&index_path)?,
        &read(&repo.join(GEOMETRY_PATH))?,
        &read(&repo.join(CONTENT_PATH))?,
    )
    .map_err(|e| format!("cannot build the page: {e}"))?;
    let css = read(&dist.join(STYLESHEET))?;
    let html = without_trunk_link(&inline_stylesheet(&html, &css)?);
    let headers_path = dist.join("_headers");
    let headers = allow_style(&read(&headers_path)?, &style_hash(&css))?;
    write(&index_path, &html)?;
    write(&headers_path, &headers)?;
    write(&dist.join(NGINX_POLICY), &nginx_policy(&headers)?)?;
    // Nothing asks for the file any more.
    std::fs::remove_file(dist.join(STYLESHEET)).map_err(|e| format!("{STYLESHEET}: {e}"))?;
    println!(
        "prerendered the map and every story into {}, with the stylesheet inline",
        index_path.display()
    );
    Ok(())
}

/// `index` with Trunk's stylesheet link replaced by a `<style>` element holding `css`.
fn inline_stylesheet(index: &str, css: &str) -> Result<String, String> {
    let start = index
        .find(STYLESHEET_LINK)
        .ok_or("index.html has no stylesheet link to inline")?;
    let end = start + index[start..].find('>').ok_or("unclosed stylesheet link")? + 1;
    if css.contains("</style") {
        return Err("style.css contains \"</style\"".into());
    }
    Ok(format!(
        "{}<style>{css}</style>{}",
        &index[..start],
        &index[end..]
    ))
}

/// `index` without the `<link data-trunk rel="rust" …>` Trunk leaves in place when it injects
/// no scripts (`public/boot.js` starts the app).
fn without_trunk_link(index: &str) -> String {
    let Some(start) = index.find("<link data-trunk rel=\"rust\"") else {
        return index.to_owned();
    };
    let end = index[start..]
        .find('>')
        .map_or(index.len(), |i| start + i + 1);
    let end = end + index[end..].len() - index[end..].trim_start_matches([' ', '\n']).len();
    format!("{}{}", &index[..start], &index[end..])
}

/// The CSP source allowing exactly `css` as an inline style, e.g. `'sha256-…'`.
fn style_hash(css: &str) -> String {
    let digest = Sha256::digest(css.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `headers` (a `_headers` file) with `hash` added to every `style-src` directive.
fn allow_style(headers: &str, hash: &str) -> Result<String, String> {
    if !headers.contains("style-src 'self'") {
        return Err("_headers has no \"style-src 'self'\" to extend".into());
    }
    Ok(headers.replace("style-src 'self'", &format!("style-src 'self' {hash}")))
}

/// The `Content-Security-Policy` of `headers` as an nginx `add_header` directive.
fn nginx_policy(headers: &str) -> Result<String, String> {
    let policy = headers
        .lines()
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy:"))
        .ok_or("_headers has no Content-Security-Policy")?;
    Ok(format!(
        "# Written by the build (cargo xtask prerender) from _headers; see deploy/nginx.conf.\n\
         add_header Content-Security-Policy \"{}\" always;\n",
        policy.trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_goes_inline_in_place_of_its_link() {
        let index = "<head><link rel=\"stylesheet\" href=\"./style.css\" integrity=\"sha384-x\"/><title>t</title></head>";
        assert_eq!(
            inline_stylesheet(index, "p{color:red}").unwrap(),
            "<head><style>p{color:red}</style><title>t</title></head>"
        );
        assert!(inline_stylesheet("<head></head>", "p{}").is_err());
        assert!(inline_stylesheet(index, "p{}</style><script>").is_err());
    }

    #[test]
    fn trunks_leftover_rust_link_goes() {
        let index = "<head>\n    <link data-trunk rel=\"rust\" data-bin=\"x\" data-trunk-id=\"5\" />\n    <script></script>";
        assert_eq!(without_trunk_link(index), "<head>\n    <script></script>");
        assert_eq!(without_trunk_link("<head></head>"), "<head></head>");
    }

    #[test]
    fn the_policy_allows_exactly_that_style() {
        // The SHA-256 of "p{color:red}", as `openssl dgst -sha256 -binary | base64` gives it.
        assert_eq!(
            style_hash("p{color:red}"),
            "'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='"
        );
        let headers =
            "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self'; img-src 'self'\n";
        assert_eq!(
            allow_style(headers, "'sha256-abc'").unwrap(),
            "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self' 'sha256-abc'; img-src 'self'\n"
        );
        assert!(allow_style("/*\n", "'sha256-abc'").is_err());
    }

    #[test]
    fn nginx_gets_the_same_policy() {
        let headers = "# note\n/*\n  Content-Security-Policy: default-src 'self'; style-src 'self' 'sha256-abc'\n  X-Content-Type-Options: nosniff\n";
        let directive = nginx_policy(headers).unwrap();
        assert!(directive.ends_with(
            "add_header Content-Security-Policy \"default-src 'self'; style-src 'self' 'sha256-abc'\" always;\n"
        ));
        assert!(nginx_policy("/*\n").is_err());
    }
}
