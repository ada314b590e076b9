//! The detail's facts, in the order a doctor reads them: what the center is called, where it
//! is, what it belongs to, what care it gives, how to reach it, whom it works with, and where
//! all this comes from.

use std::sync::Arc;

use leptos::prelude::*;
use shifo_core::dataset::model::{Authority, Care, Figure, Status};
use shifo_core::dataset::reach::Whose;
use shifo_core::{Center, HubStatus, Loaded, Precision};

use crate::components::fields::{
    data_text, data_text_and_original, link_or_text, marked_text, phone_line, Field, SourceItem,
};
use crate::dom_ids;
use crate::i18n::{td_string, Locale};
use crate::locale::{capacity_text, country_name, isolate};
use crate::state::AppState;

/// Everything the detail knows about `c`, as `<dt>`/`<dd>` pairs.
pub(crate) fn facts(loaded: &Arc<Loaded>, c: &Center, locale: Locale) -> impl IntoView {
    view! {
        {other_names(c, locale)}
        {place(c, locale)}
        {family(loaded, c, locale)}
        {care(loaded, c, locale)}
        {cooperation(loaded, c, locale)}
        {provenance(c, locale)}
    }
}

/// A button opening another center's detail.
fn link_to(id: String, name: String) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <button type="button" class="link" on:click=move |_| state.select(Some(id.clone()))>
            {name}
        </button>
    }
}

/// Every name but the one in the heading, English included, each marked with its language so
/// a screen reader pronounces it right.
/// A translated or transliterated name says so.
fn other_names(c: &Center, locale: Locale) -> impl IntoView {
    let heading = c.name_in(locale.lang());
    let items: Vec<_> = c
        .every_name()
        .filter(|(_, n)| n.as_str() != heading && !n.trim().is_empty())
        .map(|(code, name)| view! { <li>{marked_text(name, code, locale)}</li> })
        .collect();
    let names = (!items.is_empty()).then(|| {
        view! { <Field label=td_string!(locale, detail_other_names)><ul>{items}</ul></Field> }
    });
    let aliases: Vec<_> = c
        .aliases
        .iter()
        .map(|a| view! { <li lang=a.lang.clone()>{a.text.clone()}</li> })
        .collect();
    let aliases = (!aliases.is_empty()).then(|| {
        view! { <Field label=td_string!(locale, detail_aliases)><ul class="inline-list">{aliases}</ul></Field> }
    });
    view! { {names}{aliases} }
}

/// Country, city and address; where the marker stands for the city or the district, not the
/// building, the city says so.
fn place(c: &Center, locale: Locale) -> impl IntoView {
    let lang = locale.lang();
    let address = data_text_and_original(&c.address, locale).map(|a| {
        view! { <Field label=td_string!(locale, detail_address)>{a}</Field> }
    });
    let mut city = c.city_in(lang).to_string();
    if let Some(note) = precision_note(c, locale) {
        city.push_str(&format!(" ({note})"));
    }
    let country = country_name(locale, c.country);
    view! {
        <Field label=td_string!(locale, detail_country)>{country}</Field>
        <Field label=td_string!(locale, detail_city)>{city}</Field>
        {address}
    }
}

/// What the marker's point stands for, when it is not the building.
fn precision_note(c: &Center, locale: Locale) -> Option<&'static str> {
    match c.precision {
        Precision::City => Some(td_string!(locale, precision_city)),
        Precision::Region => Some(td_string!(locale, precision_region)),
        Precision::Building => None,
    }
}

/// The record's coordinates and permanent id, folded: what a data editor or a developer
/// needs, noise to a family (review of the journeys, defect 30).
pub(crate) fn record(c: &Center, locale: Locale) -> impl IntoView {
    let coordinates = format!(
        "{}, {}",
        shifo_core::decimal::fixed(c.lat, 4),
        shifo_core::decimal::fixed(c.lon, 4)
    );
    let id = c.id.clone();
    view! {
        <details class="data-record">
            <summary>{td_string!(locale, detail_record)}</summary>
            <dl>
                <Field label=td_string!(locale, detail_coordinates)>{coordinates}</Field>
                <Field label=td_string!(locale, detail_id)><code>{id}</code></Field>
            </dl>
        </details>
    }
}

