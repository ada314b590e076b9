//! Dataset types: the shape of `public/data/centers.json` (schema version 2; a version-1 file
//! is a version-2 file, since version 2 only adds fields and lets some strings be texts by
//! language). `docs/dataset-format.md` describes every field.
//!
//! Unknown fields are rejected so that a typo in a ministry's file ("pediatirc") is reported
//! with its line and column instead of being silently ignored.

pub use crate::dataset::country::Country;
use crate::dataset::text::{texts_or_english, texts_or_undetermined};
pub use crate::dataset::text::{Text, Texts};
use crate::geo::bounds::LatLon;
use crate::lang::Lang;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The newest schema version this build of Shifo reads (it reads every older one too).
pub const SCHEMA_VERSION: u32 = 2;

/// A whole dataset: the specialty vocabulary, the centers and the cooperation between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Optional reference to this schema, so editors can check the file as it is typed.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; this build reads versions 1 and 2 (`SCHEMA_VERSION`).
    pub schema_version: u32,
    /// Free-form release label of the data, shown to users.
    pub version: String,
    /// Day the data was last updated, `YYYY-MM-DD`.
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub updated: String,
    /// Controlled vocabulary of specialty codes.
    pub specialties: Vec<Specialty>,
    /// The medical centers.
    pub centers: Vec<Center>,
    /// Memoranda and agreements between centers.
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
    /// Medicine Days, conferences and similar events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// International hubs: designated or proposed, with their host center where one is named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hubs: Vec<Hub>,
    /// Each country's health ministry: the contact a center's detail ends with when neither
    /// the center nor what it belongs to has one (see [`crate::dataset::reach`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<Authority>,
    /// Languages (codes) whose translations of the texts are in `translations/<code>.json`
    /// beside this file, fetched for readers of that language (see `dataset::translations`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<String>,
}

/// A date as the sources give it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// A stable identifier usable in a URL: lowercase letters, digits and hyphens.
pub const SLUG_PATTERN: &str = "^[a-z0-9-]+$";

/// One entry of the specialty vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Specialty {
    /// Stable code used by centers and in URLs, e.g. `pediatric-oncology`.
    #[cfg_attr(feature = "schema", schemars(pattern(SLUG_PATTERN)))]
    pub code: String,
    /// English label.
    pub label: String,
    /// Labels in other languages, keyed by language code (`ru`, `kk`, ...).
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub labels: Texts,
}

/// A specialty medical center.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Center {
    /// Stable slug, used in URLs (`center=<id>`).
    #[cfg_attr(feature = "schema", schemars(pattern(SLUG_PATTERN)))]
    pub id: String,
    /// Name in English: the official one, or a translation marked as one.
    pub name: Text,
    /// Names in other languages, keyed by language code (`ru`, `kk`, `uz`, ...): official ones
    /// as written, translations and transliterations marked as such.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub names: Texts,
    /// Abbreviations, former names and other names people use; searched like names.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub aliases: Box<[Alias]>,
    /// Country the center is in.
    pub country: Country,
    /// City, in English.
    pub city: String,
    /// Street address, where a source gives it, by language: as the source writes it, and
    /// translations marked as such (a plain string is an original in no stated language).
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_undetermined"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::dataset::text::string_or_texts")
    )]
    pub address: Texts,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
    /// Whether `lat`/`lon` mark the building or only the city.
    pub precision: Precision,
    /// Specialty codes from the dataset's vocabulary.
    pub specialties: Vec<String>,
    /// What the sources say of a specialty here: whether children receive it and from what
    /// age, whether it is planned, since when; one entry per specialty a source details.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub care: Box<[Care]>,
    /// Care for children; absent when no source says whether children are treated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pediatric: Option<Pediatric>,
    // Boxed: most centers have none, and the figures would widen every center by 24 bytes.
    /// Size figures, where a source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Box<Capacity>>,
    /// Languages patients can be served in (language codes), where known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// How to be treated there: foreign patients, appointments; only what a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Box<Access>>,
    /// What the sources say about the center, in one or two sentences, by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub summary: Texts,
    /// Website; shown only as an http(s) link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Phone number in international format (`+` and country code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Contact e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Id of the center this one belongs to (a branch or a unit of a larger center).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Figures the sources give about it (operations done, patients a year).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub figures: Box<[Figure]>,
    /// Where the facts about this center come from; at least one.
    pub sources: Vec<Source>,
    /// Day the entry was last checked against its sources, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub last_verified: Option<String>,
}

