//! Exports to download: a list of centers (the filtered ones, in the order shown) as CSV or
//! GeoJSON, and events as an iCalendar file.
//!
//! Every function is pure and deterministic: the same dataset, list, language and arguments
//! give the same bytes. The CSV columns and the GeoJSON properties are built from one record
//! per center, so they always carry the same facts under the same names ([`CSV_COLUMNS`]).

use serde::Serialize;

use crate::dataset::model::{is_date, Center, Dataset, Event, Precision, Source};
use crate::dataset::validate::is_slug;
use crate::geo::places::city_name;
use crate::lang::Lang;
use crate::output::url::ViewState;

/// The columns of [`csv`], in order; also the property names of each [`geojson`] feature.
///
/// - `id`: the center's id; `name`: its English name; `name_local`: its name in the export's
///   language (falling back to Russian, then English, as [`Center::name_in`] does);
/// - `country`: ISO 3166-1 alpha-2 code; `city`: in the export's language; `address`: in the
///   export's language where the data has it, else as the app falls back (Russian, English,
///   then the original in any language), unmarked like the other texts;
/// - `lat`, `lon`: WGS 84 degrees; `precision`: `building` or `city`;
/// - `specialties`: codes; `specialty_labels`: their labels in the export's language;
/// - `treats_children`: `true`, `false`, or empty (`null`) when no source says;
///   `pediatric_services`: specialty codes offered to children, where a source names them;
/// - `beds`, `patients_per_year`, `capacity_note`: the capacity figures, where given;
/// - `phone`, `email`, `website`, `last_verified` (`YYYY-MM-DD`);
/// - `sources`: each source's URL, else its corpus file name, else its title;
/// - `permalink`: the link that opens the center on the map ([`permalink`]).
pub const CSV_COLUMNS: [&str; 22] = [
    "id",
    "name",
    "name_local",
    "country",
    "city",
    "address",
    "lat",
    "lon",
    "precision",
    "specialties",
    "specialty_labels",
    "treats_children",
    "pediatric_services",
    "beds",
    "patients_per_year",
    "capacity_note",
    "phone",
    "email",
    "website",
    "last_verified",
    "sources",
    "permalink",
];

/// The `PRODID` of [`ics`] calendars.
pub const PRODID: &str = "-//Shifo//Shifo medical centers//EN";

/// One center as exported; the fields are [`CSV_COLUMNS`] in order, and serialize in that
/// order (a struct keeps its field order whatever serde_json's map features are).
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    name: &'a str,
    name_local: &'a str,
    country: &'static str,
    city: &'a str,
    address: Option<&'a str>,
    lat: f64,
    lon: f64,
    precision: &'static str,
    specialties: Vec<&'a str>,
    specialty_labels: Vec<&'a str>,
    treats_children: Option<bool>,
    pediatric_services: Vec<&'a str>,
    beds: Option<u32>,
    patients_per_year: Option<u32>,
    capacity_note: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    website: Option<&'a str>,
    last_verified: Option<&'a str>,
    sources: Vec<&'a str>,
    permalink: String,
}

/// How a source is named in an export: its URL, else its corpus file, else its title.
fn source_ref(s: &Source) -> &str {
    s.url.as_deref().or(s.file.as_deref()).unwrap_or(&s.title)
}

fn record<'a>(dataset: &'a Dataset, c: &'a Center, lang: Lang, base: &str) -> Record<'a> {
    let capacity = c.capacity.as_ref();
    Record {
        id: &c.id,
        name: &c.name,
        name_local: c.name_in(lang),
        country: c.country.code(),
        city: c.city_in(lang),
        address: lang.text_in(&c.address).map(|t| t.as_str()),
        lat: c.lat,
        lon: c.lon,
        precision: match c.precision {
            Precision::Building => "building",
            Precision::City => "city",
            Precision::Region => "region",
        },
        specialties: c.specialties.iter().map(String::as_str).collect(),
        specialty_labels: c
            .specialties
            .iter()
            .map(|s| dataset.specialty_label(s, lang))
            .collect(),
        treats_children: c.pediatric.as_ref().map(|p| p.treats_children),
        pediatric_services: c.children_services().collect(),
        beds: capacity.and_then(|k| k.beds),
        patients_per_year: capacity.and_then(|k| k.patients_per_year),
        capacity_note: capacity
            .and_then(|k| lang.text_in(&k.note))
            .map(|t| t.as_str()),
        phone: c.phone.as_deref(),
        email: c.email.as_deref(),
        website: c.website.as_deref(),
        last_verified: c.last_verified.as_deref(),
        sources: c.sources.iter().map(source_ref).collect(),
        permalink: permalink(base, &c.id, lang),
    }
}

