//! The scale set: every borough of `geo/boroughs.geojson` cut along a grid into about 150
//! pieces, so the map has about 5,000 polygons while each borough stays one feature (same
//! `code` and `name`) with a MultiPolygon geometry the app accepts: closed rings of at least 4
//! points, anticlockwise exteriors, clockwise holes, every point inside London's box.

use borough_core::geo::{Bounds, Point, Ring, LONDON};
use serde_json::{json, Value};

/// Pieces wanted per borough: 33 × 150 ≈ 5,000 polygons.
pub const PIECES_PER_BOROUGH: usize = 150;

/// The cell in column `i`, row `j` of an `n` × `n` grid over `bounds`.
fn cell(bounds: &Bounds, n: usize, i: usize, j: usize) -> Bounds {
    let at = |axis: usize, k: usize| {
        bounds.min[axis] + (bounds.max[axis] - bounds.min[axis]) * k as f64 / n as f64
    };
    Bounds {
        min: [at(0, i), at(1, j)],
        max: [at(0, i + 1), at(1, j + 1)],
    }
}

/// Sutherland–Hodgman: the part of the open ring `ring` (last point not repeated) inside
/// `rect`, as an open ring. A concave ring cut into several parts comes back as one ring
/// joined along the rectangle's edge by zero-width bridges, which cover no area.
pub fn clip(ring: &[Point], rect: &Bounds) -> Vec<Point> {
    let mut points = ring.to_vec();
    for axis in 0..2 {
        let (low, high) = (rect.min[axis], rect.max[axis]);
        points = clip_half_plane(&points, axis, |v| v >= low, low);
        points = clip_half_plane(&points, axis, |v| v <= high, high);
    }
    points
}

/// Keeps the part of `points` where coordinate `axis` passes `inside`, cutting edges at `edge`.
fn clip_half_plane(
    points: &[Point],
    axis: usize,
    inside: impl Fn(f64) -> bool,
    edge: f64,
) -> Vec<Point> {
    let cross = |a: Point, b: Point| {
        let t = (edge - a[axis]) / (b[axis] - a[axis]);
        let mut p = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        p[axis] = edge;
        p
    };
    let mut out = Vec::with_capacity(points.len() + 4);
    for (i, &current) in points.iter().enumerate() {
        let previous = points[(i + points.len() - 1) % points.len()];
        match (inside(previous[axis]), inside(current[axis])) {
            (true, true) => out.push(current),
            (true, false) => out.push(cross(previous, current)),
            (false, true) => {
                out.push(cross(previous, current));
                out.push(current);
            }
            (false, false) => {}
        }
    }
    out
}

/// Rounds to five decimals as the source does, drops repeated points, closes the ring and
/// orients it (anticlockwise for an exterior), as the app's own `Ring` checks it; `None` if
/// nothing with area is left.
fn finish(ring: Vec<Point>, exterior: bool) -> Option<Vec<Point>> {
    let round = |v: f64| (v * 1e5).round() / 1e5;
    let mut points: Vec<Point> = ring.iter().map(|p| [round(p[0]), round(p[1])]).collect();
    points.dedup();
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points.extend(points.first().copied());
    let area = Ring::new(points.clone()).ok()?.signed_area();
    if area.abs() < 1e-10 {
        return None;
    }
    if (area > 0.0) != exterior {
        points.reverse();
    }
    Some(points)
}

/// A polygon as open rings: its exterior, then its holes.
type Polygon = Vec<Vec<Point>>;

/// Cuts `polygons` (one borough) along an `n` × `n` grid over their bounding box.
fn cut(polygons: &[Polygon], n: usize) -> Vec<Vec<Vec<Point>>> {
    let bounds = Bounds::of_points(polygons.iter().flat_map(|p| &p[0]));
    let mut pieces = Vec::new();
    for i in 0..n {
        for j in 0..n {
            let cell = cell(&bounds, n, i, j);
            for polygon in polygons {
                let Some(exterior) = finish(clip(&polygon[0], &cell), true) else {
                    continue;
                };
                let holes = polygon[1..]
                    .iter()
                    .filter_map(|hole| finish(clip(hole, &cell), false));
                pieces.push(std::iter::once(exterior).chain(holes).collect());
            }
        }
    }
    pieces
}

/// Cuts one borough with the coarsest grid that gives at least `target` pieces.
pub fn subdivide(polygons: &[Polygon], target: usize) -> Vec<Vec<Vec<Point>>> {
    let mut n = 2;
    loop {
        let pieces = cut(polygons, n);
        if pieces.len() >= target || n >= 256 {
            return pieces;
        }
        n += 1;
    }
}

/// Reads a GeoJSON geometry's polygons as open rings.
fn polygons_of(geometry: &Value) -> Result<Vec<Polygon>, String> {
    let ring = |ring: &Value| -> Result<Vec<Point>, String> {
        let mut points: Vec<Point> = ring
            .as_array()
            .ok_or("a ring is not an array")?
            .iter()
            .map(|p| match (p[0].as_f64(), p[1].as_f64()) {
                (Some(x), Some(y)) => Ok([x, y]),
                _ => Err(format!("not a point: {p}")),
            })
            .collect::<Result<_, _>>()?;
        if points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        Ok(points)
    };
    let polygon = |rings: &Value| -> Result<Polygon, String> {
        rings
            .as_array()
            .ok_or("a polygon is not an array")?
            .iter()
            .map(ring)
            .collect()
    };
    let coordinates = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => Ok(vec![polygon(coordinates)?]),
        Some("MultiPolygon") => coordinates
            .as_array()
            .ok_or("MultiPolygon coordinates are not an array")?
            .iter()
            .map(polygon)
            .collect(),
        other => Err(format!("unsupported geometry {other:?}")),
    }
}