/// How exactly a center's coordinates are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The coordinates mark the building.
    Building,
    /// The coordinates mark the city; the building is somewhere in it.
    City,
    /// The coordinates mark the district or region; no source places the town or building.
    Region,
}

/// What a center offers children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pediatric {
    /// Whether the center treats children.
    pub treats_children: bool,
    /// Specialty codes offered to children, where a source names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
}

/// Size figures of a center, as its sources state them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Inpatient beds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u32>,
    /// Patients treated a year (planned or reported; `note` says which).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patients_per_year: Option<u32>,
    /// What the source says, in a few words, by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub note: Texts,
}

/// Whether a hub exists or is only proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum HubStatus {
    /// Proposed by a government; no host or opening confirmed.
    Proposed,
    /// Designated and working.
    Designated,
}

/// An international hub (e.g. for childhood cancer), as designated or proposed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hub {
    /// Stable slug.
    #[cfg_attr(feature = "schema", schemars(pattern(SLUG_PATTERN)))]
    pub id: String,
    /// Name in English.
    pub name: Text,
    /// Names in other languages, keyed by language code.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub names: Texts,
    /// Proposed or designated.
    pub status: HubStatus,
    /// When it was proposed or designated, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub date: Option<String>,
    /// The country that proposed or leads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<Country>,
    /// Id of the host center, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Who it serves and what it does, by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub scope: Texts,
    /// Figures the sources give about it.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub figures: Box<[Figure]>,
    /// Where this comes from; at least one.
    pub sources: Vec<Source>,
}

/// A country's health ministry (or the body a dataset names in its place): the last contact
/// a center's detail gives, said as such. One entry per country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The country it serves.
    pub country: Country,
    /// Name in English: the official one, or a translation marked as one.
    pub name: Text,
    /// Names in other languages, keyed by language code: official ones as written,
    /// translations and transliterations marked as such, their originals kept.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub names: Texts,
    /// Website; shown only as an http(s) link.
    pub website: String,
    /// Phone lines a source gives, each with which sources give it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Contact e-mail address, where a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the name and contacts come from; at least one.
    pub sources: Vec<Source>,
}

/// One phone line of an [`Authority`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// The number: in international format (`+`, country code), or a short number of 3 to 5
    /// digits dialled inside the country (`1406`).
    pub number: String,
    /// What the line is for, by language.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub label: Texts,
    /// Which of the authority's sources give it (indices into its `sources`, from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<u16>,
}

impl Authority {
    /// The name in `lang`, falling back as [`Lang::pick`] does; never blank.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.names)
    }

    /// The name shown to a reader of `lang` and the language it is in (as [`Self::name_in`]
    /// picks it), for marking its language and whether it is a translation.
    pub fn name_text_in(&self, lang: Lang) -> (Lang, &Text) {
        lang.fallbacks()
            .find_map(|l| {
                let text = match l {
                    Lang::En => Some(&self.name),
                    _ => self.names.text(l.code()),
                }?;
                (!text.trim().is_empty()).then_some((l, text))
            })
            .unwrap_or((Lang::En, &self.name))
    }

    /// The website, but only when it is an `https:` or `http:` URL.
    pub fn safe_website(&self) -> Option<&str> {
        Some(self.website.as_str()).filter(|w| is_web_url(w))
    }

    /// A `mailto:` URI for the e-mail address, only when it looks like one.
    pub fn mailto_uri(&self) -> Option<String> {
        self.email
            .as_deref()
            .filter(|e| is_email(e))
            .map(|e| format!("mailto:{e}"))
    }
}

