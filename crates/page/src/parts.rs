//! The page around the map and the stories: header, key, list of areas, footer, and the
//! controls that only work with the app (finding a borough, highlighting a theme, the embed
//! dialog). Those are drawn disabled; the app enables them in place, so nothing moves. Without
//! scripting, or if the app cannot load, the stylesheet hides them (`.needs-js`), as it does
//! the map help's keyboard instructions (`super::map`).

use maud::{html, Markup};

use borough_core::area::search;
use borough_core::content::{Content, Status, Theme};
use borough_core::contract::{self, class, id, story_id, HIGHLIGHT_NONE};
use borough_core::words::count_boroughs;

use crate::data;

pub const REPORT_URL: &str =
    "https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did";
const OGL_URL: &str = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

pub fn header() -> Markup {
    html! {
        header class="site-header" {
            h1 { "Londoners did: the borough map" }
            p class="lede" {
                "What the Thrive LDN community conversations of 2017/18 led to, borough by borough."
            }
        }
    }
}

/// "Embed this map": a dialog that writes the snippet for a partner's page, with a preview
/// (wired by the app's `view::embed_dialog`). Its button is in the footer, at every width: few
/// readers need it, and on a phone the top of the screen is the map's.
fn embed_dialog() -> Markup {
    let colours = [
        ("auto", "Follow the reader's device"),
        ("light", "Light"),
        ("dark", "Dark"),
    ];
    html! {
        div class=(class::NEEDS_JS.name) {
            button type="button" class=(class::EMBED_BUTTON.name) disabled { "Embed this map" }
            dialog class=(class::EMBED_DIALOG.name) aria-labelledby="embed-title" {
                div class="dialog-head" {
                    h2 id="embed-title" { "Embed this map" }
                    button type="button" class=(class::CLOSE.name) { "Close" }
                }
                p {
                    "Paste a snippet into your page. The map fits any width and follows your \
                     page's layout."
                }
                label for=(id::EMBED_BOROUGH.name) class="field-label" { "Open at" }
                select id=(id::EMBED_BOROUGH.name) {
                    option value="" { "The London-wide story" }
                    @for area in search("") {
                        option value=(area.slug()) { (area.name()) }
                    }
                }
                fieldset {
                    legend { "Colours" }
                    @for (value, label) in colours {
                        label class="choice" {
                            input type="radio" name=(contract::EMBED_COLOURS_FIELD) value=(value)
                                checked[value == "auto"];
                            (label)
                        }
                    }
                }
                h3 id="embed-script-label" { "With our script (resizes itself)" }
                textarea id=(id::EMBED_SCRIPT.name) readonly rows="3"
                    aria-labelledby="embed-script-label" {}
                button type="button" data-copy=(contract::COPY_SCRIPT) { "Copy the script snippet" }
                h3 id="embed-iframe-label" { "As a plain iframe" }
                textarea id=(id::EMBED_IFRAME.name) readonly rows="4"
                    aria-labelledby="embed-iframe-label" {}
                button type="button" data-copy=(contract::COPY_IFRAME) { "Copy the iframe snippet" }
                p class=(class::COPY_STATUS.name) aria-live="polite" {}
                h3 { "Preview" }
                div class=(class::EMBED_PREVIEW_SLOT.name) {}
            }
        }
    }
}

/// "Find a borough": an ARIA 1.2 combobox (wired by the app's `view::search`).
pub fn find() -> Markup {
    html! {
        div class={ "find " (class::NEEDS_JS.name) } {
            label for=(id::FIND_INPUT.name) { "Find a borough" }
            input id=(id::FIND_INPUT.name) type="text" role="combobox" autocomplete="off"
                spellcheck="false" aria-autocomplete="list" aria-controls=(id::FIND_LIST.name)
                aria-expanded="false" aria-describedby="find-help" disabled;
            p id="find-help" class="visually-hidden" {
                "Type part of a name or a GSS code, then choose with the arrow keys and Enter."
            }
            ul id=(id::FIND_LIST.name) role="listbox" aria-label="Matching boroughs" hidden {}
        }
    }
}

