//! An empty result is never a dead end: each choice made can be dropped, with how many centers
//! that would give; a chosen country can be swapped for another that has some; and all can be
//! cleared at once.

use leptos::prelude::*;
use shifo_core::{Choice, Loosen};

use crate::components::mobile::Mobile;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::locale::country_name;
use crate::state::AppState;

/// What choosing a way out is called: "Without “Proton therapy”", "In Uzbekistan instead".
fn way_label(way: &Loosen, state: AppState, locale: Locale) -> String {
    let lang = locale.lang();
    let name = |choice: &Choice| -> String {
        match choice {
            Choice::Country(c) => country_name(locale, *c),
            Choice::Specialty(code) => state
                .loaded_untracked()
                .map(|l| l.dataset.specialty_label(code, lang).to_string())
                .unwrap_or_else(|| code.clone()),
            Choice::Hub(id) => state
                .loaded_untracked()
                .and_then(|l| {
                    l.dataset
                        .hubs
                        .iter()
                        .find(|h| h.id == *id)
                        .map(|h| h.name_in(lang).to_string())
                })
                .unwrap_or_else(|| id.clone()),
            Choice::Children => td_string!(locale, pediatric_label).to_string(),
        }
    };
    match way {
        Loosen::Without(choice) => td_string!(locale, loosen_without, what = name(choice)),
        Loosen::WithoutText => {
            let text = state
                .view
                .with_untracked(|v| v.filter.text.trim().to_string());
            td_string!(locale, loosen_without, what = text)
        }
        Loosen::Instead(choice) => td_string!(locale, loosen_instead, what = name(choice)),
    }
}

/// "No centers match", the ways out with their counts, and "Clear all filters".
#[component]
pub(super) fn NoResults() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    // Each way out the embedding allows (a locked facet stays), with the centers it would give.
    let ways = move || {
        let loaded = state.loaded()?;
        let view = state.view.get();
        let ways: Vec<(Loosen, shifo_core::Filter, usize)> = view
            .filter
            .loosenings()
            .into_iter()
            .filter_map(|(way, mut f)| {
                view.embed.keep_locked(&view.filter, &mut f);
                let n = (f != view.filter).then(|| loaded.filtered(&f).len())?;
                (n > 0).then_some((way, f, n))
            })
            .collect();
        let locale = i18n.get_locale();
        let items = ways
            .into_iter()
            .map(|(way, f, n)| {
                let label = format!(
                    "{} — {}",
                    way_label(&way, state, locale),
                    crate::locale::centers_count(locale, n)
                );
                view! {
                    <li>
                        <button type="button" class="secondary" on:click=move |_| {
                            state.update_filter(|g| *g = f.clone());
                            // The notice goes away with the results: focus goes where
                            // clearing sends it.
                            mobile.after_clearing();
                        }>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="ways-out">{items}</ul> })
    };
    view! {
        <div class="no-results">
            <p>{t!(i18n, no_results)}</p>
            // "Treats children" counts only centers whose sources say so: the others may too.
            <Show when=move || state.view.with(|v| v.filter.pediatric)>
                <p class="hint">{t!(i18n, no_results_children_unknown)}</p>
            </Show>
            {ways}
            <button
                type="button"
                on:click=move |_| {
                    state.clear_filters();
                    // This notice goes away: focus goes on to the search box (on a phone,
                    // the filters button).
                    mobile.after_clearing();
                }
            >
                {t!(i18n, clear_filters)}
            </button>
        </div>
    }
}

/// Over the map when nothing matches, where a person looking at an empty map reads it (the
/// list's notice, with its ways out, may be out of sight). Hidden from screen readers, which
/// hear the list's.
#[component]
pub(crate) fn MapEmptyNotice() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let empty = move || state.loaded().is_some() && state.filtered.with(Vec::is_empty);
    view! {
        <Show when=empty>
            <p class="map-empty" aria-hidden="true">{t!(i18n, map_empty)}</p>
        </Show>
    }
}
