//! The pieces a center's detail and its referral sheet share: a labelled fact, a contact that
//! is a link only when it is a safe one, and a source a doctor can open or find.

use leptos::prelude::*;
use shifo_core::dataset::reach::PhoneContact;
use shifo_core::dataset::text::{Text, Texts};
use shifo_core::Source;

use crate::i18n::{td_string, Locale};
use crate::locale::made_note;

/// One fact of a center in a description list: its label (`<dt>`) and its value (`<dd>`).
#[component]
pub(crate) fn Field(
    /// What the fact is ("Phone").
    label: impl IntoView + 'static,
    /// A class on the value, for the print layout.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd class=class>{children()}</dd>
    }
}

/// A text of the data in the reader's language (or the nearest there is), marked with its
/// language, and said to be a translation or a transliteration when it is one.
pub(crate) fn data_text(texts: &Texts, locale: Locale) -> Option<AnyView> {
    let lang = locale.lang();
    let code = lang
        .fallbacks()
        .map(|l| l.code())
        .find(|code| texts.text(code).is_some_and(|t| !t.trim().is_empty()))
        .or_else(|| texts.iter().map(|(c, _)| c.as_str()).next())?
        .to_string();
    let text = texts.text(&code)?;
    Some(marked_text(text, &code, locale))
}

/// [`data_text`] and, when the text shown was made from another, that original after it on a
/// line of its own, marked with its language: an address is shown to a driver or written on a
/// letter as its source wrote it.
pub(crate) fn data_text_and_original(texts: &Texts, locale: Locale) -> Option<AnyView> {
    let (code, text) = locale.lang().entry_in(texts)?;
    let original = texts.original_of(code).map(|(code, t)| {
        view! { <span class="original" lang=code.to_string()>{t.text.clone()}</span> }
    });
    Some(view! { {marked_text(text, code, locale)}{original} }.into_any())
}

/// One text with its language and, for a translation or transliteration, a note saying so.
pub(crate) fn marked_text(text: &Text, code: &str, locale: Locale) -> AnyView {
    let note =
        made_note(locale, text.made).map(|n| view! { " "<small class="made">"("{n}")"</small> });
    view! { <span lang=code.to_string()>{text.text.clone()}</span>{note} }.into_any()
}

/// `text` as a link to `href` when there is a safe one (`tel:`, `mailto:`, made by the core),
/// else as plain text.
pub(crate) fn link_or_text(text: String, href: Option<String>) -> AnyView {
    match href {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}

/// A phone number: a `tel:` link where there is a safe one, what the line is for where the
/// data says, and for a health ministry's line whether it works only inside the country and
/// which source gives it, with its date, since such numbers change. On paper (`show_url`)
/// the source's address is written out after it.
pub(crate) fn phone_line(p: PhoneContact, locale: Locale, show_url: bool) -> AnyView {
    let number = link_or_text(p.number, p.tel_uri);
    let label = data_text(&p.label, locale).map(|t| view! { " \u{2014} "{t} });
    let short = p
        .in_country_only
        .then(|| td_string!(locale, reach_short_number).to_string());
    let written = p
        .source
        .as_ref()
        .and_then(|s| s.safe_url())
        .filter(|_| show_url)
        .map(|u| view! { <span class="source-url">{u.to_string()}</span> });
    let source = p.source.map(|s| phone_source(s, locale));
    let note = (short.is_some() || source.is_some()).then(|| {
        let between = (short.is_some() && source.is_some()).then_some("; ");
        view! { " "<small class="phone-note">"("{short}{between}{source}")"</small> }
    });
    view! { {number}{label}{note}{written} }.into_any()
}

/// "source: Publisher, date", the publisher (else the title) a link where the source has a
/// web address, cited as written and marked with the source's language.
fn phone_source(s: Source, locale: Locale) -> impl IntoView {
    // The message places the source; a character no translation has marks where.
    const SLOT: &str = "\u{1}";
    let words = td_string!(locale, reach_phone_source, source = SLOT).to_string();
    let (before, after) = words.split_once(SLOT).unwrap_or((words.as_str(), ""));
    let (before, after) = (before.to_string(), after.to_string());
    let name = s.publisher.clone().unwrap_or_else(|| s.title.clone());
    let cited = match s.safe_url() {
        Some(u) => {
            let u = u.to_string();
            view! { <a href=u target="_blank" rel="noopener noreferrer">{name}</a> }.into_any()
        }
        None => view! { <cite>{name}</cite> }.into_any(),
    };
    let date = s.date.map(|d| format!(", {d}"));
    view! { {before}<span lang=s.lang>{cited}</span>{date}{after} }
}

/// One source: its title (a link where it has a web address), publisher, date and, for an
/// article of the seed corpus, its file; on a printed sheet also the address written out. The
/// title and publisher are cited as written, marked with the source's language.
#[component]
pub(crate) fn SourceItem(
    /// The source.
    source: Source,
    /// The language of our words around it.
    locale: Locale,
    /// Whether to write the address out after the title (paper has no links).
    #[prop(optional)]
    show_url: bool,
) -> impl IntoView {
    let url = source.safe_url().map(str::to_string);
    let lang = source.lang.clone();
    let title = match url.clone() {
        Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{source.title}</a> }
            .into_any(),
        None => view! { <cite>{source.title}</cite> }.into_any(),
    };
    let publisher = source.publisher.map(|p| format!(" \u{2014} {p}"));
    let cited = view! { <span lang=lang>{title}{publisher}</span> };
    let date = source.date.map(|d| format!(", {d}"));
    let file = source
        .file
        .map(|f| format!(" ({})", td_string!(locale, source_seed_file, file = f)));
    let written = url
        .filter(|_| show_url)
        .map(|u| view! { <span class="source-url">{u}</span> });
    view! { <li>{cited}{date}{file}{written}</li> }
}
