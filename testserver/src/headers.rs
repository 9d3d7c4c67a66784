//! The headers a static host gives the bundle (`dist/_headers`, the format Netlify and
//! Cloudflare Pages read), with the changes a test asks for in the Content Security Policy.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The headers `_headers` gives every path (its `/*` block), as name and value.
pub fn bundle_headers(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip_while(|line| line.trim() != "/*")
        .skip(1)
        .take_while(|line| line.starts_with(' '))
        .filter_map(|line| line.trim().split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// How the served policy differs from the bundle's.
#[derive(Clone, Debug, Default)]
pub struct PolicyChanges {
    /// Inline scripts to allow, by their hashes.
    pub inline_scripts: Vec<String>,
    /// Where the browser should report violations.
    pub report_uri: Option<String>,
    /// `true` to take `'wasm-unsafe-eval'` out, so that no WebAssembly can be compiled.
    pub forbid_webassembly: bool,
}

/// `policy` with `changes` made.
pub fn changed_policy(policy: &str, changes: &PolicyChanges) -> String {
    let directives = policy.split(';').map(str::trim).filter(|d| !d.is_empty());
    let mut out: Vec<String> = directives
        .map(|directive| {
            let mut words: Vec<String> = directive.split_whitespace().map(String::from).collect();
            if words.first().map(String::as_str) == Some("script-src") {
                words.extend(changes.inline_scripts.iter().map(|s| csp_hash(s)));
                if changes.forbid_webassembly {
                    words.retain(|w| w != "'wasm-unsafe-eval'");
                }
            }
            words.join(" ")
        })
        .collect();
    if let Some(uri) = &changes.report_uri {
        out.push(format!("report-uri {uri}"));
    }
    out.join("; ")
}

/// The CSP source allowing exactly `text` as an inline script, e.g. `'sha256-…'`.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_block_for_every_path() {
        let text = "# comment\n/*\n  A: 1; b\n  B: two\n/other\n  C: 3\n";
        assert_eq!(
            bundle_headers(text),
            vec![("A".into(), "1; b".into()), ("B".into(), "two".into())]
        );
    }

    #[test]
    fn allows_inline_scripts_reports_and_can_forbid_webassembly() {
        let policy =
            "default-src 'self'; script-src 'self' 'sha256-x' 'wasm-unsafe-eval'; style-src 'self'";
        let changes = PolicyChanges {
            inline_scripts: vec!["p{color:red}".into()],
            report_uri: Some("/__report".into()),
            forbid_webassembly: true,
        };
        assert_eq!(
            changed_policy(policy, &changes),
            "default-src 'self'; script-src 'self' 'sha256-x' \
             'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='; style-src 'self'; report-uri /__report"
        );
        assert_eq!(changed_policy(policy, &PolicyChanges::default()), policy);
    }
}
