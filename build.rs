//! Generates the `i18n` module from `locales/*.json` (leptos_i18n): keys and interpolations are
//! checked at compile time, so a typo in a key is a build error, not a blank label.

use std::path::PathBuf;

use leptos_i18n_build::{options::CodegenOptions, Config, ParseOptions, TranslationsInfos};

/// Every interface language, English first because it is the fallback for a missing string.
const LOCALES: [&str; 7] = ["en", "ru", "kk", "uz", "ky", "tg", "tk"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n");
    // `interpolate_display`: interpolated strings also as plain text, for attributes, the
    // panic notice and messages built outside the view.
    let cfg = Config::new(LOCALES[0])
        .and_then(|c| c.add_locales(&LOCALES[1..]))
        .expect("locale codes are valid")
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg).expect("locales/*.json parse");
    infos.rerun_if_locales_changed();
    infos.emit_diagnostics();
    // The generated items carry no doc comments; the crate warns on missing docs.
    let attributes = "#![allow(missing_docs)]".parse().ok();
    infos
        .generate_i18n_module_with_options(
            out,
            CodegenOptions::new().top_level_attributes(attributes),
        )
        .expect("the i18n module is written");
}
