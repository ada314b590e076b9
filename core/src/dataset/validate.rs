//! Checks a dataset for problems serde cannot see (duplicate ids, unknown codes, coordinates
//! outside the country, links to centers that do not exist, malformed contacts) and names each
//! problem by its JSON path, so that it can be located in the file.

use std::collections::HashSet;

use foldhash::{HashMap as FastMap, HashSet as FastSet};
use std::fmt;

use crate::dataset::json::{Node, Pos, Value};
use crate::dataset::model::{
    is_date, is_email, is_phone, is_short_number, is_web_url, Alias, Authority, Center, Dataset,
    Figure, Precision, Source,
};
use crate::dataset::text::{Made, Text, Texts};
use crate::decimal::shortest;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where a value sits in the document, e.g. `$.centers[3].phone`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// The document itself.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path followed by an object key.
    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(key.to_string()));
        p
    }

    /// This path followed by an array index.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// The top-level list and the index in it, for `$.centers[3]...` that is `("centers", 3)`.
    pub fn entry(&self) -> Option<(&str, usize)> {
        match self.0.as_slice() {
            [Seg::Key(list), Seg::Index(i), ..] => Some((list.as_str(), *i)),
            _ => None,
        }
    }

    /// Parses the display form back (`$.centers[3].phone`); keys in brackets are not needed by
    /// callers and are not supported.
    pub fn parse(s: &str) -> Option<Path> {
        let mut p = Path::root();
        let rest = s.strip_prefix('$')?;
        for part in rest.split('.').skip(1) {
            let (key, mut idx) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
            p = p.key(key);
            while let Some((n, r)) = idx.split_once(']') {
                p = p.index(n.parse().ok()?);
                idx = r.strip_prefix('[').unwrap_or(r);
            }
        }
        Some(p)
    }

    /// The node at this path in a positioned tree, or the deepest existing node on the way.
    pub fn locate<'a>(&self, root: &'a Node) -> &'a Node {
        let mut node = root;
        for seg in &self.0 {
            let next = match (seg, &node.value) {
                (Seg::Key(k), Value::Object(_)) => node.get(k).map(|m| &m.value),
                (Seg::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for seg in &self.0 {
            match seg {
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Key(k)
                    if !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') =>
                {
                    write!(f, ".{k}")?
                }
                // Keys with dots, spaces or quotes are written as a quoted bracket, JSONPath-style.
                Seg::Key(k) => write!(f, "[{}]", serde_json::Value::from(k.as_str()))?,
            }
        }
        Ok(())
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The entry cannot be trusted and is left out.
    Error,
    /// Worth fixing; the entry is kept.
    Warning,
}

/// One thing wrong with a dataset, located by its JSON path and, once loaded, line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `$.centers[3].specialties[1]`.
    pub path: Path,
    /// Line and column in the file, when known.
    pub at: Option<Pos>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// The kinds of problem, one variant per rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// A field the format does not have (often a typo).
    UnknownField(String),
    /// A required field is absent.
    MissingField(String),
    /// The same key appears twice in one object.
    DuplicateField(String),
    /// A value of the wrong JSON type.
    WrongType {
        /// What the format expects, e.g. "a string".
        expected: &'static str,
        /// What the file has.
        found: &'static str,
    },
    /// A string outside a fixed list (country codes, precision, hub status).
    NotOneOf {
        /// The value found.
        found: String,
        /// The values allowed.
        allowed: &'static [&'static str],
    },
    /// A count that is not a whole number from 0 to 4,294,967,295.
    NotAWholeNumber(String),
    /// The file declares a schema version other than this build's.
    UnsupportedVersion(u32),
    /// An id is used twice in the same list; the later entry is dropped.
    DuplicateId(String),
    /// An id is not a lowercase slug (`a-z`, `0-9`, `-`), so it cannot live in a URL.
    BadId(String),
    /// A required text field is empty.
    Empty(&'static str),
    /// A specialty code is not in the vocabulary.
    UnknownSpecialty(String),
    /// A specialty code is declared twice in the vocabulary.
    DuplicateSpecialty(String),
    /// A specialty code is not a lowercase slug, so it cannot live in a URL; it is removed.
    BadSpecialtyCode(String),
    /// Latitude or longitude is not a finite number in range.
    BadCoordinates {
        /// The latitude found.
        lat: f64,
        /// The longitude found.
        lon: f64,
    },
    /// The coordinates lie outside the center's country.
    OutsideCountry {
        /// The country the center claims.
        country: crate::dataset::country::Country,
        /// The latitude found.
        lat: f64,
        /// The longitude found.
        lon: f64,
    },
    /// A partnership, event, hub or `part_of` names a center that is not in the dataset.
    UnknownCenter(String),
    /// A link is not an `https:` or `http:` URL.
    BadUrl(String),
    /// A phone number is not `+`, a country code and 8 to 15 digits in all.
    BadPhone(String),
    /// A health ministry's phone is neither in international format nor a short number of 3
    /// to 5 digits.
    BadAuthorityPhone(String),
    /// A second health ministry for a country; the later entry is left out.
    DuplicateCountry(crate::dataset::country::Country),
    /// An e-mail address is malformed.
    BadEmail(String),
    /// A date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// A center, hub or health ministry has no source.
    NoSource,
    /// An entry could not be read although its shape looked right (a detail serde rejects).
    Unreadable(String),
    /// A source has neither a `url` nor a `file`, so nobody can check it.
    UncheckableSource,
    /// Warning: the coordinates mark only the city.
    CityPrecision,
    /// Warning: the coordinates mark only the district or region.
    RegionPrecision,
    /// Warning: no name in this language.
    MissingName(&'static str),
    /// Warning: no `last_verified` date.
    NotVerified,
    /// Warning: a specialty's label is empty; its code is shown instead.
    EmptyLabel,
    /// Warning: a translation or transliteration whose original is not kept (what it was made
    /// from leads to no name as written).
    NoOriginal(String),
    /// Warning: an alias is another center's name, so a search for it finds both.
    AliasOfAnother {
        /// The alias.
        alias: String,
        /// The id of the center it names.
        center: String,
    },
    /// Warning: `precision` is `building` but the center has no address.
    BuildingWithoutAddress,
    /// Warning: a `care` entry is for a specialty the center does not list.
    CareNotListed(String),
    /// Warning: a `care` entry gives a specialty to children while `pediatric` says the center
    /// does not treat children.
    ChildrenContradiction(String),
    /// Warning: a source index past the end of the record's `sources`.
    NoSuchSource(u64),
    /// Warning: the youngest age given is above the oldest.
    AgeRange {
        /// `min_age`.
        min: u8,
        /// `max_age`.
        max: u8,
    },
    /// Warning: a source without a URL needs a publisher and a date, so a doctor can find it.
    IncompleteCitation,
    /// Warning: `translations` names a language that is not one of the interface's others
    /// than English; its file is never fetched.
    NotATranslationLanguage(String),
}

impl ProblemKind {
    /// Errors make the entry be left out; warnings do not.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::CityPrecision
            | ProblemKind::RegionPrecision
            | ProblemKind::MissingName(_)
            | ProblemKind::NotVerified
            | ProblemKind::EmptyLabel
            | ProblemKind::NoOriginal(_)
            | ProblemKind::AliasOfAnother { .. }
            | ProblemKind::BuildingWithoutAddress
            | ProblemKind::CareNotListed(_)
            | ProblemKind::ChildrenContradiction(_)
            | ProblemKind::NoSuchSource(_)
            | ProblemKind::AgeRange { .. }
            | ProblemKind::IncompleteCitation
            | ProblemKind::NotATranslationLanguage(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Problem {
    /// A problem at a path, optionally already located.
    pub fn new(path: Path, at: Option<Pos>, kind: ProblemKind) -> Problem {
        Problem { path, at, kind }
    }

    /// Whether this problem makes its entry be left out.
    pub fn is_error(&self) -> bool {
        self.kind.severity() == Severity::Error
    }

    /// The index of the center this problem belongs to, if it is inside `centers[..]`.
    pub fn center_index(&self) -> Option<usize> {
        self.path
            .entry()
            .and_then(|(list, i)| (list == "centers").then_some(i))
    }

    /// What is wrong, without the path or location.
    pub fn message(&self) -> String {
        match &self.kind {
            ProblemKind::UnknownField(name) => format!("unknown field \"{name}\""),
            ProblemKind::MissingField(name) => format!("missing required field \"{name}\""),
            ProblemKind::DuplicateField(name) => format!("field \"{name}\" appears twice"),
            ProblemKind::WrongType { expected, found } => {
                format!("expected {expected}, found {found}")
            }
            ProblemKind::NotOneOf { found, allowed } => {
                format!("\"{found}\" is not one of {}", allowed.join(", "))
            }
            ProblemKind::NotAWholeNumber(raw) => format!("{raw} is not a whole number"),
            ProblemKind::UnsupportedVersion(v) => format!(
                "schema_version {v} is not supported (this version of Shifo reads 1 to {})",
                crate::dataset::model::SCHEMA_VERSION
            ),
            ProblemKind::DuplicateId(id) => format!("duplicate id \"{id}\""),
            ProblemKind::BadId(id) => {
                format!("id \"{id}\" must use only lowercase letters, digits and hyphens")
            }
            ProblemKind::Empty(field) => format!("{field} must not be empty"),
            ProblemKind::UnknownSpecialty(code) => format!("unknown specialty code \"{code}\""),
            ProblemKind::DuplicateSpecialty(code) => {
                format!("specialty code \"{code}\" is declared twice")
            }
            ProblemKind::BadSpecialtyCode(code) => format!(
                "specialty code \"{code}\" must use only lowercase letters, digits and hyphens"
            ),
            ProblemKind::BadCoordinates { lat, lon } => format!(
                "coordinates {}, {} are out of range (lat -90..90, lon -180..180)",
                shortest(*lat),
                shortest(*lon)
            ),
            ProblemKind::OutsideCountry { country, lat, lon } => format!(
                "coordinates {}, {} are outside {} ({country})",
                shortest(*lat),
                shortest(*lon),
                country.name()
            ),
            ProblemKind::UnknownCenter(id) => format!("no center has the id \"{id}\""),
            ProblemKind::BadUrl(url) => format!("\"{url}\" is not an https or http URL"),
            ProblemKind::BadPhone(phone) => format!(
                "\"{phone}\" is not a phone number in international format (+, country code, 8-15 digits)"
            ),
            ProblemKind::BadAuthorityPhone(phone) => format!(
                "\"{phone}\" is neither a phone number in international format (+, country code, 8-15 digits) nor a short number (3-5 digits)"
            ),
            ProblemKind::DuplicateCountry(country) => {
                format!("the health ministry of country \"{country}\" is given twice")
            }
            ProblemKind::BadEmail(email) => format!("\"{email}\" is not an e-mail address"),
            ProblemKind::BadDate(date) => {
                format!("\"{date}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            ProblemKind::NoSource => "needs at least one source".to_string(),
            ProblemKind::UncheckableSource => "a source needs a url or a file".to_string(),
            ProblemKind::CityPrecision => {
                "coordinates mark the city, not the building".to_string()
            }
            ProblemKind::RegionPrecision => {
                "coordinates mark the district or region, not the town or the building".to_string()
            }
            ProblemKind::NoOriginal(from) => {
                format!("made from \"{from}\", but no original is kept for it")
            }
            ProblemKind::AliasOfAnother { alias, center } => {
                format!("alias \"{alias}\" is the name of center \"{center}\"")
            }
            ProblemKind::BuildingWithoutAddress => {
                "precision is building but there is no address".to_string()
            }
            ProblemKind::CareNotListed(code) => {
                format!("care for \"{code}\", which is not among the center's specialties")
            }
            ProblemKind::ChildrenContradiction(code) => format!(
                "\"{code}\" is given to children, but pediatric says the center does not treat children"
            ),
            ProblemKind::NoSuchSource(i) => format!("there is no source {i} in this record"),
            ProblemKind::AgeRange { min, max } => {
                format!("min_age {min} is above max_age {max}")
            }
            ProblemKind::IncompleteCitation => {
                "a source without a url needs a publisher and a date".to_string()
            }
            ProblemKind::NotATranslationLanguage(code) => format!(
                "\"{code}\" is not one of the languages translations are fetched for (ru, kk, uz, ky, tg, tk)"
            ),
            ProblemKind::MissingName(lang) => format!("no name in \"{lang}\""),
            ProblemKind::NotVerified => "no last_verified date".to_string(),
            ProblemKind::EmptyLabel => "label is empty; the code is shown instead".to_string(),
            ProblemKind::Unreadable(message) => format!("could not be read: {message}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.at {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
        write!(f, "{}: {}", self.path, self.message())
    }
}

/// Whether an id is a URL-safe slug.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Ids and codes of entries that exist in the file but were already reported and left out.
#[derive(Debug, Clone, Default)]
pub struct AlsoKnown {
    /// Center ids: links to them are dropped quietly instead of being reported again.
    pub centers: HashSet<String>,
    /// Specialty codes: centers using them keep them, instead of losing a whole center to a
    /// typo in the vocabulary.
    pub codes: HashSet<String>,
    /// Some vocabulary entry was unreadable, code and all: a code the vocabulary lacks may be
    /// that entry's, so it is not reported until the entry is fixed.
    pub codes_uncertain: bool,
}

/// Every problem in a typed dataset, in document order, with paths but no line and column
/// (see [`Dataset::load`] for those).
pub fn check(d: &Dataset) -> Vec<Problem> {
    check_with(d, &AlsoKnown::default())
}

/// [`check`], knowing the entries of `also` exist though they were left out.
pub fn check_with(d: &Dataset, also: &AlsoKnown) -> Vec<Problem> {
    let mut c = Checker::new(d, also);
    if !is_date(&d.updated) {
        c.push(
            Path::root().key("updated"),
            ProblemKind::BadDate(d.updated.clone()),
        );
    }
    c.vocabulary(d);
    c.centers(d);
    c.partnerships(d);
    c.events(d);
    c.hubs(d);
    c.authorities(d);
    for (i, code) in d.translations.iter().enumerate() {
        if !crate::lang::Lang::translation_code(code) {
            c.push(
                Path::root().key("translations").index(i),
                ProblemKind::NotATranslationLanguage(code.clone()),
            );
        }
    }
    c.out
}

/// A path to entry `i` of a top-level list. Paths are built only for a problem: building one
/// per entry cost more than the checks themselves at 50,000 centers.
fn entry(list: &'static str, i: usize) -> Path {
    Path::root().key(list).index(i)
}

/// The checks of one dataset, in document order, and what they have found.
struct Checker<'d> {
    out: Vec<Problem>,
    /// Specialty codes of the vocabulary (and left-out entries).
    codes: FastSet<&'d str>,
    /// A vocabulary entry was unreadable: unknown codes may be its, and are not reported.
    codes_uncertain: bool,
    /// Every center id, left-out ones included.
    known: FastSet<&'d str>,
}

impl<'d> Checker<'d> {
    fn new(d: &'d Dataset, also: &'d AlsoKnown) -> Checker<'d> {
        let mut known: FastSet<&str> = FastSet::default();
        known.reserve(d.centers.len() + also.centers.len());
        known.extend(d.centers.iter().map(|c| c.id.as_str()));
        known.extend(also.centers.iter().map(String::as_str));
        Checker {
            out: Vec::new(),
            codes: also.codes.iter().map(String::as_str).collect(),
            codes_uncertain: also.codes_uncertain,
            known,
        }
    }

    fn push(&mut self, path: Path, kind: ProblemKind) {
        self.out.push(Problem::new(path, None, kind));
    }

    /// An id that is a slug and not one `ids` already has (which it joins).
    fn unique_id(&mut self, path: Path, id: &'d str, ids: &mut FastSet<&'d str>) {
        if !is_slug(id) {
            self.push(path, ProblemKind::BadId(id.to_string()));
        } else if !ids.insert(id) {
            self.push(path, ProblemKind::DuplicateId(id.to_string()));
        }
    }

    /// Whether a specialty code may be used: the vocabulary has it, or may have it.
    fn knows_code(&self, code: &str) -> bool {
        self.codes.contains(code) || self.codes_uncertain
    }

    fn vocabulary(&mut self, d: &'d Dataset) {
        for (i, s) in d.specialties.iter().enumerate() {
            let at = || entry("specialties", i);
            if s.code.trim().is_empty() {
                self.push(at().key("code"), ProblemKind::Empty("code"));
            } else if !is_slug(&s.code) {
                self.push(
                    at().key("code"),
                    ProblemKind::BadSpecialtyCode(s.code.clone()),
                );
            } else if !self.codes.insert(s.code.as_str()) {
                self.push(
                    at().key("code"),
                    ProblemKind::DuplicateSpecialty(s.code.clone()),
                );
            }
            if s.label.trim().is_empty() {
                self.push(at().key("label"), ProblemKind::EmptyLabel);
            }
        }
    }

    /// The sources of a record: a title each, a URL that is one, dates that are dates, and
    /// something a doctor can find the source by.
    fn sources(&mut self, at: &dyn Fn() -> Path, sources: &[Source], required: bool) {
        if required && sources.is_empty() {
            self.push(at().key("sources"), ProblemKind::NoSource);
        }
        for (j, s) in sources.iter().enumerate() {
            let at = || at().key("sources").index(j);
            if s.title.trim().is_empty() {
                self.push(at().key("title"), ProblemKind::Empty("title"));
            }
            match (&s.url, &s.file) {
                (None, None) => self.push(at(), ProblemKind::UncheckableSource),
                (Some(u), _) if !is_web_url(u) => {
                    self.push(at().key("url"), ProblemKind::BadUrl(u.clone()))
                }
                (None, Some(_)) if s.publisher.is_none() || s.date.is_none() => {
                    self.push(at(), ProblemKind::IncompleteCitation)
                }
                _ => {}
            }
            if let Some(date) = s.date.as_ref().filter(|d| !is_date(d)) {
                self.push(at().key("date"), ProblemKind::BadDate(date.clone()));
            }
        }
    }

    /// Indices into a record's `count` sources.
    fn source_indices(&mut self, at: &dyn Fn() -> Path, indices: &[u16], count: usize) {
        for (k, &i) in indices.iter().enumerate() {
            if usize::from(i) >= count {
                self.push(
                    at().key("sources").index(k),
                    ProblemKind::NoSuchSource(i.into()),
                );
            }
        }
    }

    fn centers(&mut self, d: &'d Dataset) {
        // Which centers repeat an earlier center's id (a malformed id is reported as such).
        let mut seen: FastSet<&str> = FastSet::default();
        seen.reserve(d.centers.len());
        for (i, c) in d.centers.iter().enumerate() {
            let repeat = !seen.insert(c.id.as_str()) && is_slug(&c.id);
            self.center(i, c, repeat);
        }
        self.aliases(d);
    }

    fn center(&mut self, i: usize, c: &'d Center, repeat: bool) {
        let at = || entry("centers", i);
        if !is_slug(&c.id) {
            self.push(at().key("id"), ProblemKind::BadId(c.id.clone()));
        } else if repeat {
            self.push(at().key("id"), ProblemKind::DuplicateId(c.id.clone()));
        }
        if c.name.trim().is_empty() {
            self.push(at().key("name"), ProblemKind::Empty("name"));
        }
        if c.names.get("ru").is_none_or(|n| n.trim().is_empty()) {
            self.push(at().key("names"), ProblemKind::MissingName("ru"));
        }
        if c.city.trim().is_empty() {
            self.push(at().key("city"), ProblemKind::Empty("city"));
        }
        self.originals(&at, &c.name, &c.names, &c.aliases);
        self.address_originals(&at, &c.address);
        self.position(&at, c);
        self.specialties(&at, c);
        self.contacts(&at, c);
        if let Some(parent) = c
            .part_of
            .as_ref()
            .filter(|p| !self.known.contains(p.as_str()))
        {
            self.push(
                at().key("part_of"),
                ProblemKind::UnknownCenter(parent.clone()),
            );
        }
        self.figures(&at, &c.figures, c.sources.len());
        self.sources(&at, &c.sources, true);
        match &c.last_verified {
            None => self.push(at(), ProblemKind::NotVerified),
            Some(v) if !is_date(v) => {
                self.push(at().key("last_verified"), ProblemKind::BadDate(v.clone()))
            }
            Some(_) => {}
        }
    }

    /// Every translated or transliterated name keeps its original: following what each was
    /// made from ends at a name as written (or an alias, in another language or script).
    fn originals(&mut self, at: &dyn Fn() -> Path, name: &Text, names: &Texts, aliases: &[Alias]) {
        let text_in = |code: &str| -> Option<&Text> {
            match code {
                "en" => Some(name),
                _ => names.text(code),
            }
        };
        let kept = |mut made: Made| {
            // A chain longer than the languages there are is a loop.
            for _ in 0..=names.len() + 1 {
                let Some(from) = made.from() else {
                    return true;
                };
                if aliases
                    .iter()
                    .any(|a| a.lang.as_deref() == Some(from.as_str()))
                {
                    return true;
                }
                match text_in(from.as_str()) {
                    Some(t) => made = t.made,
                    None => return false,
                }
            }
            false
        };
        let every =
            std::iter::once(("en", name)).chain(names.texts().map(|(c, t)| (c.as_str(), t)));
        for (code, text) in every {
            if let Some(from) = text.made.from().filter(|_| !kept(text.made)) {
                let path = match code {
                    "en" => at().key("name"),
                    _ => at().key("names").key(code),
                };
                self.push(path, ProblemKind::NoOriginal(from.to_string()));
            }
        }
    }

    /// Every translated or transliterated address keeps what it was made from, in the end an
    /// address as a source wrote it (see [`Texts::original_of`]).
    fn address_originals(&mut self, at: &dyn Fn() -> Path, address: &Texts) {
        for (code, text) in address.texts() {
            let Some(from) = text.made.from() else {
                continue;
            };
            if address.original_of(code).is_none() {
                let path = at().key("address").key(code);
                self.push(path, ProblemKind::NoOriginal(from.to_string()));
            }
        }
    }

    /// Coordinates in range and in the country, and a precision the fields bear out.
    fn position(&mut self, at: &dyn Fn() -> Path, c: &Center) {
        let lat_ok = c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat);
        let lon_ok = c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon);
        let (lat, lon) = (c.lat, c.lon);
        if !lat_ok || !lon_ok {
            self.push(at().key("lat"), ProblemKind::BadCoordinates { lat, lon });
        } else if !c.country.bounds().contains(c.position()) {
            let country = c.country;
            self.push(
                at().key("lat"),
                ProblemKind::OutsideCountry { country, lat, lon },
            );
        }
        match c.precision {
            Precision::City => self.push(at().key("precision"), ProblemKind::CityPrecision),
            Precision::Region => self.push(at().key("precision"), ProblemKind::RegionPrecision),
            Precision::Building if c.address.is_empty() => {
                self.push(at().key("precision"), ProblemKind::BuildingWithoutAddress)
            }
            Precision::Building => {}
        }
    }

    /// Specialty codes from the vocabulary, and care details that agree with them.
    fn specialties(&mut self, at: &dyn Fn() -> Path, c: &Center) {
        for (j, code) in c.specialties.iter().enumerate() {
            if !self.knows_code(code) {
                let path = at().key("specialties").index(j);
                self.push(path, ProblemKind::UnknownSpecialty(code.clone()));
            }
        }
        if let Some(p) = &c.pediatric {
            for (j, code) in p.services.iter().enumerate() {
                if !self.knows_code(code) {
                    let path = at().key("pediatric").key("services").index(j);
                    self.push(path, ProblemKind::UnknownSpecialty(code.clone()));
                }
            }
        }
        let no_children = c.pediatric.as_ref().is_some_and(|p| !p.treats_children);
        for (j, care) in c.care.iter().enumerate() {
            let at = || at().key("care").index(j);
            if !c.offers(&care.code) {
                self.push(
                    at().key("code"),
                    ProblemKind::CareNotListed(care.code.clone()),
                );
            }
            if care.children == Some(true) && no_children {
                let kind = ProblemKind::ChildrenContradiction(care.code.clone());
                self.push(at().key("children"), kind);
            }
            if let (Some(min), Some(max)) = (care.min_age, care.max_age) {
                if min > max {
                    self.push(at().key("min_age"), ProblemKind::AgeRange { min, max });
                }
            }
            if let Some(date) = care.since.as_ref().filter(|d| !is_date(d)) {
                self.push(at().key("since"), ProblemKind::BadDate(date.clone()));
            }
            self.source_indices(&at, &care.sources, c.sources.len());
        }
        if let Some(access) = &c.access {
            let at = || at().key("access");
            self.source_indices(&at, &access.sources, c.sources.len());
        }
    }

    /// Each country's health ministry: once per country, a website that is a web address,
    /// phones in international format or short numbers (each citing its own sources), an
    /// e-mail address that is one, its names' originals kept, and at least one source.
    fn authorities(&mut self, d: &Dataset) {
        let mut seen = Vec::new();
        for (i, a) in d.authorities.iter().enumerate() {
            let at = || entry("authorities", i);
            if seen.contains(&a.country) {
                self.push(
                    at().key("country"),
                    ProblemKind::DuplicateCountry(a.country),
                );
            }
            seen.push(a.country);
            if a.name.trim().is_empty() {
                self.push(at().key("name"), ProblemKind::Empty("name"));
            }
            self.originals(&at, &a.name, &a.names, &[]);
            if !is_web_url(&a.website) {
                self.push(at().key("website"), ProblemKind::BadUrl(a.website.clone()));
            }
            self.authority_phones(&at, a);
            if let Some(e) = a.email.as_ref().filter(|e| !is_email(e)) {
                self.push(at().key("email"), ProblemKind::BadEmail(e.clone()));
            }
            self.sources(&at, &a.sources, true);
        }
    }

    /// An authority's phones: each a number, and sources that are the authority's.
    fn authority_phones(&mut self, at: &dyn Fn() -> Path, a: &Authority) {
        for (j, p) in a.phones.iter().enumerate() {
            let at = || at().key("phones").index(j);
            if !is_phone(&p.number) && !is_short_number(&p.number) {
                let kind = ProblemKind::BadAuthorityPhone(p.number.clone());
                self.push(at().key("number"), kind);
            }
            self.source_indices(&at, &p.sources, a.sources.len());
        }
    }

    /// Website, phone and e-mail in forms that make safe links.
    fn contacts(&mut self, at: &dyn Fn() -> Path, c: &Center) {
        if let Some(w) = c.website.as_ref().filter(|w| !is_web_url(w)) {
            self.push(at().key("website"), ProblemKind::BadUrl(w.clone()));
        }
        if let Some(p) = c.phone.as_ref().filter(|p| !is_phone(p)) {
            self.push(at().key("phone"), ProblemKind::BadPhone(p.clone()));
        }
        if let Some(e) = c.email.as_ref().filter(|e| !is_email(e)) {
            self.push(at().key("email"), ProblemKind::BadEmail(e.clone()));
        }
    }

    fn figures(&mut self, at: &dyn Fn() -> Path, figures: &[Figure], sources: usize) {
        for (j, f) in figures.iter().enumerate() {
            let at = || at().key("figures").index(j);
            if let Some(date) = f.date.as_ref().filter(|d| !is_date(d)) {
                self.push(at().key("date"), ProblemKind::BadDate(date.clone()));
            }
            self.source_indices(&at, &f.sources, sources);
        }
    }

    /// No alias is another center's name (any language): a search for it would find both.
    fn aliases(&mut self, d: &'d Dataset) {
        // Each alias, folded, with the first center that has it as a name. Only the aliases
        // are kept, not every name: at 50,000 centers a map of all their names was 7 MB more
        // at the load's peak (validation runs while the download's bytes are still held).
        let mut named: FastMap<String, Option<&'d str>> = FastMap::default();
        for a in d.centers.iter().flat_map(|c| c.aliases.iter()) {
            named.entry(fold(&a.text)).or_insert(None);
        }
        if named.is_empty() {
            return;
        }
        for c in &d.centers {
            let names =
                std::iter::once(c.name.as_str()).chain(c.names.values().map(String::as_str));
            for name in names {
                if let Some(first @ None) = named.get_mut(&fold(name)) {
                    *first = Some(c.id.as_str());
                }
            }
        }
        for (i, c) in d.centers.iter().enumerate() {
            for (j, a) in c.aliases.iter().enumerate() {
                match named.get(&fold(&a.text)) {
                    Some(&Some(other)) if other != c.id => {
                        let path = entry("centers", i).key("aliases").index(j).key("text");
                        let kind = ProblemKind::AliasOfAnother {
                            alias: a.text.clone(),
                            center: other.to_string(),
                        };
                        self.out.push(Problem::new(path, None, kind));
                    }
                    _ => {}
                }
            }
        }
    }

    fn partnerships(&mut self, d: &Dataset) {
        for (i, p) in d.partnerships.iter().enumerate() {
            let at = || entry("partnerships", i);
            for (field, id) in [("a", &p.a), ("b", &p.b)] {
                if !self.known.contains(id.as_str()) {
                    self.push(at().key(field), ProblemKind::UnknownCenter(id.clone()));
                }
            }
            if let Some(date) = p.date.as_ref().filter(|d| !is_date(d)) {
                self.push(at().key("date"), ProblemKind::BadDate(date.clone()));
            }
            self.sources(&at, &p.sources, false);
        }
    }

    fn events(&mut self, d: &'d Dataset) {
        let mut ids = FastSet::default();
        for (i, e) in d.events.iter().enumerate() {
            let at = || entry("events", i);
            self.unique_id(at().key("id"), &e.id, &mut ids);
            for (field, date) in [("start", &e.start), ("end", &e.end)] {
                if let Some(date) = date.as_ref().filter(|d| !is_date(d)) {
                    self.push(at().key(field), ProblemKind::BadDate(date.clone()));
                }
            }
            for (j, id) in e.centers.iter().enumerate() {
                if !self.known.contains(id.as_str()) {
                    let path = at().key("centers").index(j);
                    self.push(path, ProblemKind::UnknownCenter(id.clone()));
                }
            }
            self.figures(&at, &e.figures, e.sources.len());
            self.sources(&at, &e.sources, false);
        }
    }

    fn hubs(&mut self, d: &'d Dataset) {
        let mut ids = FastSet::default();
        for (i, h) in d.hubs.iter().enumerate() {
            let at = || entry("hubs", i);
            self.unique_id(at().key("id"), &h.id, &mut ids);
            if let Some(host) = h.host.as_ref().filter(|h| !self.known.contains(h.as_str())) {
                self.push(at().key("host"), ProblemKind::UnknownCenter(host.clone()));
            }
            if let Some(date) = h.date.as_ref().filter(|d| !is_date(d)) {
                self.push(at().key("date"), ProblemKind::BadDate(date.clone()));
            }
            self.figures(&at, &h.figures, h.sources.len());
            self.sources(&at, &h.sources, true);
        }
    }
}

/// A name as compared for aliases: trimmed, lowercased.
fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Removes every entry that has an error (centers, partnerships, events, hubs, health
/// ministries, vocabulary entries), then the links that pointed at removed centers. `problems` must come from
/// [`check`] on this same dataset.
pub fn remove_invalid(d: &mut Dataset, problems: &[Problem]) {
    // The entries of `list` with an error; with `links_only_cost_the_link`, an error that is
    // only a link to an unknown center does not count (the link alone goes, below).
    let bad = |list: &str, links_only_cost_the_link: bool| -> HashSet<usize> {
        problems
            .iter()
            .filter(|p| p.is_error())
            .filter(|p| {
                !(links_only_cost_the_link && matches!(p.kind, ProblemKind::UnknownCenter(_)))
            })
            .filter_map(|p| p.path.entry())
            .filter(|(l, _)| *l == list)
            .map(|(_, i)| i)
            .collect()
    };
    fn drop_indices<T>(items: &mut Vec<T>, bad: &HashSet<usize>) {
        let mut i = 0;
        items.retain(|_| {
            let keep = !bad.contains(&i);
            i += 1;
            keep
        });
    }
    drop_indices(&mut d.specialties, &bad("specialties", false));
    drop_indices(&mut d.centers, &bad("centers", false));
    drop_indices(&mut d.partnerships, &bad("partnerships", false));
    // An event naming an unknown center keeps its other centers, a hub naming an unknown
    // host keeps everything but the host; other errors drop them.
    drop_indices(&mut d.events, &bad("events", true));
    drop_indices(&mut d.hubs, &bad("hubs", true));
    drop_indices(&mut d.authorities, &bad("authorities", false));

    let known: HashSet<String> = d.centers.iter().map(|c| c.id.clone()).collect();
    d.partnerships
        .retain(|p| known.contains(&p.a) && known.contains(&p.b));
    for e in &mut d.events {
        e.centers.retain(|id| known.contains(id));
    }
    for c in &mut d.centers {
        if c.part_of.as_ref().is_some_and(|p| !known.contains(p)) {
            c.part_of = None;
        }
    }
    // A hub still exists when its host's entry is broken; only the link goes.
    for h in &mut d.hubs {
        if h.host.as_ref().is_some_and(|id| !known.contains(id)) {
            h.host = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_name_only_the_interfaces_other_languages() {
        // Files are fetched for `translations/<code>.json` with the exact code of an
        // interface language (core/src/lang.rs); English is the dataset's own.
        let mut d = crate::dataset::synth::generate(1, 1, &[]);
        d.translations = ["ru", "en", "fr", "RU", "tk"].map(String::from).into();
        let flagged: Vec<String> = check(&d)
            .into_iter()
            .filter_map(|p| match p.kind {
                ProblemKind::NotATranslationLanguage(code) => Some(code),
                _ => None,
            })
            .collect();
        assert_eq!(flagged, ["en", "fr", "RU"]);
    }

    /// Two clean centers (building precision, Russian names, sources, verified) and links
    /// between them. The line numbers in the tests below are counted in this text.
    fn base() -> String {
        r#"{"schema_version": 1, "version": "t", "updated": "2026-01-01",
  "specialties": [{"code": "oncology", "label": "Oncology"},
                  {"code": "neurosurgery", "label": "Neurosurgery"}],
  "centers": [
    {"id": "a", "name": "A", "names": {"ru": "А"}, "country": "KZ", "city": "Astana",
     "lat": 51.17, "lon": 71.45, "precision": "building", "specialties": ["oncology"], "address": "1 A Street",
     "sources": [{"title": "S", "file": "000.txt", "publisher": "P", "date": "2025"}], "last_verified": "2026-11-22"},
    {"id": "b", "name": "B", "names": {"ru": "Б"}, "country": "UZ", "city": "Tashkent",
     "lat": 41.3, "lon": 69.24, "precision": "building", "specialties": ["neurosurgery"],
     "pediatric": {"treats_children": true, "services": ["neurosurgery"]}, "address": "2 B Street",
     "sources": [{"title": "S", "url": "https://example.org/b"}], "last_verified": "2026-11-22"}
  ],
  "partnerships": [{"a": "a", "b": "b"}],
  "events": [{"id": "e", "title": "E", "centers": ["a", "b"]}],
  "hubs": [{"id": "h", "name": "H", "status": "proposed", "host": "b",
            "sources": [{"title": "S", "file": "000.txt", "publisher": "P", "date": "2025"}]}]}"#
            .to_string()
    }

    #[test]
    fn clean_dataset_has_no_problems() {
        let loaded = Dataset::load(&base()).unwrap();
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.dataset.centers.len(), 2);
        assert_eq!(loaded.dataset.hubs.len(), 1);
    }

    /// The edit that appends a third center with the given id.
    fn extra(id: &str) -> String {
        format!(
            "\"last_verified\": \"2026-11-22\"}},\n{{\"id\": \"{id}\", \"name\": \"C\", \"names\": {{\"ru\": \"В\"}}, \"country\": \"KZ\", \"city\": \"Astana\", \"lat\": 51.0, \"lon\": 71.0, \"precision\": \"building\", \"specialties\": [], \"sources\": [{{\"title\": \"S\", \"file\": \"f\"}}], \"last_verified\": \"2026-11-22\"}}"
        )
    }

    #[test]
    fn each_rule_reports_its_path_and_place_and_drops_only_the_bad_entry() {
        // (edit to the base dataset, expected path, expected text, line:column, centers left)
        // Lines and columns of the offending value (or key, for unknown and duplicate fields;
        // the object, for missing ones) in `base()` after the edit, counted by hand.
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, (usize, usize), usize);
        let cases: &[Case] = &[
            ("\"last_verified\": \"2026-11-22\"}\n  ]", &(extra("a") + "\n  ]"), "$.centers[2].id", "duplicate id \"a\"", (12, 8), 2),
            ("\"last_verified\": \"2026-11-22\"}\n  ]", &(extra("B b") + "\n  ]"), "$.centers[2].id", "lowercase", (12, 8), 2),
            ("\"name\": \"B\"", "\"name\": \" \"", "$.centers[1].name", "name must not be empty", (8, 25), 1),
            ("\"city\": \"Tashkent\"", "\"city\": \"\"", "$.centers[1].city", "city must not be empty", (8, 77), 1),
            ("[\"neurosurgery\"],\n", "[\"neurosurgery\", \"cardio\"],\n", "$.centers[1].specialties[1]", "unknown specialty code \"cardio\"", (9, 90), 1),
            ("\"services\": [\"neurosurgery\"]", "\"services\": [\"ent\"]", "$.centers[1].pediatric.services[0]", "unknown specialty code \"ent\"", (10, 58), 1),
            ("\"lat\": 41.3", "\"lat\": 141.3", "$.centers[1].lat", "out of range", (9, 13), 1),
            ("\"lat\": 41.3, \"lon\": 69.24", "\"lat\": 55.75, \"lon\": 37.62", "$.centers[1].lat", "outside Uzbekistan (UZ)", (9, 13), 1),
            ("\"city\": \"Tashkent\",", "\"city\": \"Tashkent\", \"website\": \"javascript:alert(1)\",", "$.centers[1].website", "not an https or http URL", (8, 100), 1),
            ("\"city\": \"Tashkent\",", "\"city\": \"Tashkent\", \"phone\": \"8 (71) 277-21-21\",", "$.centers[1].phone", "international format", (8, 98), 1),
            ("\"city\": \"Tashkent\",", "\"city\": \"Tashkent\", \"email\": \"info at b.uz\",", "$.centers[1].email", "not an e-mail address", (8, 98), 1),
            ("\"city\": \"Tashkent\",", "\"city\": \"Tashkent\", \"part_of\": \"zz\",", "$.centers[1].part_of", "no center has the id \"zz\"", (8, 100), 1),
            ("\"sources\": [{\"title\": \"S\", \"url\": \"https://example.org/b\"}]", "\"sources\": []", "$.centers[1].sources", "needs at least one source", (11, 17), 1),
            ("\"url\": \"https://example.org/b\"", "\"url\": \"ftp://example.org/b\"", "$.centers[1].sources[0].url", "not an https or http URL", (11, 40), 1),
            ("{\"title\": \"S\", \"url\": \"https://example.org/b\"}", "{\"title\": \"S\"}", "$.centers[1].sources[0]", "needs a url or a file", (11, 18), 1),
            ("\"last_verified\": \"2026-11-22\"}\n  ]", "\"last_verified\": \"22.11.2026\"}\n  ]", "$.centers[1].last_verified", "is not a date", (11, 84), 1),
            ("{\"a\": \"a\", \"b\": \"b\"}", "{\"a\": \"a\", \"b\": \"zz\"}", "$.partnerships[0].b", "no center has the id \"zz\"", (13, 36), 2),
            ("[\"a\", \"b\"]}", "[\"a\", \"q\"]}", "$.events[0].centers[1]", "no center has the id \"q\"", (14, 57), 2),
            ("\"host\": \"b\"", "\"host\": \"x\"", "$.hubs[0].host", "no center has the id \"x\"", (15, 67), 2),
            ("{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}", "{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}, {\"code\": \"oncology\", \"label\": \"Again\"}", "$.specialties[2].code", "declared twice", (3, 79), 2),
            ("{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}", "{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}, {\"code\": \"Ear & nose\", \"label\": \"ENT\"}", "$.specialties[2].code", "lowercase letters", (3, 79), 2),
            // Shape problems: found by walking the tree, located at the key or value.
            ("\"precision\": \"building\", \"specialties\": [\"neurosurgery\"]", "\"precision\": \"building\", \"colour\": \"red\", \"specialties\": [\"neurosurgery\"]", "$.centers[1].colour", "unknown field \"colour\"", (9, 58), 1),
            ("\"country\": \"UZ\"", "\"country\": \"RU\"", "$.centers[1].country", "\"RU\" is not one of KZ, UZ, KG, TJ, TM", (8, 63), 1),
            ("\"lat\": 41.3", "\"lat\": \"41.3\"", "$.centers[1].lat", "expected a number, found a string", (9, 13), 1),
            ("\"country\": \"UZ\", ", "", "$.centers[1].country", "missing required field \"country\"", (8, 5), 1),
            ("\"name\": \"B\"", "\"name\": \"B\", \"name\": \"C\"", "$.centers[1].name", "appears twice", (8, 30), 1),
            ("\"updated\": \"2026-01-01\"", "\"updated\": \"yesterday\"", "$.updated", "is not a date", (1, 50), 2),
        ];
        for (from, to, path, text, (line, column), left) in cases {
            let input = base().replacen(from, to, 1);
            assert_ne!(input, base(), "edit {from:?} did not apply");
            let loaded = Dataset::load(&input).unwrap();
            let errors: Vec<&Problem> = loaded.errors().collect();
            assert_eq!(errors.len(), 1, "{to}: {errors:?}");
            let p = errors[0];
            assert_eq!(p.path.to_string(), *path, "{to}");
            assert!(p.to_string().contains(text), "{p}");
            assert_eq!(
                p.at,
                Some(Pos {
                    line: *line,
                    column: *column
                }),
                "{p}"
            );
            assert_eq!(loaded.dataset.centers.len(), *left, "{to}");
        }
    }

    /// Byte offset `at` of `text` as an editor shows it (1-based line and column, characters).
    fn position_at(text: &str, at: usize) -> Pos {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Pos { line, column }
    }

    #[test]
    fn a_malformed_address_is_an_error_at_its_place() {
        // (center b's address as written, path, message, where in it the offending value or
        // key starts). A plain string and texts by language are both addresses.
        let cases = [
            (
                "12",
                "$.centers[1].address",
                "expected an object or a string, found a number",
                "12",
            ),
            (
                "[\"2 B Street\"]",
                "$.centers[1].address",
                "expected an object or a string, found an array",
                "[",
            ),
            (
                "{\"ru\": 2}",
                "$.centers[1].address.ru",
                "expected a string or an object, found a number",
                "2}",
            ),
            (
                "{\"ru\": {\"text\": \"ул. Б, 2\", \"from\": \"en\"}}",
                "$.centers[1].address.ru.from",
                "unknown field \"from\"",
                "\"from\"",
            ),
            (
                "{\"ru\": {\"text\": 2, \"translated_from\": \"en\"}}",
                "$.centers[1].address.ru.text",
                "expected a string, found a number",
                "2,",
            ),
        ];
        for (written, path, message, at) in cases {
            let input = base().replacen("\"2 B Street\"", written, 1);
            let loaded = Dataset::load(&input).unwrap();
            let errors: Vec<&Problem> = loaded.errors().collect();
            assert_eq!(errors.len(), 1, "{written}: {errors:?}");
            let p = errors[0];
            assert_eq!(p.path.to_string(), path, "{written}");
            assert!(p.to_string().contains(message), "{written}: {p}");
            let offset = input.find(written).unwrap() + written.find(at).unwrap();
            assert_eq!(p.at, Some(position_at(&input, offset)), "{p}");
            // The center is left out; the other stays.
            assert_eq!(loaded.dataset.centers.len(), 1, "{written}");
        }
        // Marked but made from nothing: the text names no language it was made from.
        let input = base().replacen("\"2 B Street\"", "{\"ru\": {\"text\": \"ул. Б, 2\"}}", 1);
        let loaded = Dataset::load(&input).unwrap();
        let e: Vec<String> = loaded.errors().map(|p| p.to_string()).collect();
        assert!(
            e.len() == 1 && e[0].contains("$.centers[1]") && e[0].contains("translated_from"),
            "{e:?}"
        );
    }

    #[test]
    fn a_translated_address_keeps_its_original() {
        // Plain, or by language with the original kept: clean. A translation whose original
        // is missing (or a chain that goes round) is a warning at its language; the center
        // stays.
        let ok = [
            "\"2 B Street\"",
            "{\"uz\": \"Toshkent, B koʻchasi, 2\", \"en\": {\"text\": \"2 B Street\", \"translated_from\": \"uz\"}}",
            "{\"ru\": {\"text\": \"ул. Б, 2\", \"transliterated_from\": \"uz-Cyrl\"}, \"uz-Cyrl\": \"Б кўчаси, 2\"}",
        ];
        for written in ok {
            let loaded = Dataset::load(&base().replacen("\"2 B Street\"", written, 1)).unwrap();
            assert_eq!(loaded.problems, vec![], "{written}");
        }
        let unkept = [
            ("{\"en\": {\"text\": \"2 B Street\", \"translated_from\": \"uz\"}}", "$.centers[1].address.en", "uz"),
            ("{\"en\": {\"text\": \"2 B\", \"translated_from\": \"ru\"}, \"ru\": {\"text\": \"Б 2\", \"translated_from\": \"en\"}}", "$.centers[1].address.en", "ru"),
        ];
        for (written, path, from) in unkept {
            let loaded = Dataset::load(&base().replacen("\"2 B Street\"", written, 1)).unwrap();
            let p = &loaded.problems[0];
            assert_eq!(p.path.to_string(), path, "{written}");
            assert_eq!(p.kind, ProblemKind::NoOriginal(from.into()), "{written}");
            assert!(!p.is_error());
            assert_eq!(loaded.dataset.centers.len(), 2);
        }
    }

    #[test]
    fn fast_and_thorough_loading_agree() {
        // Files of the right shape take the fast path; the thorough one must say the same.
        let inputs = [
            base(),
            base().replacen("\"lat\": 41.3", "\"lat\": 55.75", 1),
            base().replacen("\"host\": \"b\"", "\"host\": \"x\"", 1),
            base().replacen("\"precision\": \"building\"", "\"precision\": \"city\"", 2),
            base().replacen(
                "{\"a\": \"a\", \"b\": \"b\"}",
                "{\"a\": \"a\", \"b\": \"q\"}",
                1,
            ),
            base().replacen("\"ru\": \"А\"", "\"ru\": \"А\", \"ru\": \"Б\"", 1),
        ];
        for input in inputs {
            let fast = Dataset::load(&input).unwrap();
            let thorough = Dataset::load_thorough(&input).unwrap();
            assert_eq!(fast, thorough, "{input}");
        }
    }

    #[test]
    fn records_written_as_arrays_are_shape_errors_on_both_paths() {
        // serde's derived readers take `["S", null, "000.txt"]` as a Source's fields in order;
        // the format (and its JSON Schema) says a source is an object.
        let cases = [
            (
                base().replacen(
                    "[{\"title\": \"S\", \"file\": \"000.txt\", \"publisher\": \"P\", \"date\": \"2025\"}]",
                    "[[\"S\", \"P\", null, \"000.txt\", \"2025\"]]",
                    1,
                ),
                "$.centers[0].sources[0]",
            ),
            (
                base().replacen(
                    "\"pediatric\": {\"treats_children\": true, \"services\": [\"neurosurgery\"]}",
                    "\"pediatric\": [true, [\"neurosurgery\"]]",
                    1,
                ),
                "$.centers[1].pediatric",
            ),
            (
                base().replacen(
                    "{\"code\": \"oncology\", \"label\": \"Oncology\"}",
                    "[\"oncology\", \"Oncology\"]",
                    1,
                ),
                "$.specialties[0]",
            ),
        ];
        for (input, path) in cases {
            assert_ne!(input, base());
            let loaded = Dataset::load(&input).unwrap();
            let errors: Vec<String> = loaded.errors().map(|p| p.path.to_string()).collect();
            assert_eq!(errors, [path], "{input}");
            assert_eq!(loaded, Dataset::load_thorough(&input).unwrap());
        }
    }

    #[test]
    fn a_broken_vocabulary_entry_costs_no_center() {
        // A typo in the oncology entry's key: the entry is reported, and center a, which
        // offers oncology, still shows.
        let input = base().replacen("\"label\": \"Oncology\"", "\"lable\": \"Oncology\"", 1);
        let loaded = Dataset::load(&input).unwrap();
        let errors: Vec<String> = loaded.errors().map(|p| p.path.to_string()).collect();
        // Sorted by place: the missing field at the entry's brace, then the unknown key.
        assert_eq!(errors, ["$.specialties[0].label", "$.specialties[0].lable"]);
        assert_eq!(loaded.dataset.centers.len(), 2);
        // An empty label is only a warning: the code is shown instead.
        let input = base().replacen("\"label\": \"Oncology\"", "\"label\": \"\"", 1);
        let loaded = Dataset::load(&input).unwrap();
        assert_eq!(loaded.errors().count(), 0);
        assert_eq!(loaded.dataset.specialties.len(), 2);
    }

    #[test]
    fn a_duplicate_of_a_broken_center_is_still_a_duplicate() {
        // Center a has an unknown field; a third center reuses a's id. Both are reported and
        // neither shows, so links to "a" do not silently move to the impostor.
        let input = base()
            .replacen(
                "\"name\": \"A\",",
                "\"name\": \"A\", \"colour\": \"red\",",
                1,
            )
            .replacen(
                "\"last_verified\": \"2026-11-22\"}\n  ]",
                &(extra("a") + "\n  ]"),
                1,
            );
        let loaded = Dataset::load(&input).unwrap();
        let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "line 5, column 30: $.centers[0].colour: unknown field \"colour\"",
                "line 12, column 8: $.centers[2].id: duplicate id \"a\"",
            ]
        );
        let ids: Vec<&str> = loaded
            .dataset
            .centers
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn what_serde_skips_but_cannot_read_is_located() {
        // A lone surrogate and an infinite number pass serde's skipping pass; the tree stops at
        // them (line 5 of base() is center a's first line).
        let cases = [
            (
                base().replacen("\"name\": \"A\"", "\"name\": \"A\\ud83d\"", 1),
                "lone surrogate",
                (5, 27),
            ),
            (
                base().replacen("\"lat\": 51.17", "\"lat\": 1e400", 1),
                "number out of range",
                (6, 13),
            ),
        ];
        for (input, message, (line, column)) in cases {
            let e = Dataset::load(&input).unwrap_err();
            assert_eq!(e.location(), Some((line, column)), "{e}");
            assert!(e.to_string().contains(message), "{e}");
        }
    }

    #[test]
    fn a_version_that_is_not_a_whole_number_is_a_shape_error() {
        for v in ["1.5", "-1"] {
            let input = base().replacen(
                "\"schema_version\": 1",
                &format!("\"schema_version\": {v}"),
                1,
            );
            let loaded = Dataset::load(&input).unwrap();
            let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
            assert_eq!(
                errors,
                [format!(
                    "line 1, column 20: $.schema_version: {v} is not a whole number"
                )]
            );
        }
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        // An unknown field, a mistyped value and a broken hub in one file: all three come
        // back, in document order, and the clean center added at the end survives.
        let input = base()
            .replacen(
                "\"name\": \"A\",",
                "\"name\": \"A\", \"colour\": \"red\",",
                1,
            )
            .replacen("\"lat\": 41.3", "\"lat\": \"north\"", 1)
            .replacen(
                "\"last_verified\": \"2026-11-22\"}\n  ]",
                &(extra("c") + "\n  ]"),
                1,
            )
            .replacen("\"hubs\": [", "\"hubs\": [1, ", 1);
        let loaded = Dataset::load(&input).unwrap();
        let got: Vec<String> = loaded.errors().map(|p| p.path.to_string()).collect();
        // Links to the two broken centers are not reported again: their cause is.
        assert_eq!(
            got,
            ["$.centers[0].colour", "$.centers[1].lat", "$.hubs[0]"],
            "{:?}",
            loaded.problems
        );
        let ids: Vec<&str> = loaded
            .dataset
            .centers
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["c"]);
        // The partnership and the event pointed at the dropped centers.
        assert!(loaded.dataset.partnerships.is_empty());
        assert!(loaded.dataset.events[0].centers.is_empty());
        assert_eq!(loaded.dataset.hubs.len(), 1);
        assert_eq!(loaded.dataset.hubs[0].host, None, "its host b was left out");
    }

    #[test]
    fn warnings_keep_the_center() {
        let input = base()
            .replacen("\"precision\": \"building\"", "\"precision\": \"city\"", 1)
            .replacen("\"names\": {\"ru\": \"Б\"}, ", "", 1)
            .replacen(", \"last_verified\": \"2026-11-22\"}\n  ]", "}\n  ]", 1);
        let loaded = Dataset::load(&input).unwrap();
        assert_eq!(loaded.errors().count(), 0, "{:?}", loaded.problems);
        let got: Vec<String> = loaded.warnings().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "line 6, column 47: $.centers[0].precision: coordinates mark the city, not the building",
                "line 8, column 5: $.centers[1].names: no name in \"ru\"",
                "line 8, column 5: $.centers[1]: no last_verified date",
            ]
        );
        assert_eq!(loaded.dataset.centers.len(), 2);
    }

    #[test]
    fn format_two_rules_warn_and_keep_the_center() {
        // One center per rule of format 2 (docs/dataset-format.md), each kept with its warning.
        // Each center has a Russian name unless its extra fields give its names.
        let center = |id: &str, extra: &str| {
            let names = if extra.contains("\"names\"") {
                String::new()
            } else {
                format!(r#", "names": {{"ru": "{id} ru"}}"#)
            };
            format!(
                r#"{{"id": "{id}", "name": "{id}"{names}, "country": "KZ",
                "city": "Astana", "lat": 51.17, "lon": 71.45, "precision": "city",
                "specialties": ["oncology"], "pediatric": {{"treats_children": false}},
                "sources": [{{"title": "S", "url": "https://example.org/{id}"}}],
                "last_verified": "2026-12-07"{extra}}}"#
            )
        };
        let cases: &[(&str, &str, &str, ProblemKind)] = &[
            (
                "a",
                r#", "names": {"ru": "a ru", "kk": {"text": "К", "translated_from": "tg"}}"#,
                "$.centers[0].names.kk",
                ProblemKind::NoOriginal("tg".into()),
            ),
            (
                "b",
                r#", "aliases": [{"text": "A RU"}]"#,
                "$.centers[1].aliases[0].text",
                ProblemKind::AliasOfAnother {
                    alias: "A RU".into(),
                    center: "a".into(),
                },
            ),
            (
                "d",
                r#", "care": [{"code": "neurosurgery"}]"#,
                "$.centers[2].care[0].code",
                ProblemKind::CareNotListed("neurosurgery".into()),
            ),
            (
                "e",
                r#", "care": [{"code": "oncology", "children": true}]"#,
                "$.centers[3].care[0].children",
                ProblemKind::ChildrenContradiction("oncology".into()),
            ),
            (
                "f",
                r#", "care": [{"code": "oncology", "sources": [3]}]"#,
                "$.centers[4].care[0].sources[0]",
                ProblemKind::NoSuchSource(3),
            ),
            (
                "g",
                r#", "care": [{"code": "oncology", "min_age": 18, "max_age": 3}]"#,
                "$.centers[5].care[0].min_age",
                ProblemKind::AgeRange { min: 18, max: 3 },
            ),
            (
                "h",
                r#", "figures": [{"value": 1, "what": {"en": "x"}, "sources": [1]}]"#,
                "$.centers[6].figures[0].sources[0]",
                ProblemKind::NoSuchSource(1),
            ),
        ];
        // Center a has a Kazakh name translated from Tajik, which it does not have.
        let centers: Vec<String> = cases
            .iter()
            .map(|(id, extra, _, _)| center(id, extra))
            .collect();
        let text = format!(
            r#"{{"schema_version": 2, "version": "t", "updated": "2026-01-01",
  "specialties": [{{"code": "oncology", "label": "Oncology"}}, {{"code": "neurosurgery", "label": "N"}}],
  "centers": [{}]}}"#,
            centers.join(",\n")
        );
        let loaded = Dataset::load(&text).unwrap();
        assert_eq!(loaded.errors().count(), 0, "{:?}", loaded.problems);
        assert_eq!(loaded.dataset.centers.len(), cases.len());
        for (id, _, path, kind) in cases {
            assert!(
                loaded
                    .problems
                    .iter()
                    .any(|p| p.path.to_string() == *path && p.kind == *kind),
                "{id}: {kind:?} at {path}, got {:?}",
                loaded.problems
            );
        }
    }

    #[test]
    fn each_health_ministry_rule_leaves_out_only_its_entry() {
        // One entry per rule after a clean one; the warnings keep theirs.
        let entry = |country: &str, extra: &str| {
            format!(
                r#"{{"country": "{country}", "name": "Ministry", "website": "https://moh.example",
                "sources": [{{"title": "S", "url": "https://moh.example/contacts", "date": "2025"}}]{extra}}}"#
            )
        };
        let entries = [
            entry(
                "KZ",
                r#", "phones": [{"number": "1406", "sources": [0]}, {"number": "+7 7172 74 32 43"}]"#,
            ),
            entry("KZ", ""),
            entry("KG", "").replace("https://moh.example\"", "ftp://moh.example\""),
            entry("TJ", "").replace(
                r#""sources": [{"title": "S", "url": "https://moh.example/contacts", "date": "2025"}]"#,
                r#""sources": []"#,
            ),
            entry("TM", r#", "phones": [{"number": "8 12 00 00 00"}]"#),
            entry("UZ", r#", "email": "info at moh.example""#),
            entry(
                "UZ",
                r#", "names": {"uz": {"text": "Vazirlik", "transliterated_from": "uz-Cyrl"}},
                "phones": [{"number": "1003", "sources": [3]}]"#,
            ),
        ];
        let text = base().replacen(
            "\"hubs\": [",
            &format!("\"authorities\": [{}],\n  \"hubs\": [", entries.join(",\n")),
            1,
        );
        let loaded = Dataset::load(&text).unwrap();
        assert_eq!(loaded, Dataset::load_thorough(&text).unwrap());
        let got: Vec<(String, &ProblemKind)> = loaded
            .problems
            .iter()
            .filter(|p| p.path.entry().is_some_and(|(l, _)| l == "authorities"))
            .map(|p| (p.path.to_string(), &p.kind))
            .collect();
        let want = [
            (
                "$.authorities[1].country",
                ProblemKind::DuplicateCountry(crate::Country::KZ),
            ),
            (
                "$.authorities[2].website",
                ProblemKind::BadUrl("ftp://moh.example".into()),
            ),
            ("$.authorities[3].sources", ProblemKind::NoSource),
            (
                "$.authorities[4].phones[0].number",
                ProblemKind::BadAuthorityPhone("8 12 00 00 00".into()),
            ),
            (
                "$.authorities[5].email",
                ProblemKind::BadEmail("info at moh.example".into()),
            ),
            (
                "$.authorities[6].country",
                ProblemKind::DuplicateCountry(crate::Country::UZ),
            ),
            (
                "$.authorities[6].names.uz",
                ProblemKind::NoOriginal("uz-Cyrl".into()),
            ),
            (
                "$.authorities[6].phones[0].sources[0]",
                ProblemKind::NoSuchSource(3),
            ),
        ];
        let want: Vec<(String, &ProblemKind)> =
            want.iter().map(|(p, k)| (p.to_string(), k)).collect();
        assert_eq!(got, want);
        let kept: Vec<crate::Country> = loaded
            .dataset
            .authorities
            .iter()
            .map(|a| a.country)
            .collect();
        assert_eq!(kept, [crate::Country::KZ]);
        assert_eq!(loaded.dataset.centers.len(), 2, "no center pays for them");
        // A country that is not one of the five is a shape error, located, costing its entry.
        let text = text.replacen("\"country\": \"KG\"", "\"country\": \"RU\"", 1);
        let loaded = Dataset::load(&text).unwrap();
        assert!(loaded
            .errors()
            .any(|p| p.path.to_string() == "$.authorities[2].country"
                && matches!(&p.kind, ProblemKind::NotOneOf { found, .. } if found == "RU")));
        assert_eq!(loaded.dataset.authorities.len(), 1);
    }

    #[test]
    fn citations_a_doctor_can_follow() {
        // A source without a URL needs a publisher and a date; building precision an address.
        let input = base()
            .replacen(r#", "publisher": "P", "date": "2025""#, "", 1)
            .replacen(r#", "address": "1 A Street""#, "", 1);
        let loaded = Dataset::load(&input).unwrap();
        let got: Vec<(String, &ProblemKind)> = loaded
            .warnings()
            .map(|p| (p.path.to_string(), &p.kind))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "$.centers[0].precision".to_string(),
                    &ProblemKind::BuildingWithoutAddress
                ),
                (
                    "$.centers[0].sources[0]".to_string(),
                    &ProblemKind::IncompleteCitation
                ),
            ]
        );
    }

    #[test]
    fn paths_display_and_parse() {
        let p = Path::root().key("centers").index(3).key("names").key("ru");
        assert_eq!(p.to_string(), "$.centers[3].names.ru");
        assert_eq!(Path::parse("$.centers[3].names.ru"), Some(p));
        assert_eq!(
            Path::root().key("names").key("a.b c").to_string(),
            "$.names[\"a.b c\"]"
        );
        assert_eq!(Path::parse("$"), Some(Path::root()));
        assert_eq!(Path::parse("centers"), None);
    }

    #[test]
    fn slugs() {
        for (id, ok) in [
            ("proton-therapy-astana", true),
            ("a1", true),
            ("", false),
            ("A", false),
            ("a b", false),
            ("a/b", false),
        ] {
            assert_eq!(is_slug(id), ok, "{id}");
        }
    }
}
