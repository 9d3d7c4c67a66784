//! The page the build wrote (see `crate::page`), as the app finds it in the DOM: the elements
//! it takes over, and what their data attributes say about each area.

use web_sys::Element;

use crate::browser;
use borough_core::area::Area;
use borough_core::attrs::{parse_areas, parse_label, parse_themes};
use borough_core::content::{Status, Theme};
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
    pub summary: Element,
    pub stories: Vec<(Area, Element)>,
    pub panel_column: Element,
    pub list_links: Vec<(Area, Element)>,
}

impl PageElements {
    /// The drawn shape of `area`.
    pub fn shape(&self, area: Area) -> Option<&Element> {
        self.shapes.iter().find(|(a, _)| *a == area).map(|(_, e)| e)
    }
}

/// Reads the page; `Err` says what is missing, for a page built without its map.
pub fn find() -> Result<(MapData, PageElements), String> {
    let one = |selector: &str| {
        browser::query(selector).ok_or_else(|| format!("the page has no {selector}"))
    };
    let svg = one("svg.map")?;
    let summary = one(".summary-panel")?;
    let panel_column = one(".panel-column")?;
    let with_area = |selector: &str, attribute: &str| {
        browser::query_all(selector)
            .into_iter()
            .filter_map(|element| {
                let value = element.get_attribute(attribute)?;
                Some((Area::from_code(&value)?, element))
            })
            .collect::<Vec<_>>()
    };
    let shapes = with_area("svg.map path.borough", "data-code");
    if shapes.is_empty() {
        return Err("the page has no boroughs on its map".into());
    }
    let mut data = Vec::with_capacity(shapes.len());
    let mut neighbours = Vec::with_capacity(shapes.len());
    for (area, element) in &shapes {
        let attribute = |name| element.get_attribute(name).unwrap_or_default();
        let label = parse_label(&attribute("data-label"))
            .ok_or_else(|| format!("{area} on the map has no label point"))?;
        data.push(ShapeData {
            area: *area,
            label,
            status: Status::from_id(&attribute("data-status")),
            themes: parse_themes(&attribute("data-themes")),
        });
        neighbours.push((*area, parse_areas(&attribute("data-neighbours"))));
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
    let elements = PageElements {
        stories: with_area(".area-panel", "data-code"),
        list_links: with_area(".area-list a", "data-code"),
        svg,
        shapes,
        summary,
        panel_column,
    };
    Ok((map, elements))
}
