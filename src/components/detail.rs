//! Everything known about the selected center.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::list::item_dom_id;
use crate::components::mobile::{Mobile, Pane};
use shifo_core::{HubStatus, Precision};

use crate::i18n::{td_string, use_i18n};
use crate::locale::{capacity_text, country_name, isolate, lang_of};
use crate::state::AppState;

/// Closes the detail and puts keyboard focus back on the center's list item, so a keyboard
/// user continues where they were instead of at the top of the page.
fn close(state: AppState, mobile: Mobile, id: &str) {
    state.select(None);
    // On a phone the list is behind the switch: bring it back for the item to take focus.
    if mobile.narrow.get_untracked() {
        mobile.pane.set(Pane::List);
        let id = item_dom_id(id);
        request_animation_frame(move || focus_item(&id));
        return;
    }
    focus_item(&item_dom_id(id));
}

/// Focuses the button of a list item (by the item's DOM id).
fn focus_item(dom_id: &str) {
    let button = document()
        .get_element_by_id(dom_id)
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

/// Whether the page is one column (below 800 px): the map above, the detail in the flow.
pub(crate) fn in_flow() -> bool {
    window()
        .match_media(IN_FLOW_MEDIA)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The detail panel of the selected center; absent when none is selected.
#[component]
pub fn Detail() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    // On a phone, bring the detail to the reader whenever a center is chosen.
    Effect::new(move |_| {
        state.pan_request.track();
        if state.selected_id().is_none() {
            return;
        }
        // After the next frame, once the panel for the new center is in the page. Focus goes
        // with it: left on the button that chose the center (in an events or hubs panel far
        // below), it would be off screen, and Escape would not reach the detail.
        request_animation_frame(|| {
            if let (true, Some(el)) = (in_flow(), document().get_element_by_id("detail")) {
                el.scroll_into_view();
                crate::focus::focus_id("detail-heading");
            }
        });
    });
    move || {
        let loaded = state.loaded()?;
        let c = state.selected()?;
        let locale = i18n.get_locale();
        let lang = lang_of(locale);
        let specialties = c
            .specialties
            .iter()
            .map(|s| view! { <li>{loaded.dataset.specialty_label(s, lang).to_string()}</li> })
            .collect_view();
        // Every name but the one in the heading, English included, each marked with its
        // language so a screen reader pronounces it right.
        let heading = c.name_in(lang).to_string();
        let others: Vec<(String, String)> = std::iter::once(("en".to_string(), c.name.clone()))
            .chain(c.names.iter().map(|(l, n)| (l.clone(), n.clone())))
            .filter(|(_, n)| *n != heading && !n.trim().is_empty())
            .collect();
        let other_names = (!others.is_empty()).then(|| {
            let items = others
                .into_iter()
                .map(|(lang, name)| view! { <li lang=lang>{name}</li> })
                .collect_view();
            view! { <dt>{td_string!(locale, detail_other_names).to_string()}</dt><dd><ul>{items}</ul></dd> }
        });
        let website = c.safe_website().map(|url| {
            let (href, text) = (url.to_string(), url.to_string());
            view! {
                <dt>{td_string!(locale, detail_website).to_string()}</dt>
                <dd><a href=href target="_blank" rel="noopener noreferrer">{text}</a></dd>
            }
        });
        let phone = c.phone.clone().map(|phone| {
            contact(
                td_string!(locale, detail_phone).to_string(),
                phone,
                c.tel_uri(),
            )
        });
        let email = c.email.clone().map(|email| {
            contact(
                td_string!(locale, detail_email).to_string(),
                email,
                c.mailto_uri(),
            )
        });
        let address = c.address.clone().map(
            |a| view! { <dt>{td_string!(locale, detail_address).to_string()}</dt><dd>{a}</dd> },
        );
        let coordinates = {
            let mut text = format!(
                "{}, {}",
                shifo_core::decimal::fixed(c.lat, 4),
                shifo_core::decimal::fixed(c.lon, 4)
            );
            if c.precision == Precision::City {
                text.push_str(&format!(" ({})", td_string!(locale, precision_city)));
            }
            text
        };
        let pediatric = match &c.pediatric {
            None => td_string!(locale, pediatric_unknown).to_string(),
            Some(p) if !p.treats_children => td_string!(locale, no).to_string(),
            Some(p) if p.services.is_empty() => td_string!(locale, yes).to_string(),
            Some(p) => {
                let labels: Vec<&str> = p
                    .services
                    .iter()
                    .map(|s| loaded.dataset.specialty_label(s, lang))
                    .collect();
                td_string!(
                    locale,
                    pediatric_services,
                    services = isolate(&labels.join(", "))
                )
                .to_string()
            }
        };
        let capacity = c.capacity.as_ref().map(|cap| {
            view! { <dt>{td_string!(locale, detail_capacity).to_string()}</dt><dd>{capacity_text(locale, cap)}</dd> }
        });
        let languages = (!c.languages.is_empty()).then(|| {
            view! { <dt>{td_string!(locale, detail_languages).to_string()}</dt><dd>{c.languages.join(", ")}</dd> }
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
            let link = link_to(parent.id.clone(), parent.name_in(lang).to_string());
            Some(view! { <dt>{td_string!(locale, detail_part_of).to_string()}</dt><dd>{link}</dd> })
        });
        let units: Vec<_> = loaded
            .dataset
            .centers
            .iter()
            .filter(|u| u.part_of.as_deref() == Some(c.id.as_str()))
            .map(|u| view! { <li>{link_to(u.id.clone(), u.name_in(lang).to_string())}</li> })
            .collect();
        let units = (!units.is_empty())
            .then(|| view! { <dt>{td_string!(locale, detail_units).to_string()}</dt><dd><ul>{units}</ul></dd> });
        let hubs: Vec<_> = loaded
            .dataset
            .hubs_hosted_by(&c.id)
            .map(|h| {
                let status = match h.status {
                    HubStatus::Proposed => td_string!(locale, hub_proposed).to_string(),
                    HubStatus::Designated => td_string!(locale, hub_designated).to_string(),
                };
                let when = h
                    .date
                    .as_ref()
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default();
                let scope = h
                    .scope
                    .clone()
                    .map(|s| view! { ": "<bdi>{s}</bdi> });
                // Data in <bdi>: an override in it cannot reverse our words around it.
                view! { <li><bdi>{h.name_in(lang).to_string()}</bdi>{format!(" ({status}{when})")}{scope}</li> }
            })
            .collect();
        let hubs = (!hubs.is_empty())
            .then(|| view! { <dt>{td_string!(locale, detail_hubs).to_string()}</dt><dd><ul>{hubs}</ul></dd> });
        let last_verified = c.last_verified.clone().map(|d| {
            let text = d.clone();
            view! { <dt>{td_string!(locale, detail_last_verified).to_string()}</dt><dd><time datetime=d>{text}</time></dd> }
        });
        let summary = c
            .summary
            .clone()
            .map(|s| view! { <dt>{td_string!(locale, detail_about).to_string()}</dt><dd>{s}</dd> });
        let sources = c
            .sources
            .iter()
            .map(|s| {
                let title = s.title.clone();
                let title = match s.safe_url() {
                    Some(u) => view! { <a href=u.to_string() target="_blank" rel="noopener noreferrer">{title}</a> }.into_any(),
                    None => view! { <cite>{title}</cite> }.into_any(),
                };
                let file = s
                    .file
                    .as_ref()
                    .map(|f| format!(" ({})", td_string!(locale, source_seed_file, file = f)));
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
                    .map_or_else(|| other.clone(), |o| o.name_in(lang).to_string());
                let facts: Vec<&str> = [&p.date, &p.occasion, &p.scope]
                    .into_iter()
                    .filter_map(|f| f.as_deref())
                    .collect();
                view! {
                    <li>
                        {link_to(other.clone(), other_name)}
                        ": "<bdi>{facts.join("; ")}</bdi>
                    </li>
                }
            })
            .collect();
        let partnerships = (!partnerships.is_empty()).then(|| {
            view! { <dt>{td_string!(locale, detail_partnerships).to_string()}</dt><dd><ul>{partnerships}</ul></dd> }
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
                let cities = (!e.cities.is_empty()).then(|| {
                    let names: Vec<&str> = e
                        .cities
                        .iter()
                        .map(|city| shifo_core::places::city_name(city, lang))
                        .collect();
                    view! { " ("<bdi>{names.join(", ")}</bdi>")" }
                });
                view! { <li><bdi>{e.title_in(lang).to_string()}</bdi>{when}{cities}</li> }
            })
            .collect();
        let events = (!events.is_empty())
            .then(|| view! { <dt>{td_string!(locale, detail_events).to_string()}</dt><dd><ul>{events}</ul></dd> });
        let country = country_name(locale, c.country);
        let (id_key, id_button) = (c.id.clone(), c.id.clone());
        Some(view! {
            <section
                id="detail"
                class="detail"
                aria-labelledby="detail-heading"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close(state, mobile, &id_key);
                    }
                }
            >
                <div class="detail-head">
                    <h2 id="detail-heading" tabindex="-1">{heading}</h2>
                    <button type="button" class="close" aria-label=td_string!(locale, detail_close).to_string() on:click=move |_| close(state, mobile, &id_button)>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <button type="button" id="referral-open" class="secondary referral-open" on:click=move |_| state.open_sheet(true)>
                    {td_string!(locale, referral_open).to_string()}
                </button>
                <dl>
                    {other_names}
                    <dt>{td_string!(locale, detail_country).to_string()}</dt><dd>{country}</dd>
                    <dt>{td_string!(locale, detail_city).to_string()}</dt><dd>{c.city_in(lang).to_string()}</dd>
                    {address}
                    <dt>{td_string!(locale, detail_coordinates).to_string()}</dt><dd>{coordinates}</dd>
                    {part_of}
                    {units}
                    <dt>{td_string!(locale, detail_specialties).to_string()}</dt><dd><ul>{specialties}</ul></dd>
                    <dt>{td_string!(locale, detail_pediatric).to_string()}</dt><dd>{pediatric}</dd>
                    {capacity}
                    {hubs}
                    {summary}
                    {languages}
                    {website}
                    {phone}
                    {email}
                    {partnerships}
                    {events}
                    <dt>{td_string!(locale, detail_sources).to_string()}</dt><dd><ul>{sources}</ul></dd>
                    {last_verified}
                    <dt>{td_string!(locale, detail_id).to_string()}</dt><dd><code>{c.id.clone()}</code></dd>
                </dl>
            </section>
        })
    }
}
