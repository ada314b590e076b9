//! The filter form: free text, countries, specialties, "treats children", clear all.

use leptos::prelude::*;
use shifo_core::embed::Facet;
use shifo_core::{Country, Filter};

use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::locale::{country_name, lang_of, use_lang};
use crate::state::AppState;

/// One checkbox option with the number of centers it would give.
#[component]
fn CountedOption(
    /// Visible label of the option (tracked: it follows the language).
    #[prop(into)]
    label: Signal<String>,
    /// Whether the option is selected (tracked).
    #[prop(into)]
    checked: Signal<bool>,
    /// How many centers selecting it would give (tracked).
    #[prop(into)]
    count: Signal<usize>,
    /// Called with the new checked state.
    on_toggle: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <label class="option" class:empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle(event_target_checked(&ev))
            />
            <span class="option-label">{move || label.get()}</span>
            <span class="count">{move || count.get()}</span>
        </label>
    }
}

/// The filters.
#[component]
pub fn Filters() -> impl IntoView {
    let state = AppState::expect();
    let mobile = crate::components::mobile::Mobile::expect();
    let i18n = use_i18n();
    let lang = use_lang();
    let text = move || state.view.with(|v| v.filter.text.clone());
    // "Clear all" clears what can change: locked facets keep their value.
    let nothing_set = move || {
        state.view.with(|v| {
            let mut cleared = Filter::default();
            v.embed.keep_locked(&v.filter, &mut cleared);
            cleared == v.filter
        })
    };
    let open = move |facet: Facet| !state.locked(facet);
    // What the link fixed, said in words, since its controls are hidden.
    let fixed = move || {
        let locale = i18n.get_locale();
        state.view.with(|v| {
            let mut lines = Vec::new();
            if v.embed.locks(Facet::Country) && !v.filter.countries.is_empty() {
                let names: Vec<String> = v
                    .filter
                    .countries
                    .iter()
                    .map(|&c| country_name(locale, c))
                    .collect();
                lines.push(format!(
                    "{}: {}",
                    td_string!(locale, country_legend),
                    names.join(", ")
                ));
            }
            if v.embed.locks(Facet::Specialty) && !v.filter.specialties.is_empty() {
                if let Some(loaded) = state.loaded() {
                    let lang = lang_of(locale);
                    let names: Vec<&str> = v
                        .filter
                        .specialties
                        .iter()
                        .map(|code| loaded.dataset.specialty_label(code, lang))
                        .collect();
                    lines.push(format!(
                        "{}: {}",
                        td_string!(locale, specialty_legend),
                        names.join(", ")
                    ));
                }
            }
            if v.embed.locks(Facet::Hub) && !v.filter.hubs.is_empty() {
                if let Some(loaded) = state.loaded() {
                    let lang = lang_of(locale);
                    let names: Vec<&str> = loaded
                        .dataset
                        .hubs
                        .iter()
                        .filter(|h| v.filter.hubs.contains(&h.id))
                        .map(|h| h.name_in(lang))
                        .collect();
                    lines.push(format!(
                        "{}: {}",
                        td_string!(locale, hub_legend),
                        names.join(", ")
                    ));
                }
            }
            if v.embed.locks(Facet::Pediatric) && v.filter.pediatric {
                lines.push(td_string!(locale, pediatric_label).to_string());
            }
            lines
        })
    };

    let countries = move || {
        Country::ALL
        .into_iter()
        .map(|country| {
            view! {
                <CountedOption
                    label=Signal::derive(move || country_name(i18n.get_locale(), country))
                    checked=Signal::derive(move || state.view.with(|v| v.filter.countries.contains(&country)))
                    count=Signal::derive(move || state.counts.with(|c| c.countries.get(&country).copied().unwrap_or(0)))
                    on_toggle=move |on| state.update_filter(|f| {
                        if on { f.countries.insert(country); } else { f.countries.remove(&country); }
                    })
                />
            }
        })
        .collect_view()
    };

    let specialties = move || {
        let loaded = state.loaded()?;
        Some(
            loaded
                .dataset
                .specialties
                .iter()
                .map(|s| {
                    let code = s.code.clone();
                    let (c1, c2, c3) = (code.clone(), code.clone(), code);
                    let spec = s.clone();
                    view! {
                        <CountedOption
                            label=Signal::derive(move || spec.label_in(lang.get()).to_string())
                            checked=Signal::derive(move || state.view.with(|v| v.filter.specialties.contains(&c1)))
                            count=Signal::derive(move || state.counts.with(|c| c.specialties.get(&c2).copied().unwrap_or(0)))
                            on_toggle=move |on| {
                                let code = c3.clone();
                                state.update_filter(move |f| {
                                    if on { f.specialties.insert(code); } else { f.specialties.remove(&code); }
                                })
                            }
                        />
                    }
                })
                .collect_view(),
        )
    };

    // Only hubs with a named host center can narrow the map; the hubs panel lists them all.
    let hubs = move || {
        let loaded = state.loaded()?;
        let options: Vec<_> = loaded
            .filterable_hubs()
            .into_iter()
            .map(|h| {
                let id = h.id.clone();
                let (i1, i2, i3) = (id.clone(), id.clone(), id);
                let hub = h.clone();
                view! {
                    <CountedOption
                        label=Signal::derive(move || hub.name_in(lang.get()).to_string())
                        checked=Signal::derive(move || state.view.with(|v| v.filter.hubs.contains(&i1)))
                        count=Signal::derive(move || state.counts.with(|c| c.hubs.get(&i2).copied().unwrap_or(0)))
                        on_toggle=move |on| {
                            let id = i3.clone();
                            state.update_filter(move |f| {
                                if on { f.hubs.insert(id); } else { f.hubs.remove(&id); }
                            })
                        }
                    />
                }
            })
            .collect();
        (!options.is_empty()).then(|| {
            view! {
                <fieldset class="facet hubs">
                    <legend>{t!(i18n, hub_legend)}</legend>
                    {options}
                </fieldset>
            }
        })
    };

    view! {
        // In the phone's sheet the dialog's visible heading names the form: a second, hidden
        // "Filters" heading would be read out twice.
        <form
            class="filters"
            role="search"
            aria-labelledby=move || if mobile.sheet_open() { "filter-sheet-heading" } else { "filters-heading" }
            on:submit=|ev| ev.prevent_default()
        >
            <Show when=move || !mobile.sheet_open()>
                <h2 id="filters-heading" class="visually-hidden">{t!(i18n, filters_heading)}</h2>
            </Show>
            <label class="search" for="search-input">{t!(i18n, search_label)}</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                placeholder=move || t_string!(i18n, search_placeholder)
                aria-describedby="search-hint"
                prop:value=text
                on:input=move |ev| state.set_text(event_target_value(&ev))
            />
            <p id="search-hint" class="hint">{t!(i18n, search_hint)}</p>
            <ul class="fixed">
                {move || fixed().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <Show when=move || open(Facet::Pediatric)>
                <CountedOption
                    label=Signal::derive(move || t_string!(i18n, pediatric_label).to_string())
                    checked=Signal::derive(move || state.view.with(|v| v.filter.pediatric))
                    count=Signal::derive(move || state.counts.with(|c| c.pediatric))
                    on_toggle=move |on| state.update_filter(|f| f.pediatric = on)
                />
            </Show>
            <Show when=move || open(Facet::Country)>
                <fieldset class="facet">
                    <legend>{t!(i18n, country_legend)}</legend>
                    {countries}
                </fieldset>
            </Show>
            <Show when=move || open(Facet::Specialty)>
                <fieldset class="facet specialties">
                    <legend>{t!(i18n, specialty_legend)}</legend>
                    {specialties}
                </fieldset>
            </Show>
            <Show when=move || open(Facet::Hub)>
                {hubs}
            </Show>
            <button
                type="button"
                class="clear"
                disabled=nothing_set
                on:click=move |_| {
                    state.clear_filters();
                    // The button is disabled now: focus goes on to the search box.
                    crate::focus::focus_id_later("search-input");
                }
            >
                {t!(i18n, clear_filters)}
            </button>
        </form>
    }
}
