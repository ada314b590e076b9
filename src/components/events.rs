//! Medicine Days and conferences by date, each with buttons that bring its cities and its
//! centers up on the map.

use leptos::prelude::*;
use shifo_core::cooperation::When;
use shifo_core::geo::places;
use shifo_core::Event;

use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::state::AppState;

/// Today as `YYYY-MM-DD` in the reader's time zone, to tell past events from coming ones.
pub(crate) fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The dates and where the event stands against today ("2025-10-13 – 2025-10-17 · Past").
fn when(e: &Event, today: &str, locale: Locale) -> AnyView {
    let dates = match (&e.start, &e.end) {
        (Some(a), Some(b)) if a != b => Some(format!("{a} – {b}")),
        (Some(a), _) => Some(a.clone()),
        _ => None,
    };
    let status = match e.when(today) {
        When::Past => td_string!(locale, event_past),
        When::Now => td_string!(locale, event_now),
        When::Upcoming => td_string!(locale, event_upcoming),
        When::Undated => td_string!(locale, event_undated),
        When::Unannounced => td_string!(locale, event_unannounced),
    };
    match (dates, e.start.clone()) {
        (Some(text), Some(start)) => {
            view! { <time datetime=start>{text}</time>" · "{status}}.into_any()
        }
        _ => status.into_any(),
    }
}

/// A city of the event: a button bringing it up on the map, when the places table knows it.
fn city_item(city: &str, locale: Locale) -> AnyView {
    let state = AppState::expect();
    let name = places::city_name(city, locale.lang()).to_string();
    match places::find(city) {
        Some(p) => {
            let at = p.at;
            let label = td_string!(locale, event_show_city, city = name.clone());
            view! {
                <li>
                    <button type="button" class="link" aria-label=label on:click=move |_| state.show_place(at)>
                        <bdi>{name}</bdi>
                    </button>
                </li>
            }
            .into_any()
        }
        // A city the places table does not know has no point to show.
        None => view! { <li><bdi>{name}</bdi></li> }.into_any(),
    }
}

/// One event: when, its title, its cities and the centers taking part.
#[component]
fn EventItem(
    /// The event.
    event: Event,
    /// Today, `YYYY-MM-DD`.
    today: String,
    /// The reader's language.
    locale: Locale,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = locale.lang();
    let cities: Vec<_> = event.cities.iter().map(|c| city_item(c, locale)).collect();
    let centers: Vec<_> = state.loaded_untracked().map_or_else(Vec::new, |loaded| {
        event
            .centers
            .iter()
            .filter_map(|id| loaded.dataset.center(id))
            .map(|c| {
                let id = c.id.clone();
                view! {
                    <li>
                        <button type="button" class="link" on:click=move |_| state.select(Some(id.clone()))>
                            <bdi>{c.name_in(lang).to_string()}</bdi>
                        </button>
                    </li>
                }
            })
            .collect()
    });
    let cities = (!cities.is_empty()).then(|| {
        view! {
            <p class="event-label">{td_string!(locale, event_cities)}</p>
            <ul class="inline-list">{cities}</ul>
        }
    });
    let centers = (!centers.is_empty()).then(|| {
        view! {
            <p class="event-label">{td_string!(locale, event_centers)}</p>
            <ul class="event-centers">{centers}</ul>
        }
    });
    view! {
        <li class="event">
            <p class="event-when">{when(&event, &today, locale)}</p>
            <h3 class="event-title"><bdi>{event.title_in(lang).to_string()}</bdi></h3>
            {cities}
            {centers}
        </li>
    }
}

/// The events panel: closed by default, the number of events in its summary.
#[component]
pub(crate) fn EventsPanel() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let count = move || state.loaded().map_or(0, |d| d.dataset.events.len());
    let items = move || {
        let loaded = state.loaded()?;
        let locale = i18n.get_locale();
        let today = today();
        Some(
            loaded
                .dataset
                .events_by_date()
                .into_iter()
                .map(|e| view! { <EventItem event=e.clone() today=today.clone() locale/> })
                .collect_view(),
        )
    };
    view! {
        <Show when=move || { count() > 0 }>
            <details class="panel events">
                <summary>{move || td_string!(i18n.get_locale(), events_summary, count = count())}</summary>
                <p class="hint">{t!(i18n, events_hint)}</p>
                <ol class="event-list">{items}</ol>
            </details>
        </Show>
    }
}
