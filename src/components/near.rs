//! "Near me": a home city from the region's cities (kept in the URL as `near=`) or the
//! browser's position (after its permission prompt; kept for this page only), and the list
//! sorted by great-circle distance with the km shown.

use leptos::prelude::*;
use shifo_core::geo::bounds::LatLon;
use shifo_core::geo::near::cities_sorted;
use shifo_core::geo::places;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, td_string, use_i18n};
use crate::state::AppState;

/// How long the browser may take to find the position before we say it could not.
const LOCATE_WITHIN_MS: u32 = 15_000;

/// `GeolocationPositionError.PERMISSION_DENIED`.
const PERMISSION_DENIED: f64 = 1.0;

/// What asking for the position gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Locating {
    /// Nothing asked, or the answer was used.
    Idle,
    /// Waiting for the browser.
    Busy,
    /// The reader (or the browser's settings) refused.
    Denied,
    /// No position could be found in time.
    Failed,
    /// This browser has no geolocation.
    Unsupported,
}

/// Asks the browser for its position once; `done` gets it or the failure.
fn locate(done: impl Fn(Result<LatLon, Locating>) + Clone + 'static) {
    let Some(geo) = window().navigator().geolocation().ok() else {
        done(Err(Locating::Unsupported));
        return;
    };
    let ok = {
        let done = done.clone();
        // Read by name: web-sys binds these types only as unstable APIs.
        Closure::once_into_js(move |pos: JsValue| {
            let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or_default();
            let read = |k: &str| js_sys::Reflect::get(&coords, &k.into()).ok()?.as_f64();
            match (read("latitude"), read("longitude")) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
                    done(Ok(LatLon::new(lat, lon)))
                }
                _ => done(Err(Locating::Failed)),
            }
        })
    };
    let failed = {
        let done = done.clone();
        Closure::once_into_js(move |err: JsValue| {
            let code = js_sys::Reflect::get(&err, &"code".into())
                .ok()
                .and_then(|c| c.as_f64());
            done(Err(if code == Some(PERMISSION_DENIED) {
                Locating::Denied
            } else {
                Locating::Failed
            }))
        })
    };
    let options = web_sys::PositionOptions::new();
    options.set_timeout(LOCATE_WITHIN_MS);
    // A city-level answer is enough, and the quick one saves a phone's battery.
    options.set_enable_high_accuracy(false);
    options.set_maximum_age(600_000);
    if geo
        .get_current_position_with_error_callback_and_options(
            ok.unchecked_ref(),
            Some(failed.unchecked_ref()),
            &options,
        )
        .is_err()
    {
        done(Err(Locating::Unsupported));
    }
}

/// The home city chooser, the "use my location" button and what the sorting is now.
#[component]
pub fn NearMe() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let locating = RwSignal::new(Locating::Idle);
    let chosen = move || state.view.with(|v| v.near_place());
    // The select's value: a city's English name, "here" for the position, "" for none.
    let value = move || {
        if state.here.get().is_some() {
            "here".to_string()
        } else {
            chosen().map_or_else(String::new, |p| p.en.to_string())
        }
    };
    let options = move || {
        let locale = i18n.get_locale();
        let lang = locale.lang();
        cities_sorted(lang)
            .into_iter()
            .map(|p| {
                let en = p.en;
                view! { <option value=en prop:selected=move || value() == en>{p.name_in(lang)}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v != "here" {
            // A city chosen while the position is being found wins over its late answer.
            locating.set(Locating::Idle);
            state.set_near(places::find(&v).filter(|_| !v.is_empty()));
        }
    };
    let use_location = move |_| {
        if locating.get_untracked() == Locating::Busy {
            return;
        }
        locating.set(Locating::Busy);
        locate(move |answer| {
            // Asked for no longer (a city was chosen meanwhile): the answer is dropped.
            if locating.get_untracked() != Locating::Busy {
                return;
            }
            match answer {
                Ok(at) => {
                    locating.set(Locating::Idle);
                    state.set_here(at);
                }
                Err(why) => locating.set(why),
            }
        });
    };
    let status = move || {
        let locale = i18n.get_locale();
        let lang = locale.lang();
        match locating.get() {
            Locating::Busy => return td_string!(locale, near_locating).to_string(),
            Locating::Denied => return td_string!(locale, near_denied).to_string(),
            Locating::Failed => return td_string!(locale, near_failed).to_string(),
            Locating::Unsupported => return td_string!(locale, near_unsupported).to_string(),
            Locating::Idle => {}
        }
        if state.here.get().is_some() {
            td_string!(locale, near_sorted_here).to_string()
        } else if let Some(p) = chosen() {
            td_string!(
                locale,
                near_sorted_city,
                city = crate::locale::isolate(p.name_in(lang))
            )
            .to_string()
        } else {
            String::new()
        }
    };
    view! {
        <fieldset class="facet near">
            <legend>{t!(i18n, near_legend)}</legend>
            <label class="near-city" for="near-city">{t!(i18n, near_city_label)}</label>
            <select id="near-city" on:change=on_change>
                <option value="" prop:selected=move || value().is_empty()>{t!(i18n, near_none)}</option>
                <Show when=move || state.here.get().is_some()>
                    <option value="here" prop:selected=true>{t!(i18n, near_here_option)}</option>
                </Show>
                {options}
            </select>
            <button
                type="button"
                class="secondary"
                // Not `disabled`: that would drop keyboard focus while the browser looks.
                aria-disabled=move || (locating.get() == Locating::Busy).then_some("true")
                on:click=use_location
            >
                {t!(i18n, near_use_location)}
            </button>
            <p class="near-status" role="status">{status}</p>
            <p class="hint">{t!(i18n, near_privacy)}</p>
        </fieldset>
    }
}
