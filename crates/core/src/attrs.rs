//! The data attributes the build writes on each borough's shape and the app reads back: one
//! place for both directions, so they cannot drift apart.

use crate::area::Area;
use crate::content::Theme;
use crate::geo::Point;

/// `data-label`: where the area's name goes, in whole view units, e.g. `512 300`. (Whole
/// numbers also keep float parsing out of the app.)
pub fn label_value([x, y]: Point) -> String {
    format!("{} {}", x.round() as i64, y.round() as i64)
}

pub fn parse_label(value: &str) -> Option<Point> {
    let mut parts = value.split(' ').map(str::parse::<i32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(x)), Some(Ok(y)), None) => Some([f64::from(x), f64::from(y)]),
        _ => None,
    }
}

/// `data-neighbours`: the GSS codes of the areas that touch it, space-separated.
pub fn areas_value(areas: &[Area]) -> String {
    areas.iter().map(|a| a.code()).collect::<Vec<_>>().join(" ")
}

/// The areas a `data-neighbours` value names; anything else is skipped.
pub fn parse_areas(value: &str) -> Vec<Area> {
    value
        .split_whitespace()
        .filter_map(Area::from_code)
        .collect()
}

/// `data-themes`: the ids of the themes its outcomes touch, space-separated.
pub fn themes_value(themes: &[Theme]) -> String {
    themes.iter().map(|t| t.id()).collect::<Vec<_>>().join(" ")
}

pub fn parse_themes(value: &str) -> Vec<Theme> {
    value
        .split_whitespace()
        .filter_map(Theme::from_id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_bad_ones_are_refused() {
        for point in [[512.0, 300.0], [0.0, -5.0], [1000.0, 743.0]] {
            assert_eq!(parse_label(&label_value(point)), Some(point));
        }
        assert_eq!(label_value([512.4, 299.6]), "512 300");
        for bad in ["", "1", "1 2 3", "x 2", "NaN 1", "1  2", "inf 2", "1.5 2"] {
            assert_eq!(parse_label(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn areas_and_themes_round_trip_skipping_unknown_values() {
        let areas: Vec<Area> = Area::all().take(4).collect();
        assert_eq!(parse_areas(&areas_value(&areas)), areas);
        assert_eq!(
            parse_areas("E09000001 nowhere  E09000002"),
            Area::all().take(2).collect::<Vec<_>>()
        );
        assert_eq!(
            parse_themes(&themes_value(&Theme::ALL)),
            Theme::ALL.to_vec()
        );
        assert_eq!(
            parse_themes("connections wellbeing"),
            vec![Theme::Connections]
        );
        assert!(parse_themes("").is_empty());
    }
}