/// The center it is part of, and its own units and branches.
fn family(loaded: &Arc<Loaded>, c: &Center, locale: Locale) -> impl IntoView {
    let lang = locale.lang();
    let d = &loaded.dataset;
    let part_of = c.part_of.as_ref().and_then(|id| {
        let parent = d.center(id)?;
        let link = link_to(parent.id.clone(), parent.name_in(lang).to_string());
        Some(view! { <Field label=td_string!(locale, detail_part_of)>{link}</Field> })
    });
    let units: Vec<_> = d
        .centers
        .iter()
        .filter(|u| u.part_of.as_deref() == Some(c.id.as_str()))
        .map(|u| view! { <li>{link_to(u.id.clone(), u.name_in(lang).to_string())}</li> })
        .collect();
    let units = (!units.is_empty())
        .then(|| view! { <Field label=td_string!(locale, detail_units)><ul>{units}</ul></Field> });
    view! { {part_of}{units} }
}

/// What children get there, in words.
fn children_text(loaded: &Loaded, c: &Center, locale: Locale) -> String {
    let services: Vec<&str> = c.children_services().collect();
    match &c.pediatric {
        None if services.is_empty() => td_string!(locale, pediatric_unknown).to_string(),
        Some(p) if !p.treats_children => td_string!(locale, no).to_string(),
        _ if services.is_empty() => td_string!(locale, yes).to_string(),
        _ => {
            let lang = locale.lang();
            let labels: Vec<&str> = services
                .iter()
                .map(|s| loaded.dataset.specialty_label(s, lang))
                .collect();
            td_string!(
                locale,
                pediatric_services,
                services = isolate(&labels.join(", "))
            )
        }
    }
}

/// The hubs the center hosts, with their status and date.
fn hubs(loaded: &Loaded, c: &Center, locale: Locale) -> Option<impl IntoView> {
    let lang = locale.lang();
    let items: Vec<_> = loaded
        .dataset
        .hubs_hosted_by(&c.id)
        .map(|h| {
            let status = match h.status {
                HubStatus::Proposed => td_string!(locale, hub_proposed),
                HubStatus::Designated => td_string!(locale, hub_designated),
            };
            let when = h.date.as_ref().map(|d| format!(", {d}")).unwrap_or_default();
            let scope = data_text(&h.scope, locale).map(|s| view! { ": "<bdi>{s}</bdi> });
            // Data in <bdi>: an override in it cannot reverse our words around it.
            view! { <li><bdi>{h.name_in(lang).to_string()}</bdi>{format!(" ({status}{when})")}{scope}</li> }
        })
        .collect();
    (!items.is_empty())
        .then(|| view! { <Field label=td_string!(locale, detail_hubs)><ul>{items}</ul></Field> })
}

/// Specialties, children's care, capacity, hubs, what the sources say, languages.
fn care(loaded: &Arc<Loaded>, c: &Center, locale: Locale) -> impl IntoView {
    let lang = locale.lang();
    let specialties = c
        .specialties
        .iter()
        .map(|code| {
            let label = loaded.dataset.specialty_label(code, lang).to_string();
            let care = c.care.iter().find(|k| k.code == *code);
            let said = care
                .map(|k| care_words(k, locale))
                .filter(|w| !w.is_empty());
            let note = care.and_then(|k| data_text(&k.note, locale));
            view! {
                <li>
                    {label}
                    {said.map(|w| view! { " — "<span class="care">{w}</span> })}
                    {note.map(|n| view! { <div class="care-note">{n}</div> })}
                </li>
            }
        })
        .collect_view();
    let capacity = c.capacity.as_ref().map(|cap| {
        let text = capacity_text(locale, cap);
        view! { <Field label=td_string!(locale, detail_capacity)>{text}</Field> }
    });
    let summary = data_text(&c.summary, locale).map(|s| {
        view! { <Field label=td_string!(locale, detail_about)>{s}</Field> }
    });
    let languages = (!c.languages.is_empty()).then(|| {
        let languages = c.languages.join(", ");
        view! { <Field label=td_string!(locale, detail_languages)>{languages}</Field> }
    });
    let children = children_text(loaded, c, locale);
    view! {
        <Field label=td_string!(locale, detail_specialties)><ul>{specialties}</ul></Field>
        <Field label=td_string!(locale, detail_pediatric)>{children}</Field>
        {capacity}
        {hubs(loaded, c, locale)}
        {summary}
        {figures(&c.figures, locale)}
        {languages}
        {access(c, locale)}
    }
}

