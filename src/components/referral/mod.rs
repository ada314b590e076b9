//! The referral sheet: one center on a printable page, in the reader's language and a second
//! one for the receiving clinic (English or Russian), with a QR code of its permalink. Only
//! public facts about the center; nothing about the patient is asked for or sent.

mod facts;
mod packet;

pub(crate) use packet::ComparePage;

use leptos::prelude::*;
use shifo_core::output::referral::{self, Qr, QUIET_ZONE};
use wasm_bindgen::JsCast;

use crate::dom_ids;
use crate::history;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::state::AppState;
use facts::{both, facts, Pair};

/// The sheet's heading, which takes focus when it opens.
pub(super) const HEADING: &str = "referral-heading";

/// A QR code (named `label` for screen readers), drawn as one SVG path.
fn qr_code(q: &Qr, label: String) -> impl IntoView {
    view! {
        <svg class="qr" role="img" aria-label=label viewBox=q.view_box(QUIET_ZONE) shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff"/>
            <path d=q.svg_path(QUIET_ZONE) fill="#000"/>
        </svg>
    }
}

/// "Back to the map" and "Print".
#[component]
fn Actions() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let back = move |_| {
        state.open_sheet(false);
        // Back on the map, focus returns to the button that opened the sheet.
        crate::focus::focus_id_later(dom_ids::REFERRAL_OPEN);
    };
    view! {
        <div class="referral-actions">
            <button type="button" class="secondary" on:click=back>{t!(i18n, referral_back)}</button>
            <button type="button" on:click=print>{t!(i18n, referral_print)}</button>
        </div>
    }
}

/// A new page: start at its top, with focus on its heading (on a phone the detail it was
/// opened from sits far down the page).
pub(super) fn start_at_top() {
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(h) = document()
            .get_element_by_id(HEADING)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
}

/// The sheet for the selected center.
#[component]
pub(crate) fn ReferralSheet() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    start_at_top();
    move || {
        let loaded = state.loaded()?;
        let center = state.selected()?;
        let locale = i18n.get_locale();
        let lang = locale.lang();
        let data = state.view.with(|v| v.data.clone());
        let link = referral::permalink(&history::page_base(), &center.id, lang, data.as_deref());
        let s = referral::sheet(&loaded.dataset, &center, lang, &link);
        let pair = Pair {
            first: locale,
            // Shown once its texts are here (fetched now if need be).
            second: s.second.map(Locale::of).filter(|l| i18n.available(*l)),
        };
        let label = td_string!(locale, referral_qr_label).to_string();
        let qr = s.qr.as_ref().ok().map(|q| qr_code(q, label));
        Some(view! {
            <article class="referral" aria-labelledby=HEADING>
                <Actions/>
                <p class="referral-kind">{t!(i18n, referral_heading)}" · "{td_string!(locale, referral_printed, date = crate::components::events::today())}</p>
                <h2 id=HEADING tabindex="-1">{both(&s.name)}</h2>
                <div class="referral-body">
                    <dl>{facts(&s, pair)}</dl>
                    <figure class="referral-qr">
                        {qr}
                        <figcaption>{td_string!(locale, referral_qr_caption)}<br/><span class="permalink">{s.permalink.clone()}</span></figcaption>
                    </figure>
                </div>
                // Room to write by hand on paper; nothing typed here would be kept or sent.
                <div class="referral-notes" aria-hidden="true">{td_string!(locale, referral_notes)}</div>
                <p class="referral-privacy">{t!(i18n, referral_privacy)}</p>
            </article>
        })
    }
}
