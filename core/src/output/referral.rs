//! The referral sheet: a printable page about one center for a family to carry or a doctor to
//! send, in the reader's language plus a second one the receiving clinic reads, with a QR code
//! of the center's permalink.
//!
//! This module resolves everything the page shows to text ([`sheet`]) and encodes the QR code
//! ([`Qr`]); the labels ("Specialties", "Sources", ...) come from the app's locale files. The
//! sheet is made from the dataset alone: nothing about the patient is asked for, stored or sent
//! anywhere, and the core has no I/O to send it with.

use std::fmt::{self, Write as _};

use crate::dataset::model::{Capacity, Center, Country, Dataset, Source};
use crate::dataset::reach::{Contacts, PhoneContact, Whose};
use crate::dataset::text::Text as DataText;
use crate::lang::Lang;
use crate::output::url::ViewState;

/// The quiet zone around a QR code that readers need, in modules: four (ISO/IEC 18004).
pub const QUIET_ZONE: usize = 4;

/// Why a text could not be put in a QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    /// The text does not fit in the largest QR code (version 40) at error correction level M,
    /// which holds 2,331 bytes of arbitrary data.
    TooLong {
        /// Length of the text, in UTF-8 bytes.
        bytes: usize,
    },
    /// The encoder refused the text for another reason. It cannot happen for byte data (every
    /// text is), but is reported rather than turned into a panic.
    Unencodable,
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes } => {
                write!(f, "{bytes} bytes do not fit in a QR code at level M")
            }
            QrError::Unencodable => f.write_str("the text cannot be put in a QR code"),
        }
    }
}

impl std::error::Error for QrError {}

/// A QR code as its matrix of modules: `size` × `size`, row by row, `true` for dark.
///
/// Error correction is level M: about 15 % of the code can be smudged, folded or torn and it
/// still reads, which suits a sheet of paper carried around; levels Q and H would make the
/// code denser (smaller modules at the same printed size) for little gain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone (21 for version 1, 4 more per version).
    pub size: usize,
    modules: Vec<bool>,
}

impl Qr {
    /// Encodes `text` (as UTF-8 bytes, modes chosen by the encoder for the shortest code) at
    /// error correction level M.
    ///
    /// Readers guess the character set of byte data, so pass an ASCII text: a URL with its
    /// non-ASCII characters percent-encoded, as [`permalink`] makes.
    pub fn encode(text: &str) -> Result<Qr, QrError> {
        let code =
            qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).map_err(|e| {
                match e {
                    qrcode::types::QrError::DataTooLong => QrError::TooLong { bytes: text.len() },
                    _ => QrError::Unencodable,
                }
            })?;
        Ok(Qr {
            size: code.width(),
            modules: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// Whether the module in column `x`, row `y` (from the top left, 0-based) is dark; `false`
    /// outside the code, as in the quiet zone.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x) == Some(&true)
    }

    /// The dark modules as the `d` attribute of one SVG `<path>`, in module units, shifted
    /// right and down by `quiet` modules (use [`QUIET_ZONE`]) to leave room for the quiet
    /// zone: one rectangle per horizontal run of dark modules, `M<x> <y>h<len>v1H<x>z`.
    ///
    /// The text holds only the characters `0-9 M H h v z` and the space, so it is safe to set
    /// with `setAttribute("d", ...)` (never insert it as HTML). Draw it with a `viewBox` of
    /// [`Self::view_box`] and `shape-rendering="crispEdges"`; the rectangles do not overlap,
    /// so the default fill rule fills every one.
    pub fn svg_path(&self, quiet: usize) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.dark(x, y) {
                    x += 1;
                }
                let (left, top) = (start + quiet, y + quiet);
                // Writing to a String cannot fail.
                let _ = write!(d, "M{left} {top}h{}v1H{left}z", x - start);
            }
        }
        d
    }

    /// The SVG `viewBox` for [`Self::svg_path`] with the same `quiet`: `0 0 <n> <n>` where `n`
    /// is `size + 2 × quiet` (digits and spaces only).
    pub fn view_box(&self, quiet: usize) -> String {
        let n = self.size + 2 * quiet;
        format!("0 0 {n} {n}")
    }
}

/// The address that opens the app on one center in one language, as the app itself writes it:
/// `<base>?center=<id>&lang=<code>`, plus `&data=<url>` when a site owner's dataset is shown
/// (without it the link would open Shifo's own dataset, which may not have the center).
///
/// `base` is the page's origin and path (`location.origin + location.pathname`, already
/// ASCII); a query or fragment in it is dropped. The query is [`ViewState::to_query`]'s, so
/// the link reads back to the same view.
pub fn permalink(base: &str, center_id: &str, lang: Lang, data: Option<&str>) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let view = ViewState {
        center: Some(center_id.to_owned()),
        lang: Some(lang),
        data: data.map(str::to_owned),
        ..ViewState::default()
    };
    format!("{base}?{}", view.to_query())
}

/// The two languages of a referral sheet: the one the reader chose, then the one for the
/// receiving clinic (always `Some` under this rule).
///
/// - English reader → Russian: the sheet goes to a clinic in the region, where every doctor
///   reads Russian (it is the language of medical training and records across the five
///   countries), while English is not assured.
/// - Russian reader → English: the clinic already reads the first language, so the second
///   serves a referring doctor, insurer or clinic outside the region.
/// - Kazakh, Uzbek, Kyrgyz, Tajik or Turkmen reader → Russian: the state language of the
///   destination often differs from the reader's (a family from Dushanbe going to Astana), and
///   Russian is the language clinics of all five countries share.
pub fn referral_languages(chosen: Lang) -> (Lang, Option<Lang>) {
    let second = match chosen {
        Lang::Ru => Lang::En,
        Lang::En | Lang::Kk | Lang::Uz | Lang::Ky | Lang::Tg | Lang::Tk => Lang::Ru,
    };
    (chosen, Some(second))
}

