//! The Shifo web app: thin Leptos components over `shifo-core`.

#![warn(missing_docs)]

pub mod app;
pub mod components;
pub mod data;
pub mod history;
pub mod locale;
pub mod panic;
pub mod perf;
pub mod state;

// The `i18n` module that build.rs generates from locales/*.json (leptos_i18n): the `Locale`
// enum, `use_i18n`, `I18nContextProvider` and the `t!` family of macros.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
