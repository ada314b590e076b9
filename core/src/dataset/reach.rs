//! How to reach a center: its own contacts; else, for a unit or branch without any, those of
//! the center it belongs to, said as such; else those of its country's health ministry (the
//! dataset's `authorities`), said as such, each phone with the source that gives it and that
//! source's date, since such numbers change; else plainly that none is known. A family must
//! never meet a center with no way forward and no word about it.
//!
//! ```
//! use shifo_core::dataset::reach::Whose;
//! use shifo_core::{Country, Dataset};
//! let json = r#"{"schema_version": 2, "version": "demo", "updated": "2026-01-01",
//!   "specialties": [{"code": "oncology", "label": "Oncology"}],
//!   "centers": [
//!     {"id": "hospital", "name": "Hospital", "country": "KZ", "city": "Astana", "lat": 51.1,
//!      "lon": 71.4, "precision": "city", "specialties": ["oncology"], "phone": "+7 7172 70 29 00",
//!      "sources": [{"title": "A page", "url": "https://example.org/a"}]},
//!     {"id": "unit", "name": "Unit", "country": "KZ", "city": "Astana", "lat": 51.1,
//!      "lon": 71.4, "precision": "city", "specialties": ["oncology"], "part_of": "hospital",
//!      "sources": [{"title": "A page", "url": "https://example.org/a"}]},
//!     {"id": "clinic", "name": "Clinic", "country": "KZ", "city": "Almaty", "lat": 43.2,
//!      "lon": 76.9, "precision": "city", "specialties": ["oncology"],
//!      "sources": [{"title": "A page", "url": "https://example.org/a"}]}],
//!   "authorities": [
//!     {"country": "KZ", "name": "Ministry of Health", "website": "https://health.example.kz",
//!      "phones": [{"number": "1406", "sources": [0, 1]}],
//!      "sources": [{"title": "Old news", "url": "https://example.org/1", "date": "2019"},
//!                  {"title": "News", "url": "https://example.org/2", "date": "2020-03-01"}]}]}"#;
//! let d = Dataset::load(json).expect("a readable dataset").dataset;
//! let unit = d.reach(&d.centers[1]);
//! assert_eq!(unit.whose, Whose::Parent("hospital".into()));
//! assert_eq!(unit.contacts.unwrap().phones[0].tel_uri.as_deref(), Some("tel:+77172702900"));
//! // The clinic has no contact and belongs to nothing: the ministry's, with the newest source
//! // that gives its short number.
//! let clinic = d.reach(&d.centers[2]);
//! assert_eq!(clinic.whose, Whose::Authority(Country::KZ));
//! let phone = &clinic.contacts.unwrap().phones[0];
//! assert_eq!((phone.number.as_str(), phone.in_country_only), ("1406", true));
//! assert_eq!(phone.source.as_ref().and_then(|s| s.date.as_deref()), Some("2020-03-01"));
//! ```

use crate::dataset::model::{Authority, Center, Country, Dataset, Source};
use crate::dataset::text::Texts;

/// How many centers up a chain of `part_of` is followed: a unit of a department of a hospital.
const MAX_STEPS: usize = 4;

/// Contacts, each a link only where it is a safe one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contacts {
    /// Phone numbers: a center's one, or a health ministry's lines.
    pub phones: Vec<PhoneContact>,
    /// E-mail address as the dataset writes it.
    pub email: Option<String>,
    /// A `mailto:` URI, only when the address looks like one.
    pub mailto_uri: Option<String>,
    /// Website, only when it is an `https:` or `http:` URL.
    pub website: Option<String>,
}

/// One phone number and what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneContact {
    /// The number as the dataset writes it.
    pub number: String,
    /// A `tel:` URI for it, when it has enough digits (or is a short number).
    pub tel_uri: Option<String>,
    /// A short number (`1406`): it works only from a phone inside the country.
    pub in_country_only: bool,
    /// What the line is for, by language (a ministry's lines may say; a center's never does).
    pub label: Texts,
    /// For a ministry's line, the source that gives it: the most recent dated one of those it
    /// cites (else the first), its address dropped unless `https:` or `http:`. A center's
    /// phone is covered by the center's own sources.
    pub source: Option<Source>,
}

impl Contacts {
    /// The contacts of `c`, or `None` when it has none (a website that is not a web address
    /// counts as none).
    pub fn of(c: &Center) -> Option<Contacts> {
        let phones = c.phone.iter().map(|number| PhoneContact {
            number: number.clone(),
            tel_uri: c.tel_uri(),
            in_country_only: false,
            label: Texts::new(),
            source: None,
        });
        Contacts {
            phones: phones.collect(),
            email: c.email.clone(),
            mailto_uri: c.mailto_uri(),
            website: c.safe_website().map(str::to_owned),
        }
        .some()
    }

