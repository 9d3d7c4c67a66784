//! Which areas touch, and where the arrow keys move focus: computed from the boundaries, so
//! the keyboard follows the real map rather than a hand-made list.

use std::collections::HashMap;

use super::boundary::BoundarySet;
use super::bounds::Point;
use crate::area::{Area, AREA_COUNT};

/// An arrow key's direction on screen (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    pub const ALL: [Direction; 4] = [
        Direction::Up,
        Direction::Down,
        Direction::Left,
        Direction::Right,
    ];

    /// The direction of a `KeyboardEvent.key`, for the four arrow keys.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" | "Up" => Some(Direction::Up),
            "ArrowDown" | "Down" => Some(Direction::Down),
            "ArrowLeft" | "Left" => Some(Direction::Left),
            "ArrowRight" | "Right" => Some(Direction::Right),
            _ => None,
        }
    }

    fn unit(self) -> Point {
        match self {
            Direction::Up => [0.0, -1.0],
            Direction::Down => [0.0, 1.0],
            Direction::Left => [-1.0, 0.0],
            Direction::Right => [1.0, 0.0],
        }
    }
}

/// Neighbours may lie up to 67.5° either side of the arrow's direction: wide enough that every
/// area has somewhere to go, narrow enough that "right" never means "up".
const NEIGHBOUR_CONE: f64 = 67.5;
/// Across the Thames (cut out of the boundaries) nothing touches, so focus may jump to the
/// nearest area more nearly in line with the arrow.
const JUMP_CONE: f64 = 45.0;

/// The areas each area shares a boundary point with. Shared borders come from the same
/// TopoJSON arcs, so touching areas have exactly equal vertices.
#[derive(Clone, Debug, PartialEq)]
pub struct Neighbours(Vec<Vec<Area>>);

impl Neighbours {
    pub fn from_boundaries(set: &BoundarySet) -> Neighbours {
        let mut owners: HashMap<(u64, u64), Vec<Area>> = HashMap::new();
        for boundary in &set.boundaries {
            let rings = boundary.polygons.iter().flat_map(|p| p.rings());
            for point in rings.flat_map(|r| r.points()) {
                let owners = owners
                    .entry((point[0].to_bits(), point[1].to_bits()))
                    .or_default();
                if !owners.contains(&boundary.area) {
                    owners.push(boundary.area);
                }
            }
        }
        let mut lists = vec![Vec::new(); AREA_COUNT];
        for shared in owners.values().filter(|o| o.len() > 1) {
            for &a in shared {
                for &b in shared.iter().filter(|&&b| b != a) {
                    if !lists[a.index()].contains(&b) {
                        lists[a.index()].push(b);
                    }
                }
            }
        }
        lists.iter_mut().for_each(|list| list.sort());
        Neighbours(lists)
    }

    /// The graph from each area's list of neighbours, as the page carries it; lists for areas
    /// not given are empty.
    pub fn from_lists(lists: impl IntoIterator<Item = (Area, Vec<Area>)>) -> Neighbours {
        let mut all = vec![Vec::new(); AREA_COUNT];
        for (area, list) in lists {
            all[area.index()] = list;
        }
        Neighbours(all)
    }

    pub fn of(&self, area: Area) -> &[Area] {
        &self.0[area.index()]
    }

    /// Where focus goes from `from` on pressing `direction`, given where each area's label sits
    /// on screen: the touching area most nearly in that direction, else the nearest area well
    /// in line with it, else nowhere.
    pub fn step(
        &self,
        from: Area,
        direction: Direction,
        positions: &[(Area, Point)],
    ) -> Option<Area> {
        let origin = positions.iter().find(|(a, _)| *a == from)?.1;
        let candidates = positions
            .iter()
            .filter(|(a, _)| *a != from)
            .filter_map(|&(area, p)| {
                let offset = [p[0] - origin[0], p[1] - origin[1]];
                let distance = offset[0].hypot(offset[1]);
                let unit = direction.unit();
                let cos = (offset[0] * unit[0] + offset[1] * unit[1]) / distance;
                (distance > 0.0).then_some((
                    area,
                    distance,
                    cos.clamp(-1.0, 1.0).acos().to_degrees(),
                ))
            });
        let (touching, apart): (Vec<_>, Vec<_>) =
            candidates.partition(|(area, _, _)| self.of(from).contains(area));
        let by = |score: fn(f64, f64) -> f64| {
            move |a: &&(Area, f64, f64), b: &&(Area, f64, f64)| {
                score(a.1, a.2).total_cmp(&score(b.1, b.2))
            }
        };
        touching
            .iter()
            .filter(|(_, _, angle)| *angle <= NEIGHBOUR_CONE)
            .min_by(by(|distance, angle| angle + distance * 1e-6))
            .or_else(|| {
                apart
                    .iter()
                    .filter(|(_, _, angle)| *angle <= JUMP_CONE)
                    .min_by(by(|distance, angle| distance * (1.0 + angle / 45.0)))
            })
            .map(|(area, _, _)| *area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::MapLayout;
    use std::collections::BTreeSet;

    fn london() -> MapLayout {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../geo/boroughs.geojson"
        ));
        MapLayout::new(&BoundarySet::from_geojson(text).unwrap()).unwrap()
    }

