//! The result count and the list of matching centers: the screen-reader alternative to the map.

use std::ops::Range;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use shifo_core::near::display_km;
use shifo_core::search::TextQuery;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::components::embed_dialog::EmbedDialog;
use crate::components::exports::Downloads;
use crate::components::share::ShareLink;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::locale::{country_name, lang_of};
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

/// Above this many results the list is windowed (see `ResultList`).
const WINDOW_ABOVE: usize = 200;
/// The height of a row of a windowed list, in CSS pixels (`.result-list.windowed > li`).
/// Whole pixels: styles are written with integer formatting (float formatting would add
/// ~10 KB of wasm).
const ROW_PX: usize = 96;
/// Rows drawn beyond each edge of the screen, so a quick scroll does not show blanks.
const OVERSCAN: usize = 6;

/// One row of the list: which center, in which language, and (when windowed) where.
#[derive(Clone)]
struct Row {
    index: usize,
    id: String,
    locale: crate::i18n::Locale,
    pos: Option<usize>,
    /// Distance from the home city or position, in whole km, when sorting by it.
    km: Option<u64>,
}

/// The rows of a windowed list of `len` rows that are on screen, with a margin, given where
/// the list's top is on screen.
fn visible_rows(top: f64, len: usize) -> Range<usize> {
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let row = ROW_PX as f64;
    let first = (-top / row).floor().max(0.0) as usize;
    let last = ((screen - top) / row).ceil().max(0.0) as usize;
    first.saturating_sub(OVERSCAN).min(len)..(last + OVERSCAN).min(len)
}

/// Scrolls the sidebar (or, on a phone, the page) so that row `pos` of a windowed list is on
/// screen.
fn scroll_row_into_view(ul: &web_sys::Element, pos: usize) {
    let row = ROW_PX as f64;
    let top = ul.get_bounding_client_rect().top() + (pos * ROW_PX) as f64;
    let bottom = top + row;
    let sidebar = ul
        .closest(".sidebar")
        .ok()
        .flatten()
        .filter(|s| s.scroll_height() > s.client_height());
    let (from, to) = match &sidebar {
        Some(s) => {
            let r = s.get_bounding_client_rect();
            (r.top(), r.bottom())
        }
        None => (
            0.0,
            window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0),
        ),
    };
    // The sticky count covers the top of the scrolled area: keep a row's height clear of it.
    let delta = if top < from + row {
        top - from - row
    } else if bottom > to {
        bottom - to
    } else {
        return;
    };
    match sidebar {
        Some(s) => s.set_scroll_top(s.scroll_top() + delta.round() as i32),
        None => window().scroll_by_with_x_and_y(0.0, delta),
    }
}

