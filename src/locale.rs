//! Texts built from data in the reader's language (country names, capacities, dataset
//! problems), the isolation of data inside our sentences, and the locale last shown for code
//! outside the reactive system.

use std::cell::Cell;

use shifo_core::dataset::text::{Made, Tag};
use shifo_core::decimal::shortest;
use shifo_core::geo::near::Away;
use shifo_core::output::embed::Fixed;
use shifo_core::query::suggest::Suggestion;
use shifo_core::{ChildrenBadge, Country, Lang, Problem, ProblemKind};

use crate::i18n::{td_string, Locale};

thread_local! {
    /// The locale last applied, for code outside the reactive system (the panic notice).
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::en) };
}

/// Records the locale now shown.
pub fn remember(locale: Locale) {
    CURRENT.with(|c| c.set(locale));
}

/// The locale now shown, read without the reactive system.
pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

/// What a lock fixes, in words: "Country: Uzbekistan, Tajikistan", "Treats children".
pub fn fixed_text(locale: Locale, fixed: Fixed) -> String {
    let (legend, values): (&str, Vec<String>) = match fixed {
        Fixed::Countries(cs) => (
            td_string!(locale, country_legend),
            cs.into_iter().map(|c| country_name(locale, c)).collect(),
        ),
        Fixed::Specialties(names) => (
            td_string!(locale, specialty_legend),
            names.into_iter().map(str::to_string).collect(),
        ),
        Fixed::Hubs(names) => (
            td_string!(locale, hub_legend),
            names.into_iter().map(str::to_string).collect(),
        ),
        Fixed::Children => return td_string!(locale, pediatric_label).to_string(),
    };
    format!("{legend}: {}", values.join(", "))
}

/// "12 centers" in `locale`, with its plural form: one function for every place that says it,
/// since each use of the macro adds every language's plural rules to the app.
pub fn centers_count(locale: Locale, count: usize) -> String {
    with_number(
        td_string!(locale, results_count, count = count).to_string(),
        count as f64,
        locale,
    )
}

/// `text`, a phrase the locale file made of the number `n` in plain digits, with `n` written
/// as the reader's language writes numbers ("30 000 пациентов"): the plural rules need the
/// number, the reader its grouped form.
fn with_number(text: String, n: f64, locale: Locale) -> String {
    let plain = shortest(n);
    match text.find(&plain) {
        Some(at) => format!(
            "{}{}{}",
            &text[..at],
            locale.lang().number(n),
            &text[at + plain.len()..]
        ),
        None => text,
    }
}

/// A center's children's badge in `locale` ([`ChildrenBadge`]): "Treats children", "For
/// children: Proton therapy", "Proton therapy — for children: not stated"; `None` for no badge.
pub fn children_badge_text(
    locale: Locale,
    badge: &ChildrenBadge,
    dataset: &shifo_core::Dataset,
) -> Option<String> {
    let lang = locale.lang();
    let labels = |codes: &[&str]| {
        let labels: Vec<&str> = codes
            .iter()
            .map(|code| dataset.specialty_label(code, lang))
            .collect();
        labels.join(", ")
    };
    Some(match badge {
        ChildrenBadge::None => return None,
        ChildrenBadge::Treats => td_string!(locale, badge_pediatric).to_string(),
        ChildrenBadge::Gets(codes) => {
            td_string!(locale, badge_children_for, services = labels(codes)).to_string()
        }
        ChildrenBadge::NotStated(codes) => {
            td_string!(locale, badge_children_not_stated, services = labels(codes)).to_string()
        }
    })
}

/// What kind of thing a search suggestion is ("city"), in `locale`.
pub fn offer_kind(locale: Locale, offer: &Suggestion) -> &'static str {
    match offer {
        Suggestion::Condition { .. } => td_string!(locale, suggest_condition),
        Suggestion::City { .. } => td_string!(locale, suggest_city),
        Suggestion::Center { .. } => td_string!(locale, suggest_center),
    }
}

/// How far a center is, in `locale`: "in your city", "≈ 302 km in a straight line".
pub fn away_text(locale: Locale, away: Away) -> String {
    match away {
        Away::InHomeCity => td_string!(locale, near_in_home_city).to_string(),
        Away::UnderOneKm => td_string!(locale, near_under_1_km).to_string(),
        Away::Km(km) => with_number(
            td_string!(locale, near_km, km = km).to_string(),
            km as f64,
            locale,
        ),
    }
}

