//! Geography: positions and boxes ([`bounds`]), the region's cities and their names
//! ([`places`]), great-circle distances ([`near`]), what the map draws at each zoom
//! ([`cluster`]) and the bundled country outlines ([`outline`]).

pub mod bounds;
pub mod cluster;
pub mod near;
pub mod outline;
pub mod places;

pub use bounds::{Bounds, REGION};
