//! Writes the page (see `borough_page`) into a built `index.html`, from the repository's
//! boundaries and content, and puts the stylesheet inline, so that the first paint waits for
//! nothing but the page itself, and `public/early.js` in the head, so that what the address
//! asks for (a borough, embedding, colours) is shown from the first paint. Trunk runs it after every build (`cargo xtask post-build`, a
//! hook in `Trunk.toml`), so what `trunk build` and `trunk serve` publish is always whole.
//!
//! The page's Content Security Policy allows no inline style or script but these two: the build
//! writes their hashes into `_headers`.

use std::path::Path;

use base64::Engine;
use borough_core::content::CONTENT_PATH;
use borough_page::meta::{self, Site};
use borough_page::{self as page, data, View, GEOMETRY_PATH};

use crate::{imports, preview};
use sha2::{Digest, Sha256};

/// The stylesheet link Trunk writes (its `integrity` attribute follows).
const STYLESHEET_LINK: &str = "<link rel=\"stylesheet\" href=\"./style.css\"";
const STYLESHEET: &str = "style.css";
/// Where `index.html` takes the early script, and where the script is in the repository.
const EARLY_SCRIPT_MARKER: &str = "<!-- early script -->";
const EARLY_SCRIPT: &str = "public/early.js";
/// The same policy as an nginx directive, for `deploy/nginx.conf` to include.
const NGINX_POLICY: &str = "csp.nginx.conf";
/// The app's loader and wasm-bindgen's glue, which every visit downloads too.
const SCRIPTS: [&str; 2] = ["boot.js", APP_GLUE];
/// wasm-bindgen's glue and the WebAssembly it loads, as Trunk names them.
const APP_GLUE: &str = "borough-map.js";
const APP_WASM: &str = "borough-map_bg.wasm";

pub fn prerender(dist: &Path) -> Result<(), String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the repository");
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let site = Site::from_env().map_err(|e| e.to_string())?;
    let index_path = dist.join("index.html");
    let css = css_without_comments(&read(&dist.join(STYLESHEET))?);
    let script = minified(repo, &read(&repo.join(EARLY_SCRIPT))?, EARLY_SCRIPT)?;
    // The shell every page shares: the same inline stylesheet and script, so one hash each.
    let shell = inline_early_script(&inline_stylesheet(&read(&index_path)?, &css)?, &script)?;
    let shell = without_trunk_link(&shell);
    let geojson = read(&repo.join(GEOMETRY_PATH))?;
    let (layout, content) = page::checked(&geojson, &read(&repo.join(CONTENT_PATH))?)
        .map_err(|e| format!("cannot build the page: {e}"))?;
    // Everything is made in memory first: a problem anywhere writes nothing.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (view, html) in page::build_pages(&shell, &layout, &content, &site)
        .map_err(|e| format!("cannot build the page: {e}"))?
    {
        let html = page::at_root(&html_without_comments(&html), view.root());
        files.push((view.index_path(), html.into_bytes()));
    }
    let renderer = preview::Renderer::from_repo(repo)?;
    let cache = preview::cache_dir(repo);
    let mut rendered = 0;
    for view in View::all() {
        let svg = page::preview::svg(&layout, &content, view);
        let name = view.preview_path().replace(['/', '.'], "-");
        let (png, fresh) = renderer.render_cached(&svg, &cache, &name)?;
        rendered += usize::from(fresh);
        files.push((view.preview_path(), png));
    }
    let boundaries = data::boundaries_geojson(&geojson, &content, &site)
        .map_err(|e| format!("{GEOMETRY_PATH}: {e}"))?;
    files.extend([
        (
            data::AREAS_CSV.to_owned(),
            data::areas_csv(&content, &site).into_bytes(),
        ),
        (
            data::OUTCOMES_CSV.to_owned(),
            data::outcomes_csv(&content).into_bytes(),
        ),
        (
            data::AREAS_JSON.to_owned(),
            data::areas_json(&content, &site).into_bytes(),
        ),
        (data::BOUNDARIES_GEOJSON.to_owned(), boundaries.into_bytes()),
        (data::ABOUT_PAGE.to_owned(), data::about_page().into_bytes()),
        ("sitemap.xml".to_owned(), meta::sitemap(&site).into_bytes()),
        ("robots.txt".to_owned(), meta::robots(&site).into_bytes()),
    ]);
    let wasm_path = dist.join(APP_WASM);
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let mut glue = read(&dist.join(APP_GLUE))?;
    if let Some((short, renamed)) =
        imports::shorten(&wasm, &glue).map_err(|e| format!("{APP_WASM}: {e}"))?
    {
        files.push((APP_WASM.to_owned(), short));
        glue = renamed;
    }
    for script in SCRIPTS {
        let source = if script == APP_GLUE {
            glue.clone()
        } else {
            read(&dist.join(script))?
        };
        let text = minified(repo, &source, script)?;
        files.push((script.to_owned(), text.into_bytes()));
    }
    let headers = allow_inline(&read(&dist.join("_headers"))?, "style-src", &csp_hash(&css))?;
    let headers = allow_inline(&headers, "script-src", &csp_hash(&script))?;
    files.push((
        NGINX_POLICY.to_owned(),
        nginx_policy(&headers)?.into_bytes(),
    ));
    files.push(("_headers".to_owned(), headers.into_bytes()));
    for (name, bytes) in &files {
        let path = dist.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    // Nothing asks for the file any more.
    std::fs::remove_file(dist.join(STYLESHEET)).map_err(|e| format!("{STYLESHEET}: {e}"))?;
    println!(
        "prerendered the map and every story into {} and each area's page (<slug>/index.html), \
         with the stylesheet inline; comments left out of the pages and their stylesheet, the \
         early script and {} minified by esbuild, the app's imports renamed short; the data files, sitemap.xml and robots.txt for {} ({}); {} preview \
         images, {rendered} of them rendered anew",
        index_path.display(),
        SCRIPTS.join(" and "),
        site.as_str(),
        meta::SITE_URL_VAR,
        View::all().count(),
    );
    Ok(())
}