/// A country's name in `locale`.
pub fn country_name(locale: Locale, country: Country) -> String {
    match country {
        Country::KZ => td_string!(locale, country_KZ),
        Country::UZ => td_string!(locale, country_UZ),
        Country::KG => td_string!(locale, country_KG),
        Country::TJ => td_string!(locale, country_TJ),
        Country::TM => td_string!(locale, country_TM),
    }
    .to_string()
}

/// A center's capacity in `locale`: beds, patients a year, then the source's note.
pub fn capacity_text(locale: Locale, cap: &shifo_core::Capacity) -> String {
    let mut facts = Vec::new();
    if let Some(beds) = cap.beds {
        let text = td_string!(locale, capacity_beds, count = beds).to_string();
        facts.push(with_number(text, f64::from(beds), locale));
    }
    if let Some(n) = cap.patients_per_year {
        let text = td_string!(locale, capacity_patients, count = n).to_string();
        facts.push(with_number(text, f64::from(n), locale));
    }
    facts.extend(locale.lang().text_in(&cap.note).map(|t| t.text.clone()));
    facts.join("; ")
}

/// A language named in the reader's `locale` ("русский" to a Russian reader, "rus tili" to an
/// Uzbek one), for one of the interface languages, its script added when the tag names one
/// ("oʻzbek tili (uz-Cyrl)"); any other tag as written (`fr`).
pub fn language_name(locale: Locale, tag: Tag) -> String {
    let code = tag.as_str();
    let primary = code.split('-').next().unwrap_or(code);
    let Some(lang) = Lang::from_code(primary).filter(|l| l.code() == primary) else {
        return code.to_string();
    };
    let name = lang_name(locale, lang);
    if code == primary {
        name.to_string()
    } else {
        format!("{name} ({code})")
    }
}

/// One of the interface languages named in the reader's `locale`.
pub fn lang_name(locale: Locale, lang: Lang) -> &'static str {
    match lang {
        Lang::En => td_string!(locale, lang_name_en),
        Lang::Ru => td_string!(locale, lang_name_ru),
        Lang::Kk => td_string!(locale, lang_name_kk),
        Lang::Uz => td_string!(locale, lang_name_uz),
        Lang::Ky => td_string!(locale, lang_name_ky),
        Lang::Tg => td_string!(locale, lang_name_tg),
        Lang::Tk => td_string!(locale, lang_name_tk),
    }
}

/// How a text was made, in `locale` ("translated from Russian"); `None` for an original.
pub fn made_note(locale: Locale, made: Made) -> Option<String> {
    match made {
        Made::Original => None,
        Made::TranslatedFrom(t) => Some(td_string!(
            locale,
            made_translated,
            lang = language_name(locale, t)
        )),
        Made::TransliteratedFrom(t) => Some(td_string!(
            locale,
            made_transliterated,
            lang = language_name(locale, t)
        )),
    }
}

/// Data text set inside a sentence of ours, between Unicode's first-strong isolate and pop
/// directional isolate: a right-to-left override in the data then cannot run on into our
/// words. Where data is an element of its own, `<bdi>` does the same without the marks.
pub fn isolate(data: &str) -> String {
    format!("\u{2068}{data}\u{2069}")
}

/// A dataset problem, located, in `locale`: "line L, column C: $.path: message".
pub fn problem_text(locale: Locale, p: &Problem) -> String {
    let message = problem_message(locale, &p.kind);
    match p.at {
        Some(at) => td_string!(
            locale,
            problem_at,
            line = at.line,
            column = at.column,
            path = p.path.to_string(),
            message = message
        )
        .to_string(),
        None => format!("{}: {message}", p.path),
    }
}

