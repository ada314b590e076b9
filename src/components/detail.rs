//! Everything known about the selected center.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::list::item_dom_id;
use crate::i18n::{country_name, t, t_with};
use crate::state::AppState;

/// Closes the detail and puts keyboard focus back on the center's list item, so a keyboard
/// user continues where they were instead of at the top of the page.
fn close(state: AppState, id: &str) {
    state.select(None);
    let button = document()
        .get_element_by_id(&item_dom_id(id))
        .and_then(|li| li.query_selector("button").ok().flatten());
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// Below this width the detail sits in the page flow under the map (see style.css), so a
/// choice made further down the list would open it out of sight.
const IN_FLOW_MEDIA: &str = "(max-width: 799px)";

/// The detail panel of the selected center; absent when none is selected.
#[component]
pub fn Detail() -> impl IntoView {
    let state = AppState::expect();
    // On a phone, bring the detail to the reader whenever a center is chosen.
    Effect::new(move |_| {
        state.pan_request.track();
        if state.selected_id().is_none() {
            return;
        }
        // After the next frame, once the panel for the new center is in the page.
        request_animation_frame(|| {
            let in_flow = window()
                .match_media(IN_FLOW_MEDIA)
                .ok()
                .flatten()
                .is_some_and(|m| m.matches());
            if let (true, Some(el)) = (in_flow, document().get_element_by_id("detail")) {
                el.scroll_into_view();
            }
        });
    });
    move || {
        let loaded = state.loaded()?;
        let c = state.selected()?;
        let specialties = c
            .specialties
            .iter()
            .map(|s| view! { <li>{loaded.dataset.specialty_label(s).to_string()}</li> })
            .collect_view();
        let other_names = (!c.names.is_empty()).then(|| {
            let items = c
                .names
                .iter()
                .map(|(lang, name)| view! { <li lang=lang.clone()>{name.clone()}</li> })
                .collect_view();
            view! { <dt>{t("detail_other_names")}</dt><dd><ul>{items}</ul></dd> }
        });
        let website = c.safe_website().map(|url| {
            let (href, text) = (url.to_string(), url.to_string());
            view! {
                <dt>{t("detail_website")}</dt>
                <dd><a href=href target="_blank" rel="noopener noreferrer">{text}</a></dd>
            }
        });
        let phone = c.phone.clone().map(|phone| {
            let link = c.tel_uri();
            view! {
                <dt>{t("detail_phone")}</dt>
                <dd>{match link {
                    Some(href) => view! { <a href=href>{phone}</a> }.into_any(),
                    None => phone.into_any(),
                }}</dd>
            }
        });
        let summary = c
            .summary
            .clone()
            .map(|s| view! { <dt>{t("detail_about")}</dt><dd>{s}</dd> });
        let sources = c
            .sources
            .iter()
            .map(|s| {
                let title = s.title.clone();
                let title = match s.safe_url() {
                    Some(u) => view! { <a href=u.to_string() target="_blank" rel="noopener noreferrer">{title}</a> }.into_any(),
                    None => view! { <cite>{title}</cite> }.into_any(),
                };
                let file = s.file.as_ref().map(|f| format!(" ({})", t_with("source_seed_file", &[("file", f)])));
                let date = s.date.as_ref().map(|d| format!(", {d}"));
                view! { <li>{title}{date}{file}</li> }
            })
            .collect_view();
        let partnerships: Vec<_> = loaded
            .dataset
            .partnerships
            .iter()
            .filter(|p| p.a == c.id || p.b == c.id)
            .map(|p| {
                let other = if p.a == c.id { &p.b } else { &p.a };
                let other_name = loaded
                    .dataset
                    .center(other)
                    .map_or_else(|| other.clone(), |o| o.name.clone());
                let other = other.clone();
                let facts: Vec<&str> = [&p.date, &p.occasion, &p.scope]
                    .into_iter()
                    .filter_map(|f| f.as_deref())
                    .collect();
                view! {
                    <li>
                        <button type="button" class="link" on:click=move |_| state.select(Some(other.clone()))>
                            {other_name}
                        </button>
                        {format!(": {}", facts.join("; "))}
                    </li>
                }
            })
            .collect();
        let partnerships = (!partnerships.is_empty()).then(|| {
            view! { <dt>{t("detail_partnerships")}</dt><dd><ul>{partnerships}</ul></dd> }
        });
        let events: Vec<_> = loaded
            .dataset
            .events
            .iter()
            .filter(|e| e.centers.contains(&c.id))
            .map(|e| {
                let when = match (&e.start, &e.end) {
                    (Some(a), Some(b)) if a != b => format!(", {a} – {b}"),
                    (Some(a), _) => format!(", {a}"),
                    _ => String::new(),
                };
                let cities = if e.cities.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.cities.join(", "))
                };
                view! { <li>{e.title.clone()}{when}{cities}</li> }
            })
            .collect();
        let events = (!events.is_empty())
            .then(|| view! { <dt>{t("detail_events")}</dt><dd><ul>{events}</ul></dd> });
        let country = country_name(c.country);
        let (id_key, id_button) = (c.id.clone(), c.id.clone());
        Some(view! {
            <section
                id="detail"
                class="detail"
                aria-labelledby="detail-heading"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close(state, &id_key);
                    }
                }
            >
                <div class="detail-head">
                    <h2 id="detail-heading">{c.name.clone()}</h2>
                    <button type="button" class="close" aria-label=t("detail_close") on:click=move |_| close(state, &id_button)>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <dl>
                    {other_names}
                    <dt>{t("detail_country")}</dt><dd>{country}</dd>
                    <dt>{t("detail_city")}</dt><dd>{c.city.clone()}</dd>
                    <dt>{t("detail_coordinates")}</dt><dd>{format!("{:.4}, {:.4}", c.lat, c.lon)}</dd>
                    <dt>{t("detail_specialties")}</dt><dd><ul>{specialties}</ul></dd>
                    <dt>{t("detail_pediatric")}</dt><dd>{if c.pediatric { t("yes") } else { t("no") }}</dd>
                    {summary}
                    {website}
                    {phone}
                    {partnerships}
                    {events}
                    <dt>{t("detail_sources")}</dt><dd><ul>{sources}</ul></dd>
                    <dt>{t("detail_id")}</dt><dd><code>{c.id.clone()}</code></dd>
                </dl>
            </section>
        })
    }
}
