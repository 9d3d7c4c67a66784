//! What the page's address says: `?borough=` (a GSS code or a slug), `?tour=` and the other parameters
//! the page keeps as they are. The query string is decoded and written out by the web
//! platform's rules (`application/x-www-form-urlencoded`): in the app by the browser's own
//! `URLSearchParams`, which `public/early.js` reads too; natively (tests, fuzzing) by the
//! `form_urlencoded` crate, which implements the same standard. What the decoded values mean
//! is plain Rust, the same for both.

use crate::area::Area;
use crate::contract::{param, TOUR_STEPS};
use crate::embed::valid_child_id;

/// The longest parameter value shown back to the reader; longer ones are cut with an ellipsis.
pub const MAX_ECHO: usize = 60;

/// The space around a value that does not count: ASCII whitespace only (tab, line feed, form
/// feed, carriage return, space), as `public/early.js` trims it. Not Rust's `str::trim`
/// (Unicode White_Space) nor JavaScript's `trim()` (that and the byte order mark, U+FEFF): the
/// two disagree, and a value one side applied the other reported as unknown.
pub fn trim_space(value: &str) -> &str {
    value.trim_ascii()
}

/// Light or dark colours: `?theme=light|dark`, or `auto` to follow the device's setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColourScheme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColourScheme {
    /// Reads a scheme's name, without case (ASCII only: a Kelvin sign is not a `k`).
    pub fn parse(value: &str) -> Option<ColourScheme> {
        match trim_space(value).to_ascii_lowercase().as_str() {
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
    /// `?theme=`. The page applies it itself before its first paint (`public/early.js`, held
    /// to these rules by `tests/address.rs`); the app reads it for `unknown_scheme`, the value
    /// it reports.
    pub scheme: ColourScheme,
    pub unknown_scheme: Option<String>,
    /// `?embed=1`: the map is framed in a partner's page.
    pub embed: bool,
    /// Pym.js's `childId`, when the framing page uses Pym.js and the id is a plain one.
    pub child_id: Option<String>,
    /// `?tour=N`: the guided tour's open step (see [`tour_step`]).
    pub tour: Option<u8>,
    pub unknown_tour: Option<String>,
}

/// A tour step's number as the address writes it: `1` to `10` exactly, in ASCII digits,
/// without sign, leading zero or decimal point (`public/early.js` applies the same rule).
pub fn tour_step(value: &str) -> Option<u8> {
    let step = match value.as_bytes() {
        [digit @ b'1'..=b'9'] => digit - b'0',
        b"10" => 10,
        _ => return None,
    };
    (step <= TOUR_STEPS).then_some(step)
}

impl UrlState {
    /// Reads a query string such as `?borough=hackney&theme=dark` (the `?` is optional), as the
    /// browser decodes it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_query(query: &str) -> UrlState {
        UrlState::read(&FormParams::new(query))
    }

    /// Reads decoded parameters.
    pub fn read(params: &impl QueryParams) -> UrlState {
        UrlState::from_params(|name| params.last(name))
    }

    /// Reads the parameters `last_value` gives, already decoded: the last value of a repeated
    /// parameter, as `public/early.js` takes it. Values are trimmed (`trim_space`), and empty
    /// ones count as absent.
    pub fn from_params(last_value: impl Fn(&str) -> Option<String>) -> UrlState {
        let given = |name| {
            let value = last_value(name)?;
            let value = trim_space(&value);
            (!value.is_empty()).then(|| value.to_owned())
        };
        let mut state = UrlState::default();
        if let Some(value) = given(param::BOROUGH) {
            match Area::parse(&value) {
                Some(area) => state.borough = Some(area),
                None => state.unknown_borough = Some(shorten(&value)),
            }
        }
        state.embed = given(param::EMBED).is_some_and(|v| !matches!(v.as_str(), "0" | "false"));
        state.child_id = given(param::CHILD_ID).filter(|id| valid_child_id(id));
        if let Some(value) = given(param::THEME) {
            match ColourScheme::parse(&value) {
                Some(scheme) => state.scheme = scheme,
                None => state.unknown_scheme = Some(shorten(&value)),
            }
        }
        if let Some(value) = given(param::TOUR) {
            match tour_step(&value) {
                Some(step) => state.tour = Some(step),
                None => state.unknown_tour = Some(shorten(&value)),
            }
        }
        state
    }
}

