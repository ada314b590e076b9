//! Checks a parsed dataset for problems serde cannot see: duplicate ids, unknown codes,
//! impossible coordinates, links to centers that do not exist.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use crate::model::{is_web_url, Dataset};

/// One thing wrong with a dataset, located by its JSON path.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `centers[3].specialties[1]`.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// The kinds of problem, one variant per rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// A center id is used twice; the later center is dropped.
    DuplicateId(String),
    /// A center id is not a lowercase slug (`a-z`, `0-9`, `-`), so it cannot live in a URL.
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
    /// A partnership or event names a center that is not in the dataset.
    UnknownCenter(String),
    /// A link is not an `https:` or `http:` URL.
    BadUrl(String),
}

impl Problem {
    /// The index of the center this problem belongs to, if it is inside `centers[..]`.
    pub fn center_index(&self) -> Option<usize> {
        index_in(&self.path, "centers[")
    }
}

fn index_in(path: &str, prefix: &str) -> Option<usize> {
    let rest = path.strip_prefix(prefix)?;
    rest[..rest.find(']')?].parse().ok()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            ProblemKind::DuplicateId(id) => write!(f, "duplicate center id \"{id}\""),
            ProblemKind::BadId(id) => write!(
                f,
                "center id \"{id}\" must use only lowercase letters, digits and hyphens"
            ),
            ProblemKind::Empty(field) => write!(f, "{field} must not be empty"),
            ProblemKind::UnknownSpecialty(code) => {
                write!(f, "unknown specialty code \"{code}\"")
            }
            ProblemKind::DuplicateSpecialty(code) => {
                write!(f, "specialty code \"{code}\" is declared twice")
            }
            ProblemKind::BadSpecialtyCode(code) => write!(
                f,
                "specialty code \"{code}\" must use only lowercase letters, digits and hyphens"
            ),
            ProblemKind::BadCoordinates { lat, lon } => write!(
                f,
                "coordinates {lat}, {lon} are out of range (lat -90..90, lon -180..180)"
            ),
            ProblemKind::UnknownCenter(id) => write!(f, "no center has the id \"{id}\""),
            ProblemKind::BadUrl(url) => write!(f, "\"{url}\" is not an https or http URL"),
        }
    }
}

/// Whether an id is a URL-safe slug.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every problem in the dataset, in document order.
pub fn check(d: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |path: String, kind: ProblemKind| out.push(Problem { path, kind });

    let mut codes = HashSet::new();
    for (i, s) in d.specialties.iter().enumerate() {
        if s.code.trim().is_empty() {
            push(format!("specialties[{i}].code"), ProblemKind::Empty("code"));
        } else if !is_slug(&s.code) {
            push(
                format!("specialties[{i}].code"),
                ProblemKind::BadSpecialtyCode(s.code.clone()),
            );
        } else if !codes.insert(s.code.as_str()) {
            push(
                format!("specialties[{i}].code"),
                ProblemKind::DuplicateSpecialty(s.code.clone()),
            );
        }
        if s.label.trim().is_empty() {
            push(
                format!("specialties[{i}].label"),
                ProblemKind::Empty("label"),
            );
        }
    }

    let mut ids = HashSet::new();
    for (i, c) in d.centers.iter().enumerate() {
        let at = |field: &str| format!("centers[{i}].{field}");
        if !is_slug(&c.id) {
            push(at("id"), ProblemKind::BadId(c.id.clone()));
        } else if !ids.insert(c.id.as_str()) {
            push(at("id"), ProblemKind::DuplicateId(c.id.clone()));
        }
        if c.name.trim().is_empty() {
            push(at("name"), ProblemKind::Empty("name"));
        }
        if c.city.trim().is_empty() {
            push(at("city"), ProblemKind::Empty("city"));
        }
        let lat_ok = c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat);
        let lon_ok = c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon);
        if !lat_ok || !lon_ok {
            push(
                at("lat"),
                ProblemKind::BadCoordinates {
                    lat: c.lat,
                    lon: c.lon,
                },
            );
        }
        for (j, code) in c.specialties.iter().enumerate() {
            if !codes.contains(code.as_str()) {
                push(
                    at(&format!("specialties[{j}]")),
                    ProblemKind::UnknownSpecialty(code.clone()),
                );
            }
        }
        if let Some(w) = &c.website {
            if !is_web_url(w) {
                push(at("website"), ProblemKind::BadUrl(w.clone()));
            }
        }
        for (j, s) in c.sources.iter().enumerate() {
            if let Some(u) = &s.url {
                if !is_web_url(u) {
                    push(
                        at(&format!("sources[{j}].url")),
                        ProblemKind::BadUrl(u.clone()),
                    );
                }
            }
        }
    }

    let known: BTreeSet<&str> = d.centers.iter().map(|c| c.id.as_str()).collect();
    for (i, p) in d.partnerships.iter().enumerate() {
        for (field, id) in [("a", &p.a), ("b", &p.b)] {
            if !known.contains(id.as_str()) {
                push(
                    format!("partnerships[{i}].{field}"),
                    ProblemKind::UnknownCenter(id.clone()),
                );
            }
        }
    }
    for (i, e) in d.events.iter().enumerate() {
        for (j, id) in e.centers.iter().enumerate() {
            if !known.contains(id.as_str()) {
                push(
                    format!("events[{i}].centers[{j}]"),
                    ProblemKind::UnknownCenter(id.clone()),
                );
            }
        }
    }
    out
}