/// The centers at `indices` of `dataset.centers`, in that order; an index past the end is
/// passed over.
fn records<'a>(
    dataset: &'a Dataset,
    indices: &'a [usize],
    lang: Lang,
    base: &'a str,
) -> impl Iterator<Item = Record<'a>> + 'a {
    indices
        .iter()
        .filter_map(|&i| dataset.centers.get(i))
        .map(move |c| record(dataset, c, lang, base))
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The centers at `indices` (positions in `dataset.centers`, exported in that order; one past
/// the end is passed over) as CSV: RFC 4180, CRLF line ends, a header row of
/// [`CSV_COLUMNS`], then one row per center. Texts, cities and specialty labels are in `lang`
/// where the column says so; permalinks start with `base` (see [`permalink`]).
///
/// The text begins with a UTF-8 byte order mark (U+FEFF), without which Excel reads the file
/// as the local ANSI code page and garbles Cyrillic; other CSV readers skip it.
///
/// Lists (specialties, labels, services) are joined with `"; "`, sources with `" | "`.
/// A field holding a comma, a double quote, CR or LF is quoted, with its quotes doubled.
/// A field beginning with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe so that a
/// spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV Injection");
/// plain decimal numbers such as a longitude of `-12.5` are left as they are.
pub fn csv(dataset: &Dataset, indices: &[usize], lang: Lang, base: &str) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for r in records(dataset, indices, lang, base) {
        let fields = csv_fields(&r);
        let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A record's fields as text, in [`CSV_COLUMNS`] order, before quoting.
fn csv_fields(r: &Record) -> [String; 22] {
    let text = |s: Option<&str>| s.unwrap_or_default().to_string();
    let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    [
        r.id.to_string(),
        r.name.to_string(),
        r.name_local.to_string(),
        r.country.to_string(),
        r.city.to_string(),
        text(r.address),
        number(r.lat),
        number(r.lon),
        r.precision.to_string(),
        r.specialties.join("; "),
        r.specialty_labels.join("; "),
        r.treats_children.map(|b| b.to_string()).unwrap_or_default(),
        r.pediatric_services.join("; "),
        count(r.beds),
        count(r.patients_per_year),
        text(r.capacity_note),
        text(r.phone),
        text(r.email),
        text(r.website),
        text(r.last_verified),
        r.sources.join(" | "),
        r.permalink.clone(),
    ]
}

/// A coordinate as the shortest decimal that reads back to the same `f64` (Rust's `Display`
/// never uses an exponent); empty for a value that is not finite.
fn number(x: f64) -> String {
    crate::decimal::shortest(x)
}

/// Whether a field is a plain decimal number: an optional `-`, digits, optionally `.` and
/// digits. A spreadsheet reads it as that number, never as a formula.
fn is_plain_number(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    match unsigned.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(unsigned),
    }
}

/// One CSV field: guarded against formula injection, then quoted if it must be.
fn csv_field(s: &str) -> String {
    let guard = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s);
    let apostrophe = if guard { "'" } else { "" };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{apostrophe}{}\"", s.replace('"', "\"\""))
    } else {
        format!("{apostrophe}{s}")
    }
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

#[derive(Serialize)]
struct FeatureCollection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Record<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

/// The centers at `indices` (positions in `dataset.centers`, in that order; one past the end
/// is passed over) as an RFC 7946 GeoJSON `FeatureCollection`, followed by a newline.
///
/// Each center is a `Feature` whose `id` is the center's id and whose geometry is a `Point`
/// at `[lon, lat]` (RFC 7946 puts longitude first). Its `properties` are [`CSV_COLUMNS`],
/// all present, in that order, with JSON types: numbers for `lat`, `lon`, `beds` and
/// `patients_per_year`, a boolean for `treats_children`, arrays of strings for
/// `specialties`, `specialty_labels`, `pediatric_services` and `sources`, and `null` for
/// what the data does not give. Texts are as in [`csv`], without its spreadsheet guard.
pub fn geojson(dataset: &Dataset, indices: &[usize], lang: Lang, base: &str) -> String {
    let collection = FeatureCollection {
        kind: "FeatureCollection",
        features: records(dataset, indices, lang, base)
            .map(|r| Feature {
                kind: "Feature",
                id: r.id,
                geometry: Point {
                    kind: "Point",
                    coordinates: [r.lon, r.lat],
                },
                properties: r,
            })
            .collect(),
    };
    // Structs of strings, numbers and options always serialize; a non-finite number is null.
    let mut out = serde_json::to_string(&collection).expect("export records serialize");
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// iCalendar

/// An iCalendar file made by [`ics`], and the events it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ics {
    /// The calendar: RFC 5545 text with CRLF line ends.
    pub text: String,
    /// Ids of the events left out because their start is missing or not a whole day
    /// (`YYYY` or `YYYY-MM`), in the order given.
    pub skipped: Vec<String>,
}

/// Whether `event` goes into the calendar file [`ics`] makes: its start is a whole day.
pub fn in_calendar(event: &Event) -> bool {
    event.start.as_deref().and_then(Day::parse).is_some()
}

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    year: u32,
    month: u32,
    day: u32,
}

impl Day {
    /// A `YYYY-MM-DD` date that is a real day; `None` for `YYYY`, `YYYY-MM` or anything else.
    fn parse(s: &str) -> Option<Day> {
        if s.len() != 10 || !is_date(s) {
            return None;
        }
        Some(Day {
            year: s[0..4].parse().ok()?,
            month: s[5..7].parse().ok()?,
            day: s[8..10].parse().ok()?,
        })
    }

