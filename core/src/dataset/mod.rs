//! Reading a dataset: the format's types ([`model`]), texts per language and how they were
//! made ([`text`]), a JSON reader that keeps every value's line and column ([`json`],
//! [`objects`], and the format as tables), loading a whole file or a download as it arrives
//! ([`load`], [`stream`]), the rules every center is checked against ([`validate`]), the
//! generated JSON Schema, the synthetic generator, and which dataset a deployment lets a link
//! load ([`deploy`]).

pub mod country;
pub mod deploy;
pub mod json;
pub mod load;
pub mod model;
pub mod objects;
pub mod reach;
#[cfg(feature = "schema")]
pub mod schema;
pub(crate) mod shape;
pub mod stream;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod translations;
pub mod validate;
