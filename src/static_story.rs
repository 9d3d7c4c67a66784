//! The whole story as plain HTML, for readers without JavaScript or WebAssembly: a map whose
//! boroughs link to their own sections, and every section. `cargo xtask prerender` writes it
//! into the built `index.html` (inside `<noscript>`; `boot.js` shows it if WebAssembly fails),
//! from the same layout and content the app draws, so both maps have the same shapes.

use std::fmt::Write;

use crate::area::{search, Area};
use crate::content::{Content, Link, Outcome, Status};
use crate::geo::MapLayout;

/// `text` made safe to place in HTML text or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The fragment id of an area's section, e.g. `area-hackney`.
pub fn section_id(area: Area) -> String {
    format!("area-{}", area.slug())
}

pub fn render(layout: &MapLayout, content: &Content) -> String {
    // Writing to a String cannot fail, so the results of write! are ignored throughout.
    let mut html = String::new();
    html.push_str(
        "<section class=\"static-story\" aria-labelledby=\"static-title\">\
         <h1 id=\"static-title\">Londoners did: the borough map</h1>\
         <p class=\"lede\">What the Thrive LDN community conversations of 2017/18 led to, borough by borough. \
         This page works without JavaScript: choose a borough on the map or in the list to read its part of the story.</p>",
    );
    let _ = write!(
        html,
        "<svg class=\"map static-map\" viewBox=\"{}\" role=\"group\" aria-label=\"Map of London's 33 boroughs\">",
        layout.view_box()
    );
    for shape in &layout.shapes {
        let status = content.status(shape.area).map_or("unknown", Status::id);
        let _ = write!(
            html,
            "<a href=\"#{}\" aria-label=\"{}\"><path class=\"borough\" data-code=\"{}\" data-status=\"{status}\" d=\"{}\"></path></a>",
            section_id(shape.area),
            escape(shape.area.name()),
            shape.area.code(),
            shape.path
        );
    }
    html.push_str("</svg><h2>All 33 areas</h2><ul class=\"static-list\">");
    for area in search("") {
        let status = content.status(area).map_or("", Status::label);
        let _ = write!(
            html,
            "<li><a href=\"#{}\">{}</a>: {}</li>",
            section_id(area),
            escape(area.name()),
            escape(status)
        );
    }
    html.push_str("</ul>");
    if let Some(programme) = &content.programme {
        let _ = write!(
            html,
            "<section class=\"panel\" id=\"london\"><h2>{}</h2><p>{}</p><ul class=\"figures\">",
            escape(&programme.title),
            escape(&programme.summary)
        );
        for figure in &programme.figures {
            let _ = write!(
                html,
                "<li><strong>{}</strong> {}</li>",
                escape(&figure.shown),
                escape(&figure.label)
            );
        }
        html.push_str("</ul><h3>What followed across London</h3>");
        push_outcomes(&mut html, &programme.london_wide);
        html.push_str("<h3>The six Thrive LDN aspirations</h3><ol>");
        for aspiration in &programme.aspirations {
            let _ = write!(html, "<li>{}</li>", escape(aspiration));
        }
        html.push_str("</ol>");
        push_sources(&mut html, &programme.sources);
        html.push_str("</section>");
    }
    for area in search("") {
        let Some(entry) = content.entry(area) else {
            continue;
        };
        let _ = write!(
            html,
            "<section class=\"panel static-area\" id=\"{}\"><h2>{}</h2><p class=\"status\" data-status=\"{}\">{}</p><p>{}</p>",
            section_id(area),
            escape(area.name()),
            entry.status.id(),
            escape(entry.status.label()),
            escape(&entry.summary)
        );
        push_outcomes(&mut html, &entry.outcomes);
        html.push_str("<p><a href=\"#static-title\">Back to the map</a></p></section>");
    }
    html.push_str("</section>");
    html
}

fn push_outcomes(html: &mut String, outcomes: &[Outcome]) {
    if outcomes.is_empty() {
        return;
    }
    html.push_str("<ul class=\"outcomes\">");
    for outcome in outcomes {
        let _ = write!(
            html,
            "<li class=\"outcome\"><h3>{}</h3><p>{}</p>",
            escape(&outcome.title),
            escape(&outcome.text)
        );
        if let Some(quote) = &outcome.quote {
            let _ = write!(
                html,
                "<figure class=\"quote\"><blockquote><p>\u{201c}{}\u{201d}</p></blockquote><figcaption>{}</figcaption></figure>",
                escape(&quote.text),
                escape(&quote.attribution)
            );
        }
        push_sources(html, &outcome.sources);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

fn push_sources(html: &mut String, links: &[Link]) {
    if links.is_empty() {
        return;
    }
    html.push_str("<p class=\"sources\">Sources: ");
    for (i, link) in links.iter().enumerate() {
        if i > 0 {
            html.push_str("; ");
        }
        let _ = write!(
            html,
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
            escape(link.url()),
            escape(&link.title)
        );
    }
    html.push_str("</p>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::BoundarySet;

    fn london() -> (MapLayout, Content) {
        let geo = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/geo/boroughs.geojson"));
        let content = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/content/londoners-did.json"
        ));
        let layout = MapLayout::new(&BoundarySet::from_geojson(geo).unwrap()).unwrap();
        (layout, Content::parse(content))
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn every_borough_links_to_its_own_section_with_its_story() {
        let (layout, content) = london();
        let html = render(&layout, &content);
        assert_eq!(html.matches("<path class=\"borough\"").count(), 33);
        for area in Area::all() {
            let id = section_id(area);
            assert!(
                html.contains(&format!(
                    "<a href=\"#{id}\" aria-label=\"{}\">",
                    escape(area.name())
                )),
                "{area}"
            );
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{area}");
            for outcome in &content.entry(area).unwrap().outcomes {
                assert!(
                    html.contains(&escape(&outcome.title)),
                    "{area}: {}",
                    outcome.title
                );
            }
        }
        assert!(html.contains("Britannia Leisure Centre"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_static_map_has_the_apps_shapes() {
        let (layout, content) = london();
        let html = render(&layout, &content);
        for shape in &layout.shapes {
            assert!(
                html.contains(&format!("d=\"{}\"", shape.path)),
                "{}",
                shape.area
            );
        }
    }
}
