//! The data behind the map, as files to download ("Get the data"): the areas and the outcomes
//! as CSV, the boundaries as GeoJSON with their licence and attribution inside.

use borough_core::area::search;
use borough_core::content::{Content, Link, Outcome};
use serde_json::{json, Value};

use crate::meta::Site;
use crate::View;

/// Where the build writes each file, relative to the site's root.
pub const AREAS_CSV: &str = "data/londoners-did-areas.csv";
pub const OUTCOMES_CSV: &str = "data/londoners-did-outcomes.csv";
pub const BOUNDARIES_GEOJSON: &str = "data/london-boroughs.geojson";

/// The GSS code of the London region, for the outcomes that belong to all of London.
pub const LONDON_CODE: &str = "E12000007";

pub const AREAS_HEADER: [&str; 7] = [
    "code",
    "name",
    "status",
    "status_label",
    "summary",
    "outcome_count",
    "page_url",
];
pub const OUTCOMES_HEADER: [&str; 9] = [
    "area_code",
    "area_name",
    "title",
    "text",
    "themes",
    "quote",
    "quote_attribution",
    "source_titles",
    "source_urls",
];

pub const LICENCE: &str = "Open Government Licence v3.0, \
    https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
pub const ATTRIBUTION: &str = "Borough boundaries: London Datastore, Statistical GIS Boundary \
    Files for London. Contains National Statistics data \u{a9} Crown copyright and database right \
    (2015). Contains Ordnance Survey data \u{a9} Crown copyright and database right (2015).";
const CONTENT_CREDIT: &str = "Outcomes summarised from \u{201c}Londoners did\u{201d} (Mental \
    Health Foundation, for Thrive LDN), in our own words: \
    https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did";

fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("writing to memory");
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// One row per area, in the order of the list of areas.
pub fn areas_csv(content: &Content, site: &Site) -> String {
    csv(
        &AREAS_HEADER,
        search("").into_iter().map(|area| {
            let entry = content.entry(area);
            vec![
                area.code().to_owned(),
                area.name().to_owned(),
                entry.map_or("", |e| e.status.id()).to_owned(),
                entry.map_or("", |e| e.status.label()).to_owned(),
                entry.map_or("", |e| e.summary.as_str()).to_owned(),
                entry.map_or(0, |e| e.outcomes.len()).to_string(),
                site.page(View::Area(area)),
            ]
        }),
    )
}

fn outcome_row(code: &str, name: &str, outcome: &Outcome) -> Vec<String> {
    let join = |f: fn(&Link) -> &str| {
        outcome
            .sources
            .iter()
            .map(f)
            .collect::<Vec<_>>()
            .join(" ; ")
    };
    vec![
        code.to_owned(),
        name.to_owned(),
        outcome.title.clone(),
        outcome.text.clone(),
        outcome
            .themes
            .iter()
            .map(|t| t.id())
            .collect::<Vec<_>>()
            .join(" "),
        outcome
            .quote
            .as_ref()
            .map_or(String::new(), |q| q.text.clone()),
        outcome
            .quote
            .as_ref()
            .map_or(String::new(), |q| q.attribution.clone()),
        join(|l| l.title.as_str()),
        join(Link::url),
    ]
}

/// One row per outcome: each area's, in the order of the list, then London-wide ones (with
/// the London region's code).
pub fn outcomes_csv(content: &Content) -> String {
    let areas = search("").into_iter().flat_map(|area| {
        content
            .entry(area)
            .map(|e| e.outcomes.as_slice())
            .unwrap_or_default()
            .iter()
            .map(move |o| outcome_row(area.code(), area.name(), o))
    });
    let london = content
        .programme
        .iter()
        .flat_map(|p| &p.london_wide)
        .map(|o| outcome_row(LONDON_CODE, "London (London-wide)", o));
    csv(&OUTCOMES_HEADER, areas.chain(london).collect::<Vec<_>>())
}

/// The boundaries the map is drawn from, with the licence and attribution as members of the
/// collection, and each area's status and page in its properties.
pub fn boundaries_geojson(
    geojson: &str,
    content: &Content,
    site: &Site,
) -> Result<String, serde_json::Error> {
    let mut collection: Value = serde_json::from_str(geojson)?;
    if let Some(features) = collection.get_mut("features").and_then(Value::as_array_mut) {
        for feature in features {
            let area = feature
                .pointer("/properties/code")
                .and_then(Value::as_str)
                .and_then(borough_core::area::Area::from_code);
            let (Some(area), Some(properties)) = (
                area,
                feature.get_mut("properties").and_then(Value::as_object_mut),
            ) else {
                continue;
            };
            if let Some(status) = content.status(area) {
                properties.insert("status".into(), json!(status.id()));
            }
            properties.insert("page_url".into(), json!(site.page(View::Area(area))));
        }
    }
    if let Some(object) = collection.as_object_mut() {
        object.insert(
            "name".into(),
            json!("London's 33 areas (32 boroughs and the City)"),
        );
        object.insert("licence".into(), json!(LICENCE));
        object.insert("attribution".into(), json!(ATTRIBUTION));
        object.insert("content".into(), json!(CONTENT_CREDIT));
    }
    Ok(serde_json::to_string(&collection)? + "\n")
}
