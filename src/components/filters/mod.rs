//! The filter form: free text with suggestions ([`search::SearchBox`]), "treats children", countries, specialties and hubs (each an
//! [`options::OptionGroup`] with counts), what an embedding page fixed, and "Clear all".

mod options;
mod search;

use leptos::prelude::*;
use shifo_core::output::embed::Lockable;
use shifo_core::query::filter::Choice;
use shifo_core::{Country, Filter};

use crate::components::mobile::Mobile;
use crate::dom_ids;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::locale::{country_name, fixed_text};
use crate::state::AppState;
use options::{CountedOption, FacetOption, OptionGroup};
use search::SearchBox;

/// Options for `values` (label, choice), the labels fixed (the group is remade when the
/// language changes).
fn options(values: impl IntoIterator<Item = (String, Choice)>) -> Vec<FacetOption> {
    values
        .into_iter()
        .map(|(label, choice)| FacetOption {
            label: Signal::stored(label),
            choice,
        })
        .collect()
}

/// What the embedding page fixed, said in words, since its controls are hidden.
fn fixed_lines(state: AppState, locale: Locale) -> Vec<String> {
    let Some(loaded) = state.loaded() else {
        return Vec::new();
    };
    state.view.with(|v| {
        v.embed
            .fixed(&v.filter, &loaded.dataset, locale.lang())
            .into_iter()
            .map(|fixed| fixed_text(locale, fixed))
            .collect()
    })
}

/// The filters.
#[component]
pub(crate) fn Filters() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    // "Clear all" clears what can change: locked facets keep their value.
    let nothing_set = move || {
        state.view.with(|v| {
            let mut cleared = Filter::default();
            v.embed.keep_locked(&v.filter, &mut cleared);
            cleared == v.filter
        })
    };
    let open = move |facet: Lockable| !state.locked(facet);
    let countries = Signal::derive(move || {
        let locale = i18n.get_locale();
        options(Country::ALL.map(|c| (country_name(locale, c), Choice::Country(c))))
    });
    let specialties = Signal::derive(move || {
        let lang = i18n.get_locale().lang();
        let Some(l) = state.loaded() else {
            return Vec::new();
        };
        options(l.dataset.specialties.iter().map(|s| {
            let choice = Choice::Specialty(s.code.clone());
            (s.label_in(lang).to_string(), choice)
        }))
    });
    // Only hubs with a named host center can narrow the map; the hubs panel lists them all.
    let hubs = Signal::derive(move || {
        let lang = i18n.get_locale().lang();
        let Some(l) = state.loaded() else {
            return Vec::new();
        };
        options(l.filterable_hubs().into_iter().map(|h| {
            let choice = Choice::Hub(h.id.clone());
            (h.name_in(lang).to_string(), choice)
        }))
    });
    let children = FacetOption {
        label: Signal::derive(move || t_string!(i18n, pediatric_label).to_string()),
        choice: Choice::Children,
    };
    view! {
        // In the phone's sheet the dialog's visible heading names the form: a second, hidden
        // "Filters" heading would be read out twice.
        <form
            class="filters"
            role="search"
            aria-labelledby=move || if mobile.sheet_open() { dom_ids::FILTER_SHEET_HEADING } else { dom_ids::FILTERS_HEADING }
            on:submit=|ev| ev.prevent_default()
        >
            <Show when=move || !mobile.sheet_open()>
                <h2 id=dom_ids::FILTERS_HEADING class="visually-hidden">{t!(i18n, filters_heading)}</h2>
            </Show>
            <label class="search" for=dom_ids::SEARCH_INPUT>{t!(i18n, search_label)}</label>
            <SearchBox/>
            <p id="search-hint" class="hint">{t!(i18n, search_hint)}</p>
            <ul class="fixed">
                {move || fixed_lines(state, i18n.get_locale()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <Show when=move || open(Lockable::Pediatric)>
                <CountedOption option=children.clone()/>
            </Show>
            <Show when=move || open(Lockable::Country)>
                <OptionGroup legend=Signal::derive(move || t_string!(i18n, country_legend)) class="countries" options=countries/>
            </Show>
            <Show when=move || open(Lockable::Specialty)>
                <OptionGroup legend=Signal::derive(move || t_string!(i18n, specialty_legend)) class="specialties" options=specialties/>
            </Show>
            <Show when=move || open(Lockable::Hub) && !hubs.with(Vec::is_empty)>
                <OptionGroup legend=Signal::derive(move || t_string!(i18n, hub_legend)) class="hubs" options=hubs/>
            </Show>
            <button
                type="button"
                class="clear"
                disabled=nothing_set
                on:click=move |_| {
                    state.clear_filters();
                    // The button is disabled now: focus goes on to the search box.
                    crate::focus::focus_id_later(dom_ids::SEARCH_INPUT);
                }
            >
                {t!(i18n, clear_filters)}
            </button>
        </form>
    }
}
