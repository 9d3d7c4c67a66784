//! The map as SVG. Each borough is a link to its story, so the map works without any script;
//! the app turns the links into buttons when it takes over (see the app's `view::map`). The
//! data attributes carry what the app needs and the page already knows: where each label goes,
//! which areas touch (for the arrow keys), and the themes of its outcomes.

use maud::{html, Markup};

use borough_core::attrs::{areas_value, label_value, themes_value};
use borough_core::content::{Content, Status, Theme};
use borough_core::contract::{class, id, status_id, story_id};
use borough_core::geo::MapLayout;

/// Radius, in view units, of the invisible touch target over a small area: 24 CSS px across
/// on a 360 px phone (WCAG 2.2 target size).
pub const HIT_RADIUS: f64 = 40.0;

/// What a shape whose area has no entry in the content says it is.
const UNKNOWN: &str = "unknown";

pub fn map(layout: &MapLayout, content: &Content) -> Markup {
    let themed: Vec<(Theme, Vec<_>)> = Theme::ALL
        .into_iter()
        .map(|t| (t, content.areas_with_theme(t)))
        .collect();
    let themes_of = |area| -> Vec<Theme> {
        themed
            .iter()
            .filter(|(_, areas)| areas.contains(&area))
            .map(|(t, _)| *t)
            .collect()
    };
    html! {
        div class="map-frame" {
            svg class=(class::MAP.name) viewBox=(layout.view_box()) role="group"
                aria-label="Map of London's 33 boroughs" aria-describedby=(id::MAP_HELP.name) {
                @for shape in &layout.shapes {
                    @let area = shape.area;
                    @let status = content.status(area).map_or(UNKNOWN, Status::id);
                    a href={ "#" (story_id(area)) } aria-label=(area.name())
                        aria-describedby=(status_id(status)) {
                        path class=(class::BOROUGH.name) data-code=(area.code()) data-status=(status)
                            data-label=(label_value(shape.label))
                            data-neighbours=(areas_value(layout.neighbours.of(area)))
                            data-themes=(themes_value(&themes_of(area))) d=(shape.path) {}
                    }
                }
                // Drawn by the app over the shapes: the selected area's outline again (so no
                // neighbour hides its edges), the keyboard focus ring, and the hovered or
                // focused area's name.
                g class="overlay" aria-hidden="true" {
                    path class=(class::SELECTED_OUTLINE.name) {}
                    path class=(class::FOCUS_HALO.name) {}
                    path class=(class::FOCUS_OUTLINE.name) {}
                    text class=(class::TOOLTIP.name) dy="-18" {}
                }
                // Small areas get a larger, invisible target on top, so a finger can hit them.
                @for shape in layout.shapes.iter().filter(|s| s.small) {
                    a href={ "#" (story_id(shape.area)) } tabindex="-1" aria-hidden="true" {
                        circle class=(class::HIT_AREA.name) data-code=(shape.area.code())
                            cx=(shape.label[0]) cy=(shape.label[1]) r=(HIT_RADIUS)
                            aria-hidden="true" {}
                    }
                }
            }
        }
        p id=(id::MAP_HELP.name) class="help" {
            "Select a borough to read what its community conversation led to."
            span class=(class::NEEDS_JS.name) {
                " With a keyboard: Tab to the map, move between neighbouring boroughs with the \
                 arrow keys, press Enter to open one and Escape to close it."
            }
        }
        // Read out after each borough's name: its status.
        div hidden {
            @for status in Status::ALL {
                span id=(status_id(status.id())) { (status.label()) }
            }
            span id=(status_id(UNKNOWN)) { "Status not recorded" }
        }
    }
}
