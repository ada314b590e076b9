//! URL query strings, colours, themes, deployment configs and `data=` URLs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shifo_fuzz::checks::query(data));
