//! Shifo's domain core: dataset types, parsing and validation, filtering, free-text search,
//! geometry and URL state. Pure Rust with no browser dependencies, so it builds and tests natively.

#![warn(missing_docs)]

pub mod dataset;
pub mod filter;
pub mod geo;
pub mod json;
pub mod model;
pub mod query;
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
mod shape;
pub mod validate;

pub use dataset::{Error, ErrorKind, Loaded};
pub use filter::{FacetCounts, Filter};
pub use model::{
    Capacity, Center, Country, Dataset, Event, Hub, HubStatus, Partnership, Pediatric, Precision,
    Source, Specialty,
};
pub use query::ViewState;
pub use validate::{Path, Problem, ProblemKind, Severity};
