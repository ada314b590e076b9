//! The referral sheet: one center on a printable page, in the reader's language and a second
//! one for the receiving clinic (English or Russian), with a QR code of its permalink. Only
//! public facts about the center; nothing about the patient is asked for or sent.

use leptos::prelude::*;
use shifo_core::referral::{self, Bilingual, Sheet, QUIET_ZONE};
use wasm_bindgen::JsCast;

use crate::history;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::locale::{capacity_text, country_name, lang_of, locale_of};
use crate::state::AppState;

/// A text in both languages: the reader's first, the clinic's after it, each marked with its
/// language so a screen reader pronounces it right.
fn both(b: &Bilingual) -> impl IntoView {
    let first = b.first.clone();
    let second = b.second.clone().map(|s| {
        view! { <span class="second" lang=s.lang.code()>{s.text}</span> }
    });
    view! { <span lang=first.lang.code()>{first.text}</span>{second} }
}

/// One of the app's texts in both languages ("Yes / Да"), each marked with its language.
fn words(first: Locale, second: Option<Locale>, key: fn(Locale) -> String) -> impl IntoView {
    let one = key(first);
    let two = second.map(key).filter(|s| *s != one);
    view! {
        <span lang=lang_of(first).code()>{one}</span>
        {two.map(|s| view! { <span class="second" lang=second.map(|l| lang_of(l).code())>{s}</span> })}
    }
}

/// A row's label in both languages ("Specialties / Специализации").
fn label(first: Locale, second: Option<Locale>, key: fn(Locale) -> String) -> impl IntoView {
    view! { <dt>{words(first, second, key)}</dt> }
}

