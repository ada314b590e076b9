//! The filter's options: a checkbox with the number of centers choosing it would give, and a
//! group of them under a legend, one component for every facet.

use leptos::prelude::*;

/// One option of a facet, every part following the language and the counts.
#[derive(Clone)]
pub(crate) struct FacetOption {
    /// Visible label.
    pub label: Signal<String>,
    /// Whether it is chosen.
    pub checked: Signal<bool>,
    /// How many centers choosing it would give.
    pub count: Signal<usize>,
    /// Called with the new checked state.
    pub toggle: Callback<bool>,
}

/// One checkbox option with the number of centers it would give.
#[component]
pub(crate) fn CountedOption(
    /// The option.
    option: FacetOption,
) -> impl IntoView {
    let FacetOption {
        label,
        checked,
        count,
        toggle,
    } = option;
    view! {
        <label class="option" class:empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| toggle.run(event_target_checked(&ev))
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
    /// The options (tracked: they follow the dataset).
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