impl Phone {
    /// A `tel:` URI: a short number as it is, else as [`Center::tel_uri`] makes one.
    pub fn tel_uri(&self) -> Option<String> {
        if is_short_number(&self.number) {
            return Some(format!("tel:{}", self.number));
        }
        tel_uri_of(&self.number)
    }

    /// Whether the number is a short one, which only works from a phone inside the country.
    pub fn in_country_only(&self) -> bool {
        is_short_number(&self.number)
    }
}

impl Dataset {
    /// The health ministry of `country`: the first entry for it.
    pub fn authority(&self, country: Country) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.country == country)
    }
}

impl Specialty {
    /// The label in `lang`, falling back to Russian, then English.
    pub fn label_in(&self, lang: Lang) -> &str {
        lang.pick(&self.label, &self.labels)
    }
}

impl Hub {
    /// The name in `lang`, falling back to Russian, then English.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.names)
    }
}

impl Event {
    /// The title in `lang`, falling back to Russian, then English.
    pub fn title_in(&self, lang: Lang) -> &str {
        lang.pick(&self.title, &self.titles)
    }
}

/// What a center's children's badge says, given the specialties a reader chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildrenBadge<'a> {
    /// No badge: no source says it treats children.
    None,
    /// "Treats children": no specialty it offers is chosen, and its sources name no children's
    /// treatment or more than [`BADGE_NAMES_UP_TO`] (or all it offers).
    Treats,
    /// Children get these chosen specialties, its sources say; with none of its specialties
    /// chosen, the few its sources say children get.
    Gets(Vec<&'a str>),
    /// It treats children, but no source says they get these chosen specialties (or one
    /// says they do not).
    NotStated(Vec<&'a str>),
}

/// Most treatments a children's badge names without a specialty chosen; more read as
/// "treats children".
pub const BADGE_NAMES_UP_TO: usize = 2;

/// How many years older than the day its sources were read a center's newest source may be
/// before its facts are said to need checking with the center.
pub const SOURCES_OLD_AFTER_YEARS: u32 = 2;

impl Center {
    /// The name in `lang`, falling back to Russian, then English; never blank.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.names)
    }

    /// The date of its newest dated source, as written (`2016`, `2024-05-12`): how current
    /// its facts are, which `last_verified` (the day the sources were read) does not say.
    pub fn newest_source(&self) -> Option<&str> {
        // ISO dates, whole or cut short, sort as text.
        self.sources.iter().filter_map(|s| s.date.as_deref()).max()
    }

    /// Whether its facts may be out of date: no source is dated, or the newest is more than
    /// [`SOURCES_OLD_AFTER_YEARS`] older than the day the sources were read. A date cut to
    /// its year or month counts from the end of it.
    pub fn sources_are_old(&self) -> bool {
        let Some(read) = self.last_verified.as_deref() else {
            return false;
        };
        let Some(newest) = self.newest_source() else {
            return true;
        };
        let Some(year) = newest.get(..4).and_then(|y| y.parse::<u32>().ok()) else {
            return true;
        };
        let rest = match &newest[4..] {
            "" => "-12-31".to_string(),
            month if month.len() == 3 => format!("{month}-31"),
            day => day.to_string(),
        };
        read > format!("{}{rest}", year + SOURCES_OLD_AFTER_YEARS).as_str()
    }

    /// A center with only the required fields, for tests.
    #[cfg(test)]
    pub(crate) fn stub(id: &str, country: Country, lat: f64, lon: f64) -> Center {
        Center {
            id: id.into(),
            name: id.into(),
            names: Texts::new(),
            aliases: Box::default(),
            country,
            city: "c".into(),
            address: Texts::new(),
            lat,
            lon,
            precision: Precision::City,
            specialties: vec![],
            care: Box::default(),
            pediatric: None,
            capacity: None,
            languages: vec![],
            access: None,
            summary: Texts::new(),
            website: None,
            phone: None,
            email: None,
            part_of: None,
            figures: Box::default(),
            sources: vec![],
            last_verified: None,
        }
    }

    /// Where the center stands (or its city, see `precision`).
    pub fn position(&self) -> LatLon {
        LatLon::new(self.lat, self.lon)
    }

    /// Every name with its language code: the English `name` first, then `names` by code.
    pub fn every_name(&self) -> impl Iterator<Item = (&str, &Text)> {
        std::iter::once(("en", &self.name)).chain(self.names.texts().map(|(c, t)| (c.as_str(), t)))
    }

    /// The specialty codes children receive here, as the sources say: the `pediatric`
    /// services and every `care` entry for children, each once, in that order.
    pub fn children_services(&self) -> impl Iterator<Item = &str> {
        let listed = self.pediatric.iter().flat_map(|p| p.services.iter());
        let cared = self.care.iter().filter(|c| c.children == Some(true));
        let mut seen: Vec<&str> = Vec::new();
        listed
            .map(String::as_str)
            .chain(cared.map(|c| c.code.as_str()))
            .filter(move |code| {
                let new = !seen.contains(code);
                if new {
                    seen.push(code);
                }
                new
            })
    }

    /// Whether children receive specialty `code` here, as far as the sources say: the
    /// specialty's `care` entry first; else no when the center treats no children; yes when
    /// its `pediatric` services list the code, or when the code is a children's specialty
    /// (`pediatric-…`, pediatrics, neonatology) of a center that treats children; else unknown.
    pub fn children_get(&self, code: &str) -> Option<bool> {
        if let Some(said) = self
            .care
            .iter()
            .find(|k| k.code == code)
            .and_then(|k| k.children)
        {
            return Some(said);
        }
        let p = self.pediatric.as_ref()?;
        if !p.treats_children {
            return Some(false);
        }
        let childrens =
            code.starts_with("pediatric-") || matches!(code, "pediatrics" | "neonatology");
        (childrens || p.services.iter().any(|s| s == code)).then_some(true)
    }

    /// Whether the sources say specialty `code` is only planned here.
    pub fn plans(&self, code: &str) -> bool {
        self.care
            .iter()
            .any(|k| k.code == code && k.status == Status::Planned)
    }

    /// Whether a source says the center treats children.
    pub fn treats_children(&self) -> bool {
        self.pediatric.as_ref().is_some_and(|p| p.treats_children)
    }

    /// What its badge says of children when the reader chose the specialties `chosen` (see
    /// [`ChildrenBadge`]): "treats children" alone would read as a yes for each of them.
    pub fn children_badge<'a>(&'a self, chosen: &'a BTreeSet<String>) -> ChildrenBadge<'a> {
        if !self.treats_children() {
            return ChildrenBadge::None;
        }
        let offered: Vec<&str> = chosen
            .iter()
            .map(String::as_str)
            .filter(|code| self.offers(code))
            .collect();
        if offered.is_empty() {
            // Nothing it offers is chosen: what children get here, when that is a few of its
            // treatments (every treatment of a children's hospital is "treats children").
            let given: Vec<&str> = self.children_services().collect();
            let few = given.len() <= BADGE_NAMES_UP_TO && given.len() < self.specialties.len();
            return if !given.is_empty() && few {
                ChildrenBadge::Gets(given)
            } else {
                ChildrenBadge::Treats
            };
        }
        let given: Vec<&str> = offered
            .iter()
            .copied()
            .filter(|code| self.children_get(code) == Some(true))
            .collect();
        if given.is_empty() {
            ChildrenBadge::NotStated(offered)
        } else {
            ChildrenBadge::Gets(given)
        }
    }

    /// A `mailto:` URI for the e-mail address, only when it looks like one.
    pub fn mailto_uri(&self) -> Option<String> {
        self.email
            .as_deref()
            .filter(|e| is_email(e))
            .map(|e| format!("mailto:{e}"))
    }

    /// Whether the center offers the given specialty code.
    pub fn offers(&self, code: &str) -> bool {
        self.specialties.iter().any(|s| s == code)
    }

    /// The website, but only when it is an `https:` or `http:` URL, so data can never produce
    /// a `javascript:` link.
    pub fn safe_website(&self) -> Option<&str> {
        self.website.as_deref().filter(|w| is_web_url(w))
    }

    /// A `tel:` URI for the phone, keeping only `+` and digits; `None` when fewer than five
    /// digits remain.
    pub fn tel_uri(&self) -> Option<String> {
        tel_uri_of(self.phone.as_deref()?)
    }
}

