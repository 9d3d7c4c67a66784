//! Source links: only web addresses are kept, so content can never carry a `javascript:` URL.

use serde::Deserialize;
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Error)]
#[error("link {0:?} is not an https:// or http:// address")]
pub struct LinkError(String);

/// A titled link whose URL is known to start with `https://` or `http://`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "RawLink")]
pub struct Link {
    pub title: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    title: String,
    url: String,
}

impl TryFrom<RawLink> for Link {
    type Error = LinkError;

    fn try_from(raw: RawLink) -> Result<Link, LinkError> {
        Link::new(raw.title, raw.url)
    }
}

impl Link {
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Result<Link, LinkError> {
        let url = url.into();
        let lower = url.trim_start().to_ascii_lowercase();
        let has_host = |rest: &str| !rest.is_empty() && !rest.starts_with('/');
        match lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
        {
            Some(rest) if has_host(rest) && !url.chars().any(char::is_whitespace) => Ok(Link {
                title: title.into(),
                url,
            }),
            _ => Err(LinkError(url)),
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn is_https(&self) -> bool {
        self.url.to_ascii_lowercase().starts_with("https://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_web_addresses_only() {
        assert!(Link::new("a", "https://thriveldn.co.uk/")
            .unwrap()
            .is_https());
        assert!(!Link::new("a", "http://example.org/x").unwrap().is_https());
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "mailto:someone@example.org",
            "",
        ] {
            assert!(Link::new("a", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deserialises_through_the_check() {
        let ok: Link = serde_json::from_str(r#"{"title":"T","url":"https://a.b/"}"#).unwrap();
        assert_eq!(ok.url(), "https://a.b/");
        let err = serde_json::from_str::<Link>(r#"{"title":"T","url":"javascript:x"}"#);
        assert!(err
            .unwrap_err()
            .to_string()
            .contains("is not an https:// or http:// address"));
        assert!(
            serde_json::from_str::<Link>(r#"{"title":"T","url":"https://a.b/","x":1}"#).is_err()
        );
    }
}