    fn days_in_month(year: u32, month: u32) -> u32 {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The day after.
    fn next(self) -> Day {
        if self.day < Day::days_in_month(self.year, self.month) {
            Day {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Day {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Day {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// The RFC 5545 `DATE` form, `YYYYMMDD`.
    fn basic(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

/// The `DTSTAMP` for a dataset updated on `date` (`YYYY-MM-DD`): midnight UTC of that day,
/// `YYYYMMDDT000000Z`; `None` when `date` is not a whole day. Passing the dataset's `updated`
/// date to [`ics`] keeps its output the same for the same data.
pub fn ics_stamp(date: &str) -> Option<String> {
    Day::parse(date).map(|d| format!("{}T000000Z", d.basic()))
}

/// `events` as an RFC 5545 calendar (`VERSION:2.0`, [`PRODID`], `CALSCALE:GREGORIAN`) with
/// one all-day `VEVENT` per event whose start is a whole day (`YYYY-MM-DD`); the others are
/// listed in [`Ics::skipped`].
///
/// Each event has `UID:<id>@shifo`, `DTSTAMP:<stamp>` (`stamp` as [`ics_stamp`] makes it; only
/// its digits, `T` and `Z` are kept), `DTSTART;VALUE=DATE` and `DTEND;VALUE=DATE` the day
/// after its last day (the end is not part of the event in RFC 5545; an end that is missing,
/// not a whole day or before the start makes a one-day event), `SUMMARY` its title in `lang`
/// (falling back to Russian, then English), `LOCATION` its cities in `lang` joined with
/// `", "`, `DESCRIPTION` the names of the centers taking part in `lang`, one per line, then
/// after a blank line its sources, one per line as `title (URL or file)`, and `URL` the first
/// source's `http(s)` address. Texts are escaped (`\\`, `\;`, `\,`, `\n`; other control
/// characters dropped) and lines longer than 75 octets are folded, never inside a character.
pub fn ics(dataset: &Dataset, events: &[&Event], lang: Lang, stamp: &str) -> Ics {
    let stamp: String = stamp
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, 'T' | 'Z'))
        .collect();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
    ];
    let mut skipped = Vec::new();
    for event in events {
        let Some(start) = event.start.as_deref().and_then(Day::parse) else {
            skipped.push(event.id.clone());
            continue;
        };
        let last = event
            .end
            .as_deref()
            .and_then(Day::parse)
            .filter(|end| *end >= start)
            .unwrap_or(start);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@shifo", escape_text(&event.id)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", start.basic()));
        lines.push(format!("DTEND;VALUE=DATE:{}", last.next().basic()));
        lines.push(format!("SUMMARY:{}", escape_text(event.title_in(lang))));
        let cities: Vec<&str> = event.cities.iter().map(|c| city_name(c, lang)).collect();
        if !cities.is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(&cities.join(", "))));
        }
        let description = describe(dataset, event, lang);
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        }
        if let Some(url) = event.sources.iter().find_map(Source::safe_url) {
            lines.push(format!("URL:{url}"));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut text = String::new();
    for line in &lines {
        text.push_str(&fold(line));
        text.push_str("\r\n");
    }
    Ics { text, skipped }
}

/// An event's description: the centers taking part (by name in `lang`, or by id when the
/// dataset does not have them), a blank line, its sources.
fn describe(dataset: &Dataset, event: &Event, lang: Lang) -> String {
    let centers: Vec<&str> = event
        .centers
        .iter()
        .map(|id| dataset.center(id).map_or(id.as_str(), |c| c.name_in(lang)))
        .collect();
    let sources: Vec<String> = event
        .sources
        .iter()
        .map(|s| match s.url.as_deref().or(s.file.as_deref()) {
            Some(at) => format!("{} ({at})", s.title),
            None => s.title.clone(),
        })
        .collect();
    [centers.join("\n"), sources.join("\n")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes an RFC 5545 `TEXT` value (section 3.3.11): backslash, semicolon and comma get a
/// backslash, a line break (CRLF, LF or CR) becomes `\n`, and the control characters `TEXT`
/// does not allow (all but tab) are dropped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_ascii_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (RFC 5545 section 3.1): no line longer than 75 octets, each
/// continuation starting with a space (which counts), breaking only between characters.
/// RFC 5545 allows a break inside an escape such as `\n`, but some readers do not unfold
/// before unescaping, so a backslash and the character after it are kept together.
fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut width = 0;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let unit = match rest.strip_prefix('\\').and_then(|r| r.chars().next()) {
            Some(escaped) => &rest[..1 + escaped.len_utf8()],
            None => &rest[..c.len_utf8()],
        };
        if width + unit.len() > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(unit);
        width += unit.len();
        rest = &rest[unit.len()..];
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Permalink

/// The link that opens a center on the map: `base` without its query and fragment, then the
/// query the app itself writes for a view of only that center in `lang`
/// (`?center=<id>&lang=<code>`, by [`ViewState::to_query`]). An id that is not a slug could
/// not come back through a URL, so it is left out (the link opens the map in `lang`).
pub fn permalink(base: &str, center_id: &str, lang: Lang) -> String {
    let base = base.find(['?', '#']).map_or(base, |end| &base[..end]);
    let view = ViewState {
        center: is_slug(center_id).then(|| center_id.to_owned()),
        lang: Some(lang),
        ..ViewState::default()
    };
    format!("{base}?{}", view.to_query())
}

#[cfg(test)]
mod tests {
    use crate::dataset::text::Texts;
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::dataset::model::{Capacity, Country, Pediatric, Specialty};

    const BUNDLED: &str = include_str!("../../../public/data/centers.json");
    const BASE: &str = "https://shifo.example/map/";

    fn bundled() -> Dataset {
        std::sync::Arc::unwrap_or_clone(
            Dataset::load(BUNDLED)
                .expect("bundled dataset loads")
                .dataset,
        )
    }

    fn dataset(centers: Vec<Center>, events: Vec<Event>) -> Dataset {
        Dataset {
            schema: None,
            schema_version: 1,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: vec![Specialty {
                code: "oncology".into(),
                label: "Oncology".into(),
                labels: Texts::from([("ru", "Онкология")]),
            }],
            centers,
            partnerships: vec![],
            events,
            hubs: vec![],
            authorities: vec![],
            translations: Vec::new(),
        }
    }

    /// A small RFC 4180 reader: records of fields, honouring quotes, CRLF between records.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(field.is_empty() && record.is_empty(), "no CRLF at the end");
        records
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    // --- CSV ---------------------------------------------------------------------------------

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        // Quoting per RFC 4180 section 2 (rules 5-7); the guard per OWASP "CSV Injection":
        // a leading =, +, -, @, tab or CR gets an apostrophe.
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("carriage\rreturn", "\"carriage\rreturn\""),
            ("=1+2", "'=1+2"),
            ("+7 7172 70 29 00", "'+7 7172 70 29 00"),
            ("-1+2", "'-1+2"),
            ("-", "'-"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\tTab", "'\tTab"),
            ("\rx", "\"'\rx\""),
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            // Plain numbers stay numbers.
            ("-12.5", "-12.5"),
            ("-0", "-0"),
            ("71.4491", "71.4491"),
            ("-.5", "'-.5"),
            ("-1e5", "'-1e5"),
            // Not at the start: no guard.
            ("a=b", "a=b"),
            ("Ташкент, ул. Фаробий", "\"Ташкент, ул. Фаробий\""),
            ("Онкология; Химиотерапия", "Онкология; Химиотерапия"),
        ];
        for (raw, want) in cases {
            assert_eq!(csv_field(raw), want, "{raw:?}");
            // What a reader gets back is the field, with the apostrophe if guarded.
            let back = read_csv(&format!("{}\r\n", csv_field(raw)));
            assert_eq!(
                back[0][0].trim_start_matches('\''),
                raw.trim_start_matches('\'')
            );
        }
    }

    #[test]
    fn csv_has_bom_header_and_one_row_per_index() {
        let centers = vec![
            Center::stub("a", Country::KZ, 51.0, 71.0),
            Center::stub("b", Country::UZ, 41.3, 69.2),
            Center::stub("c", Country::TJ, 38.5, 68.8),
        ];
        let d = dataset(centers, vec![]);
        let text = csv(&d, &[2, 0, 7], Lang::En, BASE);
        let body = text.strip_prefix('\u{FEFF}').expect("BOM first");
        assert!(body.ends_with("\r\n"));
        assert!(!body.replace("\r\n", "").contains('\n'), "only CRLF ends");
        let rows = read_csv(body);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(
            rows[0].join(","),
            "id,name,name_local,country,city,address,lat,lon,precision,specialties,\
             specialty_labels,treats_children,pediatric_services,beds,patients_per_year,\
             capacity_note,phone,email,website,last_verified,sources,permalink"
        );
        // Index 7 is past the end and passed over; the order is the one given.
        let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(ids, ["c", "a"]);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        assert_eq!(csv(&d, &[], Lang::En, BASE).matches("\r\n").count(), 1);
    }

    #[test]
    fn csv_row_carries_every_column() {
        let mut c = Center::stub("x-1", Country::KZ, -12.5, 71.4491);
        c.name = "Center, \"X\"".into();
        c.names = Texts::from([("ru", "Центр Х")]);
        c.city = "Almaty".into();
        c.address = Texts::english("=cmd|' /C calc'!A0");
        c.precision = Precision::Building;
        c.specialties = vec!["oncology".into(), "unknown-code".into()];
        c.pediatric = Some(Pediatric {
            treats_children: true,
            services: vec!["oncology".into()],
        });
        c.capacity = Some(Box::new(Capacity {
            beds: Some(210),
            patients_per_year: None,
            note: Texts::english("new building"),
        }));
        c.phone = Some("+7 727 000 00 00".into());
        c.email = Some("info@x.kz".into());
        c.website = Some("https://x.kz".into());
        c.last_verified = Some("2026-11-22".into());
        c.sources = vec![
            Source {
                title: "Site".into(),
                url: Some("https://x.kz/about".into()),
                file: None,
                date: None,
                ..Default::default()
            },
            Source {
                title: "Corpus".into(),
                url: None,
                file: Some("004_x.txt".into()),
                date: None,
                ..Default::default()
            },
            Source {
                title: "Only a title".into(),
                url: None,
                file: None,
                date: None,
                ..Default::default()
            },
        ];
        let unknown = Center::stub("y", Country::UZ, 41.0, 69.0);
        let d = dataset(vec![c, unknown], vec![]);
        let rows = read_csv(csv(&d, &[0, 1], Lang::Ru, BASE).trim_start_matches('\u{FEFF}'));
        let row: BTreeMap<&str, &str> = CSV_COLUMNS
            .iter()
            .copied()
            .zip(rows[1].iter().map(String::as_str))
            .collect();
        let want = [
            ("id", "x-1"),
            ("name", "Center, \"X\""),
            ("name_local", "Центр Х"),
            ("country", "KZ"),
            // places.rs has Almaty in Russian as "Алматы".
            ("city", "Алматы"),
            ("address", "'=cmd|' /C calc'!A0"),
            ("lat", "-12.5"),
            ("lon", "71.4491"),
            ("precision", "building"),
            ("specialties", "oncology; unknown-code"),
            // An unknown code is labelled by itself, as Dataset::specialty_label does.
            ("specialty_labels", "Онкология; unknown-code"),
            ("treats_children", "true"),
            ("pediatric_services", "oncology"),
            ("beds", "210"),
            ("patients_per_year", ""),
            ("capacity_note", "new building"),
            ("phone", "'+7 727 000 00 00"),
            ("email", "info@x.kz"),
            ("website", "https://x.kz"),
            ("last_verified", "2026-11-22"),
            ("sources", "https://x.kz/about | 004_x.txt | Only a title"),
            ("permalink", "https://shifo.example/map/?center=x-1&lang=ru"),
        ];
        assert_eq!(row, BTreeMap::from(want));
        // No pediatric entry: unknown, not "false".
        assert_eq!(rows[2][11], "");
        assert_eq!(rows[2][2], "y");
    }

    #[test]
    fn bundled_dataset_round_trips_through_csv() {
        let d = bundled();
        let indices: Vec<usize> = (0..d.centers.len()).rev().collect();
        for lang in Lang::ALL {
            let text = csv(&d, &indices, lang, BASE);
            let rows = read_csv(text.strip_prefix('\u{FEFF}').unwrap());
            assert_eq!(rows.len(), indices.len() + 1, "{lang:?}");
            for (row, &i) in rows[1..].iter().zip(&indices) {
                let c = &d.centers[i];
                assert_eq!(row.len(), CSV_COLUMNS.len());
                assert_eq!(row[0], c.id);
                assert_eq!(row[2], c.name_in(lang));
                assert_eq!(row[6].parse::<f64>().unwrap(), c.lat, "{}", c.id);
                assert_eq!(row[7].parse::<f64>().unwrap(), c.lon, "{}", c.id);
            }
        }
    }

    // --- GeoJSON -----------------------------------------------------------------------------

    #[test]
    fn geojson_puts_longitude_first_and_every_property() {
        let d = bundled();
        let all: Vec<usize> = (0..d.centers.len()).collect();
        let text = geojson(&d, &all, Lang::Kk, BASE);
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), d.centers.len());
        let columns: BTreeSet<&str> = CSV_COLUMNS.into_iter().collect();
        for (f, c) in features.iter().zip(&d.centers) {
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["id"], c.id.as_str());
            assert_eq!(f["geometry"]["type"], "Point");
            let props = f["properties"].as_object().unwrap();
            let keys: BTreeSet<&str> = props.keys().map(String::as_str).collect();
            assert_eq!(keys, columns, "{}", c.id);
            assert!(props["specialties"].is_array());
            assert!(props["sources"].is_array());
            assert!(props["lat"].is_number() && props["lon"].is_number());
            assert!(props["treats_children"].is_boolean() || props["treats_children"].is_null());
        }
        // centers.json: "nroc-astana" has "lat": 51.1694, "lon": 71.4491.
        let nroc = features.iter().find(|f| f["id"] == "nroc-astana").unwrap();
        assert_eq!(
            nroc["geometry"]["coordinates"],
            serde_json::json!([71.4491, 51.1694])
        );
        assert_eq!(nroc["properties"]["country"], "KZ");
        // Its Kazakh name, from centers.json.
        assert_eq!(
            nroc["properties"]["name_local"],
            "Ұлттық ғылыми онкология орталығы"
        );
        // Properties are written in the CSV's column order.
        let first = &text[text.find("\"properties\"").unwrap()..];
        let positions: Vec<usize> = CSV_COLUMNS
            .iter()
            .map(|k| first.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_address_is_in_the_exports_language() {
        // An address written in Russian, translated into English and Uzbek: each export gives
        // the reader's language, else the fallbacks (a Kazakh reader gets the Russian).
        let mut c = Center::stub("addr", Country::KZ, 51.0, 71.0);
        let ru = crate::dataset::text::Tag::new("ru").unwrap();
        let from_ru = |text: &str| crate::dataset::text::Text {
            text: text.into(),
            made: crate::dataset::text::Made::TranslatedFrom(ru),
        };
        c.address = Texts::from([
            ("ru", "г. Шымкент, ул. Байтурсынова, 85а".into()),
            ("en", from_ru("85a Baitursynov St, Shymkent")),
            ("uz", from_ru("Chimkent sh., Baytursinov koʻchasi, 85a")),
        ]);
        let d = dataset(vec![c], vec![]);
        for (lang, want) in [
            (Lang::En, "85a Baitursynov St, Shymkent"),
            (Lang::Uz, "Chimkent sh., Baytursinov koʻchasi, 85a"),
            (Lang::Kk, "г. Шымкент, ул. Байтурсынова, 85а"),
        ] {
            let rows = read_csv(csv(&d, &[0], lang, BASE).trim_start_matches('\u{FEFF}'));
            let column = CSV_COLUMNS.iter().position(|c| *c == "address").unwrap();
            assert_eq!(rows[1][column], want, "{lang:?}");
            let v: serde_json::Value =
                serde_json::from_str(&geojson(&d, &[0], lang, BASE)).unwrap();
            assert_eq!(v["features"][0]["properties"]["address"], want, "{lang:?}");
        }
    }

    #[test]
    fn geojson_keeps_hostile_strings_as_data() {
        let hostile = [
            "</script><script>alert(1)</script>",
            "\"quoted\" and \\backslashed\\",
            "line\u{2028}separator\u{2029}paragraph",
            "tab\tnew\nline\u{0}nul",
        ];
        let centers: Vec<Center> = hostile
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut c = Center::stub(&format!("h{i}"), Country::KG, 42.87, 74.59);
                c.name = s.to_string().into();
                c.address = Texts::english(*s);
                c.sources = vec![Source {
                    title: "t".into(),
                    url: Some(s.to_string()),
                    file: None,
                    date: None,
                    ..Default::default()
                }];
                c
            })
            .collect();
        let d = dataset(centers, vec![]);
        let text = geojson(&d, &[0, 1, 2, 3], Lang::En, BASE);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (f, s) in v["features"].as_array().unwrap().iter().zip(hostile) {
            assert_eq!(f["properties"]["name"], s);
            assert_eq!(f["properties"]["address"], s);
            assert_eq!(f["properties"]["sources"][0], s);
            assert!(f["properties"]["phone"].is_null());
            assert!(f["properties"]["treats_children"].is_null());
        }
    }

    // --- iCalendar ---------------------------------------------------------------------------

    fn event(id: &str, start: Option<&str>, end: Option<&str>) -> Event {
        Event {
            id: id.into(),
            title: format!("Event {id}").into(),
            start: start.map(Into::into),
            end: end.map(Into::into),
            ..Event::default()
        }
    }

    #[test]
    fn civil_dates_step_to_the_next_day() {
        // Gregorian rules: 2024 is a leap year, 2025 is not, 1900 is not (divisible by 100),
        // 2000 is (divisible by 400).
        let cases = [
            ("2025-10-17", "20251018"),
            ("2024-02-28", "20240229"),
            ("2024-02-29", "20240301"),
            ("2025-02-28", "20250301"),
            ("1900-02-28", "19000301"),
            ("2000-02-28", "20000229"),
            ("2025-04-30", "20250501"),
            ("2025-01-31", "20250201"),
            ("2025-12-31", "20260101"),
        ];
        for (date, want) in cases {
            assert_eq!(Day::parse(date).unwrap().next().basic(), want, "{date}");
        }
        for bad in [
            "2025",
            "2025-10",
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(ics_stamp("2026-11-22").as_deref(), Some("20261122T000000Z"));
        assert_eq!(ics_stamp("2026-11"), None);
    }

    #[test]
    fn text_values_are_escaped() {
        // RFC 5545 section 3.3.11: ESCAPED-CHAR = "\\" / "\;" / "\," / "\N" / "\n".
        let cases = [
            ("plain", "plain"),
            ("a,b", "a\\,b"),
            ("a;b", "a\\;b"),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines", "two\\nlines"),
            ("crlf\r\nline", "crlf\\nline"),
            ("cr\rline", "cr\\nline"),
            ("tab\tkept", "tab\tkept"),
            ("nul\u{0}bell\u{7}del\u{7f}", "nulbelldel"),
            ("Ташкент, Бухара", "Ташкент\\, Бухара"),
            ("\\n is not a newline", "\\\\n is not a newline"),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_text(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let cases = [
            "SUMMARY:short".to_string(),
            format!("SUMMARY:{}", "x".repeat(75 - 8)),
            format!("SUMMARY:{}", "x".repeat(76 - 8)),
            format!("SUMMARY:{}", "a".repeat(500)),
            // Two-octet Cyrillic, starting at an odd offset so a character meets the limit.
            format!("SUMMARY:{}", "Дни казахстанской медицины ".repeat(10)),
            format!("DESCRIPTION:{}", "ж".repeat(200)),
            // Three- and four-octet characters.
            format!("X:{}", "€".repeat(100)),
            format!("XY:{}", "😀".repeat(60)),
            // Escapes ("\n", "\\") at octets 75-76, across the limit.
            format!("DESCRIPTION:{}\\nnext", "a".repeat(75 - 12 - 1)),
            format!("DESCRIPTION:{}\\\\x", "a".repeat(75 - 12 - 1)),
            format!("DESCRIPTION:{}", "ж\\n".repeat(40)),
        ];
        for line in &cases {
            let folded = fold(line);
            for (i, physical) in folded.split("\r\n").enumerate() {
                assert!(
                    physical.len() <= 75,
                    "{} octets: {physical}",
                    physical.len()
                );
                assert_eq!(i > 0, physical.starts_with(' '), "{physical}");
            }
            assert_eq!(unfold(&folded), *line);
            assert_eq!(folded == *line, line.len() <= 75);
            // No physical line ends inside an escape: each has an even run of final backslashes.
            for physical in folded.split("\r\n") {
                let trailing = physical.len() - physical.trim_end_matches('\\').len();
                assert_eq!(trailing % 2, 0, "{physical}");
            }
        }
    }

    #[test]
    fn events_become_all_day_vevents() {
        let mut e = event("medicine-days", Some("2025-10-13"), Some("2025-10-17"));
        e.titles = Texts::from([("ru", "Дни медицины; Ташкент, Бухара")]);
        e.cities = vec!["Tashkent".into(), "Bukhara".into()];
        e.centers = vec!["a".into(), "gone".into()];
        e.sources = vec![
            Source {
                title: "Corpus".into(),
                url: None,
                file: Some("004_x.txt".into()),
                date: None,
                ..Default::default()
            },
            Source {
                title: "Site".into(),
                url: Some("https://x.uz/news".into()),
                file: None,
                date: None,
                ..Default::default()
            },
        ];
        let mut a = Center::stub("a", Country::KZ, 51.0, 71.0);
        a.names = Texts::from([("ru", "Центр, А")]);
        let d = dataset(vec![a], vec![]);
        let out = ics(&d, &[&e], Lang::Ru, "20260101T000000Z\r\nX-EVIL:1");
        assert!(out.skipped.is_empty());
        let lines: Vec<&str> = out.text.split_terminator("\r\n").collect();
        assert!(out.text.ends_with("END:VCALENDAR\r\n"));
        assert!(!out.text.replace("\r\n", "").contains(['\r', '\n']));
        let unfolded = unfold(&out.text);
        let props: Vec<&str> = unfolded.split_terminator("\r\n").collect();
        assert_eq!(
            props,
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Shifo//Shifo medical centers//EN",
                "CALSCALE:GREGORIAN",
                "BEGIN:VEVENT",
                "UID:medicine-days@shifo",
                // Only digits, T and Z of the stamp are kept: no injected property.
                "DTSTAMP:20260101T000000Z1",
                "DTSTART;VALUE=DATE:20251013",
                "DTEND;VALUE=DATE:20251018",
                "SUMMARY:Дни медицины\\; Ташкент\\, Бухара",
                // places.rs: Tashkent and Bukhara in Russian.
                "LOCATION:Ташкент\\, Бухара",
                "DESCRIPTION:Центр\\, А\\ngone\\n\\nCorpus (004_x.txt)\\nSite (https://x.uz/news)",
                "URL:https://x.uz/news",
                "END:VEVENT",
                "END:VCALENDAR",
            ]
        );
        assert!(lines.iter().all(|l| l.len() <= 75));
    }

    #[test]
    fn end_dates_and_partial_starts() {
        // (start, end, DTSTART, DTEND) or skipped when DTSTART is None.
        let cases = [
            (
                Some("2025-10-13"),
                Some("2025-10-17"),
                Some(("20251013", "20251018")),
            ),
            (
                Some("2026-02-18"),
                Some("2026-02-18"),
                Some(("20260218", "20260219")),
            ),
            (Some("2024-02-28"), None, Some(("20240228", "20240229"))),
            (Some("2025-02-28"), None, Some(("20250228", "20250301"))),
            (Some("2025-12-31"), None, Some(("20251231", "20260101"))),
            (
                Some("2025-12-30"),
                Some("2026-01-02"),
                Some(("20251230", "20260103")),
            ),
            // An end before the start or not a whole day: a one-day event.
            (
                Some("2025-10-13"),
                Some("2025-10-01"),
                Some(("20251013", "20251014")),
            ),
            (
                Some("2025-10-13"),
                Some("2025-11"),
                Some(("20251013", "20251014")),
            ),
            (Some("2025-05"), None, None),
            (Some("2026"), Some("2026"), None),
            (None, Some("2026-01-01"), None),
            (Some("2025-02-30"), None, None),
        ];
        let d = dataset(vec![], vec![]);
        let events: Vec<Event> = cases
            .iter()
            .enumerate()
            .map(|(i, (start, end, _))| event(&format!("e{i}"), *start, *end))
            .collect();
        let refs: Vec<&Event> = events.iter().collect();
        let out = ics(&d, &refs, Lang::En, "20260101T000000Z");
        let text = unfold(&out.text);
        let mut want_skipped = Vec::new();
        for (i, (_, _, want)) in cases.iter().enumerate() {
            let uid = format!("UID:e{i}@shifo\r\n");
            match want {
                Some((start, end)) => {
                    let at = text.find(&uid).unwrap_or_else(|| panic!("e{i} missing"));
                    let block = &text[at..text[at..].find("END:VEVENT").unwrap() + at];
                    assert!(
                        block.contains(&format!("DTSTART;VALUE=DATE:{start}\r\n")),
                        "e{i}"
                    );
                    assert!(
                        block.contains(&format!("DTEND;VALUE=DATE:{end}\r\n")),
                        "e{i}"
                    );
                }
                None => {
                    assert!(!text.contains(&uid), "e{i}");
                    want_skipped.push(format!("e{i}"));
                }
            }
        }
        assert_eq!(out.skipped, want_skipped);
    }

    #[test]
    fn bundled_events_make_a_calendar() {
        let d = bundled();
        let events: Vec<&Event> = d.events.iter().collect();
        let stamp = ics_stamp(&d.updated).expect("updated is a day");
        let out = ics(&d, &events, Lang::Ru, &stamp);
        let whole_days = d
            .events
            .iter()
            .filter(|e| e.start.as_deref().is_some_and(|s| s.len() == 10))
            .count();
        assert_eq!(out.text.matches("BEGIN:VEVENT\r\n").count(), whole_days);
        assert_eq!(out.text.matches("END:VEVENT\r\n").count(), whole_days);
        assert_eq!(out.skipped.len(), d.events.len() - whole_days);
        assert!(out.text.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            out.text.matches(&format!("DTSTAMP:{stamp}\r\n")).count(),
            whole_days
        );
        // Same input, same bytes.
        assert_eq!(ics(&d, &events, Lang::Ru, &stamp), out);
        // centers.json: kazakhstan-medicine-days-uzbekistan-2025 runs 2025-10-13 to 2025-10-17.
        if let Some(e) = d
            .events
            .iter()
            .find(|e| e.id == "kazakhstan-medicine-days-uzbekistan-2025")
        {
            let text = unfold(&ics(&d, &[e], Lang::Ru, &stamp).text);
            assert!(text.contains("DTSTART;VALUE=DATE:20251013\r\n"));
            assert!(text.contains("DTEND;VALUE=DATE:20251018\r\n"));
            assert!(text.contains("SUMMARY:Дни казахстанской медицины в Узбекистане\r\n"));
        }
    }

    // --- Permalink ---------------------------------------------------------------------------

    #[test]
    fn permalinks_drop_the_base_query_and_fragment() {
        let cases = [
            (
                "https://shifo.example/",
                "nroc-astana",
                Lang::Ru,
                "https://shifo.example/?center=nroc-astana&lang=ru",
            ),
            (
                "https://shifo.example",
                "nroc-astana",
                Lang::En,
                "https://shifo.example?center=nroc-astana&lang=en",
            ),
            (
                "https://user.github.io/shifo/",
                "a-1",
                Lang::Kk,
                "https://user.github.io/shifo/?center=a-1&lang=kk",
            ),
            (
                "https://user.github.io/shifo/index.html",
                "a-1",
                Lang::Uz,
                "https://user.github.io/shifo/index.html?center=a-1&lang=uz",
            ),
            (
                "https://shifo.example/?country=KZ&center=old&lang=ru",
                "new",
                Lang::Tg,
                "https://shifo.example/?center=new&lang=tg",
            ),
            (
                "https://shifo.example/#map",
                "x",
                Lang::Ky,
                "https://shifo.example/?center=x&lang=ky",
            ),
            (
                "https://shifo.example/?q=a#b?c",
                "x",
                Lang::Tk,
                "https://shifo.example/?center=x&lang=tk",
            ),
            ("", "x", Lang::En, "?center=x&lang=en"),
            // Not a slug: it could not come back through the URL, so it is left out.
            (
                "https://shifo.example/",
                "a&lang=xx",
                Lang::Ru,
                "https://shifo.example/?lang=ru",
            ),
        ];
        for (base, id, lang, want) in cases {
            let link = permalink(base, id, lang);
            assert_eq!(link, want, "{base} {id}");
            // The app reads its own link back to the same view.
            let query = &link[link.find('?').unwrap()..];
            let view = ViewState::from_query(query);
            assert_eq!(view.lang, Some(lang));
            assert_eq!(view.center.as_deref(), is_slug(id).then_some(id));
        }
    }
}
