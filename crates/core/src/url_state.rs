//! What the page's address says: `?borough=` (a GSS code or a slug) and the other parameters
//! the page keeps as they are. Plain functions over the query string, so every case is tested
//! natively.

use crate::area::Area;
use crate::embed::valid_child_id;

/// The longest parameter value shown back to the reader; longer ones are cut with an ellipsis.
const MAX_ECHO: usize = 60;

/// Light or dark colours: `?theme=light|dark`, or `auto` to follow the device's setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColourScheme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColourScheme {
    pub fn parse(value: &str) -> Option<ColourScheme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ColourScheme::Auto),
            "light" => Some(ColourScheme::Light),
            "dark" => Some(ColourScheme::Dark),
            _ => None,
        }
    }

    /// The `data-theme` value on the root element; `None` lets the device's setting decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ColourScheme::Auto => None,
            ColourScheme::Light => Some("light"),
            ColourScheme::Dark => Some("dark"),
        }
    }
}

/// What a query string asks for, and any value it could not understand, kept (shortened) for
/// the message to the reader.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub borough: Option<Area>,
    pub unknown_borough: Option<String>,
    /// `?theme=`. The page applies it itself before its first paint (`public/early.js`, which
    /// reads parameters the same way: the last of a repeated one wins); the app reads it for
    /// `unknown_scheme`, the value it reports.
    pub scheme: ColourScheme,
    pub unknown_scheme: Option<String>,
    /// `?embed=1`: the map is framed in a partner's page.
    pub embed: bool,
    /// Pym.js's `childId`, when the framing page uses Pym.js and the id is a plain one.
    pub child_id: Option<String>,
}

impl UrlState {
    /// Reads a query string such as `?borough=hackney&theme=dark` (the `?` is optional).
    /// Empty values count as absent.
    pub fn from_query(query: &str) -> UrlState {
        let given = |name| query_param(query, name).filter(|v| !v.trim().is_empty());
        let mut state = UrlState::default();
        if let Some(value) = given("borough") {
            match Area::parse(&value) {
                Some(area) => state.borough = Some(area),
                None => state.unknown_borough = Some(shorten(&value)),
            }
        }
        state.embed = given("embed").is_some_and(|v| !matches!(v.trim(), "0" | "false"));
        state.child_id = given("childId").filter(|id| valid_child_id(id));
        if let Some(value) = given("theme") {
            match ColourScheme::parse(&value) {
                Some(scheme) => state.scheme = scheme,
                None => state.unknown_scheme = Some(shorten(&value)),
            }
        }
        state
    }
}

/// The last value of parameter `name`, percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    pairs(query)
        .filter(|(key, _)| decode(key) == name)
        .last()
        .map(|(_, value)| decode(value))
}

