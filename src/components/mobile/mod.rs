//! Phones (narrower than 640 px): the list and the map take turns on the screen behind a
//! two-way switch, and the filters open as a full-screen sheet (a modal dialog: the rest of the
//! page is inert while it is open) with a button that shows the results.

mod bar;
mod sheet;

pub(crate) use bar::{FiltersButton, MobileBar};
pub(crate) use sheet::FilterSheet;

use leptos::prelude::*;

use crate::dom_ids;
use crate::focus::{focus_id, focus_id_later};
use crate::hooks::use_media_query;
use crate::layout::{in_flow, NARROW_MEDIA, SHEET_MEDIA};
use crate::state::AppState;

/// What fills a phone's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pane {
    /// The filters' summary and the result list.
    List,
    /// The map, with the detail under it.
    Map,
}

/// The phone layout's state, provided by the root and read through [`Mobile::expect`].
#[derive(Clone, Copy)]
pub(crate) struct Mobile {
    /// Whether the screen is phone-narrow (follows rotation and resizing).
    pub narrow: ReadSignal<bool>,
    /// The pane shown on a phone.
    pub pane: RwSignal<Pane>,
    /// Whether the facets live in a sheet (below 1200 px; follows resizing).
    pub sheet_width: ReadSignal<bool>,
    /// Whether the filter sheet is open.
    pub filters_open: RwSignal<bool>,
}

impl Mobile {
    /// Creates the state, follows the screen width and provides it as context.
    pub fn provide() -> Mobile {
        let narrow = use_media_query(NARROW_MEDIA);
        let sheet_width = use_media_query(SHEET_MEDIA);
        let mobile = Mobile {
            narrow,
            sheet_width,
            pane: RwSignal::new(Pane::List),
            filters_open: RwSignal::new(false),
        };
        let state = AppState::expect();
        // A center chosen on a phone (in the list, an event, a hub, or by the link that opened
        // the page) is shown on the map with its detail under it.
        Effect::new(move |_| {
            state.pan_request.track();
            if state.selected.get().is_some() && mobile.pane.get_untracked() != Pane::Map {
                mobile.pane.set(Pane::Map);
                // The list item that had focus is hidden now: the detail's name takes it.
                if narrow.get_untracked() {
                    focus_id_later(dom_ids::DETAIL_HEADING);
                }
            }
        });
        Effect::new(move |prev: Option<()>| {
            state.map_target.track();
            if prev.is_some() && state.map_target.get_untracked().is_some() {
                mobile.pane.set(Pane::Map);
                // In one column wider than a phone the map is above, out of sight from an
                // events panel: it comes into view to show the city.
                if !narrow.get_untracked() {
                    request_animation_frame(|| {
                        if let (true, Ok(Some(map))) =
                            (in_flow(), document().query_selector(".map-area"))
                        {
                            map.scroll_into_view();
                        }
                    });
                }
            }
        });
        // Widening the window to a laptop's closes the sheet: the filters are in the sidebar
        // again.
        Effect::new(move |_| {
            if !sheet_width.get() && mobile.filters_open.get_untracked() {
                mobile.close_filters();
            }
        });
        provide_context(mobile);
        mobile
    }

    /// The state provided by the root.
    pub fn expect() -> Mobile {
        expect_context::<Mobile>()
    }

    /// Whether the filters are showing as a sheet (a dialog with its own heading).
    pub fn sheet_open(&self) -> bool {
        self.sheet_width.get() && self.filters_open.get()
    }

    /// Opens the filter sheet, focusing its heading. The sheet lives in the list pane, which
    /// comes back first.
    pub fn open_filters(&self) {
        self.pane.set(Pane::List);
        self.filters_open.set(true);
        let open = self.filters_open;
        request_animation_frame(move || {
            // Closed again before this frame (Back, a wider window): nothing to make inert.
            if open.get_untracked() {
                sheet::set_inert(true);
                focus_id(dom_ids::FILTER_SHEET_HEADING);
            }
        });
    }

    /// Closes the filter sheet and returns focus to the button that opened it.
    pub fn close_filters(&self) {
        if !self.filters_open.get_untracked() {
            return;
        }
        self.filters_open.set(false);
        sheet::set_inert(false);
        // The button that opened it; on a laptop's width (the window grew) it is gone and the
        // filters are back in the sidebar.
        let button = self.sheet_width.get_untracked();
        request_animation_frame(move || {
            focus_id(if button {
                dom_ids::FILTERS_OPEN
            } else {
                dom_ids::SEARCH_INPUT
            })
        });
    }

    /// Where focus goes after clearing the filters: on a phone the filters button, since the
    /// search box is in the closed sheet.
    pub fn after_clearing(&self) {
        let narrow = self.narrow.get_untracked();
        focus_id_later(if narrow {
            dom_ids::FILTERS_OPEN
        } else {
            dom_ids::SEARCH_INPUT
        });
    }

    /// Whether the phone layout shows `pane` (tracked); always true on wider screens.
    pub fn shows(&self, pane: Pane) -> bool {
        !self.narrow.get() || self.pane.get() == pane
    }
}
