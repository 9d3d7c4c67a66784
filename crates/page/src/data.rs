//! The data behind the map, as files to download ("Get the data"): the areas and the outcomes
//! as CSV, the areas with their outcomes as JSON, the boundaries as GeoJSON with their licence
//! and attribution inside.

use borough_core::area::{search, Area};
use borough_core::content::{Content, Link, Outcome};
use maud::{html, Markup, DOCTYPE};
use serde_json::{json, Value};

use crate::meta::Site;
use crate::View;

/// Where the build writes each file, relative to the site's root.
pub const AREAS_CSV: &str = "data/areas.csv";
pub const OUTCOMES_CSV: &str = "data/outcomes.csv";
pub const AREAS_JSON: &str = "data/areas.json";
pub const BOUNDARIES_GEOJSON: &str = "data/boroughs.geojson";

/// The name a downloaded file is saved under (`londoners-did-areas.csv`): the site's own
/// name for it would say nothing in a downloads folder.
pub fn download_name(path: &str) -> String {
    format!("londoners-did-{}", path.rsplit('/').next().unwrap_or(path))
}
/// The page that describes them (see [`about_page`]), linked from every story and the footer.
pub const ABOUT_PAGE: &str = "data/index.html";

/// The GSS code of the London region, for the outcomes that belong to all of London.
pub const LONDON_CODE: &str = "E12000007";

pub const AREAS_HEADER: [&str; 10] = [
    "code",
    "name",
    "status",
    "status_label",
    "summary",
    "outcome_count",
    "outcome_titles",
    "themes",
    "source_urls",
    "page_url",
];
/// How several values share one cell of the CSV files (titles and addresses can hold spaces
/// and commas, never this).
pub const JOIN: &str = " ; ";
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

/// An area's outcomes (none where the content has no entry for it).
fn outcomes_of(content: &Content, area: Area) -> &[Outcome] {
    content
        .entry(area)
        .map(|e| e.outcomes.as_slice())
        .unwrap_or_default()
}

/// `items` with each value kept once, where it first appears.
fn each_once<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut kept = Vec::new();
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    kept
}

/// One row per area, in the order of the list of areas.
pub fn areas_csv(content: &Content, site: &Site) -> String {
    csv(
        &AREAS_HEADER,
        search("").into_iter().map(|area| {
            let entry = content.entry(area);
            let outcomes = outcomes_of(content, area);
            let titles: Vec<&str> = outcomes.iter().map(|o| o.title.as_str()).collect();
            let themes = each_once(outcomes.iter().flat_map(|o| &o.themes).map(|t| t.id()));
            let sources = each_once(outcomes.iter().flat_map(|o| &o.sources).map(Link::url));
            vec![
                area.code().to_owned(),
                area.name().to_owned(),
                entry.map_or("", |e| e.status.id()).to_owned(),
                entry.map_or("", |e| e.status.label()).to_owned(),
                entry.map_or("", |e| e.summary.as_str()).to_owned(),
                outcomes.len().to_string(),
                titles.join(JOIN),
                themes.join(" "),
                sources.join(JOIN),
                site.page(View::Area(area)),
            ]
        }),
    )
}

fn outcome_json(outcome: &Outcome) -> Value {
    json!({
        "title": outcome.title,
        "text": outcome.text,
        "themes": outcome.themes.iter().map(|t| t.id()).collect::<Vec<_>>(),
        "quote": outcome.quote.as_ref().map(|q| json!({
            "text": q.text,
            "attribution": q.attribution,
        })),
        "sources": outcome.sources.iter().map(|l| json!({
            "title": l.title,
            "url": l.url(),
        })).collect::<Vec<_>>(),
    })
}