/// The sheet for the selected center.
#[component]
pub fn ReferralSheet() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    // A new page: start at its top, with focus on its heading (on a phone the detail it was
    // opened from sits far down the page).
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(h) = document()
            .get_element_by_id("referral-heading")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
    move || {
        let loaded = state.loaded()?;
        let center = state.selected()?;
        let locale = i18n.get_locale();
        let lang = lang_of(locale);
        let data = state.view.with(|v| v.data.clone());
        let link = referral::permalink(&history::page_base(), &center.id, lang, data.as_deref());
        let s: Sheet = referral::sheet(&loaded.dataset, &center, lang, &link);
        let second = s.second.map(locale_of);
        let row = move |key: fn(Locale) -> String| label(locale, second, key);

        let specialties: Vec<_> = s
            .specialties
            .iter()
            .map(|sp| view! { <li>{both(&sp.label)}</li> })
            .collect();
        // The answer in both languages too, as every other value of the sheet.
        let yes = move || words(locale, second, |l| td_string!(l, yes).to_string());
        let pediatric = match &s.pediatric {
            None => words(locale, second, |l| {
                td_string!(l, pediatric_unknown).to_string()
            })
            .into_any(),
            Some(p) if !p.treats_children => {
                words(locale, second, |l| td_string!(l, no).to_string()).into_any()
            }
            Some(p) if p.services.is_empty() => yes().into_any(),
            Some(p) => {
                let items: Vec<_> = p
                    .services
                    .iter()
                    .map(|sp| view! { <li>{both(&sp.label)}</li> })
                    .collect();
                view! { {yes()}<ul>{items}</ul> }.into_any()
            }
        };
        let capacity = s.capacity.as_ref().map(|cap| {
            view! { {row(|l| td_string!(l, detail_capacity).to_string())}<dd>{capacity_text(locale, cap)}</dd> }
        });
        let other_names = (!s.other_names.is_empty()).then(|| {
            let items: Vec<_> = s
                .other_names
                .iter()
                .map(|(l, n)| view! { <li lang=l.clone()>{n.clone()}</li> })
                .collect();
            view! { {row(|l| td_string!(l, detail_other_names).to_string())}<dd><ul>{items}</ul></dd> }
        });
        let address = s.address.clone().map(|a| {
            view! { {row(|l| td_string!(l, detail_address).to_string())}<dd>{a}</dd> }
        });
        let part_of = s.part_of.as_ref().map(|p| {
            view! { {row(|l| td_string!(l, detail_part_of).to_string())}<dd>{both(p)}</dd> }
        });
        let phone = s.phone.clone().map(|p| {
            let link = s.tel_uri.clone().map_or_else(
                || p.clone().into_any(),
                |u| view! { <a href=u>{p.clone()}</a> }.into_any(),
            );
            view! { {row(|l| td_string!(l, detail_phone).to_string())}<dd>{link}</dd> }
        });
        let email = s.email.clone().map(|e| {
            let link = s.mailto_uri.clone().map_or_else(
                || e.clone().into_any(),
                |u| view! { <a href=u>{e.clone()}</a> }.into_any(),
            );
            view! { {row(|l| td_string!(l, detail_email).to_string())}<dd>{link}</dd> }
        });
        let website = s.website.clone().map(|w| {
            view! { {row(|l| td_string!(l, detail_website).to_string())}<dd><a href=w.clone() rel="noopener noreferrer">{w.clone()}</a></dd> }
        });
        let sources: Vec<_> = s
            .sources
            .iter()
            .map(|src| {
                let title = src.title.clone();
                let title = match &src.url {
                    Some(u) => {
                        view! { <a href=u.clone() rel="noopener noreferrer">{title}</a> }.into_any()
                    }
                    None => view! { <cite>{title}</cite> }.into_any(),
                };
                let url = src
                    .url
                    .clone()
                    .map(|u| view! { <span class="source-url">{u}</span> });
                let file = src
                    .file
                    .as_ref()
                    .map(|f| format!(" ({})", td_string!(locale, source_seed_file, file = f)));
                let date = src.date.as_ref().map(|d| format!(", {d}"));
                view! { <li>{title}{date}{file}{url}</li> }
            })
            .collect();
        let last_verified = s.last_verified.clone().map(|d| {
            view! { {row(|l| td_string!(l, detail_last_verified).to_string())}<dd>{d}</dd> }
        });
        let qr = s.qr.as_ref().ok().map(|q| {
            let label = td_string!(locale, referral_qr_label).to_string();
            view! {
                <svg class="qr" role="img" aria-label=label viewBox=q.view_box(QUIET_ZONE) shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff"/>
                    <path d=q.svg_path(QUIET_ZONE) fill="#000"/>
                </svg>
            }
        });
        let caption = td_string!(locale, referral_qr_caption).to_string();
        let print = move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        };
        let back = move |_| {
            state.open_sheet(false);
            // Back on the map, focus returns to the button that opened the sheet.
            crate::focus::focus_id_later("referral-open");
        };
        let country = country_name(locale, s.country);
        let country_second = second
            .map(|l| country_name(l, s.country))
            .filter(|c| *c != country);
        Some(view! {
            <article class="referral" aria-labelledby="referral-heading">
                <div class="referral-actions">
                    <button type="button" class="secondary" on:click=back>{t!(i18n, referral_back)}</button>
                    <button type="button" on:click=print>{t!(i18n, referral_print)}</button>
                </div>
                <p class="referral-kind">{t!(i18n, referral_heading)}</p>
                <h2 id="referral-heading" tabindex="-1">{both(&s.name)}</h2>
                <div class="referral-body">
                    <dl>
                        {other_names}
                        {row(|l| td_string!(l, detail_country).to_string())}
                        <dd>{country.clone()}{country_second.map(|c| view! { <span class="second">{c}</span> })}</dd>
                        {row(|l| td_string!(l, detail_city).to_string())}<dd>{both(&s.city)}</dd>
                        {address}
                        {part_of}
                        {row(|l| td_string!(l, detail_specialties).to_string())}<dd><ul>{specialties}</ul></dd>
                        {row(|l| td_string!(l, detail_pediatric).to_string())}<dd>{pediatric}</dd>
                        {capacity}
                        {phone}
                        {email}
                        {website}
                        {row(|l| td_string!(l, detail_sources).to_string())}<dd class="sources"><ul>{sources}</ul></dd>
                        {last_verified}
                    </dl>
                    <figure class="referral-qr">
                        {qr}
                        <figcaption>{caption}<br/><span class="permalink">{s.permalink.clone()}</span></figcaption>
                    </figure>
                </div>
                <p class="referral-privacy">{t!(i18n, referral_privacy)}</p>
            </article>
        })
    }
}
