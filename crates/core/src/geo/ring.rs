//! Linear rings and polygons: the checked building blocks of a boundary.

use thiserror::Error;

use super::bounds::{Bounds, Point, LONDON};

/// Why a ring of coordinates was refused.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum RingError {
    #[error("has {0} points; a ring needs at least 4")]
    TooFewPoints(usize),
    #[error("is not closed (its last point differs from its first)")]
    NotClosed,
    #[error("has a point outside London: [{}, {}]", .0[0], .0[1])]
    OutsideLondon(Point),
    #[error("has a position with fewer than two coordinates")]
    ShortPosition,
}

/// A closed ring of at least four `[lon, lat]` points inside London, first point repeated last.
#[derive(Clone, Debug, PartialEq)]
pub struct Ring(Vec<Point>);

impl Ring {
    pub fn new(points: Vec<Point>) -> Result<Ring, RingError> {
        if points.len() < 4 {
            return Err(RingError::TooFewPoints(points.len()));
        }
        if let Some(p) = points.iter().find(|p| !LONDON.contains(**p)) {
            return Err(RingError::OutsideLondon(*p));
        }
        if points.first() != points.last() {
            return Err(RingError::NotClosed);
        }
        Ok(Ring(points))
    }

    pub fn points(&self) -> &[Point] {
        &self.0
    }

    pub fn bounds(&self) -> Bounds {
        Bounds::of_points(&self.0)
    }

    /// Shoelace area in squared degrees; positive when the ring runs anticlockwise.
    pub fn signed_area(&self) -> f64 {
        self.edges().map(|(a, b)| cross(a, b)).sum::<f64>() / 2.0
    }

    /// The centre of mass of the area the ring encloses.
    pub fn centroid(&self) -> Point {
        let area = self.signed_area();
        if area == 0.0 {
            return self.bounds().center();
        }
        let (cx, cy) = self.edges().fold((0.0, 0.0), |(cx, cy), (a, b)| {
            let c = cross(a, b);
            (cx + (a[0] + b[0]) * c, cy + (a[1] + b[1]) * c)
        });
        let origin = self.0[0];
        [origin[0] + cx / (6.0 * area), origin[1] + cy / (6.0 * area)]
    }

    /// Consecutive point pairs, relative to the first point: degrees of latitude near 51.5 would
    /// otherwise lose most of their precision in the products.
    fn edges(&self) -> impl Iterator<Item = (Point, Point)> + '_ {
        let origin = self.0[0];
        let relative = move |p: &Point| [p[0] - origin[0], p[1] - origin[1]];
        self.0
            .windows(2)
            .map(move |w| (relative(&w[0]), relative(&w[1])))
    }
}

fn cross(a: Point, b: Point) -> f64 {
    a[0] * b[1] - b[0] * a[1]
}

/// An outer ring with any holes, as in a GeoJSON Polygon.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    pub exterior: Ring,
    pub holes: Vec<Ring>,
}

impl Polygon {
    pub fn rings(&self) -> impl Iterator<Item = &Ring> {
        std::iter::once(&self.exterior).chain(&self.holes)
    }

    /// Enclosed area in squared degrees, holes subtracted.
    pub fn area(&self) -> f64 {
        self.exterior.signed_area().abs()
            - self
                .holes
                .iter()
                .map(|h| h.signed_area().abs())
                .sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64) -> Vec<Point> {
        vec![
            [x, y],
            [x + size, y],
            [x + size, y + size],
            [x, y + size],
            [x, y],
        ]
    }

    #[test]
    fn accepts_a_closed_ring_in_london() {
        let ring = Ring::new(square(-0.1, 51.5, 0.01)).unwrap();
        assert_eq!(ring.points().len(), 5);
        assert!((ring.signed_area() - 0.0001).abs() < 1e-12);
        let c = ring.centroid();
        assert!(
            (c[0] - -0.095).abs() < 1e-12 && (c[1] - 51.505).abs() < 1e-12,
            "{c:?}"
        );
    }

    #[test]
    fn clockwise_rings_have_negative_area_and_the_same_centroid() {
        let mut points = square(0.0, 51.5, 0.02);
        points.reverse();
        let ring = Ring::new(points).unwrap();
        assert!(ring.signed_area() < 0.0);
        let c = ring.centroid();
        assert!(
            (c[0] - 0.01).abs() < 1e-12 && (c[1] - 51.51).abs() < 1e-12,
            "{c:?}"
        );
    }

    #[test]
    fn refuses_short_open_and_foreign_rings() {
        assert_eq!(
            Ring::new(vec![[0.0, 51.5], [0.1, 51.5], [0.0, 51.5]]),
            Err(RingError::TooFewPoints(3))
        );
        let mut open = square(0.0, 51.5, 0.01);
        open.pop();
        open.push([0.001, 51.5]);
        assert_eq!(Ring::new(open), Err(RingError::NotClosed));
        assert_eq!(
            Ring::new(square(2.35, 48.85, 0.01)),
            Err(RingError::OutsideLondon([2.35, 48.85]))
        );
        let mut absurd = square(0.0, 51.5, 0.01);
        absurd[2] = [1e300, 51.5];
        assert!(matches!(
            Ring::new(absurd),
            Err(RingError::OutsideLondon(_))
        ));
    }

    #[test]
    fn polygon_area_subtracts_holes() {
        let polygon = Polygon {
            exterior: Ring::new(square(0.0, 51.5, 0.1)).unwrap(),
            holes: vec![Ring::new(square(0.01, 51.51, 0.05)).unwrap()],
        };
        assert!((polygon.area() - (0.01 - 0.0025)).abs() < 1e-12);
        assert_eq!(polygon.rings().count(), 2);
    }
}