    /// The contacts of a health ministry, or `None` when it has none that can be shown.
    pub fn of_authority(a: &Authority) -> Option<Contacts> {
        let phones = a.phones.iter().map(|p| PhoneContact {
            number: p.number.clone(),
            tel_uri: p.tel_uri(),
            in_country_only: p.in_country_only(),
            label: p.label.clone(),
            source: newest(
                p.sources
                    .iter()
                    .filter_map(|&i| a.sources.get(usize::from(i))),
            )
            .map(Source::without_unsafe_url),
        });
        Contacts {
            phones: phones.collect(),
            email: a.email.clone(),
            mailto_uri: a.mailto_uri(),
            website: a.safe_website().map(str::to_owned),
        }
        .some()
    }

    /// These contacts, unless there is not one.
    fn some(self) -> Option<Contacts> {
        (!self.phones.is_empty() || self.email.is_some() || self.website.is_some()).then_some(self)
    }
}

/// The source with the latest date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` compare as text), else the
/// first one.
fn newest<'a>(sources: impl Iterator<Item = &'a Source>) -> Option<&'a Source> {
    let mut best: Option<&Source> = None;
    for s in sources {
        match best {
            None => best = Some(s),
            Some(b) if s.date.is_some() && s.date > b.date => best = Some(s),
            Some(_) => {}
        }
    }
    best
}

/// Whose contacts are given for a center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    /// Its own.
    Own,
    /// Those of the center it belongs to (by its id), as it has none of its own.
    Parent(String),
    /// Those of its country's health ministry, as neither it nor what it belongs to has any.
    Authority(Country),
    /// None is known, for it, for what it belongs to or for its country.
    Unknown,
}

/// How to reach a center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    /// Whose contacts these are.
    pub whose: Whose,
    /// The contacts; `None` exactly when `whose` is [`Whose::Unknown`].
    pub contacts: Option<Contacts>,
}