/// A query string's parameters, decoded (names and values) and written out again by the web
/// platform's rules: the browser's `URLSearchParams` in the app, [`FormParams`] natively.
pub trait QueryParams {
    /// The last value of parameter `name`.
    fn last(&self, name: &str) -> Option<String>;
    /// Removes every parameter called `name`.
    fn remove(&mut self, name: &str);
    /// Adds `name=value` at the end.
    fn append(&mut self, name: &str, value: &str);
    /// The parameters, encoded, without a leading `?`.
    fn encoded(&self) -> String;
}

/// `params` with `borough` set to `area`'s slug (last), or removed for `None`, keeping every
/// other parameter, in order and meaning the same (written out anew: `a%20b` becomes `a+b`).
/// Returns `?…`, or an empty string when nothing is left.
pub fn with_borough(params: impl QueryParams, area: Option<Area>) -> String {
    with_value(
        params,
        param::BOROUGH,
        area.map(|area| area.slug()).as_deref(),
    )
}

/// `params` with `tour` set to `step` (last), or removed for `None` (the tour closed), keeping
/// every other parameter, as [`with_borough`] does.
pub fn with_tour(params: impl QueryParams, step: Option<u8>) -> String {
    with_value(params, param::TOUR, step.map(|s| s.to_string()).as_deref())
}

fn with_value(mut params: impl QueryParams, name: &str, value: Option<&str>) -> String {
    params.remove(name);
    if let Some(value) = value {
        params.append(name, value);
    }
    let encoded = params.encoded();
    if encoded.is_empty() {
        encoded
    } else {
        format!("?{encoded}")
    }
}

/// Parameters decoded natively, by the rules the browser's `URLSearchParams` follows (tests and
/// fuzzing: it never enters the WebAssembly, where the browser decodes).
#[cfg(not(target_arch = "wasm32"))]
pub struct FormParams(Vec<(String, String)>);