/// The count, the list, and the "no results" notice.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = AppState::expect();
    let mobile = crate::components::mobile::Mobile::expect();
    let i18n = use_i18n();
    let count = move || state.filtered.with(Vec::len);
    let ready = move || state.loaded().is_some();

    let list_ref = NodeRef::<leptos::html::Ul>::new();
    // Long lists keep only the rows on screen (plus a margin) in the DOM, each row of a fixed
    // height, so 50,000 results cost what 30 do. Short ones are whole: every item stays in the
    // page for find-in-page and screen-reader browsing.
    let windowed = Memo::new(move |_| count() > WINDOW_ABOVE);
    let range = RwSignal::new(0..0usize);
    // Where the list's top was on screen when last measured. A filter change keeps the list
    // where it is, so its new rows come from this, without forcing a layout in the middle of
    // the change (that alone cost ~16 ms at 50,000 centers); the next frame measures again.
    let last_top = StoredValue::new(None::<f64>);
    let set_range = move |top: f64| {
        last_top.set_value(Some(top));
        let next = visible_rows(top, state.filtered.with_untracked(Vec::len));
        if range.with_untracked(|r| *r != next) {
            range.set(next);
        }
    };
    let update_range = move || {
        if let Some(ul) = list_ref.get_untracked() {
            set_range(ul.get_bounding_client_rect().top());
        }
    };
    // Scrolling happens in the sidebar (wide screens) or the page (phones): a capturing
    // listener on the document hears both.
    let on_scroll = Closure::<dyn Fn()>::new(update_range);
    let scroll_options = web_sys::AddEventListenerOptions::new();
    scroll_options.set_capture(true);
    scroll_options.set_passive(true);
    let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        on_scroll.as_ref().unchecked_ref(),
        &scroll_options,
    );
    let resize = window_event_listener(leptos::ev::resize, move |_| update_range());
    let on_scroll = SendWrapper::new(on_scroll);
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback_and_bool(
            "scroll",
            on_scroll.as_ref().unchecked_ref(),
            true,
        );
        resize.remove();
    });
    // New results: the list's height changed, and with it what is on screen. A whole list
    // needs no range.
    Effect::new(move |_| {
        state.filtered.track();
        if !windowed.get() {
            return;
        }
        match last_top.get_value() {
            Some(top) => {
                set_range(top);
                // The page may have moved (a shorter list scrolls back): measure once laid out.
                request_animation_frame(update_range);
            }
            None => update_range(),
        }
    });

    // Bring the selected item into view whenever the selection changes (e.g. from a marker).
    // Not for a choice made in the sidebar itself (an event's or a hub's center, an item):
    // scrolling it would take the focused control out of sight.
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
        if windowed.get_untracked() {
            let Some(ul) = list_ref.get_untracked() else {
                return;
            };
            let Some(loaded) = state.loaded_untracked() else {
                return;
            };
            let Some(index) = loaded.dataset.center_index(&id) else {
                return;
            };
            if let Some(pos) = state.by_distance.with_untracked(|near| match near {
                Some(near) => near.iter().position(|&(i, _)| i == index),
                None => state
                    .filtered
                    .with_untracked(|ids| ids.iter().position(|&i| i == index)),
            }) {
                scroll_row_into_view(&ul, pos);
                update_range();
            }
            return;
        }
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

    // Keyed rows (by center and language, and in a windowed list by position): choosing an
    // item updates its row in place, so keyboard focus stays on it.
    let rows = move || {
        let loaded = state.loaded();
        let locale = i18n.get_locale();
        let window = windowed.get().then(|| range.get());
        // Nearest first when a home city or position is set, else as filtered. Read in place:
        // the lists hold up to every center, and this runs on every scroll.
        state.by_distance.with(|near| {
            state.filtered.with(|plain| {
                let len = near.as_ref().map_or(plain.len(), Vec::len);
                let shown = match &window {
                    Some(r) => r.start.min(len)..r.end.min(len),
                    None => 0..len,
                };
                shown
                    .filter_map(|pos| {
                        let (i, km) = match near {
                            Some(near) => {
                                near.get(pos).map(|&(i, km)| (i, Some(display_km(km))))?
                            }
                            None => (*plain.get(pos)?, None),
                        };
                        Some(Row {
                            index: i,
                            id: loaded.as_ref()?.dataset.centers.get(i)?.id.clone(),
                            locale,
                            pos: window.is_some().then_some(pos),
                            km,
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = count;
    let row = move |Row {
                        index: i,
                        id,
                        locale,
                        pos,
                        km,
                    }: Row| {
        let loaded = state.loaded_untracked()?;
        let dataset = &loaded.dataset;
        let c = dataset.centers.get(i)?;
        let lang = lang_of(locale);
        let specialties = dataset.specialty_list(c, lang);
        // The city is data: isolated, so an override in it cannot reverse the country after it.
        let city = c.city_in(lang).to_string();
        let country = country_name(locale, c.country);
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
        let hub_id = format!("{dom_id}-hub");
        let hub = dataset.hubs_hosted_by(&c.id).next().is_some().then(|| {
            described_by.push_str(&format!(" {hub_id}"));
            view! { <span id=hub_id class="badge hub-badge">{td_string!(locale, badge_hub)}</span> }
        });
        let distance = km.map(|km| {
            view! { <span class="result-distance">{td_string!(locale, near_km, km = km).to_string()}</span>" · " }
        });
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
            <li
                id=dom_id
                class="result"
                class:selected=is_selected
                // Through the CSSOM, not a style attribute, which a strict CSP refuses.
                style:top=pos.map(|p| format!("{}px", p * ROW_PX))
                aria-posinset=pos.map(|p| (p + 1).to_string())
                aria-setsize=pos.map(|_| total().to_string())
            >
                <button
                    type="button"
                    aria-current=move || is_selected.get().then_some("true")
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                    on:click=move |_| state.select(Some(id.clone()))
                    // Escape closes this item's detail from the item itself, as from inside
                    // the detail; focus stays here.
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && is_selected.get_untracked() {
                            state.select(None);
                        }
                    }
                >
                    <span id=name_id class="result-name">{name_view}</span>
                    {matched_other}
                    <span id=place_id class="result-place">{distance}<bdi>{city}</bdi>", "{country}</span>
                    <span id=specs_id class="result-specialties">{specialties}</span>
                    <span class="badges">{pediatric}{hub}</span>
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
                <EmbedDialog/>
                <Downloads/>
                <Show when=move || count() == 0>
                    <div class="no-results">
                        <p>{t!(i18n, no_results)}</p>
                        <button
                            type="button"
                            on:click=move |_| {
                                state.clear_filters();
                                // This notice goes away: focus goes on to the search box (on
                                // a phone, the filters button).
                                mobile.after_clearing();
                            }
                        >
                            {t!(i18n, clear_filters)}
                        </button>
                    </div>
                </Show>
                <ul
                    class="result-list"
                    class:windowed=windowed
                    style:height=move || windowed.get().then(|| format!("{}px", count() * ROW_PX))
                    aria-label=move || t_string!(i18n, results_list_label)
                    node_ref=list_ref
                >
                    <For each=rows key=|r| (r.id.clone(), r.locale, r.pos, r.km) children=row/>
                </ul>
            </Show>
        </section>
    }
}
