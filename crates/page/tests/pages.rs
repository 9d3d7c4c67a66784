//! The site's pages as the build writes them from the repository's `index.html`, boundaries and
//! content: one per area with its own head and its story open, the data files, the sitemap.

use std::collections::HashSet;

use borough_core::area::Area;
use borough_core::content::Content;
use borough_core::contract::{attr, id, story_id};
use borough_core::geo::MapLayout;
use borough_page::data::{self, AREAS_HEADER, OUTCOMES_HEADER};
use borough_page::meta::{self, Site};
use borough_page::{at_root, build_pages, checked, is_relative_url, View};
use scraper::{Html, Selector};

fn read(path: &str) -> String {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn london() -> (MapLayout, Content) {
    checked(
        &read(borough_page::GEOMETRY_PATH),
        &read(borough_core::content::CONTENT_PATH),
    )
    .unwrap()
}

fn site() -> Site {
    Site::parse("https://example.org/borough-map/").unwrap()
}

/// Every page as the build writes it, relative URLs resolved (built once).
fn pages() -> &'static [(View, String)] {
    static PAGES: std::sync::OnceLock<Vec<(View, String)>> = std::sync::OnceLock::new();
    PAGES.get_or_init(|| {
        let (layout, content) = london();
        build_pages(&read("index.html"), &layout, &content, &site())
            .unwrap()
            .into_iter()
            .map(|(view, html)| (view, at_root(&html, view.root())))
            .collect()
    })
}

fn one<'a>(page: &'a Html, selector: &str) -> scraper::ElementRef<'a> {
    let found: Vec<_> = page.select(&Selector::parse(selector).unwrap()).collect();
    assert_eq!(found.len(), 1, "{selector}: {} found", found.len());
    found[0]
}

fn content_of(page: &Html, selector: &str) -> String {
    one(page, selector)
        .value()
        .attr("content")
        .unwrap()
        .to_owned()
}

#[test]
fn there_is_a_page_per_area_and_the_home_page() {
    let pages = pages();
    assert_eq!(pages.len(), 34);
    let paths: HashSet<_> = pages.iter().map(|(v, _)| v.index_path()).collect();
    assert_eq!(paths.len(), 34);
    assert!(paths.contains("index.html"));
    assert!(paths.contains("hackney/index.html"));
    assert!(paths.contains("barking-and-dagenham/index.html"));
}

#[test]
fn every_page_has_its_own_title_description_canonical_and_card() {
    let (_, content) = london();
    let site = site();
    let mut seen = HashSet::new();
    for &(view, ref html) in pages() {
        let page = Html::parse_document(html);
        let title = one(&page, "head > title").text().collect::<String>();
        assert_eq!(title, meta::title(view));
        if let View::Area(area) = view {
            assert!(title.starts_with(area.name()), "{title}");
            assert_eq!(
                content_of(&page, "meta[name=description]"),
                content.entry(area).unwrap().summary
            );
        } else {
            assert_eq!(
                content_of(&page, "meta[name=description]"),
                content.programme.as_ref().unwrap().summary
            );
        }
        let url = site.page(view);
        assert!(url.starts_with("https://example.org/borough-map/"));
        assert_eq!(
            one(&page, "link[rel=canonical]").value().attr("href"),
            Some(url.as_str())
        );
        assert_eq!(content_of(&page, "meta[property='og:url']"), url);
        assert_eq!(content_of(&page, "meta[property='og:title']"), title);
        assert_eq!(
            content_of(&page, "meta[property='og:description']"),
            content_of(&page, "meta[name=description]")
        );
        assert_eq!(content_of(&page, "meta[property='og:type']"), "website");
        assert_eq!(
            content_of(&page, "meta[property='og:image']"),
            site.file(&view.preview_path())
        );
        assert_eq!(content_of(&page, "meta[property='og:image:width']"), "1200");
        assert_eq!(content_of(&page, "meta[property='og:image:height']"), "630");
        assert!(!content_of(&page, "meta[property='og:image:alt']").is_empty());
        assert_eq!(
            content_of(&page, "meta[name='twitter:card']"),
            "summary_large_image"
        );
        assert!(
            seen.insert(title),
            "{view:?}: the same title as another page"
        );
        assert!(
            seen.insert(url),
            "{view:?}: the same address as another page"
        );
    }
}

