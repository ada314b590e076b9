//! The result count and the list of matching centers: the screen-reader alternative to the map.

use std::ops::Range;

use leptos::prelude::*;
use shifo_core::search::TextQuery;
use wasm_bindgen::JsCast;

use crate::components::share::ShareLink;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::locale::{lang_of, place};
use crate::state::AppState;

/// The DOM id of a center's list item, so the map can scroll it into view.
pub fn item_dom_id(center_id: &str) -> String {
    format!("center-item-{center_id}")
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>` (as text nodes: data is never
/// HTML).
fn marked(text: &str, marks: &[Range<usize>]) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push(text[at..r.start].to_string().into_any());
        }
        out.push(view! { <mark>{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    if at < text.len() {
        out.push(text[at..].to_string().into_any());
    }
    out
}

/// The count, the list, and the "no results" notice.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
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

    // The query's keys, for highlighting; changes only when the words do.
    let query = Memo::new(move |_| state.view.with(|v| TextQuery::new(&v.filter.text)));

    // Keyed rows (by center and language): choosing an item updates its row in place, so
    // keyboard focus stays on it.
    let rows = move || {
        let loaded = state.loaded();
        let locale = i18n.get_locale();
        state.filtered.with(|ids| {
            ids.iter()
                .filter_map(|&i| {
                    Some((
                        i,
                        loaded.as_ref()?.dataset.centers.get(i)?.id.clone(),
                        locale,
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    let row = move |(i, id, locale): (usize, String, crate::i18n::Locale)| {
        let loaded = state.loaded_untracked()?;
        let dataset = &loaded.dataset;
        let c = dataset.centers.get(i)?;
        let lang = lang_of(locale);
        let specialties = dataset.specialty_list(c, lang);
        let place = place(locale, c);
        let shown = c.name_in(lang).to_string();
        // The other names, for when the query matched one of them and not the shown one.
        let others: Vec<(String, String)> = std::iter::once(("en".to_string(), c.name.clone()))
            .chain(c.names.iter().map(|(l, n)| (l.clone(), n.clone())))
            .filter(|(_, n)| *n != shown)
            .collect();
        let name_view = {
            let shown = shown.clone();
            move || query.with(|q| marked(&shown, &q.highlights(&shown)))
        };
        let matched_other = move || {
            query.with(|q| {
                if q.is_empty() || !q.highlights(&shown).is_empty() {
                    return None;
                }
                let (lang, name) = others.iter().find(|(_, n)| !q.highlights(n).is_empty())?;
                let marks = q.highlights(name);
                Some(view! {
                    <span class="result-match" lang=lang.clone()>{marked(name, &marks)}</span>
                })
            })
        };
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
            .then(|| view! { <span id=badge_id class="badge">{td_string!(locale, badge_pediatric)}</span> });
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
                    <span id=name_id class="result-name">{name_view}</span>
                    {matched_other}
                    <span id=place_id class="result-place">{place}</span>
                    <span id=specs_id class="result-specialties">{specialties}</span>
                    {pediatric}
                </button>
            </li>
        })
    };

    view! {
        <section id="results" class="results" aria-labelledby="results-heading" tabindex="-1">
            <h2 id="results-heading">{t!(i18n, results_heading)}</h2>
            <Show when=ready>
                <p class="result-count" role="status" aria-live="polite">{move || td_string!(i18n.get_locale(), results_count, count = count()).to_string()}</p>
                <ShareLink/>
                <Show when=move || count() == 0>
                    <div class="no-results">
                        <p>{t!(i18n, no_results)}</p>
                        <button type="button" on:click=move |_| state.clear_filters()>{t!(i18n, clear_filters)}</button>
                    </div>
                </Show>
                <ul class="result-list" aria-label=move || t_string!(i18n, results_list_label)>
                    <For each=rows key=|(_, id, locale)| (id.clone(), *locale) children=row/>
                </ul>
            </Show>
        </section>
    }
}