    fn area(slug: &str) -> Area {
        Area::parse(slug).unwrap()
    }

    #[test]
    fn neighbours_are_symmetric_and_known_pairs_touch() {
        let layout = london();
        for a in Area::all() {
            assert!(!layout.neighbours.of(a).is_empty(), "{a} has no neighbour");
            for &b in layout.neighbours.of(a) {
                assert!(
                    layout.neighbours.of(b).contains(&a),
                    "{a} touches {b} but not back"
                );
            }
        }
        let hackney: BTreeSet<&str> = layout
            .neighbours
            .of(area("hackney"))
            .iter()
            .map(|a| a.name())
            .collect();
        let expected = [
            "City of London",
            "Haringey",
            "Islington",
            "Newham",
            "Tower Hamlets",
            "Waltham Forest",
        ];
        assert_eq!(hackney, expected.into_iter().collect());
        // The Thames is cut out: Westminster and Lambeth face each other but do not touch.
        assert!(!layout
            .neighbours
            .of(area("westminster"))
            .contains(&area("lambeth")));
    }

    #[test]
    fn arrows_move_in_their_direction() {
        let layout = london();
        let positions = layout.label_positions();
        let position = |a: Area| positions.iter().find(|(b, _)| *b == a).unwrap().1;
        for a in Area::all() {
            for direction in Direction::ALL {
                if let Some(b) = layout.neighbours.step(a, direction, &positions) {
                    let (pa, pb) = (position(a), position(b));
                    let along = (pb[0] - pa[0]) * direction.unit()[0]
                        + (pb[1] - pa[1]) * direction.unit()[1];
                    assert!(along > 0.0, "{direction:?} from {a} goes to {b}, backwards");
                }
            }
        }
        let step = |from: &str, d| {
            layout
                .neighbours
                .step(area(from), d, &positions)
                .map(Area::name)
        };
        assert_eq!(step("hackney", Direction::Left), Some("Islington"));
        assert!(matches!(
            step("hackney", Direction::Right),
            Some("Newham" | "Waltham Forest")
        ));
        assert_eq!(step("hackney", Direction::Up), Some("Haringey"));
        // No land south of Tower Hamlets: focus crosses the river.
        assert!(matches!(
            step("tower-hamlets", Direction::Down),
            Some("Southwark" | "Lewisham" | "Greenwich")
        ));
        assert_eq!(
            step("havering", Direction::Right),
            None,
            "Havering is London's eastern edge"
        );
    }

    #[test]
    fn every_area_can_be_reached_with_the_arrow_keys() {
        let layout = london();
        let positions = layout.label_positions();
        let mut reached = BTreeSet::from([area("westminster")]);
        let mut queue = vec![area("westminster")];
        while let Some(a) = queue.pop() {
            for direction in Direction::ALL {
                if let Some(b) = layout.neighbours.step(a, direction, &positions) {
                    if reached.insert(b) {
                        queue.push(b);
                    }
                }
            }
        }
        assert_eq!(
            reached.len(),
            33,
            "unreached: {:?}",
            Area::all()
                .filter(|a| !reached.contains(a))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn keys_map_to_directions() {
        assert_eq!(Direction::from_key("ArrowLeft"), Some(Direction::Left));
        assert_eq!(Direction::from_key("Enter"), None);
    }
}
