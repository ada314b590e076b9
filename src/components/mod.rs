//! Components, one concern per file.

pub(crate) mod detail;
pub(crate) mod embed;
pub(crate) mod embed_dialog;
pub(crate) mod events;
pub(crate) mod exports;
pub(crate) mod fields;
pub(crate) mod filters;
pub(crate) mod footer;
pub(crate) mod hubs;
pub(crate) mod language;
pub(crate) mod list;
pub(crate) mod map;
pub(crate) mod mobile;
pub(crate) mod near;
pub(crate) mod referral;
pub(crate) mod share;
pub(crate) mod shortlist;
pub(crate) mod status;
