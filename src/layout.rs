//! The page's layouts by width, as the stylesheet defines them (keep the media queries equal
//! to `public/style.css`): phones, where the list and the map take turns; one column, where the
//! detail sits in the page flow under the map; and below laptops, where the facets are a sheet.

use leptos::prelude::window;

/// Phones: below 640 px, fractional widths included, so a 640 px screen gets the wide layout.
pub(crate) const NARROW_MEDIA: &str = "(max-width: 639.98px)";

/// Below 1200 px the sidebar is one narrow column: the facets (countries, specialties, hubs)
/// live in a sheet opened by a "Filters" button, so the results come right after the search
/// box instead of a screen and a half further down.
pub(crate) const SHEET_MEDIA: &str = "(max-width: 1199.98px)";

/// One column: below 800 px the map is above and the detail in the flow under it, so a
/// choice made further down the page would open it out of sight.
const IN_FLOW_MEDIA: &str = "(max-width: 799px)";

/// Whether the page is one column now (the detail in the flow).
pub(crate) fn in_flow() -> bool {
    window()
        .match_media(IN_FLOW_MEDIA)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
