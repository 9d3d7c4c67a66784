//! The stories: London-wide, and one section per area. Without the app, the section the
//! address's `#fragment` names is shown (CSS `:target`); with it, the selected one.

use std::fmt::Write;

use super::html::escape;
use borough_core::area::search;
use borough_core::content::{Content, Link, Outcome, Status};
use borough_core::contract::{story_id as section_id, story_title_id as title_id};

pub fn london(html: &mut String, content: &Content) {
    html.push_str(
        "<section class=\"panel summary-panel\" id=\"london\" data-open aria-labelledby=\"london-title\">",
    );
    let Some(programme) = &content.programme else {
        html.push_str(
            "<h2 id=\"london-title\" tabindex=\"-1\">London's community conversations</h2><p>In 2017/18 more than \
             1,000 Londoners took part in 17 Thrive LDN community conversations.</p></section>",
        );
        return;
    };
    let _ = write!(
        html,
        "<h2 id=\"london-title\" tabindex=\"-1\">{}</h2><p>{}</p><details class=\"more\" open>\
         <summary>The figures, and what followed across London</summary><ul class=\"figures\">",
        escape(&programme.title),
        escape(&programme.summary)
    );
    for figure in &programme.figures {
        let _ = write!(
            html,
            "<li data-figure=\"{}\"><strong>{}</strong> {}</li>",
            escape(&figure.id),
            escape(&figure.shown),
            escape(&figure.label)
        );
    }
    html.push_str("</ul><h3>What followed across London</h3>");
    outcomes(html, &programme.london_wide);
    html.push_str("<h3>The six Thrive LDN aspirations</h3><ol class=\"aspirations\">");
    for aspiration in &programme.aspirations {
        let _ = write!(html, "<li>{}</li>", escape(aspiration));
    }
    html.push_str("</ol></details>");
    sources(html, &programme.sources);
    html.push_str("</section>");
}

/// Every area's story, in the order of the list of areas.
pub fn areas(html: &mut String, content: &Content) {
    for area in search("") {
        let _ = write!(
            html,
            "<section class=\"panel area-panel\" id=\"{}\" data-code=\"{}\" aria-labelledby=\"{}\">\
             <div class=\"panel-head\"><h2 id=\"{}\">{}</h2><a class=\"close\" href=\"#london\">\
             <span aria-hidden=\"true\">\u{2715} </span>Close</a></div>",
            section_id(area),
            area.code(),
            title_id(area),
            title_id(area),
            escape(area.name()),
        );
        let Some(entry) = content.entry(area) else {
            html.push_str(
                "<p class=\"notice-inline\">The report's content for this area is missing from this build.</p></section>",
            );
            continue;
        };
        let _ = write!(
            html,
            "<p class=\"status\" data-status=\"{}\">{}</p><p class=\"summary\">{}</p>",
            entry.status.id(),
            entry.status.label(),
            escape(&entry.summary)
        );
        if !entry.outcomes.is_empty() {
            html.push_str("<h3 class=\"outcomes-heading\">What the conversation led to</h3>");
            outcomes(html, &entry.outcomes);
        }
        if entry.status != Status::Outcomes {
            html.push_str(
                "<p class=\"plain\">This does not mean nothing happened: only part of the 2017/18 \
                 programme is recorded borough by borough. \
                 <a class=\"to-london\" href=\"#london\">See what followed across London</a></p>",
            );
        }
        html.push_str("</section>");
    }
}

/// Outcomes: title, our summary, any quotation with who said it, themes and sources.
fn outcomes(html: &mut String, outcomes: &[Outcome]) {
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
                "<figure class=\"quote\"><blockquote><p>\u{201c}{}\u{201d}</p></blockquote>\
                 <figcaption>{}</figcaption></figure>",
                escape(&quote.text),
                escape(&quote.attribution)
            );
        }
        if !outcome.themes.is_empty() {
            let themes: Vec<&str> = outcome.themes.iter().map(|t| t.label()).collect();
            let _ = write!(
                html,
                "<p class=\"themes\">Themes: {}</p>",
                themes.join(", ")
            );
        }
        sources(html, &outcome.sources);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

/// Source links, opening in a new tab without handing the new page our window.
fn sources(html: &mut String, links: &[Link]) {
    if links.is_empty() {
        return;
    }
    html.push_str(if links.len() == 1 {
        "<p class=\"sources\">Source: "
    } else {
        "<p class=\"sources\">Sources: "
    });
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