/// A `tel:` URI for `phone`, keeping only `+` and digits; `None` when fewer than five digits
/// remain.
fn tel_uri_of(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|&(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'))
        .map(|(_, c)| c)
        .collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 5).then(|| format!("tel:{digits}"))
}

/// Where a fact comes from: a published article or a file of the seed corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the article or page, as published (any language).
    pub title: String,
    /// Who published it: the outlet, ministry or institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Web address of the source, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// File name of the article in the seed corpus, if it comes from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub date: Option<String>,
    /// The language it is written in (a language code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Source {
    /// The URL, but only when it is `https:` or `http:`.
    pub fn safe_url(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| is_web_url(u))
    }

    /// The source without its address when that is not `https:` or `http:`.
    pub fn without_unsafe_url(&self) -> Source {
        Source {
            url: self.safe_url().map(str::to_owned),
            ..self.clone()
        }
    }
}

/// A memorandum or agreement between two centers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Id of one center.
    pub a: String,
    /// Id of the other center.
    pub b: String,
    /// Date signed, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, if the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was signed (e.g. a Medicine Days event), by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub occasion: Texts,
    /// What the parties agreed to do, by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub scope: Texts,
    /// Where this comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A Medicine Days week, a conference or a similar event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable slug.
    pub id: String,
    /// Title in English.
    pub title: Text,
    /// Titles in other languages, keyed by language code.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub titles: Texts,
    /// What kind of event it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// First day, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day, same format as `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Cities where it takes place.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Ids of the centers taking part.
    #[serde(default)]
    pub centers: Vec<String>,
    /// What it was, by language.
    #[serde(
        default,
        skip_serializing_if = "Texts::is_empty",
        deserialize_with = "texts_or_english"
    )]
    pub summary: Texts,
    /// Figures the sources give about it.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub figures: Box<[Figure]>,
    /// Where this comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// What kind of event an [`Event`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// Days of one country's medicine in another: visits, operations, consultations.
    MedicineDays,
    /// A conference.
    Conference,
    /// A meeting of officials.
    Meeting,
    /// A forum.
    Forum,
    /// A programme (a strategy, a trial, an international initiative's programme).
    Programme,
    /// An initiative announced or proposed.
    Initiative,
    /// An agreement between ministries, governments or regions.
    Agreement,
}

