//! Reading the boroughs' boundaries from a GeoJSON FeatureCollection.
//!
//! A file that is not a FeatureCollection at all is an error for the whole file. Inside it, each
//! feature stands alone: a broken feature is reported and skipped, and the rest still draw.

use geojson::{Feature, GeometryValue, PolygonType};
use serde_json::Value;
use thiserror::Error;

use super::bounds::{Bounds, Point};
use super::ring::{Polygon, Ring, RingError};
use crate::area::Area;

/// One area's outline: one or more polygons (islands such as Thamesmead's count separately).
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    pub area: Area,
    pub polygons: Vec<Polygon>,
}

impl Boundary {
    pub fn bounds(&self) -> Bounds {
        self.polygons
            .iter()
            .fold(Bounds::EMPTY, |b, p| b.union(p.exterior.bounds()))
    }

    /// Where a label or tooltip for the area goes: the centroid of its largest polygon.
    pub fn label_point(&self) -> Point {
        self.polygons
            .iter()
            .max_by(|a, b| a.area().total_cmp(&b.area()))
            .map(|p| p.exterior.centroid())
            .unwrap_or_else(|| self.bounds().center())
    }
}

/// Why a geometry file could not be read at all.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum GeometryFileError {
    #[error("is not valid JSON ({0})")]
    Syntax(String),
    #[error("is not a GeoJSON FeatureCollection")]
    NotFeatureCollection,
    #[error("holds no usable boundaries")]
    NothingUsable,
}

/// Why one feature of a geometry file was skipped.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum FeatureProblem {
    #[error("is not a valid GeoJSON feature ({0})")]
    Malformed(String),
    #[error("has no `code` property")]
    MissingCode,
    #[error("has a code that is not one of London's 33 areas")]
    UnknownCode(String),
    #[error("repeats a code already used by an earlier feature")]
    DuplicateCode,
    #[error("is named {found:?} but its code belongs to {expected}")]
    NameMismatch { expected: Area, found: String },
    #[error("has no geometry")]
    MissingGeometry,
    #[error("has a {0} geometry; only Polygon and MultiPolygon are drawn")]
    UnsupportedGeometry(&'static str),
    #[error("has an empty geometry")]
    EmptyGeometry,
    #[error("polygon {polygon}, ring {ring} {problem}")]
    BadRing {
        polygon: usize,
        ring: usize,
        problem: RingError,
    },
}

/// A skipped feature: its position in the file, its code when it had one, and why.
#[derive(Clone, Debug, Error, PartialEq)]
#[error("feature {index}{} {problem}", code.as_ref().map(|c| format!(" ({c})")).unwrap_or_default())]
pub struct FeatureError {
    pub index: usize,
    pub code: Option<String>,
    pub problem: FeatureProblem,
}

/// What a geometry file yielded: the boundaries that are sound and the features that were not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoundarySet {
    pub boundaries: Vec<Boundary>,
    pub skipped: Vec<FeatureError>,
}

impl BoundarySet {
    /// Parses a GeoJSON FeatureCollection whose features carry `code` (a GSS code) and `name`.
    pub fn from_geojson(text: &str) -> Result<BoundarySet, GeometryFileError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| GeometryFileError::Syntax(e.to_string()))?;
        let features = match value {
            Value::Object(mut object)
                if object.get("type").and_then(Value::as_str) == Some("FeatureCollection") =>
            {
                match object.remove("features") {
                    Some(Value::Array(features)) => features,
                    _ => return Err(GeometryFileError::NotFeatureCollection),
                }
            }
            _ => return Err(GeometryFileError::NotFeatureCollection),
        };

        let mut set = BoundarySet::default();
        for (index, feature) in features.into_iter().enumerate() {
            match read_feature(feature) {
                Ok(boundary) if set.boundary(boundary.area).is_some() => {
                    set.skipped.push(FeatureError {
                        index,
                        code: Some(boundary.area.code().to_owned()),
                        problem: FeatureProblem::DuplicateCode,
                    })
                }
                Ok(boundary) => set.boundaries.push(boundary),
                Err((code, problem)) => set.skipped.push(FeatureError {
                    index,
                    code,
                    problem,
                }),
            }
        }
        if set.boundaries.is_empty() {
            return Err(GeometryFileError::NothingUsable);
        }
        Ok(set)
    }

    pub fn boundary(&self, area: Area) -> Option<&Boundary> {
        self.boundaries.iter().find(|b| b.area == area)
    }

    /// Areas of the registry that no sound feature drew, in code order.
    pub fn missing(&self) -> Vec<Area> {
        Area::all()
            .filter(|a| self.boundary(*a).is_none())
            .collect()
    }

    pub fn bounds(&self) -> Bounds {
        self.boundaries
            .iter()
            .fold(Bounds::EMPTY, |b, boundary| b.union(boundary.bounds()))
    }
}

