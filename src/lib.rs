//! The Shifo web app: thin Leptos components over `shifo-core`.

#![warn(missing_docs)]

pub mod app;
pub(crate) mod components;
pub(crate) mod conditions;
pub(crate) mod data;
pub(crate) mod dom_ids;
pub(crate) mod first_view;
pub(crate) mod focus;
pub(crate) mod history;
pub(crate) mod hooks;
pub(crate) mod i18n;
pub(crate) mod layout;
pub(crate) mod locale;
pub(crate) mod offline;
pub mod panic;
pub(crate) mod perf;
pub(crate) mod shortlist;
pub(crate) mod state;
pub(crate) mod title;
// Shared with build.rs, which writes the files the app reads: the writing half is unused here.
#[allow(dead_code)]
pub(crate) mod texts_file;
pub(crate) mod translations;

pub use i18n::load_then;
