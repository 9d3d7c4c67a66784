//! The guided tour through the report's ten summary points (issue 16): a "Take the tour"
//! button beside the London-wide story, and one panel holding every step, each told from the
//! outcomes it sums up as their stories tell them (nothing is written twice in the content).
//! The panel shows only while the root carries `data-tour` (the contract's `attr::TOUR`), set
//! by the early script from `?tour=N` and by the app, and the stylesheet shows that step alone,
//! so a step the address asks for is there from the first paint. Without scripting the panel
//! stays hidden: the London-wide story's list of the ten points is the tour then.

use maud::{html, Markup};

use super::story::sources;
use borough_core::attrs::areas_value;
use borough_core::content::{Content, Link, Outcome};
use borough_core::contract::{class, id, story_id, tour_step_id, tour_title_id};

/// "Take the tour": drawn disabled, enabled by the app (`view::tour`).
pub fn start_button(content: &Content) -> Markup {
    html! {
        @if !content.tour.is_empty() {
            p class=(class::NEEDS_JS.name) {
                button type="button" class=(class::TOUR_START.name) disabled { "Take the tour" }
            }
        }
    }
}

/// The tour's panel: every step, then Previous, Next and Exit (drawn disabled, like every
/// control that needs the app).
pub fn panel(content: &Content) -> Markup {
    let count = content.tour.len();
    html! {
        @if count > 0 {
            section class={ (class::PANEL.name) " " (class::TOUR_PANEL.name) } id="tour"
                aria-label="The story in ten steps" {
                @for (index, step) in content.tour.iter().enumerate() {
                    @let number = u8::try_from(index + 1).unwrap_or(u8::MAX);
                    @let places = step.places();
                    @let own = step.story_area();
                    @let outcomes = content.tour_outcomes(step);
                    article class=(class::TOUR_STEP.name) id=(tour_step_id(number))
                        data-areas=(areas_value(&places)) aria-labelledby=(tour_title_id(number)) {
                        // The count is the heading's first words: said when focus reaches it, and
                        // in the announcement of each step.
                        h2 id=(tour_title_id(number)) tabindex="-1" {
                            span class="tour-count" { "Step " (number) " of " (count) ":" }
                            " " (step.title)
                        }
                        @for outcome in &outcomes {
                            p { (outcome.text) }
                        }
                        @if places.is_empty() {
                            p class="tour-where" {
                                "London-wide: the report names no borough for this point."
                            }
                        }
                        (sources(&step_sources(&outcomes)))
                        p class="tour-links" {
                            @match own {
                                Some(area) => a href={ "#" (story_id(area)) } {
                                    "Read " (area.name()) "'s full story"
                                },
                                None => a href={ "#" (id::LONDON.name) } {
                                    "Read the London-wide story"
                                },
                            }
                            @for area in places.iter().filter(|a| Some(**a) != own) {
                                " \u{b7} "
                                a href={ "#" (story_id(*area)) } { "Read " (area.name()) "'s story" }
                            }
                        }
                    }
                }
                div class={ "tour-nav " (class::NEEDS_JS.name) } {
                    button type="button" class=(class::TOUR_PREVIOUS.name) disabled { "Previous" }
                    button type="button" class=(class::TOUR_NEXT.name) disabled { "Next" }
                    button type="button" class=(class::TOUR_EXIT.name) disabled {
                        "Exit the tour"
                    }
                }
            }
        }
    }
}

/// The sources of a step's outcomes, each once.
fn step_sources(outcomes: &[&Outcome]) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for link in outcomes.iter().flat_map(|o| &o.sources) {
        if !links.iter().any(|l| l.url() == link.url()) {
            links.push(link.clone());
        }
    }
    links
}
