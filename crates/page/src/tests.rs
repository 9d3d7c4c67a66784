use super::*;
use borough_core::area::Area;
use borough_core::attrs;
use borough_core::content::{Status, Theme};
use borough_core::contract::{attr, story_id as section_id, HIGHLIGHT_NONE};
use borough_core::geo::BoundarySet;
use borough_core::words::count_boroughs;

fn london() -> (MapLayout, Content) {
    let geo = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../geo/boroughs.geojson"
    ));
    let content = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/londoners-did.json"
    ));
    let layout = MapLayout::new(&BoundarySet::from_geojson(geo).unwrap()).unwrap();
    (layout, Content::parse(content))
}

/// `text` as the page writes it: escaped by maud.
fn escape(text: &str) -> String {
    maud::html! { (text) }.into_string()
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let (layout, content) = london();
    assert_eq!(render(&layout, &content), render(&layout, &content));
}

#[test]
fn every_borough_links_to_its_own_story() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    assert_eq!(html.matches("<path class=\"borough\"").count(), 33);
    for area in Area::all() {
        let id = section_id(area);
        let status = content.status(area).unwrap().id();
        assert!(
            html.contains(&format!(
                "<a href=\"#{id}\" aria-label=\"{}\" aria-describedby=\"status-{status}\"><path class=\"borough\" data-code=\"{}\"",
                escape(area.name()),
                area.code()
            )),
            "{area}"
        );
        assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{area}");
        let section = &html[html.find(&format!("id=\"{id}\"")).unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(
            section.contains(&format!("data-status=\"{status}\"")),
            "{area}"
        );
        for outcome in &content.entry(area).unwrap().outcomes {
            assert!(
                section.contains(&escape(&outcome.title)),
                "{area}: {}",
                outcome.title
            );
        }
    }
    assert!(html.contains("Britannia Leisure Centre"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_map_has_the_layouts_shapes_and_what_the_app_needs() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    for shape in &layout.shapes {
        let tag = &html[html
            .find(&format!("data-code=\"{}\"", shape.area.code()))
            .unwrap()..];
        let tag = &tag[..tag.find("</path>").unwrap()];
        assert!(
            tag.contains(&format!("d=\"{}\"", shape.path)),
            "{}",
            shape.area
        );
        assert!(
            tag.contains(&format!(
                "data-label=\"{}\"",
                attrs::label_value(shape.label)
            )),
            "{}",
            shape.area
        );
        let neighbours: Vec<&str> = layout
            .neighbours
            .of(shape.area)
            .iter()
            .map(|a| a.code())
            .collect();
        assert!(
            tag.contains(&format!("data-neighbours=\"{}\"", neighbours.join(" "))),
            "{}",
            shape.area
        );
    }
    let hackney = Area::parse("hackney").unwrap();
    let tag = &html[html
        .find(&format!("data-code=\"{}\"", hackney.code()))
        .unwrap()..];
    assert!(
        tag[..tag.find("</path>").unwrap()].contains("places-and-planning"),
        "Hackney: the leisure centre planning"
    );
}

#[test]
fn small_areas_get_a_touch_target_linked_to_their_story() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    let small: Vec<_> = layout.shapes.iter().filter(|s| s.small).collect();
    assert!(
        !small.is_empty(),
        "the City is smaller than a fingertip on a phone"
    );
    assert_eq!(html.matches("class=\"hit-area\"").count(), small.len());
    let city = Area::parse("city-of-london").unwrap();
    assert!(html.contains(&format!(
        "<a href=\"#{}\" tabindex=\"-1\" aria-hidden=\"true\"><circle class=\"hit-area\" data-code=\"{}\"",
        section_id(city),
        city.code()
    )));
}

#[test]
fn the_key_counts_each_status() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    for status in Status::ALL {
        assert!(html.contains(&format!(
            "{} {}</li>",
            count_boroughs(content.count(status)),
            status.legend_phrase()
        )));
    }
}

#[test]
fn controls_that_need_the_app_rest_disabled_and_marked() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    let stories = crate::View::all().count();
    assert_eq!(
        html.matches("needs-js").count(),
        6 + 2 * stories + Area::all().count(),
        "embed, find, the map help's keyboard sentence, themes, the tour's start and its buttons, \
         each story's Share and Download the map, and each area's story's sheet handle"
    );
    // 1 embed button + 1 text box + the "all" button + one per theme + the tour's four + each
    // story's Share + each area's sheet handle.
    let disabled = html.matches(" disabled>").count();
    assert_eq!(
        disabled,
        3 + Theme::ALL.len() + 4 + stories + Area::all().count()
    );
}

