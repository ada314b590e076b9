//! The shortlist's controls: the detail's "Add to shortlist" and, above the results, the
//! shortlisted centers with a way to take each off and to compare them side by side.

use leptos::prelude::*;
use shifo_core::output::shortlist::ShortlistError;

use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::AppState;

/// Adds the center `id` to the shortlist or takes it off; says why when the list is full.
#[component]
pub(crate) fn ListToggle(id: String) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let refused = RwSignal::new(None::<ShortlistError>);
    let listed = {
        let id = id.clone();
        move || state.view.with(|v| v.list.contains(&id))
    };
    let on_click = move |_| refused.set(state.toggle_listed(&id).err());
    let label = {
        let listed = listed.clone();
        move || match listed() {
            true => t_string!(i18n, shortlist_remove),
            false => t_string!(i18n, shortlist_add),
        }
    };
    let message = move || {
        refused.get().map(|e| match e {
            ShortlistError::Full { max } => {
                td_string!(i18n.get_locale(), shortlist_full, max = max).to_string()
            }
        })
    };
    view! {
        <div class="list-toggle">
            <button type="button" class="secondary" class:listed=listed on:click=on_click>{label}</button>
            <p class="list-status" role="status">{message}</p>
        </div>
    }
}

/// One shortlisted center: its name and a button that takes it off.
#[component]
fn ShortlistRow(id: String, name: String) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let remove = t_string!(i18n, shortlist_remove_short);
    // The visible word first in the name (WCAG 2.5.3), then whose it is.
    let label = format!("{remove}: {name}");
    let open = {
        let id = id.clone();
        move |_| state.select(Some(id.clone()))
    };
    view! {
        <li>
            <button type="button" class="link" on:click=open>{name}</button>
            <button type="button" class="secondary small" aria-label=label on:click=move |_| { let _ = state.toggle_listed(&id); }>{remove}</button>
        </li>
    }
}

/// The shortlist above the results, when it holds any center.
#[component]
pub(crate) fn ShortlistBar() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let rows = move || {
        let loaded = state.loaded()?;
        let lang = i18n.get_locale().lang();
        let ids = state.view.with(|v| v.list.ids().to_vec());
        let rows: Vec<_> = ids
            .into_iter()
            .filter_map(|id| {
                let c = loaded.dataset.center(&id)?;
                let name = c.name_in(lang).to_string();
                Some(view! { <ShortlistRow id name/> })
            })
            .collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="shortlist" aria-labelledby="shortlist-heading">
                    <h2 id="shortlist-heading">{t!(i18n, shortlist_heading)}</h2>
                    <ul>{rows}</ul>
                    <button type="button" on:click=move |_| state.open_compare(true)>{t!(i18n, shortlist_compare)}</button>
                    <p class="note">{t!(i18n, shortlist_kept)}</p>
                </section>
            }
        })
    };
    view! { {rows} }
}
