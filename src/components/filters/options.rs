//! The filter's options: a checkbox for one [`Choice`] with the number of centers choosing it
//! would give, and a group of them under a legend, one component for every facet. A click
//! goes straight to [`AppState::choose`].

use leptos::prelude::*;
use shifo_core::query::filter::Choice;

use crate::state::AppState;

/// One option of a facet: what it chooses, and its label (following the language).
#[derive(Clone)]
pub(crate) struct FacetOption {
    /// Visible label.
    pub label: Signal<String>,
    /// What choosing it sets in the filter.
    pub choice: Choice,
}

/// One checkbox option with the number of centers it would give.
#[component]
pub(crate) fn CountedOption(
    /// The option.
    option: FacetOption,
) -> impl IntoView {
    let state = AppState::expect();
    let FacetOption { label, choice } = option;
    let checked = {
        let choice = choice.clone();
        Memo::new(move |_| state.view.with(|v| v.filter.has(&choice)))
    };
    let count = {
        let choice = choice.clone();
        Memo::new(move |_| state.counts.with(|c| c.of(&choice)))
    };
    view! {
        <label class="option" class:empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| state.choose(&choice, event_target_checked(&ev))
            />
            <span class="option-label">{move || label.get()}</span>
            <span class="count">{move || count.get()}</span>
        </label>
    }
}

/// A facet's options under its legend (a fieldset, so a screen reader names the group).
#[component]
pub(crate) fn OptionGroup(
    /// The legend, in the reader's language.
    legend: Signal<&'static str>,
    /// A class naming the facet, for the layout.
    class: &'static str,
    /// The options (tracked: they follow the dataset and the language).
    options: Signal<Vec<FacetOption>>,
) -> impl IntoView {
    view! {
        <fieldset class=format!("facet {class}")>
            <legend>{move || legend.get()}</legend>
            {move || {
                options
                    .get()
                    .into_iter()
                    .map(|option| view! { <CountedOption option/> })
                    .collect_view()
            }}
        </fieldset>
    }
}
