//! Longitude/latitude to SVG user units.
//!
//! London spans only half a degree of latitude, so an equirectangular projection with longitude
//! scaled by cos(latitude) at the map's centre keeps shapes true to within a fraction of a
//! percent, and is far cheaper than Web Mercator's logarithm.

use super::bounds::{Bounds, Point};

/// Maps `[lon, lat]` to `[x, y]` with y growing downwards, fitted to a box `width` units wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// The north-west corner of the fitted bounds: `[min lon, max lat]`.
    north_west: Point,
    cos_lat: f64,
    scale: f64,
    padding: f64,
    width: f64,
    height: f64,
}

impl Projection {
    /// Fits `bounds` into a box `width` units wide with `padding` units on every side. The height
    /// follows from the shape, so the aspect ratio is always true.
    ///
    /// Returns `None` for empty or degenerate bounds (a single point or line), which cannot be
    /// fitted.
    pub fn fit(bounds: Bounds, width: f64, padding: f64) -> Option<Projection> {
        // Written so that NaN widths fail the check too.
        let room = width - 2.0 * padding;
        if bounds.is_empty() || room.is_nan() || room <= 0.0 {
            return None;
        }
        let cos_lat = bounds.center()[1].to_radians().cos();
        let span_x = bounds.width() * cos_lat;
        let span_y = bounds.height();
        if !(span_x > 0.0 && span_y > 0.0 && span_x.is_finite() && span_y.is_finite()) {
            return None;
        }
        let scale = room / span_x;
        Some(Projection {
            north_west: [bounds.min[0], bounds.max[1]],
            cos_lat,
            scale,
            padding,
            width,
            height: span_y * scale + 2.0 * padding,
        })
    }

    pub fn project(&self, [lon, lat]: Point) -> Point {
        [
            self.padding + (lon - self.north_west[0]) * self.cos_lat * self.scale,
            self.padding + (self.north_west[1] - lat) * self.scale,
        ]
    }

    /// Width of the fitted box, in SVG user units.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Height of the fitted box, in SVG user units.
    pub fn height(&self) -> f64 {
        self.height
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn corners_land_on_the_padded_box() {
        let bounds = Bounds::of_points(&[[-0.5, 51.3], [0.3, 51.7]]);
        let p = Projection::fit(bounds, 1000.0, 10.0).unwrap();
        let top_left = p.project([-0.5, 51.7]);
        let bottom_right = p.project([0.3, 51.3]);
        assert!(
            close(top_left[0], 10.0) && close(top_left[1], 10.0),
            "{top_left:?}"
        );
        assert!(close(bottom_right[0], 990.0), "{bottom_right:?}");
        assert!(
            close(bottom_right[1], p.height() - 10.0),
            "{bottom_right:?}"
        );
    }

    #[test]
    fn keeps_londons_true_aspect_ratio() {
        // One degree of longitude at 51.5°N is about 0.62 of a degree of latitude on the ground.
        let bounds = Bounds::of_points(&[[-1.0, 51.0], [1.0, 52.0]]);
        let p = Projection::fit(bounds, 2000.0, 0.0).unwrap();
        let expected_height = 2000.0 / (2.0 * 51.5f64.to_radians().cos());
        assert!(close(p.height(), expected_height), "{}", p.height());
        // North is up.
        assert!(p.project([0.0, 51.9])[1] < p.project([0.0, 51.1])[1]);
    }

    #[test]
    fn equal_ground_distances_are_equal_on_screen() {
        // 0.01° of latitude and 0.01°/cos(lat) of longitude are the same distance on the ground.
        let bounds = Bounds::of_points(&[[-0.5, 51.3], [0.3, 51.7]]);
        let p = Projection::fit(bounds, 800.0, 0.0).unwrap();
        let lat = 51.5f64;
        let a = p.project([0.0, lat]);
        let north = p.project([0.0, lat + 0.01]);
        let east = p.project([0.01 / lat.to_radians().cos(), lat]);
        let dy = (a[1] - north[1]).abs();
        let dx = (east[0] - a[0]).abs();
        assert!((dx - dy).abs() / dy < 0.001, "dx {dx} dy {dy}");
    }

    #[test]
    fn rejects_what_cannot_be_fitted() {
        assert!(Projection::fit(Bounds::EMPTY, 100.0, 0.0).is_none());
        let point = Bounds::of_points(&[[0.0, 51.0]]);
        assert!(Projection::fit(point, 100.0, 0.0).is_none());
        let ok = Bounds::of_points(&[[0.0, 51.0], [1.0, 52.0]]);
        assert!(Projection::fit(ok, 10.0, 5.0).is_none());
        assert!(Projection::fit(ok, f64::NAN, 0.0).is_none());
    }
}