#[test]
fn every_page_opens_its_own_story_and_says_where_the_root_is() {
    for &(view, ref html) in pages() {
        let page = Html::parse_document(html);
        let open = one(&page, attr::OPEN.selector);
        let root = one(&page, "html");
        assert_eq!(root.value().attr(attr::ROOT.name), Some(view.root()));
        match view {
            View::London => {
                assert_eq!(open.value().id(), Some(id::LONDON.name));
                assert_eq!(root.value().attr(attr::PAGE_AREA.name), None);
            }
            View::Area(area) => {
                assert_eq!(open.value().id(), Some(story_id(area).as_str()));
                assert_eq!(root.value().attr(attr::PAGE_AREA.name), Some(area.code()));
                // Its story is whole in the HTML: heading and summary.
                let heading = open.select(&Selector::parse("h2").unwrap()).next().unwrap();
                assert_eq!(heading.text().collect::<String>(), area.name());
            }
        }
    }
}

/// The `href` and `src` values of a page's tags, outside scripts and styles.
fn urls(html: &str) -> Vec<String> {
    let page = Html::parse_document(html);
    page.select(&Selector::parse("[href], [src]").unwrap())
        .flat_map(|e| [e.value().attr("href"), e.value().attr("src")])
        .flatten()
        .map(str::to_owned)
        .collect()
}

#[test]
fn an_area_pages_relative_urls_lead_to_the_same_files_as_the_home_pages() {
    let pages = pages();
    let home: Vec<_> = urls(&pages[0].1)
        .into_iter()
        .filter(|u| is_relative_url(u))
        .collect();
    assert!(home.iter().any(|u| u == "./boot.js"), "{home:?}");
    assert!(home.iter().any(|u| u == data::AREAS_CSV), "{home:?}");
    let expected: Vec<_> = home
        .iter()
        .map(|u| format!("../{}", u.trim_start_matches("./")))
        .collect();
    for (view, html) in &pages[1..] {
        let relative: Vec<_> = urls(html)
            .into_iter()
            .filter(|u| is_relative_url(u))
            .collect();
        assert_eq!(relative, expected, "{view:?}");
    }
}

/// The text of every `<script>` and `<style>` element.
fn inline_code(html: &str) -> Vec<String> {
    let page = Html::parse_document(html);
    page.select(&Selector::parse("script:not([src]), style").unwrap())
        .map(|e| e.inner_html())
        .collect()
}

#[test]
fn every_page_has_the_same_inline_code_so_one_policy_allows_it() {
    let (layout, content) = london();
    let shell = read("index.html").replace(
        "<!-- early script -->",
        "<script>var a = \"./x.js\"; b.href=\"./y\";</script><style>a{background:url(\"./z.png\")}</style>",
    );
    let pages = build_pages(&shell, &layout, &content, &site()).unwrap();
    let home = inline_code(&pages[0].1);
    assert_eq!(home.len(), 2);
    for (view, html) in &pages {
        assert_eq!(inline_code(&at_root(html, view.root())), home, "{view:?}");
    }
}