/// What the sources say of one specialty here, in words: for children or adults only, ages,
/// planned, since when.
fn care_words(k: &Care, locale: Locale) -> String {
    let mut words: Vec<String> = Vec::new();
    match k.children {
        Some(true) => words.push(td_string!(locale, care_children).to_string()),
        Some(false) => words.push(td_string!(locale, care_adults_only).to_string()),
        None => {}
    }
    match (k.min_age, k.max_age) {
        (Some(min), Some(max)) => words.push(td_string!(locale, care_ages, min = min, max = max)),
        (Some(min), None) => words.push(td_string!(locale, care_from_age, min = min)),
        (None, Some(max)) => words.push(td_string!(locale, care_up_to_age, max = max)),
        (None, None) => {}
    }
    if k.status == Status::Planned {
        words.push(td_string!(locale, care_planned).to_string());
    }
    if let Some(date) = &k.since {
        words.push(td_string!(locale, care_since, date = date));
    }
    words.join(", ")
}

/// Figures the sources give ("17: operations done ...").
fn figures(figures: &[Figure], locale: Locale) -> Option<impl IntoView> {
    let items: Vec<_> = figures
        .iter()
        .map(|f| {
            let lang = locale.lang();
            let number = match f.up_to {
                Some(hi) => format!("{}–{}", lang.number(f.value), lang.number(hi)),
                None => lang.number(f.value),
            };
            let when = f.date.as_ref().map(|d| format!(" ({d})"));
            view! { <li><strong>{number}</strong>" "{data_text(&f.what, locale)}{when}</li> }
        })
        .collect();
    (!items.is_empty())
        .then(|| view! { <Field label=td_string!(locale, detail_figures)><ul>{items}</ul></Field> })
}

/// Whether it treats patients from other countries, how patients come, how to ask for an
/// appointment: only what a source says.
fn access(c: &Center, locale: Locale) -> Option<impl IntoView> {
    let a = c.access.as_ref()?;
    let foreign = a.foreign_patients.map(|yes| {
        if yes {
            td_string!(locale, access_foreign_yes)
        } else {
            td_string!(locale, access_foreign_no)
        }
    });
    let how = data_text(&a.how, locale);
    let appointment = data_text(&a.appointment, locale).map(|t| {
        view! { <Field label=td_string!(locale, detail_appointment)>{t}</Field> }
    });
    let main = (foreign.is_some() || how.is_some()).then(|| {
        view! {
            <Field label=td_string!(locale, detail_access)>
                {foreign.map(|f| view! { <p>{f}</p> })}
                {how.map(|h| view! { <p>{h}</p> })}
            </Field>
        }
    });
    Some(view! { {main}{appointment} })
}

/// How to reach the center, the detail's last part: its website (only ever an http(s) link),
/// phone (`tel:`) and e-mail (`mailto:`); else those of the center it belongs to, saying so;
/// else those of its country's health ministry, saying so, each phone with its source and
/// date; else plainly that none is known.
pub(crate) fn reach(loaded: &Loaded, c: &Center, locale: Locale) -> impl IntoView {
    let d = &loaded.dataset;
    let reach = d.reach(c);
    let note = match &reach.whose {
        Whose::Own => None,
        Whose::Parent(id) => d.center(id).map(|p| {
            let name = p.name_in(locale.lang()).to_string();
            let words = td_string!(locale, reach_parent);
            view! { <p class="reach-note">{words}" "{link_to(p.id.clone(), name)}</p> }.into_any()
        }),
        Whose::Authority(country) => d.authority(*country).map(|a| {
            let words = td_string!(locale, reach_authority);
            view! { <p class="reach-note">{words}" "{authority_name(a, locale)}</p> }.into_any()
        }),
        Whose::Unknown => {
            Some(view! { <p class="reach-note">{td_string!(locale, reach_unknown)}</p> }.into_any())
        }
    };
    let contacts = reach.contacts.map(|k| {
        let website = k.website.map(|url| {
            let text = url.clone();
            view! {
                <Field label=td_string!(locale, detail_website)>
                    <a href=url target="_blank" rel="noopener noreferrer">{text}</a>
                </Field>
            }
        });
        let phone: Vec<_> = k
            .phones
            .into_iter()
            .map(|p| {
                let line = phone_line(p, locale, false);
                view! { <Field label=td_string!(locale, detail_phone)>{line}</Field> }
            })
            .collect();
        let email = k.email.map(|e| {
            let link = link_or_text(e, k.mailto_uri);
            view! { <Field label=td_string!(locale, detail_email)>{link}</Field> }
        });
        view! { <dl>{website}{phone}{email}</dl> }
    });
    view! {
        <section class="reach" aria-labelledby=dom_ids::DETAIL_REACH>
            <h3 id=dom_ids::DETAIL_REACH>{td_string!(locale, reach_heading)}</h3>
            {note}
            {contacts}
        </section>
    }
}

