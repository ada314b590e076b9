//! Shifo's domain core: dataset types, parsing and validation, filtering, free-text search,
//! geometry and URL state. Pure Rust with no browser dependencies, so it builds and tests natively.

#![warn(missing_docs)]

pub mod dataset;
pub mod filter;
pub mod geo;
pub mod model;
pub mod query;
pub mod search;
pub mod validate;

pub use dataset::{Error, ErrorKind, Loaded};
pub use filter::{FacetCounts, Filter};
pub use model::{Center, Country, Dataset, Event, Partnership, Source, Specialty};
pub use query::ViewState;
pub use validate::{Problem, ProblemKind};