/// Removes every center that has an error, vocabulary entries whose code is unusable, and the
/// links that pointed at removed centers.
pub fn remove_invalid(d: &mut Dataset, problems: &[Problem]) {
    d.specialties.retain(|s| is_slug(&s.code));
    let bad: HashSet<usize> = problems.iter().filter_map(Problem::center_index).collect();
    if !bad.is_empty() {
        let mut i = 0;
        d.centers.retain(|_| {
            let keep = !bad.contains(&i);
            i += 1;
            keep
        });
    }
    let known: HashSet<String> = d.centers.iter().map(|c| c.id.clone()).collect();
    d.partnerships
        .retain(|p| known.contains(&p.a) && known.contains(&p.b));
    for e in &mut d.events {
        e.centers.retain(|id| known.contains(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> String {
        r#"{"schema_version": 1, "version": "t", "updated": "2026-01-01",
            "specialties": [{"code": "oncology", "label": "Oncology"},
                            {"code": "neurosurgery", "label": "Neurosurgery"}],
            "centers": [
              {"id": "a", "name": "A", "country": "KZ", "city": "Astana", "lat": 51.17,
               "lon": 71.45, "specialties": ["oncology"], "pediatric": false},
              {"id": "b", "name": "B", "country": "UZ", "city": "Tashkent", "lat": 41.3,
               "lon": 69.24, "specialties": ["neurosurgery"], "pediatric": true}
            ],
            "partnerships": [{"a": "a", "b": "b"}],
            "events": [{"id": "e", "title": "E", "centers": ["a", "b"]}]}"#
            .to_string()
    }

    #[test]
    fn clean_dataset_has_no_problems() {
        let loaded = Dataset::load(&base()).unwrap();
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.dataset.centers.len(), 2);
    }

    /// The edit that appends a third center with the given id.
    fn extra(id: &str) -> String {
        format!(
            "\"pediatric\": true}}, {{\"id\": \"{id}\", \"name\": \"C\", \"country\": \"KZ\", \"city\": \"Astana\", \"lat\": 51.0, \"lon\": 71.0, \"specialties\": [], \"pediatric\": false}}"
        )
    }

    #[test]
    fn each_rule_reports_its_path_and_drops_only_the_bad_center() {
        // (edit to the base dataset, expected path, expected problem text, centers left)
        let cases: &[(&str, &str, &str, &str, usize)] = &[
            ("\"pediatric\": true}", &extra("a"), "centers[2].id", "duplicate center id \"a\"", 2),
            ("\"pediatric\": true}", &extra("B b"), "centers[2].id", "lowercase", 2),
            ("\"name\": \"B\"", "\"name\": \" \"", "centers[1].name", "name must not be empty", 1),
            ("\"city\": \"Tashkent\"", "\"city\": \"\"", "centers[1].city", "city must not be empty", 1),
            ("[\"neurosurgery\"]", "[\"neurosurgery\", \"cardio\"]", "centers[1].specialties[1]", "unknown specialty code \"cardio\"", 1),
            ("\"lat\": 41.3", "\"lat\": 141.3", "centers[1].lat", "out of range", 1),
            ("\"lon\": 69.24", "\"lon\": 69.24, \"website\": \"javascript:alert(1)\"", "centers[1].website", "not an https or http URL", 1),
            ("{\"a\": \"a\", \"b\": \"b\"}", "{\"a\": \"a\", \"b\": \"zz\"}", "partnerships[0].b", "no center has the id \"zz\"", 2),
            ("[\"a\", \"b\"]}", "[\"a\", \"q\"]}", "events[0].centers[1]", "no center has the id \"q\"", 2),
            ("{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}", "{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}, {\"code\": \"oncology\", \"label\": \"Again\"}", "specialties[2].code", "declared twice", 2),
            ("{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}", "{\"code\": \"neurosurgery\", \"label\": \"Neurosurgery\"}, {\"code\": \"Ear & nose\", \"label\": \"ENT\"}", "specialties[2].code", "lowercase letters", 2),
        ];
        for (from, to, path, text, left) in cases {
            let input = base().replacen(from, to, 1);
            assert_ne!(input, base(), "edit {from:?} did not apply");
            let loaded = Dataset::load(&input).unwrap();
            assert_eq!(loaded.problems.len(), 1, "{to}: {:?}", loaded.problems);
            let p = &loaded.problems[0];
            assert_eq!(p.path, *path);
            assert!(p.to_string().contains(text), "{p}");
            assert_eq!(loaded.dataset.centers.len(), *left, "{to}");
        }
    }

    #[test]
    fn links_to_dropped_centers_are_removed() {
        let input = base().replacen("\"lat\": 41.3", "\"lat\": 99.0", 1);
        let loaded = Dataset::load(&input).unwrap();
        assert!(loaded.dataset.partnerships.is_empty());
        assert_eq!(loaded.dataset.events[0].centers, vec!["a".to_string()]);
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
