//! Derives `geo/boroughs.geojson` from the TopoJSON that the `vega-datasets` npm package ships
//! (`data/londonBoroughs.json`, derived from the London Datastore's statistical GIS boundaries).
//!
//! TopoJSON stores each shared border once, as a quantised, delta-encoded arc; polygons list the
//! arcs around them (a negative index `~i` means arc `i` reversed). Decoding that is a few lines,
//! so no JavaScript is needed to reproduce `geo/`.

use std::path::Path;

use borough_core::area::Area;
use borough_core::geo::{Point, Ring};
use serde_json::{json, Value};

/// Five decimals of a degree is about a metre: finer than the source's quantisation (~6 m).
const DECIMALS: f64 = 1e5;

pub fn derive_geojson(input: &Path, output: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let geojson = render_geojson(&text).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::write(output, geojson).map_err(|e| format!("{}: {e}", output.display()))?;
    println!("wrote {}", output.display());
    Ok(())
}

/// The GeoJSON text for a TopoJSON text: one feature a line, so diffs of `geo/` stay readable.
pub fn render_geojson(topojson: &str) -> Result<String, String> {
    let topology: Value = serde_json::from_str(topojson).map_err(|e| e.to_string())?;
    let features: Vec<String> = to_feature_collection(&topology)?
        .iter()
        .map(Value::to_string)
        .collect();
    Ok(format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    ))
}

/// The 33 areas as GeoJSON features with `code` and `name`, ordered by code.
fn to_feature_collection(topology: &Value) -> Result<Vec<Value>, String> {
    let arcs = decode_arcs(topology)?;
    let geometries = topology
        .pointer("/objects/boroughs/geometries")
        .and_then(Value::as_array)
        .ok_or("no objects.boroughs.geometries in the topology")?;
    let mut features = Vec::new();
    for geometry in geometries {
        let name = geometry["id"].as_str().ok_or("a geometry has no id")?;
        let area = Area::parse(name)
            .filter(|a| a.name() == name)
            .ok_or(format!("unknown area {name:?}"))?;
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"]
                .as_array()
                .ok_or("bad arcs")?
                .iter()
                .collect(),
            other => return Err(format!("{name}: unsupported geometry {other:?}")),
        };
        let mut coordinates = Vec::new();
        for rings in polygons {
            let rings = polygon_rings(rings, &arcs).map_err(|e| format!("{name}: {e}"))?;
            // Simplification collapsed one of Newham's islands to a there-and-back line of three
            // points: it encloses nothing, so it is left out rather than drawn as a sliver.
            if rings[0].len() < 4 {
                eprintln!(
                    "{name}: left out a degenerate polygon of {} points",
                    rings[0].len()
                );
                continue;
            }
            coordinates.push(rings);
        }
        let geometry = if coordinates.len() == 1 {
            json!({"type": "Polygon", "coordinates": coordinates[0]})
        } else {
            json!({"type": "MultiPolygon", "coordinates": coordinates})
        };
        features.push((
            area,
            json!({
                "type": "Feature",
                "properties": {"code": area.code(), "name": area.name()},
                "geometry": geometry,
            }),
        ));
    }
    features.sort_by_key(|(area, _)| *area);
    let found: Vec<Area> = features.iter().map(|(a, _)| *a).collect();
    if found != Area::all().collect::<Vec<_>>() {
        return Err(format!(
            "expected each of the 33 areas once, found {}",
            found.len()
        ));
    }
    Ok(features.into_iter().map(|(_, f)| f).collect())
}

/// Every arc as absolute `[lon, lat]` points, undoing the quantisation and delta encoding.
fn decode_arcs(topology: &Value) -> Result<Vec<Vec<Point>>, String> {
    let number = |v: &Value| v.as_f64().ok_or("a non-numeric value in the topology");
    let transform = &topology["transform"];
    let scale = [
        number(&transform["scale"][0])?,
        number(&transform["scale"][1])?,
    ];
    let translate = [
        number(&transform["translate"][0])?,
        number(&transform["translate"][1])?,
    ];
    let arcs = topology["arcs"]
        .as_array()
        .ok_or("no arcs in the topology")?;
    arcs.iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .ok_or("an arc is not an array")?
                .iter()
                .map(|delta| {
                    x += number(&delta[0])?;
                    y += number(&delta[1])?;
                    Ok([x * scale[0] + translate[0], y * scale[1] + translate[1]])
                })
                .collect()
        })
        .collect()
}

