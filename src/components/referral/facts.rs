//! The sheet's facts, each label and value in the reader's language with the receiving
//! clinic's beside it, each marked with its language so a screen reader pronounces it right.

use leptos::prelude::*;
use shifo_core::output::referral::{Bilingual, ChildrenCare, ContactsOf, Labelled, Sheet};

use crate::components::fields::{link_or_text, marked_text, phone_line, Field, SourceItem};
use crate::i18n::{td_string, Locale};
use crate::locale::{capacity_text, country_name};

/// The reader's language and, where one is shown, the receiving clinic's.
#[derive(Clone, Copy)]
pub(super) struct Pair {
    /// The reader's.
    pub first: Locale,
    /// The clinic's.
    pub second: Option<Locale>,
}

impl Pair {
    /// One of the app's texts in both languages ("Yes / Да").
    fn words(self, key: fn(Locale) -> String) -> impl IntoView {
        let one = key(self.first);
        let two = self.second.map(key).filter(|s| *s != one);
        let second = self.second.map(|l| l.lang().code());
        view! {
            <span lang=self.first.lang().code()>{one}</span>
            {two.map(|s| view! { <span class="second" lang=second>{s}</span> })}
        }
    }
}

/// A text of the data in both languages: the reader's first, the clinic's after it.
pub(super) fn both(b: &Bilingual) -> impl IntoView + use<> {
    let first = b.first.clone();
    let second = b.second.clone().map(|s| {
        view! { <span class="second" lang=s.lang.code()>{s.text}</span> }
    });
    view! { <span lang=first.lang.code()>{first.text}</span>{second} }
}

/// "Treats children": yes (with the specialties children get, or every one above but some),
/// no, or not stated.
pub(super) fn children(s: &Sheet, pair: Pair) -> AnyView {
    let yes = move || pair.words(|l| td_string!(l, yes).to_string());
    let list = |items: &[Labelled]| {
        let items: Vec<_> = items
            .iter()
            .map(|sp| view! { <li>{both(&sp.label)}</li> })
            .collect();
        view! { <ul>{items}</ul> }
    };
    match (&s.pediatric, s.children_care()) {
        (None, _) => pair
            .words(|l| td_string!(l, pediatric_unknown).to_string())
            .into_any(),
        (Some(_), None) => pair.words(|l| td_string!(l, no).to_string()).into_any(),
        (_, Some(ChildrenCare::Unnamed)) => yes().into_any(),
        (_, Some(ChildrenCare::Listed(items))) => view! { {yes()}{list(&items)} }.into_any(),
        (_, Some(ChildrenCare::AllBut(others))) if others.is_empty() => {
            let all = pair.words(|l| td_string!(l, pediatric_all_specialties).to_string());
            view! { {yes()}<p class="all-but">{all}</p> }.into_any()
        }
        (_, Some(ChildrenCare::AllBut(others))) => {
            let but = pair.words(|l| td_string!(l, pediatric_all_but).to_string());
            view! { {yes()}<p class="all-but">{but}</p>{list(&others)} }.into_any()
        }
    }
}

/// Phone, e-mail and website, each a link only where it is a safe one; a health ministry's
/// phone with the source that gives it, its date and address, for a doctor to check.
pub(super) fn contacts(s: &Sheet, pair: Pair) -> impl IntoView + use<> {
    let label = move |key: fn(Locale) -> String| pair.words(key);
    let phone: Vec<_> = s
        .phones
        .iter()
        .map(|p| {
            let line = phone_line(p.clone(), pair.first, true);
            view! { <Field label=label(|l| td_string!(l, detail_phone).to_string())>{line}</Field> }
        })
        .collect();
    let email = s.email.clone().map(|e| {
        let link = link_or_text(e, s.mailto_uri.clone());
        view! { <Field label=label(|l| td_string!(l, detail_email).to_string())>{link}</Field> }
    });
    let website = s.website.clone().map(|w| {
        let text = w.clone();
        view! {
            <Field label=label(|l| td_string!(l, detail_website).to_string())>
                <a href=w rel="noopener noreferrer">{text}</a>
            </Field>
        }
    });
    // Whose contacts these are, or that none is known: the sheet never ends in a dead end.
    let whose = match &s.contacts_of {
        ContactsOf::Own => None,
        ContactsOf::Parent(name) => {
            let words = pair.words(|l| td_string!(l, reach_parent).to_string());
            let name = both(name);
            Some(view! { <Field label=label(|l| td_string!(l, reach_heading).to_string())>{words}" "{name}</Field> }.into_any())
        }
        ContactsOf::Authority(name) => {
            let words = pair.words(|l| td_string!(l, reach_authority).to_string());
            let name = both(name);
            Some(view! { <Field label=label(|l| td_string!(l, reach_heading).to_string())>{words}" "{name}</Field> }.into_any())
        }
        ContactsOf::Unknown => {
            let words = pair.words(|l| td_string!(l, reach_unknown).to_string());
            Some(view! { <Field label=label(|l| td_string!(l, reach_heading).to_string())>{words}</Field> }.into_any())
        }
    };
    view! { {whose}{phone}{email}{website} }
}

