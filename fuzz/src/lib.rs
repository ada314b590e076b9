//! Fuzz targets for `shifo-core`; the checks live in [`checks`], which the stable replay test
//! `core/tests/fuzz_corpus.rs` includes too.

pub mod checks;
