//! Shifo's domain core: dataset types, parsing and validation, filtering, free-text search,
//! geometry and URL state. Pure Rust with no browser dependencies, so it builds and tests natively.

#![warn(missing_docs)]

pub mod cluster;
pub mod cooperation;
pub mod dataset;
pub mod decimal;
pub mod embed;
pub mod export;
pub mod filter;
pub mod geo;
pub mod index;
pub mod json;
pub mod lang;
pub mod model;
pub mod names;
pub mod near;
pub mod objects;
pub mod outline;
pub mod places;
pub mod query;
pub mod referral;
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
mod shape;
pub mod sort;
pub mod source;
pub mod stream;
#[cfg(feature = "synth")]
pub mod synth;
pub mod validate;

pub use dataset::{Error, ErrorKind, LoadStep, Loaded};
pub use filter::{FacetCounts, Filter};
pub use index::Index;
pub use lang::{Lang, Plural};
pub use model::{
    Capacity, Center, Country, Dataset, Event, Hub, HubStatus, Partnership, Pediatric, Precision,
    Source, Specialty,
};
pub use near::{great_circle_km, Origin};
pub use places::Place;
pub use query::ViewState;
pub use validate::{Path, Problem, ProblemKind, Severity};