/// The areas in the order of the list, each with its status, summary, page and outcomes, and
/// the outcomes across London, with the licence and credit: the CSV files' content in one file.
pub fn areas_json(content: &Content, site: &Site) -> String {
    let areas: Vec<Value> = search("")
        .into_iter()
        .map(|area| {
            let entry = content.entry(area);
            json!({
                "code": area.code(),
                "name": area.name(),
                "status": entry.map(|e| e.status.id()),
                "status_label": entry.map(|e| e.status.label()),
                "summary": entry.map(|e| e.summary.as_str()),
                "page_url": site.page(View::Area(area)),
                "outcomes": outcomes_of(content, area).iter().map(outcome_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let london: Vec<Value> = content
        .programme
        .iter()
        .flat_map(|p| &p.london_wide)
        .map(outcome_json)
        .collect();
    let document = json!({
        "name": "Londoners did: what the community conversations led to, area by area",
        "content": CONTENT_CREDIT,
        "areas": areas,
        "london_wide": { "code": LONDON_CODE, "outcomes": london },
    });
    serde_json::to_string_pretty(&document).expect("JSON values serialise") + "\n"
}

fn outcome_row(code: &str, name: &str, outcome: &Outcome) -> Vec<String> {
    let join = |f: fn(&Link) -> &str| outcome.sources.iter().map(f).collect::<Vec<_>>().join(JOIN);
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
        outcomes_of(content, area)
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

/// What each column of [`AREAS_HEADER`] holds.
const AREAS_COLUMNS: [&str; 10] = [
    "the area's GSS code (E09000001 to E09000033)",
    "its name",
    "what the report records of its conversation: outcomes, held or none-recorded",
    "the same, in words",
    "our summary of its story",
    "how many outcomes the report records for it",
    "their titles, separated by \" ; \"",
    "their themes, each once, separated by spaces",
    "the addresses of their sources, each once, separated by \" ; \"",
    "the address of its page on this site",
];
/// What each column of [`OUTCOMES_HEADER`] holds.
const OUTCOMES_COLUMNS: [&str; 9] = [
    "the area's GSS code, or London's (E12000007) for an outcome across London",
    "the area's name",
    "the outcome's title",
    "our summary of it",
    "its themes, separated by spaces",
    "a quotation from the report, if any",
    "who said it",
    "the titles of its sources, separated by \" ; \"",
    "their addresses, in the same order",
];

/// The data page (`data/index.html`): each file, its columns and its licence. A plain page
/// with no style or script of its own, so it needs nothing from the site's policy.
pub fn about_page() -> String {
    let columns = |header: &[&str], meanings: &[&str]| -> Markup {
        html! {
            dl {
                @for (name, meaning) in header.iter().zip(meanings) {
                    dt { code { (name) } }
                    dd { (meaning) }
                }
            }
        }
    };
    let file = |path: &str| path.strip_prefix("data/").unwrap_or(path).to_owned();
    let download = |path: &str| {
        html! { a href=(file(path)) download=(download_name(path)) { (file(path)) } }
    };
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "The data behind the map | " (crate::meta::SITE_NAME) }
            }
            body {
                h1 { "The data behind the map" }
                p {
                    "Four files, free to reuse under their licences. "
                    a href="../" { "Back to the map" }
                }
                h2 { (download(AREAS_CSV)) }
                p { "CSV, UTF-8, one row per area (London's 32 boroughs and the City), in alphabetical order." }
                (columns(&AREAS_HEADER, &AREAS_COLUMNS))
                h2 { (download(OUTCOMES_CSV)) }
                p { "CSV, UTF-8, one row per outcome: each area's, then those across London." }
                (columns(&OUTCOMES_HEADER, &OUTCOMES_COLUMNS))
                h2 { (download(AREAS_JSON)) }
                p {
                    "JSON, UTF-8: the same as the two CSV files in one document. "
                    code { "areas" } " lists each area, in the same order, with the columns of "
                    (file(AREAS_CSV)) " and its " code { "outcomes" } ", each with its "
                    code { "title" } ", " code { "text" } ", " code { "themes" } ", "
                    code { "quote" } " (or null) and " code { "sources" } " ("
                    code { "title" } " and " code { "url" } "); " code { "london_wide" }
                    " holds the outcomes across London."
                }
                h2 { (download(BOUNDARIES_GEOJSON)) }
                p {
                    "GeoJSON: the boundaries the map is drawn from, with each area's "
                    code { "code" } ", " code { "name" } ", " code { "status" } " and "
                    code { "page_url" } " in its properties, and the licence and attribution in "
                    "the collection's own members."
                }
                h2 { "Licences" }
                p { "Boundaries: " (LICENCE) ". " (ATTRIBUTION) }
                p { (CONTENT_CREDIT) }
            }
        }
    }
    .into_string()
}
