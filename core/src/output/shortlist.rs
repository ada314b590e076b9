//! A shortlist: the few centers a family or a doctor is weighing, kept in the link (`list=`)
//! and in the browser's own storage, never sent anywhere; compared side by side and printed as
//! one referral packet with one QR code (the shortlist's link).
//!
//! ```
//! use shifo_core::output::shortlist::{Shortlist, ShortlistError, MAX};
//! let mut list = Shortlist::parse("proton-astana, nccm-bishkek,proton-astana,Not An Id");
//! assert_eq!(list.ids(), ["proton-astana", "nccm-bishkek"]);
//! assert_eq!(list.to_param(), "proton-astana,nccm-bishkek");
//! list.toggle("rscc-tashkent").unwrap();
//! list.toggle("nccm-bishkek").unwrap(); // taken off again
//! assert_eq!(list.ids(), ["proton-astana", "rscc-tashkent"]);
//! for id in ["a", "b"] {
//!     list.toggle(id).unwrap();
//! }
//! assert_eq!(list.toggle("c"), Err(ShortlistError::Full { max: MAX }));
//! ```

use crate::dataset::model::Dataset;
use crate::dataset::validate::is_slug;
use crate::geo::bounds::LatLon;
use crate::geo::near::great_circle_km;
use crate::lang::Lang;
use crate::output::referral::{sheet, Qr, QrError, Sheet};

/// The most centers a shortlist holds: four columns still fit side by side on a laptop and
/// on one printed comparison page.
pub const MAX: usize = 4;

/// Why a center could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortlistError {
    /// The shortlist already holds [`MAX`] centers: one must be taken off first.
    Full {
        /// The limit, for the message.
        max: usize,
    },
}

impl std::fmt::Display for ShortlistError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShortlistError::Full { max } => {
                write!(
                    f,
                    "a shortlist holds up to {max} centers: take one off first"
                )
            }
        }
    }
}

impl std::error::Error for ShortlistError {}

/// The centers on a shortlist, by id, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    ids: Vec<String>,
}

impl Shortlist {
    /// Reads `a,b,c` (a link's `list=` or what the browser stored): ids that are not slugs
    /// and repeats are dropped, and only the first [`MAX`] are kept. Never fails: a damaged
    /// value gives what can be read of it.
    pub fn parse(text: &str) -> Shortlist {
        let mut list = Shortlist::default();
        for id in text.split(',').map(str::trim) {
            if is_slug(id) && !list.contains(id) && list.ids.len() < MAX {
                list.ids.push(id.to_owned());
            }
        }
        list
    }

    /// The ids, in the order they were added.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// How many centers it holds.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the center `id` is on it.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }

    /// Adds the center `id`, or takes it off when it is on already; refuses a new one when
    /// the list is full, leaving it as it was.
    pub fn toggle(&mut self, id: &str) -> Result<(), ShortlistError> {
        if let Some(at) = self.ids.iter().position(|x| x == id) {
            self.ids.remove(at);
            return Ok(());
        }
        if self.ids.len() >= MAX {
            return Err(ShortlistError::Full { max: MAX });
        }
        self.ids.push(id.to_owned());
        Ok(())
    }

    /// The form [`Shortlist::parse`] reads: ids joined by commas.
    pub fn to_param(&self) -> String {
        self.ids.join(",")
    }

    /// Drops the ids `dataset` does not know, returning how many were dropped (a link made
    /// with another version of the data), so the page can say so.
    pub fn sanitize(&mut self, dataset: &Dataset) -> usize {
        let before = self.ids.len();
        self.ids.retain(|id| dataset.center(id).is_some());
        before - self.ids.len()
    }
}

/// One center's column of a comparison: its referral sheet's facts (in the reader's language
/// and, where it reads differently, a second one) and how far it is from home.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// What the center's referral sheet says of it.
    pub sheet: Sheet,
    /// Straight-line distance from the chosen home, in km, when one is chosen.
    pub km_from_home: Option<f64>,
}

/// A shortlist resolved against the data: the columns of the comparison, and the one link
/// and QR code that reopen it, for the printed packet.
#[derive(Debug, Clone, PartialEq)]
pub struct Packet {
    /// One column per center, in the shortlist's order.
    pub columns: Vec<Column>,
    /// The address that reopens this shortlist (see [`packet`]).
    pub link: String,
    /// The QR code of `link`, or why there is none.
    pub qr: Result<Qr, QrError>,
}

/// The packet of `list` from `dataset` in `lang`, with distances from `home` when given, and
/// `link` (the shortlist's address, from the app) in its QR code. Ids the dataset does not
/// know are left out.
pub fn packet(
    dataset: &Dataset,
    list: &Shortlist,
    lang: Lang,
    home: Option<LatLon>,
    link: &str,
) -> Packet {
    let columns = list
        .ids()
        .iter()
        .filter_map(|id| dataset.center(id))
        .map(|c| Column {
            // Each sheet's own QR code is not printed in a packet: its one code is the list's.
            sheet: sheet(dataset, c, lang, link),
            km_from_home: home.map(|h| great_circle_km(h, c.position())),
        })
        .collect();
    Packet {
        columns,
        link: link.to_owned(),
        qr: Qr::encode(link),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_keeps_what_it_can_read() {
        // (input, ids kept): commas, spaces, repeats, non-slugs, more than MAX.
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (",,", &[]),
            ("a", &["a"]),
            (" a , b ", &["a", "b"]),
            ("a,a,b", &["a", "b"]),
            ("A,b,<x>,c d,e", &["b", "e"]),
            ("a,b,c,d,e,f", &["a", "b", "c", "d"]),
        ];
        for (text, want) in cases {
            assert_eq!(Shortlist::parse(text).ids(), *want, "{text:?}");
        }
    }

    #[test]
    fn param_round_trips() {
        for text in ["", "a", "a,b,c,d", "x-1,y-2"] {
            let list = Shortlist::parse(text);
            assert_eq!(Shortlist::parse(&list.to_param()), list, "{text:?}");
        }
    }

    #[test]
    fn a_full_list_refuses_and_stays_as_it_was() {
        let mut list = Shortlist::parse("a,b,c,d");
        assert_eq!(list.toggle("e"), Err(ShortlistError::Full { max: MAX }));
        assert_eq!(list.to_param(), "a,b,c,d");
        assert_eq!(list.toggle("b"), Ok(()));
        assert_eq!(list.toggle("e"), Ok(()));
        assert_eq!(list.to_param(), "a,c,d,e");
    }

    #[test]
    fn packet_of_the_bundled_data() {
        let json = include_str!("../../../public/data/centers.json");
        let dataset = Dataset::load(json)
            .expect("the bundled dataset loads")
            .dataset;
        let (a, b) = (&dataset.centers[0], &dataset.centers[1]);
        let mut list = Shortlist::parse(&format!("{},no-such-center,{}", a.id, b.id));
        assert_eq!(list.sanitize(&dataset), 1);
        let home = LatLon::new(43.238, 76.946); // Almaty
        let link = "https://example.org/?list=x";
        let p = packet(&dataset, &list, Lang::Ru, Some(home), link);
        let ids: Vec<&str> = p
            .columns
            .iter()
            .map(|c| c.sheet.center_id.as_str())
            .collect();
        assert_eq!(ids, [a.id.as_str(), b.id.as_str()]);
        for (col, c) in p.columns.iter().zip([a, b]) {
            let km = col.km_from_home.expect("a home was given");
            assert!((km - great_circle_km(home, c.position())).abs() < 1e-9);
        }
        assert_eq!(p.link, link);
        assert!(p.qr.is_ok());
    }
}
