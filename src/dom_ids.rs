//! The DOM ids that one part of the app gives an element and another finds it by (to move
//! focus there, to scroll it into view, to name a dialog), in one place.

/// The results section: the skip link's target.
pub(crate) const RESULTS: &str = "results";
/// The results' heading.
pub(crate) const RESULTS_HEADING: &str = "results-heading";
/// The search box.
pub(crate) const SEARCH_INPUT: &str = "search-input";
/// The interface language's select.
pub(crate) const LANGUAGE_SELECT: &str = "language-select";
/// The search box's list of suggestions.
pub(crate) const SUGGESTIONS: &str = "search-suggestions";
/// The filters' heading beside the map.
pub(crate) const FILTERS_HEADING: &str = "filters-heading";
/// The phone's "Filters" button, which opens the filter sheet.
pub(crate) const FILTERS_OPEN: &str = "filters-open";
/// The heading of the phone's filter sheet.
pub(crate) const FILTER_SHEET_HEADING: &str = "filter-sheet-heading";
/// The detail panel.
pub(crate) const DETAIL: &str = "detail";
/// The detail's heading: the chosen center's name.
pub(crate) const DETAIL_HEADING: &str = "detail-heading";
/// The heading of the detail's "how to reach it" part.
pub(crate) const DETAIL_REACH: &str = "detail-reach";
/// The detail's "Referral sheet to print" button.
pub(crate) const REFERRAL_OPEN: &str = "referral-open";

/// The list item of the center `center_id`.
pub(crate) fn center_item(center_id: &str) -> String {
    format!("center-item-{center_id}")
}
