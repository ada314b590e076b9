//! The filters as a sheet below 1200 px (full-screen on a phone, a side panel over the map
//! wider): a modal dialog while open (the rest of the page inert, Escape or "Show N centers"
//! closing it); closed, only the search box and "nearest first" show, then a "Filters" button
//! (on a phone it is in the bar). Plain in the sidebar on laptops.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{FiltersButton, Mobile};
use crate::dom_ids;
use crate::hooks::{use_event_listener, ListenerOptions};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::AppState;

/// Everything outside the sheet, made inert while it is open (a modal's focus stays inside).
const OUTSIDE_SHEET: &str = ".skip-link, .site-header, .embed-bar, .mobile-bar, .map-area, \
                             .site-footer, .sidebar > .results, .tools-pane > :not(.filter-sheet)";

pub(super) fn set_inert(on: bool) {
    let Ok(nodes) = document().query_selector_all(OUTSIDE_SHEET) else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = if on {
                el.set_attribute("inert", "")
            } else {
                el.remove_attribute("inert")
            };
        }
    }
}

/// The filters: in the sidebar on wide screens, a modal sheet on phones while open.
#[component]
pub(crate) fn FilterSheet(
    /// The filter form.
    children: Children,
) -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    let sheet = move || mobile.sheet_open();
    let count = move || state.filtered.with(Vec::len);
    // Escape closes the open sheet wherever focus is: also in the moment after opening, before
    // focus has moved into it. Closing is all it does: in the search box it would also clear
    // what was typed.
    use_event_listener(
        &window(),
        "keydown",
        ListenerOptions::default(),
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape"
                && mobile.sheet_width.get_untracked()
                && mobile.filters_open.get_untracked()
            {
                ev.prevent_default();
                mobile.close_filters();
            }
        },
    );
    view! {
        <div
            class="filter-sheet"
            class:open=sheet
            role=move || sheet().then_some("dialog")
            aria-modal=move || sheet().then_some("true")
            aria-labelledby=move || sheet().then_some(dom_ids::FILTER_SHEET_HEADING)
        >
            <Show when=sheet>
                <div class="sheet-head">
                    <h2 id=dom_ids::FILTER_SHEET_HEADING tabindex="-1">{t!(i18n, filters_heading)}</h2>
                    <button type="button" class="close" aria-label=move || t_string!(i18n, sheet_close) on:click=move |_| mobile.close_filters()>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
            </Show>
            // The body scrolls inside the open sheet, above its button: nothing lies under
            // the button (a sticky one covered the last choices, too small to tap there).
            <div class="sheet-body">{children()}</div>
            // On a phone the button is in the bar at the top.
            <Show when=move || mobile.sheet_width.get() && !mobile.narrow.get() && !sheet()>
                <FiltersButton/>
            </Show>
            <Show when=sheet>
                <button type="button" class="show-results" on:click=move |_| mobile.close_filters()>
                    {move || td_string!(i18n.get_locale(), filters_show_results, count = count()).to_string()}
                </button>
            </Show>
        </div>
    }
}
