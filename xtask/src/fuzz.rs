//! A fuzzer for every parser that reads outside input: the geometry file, the content file,
//! the address's query string, embed commands and the data attributes the app reads back from
//! the built page. Each input is a seed (real files and
//! messages) mutated at random, or generated from scratch; a panic anywhere is a failure,
//! reported with the input that caused it. Deterministic for a given seed (`cargo xtask fuzz [inputs] [seed]`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use borough_core::area::Area;
use borough_core::attrs::{parse_areas, parse_label, parse_themes};
use borough_core::content::Content;
use borough_core::contract::TOUR_STEPS;
use borough_core::embed::{tour_message, Command};
use borough_core::geo::{BoundarySet, MapLayout};
use borough_core::url_state::{
    trim_space, with_borough, with_tour, ColourScheme, FormParams, UrlState, MAX_ECHO,
};

const GEOMETRY: &str = include_str!("../../geo/boroughs.geojson");
const CONTENT: &str = include_str!("../../content/londoners-did.json");

/// A small, fast generator (xorshift64*): reproducible without any crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Fragments that parsers find interesting: JSON structure, numbers at the edges, markup,
/// escapes and multi-byte characters.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "-0",
    "1e308",
    "-1e309",
    "NaN",
    "1.7976931348623157e308",
    "4.9e-324",
    "0.1",
    "51.5",
    "-0.1",
    "\"type\"",
    "\"FeatureCollection\"",
    "\"Feature\"",
    "\"Polygon\"",
    "\"MultiPolygon\"",
    "\"Point\"",
    "\"coordinates\"",
    "\"code\"",
    "\"E09000012\"",
    "\"E09000099\"",
    "\"areas\"",
    "\"outcomes\"",
    "\"status\"",
    "\"held\"",
    "\"url\"",
    "\"javascript:alert(1)\"",
    "<script>alert(1)</script>",
    "%",
    "%2",
    "%zz",
    "%E2%80",
    "%FF",
    "+",
    "&",
    "=",
    "?",
    "borough",
    "theme",
    "embed",
    "childId",
    "tour",
    "\"step\"",
    "10",
    "hackney",
    "E09000012",
    "e09000029",
    "tower+hamlets",
    "%20",
    "%2B",
    "%26",
    "%09",
    "%0A",
    "%0B",
    "%C2%A0",
    "%E2%80%83",
    "%EF%BB%BF",
    "%E2%84%AA",
    "dark",
    "LIGHT",
    "\u{0}",
    "\u{FFFD}",
    "é",
    "🏙",
    "\u{202E}",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                bytes.splice(at..at, token);
            }
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => bytes.truncate(at),
            4 if !bytes.is_empty() => {
                // Repeat a slice: deep nesting, long values.
                let end = (at + rng.below(32)).min(bytes.len());
                let slice = bytes[at..end].repeat(1 + rng.below(50));
                bytes.splice(at..at, slice);
            }
            _ => {
                let value = (rng.next() as f64) * if rng.below(2) == 0 { 1e-10 } else { -1e290 };
                bytes.splice(at..at, value.to_string().into_bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn generate(rng: &mut Rng) -> String {
    (0..rng.below(40)).map(|_| rng.pick(TOKENS)).collect()
}

/// A short geometry file: one or two real features, so that most inputs are near-valid.
fn small_geometry(rng: &mut Rng) -> String {
    let features: Vec<&str> = GEOMETRY
        .lines()
        .filter(|l| l.starts_with("{\"geometry\""))
        .collect();
    let pick = |rng: &mut Rng| {
        features[rng.below(features.len())]
            .trim_end_matches(',')
            .to_owned()
    };
    let mut chosen = vec![pick(rng)];
    if rng.below(2) == 0 {
        chosen.push(pick(rng));
    }
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{}]}}",
        chosen.join(",")
    )
}

/// Feeds one input to the parser `target` chooses; the results are used so nothing is skipped.
fn run(target: usize, input: &str) -> usize {
    match target {
        0 => match BoundarySet::from_geojson(input) {
            Ok(set) => set.skipped.len() + MapLayout::new(&set).map_or(0, |l| l.shapes.len()),
            Err(e) => e.to_string().len(),
        },
        1 => Content::parse(input).problems.len(),
        2 => check_address(input),
        3 => {
            // As the browser hands the app a message's data: parsed by JSON.parse.
            let data: serde_json::Value = serde_json::from_str(input).unwrap_or_default();
            let command = Command::from_fields(
                |name| data.get(name)?.as_str().map(String::from),
                |name| data.get(name)?.as_f64(),
            );
            if let Some(Command::Tour(step)) = command {
                assert!(step <= TOUR_STEPS);
                let sent: serde_json::Value = serde_json::from_str(&tour_message(step)).unwrap();
                assert_eq!(sent["step"], u64::from(step));
            }
            usize::from(command.is_some())
        }
        _ => {
            parse_label(input).map_or(0, |p| p.len())
                + parse_areas(input).len()
                + parse_themes(input).len()
        }
    }
}