#[test]
fn relative_urls_are_told_from_the_others() {
    for relative in ["./boot.js", "boot.js", "data/a.csv", "../x", "a?b=c:d"] {
        assert!(is_relative_url(relative), "{relative}");
    }
    for other in [
        "#area-hackney",
        "/x",
        "//cdn.example/x",
        "https://example.org/",
        "data:image/svg+xml,<svg/>",
        "mailto:a@b",
        "",
    ] {
        assert!(!is_relative_url(other), "{other}");
    }
    assert_eq!(
        at_root("<link href=\"./a.js\"><a href=\"#x\" src=\"b/c\">", "../"),
        "<link href=\"../a.js\"><a href=\"#x\" src=\"../b/c\">"
    );
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_areas_csv_has_a_row_per_area_that_agrees_with_the_content() {
    let (_, content) = london();
    let site = site();
    let (header, rows) = parse_csv(&data::areas_csv(&content, &site));
    assert_eq!(header, AREAS_HEADER);
    assert_eq!(rows.len(), 33);
    let codes: HashSet<_> = rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(codes.len(), 33);
    for row in rows {
        let area = Area::from_code(&row[0]).unwrap();
        let entry = content.entry(area).unwrap();
        assert_eq!(row[1], area.name());
        assert_eq!(row[2], entry.status.id());
        assert_eq!(row[3], entry.status.label());
        assert_eq!(row[4], entry.summary);
        assert_eq!(row[5], entry.outcomes.len().to_string());
        let titles: Vec<&str> = entry.outcomes.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(row[6], titles.join(data::JOIN));
        for outcome in &entry.outcomes {
            for theme in &outcome.themes {
                assert!(
                    row[7].split(' ').any(|t| t == theme.id()),
                    "{area}: {theme:?}"
                );
            }
            for source in &outcome.sources {
                assert!(
                    row[8].split(data::JOIN).any(|u| u == source.url()),
                    "{area}"
                );
            }
        }
        assert_eq!(row[9], site.page(View::Area(area)));
    }
}

#[test]
fn the_areas_json_agrees_with_the_content_and_the_csv() {
    let (_, content) = london();
    let site = site();
    let json: serde_json::Value = serde_json::from_str(&data::areas_json(&content, &site)).unwrap();
    let areas = json["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 33);
    let (_, rows) = parse_csv(&data::areas_csv(&content, &site));
    for (area_json, row) in areas.iter().zip(&rows) {
        assert_eq!(
            area_json["code"],
            row[0].as_str(),
            "the same order as the CSV"
        );
        let area = Area::from_code(&row[0]).unwrap();
        let entry = content.entry(area).unwrap();
        assert_eq!(area_json["status"], entry.status.id());
        assert_eq!(area_json["summary"], entry.summary.as_str());
        assert_eq!(area_json["page_url"], site.page(View::Area(area)).as_str());
        let outcomes = area_json["outcomes"].as_array().unwrap();
        assert_eq!(outcomes.len(), entry.outcomes.len());
        for (outcome_json, outcome) in outcomes.iter().zip(&entry.outcomes) {
            assert_eq!(outcome_json["title"], outcome.title.as_str());
            assert_eq!(outcome_json["text"], outcome.text.as_str());
            let urls: Vec<&str> = outcome_json["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["url"].as_str().unwrap())
                .collect();
            assert_eq!(
                urls,
                outcome.sources.iter().map(|s| s.url()).collect::<Vec<_>>()
            );
        }
    }
    let london_wide = content.programme.as_ref().unwrap().london_wide.len();
    assert_eq!(json["london_wide"]["code"], data::LONDON_CODE);
    assert_eq!(
        json["london_wide"]["outcomes"].as_array().unwrap().len(),
        london_wide
    );
}

#[test]
fn the_outcomes_csv_has_a_row_per_outcome() {
    let (_, content) = london();
    let (header, rows) = parse_csv(&data::outcomes_csv(&content));
    assert_eq!(header, OUTCOMES_HEADER);
    let areas: usize = Area::all()
        .map(|a| content.entry(a).unwrap().outcomes.len())
        .sum();
    let london_wide = content.programme.as_ref().unwrap().london_wide.len();
    assert!(areas > 0 && london_wide > 0);
    assert_eq!(rows.len(), areas + london_wide);
    for row in &rows {
        assert_eq!(row.len(), OUTCOMES_HEADER.len());
        if row[0] == data::LONDON_CODE {
            continue;
        }
        let area = Area::from_code(&row[0]).unwrap();
        let outcome = content
            .entry(area)
            .unwrap()
            .outcomes
            .iter()
            .find(|o| o.title == row[2])
            .unwrap_or_else(|| panic!("{area}: {}", row[2]));
        assert_eq!(row[1], area.name());
        assert_eq!(row[3], outcome.text);
        assert_eq!(
            row[8].split(data::JOIN).collect::<Vec<_>>(),
            outcome.sources.iter().map(|s| s.url()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_boundaries_have_33_features_a_licence_and_attribution() {
    let (_, content) = london();
    let text =
        data::boundaries_geojson(&read(borough_page::GEOMETRY_PATH), &content, &site()).unwrap();
    let geojson: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 33);
    assert!(geojson["licence"]
        .as_str()
        .unwrap()
        .contains("Open Government Licence v3.0"));
    assert!(geojson["attribution"]
        .as_str()
        .unwrap()
        .contains("\u{a9} Crown copyright"));
    for feature in features {
        let area = Area::from_code(feature["properties"]["code"].as_str().unwrap()).unwrap();
        assert_eq!(
            feature["properties"]["status"],
            content.status(area).unwrap().id()
        );
        assert_eq!(
            feature["properties"]["page_url"],
            site().page(View::Area(area))
        );
    }
}

#[test]
fn the_sitemap_lists_every_page() {
    let sitemap = meta::sitemap(&site());
    for &(view, _) in pages() {
        assert!(
            sitemap.contains(&format!("<loc>{}</loc>", site().page(view))),
            "{view:?}"
        );
    }
    assert_eq!(sitemap.matches("<loc>").count(), 34);
}
