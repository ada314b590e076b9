//! What the core writes out: CSV, GeoJSON and iCalendar files ([`export`]), the referral
//! sheet ([`referral`]) and the shortlist's packet ([`shortlist`]), the options of an embedded
//! map ([`embed`]) and the view state kept in the URL ([`url`]).

pub mod embed;
pub mod export;
pub mod referral;
pub mod shortlist;
pub mod url;