/// The scale set built from the project's GeoJSON text: one MultiPolygon feature per borough.
pub fn generate(source: &str) -> Result<Value, String> {
    let source: Value = serde_json::from_str(source).map_err(|e| e.to_string())?;
    let features = source["features"]
        .as_array()
        .ok_or("not a FeatureCollection")?
        .iter()
        .map(|feature| {
            let polygons = polygons_of(&feature["geometry"])?;
            let pieces = subdivide(&polygons, PIECES_PER_BOROUGH);
            // The app refuses a feature with any point outside the box; so does this.
            if let Some(p) = pieces
                .iter()
                .flatten()
                .flatten()
                .find(|&&p| !LONDON.contains(p))
            {
                return Err(format!(
                    "{}: point {p:?} is outside London's box",
                    feature["properties"]["name"]
                ));
            }
            Ok(json!({
                "type": "Feature",
                "properties": {
                    "code": feature["properties"]["code"],
                    "name": feature["properties"]["name"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": pieces},
            }))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(json!({"type": "FeatureCollection", "features": features}))
}

/// Counts of a generated set: features, polygons and points.
pub fn census(collection: &Value) -> (usize, usize, usize) {
    let features = collection["features"].as_array().map_or(&[][..], |f| f);
    let polygons = || {
        features.iter().flat_map(|f| {
            f["geometry"]["coordinates"]
                .as_array()
                .into_iter()
                .flatten()
        })
    };
    let points = polygons()
        .flat_map(|p| p.as_array().into_iter().flatten())
        .map(|ring| ring.as_array().map_or(0, Vec::len))
        .sum();
    (features.len(), polygons().count(), points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64) -> Vec<Point> {
        vec![[x, y], [x + size, y], [x + size, y + size], [x, y + size]]
    }

    /// The signed area of an open ring, through the app's own `Ring`.
    fn signed_area(open: &[Point]) -> f64 {
        let mut closed = open.to_vec();
        closed.push(open[0]);
        Ring::new(closed).unwrap().signed_area()
    }

    #[test]
    fn clipping_keeps_the_part_inside_the_rectangle() {
        let rect = Bounds {
            min: [0.0, 51.5],
            max: [0.1, 51.6],
        };
        let clipped = clip(&square(0.05, 51.55, 0.1), &rect);
        assert!((signed_area(&clipped) - 0.0025).abs() < 1e-12);
        assert!(clipped.iter().all(|&p| rect.contains(p)));
        assert!(clip(&square(0.2, 51.7, 0.1), &rect).is_empty());
        assert_eq!(
            clip(&square(0.025, 51.525, 0.05), &rect),
            square(0.025, 51.525, 0.05)
        );
    }

    #[test]
    fn clipping_a_concave_ring_keeps_its_area() {
        // A U shape whose two arms both cross the top half of the rectangle.
        // In tenths of a degree from (0, 51.3).
        let at = |x: f64, y: f64| [x / 10.0, 51.3 + y / 10.0];
        let u = vec![
            at(0.0, 0.0),
            at(3.0, 0.0),
            at(3.0, 3.0),
            at(2.0, 3.0),
            at(2.0, 1.0),
            at(1.0, 1.0),
            at(1.0, 3.0),
            at(0.0, 3.0),
        ];
        let rect = Bounds {
            min: at(-1.0, 2.0),
            max: at(4.0, 4.0),
        };
        let clipped = clip(&u, &rect);
        assert!((signed_area(&clipped) - 0.02).abs() < 1e-12);
    }

    #[test]
    fn finished_rings_are_closed_anticlockwise_and_long_enough() {
        let clockwise: Vec<Point> = square(0.1, 51.5, 0.01).into_iter().rev().collect();
        let ring = finish(clockwise, true).unwrap();
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
        assert!(Ring::new(ring).unwrap().signed_area() > 0.0);
        let hole = finish(square(0.1, 51.5, 0.01), false).unwrap();
        assert!(Ring::new(hole).unwrap().signed_area() < 0.0);
        assert_eq!(
            finish(vec![[0.0, 51.5], [0.1, 51.5], [0.2, 51.5]], true),
            None
        );
    }

    #[test]
    fn the_boroughs_become_about_5000_valid_polygons_in_33_features() {
        let source = std::fs::read_to_string(crate::pages::repo().join("geo/boroughs.geojson"))
            .expect("geo/boroughs.geojson");
        let set = generate(&source).unwrap();
        let (features, polygons, _) = census(&set);
        assert_eq!(features, 33);
        assert!((4900..=6000).contains(&polygons), "{polygons} polygons");
        for (i, feature) in set["features"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                feature["properties"]["code"],
                format!("E090000{:02}", i + 1)
            );
            assert!(feature["properties"]["name"].is_string());
            assert_eq!(feature["geometry"]["type"], "MultiPolygon");
            let pieces = polygons_of(&feature["geometry"]).unwrap();
            assert!(
                (PIECES_PER_BOROUGH..PIECES_PER_BOROUGH + 40).contains(&pieces.len()),
                "{} pieces in {}",
                pieces.len(),
                feature["properties"]["name"]
            );
            for rings in feature["geometry"]["coordinates"].as_array().unwrap() {
                for (r, ring) in rings.as_array().unwrap().iter().enumerate() {
                    let points: Vec<Point> = ring
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
                        .collect();
                    let ring = Ring::new(points).expect("a ring the app accepts");
                    assert_eq!(ring.signed_area() > 0.0, r == 0, "exterior anticlockwise");
                }
            }
        }
    }
}