/// A text together with the language it is actually in, which differs from the one asked for
/// when the data falls back (Russian, then English); for the page's `lang` attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Its language.
    pub lang: Lang,
}

/// A text in the sheet's first language and, when it reads differently, in its second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    /// In the first language (or its fallback).
    pub first: Text,
    /// In the second language (or its fallback); `None` when the sheet has one language or
    /// this text is the same as `first` (a name that exists only in Russian, say).
    pub second: Option<Text>,
}

/// A center's address on the sheet: in the reader's language or the nearest there is (as the
/// detail shows it), and, when that is a translation, the original it was made from, which
/// the receiving clinic and a driver read as the source wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The address shown first: its language code, and the text with how it was made.
    pub shown: (String, DataText),
    /// What `shown` was translated or transliterated from; `None` when it is an original.
    pub original: Option<(String, DataText)>,
}

impl Address {
    /// `center`'s address for a reader of `lang`; `None` when it has none.
    pub fn of(center: &Center, lang: Lang) -> Option<Address> {
        let (code, text) = lang.entry_in(&center.address)?;
        let original = center.address.original_of(code);
        Some(Address {
            shown: (code.to_owned(), text.clone()),
            original: original.map(|(c, t)| (c.to_owned(), t.clone())),
        })
    }
}

/// A specialty of the vocabulary, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    /// The specialty code, e.g. `proton-therapy`.
    pub code: String,
    /// Its label; the code itself (as English) when the vocabulary does not have it.
    pub label: Bilingual,
}

/// What a center offers children, as the sources state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Children {
    /// Whether the center treats children.
    pub treats_children: bool,
    /// Specialties offered to children, where a source names them.
    pub services: Vec<Labelled>,
}

/// The specialties children receive, said as shortly as is exact: a page holds one sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildrenCare {
    /// No source names them.
    Unnamed,
    /// These.
    Listed(Vec<Labelled>),
    /// Every specialty of the sheet but these (none: every one).
    AllBut(Vec<Labelled>),
}

/// Up to this many sources are printed; the others are a scan of the QR code away. A sheet
/// with all of a well-documented center's (28 for one) ran to two pages.
pub const PRINTED_SOURCES: usize = 8;

/// Everything a referral sheet shows about one center, resolved to text in its languages,
/// without the page's labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The center's id.
    pub center_id: String,
    /// The first language (the reader's).
    pub lang: Lang,
    /// The second language (for the receiving clinic), from [`referral_languages`].
    pub second: Option<Lang>,
    /// The center's name.
    pub name: Bilingual,
    /// Every other name of the center (English and the `names` map), as (language code, name),
    /// English first, without blanks and repeats.
    pub other_names: Vec<(String, String)>,
    /// The country (labels: the app's `country_<code>` keys).
    pub country: Country,
    /// The city, in the sheet's languages when the places table knows it.
    pub city: Bilingual,
    /// Street address, in the reader's language where the data has it.
    pub address: Option<Address>,
    /// The larger center this one belongs to, when the dataset has it.
    pub part_of: Option<Bilingual>,
    /// The specialties, in the dataset's order.
    pub specialties: Vec<Labelled>,
    /// Care for children; `None` when no source says whether children are treated.
    pub pediatric: Option<Children>,
    /// Size figures (the note is in English, as the dataset writes it).
    pub capacity: Option<Capacity>,
    /// Languages patients can be served in, as language codes.
    pub languages: Vec<String>,
    /// Whose contacts the sheet gives (see [`crate::dataset::reach`]).
    pub contacts_of: ContactsOf,
    /// Phone numbers as the dataset writes them, each with its `tel:` URI and, for a health
    /// ministry's line, the source that gives it (and its date) for a doctor to check.
    pub phones: Vec<PhoneContact>,
    /// E-mail address as the dataset writes it.
    pub email: Option<String>,
    /// A `mailto:` URI, only when the address looks like one.
    pub mailto_uri: Option<String>,
    /// Website, only when it is an `https:` or `http:` URL.
    pub website: Option<String>,
    /// Where the facts come from: the first [`PRINTED_SOURCES`] in the dataset's order (the
    /// record's main facts are cited first); an address that is not `https:` or `http:` is
    /// left out.
    pub sources: Vec<Source>,
    /// How many more sources the center has, shown in the app the QR code opens.
    pub more_sources: usize,
    /// Day the entry was last checked against its sources, `YYYY-MM-DD`.
    pub last_verified: Option<String>,
    /// The date of the newest dated source ([`Center::newest_source`]).
    pub newest_source: Option<String>,
    /// Whether the facts may be out of date ([`Center::sources_are_old`]).
    pub sources_old: bool,
    /// The address the QR code holds (see [`permalink`]).
    pub permalink: String,
    /// The QR code of `permalink`, or why there is none.
    pub qr: Result<Qr, QrError>,
}

/// Whose contacts a sheet gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ContactsOf {
    /// The center's own.
    Own,
    /// Those of the center it belongs to, named here, as it has none of its own.
    Parent(Bilingual),
    /// Those of the country's health ministry, named here, as neither the center nor what it
    /// belongs to has any.
    Authority(Bilingual),
    /// None is known.
    Unknown,
}