/// Every fact of the sheet, as `<dt>`/`<dd>` pairs.
pub(super) fn facts(s: &Sheet, pair: Pair) -> impl IntoView {
    let locale = pair.first;
    let label = move |key: fn(Locale) -> String| pair.words(key);
    let other_names = (!s.other_names.is_empty()).then(|| {
        let items: Vec<_> = s
            .other_names
            .iter()
            .map(|(l, n)| view! { <li lang=l.clone()>{n.clone()}</li> })
            .collect();
        view! { <Field label=label(|l| td_string!(l, detail_other_names).to_string())><ul>{items}</ul></Field> }
    });
    let country = country_name(locale, s.country);
    let country_second = pair
        .second
        .map(|l| country_name(l, s.country))
        .filter(|c| *c != country)
        .map(|c| view! { <span class="second">{c}</span> });
    let city = both(&s.city);
    let address = s.address.as_ref().map(|a| {
        let (code, text) = &a.shown;
        let shown = marked_text(text, code, locale);
        // The original as its source wrote it, for the clinic and a driver: shown like the
        // clinic's language beside the reader's.
        let original = a.original.clone().map(|(code, t)| {
            view! { <span class="second" lang=code>{t.text}</span> }
        });
        view! { <Field label=label(|l| td_string!(l, detail_address).to_string())>{shown}{original}</Field> }
    });
    let part_of = s.part_of.as_ref().map(|p| {
        let name = both(p);
        view! { <Field label=label(|l| td_string!(l, detail_part_of).to_string())>{name}</Field> }
    });
    let specialties: Vec<_> = s
        .specialties
        .iter()
        .map(|sp| view! { <li>{both(&sp.label)}</li> })
        .collect();
    let children = children(s, pair);
    let capacity = s.capacity.as_ref().map(|cap| {
        let text = capacity_text(locale, cap);
        view! { <Field label=label(|l| td_string!(l, detail_capacity).to_string())>{text}</Field> }
    });
    let sources = s
        .sources
        .iter()
        .map(|src| view! { <SourceItem source=src.clone() locale show_url=true/> })
        .collect_view();
    let more = s.more_sources;
    let more = (more > 0).then(|| {
        view! { <li class="more">{td_string!(locale, referral_more_sources, count = more)}</li> }
    });
    view! {
        {other_names}
        <Field label=label(|l| td_string!(l, detail_country).to_string())>{country}{country_second}</Field>
        <Field label=label(|l| td_string!(l, detail_city).to_string())>{city}</Field>
        {address}
        {part_of}
        <Field label=label(|l| td_string!(l, detail_specialties).to_string())><ul>{specialties}</ul></Field>
        <Field label=label(|l| td_string!(l, detail_pediatric).to_string())>{children}</Field>
        {capacity}
        {contacts(s, pair)}
        <Field label=label(|l| td_string!(l, detail_sources).to_string()) class="sources"><ul>{sources}{more}</ul></Field>
        {source_dates(s, pair)}
    }
}

/// The day the sources were read, the newest one's date, and, when that is old or no source is
/// dated, the warning, on one line (the sheet must keep to one page). The warning is in the
/// reader's language only: it is for the family and the referring doctor, not for the clinic
/// the second language is for.
fn source_dates(s: &Sheet, pair: Pair) -> Option<impl IntoView + use<>> {
    let locale = pair.first;
    let old = s.sources_old.then(|| {
        let warning = match s.newest_source {
            Some(_) => td_string!(locale, detail_sources_old),
            None => td_string!(locale, detail_sources_undated),
        };
        view! { " "<strong class="sources-old">{warning}</strong> }
    });
    let newest = s.newest_source.clone().map(|d| {
        view! { " · "{pair.words(|l| td_string!(l, detail_newest_source).to_string())}": "{d} }
    });
    let read = s.last_verified.clone();
    (read.is_some() || newest.is_some() || old.is_some()).then(|| {
        let label = pair.words(|l| td_string!(l, detail_last_verified).to_string());
        view! { <Field label=label>{read}{newest}{old}</Field> }
    })
}
