//! The result count and the list of matching centers: the screen-reader alternative to the map.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::share::ShareLink;
use crate::i18n::{place, t, t_count};
use crate::state::AppState;

/// The DOM id of a center's list item, so the map can scroll it into view.
pub fn item_dom_id(center_id: &str) -> String {
    format!("center-item-{center_id}")
}

/// The count, the list, and the "no results" notice.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = AppState::expect();
    let count = move || state.filtered.with(Vec::len);
    let ready = move || state.loaded().is_some();

    // Bring the selected item into view whenever the selection changes (e.g. from a marker).
    Effect::new(move |_| {
        let Some(id) = state.selected_id() else {
            return;
        };
        let Some(el) = document().get_element_by_id(&item_dom_id(&id)) else {
            return;
        };
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        if let Some(el) = el.dyn_ref::<web_sys::Element>() {
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });

    // Keyed rows: choosing an item updates its row in place, so keyboard focus stays on it.
    let rows = move || {
        let loaded = state.loaded();
        state.filtered.with(|ids| {
            ids.iter()
                .filter_map(|&i| Some((i, loaded.as_ref()?.dataset.centers.get(i)?.id.clone())))
                .collect::<Vec<_>>()
        })
    };
    let row = move |(i, id): (usize, String)| {
        let loaded = state.loaded_untracked()?;
        let dataset = &loaded.dataset;
        let c = dataset.centers.get(i)?;
        let specialties = dataset.specialty_list(c);
        let place = place(c);
        let dom_id = item_dom_id(&id);
        // The button's name is the center's name alone, as on its marker; place, specialties
        // and the badge are its description, so a screen reader says them after the name.
        let (name_id, place_id, specs_id, badge_id) = (
            format!("{dom_id}-name"),
            format!("{dom_id}-place"),
            format!("{dom_id}-specialties"),
            format!("{dom_id}-badge"),
        );
        let labelled_by = name_id.clone();
        let mut described_by = format!("{place_id} {specs_id}");
        if c.treats_children() {
            described_by.push_str(&format!(" {badge_id}"));
        }
        let pediatric = c
            .treats_children()
            .then(|| view! { <span id=badge_id class="badge">{t("badge_pediatric")}</span> });
        let is_selected = {
            let id = id.clone();
            Memo::new(move |_| {
                state
                    .view
                    .with(|v| v.center.as_deref() == Some(id.as_str()))
            })
        };
        Some(view! {
            <li id=dom_id class="result" class:selected=is_selected>
                <button
                    type="button"
                    aria-current=move || is_selected.get().then_some("true")
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                    on:click=move |_| state.select(Some(id.clone()))
                >
                    <span id=name_id class="result-name">{c.name.clone()}</span>
                    <span id=place_id class="result-place">{place}</span>
                    <span id=specs_id class="result-specialties">{specialties}</span>
                    {pediatric}
                </button>
            </li>
        })
    };

    view! {
        <section id="results" class="results" aria-labelledby="results-heading" tabindex="-1">
            <h2 id="results-heading">{t("results_heading")}</h2>
            <Show when=ready>
                <p class="result-count" role="status" aria-live="polite">{move || t_count("results_count", count())}</p>
                <ShareLink/>
                <Show when=move || count() == 0>
                    <div class="no-results">
                        <p>{t("no_results")}</p>
                        <button type="button" on:click=move |_| state.clear_filters()>{t("clear_filters")}</button>
                    </div>
                </Show>
                <ul class="result-list" aria-label=t("results_list_label")>
                    <For each=rows key=|(_, id)| id.clone() children=row/>
                </ul>
            </Show>
        </section>
    }
}