/// What is wrong, in `locale`.
pub fn problem_message(locale: Locale, kind: &ProblemKind) -> String {
    use ProblemKind as K;
    let l = locale;
    match kind {
        K::UnknownField(name) => td_string!(l, problem_unknown_field, name = name).to_string(),
        K::MissingField(name) => td_string!(l, problem_missing_field, name = name).to_string(),
        K::DuplicateField(name) => td_string!(l, problem_duplicate_field, name = name).to_string(),
        K::WrongType { expected, found } => {
            td_string!(l, problem_wrong_type, expected = expected, found = found).to_string()
        }
        K::NotOneOf { found, allowed } => td_string!(
            l,
            problem_not_one_of,
            found = found,
            allowed = allowed.join(", ")
        )
        .to_string(),
        K::NotAWholeNumber(raw) => td_string!(l, problem_not_whole_number, raw = raw).to_string(),
        K::UnsupportedVersion(v) => td_string!(
            l,
            problem_unsupported_version,
            found = v,
            supported = shifo_core::dataset::model::SCHEMA_VERSION
        )
        .to_string(),
        K::DuplicateId(id) => td_string!(l, problem_duplicate_id, id = id).to_string(),
        K::BadId(id) => td_string!(l, problem_bad_id, id = id).to_string(),
        K::Empty(field) => td_string!(l, problem_empty, field = field).to_string(),
        K::UnknownSpecialty(code) => {
            td_string!(l, problem_unknown_specialty, code = code).to_string()
        }
        K::DuplicateSpecialty(code) => {
            td_string!(l, problem_duplicate_specialty, code = code).to_string()
        }
        K::BadSpecialtyCode(code) => {
            td_string!(l, problem_bad_specialty_code, code = code).to_string()
        }
        K::BadCoordinates { lat, lon } => {
            let (lat, lon) = (shortest(*lat), shortest(*lon));
            td_string!(l, problem_bad_coordinates, lat = lat, lon = lon).to_string()
        }
        K::OutsideCountry { country, lat, lon } => td_string!(
            l,
            problem_outside_country,
            lat = shortest(*lat),
            lon = shortest(*lon),
            country = country_name(l, *country)
        )
        .to_string(),
        K::UnknownCenter(id) => td_string!(l, problem_unknown_center, id = id).to_string(),
        K::BadUrl(url) => td_string!(l, problem_bad_url, url = url).to_string(),
        K::BadPhone(phone) => td_string!(l, problem_bad_phone, phone = phone).to_string(),
        K::BadAuthorityPhone(phone) => {
            td_string!(l, problem_bad_authority_phone, phone = phone).to_string()
        }
        K::DuplicateCountry(country) => {
            td_string!(l, problem_duplicate_country, country = country.code()).to_string()
        }
        K::BadEmail(email) => td_string!(l, problem_bad_email, email = email).to_string(),
        K::BadDate(date) => td_string!(l, problem_bad_date, date = date).to_string(),
        K::NoSource => td_string!(l, problem_no_source).to_string(),
        K::UncheckableSource => td_string!(l, problem_uncheckable_source).to_string(),
        K::CityPrecision => td_string!(l, problem_city_precision).to_string(),
        K::MissingName(lang) => td_string!(l, problem_missing_name, lang = lang).to_string(),
        K::NotVerified => td_string!(l, problem_not_verified).to_string(),
        K::EmptyLabel => td_string!(l, problem_empty_label).to_string(),
        K::Unreadable(message) => td_string!(l, problem_unreadable, message = message).to_string(),
        K::RegionPrecision => td_string!(l, problem_region_precision).to_string(),
        K::NotATranslationLanguage(code) => {
            td_string!(l, problem_not_a_translation_language, code = code)
        }
        K::NoOriginal(from) => td_string!(l, problem_no_original, from = from),
        K::AliasOfAnother { alias, center } => {
            td_string!(l, problem_alias_of_another, alias = alias, center = center)
        }
        K::BuildingWithoutAddress => td_string!(l, problem_building_without_address).to_string(),
        K::CareNotListed(code) => td_string!(l, problem_care_not_listed, code = code),
        K::ChildrenContradiction(code) => {
            td_string!(l, problem_children_contradiction, code = code)
        }
        K::NoSuchSource(index) => td_string!(l, problem_no_such_source, index = index),
        K::AgeRange { min, max } => td_string!(l, problem_age_range, min = min, max = max),
        K::IncompleteCitation => td_string!(l, problem_incomplete_citation).to_string(),
    }
}
