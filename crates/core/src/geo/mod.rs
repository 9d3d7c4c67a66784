//! Geometry: reading boundaries, projecting them, and laying them out as SVG paths. Nothing here
//! touches the browser, so all of it is tested natively.

pub mod boundary;
pub mod bounds;
pub mod layout;
pub mod neighbours;
pub mod projection;
pub mod ring;

pub use boundary::{Boundary, BoundarySet, FeatureError, FeatureProblem, GeometryFileError};
pub use bounds::{Bounds, Point, LONDON};
pub use layout::{MapLayout, MapShape};
pub use neighbours::{Direction, Neighbours};
pub use projection::Projection;
pub use ring::{Polygon, Ring, RingError};