/// Another name of a center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The name as people write it.
    pub text: String,
    /// Its language (a language code, with a script where it matters: `uz-Cyrl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// What kind of name it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AliasKind>,
}

/// What kind of name an [`Alias`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AliasKind {
    /// An abbreviation (НЦОМиД, SCPCS).
    Abbreviation,
    /// A name it had before.
    FormerName,
    /// Another name in use (a common short name, another language's or script's form).
    OtherName,
}

/// Whether a service is given now or only planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Given now.
    #[default]
    Operating,
    /// Being prepared or built; a source says it will be given.
    Planned,
}

/// What the sources say of one specialty at a center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Care {
    /// The specialty's code; the center lists it among its specialties.
    pub code: String,
    /// Whether children receive it here (`false`: adults only); absent when no source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<bool>,
    /// The youngest age in years it is given at, where a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    /// The oldest age in years it is given at, where a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u8>,
    /// Given now, or only planned.
    #[serde(default, skip_serializing_if = "is_operating")]
    pub status: Status,
    /// Since when, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub since: Option<String>,
    /// What the sources add, by language.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub note: Texts,
    /// Which of the center's sources say so (indices into its `sources`, from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<u16>,
}

fn is_operating(s: &Status) -> bool {
    *s == Status::Operating
}

