//! Components, one concern per file.

pub mod detail;
pub mod embed;
pub mod embed_dialog;
pub mod events;
pub mod exports;
pub mod filters;
pub mod footer;
pub mod hubs;
pub mod language;
pub mod list;
pub mod map;
pub mod mobile;
pub mod near;
pub mod partnerships;
pub mod referral;
pub mod share;
pub mod status;