fn read_feature(value: Value) -> Result<Boundary, (Option<String>, FeatureProblem)> {
    let feature: Feature = serde_json::from_value(value)
        .map_err(|e| (None, FeatureProblem::Malformed(e.to_string())))?;
    let code = match feature.property("code").and_then(Value::as_str) {
        Some(code) => code.to_owned(),
        None => return Err((None, FeatureProblem::MissingCode)),
    };
    let fail = |problem| (Some(code.clone()), problem);
    let area =
        Area::from_code(&code).ok_or_else(|| fail(FeatureProblem::UnknownCode(code.clone())))?;
    if let Some(name) = feature.property("name").and_then(Value::as_str) {
        if name != area.name() {
            return Err(fail(FeatureProblem::NameMismatch {
                expected: area,
                found: name.to_owned(),
            }));
        }
    }
    let geometry = feature
        .geometry
        .ok_or_else(|| fail(FeatureProblem::MissingGeometry))?;
    let polygons: Vec<&PolygonType> = match &geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        other => return Err(fail(FeatureProblem::UnsupportedGeometry(other.type_name()))),
    };
    if polygons.iter().all(|rings| rings.is_empty()) {
        return Err(fail(FeatureProblem::EmptyGeometry));
    }
    let polygons = polygons
        .into_iter()
        .enumerate()
        .filter(|(_, rings)| !rings.is_empty())
        .map(|(polygon, rings)| {
            read_polygon(rings).map_err(|(ring, problem)| {
                fail(FeatureProblem::BadRing {
                    polygon,
                    ring,
                    problem,
                })
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Boundary { area, polygons })
}

fn read_polygon(rings: &PolygonType) -> Result<Polygon, (usize, RingError)> {
    let mut rings = rings.iter().enumerate().map(|(i, positions)| {
        let points = positions
            .iter()
            .map(|p| match p.as_slice() {
                [x, y, ..] => Ok([*x, *y]),
                _ => Err((i, RingError::ShortPosition)),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ring::new(points).map_err(|e| (i, e))
    });
    let exterior = rings.next().expect("caller skips empty polygons")?;
    let holes = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon { exterior, holes })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = "[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.51],[-0.1,51.5]]]";

    fn feature(code: &str, name: &str, geometry: &str) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"code":"{code}","name":"{name}"}},"geometry":{geometry}}}"#
        )
    }

    fn polygon(coordinates: &str) -> String {
        format!(r#"{{"type":"Polygon","coordinates":{coordinates}}}"#)
    }

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    #[test]
    fn reads_polygons_and_multipolygons() {
        let multi = format!(r#"{{"type":"MultiPolygon","coordinates":[{SQUARE},{SQUARE}]}}"#);
        let text = collection(&[
            feature("E09000012", "Hackney", &polygon(SQUARE)),
            feature("E09000011", "Greenwich", &multi),
        ]);
        let set = BoundarySet::from_geojson(&text).unwrap();
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        assert_eq!(set.boundaries.len(), 2);
        let greenwich = set.boundary(Area::from_code("E09000011").unwrap()).unwrap();
        assert_eq!(greenwich.polygons.len(), 2);
        assert_eq!(set.missing().len(), 31);
        let label = greenwich.label_point();
        assert!((label[0] - -0.095).abs() < 1e-9 && (label[1] - 51.505).abs() < 1e-9);
    }

    #[test]
    fn refuses_files_that_are_not_feature_collections() {
        assert!(matches!(
            BoundarySet::from_geojson("{\"type\":"),
            Err(GeometryFileError::Syntax(_))
        ));
        assert_eq!(
            BoundarySet::from_geojson(""),
            Err(GeometryFileError::Syntax(
                "EOF while parsing a value at line 1 column 0".into()
            ))
        );
        for text in [
            "[]",
            "{}",
            r#"{"type":"Feature"}"#,
            r#"{"type":"FeatureCollection","features":{}}"#,
        ] {
            assert_eq!(
                BoundarySet::from_geojson(text),
                Err(GeometryFileError::NotFeatureCollection),
                "{text}"
            );
        }
        assert_eq!(
            BoundarySet::from_geojson(&collection(&[])),
            Err(GeometryFileError::NothingUsable)
        );
    }

    #[test]
    fn skips_bad_features_and_keeps_the_rest() {
        let point = r#"{"type":"Point","coordinates":[-0.1,51.5]}"#;
        let open = "[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.51]]]";
        let text = collection(&[
            feature("E09000012", "Hackney", &polygon(SQUARE)),
            feature("E09000012", "Hackney", &polygon(SQUARE)),
            feature("E09000099", "Atlantis", &polygon(SQUARE)),
            feature("E09000029", "Sutton", point),
            feature("E09000030", "Tower Hamlets", &polygon(open)),
            feature("E09000031", "Camden", &polygon(SQUARE)),
            r#"{"type":"Feature","properties":{},"geometry":null}"#.to_owned(),
            r#"{"type":"Feature","properties":{"code":"E09000033"},"geometry":null}"#.to_owned(),
            r#"{"type":"Nonsense"}"#.to_owned(),
        ]);
        let set = BoundarySet::from_geojson(&text).unwrap();
        assert_eq!(set.boundaries.len(), 1);
        let problems: Vec<_> = set
            .skipped
            .iter()
            .map(|e| (e.index, e.problem.clone()))
            .collect();
        assert_eq!(problems.len(), 8, "{problems:?}");
        assert_eq!(problems[0], (1, FeatureProblem::DuplicateCode));
        assert_eq!(
            problems[1],
            (2, FeatureProblem::UnknownCode("E09000099".into()))
        );
        assert_eq!(
            problems[2],
            (3, FeatureProblem::UnsupportedGeometry("Point"))
        );
        assert_eq!(
            problems[3],
            (
                4,
                FeatureProblem::BadRing {
                    polygon: 0,
                    ring: 0,
                    problem: RingError::NotClosed
                }
            )
        );
        assert!(matches!(
            &problems[4],
            (5, FeatureProblem::NameMismatch { found, .. }) if found == "Camden"
        ));
        assert_eq!(problems[5], (6, FeatureProblem::MissingCode));
        assert_eq!(problems[6], (7, FeatureProblem::MissingGeometry));
        assert!(matches!(problems[7], (8, FeatureProblem::Malformed(_))));
        let short = feature(
            "E09000012",
            "Hackney",
            &polygon("[[[-0.1],[-0.09,51.5],[-0.09,51.51],[-0.1,51.5]]]"),
        );
        let with_short = BoundarySet::from_geojson(&collection(&[
            short,
            feature("E09000029", "Sutton", &polygon(SQUARE)),
        ]))
        .unwrap();
        assert_eq!(
            with_short.skipped[0].problem,
            FeatureProblem::BadRing {
                polygon: 0,
                ring: 0,
                problem: RingError::ShortPosition
            }
        );
        assert_eq!(
            set.skipped[1].to_string(),
            "feature 2 (E09000099) has a code that is not one of London's 33 areas"
        );
    }
}