impl Dataset {
    /// How to reach `c`: see the module documentation.
    pub fn reach(&self, c: &Center) -> Reach {
        let found = |whose: Whose, contacts: Contacts| Reach {
            whose,
            contacts: Some(contacts),
        };
        if let Some(contacts) = Contacts::of(c) {
            return found(Whose::Own, contacts);
        }
        let mut at = c;
        for _ in 0..MAX_STEPS {
            let Some(parent) = at.part_of.as_deref().and_then(|id| self.center(id)) else {
                break;
            };
            if parent.id == c.id {
                break;
            }
            if let Some(contacts) = Contacts::of(parent) {
                return found(Whose::Parent(parent.id.clone()), contacts);
            }
            at = parent;
        }
        if let Some(contacts) = self.authority(c.country).and_then(Contacts::of_authority) {
            return found(Whose::Authority(c.country), contacts);
        }
        Reach {
            whose: Whose::Unknown,
            contacts: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::Phone;

    fn center(id: &str, country: Country, part_of: Option<&str>, website: Option<&str>) -> Center {
        Center {
            part_of: part_of.map(str::to_owned),
            website: website.map(str::to_owned),
            ..Center::stub(id, country, 41.3, 69.2)
        }
    }

    fn source(url: &str, date: Option<&str>) -> Source {
        Source {
            title: "t".into(),
            url: Some(url.into()),
            date: date.map(str::to_owned),
            ..Source::default()
        }
    }

    fn dataset(centers: Vec<Center>, authorities: Vec<Authority>) -> Dataset {
        Dataset {
            schema: None,
            schema_version: 2,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: vec![],
            centers,
            partnerships: vec![],
            events: vec![],
            hubs: vec![],
            authorities,
            translations: vec![],
        }
    }

    #[test]
    fn contacts_come_from_the_nearest_center_that_has_some() {
        // (center, whose contacts are given): a unit of a department of a hospital takes the
        // hospital's; a website that is not a web address is none; a cycle ends. No country
        // has a ministry here.
        let uz = Country::UZ;
        let d = dataset(
            vec![
                center("hospital", uz, None, Some("https://hospital.uz")),
                center("department", uz, Some("hospital"), None),
                center("unit", uz, Some("department"), None),
                center("own", uz, Some("hospital"), Some("https://own.uz")),
                center("unsafe", uz, None, Some("javascript:alert(1)")),
                center("loop-a", uz, Some("loop-b"), None),
                center("loop-b", uz, Some("loop-a"), None),
                center("orphan", uz, Some("not-in-the-data"), None),
            ],
            vec![],
        );
        let cases = [
            ("hospital", Whose::Own),
            ("department", Whose::Parent("hospital".into())),
            ("unit", Whose::Parent("hospital".into())),
            ("own", Whose::Own),
            ("unsafe", Whose::Unknown),
            ("loop-a", Whose::Unknown),
            ("orphan", Whose::Unknown),
        ];
        for (id, whose) in cases {
            let reach = d.reach(d.center(id).expect("in the data"));
            assert_eq!(reach.whose, whose, "{id}");
            assert_eq!(reach.contacts.is_some(), whose != Whose::Unknown, "{id}");
        }
    }

    #[test]
    fn the_countrys_ministry_comes_last_and_says_where_its_number_comes_from() {
        let authority =
            |country, website: &str, phones: Vec<Phone>, email: Option<&str>| Authority {
                country,
                name: "Ministry".into(),
                names: Texts::new(),
                website: website.into(),
                phones,
                email: email.map(str::to_owned),
                sources: vec![
                    source("https://example.org/old", Some("2020-04-01")),
                    source("javascript:alert(1)", Some("2024-10-15")),
                    source("https://example.org/undated", None),
                ],
            };
        let phone = |number: &str, sources: &[u16]| Phone {
            number: number.into(),
            label: Texts::new(),
            sources: sources.to_vec(),
        };
        let (uz, tm, kg, tj) = (Country::UZ, Country::TM, Country::KG, Country::TJ);
        let d = dataset(
            vec![
                center("own", uz, None, Some("https://own.uz")),
                center("branch", uz, Some("own"), None),
                center("lone", uz, None, None),
                center("unsafe", uz, None, Some("javascript:alert(1)")),
                center("orphan-of-a-bare-parent", uz, Some("lone"), None),
                center("website-only", tm, None, None),
                center("no-ministry", kg, None, None),
                center("unusable-ministry", tj, None, None),
            ],
            vec![
                authority(
                    uz,
                    "https://gov.uz/en/ssv",
                    vec![
                        phone("1003", &[0, 1, 2, 9]),
                        phone("+998 71 241 10 65", &[2]),
                    ],
                    Some("info@ssv.uz"),
                ),
                authority(tm, "https://saglykhm.gov.tm", vec![], None),
                authority(tj, "javascript:alert(1)", vec![], None),
            ],
        );
        // (center, whose, website, phones with tel: URI, in-country flag and source date, e-mail)
        type Want<'a> = (&'a str, Option<&'a str>, Option<bool>, Option<&'a str>);
        type Case<'a> = (
            &'a str,
            Whose,
            Option<&'a str>,
            &'a [Want<'a>],
            Option<&'a str>,
        );
        let ministry_uz: &[Want] = &[
            ("1003", Some("tel:1003"), Some(true), Some("2024-10-15")),
            (
                "+998 71 241 10 65",
                Some("tel:+998712411065"),
                Some(false),
                None,
            ),
        ];
        let cases: &[Case] = &[
            ("own", Whose::Own, Some("https://own.uz"), &[], None),
            (
                "branch",
                Whose::Parent("own".into()),
                Some("https://own.uz"),
                &[],
                None,
            ),
            (
                "lone",
                Whose::Authority(uz),
                Some("https://gov.uz/en/ssv"),
                ministry_uz,
                Some("info@ssv.uz"),
            ),
            (
                "unsafe",
                Whose::Authority(uz),
                Some("https://gov.uz/en/ssv"),
                ministry_uz,
                Some("info@ssv.uz"),
            ),
            (
                "orphan-of-a-bare-parent",
                Whose::Authority(uz),
                Some("https://gov.uz/en/ssv"),
                ministry_uz,
                Some("info@ssv.uz"),
            ),
            (
                "website-only",
                Whose::Authority(tm),
                Some("https://saglykhm.gov.tm"),
                &[],
                None,
            ),
            ("no-ministry", Whose::Unknown, None, &[], None),
            ("unusable-ministry", Whose::Unknown, None, &[], None),
        ];
        for (id, whose, website, phones, email) in cases {
            let reach = d.reach(d.center(id).expect("in the data"));
            assert_eq!(&reach.whose, whose, "{id}");
            let Some(k) = reach.contacts else {
                assert_eq!(*whose, Whose::Unknown, "{id}");
                continue;
            };
            assert_eq!(k.website.as_deref(), *website, "{id}");
            assert_eq!(k.email.as_deref(), *email, "{id}");
            assert_eq!(k.mailto_uri.is_some(), email.is_some(), "{id}");
            let got: Vec<Want> = k
                .phones
                .iter()
                .map(|p| {
                    let date = p.source.as_ref().and_then(|s| s.date.as_deref());
                    (
                        p.number.as_str(),
                        p.tel_uri.as_deref(),
                        Some(p.in_country_only),
                        date,
                    )
                })
                .collect();
            assert_eq!(got, *phones, "{id}");
        }
        // The newest source of 1003 has an address that is not a web one: it is cited without.
        let lone = d.reach(d.center("lone").unwrap()).contacts.unwrap();
        let newest = lone.phones[0].source.as_ref().unwrap();
        assert_eq!((newest.url.as_deref(), newest.title.as_str()), (None, "t"));
        // An undated only source is still the one given.
        let landline = lone.phones[1].source.as_ref().unwrap();
        assert_eq!(landline.url.as_deref(), Some("https://example.org/undated"));
    }
}
