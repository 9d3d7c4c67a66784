//! Axis-aligned bounds of longitude/latitude (or projected) points.

/// A point as `[x, y]`: `[longitude, latitude]` in degrees before projection.
pub type Point = [f64; 2];

/// The smallest rectangle holding a set of points. Empty until the first point is added.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

/// Greater London with a margin of about 5 km: coordinates outside it are not London's and are
/// rejected as data errors rather than silently stretching the map.
pub const LONDON: Bounds = Bounds {
    min: [-0.6, 51.2],
    max: [0.4, 51.8],
};

impl Bounds {
    /// Bounds that contain nothing; extending them with a point gives that point.
    pub const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY, f64::INFINITY],
        max: [f64::NEG_INFINITY, f64::NEG_INFINITY],
    };

    pub fn of_points<'a>(points: impl IntoIterator<Item = &'a Point>) -> Bounds {
        points
            .into_iter()
            .fold(Bounds::EMPTY, |b, p| b.extended(*p))
    }

    pub fn extended(self, p: Point) -> Bounds {
        Bounds {
            min: [self.min[0].min(p[0]), self.min[1].min(p[1])],
            max: [self.max[0].max(p[0]), self.max[1].max(p[1])],
        }
    }

    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    pub fn is_empty(&self) -> bool {
        !(self.min[0] <= self.max[0] && self.min[1] <= self.max[1])
    }

    pub fn width(&self) -> f64 {
        self.max[0] - self.min[0]
    }

    pub fn height(&self) -> f64 {
        self.max[1] - self.min[1]
    }

    pub fn center(&self) -> Point {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }

    /// Inclusive containment; NaN is never contained.
    pub fn contains(&self, p: Point) -> bool {
        (self.min[0]..=self.max[0]).contains(&p[0]) && (self.min[1]..=self.max[1]).contains(&p[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_until_a_point_is_added() {
        assert!(Bounds::EMPTY.is_empty());
        let b = Bounds::EMPTY.extended([1.0, 2.0]);
        assert!(!b.is_empty());
        assert_eq!(b.min, [1.0, 2.0]);
        assert_eq!(b.max, [1.0, 2.0]);
        assert_eq!(b.width(), 0.0);
    }

    #[test]
    fn of_points_and_union() {
        let a = Bounds::of_points(&[[0.0, 0.0], [2.0, 1.0]]);
        let b = Bounds::of_points(&[[-1.0, 3.0]]);
        let u = a.union(b);
        assert_eq!(u.min, [-1.0, 0.0]);
        assert_eq!(u.max, [2.0, 3.0]);
        assert_eq!(u.center(), [0.5, 1.5]);
        assert_eq!(a.union(Bounds::EMPTY), a);
    }

    #[test]
    fn contains_is_inclusive_and_rejects_nan() {
        let b = Bounds::of_points(&[[0.0, 0.0], [1.0, 1.0]]);
        assert!(b.contains([0.0, 1.0]));
        assert!(!b.contains([1.1, 0.5]));
        assert!(!b.contains([f64::NAN, 0.5]));
        assert!(LONDON.contains([-0.1276, 51.5072]));
        assert!(!LONDON.contains([2.35, 48.86]));
    }
}