/// On a phone the stylesheet sizes the map, and puts the story sheet under it, by the map's
/// height over its width, which it cannot read from the SVG: it must be the view box's.
#[test]
fn the_stylesheets_map_aspect_is_the_view_boxs() {
    let (layout, _) = london();
    let css = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/style.css"
    ));
    let value = css
        .split("--map-aspect:")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("style.css sets --map-aspect");
    let aspect: f64 = value.trim().parse().unwrap();
    let actual = layout.height / layout.width;
    assert!(
        (aspect - actual).abs() < 0.0015,
        "--map-aspect is {aspect}; the view box's height over its width is {actual:.3}"
    );
}

#[test]
fn text_from_the_content_is_escaped() {
    let (layout, mut content) = london();
    let programme = content.programme.as_mut().unwrap();
    programme.summary = "<img src=x onerror=alert(1)>".into();
    programme.figures[0].id = "x\" onclick=\"alert(1)".into();
    programme.title = "Tom & Jerry's".into();
    let html = render(&layout, &content);
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("data-figure=\"x&quot; onclick=&quot;alert(1)\""));
    assert!(!html.contains("onclick=\""));
    assert!(html.contains(">Tom &amp; Jerry's</h2>"));
}

#[test]
fn only_the_london_wide_story_is_open() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    assert_eq!(html.matches(attr::OPEN.name).count(), 1);
    assert!(html.contains(&format!(
        "<section class=\"panel summary-panel\" id=\"london\" {} aria-labelledby",
        attr::OPEN.name
    )));
}

#[test]
fn theme_buttons_say_what_they_highlight() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    let button = |highlight: &str, pressed: bool| {
        format!(
            "class=\"theme-button\" {}=\"{highlight}\" aria-pressed=\"{pressed}\" disabled>",
            attr::HIGHLIGHT.name
        )
    };
    assert_eq!(html.matches(&button(HIGHLIGHT_NONE, true)).count(), 1);
    for theme in Theme::ALL {
        assert_eq!(
            html.matches(&button(theme.id(), false)).count(),
            1,
            "{theme:?}"
        );
    }
}

/// The data attributes' names are written as literals in the templates (maud takes no
/// attribute name from a value): here they are held to the contract's.
#[test]
fn the_pages_data_attributes_are_the_contracts() {
    let (layout, content) = london();
    // With the root's, as an area's page has them.
    let hackney = View::Area(Area::parse("hackney").unwrap());
    let html = with_root_attributes("<html>", hackney).unwrap() + &render(&layout, &content);
    // Only the stylesheet reads it; the app never does.
    let presentational = ["data-figure"];
    let mut written: Vec<&str> = html
        .match_indices(" data-")
        .map(|(at, _)| {
            let name = &html[at + 1..];
            &name[..name.find(['=', ' ', '>']).unwrap()]
        })
        .collect();
    written.sort_unstable();
    written.dedup();
    for name in &written {
        assert!(
            attr::ALL.iter().any(|a| a.name == *name) || presentational.contains(name),
            "{name} is not in the contract"
        );
    }
    for attr in attr::ALL {
        // The colours and the tour's step are set on the root by the scripts, and an expanded
        // story sheet by the app, never by the build.
        if *attr != attr::COLOURS && *attr != attr::TOUR && *attr != attr::SHEET {
            assert!(written.contains(&attr.name), "{} is not written", attr.name);
        }
    }
}

#[test]
fn fills_the_placeholder_once_and_only_if_there_is_one() {
    let (layout, content) = london();
    let index = format!("<body>{PLACEHOLDER}</body>");
    let body = render(&layout, &content);
    let page = into_index(&index, &body).unwrap();
    assert!(!page.contains(PLACEHOLDER));
    assert!(page.starts_with("<body><header"));
    assert_eq!(into_index("<body></body>", &body), None);
}

#[test]
fn a_built_pages_body_is_replaced_whole() {
    let index = "<html><head></head><body>\n  <header>old</header>\n  </body>\n</html>\n";
    assert_eq!(
        with_body(index, "<p>new</p>").as_deref(),
        Some("<html><head></head><body><p>new</p></body>\n</html>\n")
    );
    assert_eq!(with_body("<html></html>", "x"), None);
}

mod build {
    use super::super::*;

