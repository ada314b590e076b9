//! Downloads: the centers shown (CSV for spreadsheets, GeoJSON for GIS) and the events as a
//! calendar. Files are made in the browser from the loaded data; nothing is sent anywhere.

use leptos::prelude::*;
use shifo_core::output::export;
use wasm_bindgen::JsCast;

use crate::history;
use crate::i18n::{t, td_string, use_i18n};
use crate::state::AppState;

/// Offers `text` as a file named `name`: a Blob behind a temporary link with `download`.
fn save(name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started from the click; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// What can be downloaded.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Csv,
    GeoJson,
    Calendar,
}

/// A "Download" disclosure with the three files.
#[component]
pub fn Downloads() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let download = move |kind: Kind| {
        let Some(loaded) = state.loaded_untracked() else {
            return;
        };
        let d = &loaded.dataset;
        let lang = i18n.get_locale_untracked().lang();
        // The dataset's date names the files, so two downloads of one release compare equal.
        let day = &d.updated;
        let _ = match kind {
            Kind::Csv => {
                let ids = in_list_order(state);
                let text = export::csv(d, &ids, lang, &history::page_base());
                save(
                    &format!("shifo-centers-{day}.csv"),
                    "text/csv;charset=utf-8",
                    &text,
                )
            }
            Kind::GeoJson => {
                let ids = in_list_order(state);
                let text = export::geojson(d, &ids, lang, &history::page_base());
                save(
                    &format!("shifo-centers-{day}.geojson"),
                    "application/geo+json",
                    &text,
                )
            }
            Kind::Calendar => {
                let events: Vec<_> = d.events.iter().collect();
                let stamp = export::ics_stamp(day).unwrap_or_default();
                let ics = export::ics(d, &events, lang, &stamp);
                save(
                    &format!("shifo-events-{day}.ics"),
                    "text/calendar;charset=utf-8",
                    &ics.text,
                )
            }
        };
    };
    // A calendar needs days: say how many events have them, rather than leave the others out
    // silently.
    let calendar_note = move || {
        let l = state.loaded()?;
        let events = &l.dataset.events;
        let dated = events.iter().filter(|e| export::in_calendar(e)).count();
        (dated < events.len()).then(|| {
            td_string!(
                i18n.get_locale(),
                download_ics_note,
                dated = dated,
                total = events.len()
            )
            .to_string()
        })
    };
    view! {
        <details class="downloads">
            <summary>{t!(i18n, download_summary)}</summary>
            <ul>
                <li><button type="button" class="secondary" on:click=move |_| download(Kind::Csv)>{t!(i18n, download_csv)}</button></li>
                <li><button type="button" class="secondary" on:click=move |_| download(Kind::GeoJson)>{t!(i18n, download_geojson)}</button></li>
                <li><button type="button" class="secondary" on:click=move |_| download(Kind::Calendar)>{t!(i18n, download_ics)}</button></li>
            </ul>
            <p class="hint">{calendar_note}</p>
        </details>
    }
}

/// The centers shown, in the list's order: nearest first when it is sorted by distance.
fn in_list_order(state: AppState) -> Vec<usize> {
    state.by_distance.with_untracked(|near| match near {
        Some(near) => near.iter().map(|&(i, _)| i).collect(),
        None => state.filtered.get_untracked(),
    })
}