/// One polygon's rings, exterior first, wound as RFC 7946 asks (exterior anticlockwise, holes
/// clockwise) and rounded to `DECIMALS`.
fn polygon_rings(rings: &Value, arcs: &[Vec<Point>]) -> Result<Vec<Vec<Point>>, String> {
    let rings = rings
        .as_array()
        .ok_or("a polygon is not an array of rings")?;
    rings
        .iter()
        .enumerate()
        .map(|(i, ring)| {
            let mut points = Vec::new();
            for index in ring.as_array().ok_or("a ring is not an array")? {
                let index = index.as_i64().ok_or("an arc index is not an integer")?;
                let arc = arc_points(arcs, index)?;
                // Consecutive arcs share their joining point.
                let skip = usize::from(!points.is_empty());
                points.extend(arc.into_iter().skip(skip));
            }
            let mut points: Vec<Point> = points.into_iter().map(round).collect();
            points.dedup();
            if i == 0 && points.len() < 4 {
                return Ok(points);
            }
            let mut ring = Ring::new(points).map_err(|e| format!("ring {i} {e}"))?;
            let anticlockwise = ring.signed_area() > 0.0;
            if anticlockwise != (i == 0) {
                let mut reversed = ring.points().to_vec();
                reversed.reverse();
                ring = Ring::new(reversed).map_err(|e| format!("ring {i} {e}"))?;
            }
            Ok(ring.points().to_vec())
        })
        .collect()
}

fn arc_points(arcs: &[Vec<Point>], index: i64) -> Result<Vec<Point>, String> {
    let (position, reversed) = if index < 0 {
        (!index, true)
    } else {
        (index, false)
    };
    let mut points = usize::try_from(position)
        .ok()
        .and_then(|p| arcs.get(p))
        .ok_or(format!("arc {index} does not exist"))?
        .clone();
    if reversed {
        points.reverse();
    }
    Ok(points)
}

fn round([x, y]: Point) -> Point {
    [
        (x * DECIMALS).round() / DECIMALS,
        (y * DECIMALS).round() / DECIMALS,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing one arc, in a quantised topology.
    fn topology() -> Value {
        json!({
            "type": "Topology",
            "transform": {"scale": [0.01, 0.01], "translate": [-0.2, 51.4]},
            "objects": {"boroughs": {"type": "GeometryCollection", "geometries": []}},
            "arcs": [
                [[10, 0], [0, 10]],
                [[10, 10], [-10, 0], [0, -10], [10, 0]],
                [[10, 0], [10, 0], [0, 10], [-10, 0]]
            ]
        })
    }

    #[test]
    fn decodes_delta_encoded_arcs() {
        let arcs = decode_arcs(&topology()).unwrap();
        assert_eq!(arcs[0].len(), 2);
        let end = arcs[0][1];
        assert!(
            (end[0] - -0.1).abs() < 1e-12 && (end[1] - 51.5).abs() < 1e-12,
            "{end:?}"
        );
    }

    #[test]
    fn stitches_rings_from_arcs_and_reversed_arcs() {
        let arcs = decode_arcs(&topology()).unwrap();
        let left = polygon_rings(&json!([[0, 1]]), &arcs).unwrap();
        assert_eq!(left[0].len(), 5);
        assert_eq!(left[0].first(), left[0].last());
        let right = polygon_rings(&json!([[2, -1]]), &arcs).unwrap();
        assert_eq!(right[0].len(), 5);
        assert!(
            Ring::new(right[0].clone()).unwrap().signed_area() > 0.0,
            "exterior anticlockwise"
        );
        assert!(polygon_rings(&json!([[7]]), &arcs).is_err());
    }

    /// `geo/boroughs.geojson` is exactly what the derivation makes from the pinned source.
    #[test]
    fn committed_geometry_is_reproducible_from_its_source() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let source = root.join("tools/node_modules/vega-datasets/data/londonBoroughs.json");
        let topojson = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{}: {e}; `make tools` installs it", source.display()));
        let committed = std::fs::read_to_string(root.join("geo/boroughs.geojson")).unwrap();
        assert!(
            render_geojson(&topojson).unwrap() == committed,
            "geo/boroughs.geojson differs from its derivation: run `make geo`"
        );
    }
}