/// Reads an address as the app does and checks what must hold of any: a value is either
/// understood or reported, a reported value is trimmed and short, and rewriting the borough
/// (as a choice does) changes nothing else the address says. A broken rule panics.
fn check_address(query: &str) -> usize {
    let state = UrlState::from_query(query);
    assert!(state.borough.is_none() || state.unknown_borough.is_none());
    assert!(state.unknown_scheme.is_none() || state.scheme == ColourScheme::Auto);
    assert!(state.tour.is_none() || state.unknown_tour.is_none());
    assert!(state
        .tour
        .is_none_or(|step| (1..=TOUR_STEPS).contains(&step)));
    for reported in [
        &state.unknown_borough,
        &state.unknown_scheme,
        &state.unknown_tour,
    ]
    .into_iter()
    .flatten()
    {
        assert!(!reported.is_empty() && reported.chars().count() <= MAX_ECHO);
        assert_eq!(trim_space(reported), reported);
    }
    let mut written = 0;
    for area in [state.borough, Area::parse("hackney"), None] {
        let rewritten = with_borough(FormParams::new(query), area);
        let expected = UrlState {
            borough: area,
            unknown_borough: None,
            ..state.clone()
        };
        assert_eq!(UrlState::from_query(&rewritten), expected, "{rewritten:?}");
        assert_eq!(with_borough(FormParams::new(&rewritten), area), rewritten);
        written += rewritten.len();
    }
    // Stepping through the tour, and leaving it, likewise changes nothing else.
    for step in [state.tour, Some(1), Some(TOUR_STEPS), None] {
        let rewritten = with_tour(FormParams::new(query), step);
        let expected = UrlState {
            tour: step,
            unknown_tour: None,
            ..state.clone()
        };
        assert_eq!(UrlState::from_query(&rewritten), expected, "{rewritten:?}");
        written += rewritten.len();
    }
    written
}

/// Runs `inputs` inputs; returns the number that panicked (each is printed).
pub fn fuzz(inputs: u64, seed: u64) -> u64 {
    let queries = [
        "?borough=hackney&theme=dark",
        "?embed=1&childId=map-1&borough=E09000029",
        "borough=tower+hamlets",
        "?theme=%EF%BB%BFdark&borough=Barking%20%26%20Dagenham&borough=%09e09000012.",
        "?tour=3&embed=1",
        "?borough=merton&tour=10&tour=%2001",
    ];
    let commands = [
        r#"{"target":"borough-map","type":"select","code":"E09000012"}"#,
        r#"{"target":"borough-map","type":"theme","theme":"light"}"#,
        r#"{"target":"borough-map","type":"clear"}"#,
        r#"{"target":"borough-map","type":"tour","step":3}"#,
        r#"{"target":"borough-map","type":"tour","step":0}"#,
    ];
    let attributes = [
        "512 300",
        "E09000001 E09000002",
        "connections places-and-planning",
    ];
    // Panics on this thread are reported here, with their input; any other thread's (another
    // test's, when the unit tests run this) still reach the hook that was there before.
    let fuzzing = std::thread::current().id();
    let previous = std::sync::Arc::new(std::panic::take_hook());
    let others = previous.clone();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != fuzzing {
            others(info);
        }
    }));
    let mut rng = Rng(seed | 1);
    let mut failures = 0;
    let started = Instant::now();
    for i in 0..inputs {
        // URL and command parsing are cheap, so they get most inputs; whole files fewer.
        let (target, input) = match rng.below(100) {
            0..=1 => (0, mutate(&mut rng, GEOMETRY)),
            2..=14 => {
                let small = small_geometry(&mut rng);
                (0, mutate(&mut rng, &small))
            }
            15..=24 => (1, mutate(&mut rng, CONTENT)),
            25..=29 => (1, generate(&mut rng)),
            30..=59 => {
                let seed = rng.pick(&queries);
                (2, mutate(&mut rng, seed))
            }
            60..=64 => (2, generate(&mut rng)),
            65..=89 => {
                let seed = rng.pick(&commands);
                (3, mutate(&mut rng, seed))
            }
            90..=94 => (3, generate(&mut rng)),
            _ => {
                let seed = rng.pick(&attributes);
                (4, mutate(&mut rng, seed))
            }
        };
        if catch_unwind(AssertUnwindSafe(|| run(target, &input))).is_err() {
            failures += 1;
            let shown: String = input.chars().take(300).collect();
            eprintln!("input {i} (parser {target}) panicked: {shown:?}");
        }
    }
    drop(std::panic::take_hook());
    if let Ok(previous) = std::sync::Arc::try_unwrap(previous) {
        std::panic::set_hook(previous);
    }
    println!(
        "fuzz: {inputs} inputs, {failures} panics, {:.1} s (seed {seed})",
        started.elapsed().as_secs_f64()
    );
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short run that `make test` includes; `make fuzz` runs a million.
    #[test]
    fn twenty_thousand_inputs_cause_no_panic() {
        assert_eq!(fuzz(20_000, 0x5eed), 0);
    }

    #[test]
    fn mutations_change_their_seed_and_generation_is_deterministic() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        assert_eq!(mutate(&mut a, "{\"x\":1}"), mutate(&mut b, "{\"x\":1}"));
        let mut rng = Rng(9);
        assert!((0..100).any(|_| mutate(&mut rng, CONTENT) != CONTENT));
    }
}