/// What the colours mean, with how many areas have each status.
pub fn legend(content: &Content) -> Markup {
    html! {
        h2 class="visually-hidden" { "Key" }
        ul class="legend" {
            @for status in Status::ALL {
                li data-status=(status.id()) {
                    span class="swatch" aria-hidden="true" {}
                    (count_boroughs(content.count(status))) " " (status.legend_phrase())
                }
            }
        }
    }
}

/// Highlighting a theme's boroughs (wired by the app's `view::themes`).
pub fn themes() -> Markup {
    let button = |highlight: &str, pressed: &str, label: &str| {
        html! {
            button type="button" class=(class::THEME_BUTTON.name) data-highlight=(highlight)
                aria-pressed=(pressed) disabled { (label) }
        }
    };
    html! {
        section class={ "themes-picker " (class::NEEDS_JS.name) } aria-labelledby="themes-heading" {
            h2 id="themes-heading" { "Highlight a theme" }
            div class=(class::THEME_BUTTONS.name) {
                (button(HIGHLIGHT_NONE, "true", "All boroughs"))
                @for theme in Theme::ALL {
                    (button(theme.id(), "false", theme.label()))
                }
            }
            p class=(class::THEME_SUMMARY.name) aria-live="polite" {}
        }
    }
}

/// Every area with its status: the map's content without the map. Embedded, the page closes
/// it (see `public/early.js`) to keep the frame short.
pub fn area_list(content: &Content) -> Markup {
    html! {
        section class=(class::AREA_LIST.name) aria-labelledby="area-list-heading" {
            h2 id="area-list-heading" { "All 33 areas" }
            details class=(class::MORE.name) open {
                summary { "All 33 areas, with their status" }
                ul {
                    @for area in search("") {
                        @let status = content.status(area);
                        li {
                            a href={ "#" (story_id(area)) } data-code=(area.code()) {
                                span class="list-name" { (area.name()) }
                                span class="list-status"
                                    data-status=(status.map_or("unknown", Status::id)) {
                                    (status.map_or("", Status::label))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A link that opens in a new tab without handing the new page our window.
pub fn external(url: &str, text: &str) -> Markup {
    html! { a href=(url) target="_blank" rel="noopener noreferrer" { (text) } }
}

/// "Embed this map", then the credits for the data and the story, as their licences ask;
/// embedded, the credits in one line.
pub fn footer() -> Markup {
    let report = external(REPORT_URL, "\u{201c}Londoners did\u{201d}");
    html! {
        footer class="site-footer" {
            (embed_dialog())
            p {
                "Outcomes summarised from " (report)
                " (Mental Health Foundation, for Thrive LDN), in our own words."
            }
            p {
                "Borough boundaries: London Datastore, Statistical GIS Boundary Files for London, \
                 under the " (external(OGL_URL, "Open Government Licence v3.0")) ". Contains \
                 National Statistics data \u{a9} Crown copyright and database right (2015). \
                 Contains Ordnance Survey data \u{a9} Crown copyright and database right (2015)."
            }
            // Relative to the site's root: the build resolves them on each area's page.
            p {
                "Get the data: "
                a href=(data::AREAS_CSV) download=(data::download_name(data::AREAS_CSV)) { "the areas" } ", "
                a href=(data::OUTCOMES_CSV) download=(data::download_name(data::OUTCOMES_CSV)) { "the outcomes" } " (CSV), "
                a href=(data::AREAS_JSON) download=(data::download_name(data::AREAS_JSON)) { "both" } " (JSON) and "
                a href=(data::BOUNDARIES_GEOJSON) download=(data::download_name(data::BOUNDARIES_GEOJSON)) { "the boundaries" } " (GeoJSON); "
                a href=(data::ABOUT_PAGE) { "what they hold" } "."
            }
        }
        footer class=(class::EMBED_CREDIT.name) {
            "Source: " (report) ". Boundaries: OGL v3.0, contains National Statistics and \
             Ordnance Survey data \u{a9} Crown copyright and database right (2015)."
        }
    }
}