/// The sheet for `center` of `dataset` in the reader's language `lang` (plus the second one of
/// [`referral_languages`]), with a QR code of `permalink` (see [`permalink`]).
pub fn sheet(dataset: &Dataset, center: &Center, lang: Lang, permalink: &str) -> Sheet {
    let (first, second) = referral_languages(lang);
    let both = |pick: &dyn Fn(Lang) -> Text| Bilingual::new(pick(first), second.map(pick));
    let name = both(&|l| tagged(l, &center.name, |t| center.names.get(t.code())));
    let other_names = other_names(center, &name);
    let city = both(&|l| match crate::geo::places::find(&center.city) {
        Some(place) => tagged(l, place.en, |t| {
            place
                .names
                .iter()
                .find(|(c, _)| *c == t.code())
                .map(|(_, n)| n)
        }),
        None => Text {
            text: center.city.clone(),
            lang: Lang::En,
        },
    });
    let label = |code: &str| Labelled {
        code: code.to_string(),
        label: both(
            &|l| match dataset.specialties.iter().find(|s| s.code == *code) {
                Some(s) => tagged(l, &s.label, |t| s.labels.get(t.code())),
                None => Text {
                    text: code.to_string(),
                    lang: Lang::En,
                },
            },
        ),
    };
    let part_of = center
        .part_of
        .as_deref()
        .and_then(|id| dataset.center(id))
        .map(|p| both(&|l| tagged(l, &p.name, |t| p.names.get(t.code()))));
    let reach = dataset.reach(center);
    let contacts_of = match &reach.whose {
        Whose::Own => ContactsOf::Own,
        Whose::Parent(id) => match dataset.center(id) {
            Some(p) => ContactsOf::Parent(both(&|l| tagged(l, &p.name, |t| p.names.get(t.code())))),
            None => ContactsOf::Unknown,
        },
        Whose::Authority(country) => match dataset.authority(*country) {
            Some(a) => {
                ContactsOf::Authority(both(&|l| tagged(l, &a.name, |t| a.names.get(t.code()))))
            }
            None => ContactsOf::Unknown,
        },
        Whose::Unknown => ContactsOf::Unknown,
    };
    let contacts = reach.contacts.unwrap_or(Contacts {
        phones: Vec::new(),
        email: None,
        mailto_uri: None,
        website: None,
    });
    Sheet {
        center_id: center.id.clone(),
        lang: first,
        second,
        name,
        other_names,
        country: center.country,
        city,
        address: Address::of(center, first),
        part_of,
        specialties: center.specialties.iter().map(|s| label(s)).collect(),
        pediatric: center.pediatric.as_ref().map(|p| Children {
            treats_children: p.treats_children,
            services: center.children_services().map(label).collect(),
        }),
        capacity: center.capacity.as_deref().cloned(),
        languages: center.languages.clone(),
        contacts_of,
        phones: contacts.phones,
        email: contacts.email,
        mailto_uri: contacts.mailto_uri,
        website: contacts.website,
        sources: center
            .sources
            .iter()
            .take(PRINTED_SOURCES)
            .map(Source::without_unsafe_url)
            .collect(),
        more_sources: center.sources.len().saturating_sub(PRINTED_SOURCES),
        last_verified: center.last_verified.clone(),
        newest_source: center.newest_source().map(str::to_owned),
        sources_old: center.sources_are_old(),
        permalink: permalink.to_owned(),
        qr: Qr::encode(permalink),
    }
}

impl Sheet {
    /// The specialties children receive: when they are most of a long list of the center's,
    /// as "all but" the others (never longer than the list itself); else listed.
    ///
    /// ```
    /// # use shifo_core::output::referral::ChildrenCare;
    /// let d = shifo_core::Dataset::from_json(include_str!("../../../public/data/centers.json")).unwrap();
    /// let c = d.center("national-center-for-maternal-and-child-health-bishkek").unwrap();
    /// let sheet = shifo_core::output::referral::sheet(&d, c, shifo_core::Lang::Ru, "https://x");
    /// let Some(ChildrenCare::AllBut(others)) = sheet.children_care() else { panic!() };
    /// assert!(others.len() < sheet.specialties.len() / 2);
    /// ```
    pub fn children_care(&self) -> Option<ChildrenCare> {
        let kids = self.pediatric.as_ref().filter(|p| p.treats_children)?;
        if kids.services.is_empty() {
            return Some(ChildrenCare::Unnamed);
        }
        let offered = |code: &str| self.specialties.iter().any(|s| s.code == code);
        let most = kids.services.len() * 2 > self.specialties.len();
        if self.specialties.len() < 4 || !most || !kids.services.iter().all(|k| offered(&k.code)) {
            return Some(ChildrenCare::Listed(kids.services.clone()));
        }
        let others = self
            .specialties
            .iter()
            .filter(|s| !kids.services.iter().any(|k| k.code == s.code))
            .cloned()
            .collect();
        Some(ChildrenCare::AllBut(others))
    }
}

impl Bilingual {
    fn new(first: Text, second: Option<Text>) -> Bilingual {
        let second = second.filter(|s| s.text != first.text);
        Bilingual { first, second }
    }
}

/// The text for `lang` from an English `base` and a lookup of translations, with the language
/// it is in: the first non-blank one along [`Lang::fallbacks`], else `base` (as [`Lang::pick`]).
fn tagged<'a, S: AsRef<str> + 'a>(
    lang: Lang,
    base: &'a str,
    lookup: impl Fn(Lang) -> Option<&'a S>,
) -> Text {
    lang.fallbacks()
        .find_map(|l| {
            let text = match l {
                Lang::En => base,
                _ => lookup(l)?.as_ref(),
            };
            (!text.trim().is_empty()).then(|| Text {
                text: text.to_owned(),
                lang: l,
            })
        })
        .unwrap_or_else(|| Text {
            text: base.to_owned(),
            lang: Lang::En,
        })
}

