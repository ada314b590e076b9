//! Dataset files: parse, validate and index, then filter, count, search and lay out the map.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shifo_fuzz::checks::dataset(data));
