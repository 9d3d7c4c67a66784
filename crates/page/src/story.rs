//! The stories: London-wide, and one section per area. Without the app, the section the
//! address's `#fragment` names is shown (CSS `:target`); with it, the selected one. The build
//! marks the page's own story open (`data-open`: the London-wide one on the home page, the
//! area's on its own page); the early script and the app move the mark.

use maud::{html, Markup};

use super::parts::external;
use crate::meta::Site;
use crate::{data, View};
use borough_core::area::{search, Area};
use borough_core::content::{Content, Link, Outcome, Status};
use borough_core::contract::{class, id, story_id, story_title_id};

pub fn london(content: &Content, open: bool, site: &Site) -> Markup {
    html! {
        section class={ (class::PANEL.name) " " (class::SUMMARY_PANEL.name) } id=(id::LONDON.name)
            data-open[open] aria-labelledby=(id::LONDON_TITLE.name) {
            @if let Some(programme) = &content.programme {
                h2 id=(id::LONDON_TITLE.name) tabindex="-1" { (programme.title) }
                p class=(class::STORY_SUMMARY.name) { (programme.summary) }
                (ten_points(content))
                (crate::tour::start_button(content))
                details class=(class::MORE.name) open {
                    summary { "The figures, and what followed across London" }
                    ul class="figures" {
                        @for figure in &programme.figures {
                            li data-figure=(figure.id) {
                                strong { (figure.shown) } " " (figure.label)
                            }
                        }
                    }
                    h3 { "What followed across London" }
                    (outcomes(&programme.london_wide))
                    h3 { "The six Thrive LDN aspirations" }
                    ol class="aspirations" {
                        @for aspiration in &programme.aspirations {
                            li { (aspiration) }
                        }
                    }
                }
                (sources(&programme.sources))
            } @else {
                h2 id=(id::LONDON_TITLE.name) tabindex="-1" { "London's community conversations" }
                p {
                    "In 2017/18 more than 1,000 Londoners took part in 17 Thrive LDN community \
                     conversations."
                }
            }
            (take_away(View::London, site))
        }
    }
}

/// A story's own controls, last in it: Share and Download the map (drawn disabled or inert
/// until the app wires them, and hidden without it), the view's preview image, the data, and
/// the story's own address, as text to copy by hand (and to print). The address is the page's
/// canonical URL on `site`: the app shares and copies it, and links to it when embedded.
fn take_away(view: View, site: &Site) -> Markup {
    let url = site.page(view);
    html! {
        div class=(class::TAKE_AWAY.name) {
            button type="button" class={ (class::SHARE_BUTTON.name) " " (class::NEEDS_JS.name) }
                disabled { "Share" }
            " "
            a class={ (class::DOWNLOAD_MAP.name) " " (class::NEEDS_JS.name) } href=(url)
                target="_blank" rel="noopener" { "Download the map" }
            " "
            // Relative to the site's root: the build resolves them on each area's page.
            a href=(view.preview_path()) download { "PNG image" }
            " "
            a href=(data::ABOUT_PAGE) { "Get the data" }
            p { "Link to this page: " span class=(class::PAGE_URL.name) { (url) } }
        }
    }
}

/// The report's ten summary points, in its order, each linking to the story it sums up (the
/// London-wide one where the report names no borough): the guided tour's steps, readable
/// without any script.
fn ten_points(content: &Content) -> Markup {
    html! {
        @if !content.tour.is_empty() {
            h3 { "The report in ten points" }
            ol class="ten-points" {
                @for step in &content.tour {
                    li {
                        @let own = step.story_area();
                        a href={ "#" (own.map_or_else(|| id::LONDON.name.to_owned(), story_id)) } {
                            (step.title)
                        }
                        @for area in step.places().into_iter().filter(|a| Some(*a) != own) {
                            " ("
                            a href={ "#" (story_id(area)) } { (area.name()) "'s story" }
                            ")"
                        }
                        @if step.places().is_empty() {
                            " (London-wide: the report names no borough)"
                        }
                    }
                }
            }
        }
    }
}

/// Every area's story, in the order of the list of areas; `open`'s marked open.
pub fn areas(content: &Content, open: Option<Area>, site: &Site) -> Markup {
    html! {
        @for area in search("") {
            section class={ (class::PANEL.name) " " (class::AREA_PANEL.name) } id=(story_id(area))
                data-code=(area.code()) data-open[open == Some(area)] aria-labelledby=(story_title_id(area)) {
                div class="panel-head" {
                    (sheet_controls(area))
                    h2 id=(story_title_id(area)) { (area.name()) }
                    a class=(class::CLOSE.name) href={ "#" (id::LONDON.name) } {
                        span aria-hidden="true" { "\u{2715} " }
                        "Close"
                    }
                }
                @if let Some(entry) = content.entry(area) {
                    p class="status" data-status=(entry.status.id()) { (entry.status.label()) }
                    p class=(class::STORY_SUMMARY.name) { (entry.summary) }
                    @if !entry.outcomes.is_empty() {
                        h3 class="outcomes-heading" { "What the conversation led to" }
                        (outcomes(&entry.outcomes))
                    }
                    @if entry.status != Status::Outcomes {
                        p class="plain" {
                            "This does not mean nothing happened: only part of the 2017/18 \
                             programme is recorded borough by borough. "
                            a class="to-london" href={ "#" (id::LONDON.name) } {
                                "See what followed across London"
                            }
                        }
                    }
                } @else {
                    p class="notice-inline" {
                        "The report's content for this area is missing from this build."
                    }
                }
                (take_away(View::Area(area), site))
            }
        }
    }
}

/// On a phone the open story is a sheet, and this its handle: a button that expands it for
/// reading and collapses it to its peek, which a finger also drags (the app's `view::sheet`).
/// Drawn disabled until the app arrives, hidden without it, and on a wide screen.
fn sheet_controls(area: Area) -> Markup {
    html! {
        button type="button" class={ (class::SHEET_HANDLE.name) " " (class::NEEDS_JS.name) }
            aria-expanded="false" aria-controls=(story_id(area)) disabled {
            span class="visually-hidden" { "Full story" }
        }
    }
}

/// Outcomes: title, our summary, any quotation with who said it, themes and sources.
fn outcomes(outcomes: &[Outcome]) -> Markup {
    html! {
        ul class="outcomes" {
            @for outcome in outcomes {
                li class="outcome" {
                    h3 { (outcome.title) }
                    p { (outcome.text) }
                    @if let Some(quote) = &outcome.quote {
                        figure class="quote" {
                            blockquote { p { "\u{201c}" (quote.text) "\u{201d}" } }
                            figcaption { (quote.attribution) }
                        }
                    }
                    @if !outcome.themes.is_empty() {
                        p class="themes" {
                            "Themes: "
                            (outcome.themes.iter().map(|t| t.label()).collect::<Vec<_>>().join(", "))
                        }
                    }
                    (sources(&outcome.sources))
                }
            }
        }
    }
}

/// Source links, each opening in a new tab.
pub(crate) fn sources(links: &[Link]) -> Markup {
    html! {
        @if !links.is_empty() {
            p class="sources" {
                (if links.len() == 1 { "Source: " } else { "Sources: " })
                @for (i, link) in links.iter().enumerate() {
                    @if i > 0 { "; " }
                    (external(link.url(), &link.title))
                }
            }
        }
    }
}