/// A health ministry's name in the reader's language (marked when it is a translation), a link
/// to its website.
fn authority_name(a: &Authority, locale: Locale) -> AnyView {
    let (lang, text) = a.name_text_in(locale.lang());
    let name = marked_text(text, lang.code(), locale);
    match a.safe_website() {
        Some(url) => {
            let url = url.to_string();
            view! { <a href=url target="_blank" rel="noopener noreferrer">{name}</a> }.into_any()
        }
        None => name,
    }
}

/// Memoranda with other centers (each a link to it) and the events it took part in.
fn cooperation(loaded: &Arc<Loaded>, c: &Center, locale: Locale) -> impl IntoView {
    let lang = locale.lang();
    let d = &loaded.dataset;
    let partnerships: Vec<_> = d
        .partnerships
        .iter()
        .filter(|p| p.a == c.id || p.b == c.id)
        .map(|p| {
            let other = if p.a == c.id { &p.b } else { &p.a };
            let name = d
                .center(other)
                .map_or_else(|| other.clone(), |o| o.name_in(lang).to_string());
            let lang = locale.lang();
            let facts: Vec<&str> = p
                .date
                .as_deref()
                .into_iter()
                .chain(
                    [&p.occasion, &p.scope]
                        .into_iter()
                        .filter_map(|t| lang.text_in(t).map(|t| t.as_str())),
                )
                .collect();
            view! { <li>{link_to(other.clone(), name)}": "<bdi>{facts.join("; ")}</bdi></li> }
        })
        .collect();
    let partnerships = (!partnerships.is_empty()).then(|| {
        view! { <Field label=td_string!(locale, detail_partnerships)><ul>{partnerships}</ul></Field> }
    });
    let events: Vec<_> = d
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
                    .map(|city| shifo_core::geo::places::city_name(city, lang))
                    .collect();
                view! { " ("<bdi>{names.join(", ")}</bdi>")" }
            });
            view! { <li><bdi>{e.title_in(lang).to_string()}</bdi>{when}{cities}</li> }
        })
        .collect();
    let events = (!events.is_empty()).then(
        || view! { <Field label=td_string!(locale, detail_events)><ul>{events}</ul></Field> },
    );
    view! { {partnerships}{events} }
}

/// Sources, the date of the newest (said to be old when it is), and the day they were read.
fn provenance(c: &Center, locale: Locale) -> impl IntoView {
    let sources = c
        .sources
        .iter()
        .map(|s| view! { <SourceItem source=s.clone() locale/> })
        .collect_view();
    let last_verified = c.last_verified.clone().map(|d| {
        let text = d.clone();
        view! { <Field label=td_string!(locale, detail_last_verified)><time datetime=d>{text}</time></Field> }
    });
    // How current the facts are: the day the sources were read says nothing of that.
    let old = c.sources_are_old().then(|| {
        let warning = match c.newest_source() {
            Some(_) => td_string!(locale, detail_sources_old),
            None => td_string!(locale, detail_sources_undated),
        };
        view! { <strong class="sources-old">{warning}</strong> }
    });
    let newest = c.newest_source().map(|d| {
        let text = d.to_string();
        view! { <time datetime=d.to_string()>{text}</time>" " }
    });
    let newest = (newest.is_some() || old.is_some()).then(|| {
        view! { <Field label=td_string!(locale, detail_newest_source)>{newest}{old}</Field> }
    });
    view! {
        <Field label=td_string!(locale, detail_sources)><ul>{sources}</ul></Field>
        {newest}
        {last_verified}
    }
}