/// How a patient reaches a center's care, as the sources say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// Whether it treats patients from other countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_patients: Option<bool>,
    /// How patients come to be treated (referral, quota, paid), by language.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub how: Texts,
    /// How to ask for an appointment, by language.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub appointment: Texts,
    /// Which of the center's sources say so (indices into its `sources`, from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<u16>,
}

/// A figure a source gives: a number, what it counts, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The number (the lower end of a range).
    pub value: f64,
    /// The upper end, when the source gives a range ("200-220").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<f64>,
    /// What it counts, by language.
    pub what: Texts,
    /// When, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(pattern(DATE_PATTERN)))]
    pub date: Option<String>,
    /// Which of the record's sources give it (indices into its `sources`, from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<u16>,
}

/// Whether a string looks like an e-mail address: one `@`, a dotted domain, nothing that could
/// change the meaning of a `mailto:` link.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// Whether a phone number is in international format: `+`, a country code (which never
/// starts with 0), then 8 to 15 digits in all (ITU-T E.164), grouped with single spaces,
/// hyphens or parentheses.
pub fn is_phone(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let grouping_ok = !rest.contains("  ") && !rest.contains("--") && !rest.contains("()");
    rest.starts_with(|c: char| ('1'..='9').contains(&c))
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
        && grouping_ok
        && (8..=15).contains(&digits)
}

