//! Everything known about the selected center ([`facts`]), with a way to close it that puts
//! focus back where the reader was, and the referral sheet's button.

mod facts;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::mobile::{Mobile, Pane};
use crate::components::share::ShareCenter;
use crate::components::shortlist::ListToggle;
use crate::dom_ids;
use crate::i18n::{td_string, use_i18n};
use crate::layout::in_flow;
use crate::state::AppState;

/// Closes the detail and puts keyboard focus back on the center's list item, so a keyboard
/// user continues where they were instead of at the top of the page.
fn close(state: AppState, mobile: Mobile, id: &str) {
    state.select(None);
    let item = dom_ids::center_item(id);
    // On a phone the list is behind the switch: bring it back for the item to take focus.
    if mobile.narrow.get_untracked() {
        mobile.pane.set(Pane::List);
        request_animation_frame(move || focus_item(&item));
        return;
    }
    focus_item(&item);
}

/// Focuses the button of a list item (by the item's DOM id).
fn focus_item(dom_id: &str) {
    let button = document()
        .get_element_by_id(dom_id)
        .and_then(|li| li.query_selector("button").ok().flatten());
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// In one column, brings the detail to the reader whenever a center is chosen. After the next
/// frame, once the panel for the new center is in the page. Focus goes with it: left on the
/// button that chose the center (in an events or hubs panel far below), it would be off
/// screen, and Escape would not reach the detail.
fn bring_into_view() {
    let state = AppState::expect();
    Effect::new(move |_| {
        state.pan_request.track();
        if state.selected_id().is_none() {
            return;
        }
        request_animation_frame(|| {
            if let (true, Some(el)) = (in_flow(), document().get_element_by_id(dom_ids::DETAIL)) {
                el.scroll_into_view();
                crate::focus::focus_id(dom_ids::DETAIL_HEADING);
            }
        });
    });
}

/// The detail panel of the selected center; absent when none is selected.
#[component]
pub(crate) fn Detail() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    bring_into_view();
    move || {
        let loaded = state.loaded()?;
        let c = state.selected()?;
        let locale = i18n.get_locale();
        let heading = c.name_in(locale.lang()).to_string();
        let shared_name = heading.clone();
        let (id_key, id_button) = (c.id.clone(), c.id.clone());
        Some(view! {
            <section
                id=dom_ids::DETAIL
                class="detail"
                aria-labelledby=dom_ids::DETAIL_HEADING
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close(state, mobile, &id_key);
                    }
                }
            >
                <div class="detail-head">
                    <h2 id=dom_ids::DETAIL_HEADING tabindex="-1">{heading}</h2>
                    <button type="button" class="close" aria-label=td_string!(locale, detail_close) on:click=move |_| close(state, mobile, &id_button)>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <div class="detail-actions">
                    <button type="button" id=dom_ids::REFERRAL_OPEN class="secondary referral-open" on:click=move |_| state.open_sheet(true)>
                        {td_string!(locale, referral_open)}
                    </button>
                    <ListToggle id=c.id.clone()/>
                    <ShareCenter id=c.id.clone() name=shared_name/>
                </div>
                <dl>{facts::facts(&loaded, &c, locale)}</dl>
                {facts::record(&c, locale)}
                {facts::reach(&loaded, &c, locale)}
            </section>
        })
    }
}
