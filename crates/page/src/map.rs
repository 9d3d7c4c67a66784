//! The map as SVG. Each borough is a link to its story, so the map works without any script;
//! the app turns the links into buttons when it takes over (see `crate::view::map`). The data
//! attributes carry what the app needs and the page already knows: where each label goes, which
//! areas touch (for the arrow keys), and the themes of its outcomes.

use std::fmt::Write;

use super::html::escape;
use borough_core::attrs::{areas_value, label_value, themes_value};
use borough_core::content::{Content, Status, Theme};
use borough_core::contract::story_id as section_id;
use borough_core::geo::MapLayout;

/// Radius, in view units, of the invisible touch target over a small area: 24 CSS px across
/// on a 360 px phone (WCAG 2.2 target size).
pub const HIT_RADIUS: f64 = 40.0;

// Writing to a String cannot fail, so the results of write! are ignored throughout.
pub fn map(html: &mut String, layout: &MapLayout, content: &Content) {
    let _ = write!(
        html,
        "<div class=\"map-frame\"><svg class=\"map\" viewBox=\"{}\" role=\"group\" \
         aria-label=\"Map of London's 33 boroughs\" aria-describedby=\"map-help\">",
        layout.view_box()
    );
    let themed: Vec<(Theme, Vec<_>)> = Theme::ALL
        .into_iter()
        .map(|t| (t, content.areas_with_theme(t)))
        .collect();
    for shape in &layout.shapes {
        let area = shape.area;
        let status = content.status(area).map_or("unknown", Status::id);
        let themes: Vec<Theme> = themed
            .iter()
            .filter(|(_, areas)| areas.contains(&area))
            .map(|(t, _)| *t)
            .collect();
        let _ = write!(
            html,
            "<a href=\"#{}\" aria-label=\"{}\" aria-describedby=\"status-{status}\">\
             <path class=\"borough\" data-code=\"{}\" data-status=\"{status}\" data-label=\"{}\" \
             data-neighbours=\"{}\" data-themes=\"{}\" d=\"{}\"></path></a>",
            section_id(area),
            escape(area.name()),
            area.code(),
            label_value(shape.label),
            areas_value(layout.neighbours.of(area)),
            themes_value(&themes),
            shape.path,
        );
    }
    // Drawn by the app over the shapes: the selected area's outline again (so no neighbour
    // hides its edges), the keyboard focus ring, and the hovered or focused area's name.
    html.push_str(
        "<g class=\"overlay\" aria-hidden=\"true\"><path class=\"selected-outline\"></path>\
         <path class=\"focus-halo\"></path><path class=\"focus-outline\"></path>\
         <text class=\"tooltip\" dy=\"-18\"></text></g>",
    );
    // Small areas get a larger, invisible target on top, so a finger can hit them.
    for shape in layout.shapes.iter().filter(|s| s.small) {
        let _ = write!(
            html,
            "<a href=\"#{}\" tabindex=\"-1\" aria-hidden=\"true\"><circle class=\"hit-area\" \
             data-code=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{HIT_RADIUS}\" aria-hidden=\"true\"></circle></a>",
            section_id(shape.area),
            shape.area.code(),
            shape.label[0],
            shape.label[1],
        );
    }
    html.push_str(
        "</svg></div><p id=\"map-help\" class=\"help\">Select a borough to read what its community \
         conversation led to.<span class=\"needs-js\"> With a keyboard: Tab to the map, move between \
         neighbouring boroughs with the arrow keys, press Enter to open one and Escape to close \
         it.</span></p>",
    );
    // Read out after each borough's name: its status.
    html.push_str("<div hidden>");
    for status in Status::ALL {
        let _ = write!(
            html,
            "<span id=\"status-{}\">{}</span>",
            status.id(),
            status.label()
        );
    }
    html.push_str("<span id=\"status-unknown\">Status not recorded</span></div>");
}
