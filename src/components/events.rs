//! Medicine Days and conferences by date, each with buttons that bring its cities and its
//! centers up on the map.

use leptos::prelude::*;
use shifo_core::cooperation::When;

use crate::i18n::{t, td_string, use_i18n};
use crate::locale::lang_of;
use crate::state::AppState;

/// Today as `YYYY-MM-DD` in the reader's time zone, to tell past events from coming ones.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The events panel: closed by default, the number of events in its summary.
#[component]
pub fn EventsPanel() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let count = move || state.loaded().map_or(0, |d| d.dataset.events.len());
    let items = move || {
        let loaded = state.loaded()?;
        let locale = i18n.get_locale();
        let lang = lang_of(locale);
        let today = today();
        let dataset = &loaded.dataset;
        let items = dataset
            .events_by_date()
            .into_iter()
            .map(|e| {
                let dates = match (&e.start, &e.end) {
                    (Some(a), Some(b)) if a != b => Some(format!("{a} – {b}")),
                    (Some(a), _) => Some(a.clone()),
                    _ => None,
                };
                let status = match e.when(&today) {
                    When::Past => td_string!(locale, event_past),
                    When::Now => td_string!(locale, event_now),
                    When::Upcoming => td_string!(locale, event_upcoming),
                    When::Undated => td_string!(locale, event_undated),
                };
                let when = match (dates, e.start.clone()) {
                    (Some(text), Some(start)) => {
                        view! { <time datetime=start>{text}</time>" · "{status}}.into_any()
                    }
                    _ => status.into_any(),
                };
                let cities: Vec<_> = e
                    .cities
                    .iter()
                    .map(|city| {
                        let place = shifo_core::places::find(city);
                        let name = shifo_core::places::city_name(city, lang).to_string();
                        match place {
                            Some(p) => {
                                let (lat, lon) = (p.lat, p.lon);
                                let label = td_string!(locale, event_show_city, city = name.clone()).to_string();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="link"
                                            aria-label=label
                                            on:click=move |_| state.show_place(lat, lon)
                                        >
                                            <bdi>{name}</bdi>
                                        </button>
                                    </li>
                                }
                                .into_any()
                            }
                            // A city the places table does not know has no point to show.
                            None => view! { <li><bdi>{name}</bdi></li> }.into_any(),
                        }
                    })
                    .collect();
                let centers: Vec<_> = e
                    .centers
                    .iter()
                    .filter_map(|id| dataset.center(id))
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
                    .collect();
                let cities = (!cities.is_empty()).then(|| {
                    view! {
                        <p class="event-label">{td_string!(locale, event_cities).to_string()}</p>
                        <ul class="inline-list">{cities}</ul>
                    }
                });
                let centers = (!centers.is_empty()).then(|| {
                    view! {
                        <p class="event-label">{td_string!(locale, event_centers).to_string()}</p>
                        <ul class="event-centers">{centers}</ul>
                    }
                });
                view! {
                    <li class="event">
                        <p class="event-when">{when}</p>
                        <h3 class="event-title"><bdi>{e.title_in(lang).to_string()}</bdi></h3>
                        {cities}
                        {centers}
                    </li>
                }
            })
            .collect_view();
        Some(items)
    };
    view! {
        <Show when=move || { count() > 0 }>
            <details class="panel events">
                <summary>{move || td_string!(i18n.get_locale(), events_summary, count = count()).to_string()}</summary>
                <p class="hint">{t!(i18n, events_hint)}</p>
                <ol class="event-list">{items}</ol>
            </details>
        </Show>
    }
}