    const GEO: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../geo/boroughs.geojson"
    ));
    const CONTENT: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/londoners-did.json"
    ));
    const INDEX: &str = "<body><!-- page --></body>";

    fn error(index: &str, geo: &str, content: &str) -> String {
        build(index, geo, content).unwrap_err().to_string()
    }

    #[test]
    fn builds_the_page_from_the_real_files() {
        let page = build(INDEX, GEO, CONTENT).unwrap();
        assert_eq!(page.matches("<path class=\"borough\"").count(), 33);
    }

    #[test]
    fn refuses_broken_or_incomplete_boundaries_naming_the_file_and_feature() {
        assert_eq!(
            error(INDEX, "{", CONTENT),
            "geo/boroughs.geojson is not valid JSON (EOF while parsing an object at line 1 column 1)"
        );
        let mut value: serde_json::Value = serde_json::from_str(GEO).unwrap();
        value["features"][3]["geometry"] = serde_json::Value::Null;
        let message = error(INDEX, &value.to_string(), CONTENT);
        assert!(
            message.starts_with("geo/boroughs.geojson: 1 feature(s) cannot be drawn: feature 3"),
            "{message}"
        );
        assert!(message.contains("has no geometry"), "{message}");
        let features = value["features"].as_array_mut().unwrap();
        features.remove(3);
        let message = error(INDEX, &value.to_string(), CONTENT);
        assert!(
            message.starts_with("geo/boroughs.geojson has no boundaries for "),
            "{message}"
        );
    }

    #[test]
    fn refuses_content_with_problems_naming_each() {
        let broken = CONTENT.replacen("\"status\"", "\"statue\"", 1);
        let message = error(INDEX, GEO, &broken);
        assert!(
            message.starts_with("the content has 1 problem(s): content/londoners-did.json: "),
            "{message}"
        );
        assert!(message.contains("statue"), "{message}");
    }

    #[test]
    fn refuses_an_index_without_the_placeholder() {
        assert_eq!(
            error("<body></body>", GEO, CONTENT),
            "index.html has no <!-- page --> to fill (is it already built?)"
        );
    }
}

#[test]
fn the_ten_points_link_to_the_stories_they_sum_up() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    let list = &html[html
        .find("<ol class=\"ten-points\">")
        .expect("the ten points")..];
    let list = &list[..list.find("</ol>").unwrap()];
    assert_eq!(list.matches("<li>").count(), 10);
    assert!(list.contains("<li><a href=\"#london\">Useful connections made at the events</a> (London-wide: the report names no borough)</li>"), "{list}");
    assert!(list.contains("<a href=\"#area-barking-and-dagenham\">The Thrive Thamesview pilot in Barking and Dagenham</a>"), "{list}");
    assert!(
        list.contains("(<a href=\"#area-merton\">Merton's story</a>)"),
        "{list}"
    );
}

#[test]
fn the_tour_tells_each_step_from_its_stories_with_its_areas_and_links() {
    let (layout, content) = london();
    let html = render(&layout, &content);
    let panel = &html[html
        .find("<section class=\"panel tour-panel\" id=\"tour\"")
        .expect("the tour's panel")..];
    let panel = &panel[..panel.find("</section>").unwrap()];
    assert_eq!(panel.matches("<article class=\"tour-step\"").count(), 10);
    for n in 1..=10 {
        assert!(
            panel.contains(&format!("<h2 id=\"tour-title-{n}\" tabindex=\"-1\"><span class=\"tour-count\">Step {n} of 10:</span> ")),
            "step {n}"
        );
    }
    // Points 1 and 2 name no borough, and say so; 3 marks Barking and Dagenham; 10, Merton.
    assert!(panel.contains("<article class=\"tour-step\" id=\"tour-1\" data-areas=\"\" aria-labelledby=\"tour-title-1\">"));
    assert_eq!(panel.matches("the report names no borough").count(), 2);
    assert!(panel.contains("id=\"tour-3\" data-areas=\"E09000002\""));
    assert!(panel.contains("id=\"tour-10\" data-areas=\"E09000024\""));
    assert!(panel.contains(
        "<a href=\"#area-barking-and-dagenham\">Read Barking and Dagenham's full story</a>"
    ));
    assert!(panel.contains("<a href=\"#area-merton\">Read Merton's story</a>"));
    assert!(panel.contains("<a href=\"#london\">Read the London-wide story</a>"));
    // Each step's words are its outcomes' own, with their sources.
    for step in &content.tour {
        for outcome in content.tour_outcomes(step) {
            assert!(panel.contains(&maud::html! { p { (outcome.text) } }.into_string()));
            for link in &outcome.sources {
                assert!(panel.contains(&maud::html! { (link.url()) }.into_string()));
            }
        }
    }
    // The start button sits in the London-wide story.
    let london = &html[html.find("id=\"london\"").unwrap()..];
    assert!(london
        .contains("<button type=\"button\" class=\"tour-start\" disabled>Take the tour</button>"));
}