/// The center's names not already in `shown`, English first, without blanks and repeats.
fn other_names(center: &Center, shown: &Bilingual) -> Vec<(String, String)> {
    let mut seen: Vec<&str> = std::iter::once(shown.first.text.as_str())
        .chain(shown.second.as_ref().map(|s| s.text.as_str()))
        .collect();
    let mut others = Vec::new();
    let all = std::iter::once(("en", center.name.as_str()))
        .chain(center.names.iter().map(|(l, n)| (l.as_str(), n.as_str())));
    for (code, name) in all {
        if name.trim().is_empty() || seen.contains(&name) {
            continue;
        }
        seen.push(name);
        others.push((code.to_owned(), name.to_owned()));
    }
    others
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::Pediatric;

    /// The bundled dataset.
    const CENTERS: &str = include_str!("../../../public/data/centers.json");

    fn dataset() -> Dataset {
        let loaded = Dataset::load(CENTERS).expect("the bundled dataset loads");
        std::sync::Arc::unwrap_or_clone(loaded.dataset)
    }

    #[test]
    fn children_care_is_said_as_shortly_as_is_exact() {
        let labelled = |codes: &[&str]| -> Vec<Labelled> {
            let text = |c: &str| Text {
                text: c.to_string(),
                lang: Lang::En,
            };
            codes
                .iter()
                .map(|c| Labelled {
                    code: c.to_string(),
                    label: Bilingual::new(text(c), None),
                })
                .collect()
        };
        // (the center's specialties, the children's, the others when "all but" is shorter)
        type Case<'a> = (&'a [&'a str], &'a [&'a str], Option<&'a [&'a str]>);
        let cases: &[Case] = &[
            (&["a", "b", "c", "d"], &["a", "b", "c"], Some(&["d"])),
            (&["a", "b", "c", "d"], &["d", "c", "b", "a"], Some(&[])),
            // Half of them: listed.
            (&["a", "b", "c", "d"], &["a", "b"], None),
            // A short list: listed.
            (&["a", "b", "c"], &["a", "b", "c"], None),
            // A service the center does not list: "all but" would not say it.
            (&["a", "b", "c", "d"], &["a", "b", "c", "x"], None),
        ];
        let d = dataset();
        let mut s = sheet(&d, &d.centers[0], Lang::En, "https://x");
        for &(all, kids, others) in cases {
            s.specialties = labelled(all);
            s.pediatric = Some(Children {
                treats_children: true,
                services: labelled(kids),
            });
            let want = match others {
                Some(o) => ChildrenCare::AllBut(labelled(o)),
                None => ChildrenCare::Listed(labelled(kids)),
            };
            assert_eq!(s.children_care(), Some(want), "{all:?} {kids:?}");
        }
        s.pediatric = Some(Children {
            treats_children: false,
            services: labelled(&["a"]),
        });
        assert_eq!(s.children_care(), None);
    }

    #[test]
    fn a_sheet_prints_the_first_sources_and_counts_the_others() {
        let d = dataset();
        let most = d.centers.iter().max_by_key(|c| c.sources.len()).unwrap();
        assert!(most.sources.len() > PRINTED_SOURCES);
        let s = sheet(&d, most, Lang::En, "https://x");
        assert_eq!(s.sources.len(), PRINTED_SOURCES);
        assert_eq!(s.sources[0].title, most.sources[0].title);
        assert_eq!(s.more_sources, most.sources.len() - PRINTED_SOURCES);
    }

    /// Renders `grid` (dark cells, in module units including the quiet zone, `n` × `n`) as a
    /// greyscale image, `scale` pixels per module, and decodes it with rqrr: the texts found
    /// and their error correction levels.
    fn decode(n: usize, scale: usize, grid: impl Fn(usize, usize) -> bool) -> Vec<(String, u16)> {
        let px = n * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            if grid(x / scale, y / scale) {
                0
            } else {
                255
            }
        });
        image
            .detect_grids()
            .into_iter()
            .map(|g| {
                let (meta, text) = g.decode().expect("the grid decodes");
                (text, meta.ecc_level)
            })
            .collect()
    }

    /// Draws an SVG path of [`Qr::svg_path`]'s form back into cells: which cells of an `n` × `n`
    /// grid it covers, and how many times each.
    fn rasterize(d: &str, n: usize) -> Vec<u32> {
        fn number(rest: &mut &str) -> usize {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (digits, tail) = rest.split_at(end);
            *rest = tail;
            digits.parse().expect("a number")
        }
        fn expect(prefix: &str, rest: &mut &str) {
            *rest = rest
                .strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{prefix:?} expected at {rest:?}"));
        }
        let mut covered = vec![0u32; n * n];
        let mut rest = d;
        while !rest.is_empty() {
            expect("M", &mut rest);
            let x = number(&mut rest);
            expect(" ", &mut rest);
            let y = number(&mut rest);
            expect("h", &mut rest);
            let len = number(&mut rest);
            expect("v1H", &mut rest);
            assert_eq!(number(&mut rest), x, "the rectangle closes where it began");
            expect("z", &mut rest);
            assert!(len > 0);
            for cx in x..x + len {
                covered[y * n + cx] += 1;
            }
        }
        covered
    }

    fn long_permalink() -> String {
        // A deployment under a Cyrillic path (percent-encoded, as `location.pathname` gives it)
        // and a Russian search, as the app writes them.
        let path: String = "шифо/карта"
            .split('/')
            .map(|seg| {
                percent_encoding::utf8_percent_encode(seg, percent_encoding::NON_ALPHANUMERIC)
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("/");
        let view = ViewState::from_query(
            "q=Республиканский+специализированный+научно-практический+центр&center=vakhidov-center-of-surgery-tashkent&lang=ru",
        );
        format!("https://shifo.example.org/{path}/?{}", view.to_query())
    }

    fn every_param_permalink() -> String {
        let query = "country=KZ,UZ&specialty=oncology,pediatric-oncology&pediatric=1&q=Ташкент\
                     &center=proton-therapy-center-astana&lang=kk\
                     &data=https%3A%2F%2Fdata.health.gov.kz%2Fcenters.json&embed=1\
                     &lock=country,specialty&accent=%230B6E4F&theme=dark";
        let view = ViewState::from_query(query);
        format!("https://shifo.example.org/?{}", view.to_query())
    }

    fn permalinks() -> Vec<String> {
        vec![
            "https://shifo.example.org/?center=nroc-astana&lang=en".to_string(),
            permalink(
                "https://shifo.example.org/map/",
                "proton-therapy-center-astana",
                Lang::Kk,
                None,
            ),
            long_permalink(),
            every_param_permalink(),
            // Not percent-encoded: still encoded and decoded as UTF-8 bytes.
            "https://shifo.example.org/?q=Ташкент".to_string(),
        ]
    }

    #[test]
    fn test_permalinks_are_what_they_claim() {
        let long = long_permalink();
        assert!(long.len() >= 300, "{} bytes", long.len());
        assert!(long.is_ascii());
        assert!(long.contains("%D1%88%D0%B8%D1%84%D0%BE"), "{long}");
        let every = every_param_permalink();
        for key in [
            "country=",
            "specialty=",
            "pediatric=",
            "q=",
            "center=",
            "lang=",
            "data=",
            "embed=",
            "lock=",
            "accent=",
            "theme=",
        ] {
            assert!(every.contains(key), "{key} missing from {every}");
        }
    }

    #[test]
    fn qr_round_trips_through_a_reader() {
        for text in permalinks() {
            let qr = Qr::encode(&text).unwrap();
            assert_eq!((qr.size - 21) % 4, 0, "a QR code size: {}", qr.size);
            let n = qr.size + 2 * QUIET_ZONE;
            let decoded = decode(n, 4, |x, y| {
                x >= QUIET_ZONE && y >= QUIET_ZONE && qr.dark(x - QUIET_ZONE, y - QUIET_ZONE)
            });
            // ISO/IEC 18004 format information: level M is the bit pattern 00.
            assert_eq!(decoded, [(text.clone(), 0)], "{text}");
        }
    }

    #[test]
    fn svg_path_covers_exactly_the_dark_modules() {
        for text in permalinks() {
            let qr = Qr::encode(&text).unwrap();
            for quiet in [0, QUIET_ZONE] {
                let d = qr.svg_path(quiet);
                assert!(
                    d.chars()
                        .all(|c| c.is_ascii_digit() || "MHhvz ".contains(c)),
                    "{d}"
                );
                let n = qr.size + 2 * quiet;
                assert_eq!(qr.view_box(quiet), format!("0 0 {n} {n}"));
                let covered = rasterize(&d, n);
                let dark = (0..n * n)
                    .filter(|i| {
                        let (x, y) = (i % n, i / n);
                        x >= quiet && y >= quiet && qr.dark(x - quiet, y - quiet)
                    })
                    .count();
                assert_eq!(covered.iter().filter(|&&c| c > 0).count(), dark, "{text}");
                for (i, &c) in covered.iter().enumerate() {
                    let (x, y) = (i % n, i / n);
                    let want = x >= quiet && y >= quiet && qr.dark(x - quiet, y - quiet);
                    assert_eq!(c, u32::from(want), "cell {x},{y} of {text}");
                }
                // Runs are merged: a rectangle never ends next to a dark module of its row.
                assert!(d.matches('M').count() < dark);
                if quiet == QUIET_ZONE {
                    // What the page draws reads back too.
                    let decoded = decode(n, 3, |x, y| covered[y * n + x] > 0);
                    assert_eq!(decoded, [(text.clone(), 0)]);
                }
            }
        }
    }

    #[test]
    fn qr_errors_and_edges() {
        let too_long = "a".repeat(3000);
        assert_eq!(Qr::encode(&too_long), Err(QrError::TooLong { bytes: 3000 }));
        assert_eq!(
            QrError::TooLong { bytes: 3000 }.to_string(),
            "3000 bytes do not fit in a QR code at level M"
        );
        let qr = Qr::encode("https://shifo.example.org/").unwrap();
        assert_eq!(qr.size, 25, "26 bytes need version 2 at level M");
        // The top-left finder pattern: dark corner, then the light ring inside it.
        assert!(qr.dark(0, 0) && qr.dark(6, 6) && !qr.dark(1, 1) && qr.dark(2, 2));
        assert!(!qr.dark(qr.size, 0) && !qr.dark(0, qr.size) && !qr.dark(usize::MAX, 0));
    }

    #[test]
    fn referral_language_pairs() {
        let cases = [
            (Lang::En, Lang::Ru),
            (Lang::Ru, Lang::En),
            (Lang::Kk, Lang::Ru),
            (Lang::Uz, Lang::Ru),
            (Lang::Ky, Lang::Ru),
            (Lang::Tg, Lang::Ru),
            (Lang::Tk, Lang::Ru),
        ];
        assert_eq!(cases.len(), Lang::ALL.len());
        for (chosen, second) in cases {
            assert_eq!(
                referral_languages(chosen),
                (chosen, Some(second)),
                "{chosen:?}"
            );
        }
    }

    #[test]
    fn permalink_is_the_apps_query() {
        let cases = [
            (
                "https://shifo.example.org/",
                "nroc-astana",
                Lang::Ru,
                None,
                "https://shifo.example.org/?center=nroc-astana&lang=ru",
            ),
            (
                "https://shifo.example.org/map?center=old&lang=en#x",
                "nroc-astana",
                Lang::Tg,
                None,
                "https://shifo.example.org/map?center=nroc-astana&lang=tg",
            ),
            (
                "https://hospital.example.kz/shifo/",
                "a",
                Lang::Kk,
                Some("https://data.example.kz/c.json"),
                "https://hospital.example.kz/shifo/?center=a&lang=kk&data=https%3A%2F%2Fdata.example.kz%2Fc.json",
            ),
        ];
        for (base, id, lang, data, want) in cases {
            let link = permalink(base, id, lang, data);
            assert_eq!(link, want);
            let view = ViewState::from_query(link.split_once('?').unwrap().1);
            assert_eq!(view.center.as_deref(), Some(id));
            assert_eq!(view.lang, Some(lang));
            assert_eq!(view.data.as_deref(), data);
        }
    }

    fn text(text: &str, lang: Lang) -> Text {
        Text {
            text: text.into(),
            lang,
        }
    }

    fn two(first: (&str, Lang), second: Option<(&str, Lang)>) -> Bilingual {
        Bilingual {
            first: text(first.0, first.1),
            second: second.map(|(t, l)| text(t, l)),
        }
    }

    #[test]
    fn sheet_of_the_proton_therapy_center() {
        // Expected values from public/data/centers.json, entry "proton-therapy-center-astana"
        // and the specialty vocabulary at the top of that file.
        let d = dataset();
        let c = d.center("proton-therapy-center-astana").unwrap();
        let link = permalink("https://shifo.example.org/", &c.id, Lang::En, None);
        let s = sheet(&d, c, Lang::En, &link);
        let (en, ru) = (
            "Proton Therapy Center of the National Research Oncology Center",
            "Центр протонной терапии Национального научного онкологического центра",
        );
        assert_eq!((s.lang, s.second), (Lang::En, Some(Lang::Ru)));
        assert_eq!(s.name, two((en, Lang::En), Some((ru, Lang::Ru))));
        // Its other names: the Kazakh translation and the Latin transliterations.
        let others: Vec<&str> = s.other_names.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(others, ["kk", "tk", "uz"]);
        assert_eq!(s.country, Country::KZ);
        assert_eq!(
            s.city,
            two(("Astana", Lang::En), Some(("Астана", Lang::Ru)))
        );
        // The English address is the original (written from the center's English page).
        assert_eq!(
            s.address,
            Some(Address {
                shown: (
                    "en".into(),
                    "Astana, Kerey, Zhanibek Khandar str., house 3 (NROC campus)".into()
                ),
                original: None,
            })
        );
        assert_eq!(
            s.part_of,
            Some(two(
                ("National Research Oncology Center", Lang::En),
                Some(("Национальный научный онкологический центр", Lang::Ru))
            ))
        );
        let specialties = [
            ("proton-therapy", "Proton therapy", "Протонная терапия"),
            ("radiation-therapy", "Radiation therapy", "Лучевая терапия"),
            (
                "radioiodine-therapy",
                "Radioiodine therapy",
                "Радиойодтерапия",
            ),
        ];
        let want: Vec<Labelled> = specialties
            .iter()
            .map(|&(code, en, ru)| Labelled {
                code: code.into(),
                label: two((en, Lang::En), Some((ru, Lang::Ru))),
            })
            .collect();
        assert_eq!(s.specialties, want);
        assert_eq!(
            s.pediatric,
            Some(Children {
                treats_children: true,
                services: vec![want[2].clone()],
            })
        );
        let capacity = s.capacity.as_ref().unwrap();
        assert_eq!(
            (capacity.beds, capacity.patients_per_year),
            (None, Some(800))
        );
        assert_eq!(
            (s.phones.is_empty(), &s.email, &s.mailto_uri),
            (true, &None, &None)
        );
        assert_eq!(s.website.as_deref(), Some("https://cancercenter.edu.kz"));
        // Every source of the entry, in its order, each with what a doctor needs to find it.
        assert_eq!(s.sources, c.sources);
        assert_eq!(
            s.sources[1].title,
            "Kazakhstan advances cancer treatment with proton therapy"
        );
        assert_eq!(
            s.sources[1].publisher.as_deref(),
            Some("Kazinform (Qazinform)")
        );
        assert_eq!(s.last_verified.as_deref(), Some("2026-12-07"));
        assert_eq!(
            s.permalink,
            "https://shifo.example.org/?center=proton-therapy-center-astana&lang=en"
        );
        assert_eq!(s.qr, Qr::encode(&s.permalink));

        // The Russian reader gets the same facts with the languages swapped.
        let r = sheet(&d, c, Lang::Ru, &link);
        assert_eq!((r.lang, r.second), (Lang::Ru, Some(Lang::En)));
        assert_eq!(r.name, two((ru, Lang::Ru), Some((en, Lang::En))));
        assert_eq!(
            r.specialties[0].label,
            two(
                ("Протонная терапия", Lang::Ru),
                Some(("Proton therapy", Lang::En))
            )
        );
    }

    #[test]
    fn a_branch_without_contacts_gives_its_parents_and_says_so() {
        // public/data/centers.json: the Khorezm branch of the cardiology center has no contact
        // of its own and is part_of "rsspmc-cardiology-tashkent", which has a website.
        let d = dataset();
        let branch = d.center("cardiology-khorezm-branch-urgench").unwrap();
        let parent = d.center("rsspmc-cardiology-tashkent").unwrap();
        let s = sheet(&d, branch, Lang::Ru, "https://x");
        assert!(
            matches!(&s.contacts_of, ContactsOf::Parent(name) if name.first.text == parent.name_in(Lang::Ru))
        );
        assert_eq!(s.website.as_deref(), parent.safe_website());
    }

    #[test]
    fn without_a_contact_in_its_family_a_center_gives_its_countrys_ministry() {
        // public/data/centers.json: the Karshi maternal branch and its parent have no contact;
        // the Uzbek ministry's entry in `authorities` has a website, an e-mail and the short
        // number 1003, which three sources give, the newest Kun.uz on 2024-10-15.
        let d = dataset();
        let orphan = d.center("maternal-child-health-karshi-branch").unwrap();
        assert_eq!(orphan.country, Country::UZ);
        let s = sheet(&d, orphan, Lang::En, "https://x");
        let name = two(
            ("Ministry of Health of the Republic of Uzbekistan", Lang::En),
            Some((
                "Министерство здравоохранения Республики Узбекистан",
                Lang::Ru,
            )),
        );
        assert_eq!(s.contacts_of, ContactsOf::Authority(name));
        assert_eq!(s.website.as_deref(), Some("https://gov.uz/en/ssv"));
        assert_eq!(s.email.as_deref(), Some("info@ssv.uz"));
        assert_eq!(s.mailto_uri.as_deref(), Some("mailto:info@ssv.uz"));
        let [phone] = s.phones.as_slice() else {
            panic!("one phone: {:?}", s.phones)
        };
        assert_eq!(phone.number, "1003");
        assert_eq!(phone.tel_uri.as_deref(), Some("tel:1003"));
        assert!(phone.in_country_only);
        let source = phone.source.as_ref().expect("where the number comes from");
        assert_eq!(
            (source.publisher.as_deref(), source.date.as_deref()),
            (Some("Kun.uz"), Some("2024-10-15"))
        );
        // An Uzbek reader reads the name in Latin letters, and the clinic in Russian.
        let s = sheet(&d, orphan, Lang::Uz, "https://x");
        let ContactsOf::Authority(name) = &s.contacts_of else {
            panic!("{:?}", s.contacts_of)
        };
        assert_eq!(
            name.first.text,
            "Oʻzbekiston Respublikasi Sogʻliqni saqlash vazirligi"
        );
        // Turkmenistan's ministry has only a website: a center there without contacts still
        // gets a way forward, and no phone is made up.
        let d = Dataset {
            centers: vec![Center::stub("lone", Country::TM, 37.9, 58.4)],
            ..dataset()
        };
        let s = sheet(&d, &d.centers[0], Lang::Ru, "https://x");
        assert!(matches!(&s.contacts_of, ContactsOf::Authority(n) if n.first.lang == Lang::Ru));
        assert_eq!(s.website.as_deref(), Some("https://saglykhm.gov.tm"));
        assert!(s.phones.is_empty() && s.email.is_none());
    }

    #[test]
    fn sheet_of_a_tashkent_center_for_an_uzbek_reader() {
        // Expected values from public/data/centers.json, entry
        // "vakhidov-center-of-surgery-tashkent" (an official Russian name, and an Uzbek one
        // written in Latin letters from its Uzbek Cyrillic form), the specialty vocabulary, and
        // the places table's "Toshkent" (core/src/geo/places.rs); the address from
        // public/data/translations/uz.json, which the app fetches for an Uzbek reader.
        let mut d = dataset();
        let uz_texts = include_str!("../../../public/data/translations/uz.json");
        d.add_translations(&serde_json::from_str(uz_texts).unwrap());
        let c = d.center("vakhidov-center-of-surgery-tashkent").unwrap();
        let s = sheet(
            &d,
            c,
            Lang::Uz,
            "https://shifo.example.org/?center=vakhidov-center-of-surgery-tashkent&lang=uz",
        );
        let ru = "Республиканский специализированный научно-практический медицинский центр хирургии имени академика В. Вахидова";
        let uz = "Akademik V. Vohidov nomidagi Respublika ixtisoslashtirilgan ilmiy-amaliy jarrohlik tibbiyot markazi";
        assert_eq!(s.name, two((uz, Lang::Uz), Some((ru, Lang::Ru))));
        let others: Vec<&str> = s.other_names.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(others, ["en", "tk"]);
        assert_eq!(s.country, Country::UZ);
        assert_eq!(
            s.city,
            two(("Toshkent", Lang::Uz), Some(("Ташкент", Lang::Ru)))
        );
        // The address in Uzbek, marked as translated from the English it keeps beside it.
        let address = s.address.as_ref().expect("an address");
        let en = crate::dataset::text::Tag::new("en").unwrap();
        assert_eq!(address.shown.0, "uz");
        assert_eq!(
            address.shown.1.text,
            "100115, Toshkent sh., Chilonzor tumani, Kichik halqa yoʻli koʻchasi, 10"
        );
        assert_eq!(
            address.shown.1.made,
            crate::dataset::text::Made::TranslatedFrom(en)
        );
        assert_eq!(
            address.original,
            Some((
                "en".into(),
                "10 Small Ring Road Street, Chilonzor district, Tashkent 100115".into()
            ))
        );
        assert_eq!(s.part_of, None);
        let codes: Vec<&str> = s.specialties.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "surgery",
                "cardiac-surgery",
                "hepatobiliary-surgery",
                "endoscopic-surgery",
                "endovascular-surgery",
                "organ-transplantation",
                "pediatric-cardiac-surgery"
            ]
        );
        assert_eq!(
            s.specialties[0].label,
            two(("Xirurgiya", Lang::Uz), Some(("Хирургия", Lang::Ru)))
        );
        assert_eq!(
            s.specialties[5].label,
            two(
                ("Organlar transplantatsiyasi", Lang::Uz),
                Some(("Трансплантация органов", Lang::Ru))
            )
        );
        // Children: the one service a source says they get (care, "pediatric-cardiac-surgery").
        let kids = s.pediatric.as_ref().unwrap();
        assert!(kids.treats_children);
        let codes: Vec<&str> = kids.services.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["pediatric-cardiac-surgery"]);
        assert_eq!(s.capacity.as_ref().and_then(|c| c.beds), Some(370));
        assert_eq!(s.phones.len(), 1);
        assert_eq!(s.phones[0].number, "+998 71 277 27 65");
        assert_eq!(s.phones[0].tel_uri.as_deref(), Some("tel:+998712772765"));
        // A center's own phone is covered by its own sources, listed below.
        assert_eq!(s.phones[0].source, None);
        assert_eq!(s.website.as_deref(), Some("https://rscs.uz"));
        assert_eq!((&s.email, &s.mailto_uri), (&None, &None));
        assert_eq!(s.sources, c.sources[..c.sources.len().min(PRINTED_SOURCES)]);
        assert_eq!(s.sources.len() + s.more_sources, c.sources.len());
        // The seed article, cited by its original (Sputnik, 2025-10-12), not by its file.
        let seed = s
            .sources
            .iter()
            .find(|x| x.title == "В Узбекистане стартуют Дни казахстанской медицины")
            .unwrap();
        assert_eq!(
            (
                seed.publisher.as_deref(),
                seed.date.as_deref(),
                seed.file.as_deref()
            ),
            (Some("Sputnik Uzbekistan"), Some("2025-10-12"), None)
        );
        assert_eq!(s.last_verified.as_deref(), Some("2026-12-07"));
    }

    #[test]
    fn unsafe_links_and_unknown_data_stay_off_the_sheet() {
        let d = dataset();
        let c = Center {
            name: "Test Center".into(),
            city: "Nowhere".into(),
            specialties: vec!["oncology".into(), "not-in-vocabulary".into()],
            pediatric: Some(Pediatric {
                treats_children: false,
                services: vec![],
            }),
            website: Some("javascript:alert(document.cookie)".into()),
            email: Some("a@b.kz?subject=x".into()),
            phone: Some("call us".into()),
            part_of: Some("no-such-center".into()),
            sources: vec![
                Source {
                    title: "Evil".into(),
                    url: Some("JaVaScRiPt:alert(1)".into()),
                    file: None,
                    date: None,
                    ..Default::default()
                },
                Source {
                    title: "Data".into(),
                    url: Some("data:text/html,<script>alert(1)</script>".into()),
                    file: Some("f.txt".into()),
                    date: Some("2025".into()),
                    ..Default::default()
                },
            ],
            ..Center::stub("test-center", Country::TJ, 38.5, 68.8)
        };
        let s = sheet(
            &d,
            &c,
            Lang::Tg,
            "https://shifo.example.org/?center=test-center&lang=tg",
        );
        assert_eq!(s.website, None);
        assert_eq!(s.mailto_uri, None);
        assert_eq!(s.phones[0].tel_uri, None);
        // The texts themselves are shown as text.
        assert_eq!(s.email.as_deref(), Some("a@b.kz?subject=x"));
        assert_eq!(s.phones[0].number, "call us");
        assert!(s.sources.iter().all(|src| src.url.is_none()));
        assert_eq!(s.sources[1].file.as_deref(), Some("f.txt"));
        assert_eq!(s.part_of, None);
        // A city the places table does not know and a name with no translation: as written,
        // once.
        assert_eq!(s.city, two(("Nowhere", Lang::En), None));
        assert_eq!(s.name, two(("Test Center", Lang::En), None));
        assert!(s.other_names.is_empty());
        assert_eq!(
            s.specialties[0].label,
            two(("Саратоншиносӣ", Lang::Tg), Some(("Онкология", Lang::Ru)))
        );
        assert_eq!(
            s.specialties[1].label,
            two(("not-in-vocabulary", Lang::En), None)
        );
        assert_eq!(
            s.pediatric,
            Some(Children {
                treats_children: false,
                services: vec![]
            })
        );
    }

    #[test]
    fn tagged_text_agrees_with_pick() {
        // Every center and specialty of the bundled dataset, in every language.
        let d = dataset();
        for lang in Lang::ALL {
            for c in &d.centers {
                let t = tagged(lang, &c.name, |l| c.names.get(l.code()));
                assert_eq!(t.text, c.name_in(lang), "{} {lang:?}", c.id);
                assert!(lang.fallbacks().any(|l| l == t.lang));
            }
            for s in &d.specialties {
                let t = tagged(lang, &s.label, |l| s.labels.get(l.code()));
                assert_eq!(t.text, s.label_in(lang), "{} {lang:?}", s.code);
            }
        }
    }
}
