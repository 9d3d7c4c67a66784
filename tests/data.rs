//! Data tests: `geo/` and the content file held to the checked facts in `docs/facts.md`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use borough_core::area::Area;
use borough_core::content::{Content, Outcome, Status, Theme};
use borough_core::geo::{BoundarySet, Bounds};
use serde_json::Value;
use support::{read_repo_file, repo_content};

mod support;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn facts() -> String {
    read_repo_file("docs/facts.md")
}

/// The facts sheet's list of the 33 areas: `E09000001 City of London; E09000002 …`.
fn facts_areas() -> BTreeMap<String, String> {
    let facts = facts();
    let list = facts
        .split("## The 33 areas and their GSS codes (ONS)")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("facts.md lists the 33 areas");
    list.split(';')
        .map(|item| {
            let item = item.trim().trim_end_matches('.');
            let (code, name) = item.split_once(' ').expect("code then name");
            (
                code.to_owned(),
                name.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

/// The facts sheet's statuses: the borough table's named rows; every other area none-recorded.
fn facts_statuses() -> BTreeMap<String, &'static str> {
    let mut statuses: BTreeMap<String, &'static str> = facts_areas()
        .into_keys()
        .map(|code| (code, "none-recorded"))
        .collect();
    for line in facts()
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("(E09"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let code = cells[1].split(['(', ')']).nth(1).unwrap().to_owned();
        let status = match cells[2] {
            "outcomes" => "outcomes",
            "held" => "held",
            "none-recorded" => "none-recorded",
            other => panic!("unknown status {other:?} in facts.md"),
        };
        statuses.insert(code, status);
    }
    statuses
}

fn all_outcomes(content: &Content) -> Vec<(Option<Area>, &Outcome)> {
    let programme = content.programme.as_ref().unwrap();
    programme
        .london_wide
        .iter()
        .map(|o| (None, o))
        .chain(Area::all().flat_map(|a| {
            content
                .entry(a)
                .into_iter()
                .flat_map(move |e| e.outcomes.iter().map(move |o| (Some(a), o)))
        }))
        .collect()
}

#[test]
fn the_vendored_facts_are_the_shared_sheet() {
    // CI and developers have the shared sheet beside the repository; a fresh clone elsewhere
    // has only the vendored copy, which is what every other test reads.
    let shared = root().join("../shared/content/facts.md");
    if let Ok(sheet) = std::fs::read_to_string(&shared) {
        assert!(
            sheet == facts(),
            "docs/facts.md differs from {}: copy it again",
            shared.display()
        );
    }
    assert_eq!(facts_areas().len(), 33);
}

#[test]
fn the_area_registry_is_the_facts_list() {
    let registry: BTreeMap<String, String> = Area::all()
        .map(|a| (a.code().to_owned(), a.name().to_owned()))
        .collect();
    assert_eq!(registry, facts_areas());
}

#[test]
fn geometry_holds_the_33_areas_of_the_facts_once_each() {
    let geojson: Value = serde_json::from_str(&read_repo_file("geo/boroughs.geojson")).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 33);
    let found: BTreeMap<String, String> = features
        .iter()
        .map(|f| {
            let p = &f["properties"];
            (
                p["code"].as_str().unwrap().to_owned(),
                p["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(found.len(), 33, "codes are unique");
    assert_eq!(found, facts_areas());
}

#[test]
fn geometry_rings_are_closed_wound_and_inside_london() {
    // London's extent with a few hundred metres to spare (Hillingdon to Havering, Croydon to Enfield).
    let london = Bounds::of_points(&[[-0.52, 51.28], [0.34, 51.70]]);
    let geojson: Value = serde_json::from_str(&read_repo_file("geo/boroughs.geojson")).unwrap();
    for feature in geojson["features"].as_array().unwrap() {
        let name = feature["properties"]["name"].as_str().unwrap();
        let geometry = &feature["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str().unwrap() {
            "Polygon" => vec![&geometry["coordinates"]],
            "MultiPolygon" => geometry["coordinates"].as_array().unwrap().iter().collect(),
            other => panic!("{name}: {other}"),
        };
        for polygon in polygons {
            for (i, ring) in polygon.as_array().unwrap().iter().enumerate() {
                let points: Vec<[f64; 2]> = ring
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
                    .collect();
                assert!(
                    points.len() >= 4,
                    "{name}: ring {i} has {} points",
                    points.len()
                );
                assert_eq!(
                    points.first(),
                    points.last(),
                    "{name}: ring {i} is not closed"
                );
                for p in &points {
                    assert!(london.contains(*p), "{name}: {p:?} is outside London");
                }
                // RFC 7946: exterior rings anticlockwise, holes clockwise.
                let twice_area: f64 = points
                    .windows(2)
                    .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
                    .sum();
                assert_eq!(
                    twice_area > 0.0,
                    i == 0,
                    "{name}: ring {i} is wound the wrong way"
                );
            }
        }
    }
    let set = BoundarySet::from_geojson(&read_repo_file("geo/boroughs.geojson")).unwrap();
    assert_eq!(set.skipped, vec![]);
    assert_eq!(set.missing(), vec![]);
}

#[test]
fn geometry_has_its_provenance_and_licence_beside_it() {
    let readme = read_repo_file("geo/README.md");
    for needed in [
        "vega-datasets",
        "3.2.1",
        "Open Government Licence",
        "Contains National Statistics data © Crown copyright and database right (2015)",
        "Contains Ordnance Survey data © Crown copyright and database right (2015)",
        "make geo",
    ] {
        assert!(
            readme.contains(needed),
            "geo/README.md does not mention {needed:?}"
        );
    }
}

#[test]
fn the_content_parses_without_problems_and_covers_every_area() {
    let content = repo_content();
    assert_eq!(content.problems, vec![]);
    assert!(content.programme.is_some());
    let set = BoundarySet::from_geojson(&read_repo_file("geo/boroughs.geojson")).unwrap();
    let drawn: BTreeSet<Area> = set.boundaries.iter().map(|b| b.area).collect();
    let described: BTreeSet<Area> = Area::all()
        .filter(|a| content.entry(*a).is_some())
        .collect();
    assert_eq!(drawn, described);
}

#[test]
fn statuses_are_the_facts_statuses() {
    let content = repo_content();
    let statuses: BTreeMap<String, &'static str> = Area::all()
        .map(|a| (a.code().to_owned(), content.status(a).unwrap().id()))
        .collect();
    assert_eq!(statuses, facts_statuses());
    assert_eq!(content.count(Status::Outcomes), 8);
    assert_eq!(content.count(Status::Held), 1);
    assert_eq!(content.count(Status::NoneRecorded), 24);
}

#[test]
fn only_areas_with_outcomes_list_them_and_each_cites_the_report() {
    let content = repo_content();
    for area in Area::all() {
        let entry = content.entry(area).unwrap();
        assert!(!entry.summary.trim().is_empty(), "{area} has no summary");
        match entry.status {
            Status::Outcomes => assert!(!entry.outcomes.is_empty(), "{area}"),
            Status::Held | Status::NoneRecorded => assert!(entry.outcomes.is_empty(), "{area}"),
        }
    }
    for (area, outcome) in all_outcomes(&content) {
        assert!(
            !outcome.themes.is_empty(),
            "{area:?} {}: no theme",
            outcome.title
        );
        assert!(
            outcome
                .sources
                .iter()
                .any(|l| l.url().ends_with("/publications/londoners-did")),
            "{area:?} {}: does not cite Londoners did",
            outcome.title
        );
        for theme in &outcome.themes {
            assert!(Theme::ALL.contains(theme));
        }
    }
}

#[test]
fn every_link_is_https_and_listed_in_the_facts() {
    let content = repo_content();
    let programme = content.programme.as_ref().unwrap();
    let facts = facts();
    let links = programme.sources.iter().chain(
        all_outcomes(&content)
            .into_iter()
            .flat_map(|(_, o)| o.sources.iter()),
    );
    for link in links {
        assert!(link.is_https(), "{}", link.url());
        assert!(
            facts.contains(link.url()),
            "{} is not a source in facts.md",
            link.url()
        );
    }
}

#[test]
fn figures_and_aspirations_are_the_facts() {
    let content = repo_content();
    let programme = content.programme.as_ref().unwrap();
    let figures: BTreeMap<&str, u32> = programme
        .figures
        .iter()
        .map(|f| (f.id.as_str(), f.value))
        .collect();
    let expected = BTreeMap::from([
        ("conversations", 17),
        ("host-boroughs", 16),
        ("participants", 1016),
        ("connected-participants", 400),
        ("connected-organisers", 80),
        ("champions", 40),
    ]);
    assert_eq!(figures, expected);
    // Each figure is the one facts.md states, in the words it states it with.
    let facts = facts();
    for phrase in [
        "17 community conversations",
        "16 host boroughs",
        "the exact count given is 1,016",
        "about 400 participants and 80% of organisers",
        "more than 40 Thrive LDN champions",
    ] {
        assert!(facts.contains(phrase), "facts.md no longer says {phrase:?}");
    }
    for figure in &programme.figures {
        let digits: String = figure.shown.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(
            digits,
            figure.value.to_string(),
            "figure {} shows {:?}",
            figure.id,
            figure.shown
        );
    }

    let aspirations: Vec<String> = facts
        .lines()
        .skip_while(|l| !l.starts_with("The six Thrive LDN aspirations"))
        .filter_map(|l| l.split_once(". ").filter(|(n, _)| n.parse::<u8>().is_ok()))
        .map(|(_, text)| text.to_owned())
        .take(6)
        .collect();
    assert_eq!(aspirations.len(), 6);
    assert_eq!(programme.aspirations, aspirations);
}

#[test]
fn quotations_are_word_for_word_and_attributed() {
    let content = repo_content();
    let facts = facts();
    let quotes: Vec<_> = all_outcomes(&content)
        .into_iter()
        .filter_map(|(_, o)| o.quote.as_ref())
        .collect();
    assert!(!quotes.is_empty());
    for quote in quotes {
        assert!(
            facts.contains(&quote.text),
            "not word for word: {:?}",
            quote.text
        );
        assert!(!quote.attribution.trim().is_empty());
    }
}

#[test]
fn wording_follows_the_facts_rules() {
    let content = repo_content();
    let text = read_repo_file("content/londoners-did.json").to_lowercase();
    // Never claim that no conversation took place: the report is silent, not negative.
    for forbidden in [
        "no conversation",
        "did not take place",
        "didn't take place",
        "not held",
    ] {
        assert!(!text.contains(forbidden), "content says {forbidden:?}");
    }
    // Black Thrive began in 2016, before the conversation.
    let lambeth = content.entry(Area::parse("lambeth").unwrap()).unwrap();
    for outcome in &lambeth.outcomes {
        let words = format!("{} {}", outcome.title, outcome.text).to_lowercase();
        if words.contains("black thrive") {
            for verb in [
                "created",
                "founded",
                "set up",
                "launched",
                "established",
                "started",
            ] {
                assert!(
                    !words.contains(verb),
                    "Lambeth: {verb:?} implies the conversation made Black Thrive"
                );
            }
        }
    }
    // The Poverty Commission's borough is not named in the source: it stays London-wide.
    for area in Area::all() {
        let entry = content.entry(area).unwrap();
        let words = serde_json::to_string(&entry.summary).unwrap()
            + &entry
                .outcomes
                .iter()
                .map(|o| o.text.clone())
                .collect::<String>();
        assert!(
            !words.contains("Poverty Commission"),
            "{area} claims the Poverty Commission"
        );
    }
    let none = content.entry(Area::parse("brent").unwrap()).unwrap();
    assert!(none.summary.contains("No outcome"), "{}", none.summary);
}

/// The report's ten summary points, as vendored in `docs/ten-points.md` (CI has no
/// `../shared`), in the report's order.
fn report_points() -> Vec<String> {
    let text = read_repo_file("docs/ten-points.md");
    let points: Vec<String> = (1..=10)
        .map(|n| {
            let start = format!("{n}. ");
            text.lines()
                .find_map(|line| line.strip_prefix(&start))
                .unwrap_or_else(|| panic!("docs/ten-points.md has no point {n}"))
                .to_owned()
        })
        .collect();
    points
}

#[test]
fn the_vendored_points_are_the_reports() {
    let seed = root().join("../shared/seed/londoners-did.txt");
    if let Ok(report) = std::fs::read_to_string(&seed) {
        for point in report_points() {
            assert!(report.contains(&point), "not in the report: {point}");
        }
    }
}

/// The tour is the report's ten summary points in its order: each step sums up outcomes the
/// content tells, says what the report's point says (one phrase of the report's and one of our
/// summary for each), and concerns exactly the areas the report's point names.
#[test]
fn the_tour_is_the_reports_ten_summary_points_in_order() {
    let content = repo_content();
    let points = report_points();
    assert_eq!(
        content.tour.len(),
        10,
        "the tour has {} steps",
        content.tour.len()
    );
    // (the report's words, ours) for each point.
    let phrases: [&[(&str, &str)]; 10] = [
        &[
            ("useful connections", "About 400 participants"),
            ("80% of organisers", "80% of organisers"),
        ],
        &[
            ("40 Thrive LDN champions", "More than 40 champions"),
            ("seven masterclasses", "seven masterclasses"),
        ],
        &[
            ("Thamesview", "Thrive Thamesview"),
            ("400 residents", "400 residents"),
        ],
        &[
            ("Lambeth Together", "Lambeth Together"),
            ("Black Thrive", "Black Thrive"),
        ],
        &[("new developments", "regeneration")],
        &[
            ("Britannia Leisure Centre", "Britannia Leisure Centre"),
            ("planning officers", "planning officers"),
        ],
        &[("Black residents", "Black residents")],
        &[
            ("Fairness Commission", "Fairness Commission"),
            ("children and young people", "children and young people"),
        ],
        &[("Kevin Fenton", "Kevin Fenton")],
        &[
            ("community-based events", "community events"),
            ("Mental Health Fair", "Mental Health Fair"),
        ],
    ];
    for (n, ((step, point), phrases)) in content.tour.iter().zip(&points).zip(phrases).enumerate() {
        let n = n + 1;
        let told = content.tour_outcomes(step);
        assert_eq!(
            told.len(),
            step.outcomes.len(),
            "step {n}: an outcome is missing"
        );
        let ours: String = told
            .iter()
            .map(|o| format!("{} {} ", o.title, o.text))
            .collect();
        for (theirs, mine) in phrases {
            assert!(
                point.contains(theirs),
                "point {n} of the report: no {theirs:?}"
            );
            assert!(ours.contains(mine), "step {n}: no {mine:?} in {ours}");
        }
        let named: Vec<Area> = Area::all().filter(|a| point.contains(a.name())).collect();
        let mut places = step.places();
        places.sort();
        assert_eq!(
            places, named,
            "step {n} concerns other areas than the report's point names"
        );
    }
}