/// `index` with Trunk's stylesheet link replaced by a `<style>` element holding `css`.
fn inline_stylesheet(index: &str, css: &str) -> Result<String, String> {
    let link =
        tag_span(index, STYLESHEET_LINK).ok_or("index.html has no stylesheet link to inline")?;
    let style = element("style", css, STYLESHEET)?;
    Ok(format!(
        "{}{style}{}",
        &index[..link.start],
        &index[link.end..]
    ))
}

/// `index` with the early script's marker replaced by a `<script>` element holding `script`.
fn inline_early_script(index: &str, script: &str) -> Result<String, String> {
    if !index.contains(EARLY_SCRIPT_MARKER) {
        return Err(format!("index.html has no {EARLY_SCRIPT_MARKER}"));
    }
    Ok(index.replacen(
        EARLY_SCRIPT_MARKER,
        &element("script", script, EARLY_SCRIPT)?,
        1,
    ))
}

/// `<tag>content</tag>`, refusing content (from `source`) that would end the element early.
fn element(tag: &str, content: &str, source: &str) -> Result<String, String> {
    if content.contains(&format!("</{tag}")) {
        return Err(format!("{source} contains \"</{tag}\""));
    }
    Ok(format!("<{tag}>{content}</{tag}>"))
}

/// Where in `index` the tag beginning `start` is, through its closing `>`.
fn tag_span(index: &str, start: &str) -> Option<std::ops::Range<usize>> {
    let from = index.find(start)?;
    Some(from..from + index[from..].find('>')? + 1)
}

/// The pinned minifier (`tools/package.json`), which `make tools` installs.
const MINIFIER: &str = "tools/node_modules/.bin/esbuild";

