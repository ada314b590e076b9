//! The Shifo web app: thin Leptos components over `shifo-core`.

#![warn(missing_docs)]

pub mod app;
pub mod components;
pub mod data;
pub mod focus;
pub mod history;
pub mod i18n;
pub mod locale;
pub mod offline;
pub mod panic;
pub mod perf;
pub mod state;
