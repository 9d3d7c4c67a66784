//! The page the build wrote (`crates/page`), as the app finds it: each part by its name in the
//! contract (`borough_core::contract`), and what the map's data attributes say about each area.
//! A part the page should have but lacks is reported, never silently skipped.

use web_sys::Element;

use super::notices::report;
use crate::browser;
use borough_core::area::Area;
use borough_core::attrs::{parse_areas, parse_label, parse_themes};
use borough_core::content::{Status, Theme};
use borough_core::contract::{attr, class, Part, Presence};
use borough_core::geo::{Neighbours, Point};

/// What the map's shapes say about one area. Plain data, so components can share it.
#[derive(Clone, Debug)]
pub struct ShapeData {
    pub area: Area,
    pub label: Point,
    pub status: Option<Status>,
    pub themes: Vec<Theme>,
}

/// Everything the app needs to know about the drawn map.
#[derive(Clone, Debug)]
pub struct MapData {
    /// Width of the SVG's view box, in view units.
    pub width: f64,
    pub shapes: Vec<ShapeData>,
    pub neighbours: Neighbours,
}

impl MapData {
    pub fn positions(&self) -> Vec<(Area, Point)> {
        self.shapes.iter().map(|s| (s.area, s.label)).collect()
    }

    pub fn shape(&self, area: Area) -> Option<&ShapeData> {
        self.shapes.iter().find(|s| s.area == area)
    }

    /// The areas with an outcome touching `theme`, in map order.
    pub fn areas_with_theme(&self, theme: Theme) -> Vec<Area> {
        self.shapes
            .iter()
            .filter(|s| s.themes.contains(&theme))
            .map(|s| s.area)
            .collect()
    }
}

/// The elements the app takes over.
pub struct PageElements {
    pub svg: Element,
    pub shapes: Vec<(Area, Element)>,
    /// The London-wide story.
    pub summary: Option<Element>,
    pub stories: Vec<(Area, Element)>,
    pub panel_column: Option<Element>,
    pub list_links: Vec<(Area, Element)>,
}

impl PageElements {
    /// The drawn shape of `area`.
    pub fn shape(&self, area: Area) -> Option<&Element> {
        self.shapes.iter().find(|(a, _)| *a == area).map(|(_, e)| e)
    }
}

/// The element `part` names. If the page should have it and does not (an old cached copy, a
/// host that rewrites HTML), the reader is told which feature is off and why, and the
/// console names the part; the rest of the map goes on working.
pub fn part(part: Part) -> Option<Element> {
    let found = browser::query(part.selector);
    if found.is_none() {
        missing(part);
    }
    found
}

/// Tells the reader that `part` is missing (if this kind of page should have it), as
/// [`part`] does: for a part found some other way (one in each story, say).
pub fn missing(part: Part) {
    if expected(part) {
        report(
            &format!(
                "Part of this page is missing, so {} is not available. The rest of the map still works.",
                part.feature
            ),
            &format!("the page has no {}", part.selector),
        );
    }
}

/// Whether this kind of page should have `part`.
fn expected(part: Part) -> bool {
    match part.presence {
        Presence::Required => true,
        Presence::Standalone => !browser::root_has_class(class::EMBED.name),
    }
}

/// Each element matching `selector` inside `parent` that names an area in `data-code`.
fn with_area(parent: &Element, selector: &str) -> Vec<(Area, Element)> {
    browser::query_all_within(parent, selector)
        .into_iter()
        .filter_map(|element| {
            let value = element.get_attribute(attr::CODE.name)?;
            Some((Area::from_code(&value)?, element))
        })
        .collect()
}

/// Reads the map; `Err` says what is missing, for a page built without it (nothing of the app
/// can work then).
pub fn find() -> Result<(MapData, PageElements), String> {
    let map = borough_core::contract::MAP.selector;
    let svg = browser::query(map).ok_or_else(|| format!("the page has no {map}"))?;
    let shapes = with_area(&svg, class::BOROUGH.selector);
    if shapes.is_empty() {
        return Err("the page has no boroughs on its map".into());
    }
    let mut data = Vec::with_capacity(shapes.len());
    let mut neighbours = Vec::with_capacity(shapes.len());
    for (area, element) in &shapes {
        let attribute = |name| element.get_attribute(name).unwrap_or_default();
        let label = parse_label(&attribute(attr::LABEL.name))
            .ok_or_else(|| format!("{area} on the map has no label point"))?;
        data.push(ShapeData {
            area: *area,
            label,
            status: Status::from_id(&attribute(attr::STATUS.name)),
            themes: parse_themes(&attribute(attr::THEMES.name)),
        });
        neighbours.push((*area, parse_areas(&attribute(attr::NEIGHBOURS.name))));
    }
    let width = svg
        .get_attribute("viewBox")
        .and_then(|v| v.split(' ').nth(2).and_then(|w| w.parse::<i32>().ok()))
        .map(f64::from)
        .unwrap_or(borough_core::geo::layout::VIEW_WIDTH);
    let map = MapData {
        width,
        shapes: data,
        neighbours: Neighbours::from_lists(neighbours),
    };
    let panel_column = part(borough_core::contract::PANEL_COLUMN);
    let list = part(borough_core::contract::AREA_LIST);
    let elements = PageElements {
        stories: panel_column
            .as_ref()
            .map(|column| with_area(column, class::AREA_PANEL.selector))
            .unwrap_or_default(),
        list_links: list
            .as_ref()
            .map(|list| with_area(list, attr::CODE.selector))
            .unwrap_or_default(),
        summary: part(borough_core::contract::LONDON_STORY),
        svg,
        shapes,
        panel_column,
    };
    Ok((map, elements))
}