/// `script` (named `name`, for messages) minified by esbuild: every visit downloads the glue,
/// the loader and the early script. As a transform, not a bundle: modules stay modules and a
/// classic script's top-level names stay as they are. `es2020` keeps the minifier from
/// writing syntax newer than the browsers the map supports.
fn minified(repo: &Path, script: &str, name: &str) -> Result<String, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let tool = repo.join(MINIFIER);
    let mut child = Command::new(&tool)
        .args([
            "--minify",
            "--target=es2020",
            "--loader=js",
            "--log-level=warning",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "{name}: cannot run the minifier {} ({e}); `make tools` installs it",
                tool.display()
            )
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let source = script.to_owned();
    // Written from another thread, so that a large output cannot fill its pipe meanwhile.
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{name}: the minifier failed: {e}"))?;
    writer
        .join()
        .expect("the writer does not panic")
        .map_err(|e| format!("{name}: the minifier failed: {e}"))?;
    let warnings = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || !warnings.trim().is_empty() {
        return Err(format!("{name}: the minifier refused it: {warnings}"));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{name}: the minifier wrote {e}"))
}

/// `css` without its `/* … */` comments (those outside strings) and the blank lines they
/// leave: a third of the stylesheet's compressed size, which every visit would otherwise
/// download before the map.
fn css_without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                kept.push(c);
                if c == '\\' {
                    kept.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                kept.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                // To the closing `*/` (or the end, as CSS reads an unclosed comment).
                let mut previous = None;
                for c in chars.by_ref() {
                    if previous == Some('*') && c == '/' {
                        break;
                    }
                    previous = Some(c);
                }
            }
            None => kept.push(c),
        }
    }
    kept.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `index` without the `<link data-trunk rel="rust" …>` Trunk leaves in place when it injects
/// no scripts (`public/boot.js` starts the app).
fn without_trunk_link(index: &str) -> String {
    let Some(link) = tag_span(index, "<link data-trunk rel=\"rust\"") else {
        return index.to_owned();
    };
    // The line the link stood on goes too.
    let rest = index[link.end..].trim_start_matches([' ', '\n']);
    format!("{}{rest}", &index[..link.start])
}

