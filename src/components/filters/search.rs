//! The search box with suggestions while typing: conditions, cities and centers that what is
//! typed begins ([`Loaded::suggest`](shifo_core::Loaded::suggest)), each with the number of
//! centers it gives. An ARIA 1.2 combobox with a list popup (WAI-ARIA Authoring Practices,
//! "Editable Combobox With List Autocomplete"): Down and Up move through the offers, Enter
//! takes one, Escape closes them (the typed text stays), and a status line says how many there
//! are. The offers float over what is below, so that closing them never moves what a click
//! is aimed at.

use leptos::prelude::*;
use shifo_core::query::suggest::Suggestion;

use crate::dom_ids;
use crate::i18n::{t_string, td_string, use_i18n, I18nContext, Locale};
use crate::locale::{centers_count, country_name, offer_kind};
use crate::state::AppState;

/// The id of offer `n`, which the box names as the active one.
fn option_id(n: usize) -> String {
    format!("suggestion-{n}")
}

/// The combobox's state: whether its offers are open, which one is active, and the offers.
#[derive(Clone, Copy)]
struct Offers {
    /// Open from a keystroke until Escape, a choice, or focus leaving the box.
    open: RwSignal<bool>,
    /// The offer Down and Up moved to, which Enter takes.
    active: RwSignal<Option<usize>>,
    /// What is offered for the text and filters now (none while closed).
    list: Memo<Vec<Suggestion>>,
}

impl Offers {
    fn new(state: AppState, i18n: I18nContext) -> Offers {
        let open = RwSignal::new(false);
        let list = Memo::new(move |_| {
            if !open.get() {
                return Vec::new();
            }
            let lang = i18n.get_locale().lang();
            let Some(l) = state.loaded() else {
                return Vec::new();
            };
            state.view.with(|v| l.suggest(&v.filter, lang))
        });
        Offers {
            open,
            active: RwSignal::new(None),
            list,
        }
    }

    /// Whether offers are showing (tracked).
    fn shown(self) -> bool {
        !self.list.with(Vec::is_empty)
    }

    /// Opens the offers afresh (a keystroke), none active.
    fn reopen(self) {
        self.active.set(None);
        self.open.set(true);
    }

    fn close(self) {
        self.open.set(false);
        self.active.set(None);
    }

    /// Moves the active offer `by` one down or up, round the ends; from none, to the first
    /// (down) or the last (up).
    fn step(self, by: isize) {
        let count = self.list.with_untracked(Vec::len) as isize;
        if count == 0 {
            return;
        }
        let next = match self.active.get_untracked() {
            None if by > 0 => 0,
            None => count - 1,
            Some(n) => (n as isize + by).rem_euclid(count),
        };
        self.active.set(Some(next as usize));
    }

    /// Takes offer `n`: a condition or a city becomes the search, a center opens (focus going
    /// to its detail, as from its list item; a search keeps focus in the box, where the result
    /// count, a status, says what it gives).
    fn take(self, state: AppState, n: usize) {
        let Some(offer) = self.list.with_untracked(|o| o.get(n).cloned()) else {
            return;
        };
        self.close();
        state.take_suggestion(&offer);
        if matches!(offer, Suggestion::Center { .. }) {
            crate::focus::focus_id_later(dom_ids::DETAIL_HEADING);
        }
    }

    /// The combobox's keys (WAI-ARIA APG, editable combobox with list autocomplete).
    fn on_key(self, state: AppState, ev: &web_sys::KeyboardEvent) {
        let showing = self.list.with_untracked(|o| !o.is_empty());
        match ev.key().as_str() {
            "ArrowDown" if !self.open.get_untracked() => self.open.set(true),
            "ArrowDown" if showing => self.step(1),
            "ArrowUp" if showing => self.step(-1),
            "Enter" if showing && self.active.get_untracked().is_some() => {
                self.take(state, self.active.get_untracked().unwrap_or_default())
            }
            // Closing is all Escape does while offers show: the text stays, and neither the
            // detail nor the phone's filter sheet closes under it.
            "Escape" if showing => {
                ev.stop_propagation();
                self.close();
            }
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The search box and its suggestions.
#[component]
pub(super) fn SearchBox() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let offers = Offers::new(state, i18n);
    let shown = move || offers.shown();
    let active = offers.active;
    let take = move |n: usize| offers.take(state, n);
    view! {
        <div class="search-box">
            <input
                id=dom_ids::SEARCH_INPUT
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=dom_ids::SUGGESTIONS
                aria-expanded=move || shown().to_string()
                aria-activedescendant=move || active.get().filter(|_| shown()).map(option_id)
                placeholder=move || t_string!(i18n, search_placeholder)
                aria-describedby="search-hint"
                prop:value=move || state.view.with(|v| v.filter.text.clone())
                on:input=move |ev| {
                    state.set_text(event_target_value(&ev));
                    offers.reopen();
                }
                on:keydown=move |ev| offers.on_key(state, &ev)
                on:blur=move |_| offers.close()
            />
            <ul
                id=dom_ids::SUGGESTIONS
                class="suggestions"
                role="listbox"
                aria-label=move || t_string!(i18n, suggestions_label)
                hidden=move || !shown()
            >
                {move || {
                    let locale = i18n.get_locale();
                    offers
                        .list
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(n, offer)| view! { <Offer n offer locale active take/> })
                        .collect_view()
                }}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || match offers.list.with(Vec::len) {
                    0 => String::new(),
                    n => td_string!(i18n.get_locale(), suggestions_status, count = n).to_string(),
                }}
            </p>
        </div>
    }
}

/// One offer: what choosing it gives, what kind of thing it is, and how many centers.
#[component]
fn Offer(
    n: usize,
    offer: Suggestion,
    locale: Locale,
    active: RwSignal<Option<usize>>,
    take: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = locale.lang();
    let kind = offer_kind(locale, &offer);
    let (text, meaning, count) = match &offer {
        Suggestion::Condition {
            search,
            meaning,
            count,
            ..
        } => (search.clone(), meaning.clone(), Some(*count)),
        Suggestion::City {
            search,
            center,
            count,
            ..
        } => {
            let country = state
                .loaded_untracked()
                .and_then(|l| l.dataset.centers.get(*center).map(|c| c.country));
            (
                search.clone(),
                country.map(|c| country_name(locale, c)),
                Some(*count),
            )
        }
        Suggestion::Center { center } => {
            let (name, city) = state
                .loaded_untracked()
                .and_then(|l| {
                    let c = l.dataset.centers.get(*center)?;
                    Some((c.name_in(lang).to_string(), c.city_in(lang).to_string()))
                })
                .unwrap_or_default();
            (name, Some(city), None)
        }
    };
    let count = count.map(|n| centers_count(locale, n));
    view! {
        <li
            id=option_id(n)
            role="option"
            aria-selected=move || (active.get() == Some(n)).to_string()
            // Pressing an offer must not take focus from the box (that would close the offers
            // before the click lands).
            on:mousedown=|ev| ev.prevent_default()
            on:click=move |_| take(n)
        >
            <span class="offer-text"><bdi>{text}</bdi>{meaning.map(|m| view! { <span class="offer-meaning">" · "<bdi>{m}</bdi></span> })}</span>
            <span class="offer-kind">{kind}{count.map(|c| format!(" · {c}"))}</span>
        </li>
    }
}
