//! The result count and the list of matching centers: the screen-reader alternative to the
//! map. Each row is a [`row::ResultRow`]; long lists are windowed ([`window`]).

mod empty;
mod row;
mod window;

use leptos::prelude::*;
use shifo_core::query::institutions::Highlighter;
use wasm_bindgen::JsCast;

use crate::components::share::ShareLink;
use crate::dom_ids;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::AppState;
pub(crate) use empty::MapEmptyNotice;
use empty::NoResults;
use row::{row_at, ResultRow, Row};
use window::{use_list_window, ListWindow, ROW_PX};

/// Brings the selected item into view whenever the selection changes (e.g. from a marker).
/// Not for a choice made in the sidebar itself (an event's or a hub's center, an item):
/// scrolling it would take the focused control out of sight.
fn follow_selection(list: ListWindow) {
    let state = AppState::expect();
    Effect::new(move |_| {
        let Some(id) = state.selected_id() else {
            return;
        };
        let focus_in_sidebar = document()
            .active_element()
            .and_then(|el| el.closest(".sidebar").ok().flatten())
            .is_some();
        if focus_in_sidebar {
            return;
        }
        if list.windowed.get_untracked() {
            let Some(index) = state
                .loaded_untracked()
                .and_then(|l| l.dataset.center_index(&id))
            else {
                return;
            };
            let pos = state.by_distance.with_untracked(|near| match near {
                Some(near) => near.iter().position(|&(i, _)| i == index),
                None => state
                    .filtered
                    .with_untracked(|ids| ids.iter().position(|&i| i == index)),
            });
            if let Some(pos) = pos {
                list.scroll_to(pos);
            }
            return;
        }
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        if let Some(el) = document().get_element_by_id(&dom_ids::center_item(&id)) {
            if let Some(el) = el.dyn_ref::<web_sys::Element>() {
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
}

/// The count, the list, and the "no results" notice.
#[component]
pub(crate) fn ResultList() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let count = Signal::derive(move || state.filtered.with(Vec::len));
    let ready = move || state.loaded().is_some();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let list = use_list_window(list_ref);
    follow_selection(list);
    // What to highlight: the query's words and the expansions of the institution abbreviations
    // among them ("РСНПМЦ" marks the name written out), once the vocabulary is read; changes
    // only when the words or the vocabulary do.
    let query = Memo::new(move |_| {
        let text = state.view.with(|v| v.filter.text.clone());
        state.loaded().map_or_else(
            || Highlighter::words(&text),
            |l| l.conditions.highlighter(&text),
        )
    });
    // Keyed rows (by center and language, and in a windowed list by position): choosing an
    // item updates its row in place, so keyboard focus stays on it. Nearest first when a home
    // city or position is set, else as filtered; read in place, as this runs on every scroll.
    let rows = move || {
        state.loaded();
        // Tracked here, not only through the reads nested below: a read of `filtered` inside
        // `by_distance.with` while `filtered` recomputes (a load that gained translations)
        // left the list deaf to every later filter change.
        state.filtered.track();
        state.by_distance.track();
        let locale = i18n.get_locale();
        let windowed = list.windowed.get();
        let range = windowed.then(|| list.range.get());
        state.by_distance.with(|near| {
            state.filtered.with(|plain| {
                let len = near.as_ref().map_or(plain.len(), Vec::len);
                let shown = match &range {
                    Some(r) => r.start.min(len)..r.end.min(len),
                    None => 0..len,
                };
                shown
                    .filter_map(|pos| row_at(pos, plain, near.as_ref(), windowed, locale))
                    .collect::<Vec<Row>>()
            })
        })
    };
    view! {
        <section id=dom_ids::RESULTS class="results" aria-labelledby=dom_ids::RESULTS_HEADING tabindex="-1">
            <h2 id=dom_ids::RESULTS_HEADING>{t!(i18n, results_heading)}</h2>
            <Show when=ready>
                <p class="result-count" role="status" aria-live="polite">{move || crate::locale::centers_count(i18n.get_locale(), count.get())}</p>
                <ShareLink/>
                <Show when=move || count.get() == 0>
                    <NoResults/>
                </Show>
                <ul
                    class="result-list"
                    class:windowed=list.windowed
                    style:height=move || list.windowed.get().then(|| format!("{}px", count.get() * ROW_PX))
                    aria-label=move || t_string!(i18n, results_list_label)
                    node_ref=list_ref
                >
                    <For
                        each=rows
                        key=|r| (r.id.clone(), r.locale, r.pos, r.away)
                        children=move |row| view! { <ResultRow row query total=count/> }
                    />
                </ul>
            </Show>
        </section>
    }
}
