//! Shifo's domain core: dataset types, parsing and validation, filtering, free-text search,
//! geography and URL state. Pure Rust with no browser dependencies, so it builds and tests
//! natively in seconds; the web app and the `shifo-data` command both stand on it.
//!
//! Four parts, one folder each:
//! - [`dataset`]: reading a dataset (the format's types, the JSON reader that keeps positions,
//!   loading whole or while it downloads, validation, the JSON Schema, the synthetic generator);
//! - [`query`]: what a reader asks (filters, the bitset index, free-text search across scripts);
//! - [`geo`]: geography (bounds, the region's places, distances, the map's grouping, outlines);
//! - [`output`]: what it writes out (CSV, GeoJSON and iCalendar, the referral sheet, embedding
//!   options, the URL's view state).
//!
//! ```
//! use shifo_core::{Dataset, Filter};
//!
//! let json = r#"{
//!   "schema_version": 1, "version": "demo", "updated": "2026-01-01",
//!   "specialties": [{"code": "oncology", "label": "Oncology"}],
//!   "centers": [{
//!     "id": "a", "name": "Oncology Center", "country": "KZ", "city": "Almaty",
//!     "lat": 43.238, "lon": 76.9458, "precision": "city", "specialties": ["oncology"],
//!     "sources": [{"title": "A page", "url": "https://example.org/a"}]
//!   }]
//! }"#;
//! let loaded = Dataset::load(json).expect("a readable dataset");
//! // Warnings (no Russian name, never verified, a city-level position) are listed, with line
//! // and column; the center is kept.
//! assert_eq!(loaded.problems.len(), 3);
//! assert_eq!(loaded.dataset.centers.len(), 1);
//! let filter = Filter { text: "онкология".into(), ..Filter::default() };
//! assert_eq!(loaded.filtered(&filter), vec![0]);
//! ```

#![warn(missing_docs)]

pub mod cooperation;
pub mod dataset;
pub mod decimal;
pub mod geo;
pub mod lang;
pub mod latin;
pub mod output;
pub mod query;
pub mod sort;

pub use dataset::load::{Error, ErrorKind, LoadStep, Loaded};
pub use dataset::model::{
    Capacity, Center, ChildrenBadge, Country, Dataset, Event, Hub, HubStatus, Partnership,
    Pediatric, Precision, Source, Specialty,
};
pub use dataset::validate::{Path, Problem, ProblemKind, Severity};
pub use geo::near::great_circle_km;
pub use geo::places::Place;
pub use lang::{Lang, Plural};
pub use output::url::ViewState;
pub use query::filter::{Choice, FacetCounts, Filter, Loosen};
pub use query::index::Index;
