//! The map as SVG: every boundary projected once into path data, ready for the view to draw.

use std::fmt::Write;

use super::boundary::BoundarySet;
use super::bounds::Point;
use super::neighbours::Neighbours;
use super::projection::Projection;
use super::ring::Ring;
use crate::area::Area;

/// Width of the SVG coordinate system; the SVG scales it to whatever width its container has.
pub const VIEW_WIDTH: f64 = 1000.0;
const PADDING: f64 = 8.0;

/// Below this size in view units (about 24 CSS px on a 360 px phone) an area is too small to
/// tap reliably, so the map gives it a larger invisible target.
const SMALL_AREA: f64 = 72.0;

/// One area ready to draw: its SVG path data and where its label goes, in view units.
#[derive(Clone, Debug, PartialEq)]
pub struct MapShape {
    pub area: Area,
    pub path: String,
    pub label: Point,
    /// Whether the area is smaller than a comfortable touch target on a phone.
    pub small: bool,
}

/// Every drawable area in one coordinate system `width` × `height` units.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<MapShape>,
    pub neighbours: Neighbours,
}

impl MapLayout {
    /// Projects every boundary of `set` into a view `VIEW_WIDTH` units wide, fitted to their
    /// combined bounds. `None` when the set cannot be fitted (no extent).
    pub fn new(set: &BoundarySet) -> Option<MapLayout> {
        let projection = Projection::fit(set.bounds(), VIEW_WIDTH, PADDING)?;
        let shapes = set
            .boundaries
            .iter()
            .map(|boundary| {
                let mut path = String::new();
                for ring in boundary.polygons.iter().flat_map(|p| p.rings()) {
                    push_ring(&mut path, ring, &projection);
                }
                let bounds = boundary.bounds();
                let [x0, y0] = projection.project([bounds.min[0], bounds.max[1]]);
                let [x1, y1] = projection.project([bounds.max[0], bounds.min[1]]);
                MapShape {
                    area: boundary.area,
                    path,
                    label: round_point(projection.project(boundary.label_point())),
                    small: (x1 - x0).max(y1 - y0) < SMALL_AREA,
                }
            })
            .collect();
        Some(MapLayout {
            width: projection.width(),
            height: projection.height().round(),
            shapes,
            neighbours: Neighbours::from_boundaries(set),
        })
    }

    /// Each area's label point, for moving focus between areas with the arrow keys.
    pub fn label_positions(&self) -> Vec<(Area, Point)> {
        self.shapes.iter().map(|s| (s.area, s.label)).collect()
    }

    /// The `viewBox` attribute value.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }

    pub fn shape(&self, area: Area) -> Option<&MapShape> {
        self.shapes.iter().find(|s| s.area == area)
    }
}

/// Whole view units: at most 0.8 CSS px at the widest the map is drawn, and whole numbers keep
/// the page small.
fn round_point([x, y]: Point) -> Point {
    [x.round(), y.round()]
}

/// Appends the ring as `M x y` then relative moves (`l dx dy dx dy …`) and `z`, dropping points
/// that round to the one before. Relative whole numbers are the shortest form SVG allows.
fn push_ring(path: &mut String, ring: &Ring, projection: &Projection) {
    let mut previous: Option<Point> = None;
    let mut relative = false;
    // A ring ends where it starts; `z` draws that last side.
    let points = ring.points();
    for point in &points[..points.len().saturating_sub(1)] {
        let p = round_point(projection.project(*point));
        match previous {
            Some(q) if q == p => continue,
            // After the first relative pair, `l` is implied.
            Some(q) => push_pair(path, p[0] - q[0], p[1] - q[1], (!relative).then_some('l')),
            None => push_pair(path, p[0], p[1], Some('M')),
        }
        relative = previous.is_some();
        previous = Some(p);
    }
    path.push('z');
}

/// Writes `command` (if any) and the pair, separating numbers only where a space is needed
/// (a minus sign separates by itself).
fn push_pair(path: &mut String, x: f64, y: f64, command: Option<char>) {
    match command {
        Some(c) => path.push(c),
        None if x >= 0.0 => path.push(' '),
        None => {}
    }
    // Writing to a String cannot fail.
    let _ = write!(path, "{}", x as i64);
    if y >= 0.0 {
        path.push(' ');
    }
    let _ = write!(path, "{}", y as i64);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::boundary::Boundary;
    use crate::geo::ring::Polygon;

    fn square(area: &str, x: f64, y: f64, size: f64) -> Boundary {
        let points = vec![
            [x, y],
            [x + size, y],
            [x + size, y + size],
            [x, y + size],
            [x, y],
        ];
        Boundary {
            area: Area::from_code(area).unwrap(),
            polygons: vec![Polygon {
                exterior: Ring::new(points).unwrap(),
                holes: vec![],
            }],
        }
    }

    #[test]
    fn projects_each_boundary_into_the_view() {
        let set = BoundarySet {
            boundaries: vec![
                square("E09000012", -0.1, 51.5, 0.1),
                square("E09000029", 0.0, 51.4, 0.1),
            ],
            skipped: vec![],
        };
        let layout = MapLayout::new(&set).unwrap();
        assert_eq!(layout.width, 1000.0);
        // 0.2° of longitude at 51.5°N is 0.1245° of latitude on the ground: about 1.6 times the
        // 0.2° of latitude the set spans.
        let expected = (984.0 / (0.2 * 51.5f64.to_radians().cos())) * 0.2 + 16.0;
        assert!(
            (layout.height - expected.round()).abs() < 1.0,
            "{}",
            layout.height
        );
        assert_eq!(layout.view_box(), format!("0 0 1000 {}", layout.height));

        let hackney = layout.shape(Area::from_code("E09000012").unwrap()).unwrap();
        // A square as a move and three relative sides; `z` closes it.
        assert_eq!(hackney.path, "M8 798l492 0 0-790-492 0z");
        assert_eq!(hackney.label[0], 254.0);
        assert!(!hackney.small);
    }

    #[test]
    fn drops_points_that_round_together() {
        let mut boundary = square("E09000001", -0.1, 51.5, 0.1);
        let mut points = boundary.polygons[0].exterior.points().to_vec();
        points.insert(1, [-0.1 + 1e-9, 51.5]);
        boundary.polygons[0].exterior = Ring::new(points).unwrap();
        let set = BoundarySet {
            boundaries: vec![boundary],
            skipped: vec![],
        };
        let layout = MapLayout::new(&set).unwrap();
        assert_eq!(layout.shapes[0].path, "M8 1590l984 0 0-1582-984 0z");
    }
}

#[cfg(test)]
mod london_tests {
    use super::*;

    #[test]
    fn only_the_city_of_london_is_too_small_to_tap() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../geo/boroughs.geojson"
        ));
        let layout = MapLayout::new(&BoundarySet::from_geojson(text).unwrap()).unwrap();
        let small: Vec<&str> = layout
            .shapes
            .iter()
            .filter(|s| s.small)
            .map(|s| s.area.name())
            .collect();
        assert_eq!(small, ["City of London"]);
    }
}