/// Whether a phone number is a short one, as health ministries' call centres have (`1406`,
/// `118`): 3 to 5 digits and nothing else, dialled only inside the country. Only an
/// [`Authority`]'s phones may be one; a center's are in international format ([`is_phone`]).
pub fn is_short_number(s: &str) -> bool {
    (3..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real day (30 February is not).
pub fn is_date(s: &str) -> bool {
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    let mut parts = s.split('-');
    let (y, m, d, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
    let month = |m: &str| {
        m.parse::<u32>()
            .ok()
            .filter(|m| num_ok(m, 12))
            .filter(|_| num(m, 2))
    };
    fn num_ok(n: &u32, max: u32) -> bool {
        (1..=max).contains(n)
    }
    match (y, m, d, rest) {
        (Some(y), None, None, None) => num(y, 4),
        (Some(y), Some(m), None, None) => num(y, 4) && month(m).is_some(),
        (Some(y), Some(m), Some(d), None) => {
            let (Some(month), true, true) = (month(m), num(y, 4), num(d, 2)) else {
                return false;
            };
            let year: u32 = y.parse().unwrap_or(0);
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d.parse::<u32>().is_ok_and(|d| num_ok(&d, days))
        }
        _ => false,
    }
}

/// Whether a string is an absolute `https:` or `http:` URL with a host.
pub fn is_web_url(s: &str) -> bool {
    let s = s.trim_start();
    // A space or control character cannot be part of a URL (it would have to be escaped).
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let strip = |scheme: &str| {
        s.get(..scheme.len())
            .filter(|p| p.eq_ignore_ascii_case(scheme))
            .map(|_| &s[scheme.len()..])
    };
    let rest = strip("https://").or_else(|| strip("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_childrens_badge_follows_the_chosen_specialties() {
        // The review's case (defect 14): the proton center treats children, but its sources
        // give them radioiodine therapy only.
        let mut c = Center::stub("proton", Country::KZ, 51.0, 71.0);
        c.specialties = vec!["proton-therapy".into(), "radioiodine-therapy".into()];
        c.pediatric = Some(Pediatric {
            treats_children: true,
            services: vec!["radioiodine-therapy".into()],
        });
        let chosen = |codes: &[&str]| codes.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let cases: &[(&[&str], ChildrenBadge)] = &[
            // Nothing of its own chosen: the one treatment its sources give children.
            (&[], ChildrenBadge::Gets(vec!["radioiodine-therapy"])),
            (
                &["cardiology"],
                ChildrenBadge::Gets(vec!["radioiodine-therapy"]),
            ),
            (
                &["proton-therapy"],
                ChildrenBadge::NotStated(vec!["proton-therapy"]),
            ),
            (
                &["radioiodine-therapy"],
                ChildrenBadge::Gets(vec!["radioiodine-therapy"]),
            ),
            (
                &["proton-therapy", "radioiodine-therapy"],
                ChildrenBadge::Gets(vec!["radioiodine-therapy"]),
            ),
        ];
        for (codes, want) in cases {
            let set = chosen(codes);
            assert_eq!(c.children_badge(&set), *want, "{codes:?}");
        }
        // Treating children with no treatment named, or every one: "treats children".
        c.pediatric = Some(Pediatric {
            treats_children: true,
            services: vec![],
        });
        assert_eq!(c.children_badge(&chosen(&[])), ChildrenBadge::Treats);
        c.pediatric = Some(Pediatric {
            treats_children: true,
            services: c.specialties.clone(),
        });
        assert_eq!(c.children_badge(&chosen(&[])), ChildrenBadge::Treats);
        c.pediatric = None;
        assert_eq!(c.children_badge(&chosen(&[])), ChildrenBadge::None);
    }

    #[test]
    fn sources_older_than_two_years_before_reading_are_old() {
        // (source dates, day read, old?): the review's Dushanbe center read in 2026 with its
        // newest source from 2016 is old; a year or month counts from its end.
        let cases: &[(&[&str], Option<&str>, bool)] = &[
            (&["2016", "2014-03-01"], Some("2026-11-22"), true),
            (&["2025-06-01"], Some("2026-12-07"), false),
            (&["2024-12-07"], Some("2026-12-07"), false),
            (&["2024-12-06"], Some("2026-12-07"), true),
            (&["2024"], Some("2026-12-31"), false),
            (&["2024-11"], Some("2026-12-01"), true),
            (&[], Some("2026-12-07"), true),
            (&["2010"], None, false),
        ];
        for (dates, read, old) in cases {
            let mut c = Center::stub("a", Country::KZ, 51.0, 71.0);
            c.last_verified = read.map(str::to_string);
            c.sources = dates
                .iter()
                .map(|d| Source {
                    title: "t".into(),
                    publisher: None,
                    url: None,
                    file: Some("f".into()),
                    date: Some(d.to_string()),
                    lang: None,
                })
                .collect();
            assert_eq!(c.sources_are_old(), *old, "{dates:?} read {read:?}");
            assert_eq!(c.newest_source(), dates.iter().copied().max(), "{dates:?}");
        }
    }

    fn center_with(website: Option<&str>, phone: Option<&str>) -> Center {
        Center {
            website: website.map(Into::into),
            phone: phone.map(Into::into),
            ..Center::stub("x", Country::KZ, 51.0, 71.0)
        }
    }

    #[test]
    fn only_http_urls_are_links() {
        // Cases from the OWASP XSS cheat sheet's URL-scheme section.
        let cases = [
            ("https://example.org", true),
            ("http://example.org/a?b", true),
            ("HTTPS://EXAMPLE.ORG", true),
            ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            ("data:text/html,<script>", false),
            ("//example.org", false),
            ("https://", false),
            ("https:///path", false),
            ("example.org", false),
            ("https:// not a url", false),
            ("https://example.org/a b", false),
        ];
        for (url, ok) in cases {
            assert_eq!(is_web_url(url), ok, "{url}");
            assert_eq!(
                center_with(Some(url), None).safe_website().is_some(),
                ok,
                "{url}"
            );
        }
    }

    #[test]
    fn tel_uri_keeps_plus_and_digits() {
        let cases = [
            (Some("+7 (7172) 70-29-00"), Some("tel:+77172702900")),
            (Some("8 800 080 88 87"), Some("tel:88000808887")),
            (Some("call us"), None),
            (Some("12-3"), None),
            (None, None),
        ];
        for (phone, want) in cases {
            assert_eq!(
                center_with(None, phone).tel_uri().as_deref(),
                want,
                "{phone:?}"
            );
        }
    }

    #[test]
    fn phones_must_be_international() {
        // E.164: a country code and at most 15 digits in all; the Kazakh example is from the
        // format of +7 7172 numbers (Astana).
        let cases = [
            ("+7 7172 70 29 00", true),
            ("+998 (71) 277-21-21", true),
            ("+996312000000", true),
            ("8 7172 70 29 00", false),
            ("+7 abc 70 29 00", false),
            ("+12345", false),
            ("+0 7172 70 29 00", false),
            ("+7 -- 7172 70 29 00", false),
            ("+1234567890123456", false),
            ("+", false),
            ("", false),
        ];
        for (phone, ok) in cases {
            assert_eq!(is_phone(phone), ok, "{phone}");
        }
    }

    #[test]
    fn a_ministrys_phone_may_be_a_short_number() {
        // (number, short number, tel: URI): the ministries' call centres of Kazakhstan (1406),
        // Kyrgyzstan (118) and Uzbekistan (1003); anything else is read as a center's phone.
        let cases = [
            ("1406", true, Some("tel:1406")),
            ("118", true, Some("tel:118")),
            ("10030", true, Some("tel:10030")),
            ("+998 71 241 10 65", false, Some("tel:+998712411065")),
            ("11", false, None),
            ("100300", false, Some("tel:100300")),
            ("14 06", false, None),
            ("+1406", false, None),
            ("", false, None),
        ];
        for (number, short, tel) in cases {
            assert_eq!(is_short_number(number), short, "{number}");
            let p = Phone {
                number: number.into(),
                label: Texts::new(),
                sources: vec![],
            };
            assert_eq!(p.in_country_only(), short, "{number}");
            assert_eq!(p.tel_uri().as_deref(), tel, "{number}");
        }
    }

    #[test]
    fn emails_and_mailto() {
        let cases = [
            ("info@cancercenter.kz", true),
            ("a.b+c@mail.example.org", true),
            ("no-at-sign.kz", false),
            ("a@b", false),
            ("a@@b.kz", false),
            ("a b@c.kz", false),
            ("a@b.kz?subject=x", false),
            ("@b.kz", false),
            ("a@.kz", false),
        ];
        for (email, ok) in cases {
            assert_eq!(is_email(email), ok, "{email}");
            let mut c = center_with(None, None);
            c.email = Some(email.into());
            assert_eq!(c.mailto_uri().is_some(), ok, "{email}");
        }
    }

    #[test]
    fn dates_are_partial_iso() {
        let cases = [
            ("2025", true),
            ("2025-10", true),
            ("2025-10-12", true),
            ("2025-13", false),
            ("2025-00-10", false),
            ("2025-10-32", false),
            ("2026-02-29", false),
            ("2024-02-29", true),
            ("2026-04-31", false),
            ("25-10-12", false),
            ("2025/10/12", false),
            ("October 2025", false),
            ("", false),
        ];
        for (date, ok) in cases {
            assert_eq!(is_date(date), ok, "{date}");
        }
    }

    #[test]
    fn country_codes_round_trip() {
        for c in Country::ALL {
            assert_eq!(Country::from_code(c.code()), Some(c));
            assert_eq!(Country::from_code(&c.code().to_lowercase()), Some(c));
        }
        assert_eq!(Country::from_code("RU"), None);
        assert_eq!(Country::from_code(""), None);
    }
}
