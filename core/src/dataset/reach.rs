//! How to reach a center: its own contacts; else, for a unit or branch without any, those of
//! the center it belongs to, said as such; else plainly that none is known. A family must
//! never meet a center with no way forward and no word about it.
//!
//! ```
//! use shifo_core::dataset::reach::Whose;
//! use shifo_core::Dataset;
//! let json = r#"{"schema_version": 1, "version": "demo", "updated": "2026-01-01",
//!   "specialties": [{"code": "oncology", "label": "Oncology"}],
//!   "centers": [
//!     {"id": "hospital", "name": "Hospital", "country": "KZ", "city": "Astana", "lat": 51.1,
//!      "lon": 71.4, "precision": "city", "specialties": ["oncology"], "phone": "+7 7172 70 29 00",
//!      "sources": [{"title": "A page", "url": "https://example.org/a"}]},
//!     {"id": "unit", "name": "Unit", "country": "KZ", "city": "Astana", "lat": 51.1,
//!      "lon": 71.4, "precision": "city", "specialties": ["oncology"], "part_of": "hospital",
//!      "sources": [{"title": "A page", "url": "https://example.org/a"}]}]}"#;
//! let d = Dataset::load(json).expect("a readable dataset").dataset;
//! let reach = d.reach(&d.centers[1]);
//! assert_eq!(reach.whose, Whose::Parent("hospital".into()));
//! assert_eq!(reach.contacts.unwrap().tel_uri.as_deref(), Some("tel:+77172702900"));
//! ```

use crate::dataset::model::{Center, Dataset};

/// How many centers up a chain of `part_of` is followed: a unit of a department of a hospital.
const MAX_STEPS: usize = 4;

/// A center's contacts, each a link only where it is a safe one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contacts {
    /// Phone number as the dataset writes it.
    pub phone: Option<String>,
    /// A `tel:` URI for the phone, when it has enough digits.
    pub tel_uri: Option<String>,
    /// E-mail address as the dataset writes it.
    pub email: Option<String>,
    /// A `mailto:` URI, only when the address looks like one.
    pub mailto_uri: Option<String>,
    /// Website, only when it is an `https:` or `http:` URL.
    pub website: Option<String>,
}

impl Contacts {
    /// The contacts of `c`, or `None` when it has none (a website that is not a web address
    /// counts as none).
    pub fn of(c: &Center) -> Option<Contacts> {
        let contacts = Contacts {
            phone: c.phone.clone(),
            tel_uri: c.tel_uri(),
            email: c.email.clone(),
            mailto_uri: c.mailto_uri(),
            website: c.safe_website().map(str::to_owned),
        };
        (contacts.phone.is_some() || contacts.email.is_some() || contacts.website.is_some())
            .then_some(contacts)
    }
}

/// Whose contacts are given for a center.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    /// Its own.
    Own,
    /// Those of the center it belongs to (by its id), as it has none of its own.
    Parent(String),
    /// None is known, for it or for what it belongs to.
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
        if let Some(contacts) = Contacts::of(c) {
            return Reach {
                whose: Whose::Own,
                contacts: Some(contacts),
            };
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
                return Reach {
                    whose: Whose::Parent(parent.id.clone()),
                    contacts: Some(contacts),
                };
            }
            at = parent;
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
    use crate::Country;

    fn center(id: &str, part_of: Option<&str>, website: Option<&str>) -> Center {
        Center {
            part_of: part_of.map(str::to_owned),
            website: website.map(str::to_owned),
            ..Center::stub(id, Country::UZ, 41.3, 69.2)
        }
    }

    #[test]
    fn contacts_come_from_the_nearest_center_that_has_some() {
        // (center, whose contacts are given): a unit of a department of a hospital takes the
        // hospital's; a website that is not a web address is none; a cycle ends.
        let d = Dataset {
            schema: None,
            schema_version: 1,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: vec![],
            partnerships: vec![],
            events: vec![],
            hubs: vec![],
            translations: vec![],
            centers: vec![
                center("hospital", None, Some("https://hospital.uz")),
                center("department", Some("hospital"), None),
                center("unit", Some("department"), None),
                center("own", Some("hospital"), Some("https://own.uz")),
                center("unsafe", None, Some("javascript:alert(1)")),
                center("loop-a", Some("loop-b"), None),
                center("loop-b", Some("loop-a"), None),
                center("orphan", Some("not-in-the-data"), None),
            ],
        };
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
}