/// `query` with `borough` set to `area`'s slug, or removed for `None`, keeping every other
/// parameter in its place. Returns `?…`, or an empty string when nothing is left.
pub fn with_borough(query: &str, area: Option<Area>) -> String {
    let mut parts: Vec<String> = pairs(query)
        .filter(|(key, _)| decode(key) != "borough")
        .map(|(key, value)| {
            if value.is_empty() {
                key.to_owned()
            } else {
                format!("{key}={value}")
            }
        })
        .collect();
    if let Some(area) = area {
        parts.push(format!("borough={}", area.slug()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; malformed escapes
/// are kept as written and invalid UTF-8 becomes U+FFFD, so decoding never fails.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hex digits exactly (from_str_radix alone would take "+4").
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn shorten(value: &str) -> String {
    if value.chars().count() <= MAX_ECHO {
        value.to_owned()
    } else {
        value.chars().take(MAX_ECHO - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str) -> Area {
        Area::from_code(code).unwrap()
    }

    #[test]
    fn reads_codes_and_slugs() {
        assert_eq!(
            UrlState::from_query("?borough=hackney").borough,
            Some(area("E09000012"))
        );
        assert_eq!(
            UrlState::from_query("borough=E09000029").borough,
            Some(area("E09000029"))
        );
        assert_eq!(
            UrlState::from_query("?embed=1&borough=barking-and-dagenham").borough,
            Some(area("E09000002"))
        );
        assert_eq!(
            UrlState::from_query("?borough=Tower%20Hamlets").borough,
            Some(area("E09000030"))
        );
        assert_eq!(
            UrlState::from_query("?borough=tower+hamlets").borough,
            Some(area("E09000030"))
        );
    }

    #[test]
    fn no_or_empty_parameter_selects_nothing_quietly() {
        for query in [
            "",
            "?",
            "?borough=",
            "?borough",
            "?other=1",
            "?borough=%20&theme=",
        ] {
            assert_eq!(UrlState::from_query(query), UrlState::default(), "{query}");
        }
    }

    #[test]
    fn unknown_values_are_kept_for_the_message_and_shortened() {
        let state = UrlState::from_query("?borough=%3Cscript%3Ealert(1)%3C/script%3E");
        assert_eq!(state.borough, None);
        assert_eq!(
            state.unknown_borough.as_deref(),
            Some("<script>alert(1)</script>")
        );
        let long = format!("?borough={}", "x".repeat(5000));
        let state = UrlState::from_query(&long);
        let echoed = state.unknown_borough.unwrap();
        assert_eq!(echoed.chars().count(), MAX_ECHO);
        assert!(echoed.ends_with('…'));
    }

    #[test]
    fn reads_the_colour_scheme() {
        assert_eq!(
            UrlState::from_query("?theme=dark").scheme,
            ColourScheme::Dark
        );
        assert_eq!(
            UrlState::from_query("?theme=LIGHT&borough=sutton").scheme,
            ColourScheme::Light
        );
        assert_eq!(
            UrlState::from_query("?theme=auto").scheme,
            ColourScheme::Auto
        );
        assert_eq!(UrlState::from_query("").scheme, ColourScheme::Auto);
        let odd = UrlState::from_query("?theme=%3Cb%3Epurple");
        assert_eq!(odd.scheme, ColourScheme::Auto);
        assert_eq!(odd.unknown_scheme.as_deref(), Some("<b>purple"));
        assert_eq!(ColourScheme::Dark.attribute(), Some("dark"));
        assert_eq!(ColourScheme::Auto.attribute(), None);
    }

    #[test]
    fn reads_embed_mode_and_pym_child_ids() {
        let state = UrlState::from_query("?embed=1&childId=map-2&borough=hackney");
        assert!(state.embed);
        assert_eq!(state.child_id.as_deref(), Some("map-2"));
        assert!(!UrlState::from_query("?embed=0").embed);
        assert!(!UrlState::from_query("").embed);
        assert_eq!(UrlState::from_query("?childId=%3Cx%3E").child_id, None);
    }

    #[test]
    fn the_last_value_wins() {
        assert_eq!(
            UrlState::from_query("?borough=nowhere&borough=sutton").borough,
            Some(area("E09000029"))
        );
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz1"), "%zz1");
        assert_eq!(decode("%E2%80%A6"), "…");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(decode("a%2Bb+c"), "a+b c");
        assert_eq!(decode("%+4x"), "% 4x");
        assert_eq!(decode("%+F"), "% F");
    }

    #[test]
    fn with_borough_sets_replaces_and_clears_keeping_other_parameters() {
        let hackney = Some(area("E09000012"));
        assert_eq!(with_borough("", hackney), "?borough=hackney");
        assert_eq!(
            with_borough("?embed=1", hackney),
            "?embed=1&borough=hackney"
        );
        assert_eq!(
            with_borough("?borough=sutton&theme=dark", hackney),
            "?theme=dark&borough=hackney"
        );
        assert_eq!(
            with_borough("?borough=sutton&theme=dark", None),
            "?theme=dark"
        );
        assert_eq!(with_borough("?borough=sutton", None), "");
        assert_eq!(with_borough("?embed&x=a%20b", None), "?embed&x=a%20b");
    }
}
