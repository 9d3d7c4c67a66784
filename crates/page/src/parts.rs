//! The page around the map and the stories: header, key, list of areas, footer, and the
//! controls that only work with the app (finding a borough, highlighting a theme, the embed
//! dialog). Those are drawn disabled; the app enables them in place, so nothing moves. Without
//! scripting, or if the app cannot load, the stylesheet hides them (`.needs-js`), as it does
//! the map help's keyboard instructions (`super::map`).

use std::fmt::Write;

use super::html::escape;
use borough_core::area::search;
use borough_core::content::{Content, Status, Theme};
use borough_core::contract::story_id as section_id;
use borough_core::words::count_boroughs;

pub const REPORT_URL: &str =
    "https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did";
const OGL_URL: &str = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

pub fn header(html: &mut String) {
    html.push_str(
        "<header class=\"site-header\"><h1>Londoners did: the borough map</h1>\
         <p class=\"lede\">What the Thrive LDN community conversations of 2017/18 led to, borough by borough.</p>",
    );
    embed_dialog(html);
    html.push_str("</header>");
}

/// "Embed this map": a dialog that writes the snippet for a partner's page, with a preview
/// (wired by `crate::view::embed_dialog`).
fn embed_dialog(html: &mut String) {
    html.push_str(
        "<div class=\"needs-js\"><button type=\"button\" class=\"embed-button\" disabled>Embed this map</button>\
         <dialog class=\"embed-dialog\" aria-labelledby=\"embed-title\">\
         <div class=\"dialog-head\"><h2 id=\"embed-title\">Embed this map</h2>\
         <button type=\"button\" class=\"close\">Close</button></div>\
         <p>Paste a snippet into your page. The map fits any width and follows your page's layout.</p>\
         <label for=\"embed-borough\" class=\"field-label\">Open at</label>\
         <select id=\"embed-borough\"><option value=\"\">The London-wide story</option>",
    );
    for area in search("") {
        let _ = write!(
            html,
            "<option value=\"{}\">{}</option>",
            area.slug(),
            escape(area.name())
        );
    }
    html.push_str("</select><fieldset><legend>Colours</legend>");
    for (value, label) in [
        ("auto", "Follow the reader's device"),
        ("light", "Light"),
        ("dark", "Dark"),
    ] {
        let checked = if value == "auto" { " checked" } else { "" };
        let _ = write!(
            html,
            "<label class=\"choice\"><input type=\"radio\" name=\"embed-theme\" value=\"{value}\"{checked}>{label}</label>"
        );
    }
    html.push_str(
        "</fieldset>\
         <h3 id=\"embed-script-label\">With our script (resizes itself)</h3>\
         <textarea id=\"embed-script\" readonly rows=\"3\" aria-labelledby=\"embed-script-label\"></textarea>\
         <button type=\"button\" data-copy=\"script\">Copy the script snippet</button>\
         <h3 id=\"embed-iframe-label\">As a plain iframe</h3>\
         <textarea id=\"embed-iframe\" readonly rows=\"4\" aria-labelledby=\"embed-iframe-label\"></textarea>\
         <button type=\"button\" data-copy=\"iframe\">Copy the iframe snippet</button>\
         <p class=\"copy-status\" aria-live=\"polite\"></p>\
         <h3>Preview</h3><div class=\"embed-preview-slot\"></div></dialog></div>",
    );
}

/// "Find a borough": an ARIA 1.2 combobox (wired by `crate::view::search`).
pub fn find(html: &mut String) {
    html.push_str(
        "<div class=\"find needs-js\">\
         <label for=\"find-input\">Find a borough</label>\
         <input id=\"find-input\" type=\"text\" role=\"combobox\" autocomplete=\"off\" spellcheck=\"false\" \
         aria-autocomplete=\"list\" aria-controls=\"find-list\" aria-expanded=\"false\" aria-describedby=\"find-help\" disabled>\
         <p id=\"find-help\" class=\"visually-hidden\">Type part of a name or a GSS code, then choose with the arrow keys and Enter.</p>\
         <ul id=\"find-list\" role=\"listbox\" aria-label=\"Matching boroughs\" hidden></ul></div>",
    );
}

/// What the colours mean, with how many areas have each status.
pub fn legend(html: &mut String, content: &Content) {
    html.push_str("<h2 class=\"visually-hidden\">Key</h2><ul class=\"legend\">");
    for status in Status::ALL {
        let _ = write!(
            html,
            "<li data-status=\"{}\"><span class=\"swatch\" aria-hidden=\"true\"></span>{} {}</li>",
            status.id(),
            count_boroughs(content.count(status)),
            status.legend_phrase()
        );
    }
    html.push_str("</ul>");
}

/// Highlighting a theme's boroughs (wired by `crate::view::themes`).
pub fn themes(html: &mut String) {
    html.push_str(
        "<section class=\"themes-picker needs-js\" aria-labelledby=\"themes-heading\">\
         <h2 id=\"themes-heading\">Highlight a theme</h2><div class=\"theme-buttons\">\
         <button type=\"button\" class=\"theme-button\" data-highlight=\"all\" aria-pressed=\"true\" disabled>All boroughs</button>",
    );
    for theme in Theme::ALL {
        let _ = write!(
            html,
            "<button type=\"button\" class=\"theme-button\" data-highlight=\"{}\" aria-pressed=\"false\" disabled>{}</button>",
            theme.id(),
            theme.label()
        );
    }
    html.push_str("</div><p class=\"theme-summary\" aria-live=\"polite\"></p></section>");
}

/// Every area with its status: the map's content without the map. Embedded, the page closes
/// it (see `public/early.js`) to keep the frame short.
pub fn area_list(html: &mut String, content: &Content) {
    html.push_str(
        "<section class=\"area-list\" aria-labelledby=\"area-list-heading\"><h2 id=\"area-list-heading\">All 33 areas</h2>\
         <details class=\"more\" open><summary>All 33 areas, with their status</summary><ul>",
    );
    for area in search("") {
        let status = content.status(area);
        let _ = write!(
            html,
            "<li><a href=\"#{}\" data-code=\"{}\"><span class=\"list-name\">{}</span>\
             <span class=\"list-status\" data-status=\"{}\">{}</span></a></li>",
            section_id(area),
            area.code(),
            escape(area.name()),
            status.map_or("unknown", Status::id),
            status.map_or("", Status::label),
        );
    }
    html.push_str("</ul></details></section>");
}

/// Credits for the data and the story, as their licences ask; embedded, in one line.
pub fn footer(html: &mut String) {
    let _ = write!(
        html,
        "<footer class=\"site-footer\"><p>Outcomes summarised from <a href=\"{REPORT_URL}\" target=\"_blank\" rel=\"noopener noreferrer\">\
         \u{201c}Londoners did\u{201d}</a> (Mental Health Foundation, for Thrive LDN), in our own words.</p>\
         <p>Borough boundaries: London Datastore, Statistical GIS Boundary Files for London, under the \
         <a href=\"{OGL_URL}\" target=\"_blank\" rel=\"noopener noreferrer\">Open Government Licence v3.0</a>. \
         Contains National Statistics data \u{a9} Crown copyright and database right (2015). \
         Contains Ordnance Survey data \u{a9} Crown copyright and database right (2015).</p></footer>\
         <footer class=\"embed-credit\">Source: <a href=\"{REPORT_URL}\" target=\"_blank\" rel=\"noopener noreferrer\">\
         \u{201c}Londoners did\u{201d}</a>. Boundaries: OGL v3.0, contains National Statistics and Ordnance Survey data \
         \u{a9} Crown copyright and database right (2015).</footer>"
    );
}
