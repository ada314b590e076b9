//! Everything known about the selected center.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::list::item_dom_id;
use shifo_core::{HubStatus, Precision};

use crate::i18n::{country_name, t, t_count, t_with};
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

/// A contact line: the text as a link when it has a safe `tel:`/`mailto:` URI, else plain.
fn contact(label: String, text: String, href: Option<String>) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd>{match href {
            Some(href) => view! { <a href=href>{text}</a> }.into_any(),
            None => text.into_any(),
        }}</dd>
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
        let phone = c
            .phone
            .clone()
            .map(|phone| contact(t("detail_phone"), phone, c.tel_uri()));
        let email = c
            .email
            .clone()
            .map(|email| contact(t("detail_email"), email, c.mailto_uri()));
        let address = c
            .address
            .clone()
            .map(|a| view! { <dt>{t("detail_address")}</dt><dd>{a}</dd> });
        let coordinates = {
            let mut text = format!("{:.4}, {:.4}", c.lat, c.lon);
            if c.precision == Precision::City {
                text.push_str(&format!(" ({})", t("precision_city")));
            }
            text
        };
        let pediatric = match &c.pediatric {
            None => t("pediatric_unknown"),
            Some(p) if !p.treats_children => t("no"),
            Some(p) if p.services.is_empty() => t("yes"),
            Some(p) => {
                let labels: Vec<&str> = p
                    .services
                    .iter()
                    .map(|s| loaded.dataset.specialty_label(s))
                    .collect();
                t_with("pediatric_services", &[("services", &labels.join(", "))])
            }
        };
        let capacity = c.capacity.as_ref().map(|cap| {
            let mut facts = Vec::new();
            if let Some(beds) = cap.beds {
                facts.push(t_count("capacity_beds", beds as usize));
            }
            if let Some(n) = cap.patients_per_year {
                facts.push(t_count("capacity_patients", n as usize));
            }
            facts.extend(cap.note.clone());
            view! { <dt>{t("detail_capacity")}</dt><dd>{facts.join("; ")}</dd> }
        });
        let languages = (!c.languages.is_empty()).then(|| {
            view! { <dt>{t("detail_languages")}</dt><dd>{c.languages.join(", ")}</dd> }
        });
        let link_to = move |id: String, name: String| {
            view! {
                <button type="button" class="link" on:click=move |_| state.select(Some(id.clone()))>
                    {name}
                </button>
            }
        };
        let part_of = c.part_of.as_ref().and_then(|id| {
            let parent = loaded.dataset.center(id)?;
            let link = link_to(parent.id.clone(), parent.name.clone());
            Some(view! { <dt>{t("detail_part_of")}</dt><dd>{link}</dd> })
        });
        let units: Vec<_> = loaded
            .dataset
            .centers
            .iter()
            .filter(|u| u.part_of.as_deref() == Some(c.id.as_str()))
            .map(|u| view! { <li>{link_to(u.id.clone(), u.name.clone())}</li> })
            .collect();
        let units = (!units.is_empty())
            .then(|| view! { <dt>{t("detail_units")}</dt><dd><ul>{units}</ul></dd> });
        let hubs: Vec<_> = loaded
            .dataset
            .hubs_hosted_by(&c.id)
            .map(|h| {
                let status = match h.status {
                    HubStatus::Proposed => t("hub_proposed"),
                    HubStatus::Designated => t("hub_designated"),
                };
                let when = h
                    .date
                    .as_ref()
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default();
                let scope = h
                    .scope
                    .as_ref()
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                view! { <li>{format!("{} ({status}{when}){scope}", h.name)}</li> }
            })
            .collect();
        let hubs = (!hubs.is_empty())
            .then(|| view! { <dt>{t("detail_hubs")}</dt><dd><ul>{hubs}</ul></dd> });
        let last_verified = c.last_verified.clone().map(|d| {
            let text = d.clone();
            view! { <dt>{t("detail_last_verified")}</dt><dd><time datetime=d>{text}</time></dd> }
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
                let facts: Vec<&str> = [&p.date, &p.occasion, &p.scope]
                    .into_iter()
                    .filter_map(|f| f.as_deref())
                    .collect();
                view! {
                    <li>
                        {link_to(other.clone(), other_name)}
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
                    {address}
                    <dt>{t("detail_coordinates")}</dt><dd>{coordinates}</dd>
                    {part_of}
                    {units}
                    <dt>{t("detail_specialties")}</dt><dd><ul>{specialties}</ul></dd>
                    <dt>{t("detail_pediatric")}</dt><dd>{pediatric}</dd>
                    {capacity}
                    {hubs}
                    {summary}
                    {languages}
                    {website}
                    {phone}
                    {email}
                    {partnerships}
                    {events}
                    <dt>{t("detail_sources")}</dt><dd><ul>{sources}</ul></dd>
                    {last_verified}
                    <dt>{t("detail_id")}</dt><dd><code>{c.id.clone()}</code></dd>
                </dl>
            </section>
        })
    }
}