/// `html` without its `<!-- … -->` comments, notes for whoever reads `index.html` that every
/// visit would otherwise download; a comment on a line of its own takes the line with it. The
/// contents of `<script>` and `<style>` elements are not HTML, so they are left as they are.
fn html_without_comments(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(comment) = rest.find("<!--") {
        let raw_text = ["<script", "<style"]
            .into_iter()
            .filter_map(|tag| rest.find(tag).map(|at| (at, tag)))
            .min();
        if let Some((at, tag)) = raw_text.filter(|(at, _)| *at < comment) {
            let close = format!("</{}", &tag[1..]);
            let end = rest[at..]
                .find(&close)
                .map_or(rest.len(), |i| at + i + close.len());
            kept.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        kept.push_str(&rest[..comment]);
        let end = rest[comment..]
            .find("-->")
            .map_or(rest.len(), |i| comment + i + 3);
        rest = &rest[end..];
        let indent = kept.len() - kept.trim_end_matches(' ').len();
        if kept[..kept.len() - indent].ends_with('\n') && rest.starts_with('\n') {
            kept.truncate(kept.len() - indent);
            rest = &rest[1..];
        }
    }
    kept.push_str(rest);
    kept
}

/// The CSP source allowing exactly `text` as an inline style or script, e.g. `'sha256-…'`.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `headers` (a `_headers` file) with `hash` added to `directive` (e.g. `style-src`), which
/// must start with `'self'`.
fn allow_inline(headers: &str, directive: &str, hash: &str) -> Result<String, String> {
    let from = format!("{directive} 'self'");
    if !headers.contains(&from) {
        return Err(format!("_headers has no \"{from}\" to extend"));
    }
    Ok(headers.replace(&from, &format!("{from} {hash}")))
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

    /// Every file under `dir` with its bytes, sorted.
    fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn a_problem_found_late_writes_nothing() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let dist = std::env::temp_dir().join(format!("xtask-prerender-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let index = std::fs::read_to_string(repo.join("index.html"))
            .unwrap()
            .replace(
                "<link data-trunk rel=\"css\" href=\"public/style.css\" />",
                "<link rel=\"stylesheet\" href=\"./style.css\" integrity=\"sha384-x\"/>",
            );
        std::fs::write(dist.join("index.html"), index).unwrap();
        std::fs::write(dist.join(STYLESHEET), "p { color: red }\n").unwrap();
        for script in SCRIPTS {
            std::fs::write(dist.join(script), "go();\n").unwrap();
        }
        // A WebAssembly module with nothing in it (and so no imports to rename).
        std::fs::write(dist.join(APP_WASM), b"\0asm\x01\0\0\0").unwrap();
        // The last thing the build reads: a policy it cannot extend.
        std::fs::write(
            dist.join("_headers"),
            "/*\n  X-Content-Type-Options: nosniff\n",
        )
        .unwrap();
        let before = snapshot(&dist);
        let error = prerender(&dist).unwrap_err();
        assert!(error.contains("_headers"), "{error}");
        assert_eq!(snapshot(&dist), before, "a file was written");
        std::fs::remove_dir_all(&dist).unwrap();
    }

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
    fn the_early_script_goes_where_its_marker_is() {
        let index = "<body><main></main><!-- early script --><link></body>";
        assert_eq!(
            inline_early_script(index, "go();").unwrap(),
            "<body><main></main><script>go();</script><link></body>"
        );
        assert!(inline_early_script("<body></body>", "go();").is_err());
        assert!(inline_early_script(index, "x = '</script>';").is_err());
    }

    #[test]
    fn scripts_are_minified_keeping_what_they_export_and_bad_ones_are_refused() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let glue = "/** @returns {number} */\nexport function answer() {\n    // why\n    const forty = 40;\n    return forty + 2;\n}\nexport default answer;\n";
        let small = minified(repo, glue, "glue.js").unwrap();
        assert!(small.len() < glue.len() / 2, "{small}");
        assert!(small.contains("export"), "{small}");
        assert!(
            !small.contains("why") && !small.contains("@returns"),
            "{small}"
        );
        // A classic script's top-level names are globals: kept.
        let early = "function earlyName() { return 1; }\nearlyName();\n";
        assert!(minified(repo, early, "early.js")
            .unwrap()
            .contains("earlyName"));
        let refused = minified(repo, "let = ;", "broken.js").unwrap_err();
        assert!(refused.starts_with("broken.js: "), "{refused}");
        let missing = minified(Path::new("/nowhere"), glue, "glue.js").unwrap_err();
        assert!(missing.contains("make tools"), "{missing}");
    }

    #[test]
    fn stylesheet_comments_go_and_strings_stay() {
        let css = "/* why */\na { color: red; } /* how */\n\n/**/b::before { content: \"/* kept */\"; }\n\
                   i::after { content: '\\'/*'; }\n/* unclosed";
        assert_eq!(
            css_without_comments(css),
            "a { color: red; } \nb::before { content: \"/* kept */\"; }\ni::after { content: '\\'/*'; }\n"
        );
        assert_eq!(
            css_without_comments("p{}/*/ still a comment */q{}"),
            "p{}q{}\n"
        );
    }

    #[test]
    fn html_comments_go_and_scripts_and_styles_stay() {
        let index = "<head>\n    <!-- a note\n         on two lines -->\n    <title>t</title>\n\
                     <style>a::after { content: '<!--'; }</style><script>x = '<!-- y -->';</script>\n\
                     <p>a<!-- inline -->b</p></head>";
        assert_eq!(
            html_without_comments(index),
            "<head>\n    <title>t</title>\n\
             <style>a::after { content: '<!--'; }</style><script>x = '<!-- y -->';</script>\n\
             <p>ab</p></head>"
        );
        assert_eq!(html_without_comments("<p>x</p><!-- unclosed"), "<p>x</p>");
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
            csp_hash("p{color:red}"),
            "'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='"
        );
        let headers = "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\n";
        let headers = allow_inline(headers, "style-src", "'sha256-abc'").unwrap();
        assert_eq!(
            allow_inline(&headers, "script-src", "'sha256-def'").unwrap(),
            "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-def' 'wasm-unsafe-eval'; style-src 'self' 'sha256-abc'\n"
        );
        assert!(allow_inline("/*\n", "style-src", "'sha256-abc'").is_err());
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
