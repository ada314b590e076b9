//! The phone's bar: the filters button (saying how many are set) and the list/map switch.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Mobile, Pane};
use crate::dom_ids;
use crate::hooks::use_resize_observer;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::state::AppState;

/// The phone's bar: the filters button (with how many are set) and the list/map switch.
#[component]
pub(crate) fn MobileBar() -> impl IntoView {
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    let switch = move |pane: Pane, label: &'static str| {
        view! {
            <button
                type="button"
                class="pane-switch"
                aria-pressed=move || (mobile.pane.get() == pane).to_string()
                on:click=move |_| mobile.pane.set(pane)
            >
                {label}
            </button>
        }
    };
    let bar = NodeRef::<leptos::html::Div>::new();
    follow_height(bar);
    view! {
        // A named region, so that every part of the page is in a landmark.
        <div class="mobile-bar" node_ref=bar role="region" aria-label=move || t_string!(i18n, pane_label)>
            <FiltersButton/>
            <div class="pane-switches" role="group" aria-label=move || t_string!(i18n, pane_label)>
                {move || switch(Pane::List, t_string!(i18n, pane_list))}
                {move || switch(Pane::Map, t_string!(i18n, pane_map))}
            </div>
        </div>
    }
}

/// The button that opens the filter sheet, saying how many filters are set.
#[component]
pub(crate) fn FiltersButton() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    // What a visitor can change: an embedding page's locked facets are not theirs to count.
    let active = move || state.view.with(|v| v.embed.open_count(&v.filter));
    view! {
        <button
            type="button"
            id=dom_ids::FILTERS_OPEN
            class="secondary filters-open"
            aria-haspopup="dialog"
            aria-expanded=move || mobile.filters_open.get().to_string()
            on:click=move |_| mobile.open_filters()
        >
            {move || match active() {
                0 => t_string!(i18n, filters_heading).to_string(),
                n => td_string!(i18n.get_locale(), filters_open_count, count = n).to_string(),
            }}
        </button>
    }
}

/// Keeps `--bar-h` on the page at the bar's height, which the stylesheet keeps free above
/// whatever is scrolled into view (`scroll-padding-top`) and under the sticky count. The bar
/// wraps to two or three lines on a 320 px phone in the longer languages: a fixed allowance
/// left the detail's heading under it.
fn follow_height(bar: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let Some(el) = bar.get() else {
            return;
        };
        let Some(root) = document()
            .document_element()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let measured = el.clone();
        use_resize_observer(&el, move || {
            let height = measured.get_bounding_client_rect().height();
            let value = if height > 0.0 {
                format!("{}px", height.ceil() as u32)
            } else {
                String::new()
            };
            let _ = root.style().set_property("--bar-h", &value);
        });
    });
}
