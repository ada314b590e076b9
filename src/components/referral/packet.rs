//! The shortlist side by side, and printed as one referral packet: a table of what tells the
//! centers apart (care for children, distance from home, size, languages, how to reach them,
//! sources and their dates), then each center's full sheet, and one QR code that reopens the
//! whole shortlist.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::geo::near::Away;
use shifo_core::output::shortlist::{packet, Column};
use shifo_core::ViewState;

use super::facts::{both, children, contacts, facts, Pair};
use super::{qr_code, start_at_top, HEADING};
use crate::components::share::{share, Shared};
use crate::history;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::locale::{away_text, capacity_text, country_name};
use crate::state::AppState;

/// The address that reopens `view`'s shortlist side by side, in `lang`.
fn shortlist_link(view: &ViewState, lang: shifo_core::Lang) -> String {
    let only = ViewState {
        list: view.list.clone(),
        compare: true,
        lang: Some(lang),
        data: view.data.clone(),
        ..ViewState::default()
    };
    format!("{}?{}", history::page_base(), only.to_query())
}

/// "Back to the map", "Share this shortlist" (with what became of it) and "Print".
#[component]
fn Actions(link: String, title: String) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let shared = RwSignal::new(None::<Shared>);
    let on_share = move |_| {
        let (link, title) = (link.clone(), title.clone());
        spawn_local(async move { shared.set(Some(share(&title, &link).await)) });
    };
    let said = move || {
        let locale = i18n.get_locale();
        shared.get().map(|s| match s {
            Shared::Sheet => td_string!(locale, compare_shared),
            Shared::Copied => td_string!(locale, compare_copied),
            Shared::Failed => td_string!(locale, share_failed),
        })
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="referral-actions">
            <button type="button" class="secondary" on:click=move |_| state.open_compare(false)>{t!(i18n, referral_back)}</button>
            <button type="button" class="secondary" on:click=on_share>{t!(i18n, compare_share)}</button>
            <button type="button" on:click=print>{t!(i18n, referral_print)}</button>
            <p class="share-status" role="status">{said}</p>
        </div>
    }
}

/// One row of the table: a fact's label, then its value for each center.
fn row(label: String, cells: Vec<AnyView>) -> impl IntoView {
    let cells: Vec<_> = cells.into_iter().map(|c| view! { <td>{c}</td> }).collect();
    view! { <tr><th scope="row">{label}</th>{cells}</tr> }
}

/// The table of what tells the shortlisted centers apart; `away` is how far each is from home.
fn table(columns: &[Column], away: &[Option<Away>], pair: Pair) -> impl IntoView {
    let locale = pair.first;
    let each = |f: &dyn Fn(&Column) -> AnyView| columns.iter().map(f).collect::<Vec<_>>();
    let heads: Vec<_> = columns
        .iter()
        .map(|c| view! { <th scope="col">{both(&c.sheet.name)}</th> })
        .collect();
    let place = each(&|c| {
        let s = &c.sheet;
        let country = country_name(locale, s.country);
        view! { {both(&s.city)}", "{country} }.into_any()
    });
    let distance = away.iter().any(Option::is_some).then(|| {
        let cells = away
            .iter()
            .map(|a| a.map(|a| away_text(locale, a)).into_any())
            .collect();
        row(td_string!(locale, compare_distance).to_string(), cells)
    });
    let kids = each(&|c| children(&c.sheet, pair).into_any());
    let capacity = each(&|c| {
        let cap = c.sheet.capacity.as_ref();
        cap.map(|cap| capacity_text(locale, cap)).into_any()
    });
    let languages = each(&|c| c.sheet.languages.join(", ").into_any());
    let reach = each(&|c| view! { <dl>{contacts(&c.sheet, pair)}</dl> }.into_any());
    let sources = each(&|c| {
        let items: Vec<_> = c
            .sheet
            .sources
            .iter()
            .map(|s| {
                let date = s.date.clone().map(|d| format!(" ({d})"));
                view! { <li>{s.title.clone()}{date}</li> }
            })
            .collect();
        view! { <ul>{items}</ul> }.into_any()
    });
    view! {
        <div class="compare-scroll">
            <table class="compare">
                <thead><tr><th scope="col">{td_string!(locale, compare_center)}</th>{heads}</tr></thead>
                <tbody>
                    {row(td_string!(locale, detail_city).to_string(), place)}
                    {distance}
                    {row(td_string!(locale, detail_pediatric).to_string(), kids)}
                    {row(td_string!(locale, detail_capacity).to_string(), capacity)}
                    {row(td_string!(locale, detail_languages).to_string(), languages)}
                    {row(td_string!(locale, reach_heading).to_string(), reach)}
                    {row(td_string!(locale, detail_sources).to_string(), sources)}
                </tbody>
            </table>
        </div>
    }
}

/// The shortlist side by side, then each center's sheet, with one QR code.
#[component]
pub(crate) fn ComparePage() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    start_at_top();
    move || {
        let loaded = state.loaded()?;
        let locale = i18n.get_locale();
        let lang = locale.lang();
        let view = state.view.get();
        let link = shortlist_link(&view, lang);
        let home = state.here.get().or_else(|| view.near_place().map(|p| p.at));
        let p = packet(&loaded.dataset, &view.list, lang, home, &link);
        let pair = Pair {
            first: locale,
            second: p
                .columns
                .first()
                .and_then(|c| c.sheet.second)
                .map(Locale::of)
                .filter(|l| i18n.available(*l)),
        };
        let home_city = state.home_city_untracked();
        let away: Vec<Option<Away>> = p
            .columns
            .iter()
            .map(|c| {
                let center = loaded.dataset.center(&c.sheet.center_id)?;
                Some(Away::of(center, c.km_from_home?, home_city))
            })
            .collect();
        let title = td_string!(locale, shortlist_heading).to_string();
        let qr =
            p.qr.as_ref()
                .ok()
                .map(|q| qr_code(q, td_string!(locale, compare_qr_label).to_string()));
        let sheets: Vec<_> = p
            .columns
            .iter()
            .map(|c| {
                view! {
                    <section class="packet-sheet">
                        <h3>{both(&c.sheet.name)}</h3>
                        <dl>{facts(&c.sheet, pair)}</dl>
                    </section>
                }
            })
            .collect();
        Some(view! {
            <article class="referral packet" aria-labelledby=HEADING>
                <Actions link=link.clone() title=title.clone()/>
                <p class="referral-kind">{t!(i18n, compare_kind)}</p>
                <h2 id=HEADING tabindex="-1">{title}</h2>
                {table(&p.columns, &away, pair)}
                <figure class="referral-qr">
                    {qr}
                    <figcaption>{td_string!(locale, compare_qr_caption)}<br/><span class="permalink">{link}</span></figcaption>
                </figure>
                {sheets}
                <p class="referral-privacy">{t!(i18n, referral_privacy)}</p>
            </article>
        })
    }
}