#[cfg(not(target_arch = "wasm32"))]
impl FormParams {
    pub fn new(query: &str) -> FormParams {
        // As `new URLSearchParams(…)` does, one leading `?` is not part of the first name.
        let query = query.strip_prefix('?').unwrap_or(query);
        FormParams(
            form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl QueryParams for FormParams {
    fn last(&self, name: &str) -> Option<String> {
        let found = self.0.iter().rev().find(|(key, _)| key == name);
        found.map(|(_, value)| value.clone())
    }

    fn remove(&mut self, name: &str) {
        self.0.retain(|(key, _)| key != name);
    }

    fn append(&mut self, name: &str, value: &str) {
        self.0.push((name.to_owned(), value.to_owned()));
    }

    fn encoded(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.extend_pairs(&self.0);
        out.finish()
    }
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

    fn rewritten(query: &str, area: Option<Area>) -> String {
        with_borough(FormParams::new(query), area)
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
    fn only_ascii_whitespace_around_a_value_is_space() {
        assert_eq!(trim_space("\t\n\x0c\r dark \r\n"), "dark");
        // Vertical tab, NEL, no-break space, em space, ideographic space, byte order mark.
        for other in [
            '\u{b}', '\u{85}', '\u{a0}', '\u{2003}', '\u{3000}', '\u{feff}',
        ] {
            let value = format!("{other}dark{other}");
            assert_eq!(trim_space(&value), value, "{other:?}");
        }
        let dark = UrlState::from_query("?theme=%09dark%0A+");
        assert_eq!(dark.scheme, ColourScheme::Dark);
        // The page's early script does not apply it either (tests/address.rs).
        let bom = UrlState::from_query("?theme=%EF%BB%BFdark");
        assert_eq!(bom.scheme, ColourScheme::Auto);
        assert_eq!(bom.unknown_scheme.as_deref(), Some("\u{feff}dark"));
        let nbsp = UrlState::from_query("?borough=%C2%A0E09000012");
        assert_eq!(nbsp.unknown_borough.as_deref(), Some("\u{a0}E09000012"));
        assert_eq!(
            UrlState::from_query("?borough=%20E09000012%09").borough,
            Some(area("E09000012"))
        );
        // A slug ignores everything around its letters, so a name keeps working.
        assert_eq!(
            UrlState::from_query("?borough=%E3%80%80Hackney.").borough,
            Some(area("E09000012"))
        );
        assert!(!UrlState::from_query("?embed=%20").embed);
        assert_eq!(
            UrlState::from_query("?childId=%20map-2%20")
                .child_id
                .as_deref(),
            Some("map-2")
        );
    }

    #[test]
    fn letters_compare_without_ascii_case_only() {
        assert_eq!(
            UrlState::from_query("?theme=DaRk").scheme,
            ColourScheme::Dark
        );
        // The Kelvin sign, which JavaScript's toLowerCase() makes a "k".
        let kelvin = UrlState::from_query("?theme=DAR%E2%84%AA");
        assert_eq!(kelvin.unknown_scheme.as_deref(), Some("DAR\u{212a}"));
        assert_eq!(
            UrlState::from_query("?borough=e09000012").borough,
            Some(area("E09000012"))
        );
        assert_eq!(
            UrlState::from_query("?borough=%C5%BFutton")
                .unknown_borough
                .as_deref(),
            Some("\u{17f}utton"),
            "a long s is not an s"
        );
    }

    #[test]
    fn decoding_follows_the_web_platform_and_never_fails() {
        let value = |query: &str| FormParams::new(query).last("x");
        assert_eq!(value("x=%").as_deref(), Some("%"));
        assert_eq!(value("x=%4").as_deref(), Some("%4"));
        assert_eq!(value("x=%zz1").as_deref(), Some("%zz1"));
        assert_eq!(value("x=%E2%80%A6").as_deref(), Some("…"));
        assert_eq!(value("x=%FF").as_deref(), Some("\u{FFFD}"));
        assert_eq!(value("x=a%2Bb+c").as_deref(), Some("a+b c"));
        assert_eq!(value("x=%+4x").as_deref(), Some("% 4x"));
        assert_eq!(value("?x=1").as_deref(), Some("1"));
        assert_eq!(value("??x=1"), None, "the name is `?x`");
        assert_eq!(
            value("%78=1&x").as_deref(),
            Some(""),
            "names are decoded too"
        );
        assert_eq!(value("x=a=b&&y=2").as_deref(), Some("a=b"));
    }

    #[test]
    fn reads_tour_steps_one_to_ten_and_reports_anything_else() {
        for step in 1..=TOUR_STEPS {
            let query = with_tour(FormParams::new(""), Some(step));
            assert_eq!(query, format!("?tour={step}"));
            assert_eq!(UrlState::from_query(&query).tour, Some(step));
        }
        assert_eq!(UrlState::from_query("?tour=%203%09").tour, Some(3));
        assert_eq!(UrlState::from_query("?tour=3&tour=4").tour, Some(4));
        assert_eq!(UrlState::from_query("?tour=").tour, None);
        assert_eq!(UrlState::from_query("?tour=").unknown_tour, None);
        for odd in [
            "0",
            "11",
            "03",
            "+3",
            "-1",
            "3.0",
            "3.",
            "1e1",
            "three",
            "٣",
            "３",
            "99999999999",
        ] {
            let state = UrlState::from_query(&format!("?tour={}", odd.replace('+', "%2B")));
            assert_eq!(state.tour, None, "{odd}");
            assert_eq!(state.unknown_tour.as_deref(), Some(odd), "{odd}");
        }
        assert_eq!(
            with_tour(FormParams::new("?tour=2&borough=sutton&embed=1"), Some(10)),
            "?borough=sutton&embed=1&tour=10"
        );
        assert_eq!(
            with_tour(FormParams::new("?tour=2&borough=sutton"), None),
            "?borough=sutton"
        );
        assert_eq!(with_tour(FormParams::new("?tour=2"), None), "");
    }

    #[test]
    fn with_borough_sets_replaces_and_clears_keeping_other_parameters() {
        let hackney = Some(area("E09000012"));
        assert_eq!(rewritten("", hackney), "?borough=hackney");
        assert_eq!(rewritten("?embed=1", hackney), "?embed=1&borough=hackney");
        assert_eq!(
            rewritten("?borough=sutton&theme=dark", hackney),
            "?theme=dark&borough=hackney"
        );
        assert_eq!(rewritten("?borough=sutton&theme=dark", None), "?theme=dark");
        assert_eq!(rewritten("?borough=sutton", None), "");
        // The other parameters mean what they meant, written out anew as the browser does.
        assert_eq!(rewritten("?embed&x=a%20b", None), "?embed=&x=a+b");
        assert_eq!(
            rewritten("?bor%6Fugh=sutton&childId=c%2D1", hackney),
            "?childId=c-1&borough=hackney"
        );
    }
}
