//! Parsing a dataset from JSON text, with errors that say where the text is wrong.

use std::fmt;

use std::collections::HashSet;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::dataset::json::{self, Pos, Value};
use crate::dataset::model::{Center, Dataset, SCHEMA_VERSION};
use crate::dataset::shape;
use crate::dataset::validate::{self, Path, Problem, ProblemKind, Seg};
use crate::query::conditions::Conditions;
use crate::query::index::Index;

/// Reads shape-checked entries straight from their text (no intermediate JSON values, which
/// would cost wasm size), recording which file index each typed entry came from. Shape-checked
/// entries always deserialize; if one did not, that would be a bug in the shape tables, and
/// the entry is reported rather than trusted.
fn read_entries<T: DeserializeOwned>(
    list: &str,
    spans: Vec<(usize, Pos, &str)>,
    kept: &mut Vec<usize>,
    late: &mut Vec<Problem>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, pos, text) in spans {
        match crate::dataset::objects::from_str::<T>(text) {
            Ok(v) => {
                kept.push(i);
                out.push(v);
            }
            Err(e) => {
                let message = e.to_string();
                // serde_json appends " at line L column C", relative to the entry; drop it.
                let message = message
                    .rfind(" at line ")
                    .map_or(message.as_str(), |k| &message[..k])
                    .to_string();
                late.push(Problem::new(
                    Path::root().key(list).index(i),
                    Some(pos),
                    ProblemKind::Unreadable(message),
                ))
            }
        }
    }
    out
}

/// Where in the file a problem from [`validate::check`] is: the key of a missing or unknown
/// field, else the value at its path.
fn locate(root: &json::Node, p: &Problem) -> Pos {
    p.path.locate(root).pos
}

/// Why a dataset could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, and where.
    pub kind: ErrorKind,
}

/// The ways reading a dataset can fail, one variant per failure a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file holds nothing but whitespace (an empty answer, a failed upload).
    Empty,
    /// The text stops before the JSON is complete: the download was cut off.
    Truncated {
        /// 1-based line where the text ends.
        line: usize,
        /// 1-based column where the text ends.
        column: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's description, without its location suffix.
        message: String,
    },
    /// The text is JSON but not a Shifo dataset (missing, unknown or mistyped field).
    Shape {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's description, without its location suffix.
        message: String,
    },
    /// The dataset declares a schema version this build cannot read.
    SchemaVersion {
        /// The version found in the file.
        found: u32,
        /// 1-based line of the `schema_version` value.
        line: usize,
        /// 1-based column of the `schema_version` value.
        column: usize,
    },
}

impl Error {
    /// The 1-based line and column of the error, when it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match &self.kind {
            ErrorKind::Syntax { line, column, .. }
            | ErrorKind::Truncated { line, column }
            | ErrorKind::Shape { line, column, .. }
            | ErrorKind::SchemaVersion { line, column, .. } => Some((*line, *column)),
            ErrorKind::Empty => None,
        }
    }
}

impl Error {
    /// What went wrong, without the line and column (for tools that print them separately).
    pub fn kind_message(&self) -> String {
        match &self.kind {
            ErrorKind::Syntax { message, .. } => format!("not valid JSON: {message}"),
            ErrorKind::Shape { message, .. } => format!("not a Shifo dataset: {message}"),
            ErrorKind::Truncated { .. } => "the file ends early: it was cut off".to_string(),
            ErrorKind::SchemaVersion { .. } | ErrorKind::Empty => self.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Empty => f.write_str("the file is empty"),
            ErrorKind::Truncated { line, column } => write!(
                f,
                "the file ends early, at line {line}, column {column}: it was cut off"
            ),
            ErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(f, "not valid JSON at line {line}, column {column}: {message}"),
            ErrorKind::Shape {
                line,
                column,
                message,
            } => write!(
                f,
                "not a Shifo dataset at line {line}, column {column}: {message}"
            ),
            ErrorKind::SchemaVersion { found, .. } => write!(
                f,
                "schema_version {found} is not supported (this version of Shifo reads 1 to {SCHEMA_VERSION})"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Whether this build reads a file of schema version `v`: every version up to its own (a
/// version adds fields and alternatives, so an older file is a newer file too).
pub(crate) fn readable(v: u32) -> bool {
    (1..=SCHEMA_VERSION).contains(&v)
}

/// serde_json counts columns in bytes; people count characters (Cyrillic is two bytes each).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(l.len());
    while !l.is_char_boundary(end) {
        end += 1;
    }
    l[..end].chars().count().max(1)
}

impl Error {
    /// Converts a serde_json error on `text`, with the column counted in characters.
    fn from_json(e: serde_json::Error, text: &str) -> Self {
        use serde_json::error::Category;
        if text.trim().is_empty() {
            return Error {
                kind: ErrorKind::Empty,
            };
        }
        let full = e.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        // serde_json reports column 0 for an error before the first character of a line.
        let line = e.line().max(1);
        let column = char_column(text, line, e.column().max(1));
        let kind = match e.classify() {
            Category::Data => ErrorKind::Shape {
                line,
                column,
                message,
            },
            // Complete JSON never ends inside a value: the text was cut short. A number cut
            // after its point (`43.`) is a syntax error, at the text's last character.
            Category::Eof => ErrorKind::Truncated { line, column },
            Category::Syntax if at_end(text, e.line(), e.column()) => {
                ErrorKind::Truncated { line, column }
            }
            Category::Syntax | Category::Io => ErrorKind::Syntax {
                line,
                column,
                message,
            },
        };
        Error { kind }
    }
}

/// Whether serde_json's `line` and byte `column` are the last character of `text`.
fn at_end(text: &str, line: usize, column: usize) -> bool {
    let last = text.rsplit('\n').next().unwrap_or_default();
    line == text.matches('\n').count() + 1 && column >= last.len()
}

/// A dataset that parsed, with its invalid entries set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The dataset, holding only the entries that passed validation. Shared, like the index,
    /// by the loads made from this one ([`Loaded::with_conditions`] reads the same data): a
    /// copy of 50,000 centers is tens of megabytes, and the page's memory keeps its peak.
    pub dataset: Arc<Dataset>,
    /// Filtering index over `dataset`, built once and shared by the loads that differ only in
    /// translations (see [`Loaded::with_translations`]), so that "same index" means "same data".
    pub index: Arc<Index>,
    /// Every problem found, errors and warnings, in document order; entries with an error were
    /// removed from `dataset`.
    pub problems: Vec<Problem>,
    /// The vocabulary search reads conditions with (none until one is added, see
    /// [`Loaded::with_conditions`]).
    pub conditions: Arc<Conditions>,
}

impl Loaded {
    /// Only the problems that made entries be left out.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    /// Only the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }

    /// The hubs that can narrow the map, as [`Dataset::filterable_hubs`] gives them, from the
    /// index, without looking at every center (the filter form asks on every render).
    pub fn filterable_hubs(&self) -> Vec<&crate::dataset::model::Hub> {
        self.dataset
            .hubs
            .iter()
            .filter(|h| self.index.hub_has_hosts(&h.id))
            .filter(|h| {
                // The index joins hosts by hub id; a hub is an option when its own host exists.
                h.host
                    .as_deref()
                    .is_some_and(|host| self.dataset.center_index(host).is_some())
            })
            .collect()
    }
}

/// The stages of [`Dataset::load_observed`], in order. A file with problems may skip to the
/// thorough path, which reports only the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadStep {
    /// The JSON is typed (or found to need the thorough path).
    Parsed,
    /// Entries are checked and the invalid ones set aside.
    Validated,
    /// The filter, search and map index is built.
    Indexed,
}

impl Dataset {
    /// Parses dataset JSON strictly: the first problem of any kind is an error. For reading
    /// what is usable out of an imperfect file, use [`Dataset::load`].
    pub fn from_json(text: &str) -> Result<Dataset, Error> {
        let loaded = Dataset::load(text)?;
        let first = loaded.errors().next().cloned();
        match first {
            None => Ok(Arc::unwrap_or_clone(loaded.dataset)),
            Some(p) => {
                let at = p.at.unwrap_or(Pos { line: 1, column: 1 });
                Err(Error {
                    kind: ErrorKind::Shape {
                        line: at.line,
                        column: at.column,
                        message: format!("{}: {}", p.path, p.message()),
                    },
                })
            }
        }
    }

    /// Parses and validates: what is fine is kept, every problem is reported with its JSON
    /// path, line and column, and nothing panics. Fails only when nothing can be read: the
    /// text is not JSON, not an object, or of another schema version.
    pub fn load(text: &str) -> Result<Loaded, Error> {
        Dataset::load_observed(text, |_| {})
    }

    /// [`Dataset::load`], telling `step` as each stage ends (the app times them for the
    /// benchmark's profile; the core itself has no clock).
    pub fn load_observed(text: &str, mut step: impl FnMut(LoadStep)) -> Result<Loaded, Error> {
        // Fast path: a file of the right shape (the usual case) is typed in one pass, and the
        // positioned tree is built only if there are problems to locate.
        let typed = crate::dataset::objects::from_str::<Dataset>(text).ok();
        step(LoadStep::Parsed);
        if let Some(dataset) = typed {
            if readable(dataset.schema_version) {
                return Ok(Dataset::checked(dataset, || text.into(), step));
            }
        }
        let loaded = Dataset::load_thorough(text);
        step(LoadStep::Indexed);
        loaded
    }

    /// The rest of the fast path, for a dataset typed in one piece (from the whole text, or
    /// from a download entry by entry): validates, sets aside what has errors, locates the
    /// problems in the text (asked for only when there are some) and builds the index.
    pub(crate) fn checked<'t>(
        mut dataset: Dataset,
        text: impl FnOnce() -> std::borrow::Cow<'t, str>,
        mut step: impl FnMut(LoadStep),
    ) -> Loaded {
        let mut problems = validate::check(&dataset);
        // Without errors nothing goes and every link is to a known center (nothing was set
        // aside before typing): skip building the set of known ids.
        if problems.iter().any(Problem::is_error) {
            validate::remove_invalid(&mut dataset, &problems);
        }
        if !problems.is_empty() {
            if let Ok(root) = json::parse(&text()) {
                for p in &mut problems {
                    p.at = Some(locate(&root, p));
                }
            }
            crate::sort::sort_by_key(&mut problems, |p| p.at);
        } else {
            // The text (a download's bytes) goes before the index is built, so the two are
            // never held at once: the page's memory keeps its peak.
            drop(text);
        }
        step(LoadStep::Validated);
        let index = Index::without_names(&dataset);
        step(LoadStep::Indexed);
        Loaded {
            dataset: Arc::new(dataset),
            index: Arc::new(index),
            problems,
            conditions: Arc::default(),
        }
    }

    /// The slow path of [`Dataset::load`]: finds every syntax and shape problem and keeps
    /// every entry that is fine. On a file of the right shape it gives the same answer as the
    /// fast path (a test checks this).
    pub(crate) fn load_thorough(text: &str) -> Result<Loaded, Error> {
        let root = positioned_tree(text)?;
        let mut problems = Vec::new();
        shape::check(&root, &shape::DATASET, &Path::root(), &mut problems);
        let mut typed = Typed::read(&root, text, &mut problems);
        typed.drop_repeats_of_broken(&root, &mut problems);
        // Top-level values; a missing or mistyped one was reported by the shape check.
        let string = |key: &str| match root.get(key).map(|m| &m.value.value) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let version = match root.get("schema_version").map(|m| &m.value.value) {
            Some(Value::Number(_, raw)) => raw.parse().ok(),
            _ => None,
        };
        let updated = string("updated");
        let updated_given = updated.is_some();
        let mut dataset = Dataset {
            schema: string("$schema"),
            schema_version: version.unwrap_or(SCHEMA_VERSION),
            version: string("version").unwrap_or_default(),
            updated: updated.unwrap_or_default(),
            specialties: std::mem::take(&mut typed.specialties),
            centers: std::mem::take(&mut typed.centers),
            partnerships: std::mem::take(&mut typed.partnerships),
            events: std::mem::take(&mut typed.events),
            hubs: std::mem::take(&mut typed.hubs),
            authorities: std::mem::take(&mut typed.authorities),
            translations: match root.get("translations").map(|m| &m.value.value) {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(|i| match &i.value {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
        };
        let mut checked = validate::check_with(&dataset, &typed.also_known());
        if !updated_given {
            // Already reported as missing or mistyped; do not report it again as a bad date.
            checked.retain(|p| p.path.0 != [Seg::Key("updated".into())]);
        }
        validate::remove_invalid(&mut dataset, &checked);
        for mut p in checked {
            typed.point_back(&mut p);
            p.at = Some(locate(&root, &p));
            problems.push(p);
        }
        crate::sort::sort_by_key(&mut problems, |p| p.at);
        let index = Index::without_names(&dataset);
        Ok(Loaded {
            dataset: Arc::new(dataset),
            index: Arc::new(index),
            problems,
            conditions: Arc::default(),
        })
    }

    /// The hubs whose host is the center with this id.
    pub fn hubs_hosted_by<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = &'a crate::dataset::model::Hub> {
        self.hubs
            .iter()
            .filter(move |h| h.host.as_deref() == Some(id))
    }

    /// The hubs that can narrow the map: those whose host is a center of this dataset, in
    /// dataset order. A hub without a named host is shown, but choosing it would show nothing.
    pub fn filterable_hubs(&self) -> Vec<&crate::dataset::model::Hub> {
        if self.hubs.iter().all(|h| h.host.is_none()) {
            return Vec::new();
        }
        let ids: HashSet<&str> = self.centers.iter().map(|c| c.id.as_str()).collect();
        self.hubs
            .iter()
            .filter(|h| h.host.as_deref().is_some_and(|id| ids.contains(id)))
            .collect()
    }

    /// The position in `centers` of the center with this id.
    pub fn center_index(&self, id: &str) -> Option<usize> {
        self.centers.iter().position(|c| c.id == id)
    }

    /// The center with this id.
    pub fn center(&self, id: &str) -> Option<&crate::dataset::model::Center> {
        self.center_index(id).map(|i| &self.centers[i])
    }

    /// The label of a specialty code in `lang` (falling back to Russian, then English), or
    /// the code itself when it is not in the vocabulary.
    pub fn specialty_label<'a>(&'a self, code: &'a str, lang: crate::Lang) -> &'a str {
        self.specialties
            .iter()
            .find(|s| s.code == code)
            .map_or(code, |s| s.label_in(lang))
    }

    /// The labels of a center's specialties in `lang`, joined with commas.
    pub fn specialty_list(
        &self,
        center: &crate::dataset::model::Center,
        lang: crate::Lang,
    ) -> String {
        let labels: Vec<&str> = center
            .specialties
            .iter()
            .map(|s| self.specialty_label(s, lang))
            .collect();
        labels.join(", ")
    }
}

/// The text as a tree that keeps every value's line and column, once it is known to be JSON
/// of a version this build reads.
fn positioned_tree(text: &str) -> Result<json::Node, Error> {
    // serde_json's syntax messages are good; use them, with columns in characters.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Err(Error::from_json(e, text));
    }
    // serde's skipping pass lets a lone surrogate or an infinite number through; the tree
    // does not, and says where.
    let root = json::parse(text).map_err(|e| Error {
        kind: ErrorKind::Syntax {
            line: e.at.line,
            column: e.at.column,
            message: e.message.to_string(),
        },
    })?;
    let Value::Object(_) = root.value else {
        return Err(Error {
            kind: ErrorKind::Shape {
                line: root.pos.line,
                column: root.pos.column,
                message: format!(
                    "expected a JSON object with schema_version, specialties and centers, found {}",
                    root.value.type_name()
                ),
            },
        });
    };
    if let Some(m) = root.get("schema_version") {
        // Only a whole number is a version; 1.5 or -1 is a shape error, reported later.
        if let Value::Number(_, raw) = &m.value.value {
            if let Ok(found) = raw.parse::<u32>() {
                if !readable(found) {
                    return Err(Error {
                        kind: ErrorKind::SchemaVersion {
                            found,
                            line: m.value.pos.line,
                            column: m.value.pos.column,
                        },
                    });
                }
            }
        }
    }
    Ok(root)
}

/// The entries of a file typed one by one, so that one broken center costs only that center,
/// with where each came from in the file and what could not be typed.
struct Typed {
    specialties: Vec<crate::dataset::model::Specialty>,
    centers: Vec<Center>,
    partnerships: Vec<crate::dataset::model::Partnership>,
    events: Vec<crate::dataset::model::Event>,
    hubs: Vec<crate::dataset::model::Hub>,
    authorities: Vec<crate::dataset::model::Authority>,
    /// Per list, the file index of each typed entry.
    origins: [(&'static str, Vec<usize>); 6],
    /// Centers that could not be typed: file index and id.
    broken_centers: Vec<(usize, String)>,
    /// Vocabulary entries that could not be typed: file index and code.
    broken_codes: Vec<(usize, String)>,
    /// Whether a vocabulary entry could not be read, code and all.
    unreadable_codes: bool,
}

/// A top-level list's entries.
fn items<'a>(root: &'a json::Node, list: &str) -> &'a [json::Node] {
    match root.get(list).map(|m| &m.value.value) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    }
}

impl Typed {
    /// Types every entry that passed the shape check (`problems` holds its findings).
    fn read(root: &json::Node, text: &str, problems: &mut Vec<Problem>) -> Typed {
        let shape_broken = |list: &str| -> HashSet<usize> {
            problems
                .iter()
                .filter_map(|p: &Problem| p.path.entry())
                .filter(|(l, _)| *l == list)
                .map(|(_, i)| i)
                .collect()
        };
        // The entries of a list that passed the shape check: (file index, position, text).
        let spans = |list: &str| -> Vec<(usize, Pos, &str)> {
            let broken = shape_broken(list);
            items(root, list)
                .iter()
                .enumerate()
                .filter(|(i, _)| !broken.contains(i))
                .map(|(i, item)| (i, item.pos, &text[item.span.clone()]))
                .collect()
        };
        let mut late = Vec::new();
        let (mut k1, mut k2, mut k3, mut k4, mut k5, mut k6) = (
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        let specialties = read_entries("specialties", spans("specialties"), &mut k1, &mut late);
        let centers = read_entries("centers", spans("centers"), &mut k2, &mut late);
        let partnerships = read_entries("partnerships", spans("partnerships"), &mut k3, &mut late);
        let events = read_entries("events", spans("events"), &mut k4, &mut late);
        let hubs = read_entries("hubs", spans("hubs"), &mut k5, &mut late);
        let authorities = read_entries("authorities", spans("authorities"), &mut k6, &mut late);
        problems.extend(late);
        // A string field of the entries of `list` that could not be typed, with their file
        // index: their ids and codes still exist in the file.
        let untyped = |list: &str, kept: &[usize], field: &str| -> Vec<(usize, String)> {
            items(root, list)
                .iter()
                .enumerate()
                .filter(|(i, _)| !kept.contains(i))
                .filter_map(|(i, item)| match &item.get(field)?.value.value {
                    Value::String(v) => Some((i, v.clone())),
                    _ => None,
                })
                .collect()
        };
        let broken_centers = untyped("centers", &k2, "id");
        let broken_codes = untyped("specialties", &k1, "code");
        let unreadable_codes = items(root, "specialties").len() > k1.len() + broken_codes.len();
        Typed {
            specialties,
            centers,
            partnerships,
            events,
            hubs,
            authorities,
            origins: [
                ("specialties", k1),
                ("centers", k2),
                ("partnerships", k3),
                ("events", k4),
                ("hubs", k5),
                ("authorities", k6),
            ],
            broken_centers,
            broken_codes,
            unreadable_codes,
        }
    }

    /// A typed center reusing the id of an earlier, broken one is the duplicate; it goes, so
    /// that links keep meaning the first.
    fn drop_repeats_of_broken(&mut self, root: &json::Node, problems: &mut Vec<Problem>) {
        let kept = &mut self.origins[1].1;
        let mut duplicates = Vec::new();
        let mut n = 0;
        let broken = &self.broken_centers;
        self.centers.retain(|c| {
            let orig = kept[n];
            n += 1;
            let dup = broken.iter().any(|(b, id)| *b < orig && *id == c.id);
            if dup {
                duplicates.push((orig, c.id.clone()));
            }
            !dup
        });
        kept.retain(|orig| !duplicates.iter().any(|(d, _)| d == orig));
        for (orig, id) in duplicates {
            let path = Path::root().key("centers").index(orig).key("id");
            let at = path.locate(root).pos;
            problems.push(Problem::new(path, Some(at), ProblemKind::DuplicateId(id)));
        }
    }

    /// Ids and codes whose entries were already reported: links to them are not reported
    /// again, and centers using a broken vocabulary entry's code keep it.
    fn also_known(&self) -> validate::AlsoKnown {
        validate::AlsoKnown {
            centers: self
                .broken_centers
                .iter()
                .map(|(_, id)| id.clone())
                .collect(),
            codes: self.broken_codes.iter().map(|(_, c)| c.clone()).collect(),
            codes_uncertain: self.unreadable_codes,
        }
    }

    /// Paths from `check` count only the entries that were typed: points one back at its
    /// entry's place in the file.
    fn point_back(&self, p: &mut Problem) {
        if let Some((list, i)) = p.path.entry() {
            if let Some((_, kept)) = self.origins.iter().find(|(l, _)| *l == list) {
                if let Some(&orig) = kept.get(i) {
                    p.path.0[1] = Seg::Index(orig);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn load_reports_its_stages_in_order() {
        let text = include_str!("../../../public/data/centers.json");
        let mut steps = Vec::new();
        let loaded = Dataset::load_observed(text, |s| steps.push(s));
        assert!(loaded.is_ok());
        assert_eq!(
            steps,
            [LoadStep::Parsed, LoadStep::Validated, LoadStep::Indexed]
        );
    }

    use super::*;

    const MINIMAL: &str = r#"{
  "schema_version": 1,
  "version": "t",
  "updated": "2026-01-01",
  "specialties": [{"code": "oncology", "label": "Oncology"}],
  "centers": [{"id": "a", "name": "A", "country": "KZ", "city": "Astana", "precision": "city",
               "lat": 51.17, "lon": 71.45, "specialties": ["oncology"],
               "pediatric": {"treats_children": false}, "sources": [{"title": "t", "file": "f"}]}]
}"#;

    #[test]
    fn minimal_dataset_parses() {
        let d = Dataset::from_json(MINIMAL).unwrap();
        assert_eq!(d.centers.len(), 1);
        assert_eq!(d.specialty_label("oncology", crate::Lang::En), "Oncology");
        assert_eq!(d.specialty_label("nope", crate::Lang::Ru), "nope");
        assert!(d.center("a").is_some());
        assert_eq!(d.center_index("a"), Some(0));
        assert_eq!(d.center_index("b"), None);
        assert_eq!(d.specialty_list(&d.centers[0], crate::Lang::Kk), "Oncology");
    }

    #[test]
    fn errors_carry_line_and_column() {
        // Locations counted by hand in each input: line and column are 1-based.
        let cases: &[(&str, &str, usize, usize)] = &[
            ("{\n  \"schema_version\": 1,\n  oops\n}", "syntax", 3, 3),
            ("<!DOCTYPE html>", "syntax", 1, 1),
            // Cut off: the location is the last character there is.
            (
                "{\"schema_version\": 1, \"version\": \"v\"",
                "truncated",
                1,
                36,
            ),
            ("{\n  \"centers\": [\n    {\"id\": \"a", "truncated", 3, 13),
            ("[1, 2]", "shape", 1, 1),
            ("\n  [{}]", "shape", 2, 3),
            ("\"a string\"", "shape", 1, 1),
            // Shape errors point at the start of the value (serde_json points at its end).
            (
                &MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": \"one\""),
                "shape",
                2,
                21,
            ),
            (
                &MINIMAL.replace("\"country\": \"KZ\"", "\"country\": \"RU\""),
                "shape",
                6,
                51,
            ),
            // An unknown field points at its key.
            (
                &MINIMAL.replace("\"pediatric\": {", "\"pediatirc\": {"),
                "shape",
                8,
                16,
            ),
        ];
        for (text, kind, line, column) in cases {
            let err = Dataset::from_json(text).unwrap_err();
            let got_kind = match err.kind {
                ErrorKind::Syntax { .. } => "syntax",
                ErrorKind::Truncated { .. } => "truncated",
                ErrorKind::Shape { .. } => "shape",
                ErrorKind::SchemaVersion { .. } => "version",
                ErrorKind::Empty => "empty",
            };
            assert_eq!(got_kind, *kind, "{text:?}: {err}");
            assert_eq!(err.location(), Some((*line, *column)), "{text:?}: {err}");
            assert!(err
                .to_string()
                .contains(&format!("line {line}, column {column}")));
        }
    }

    #[test]
    fn empty_and_cut_off_files_are_told_apart() {
        for text in ["", " ", "\n\t\r\n"] {
            assert_eq!(Dataset::load(text).unwrap_err().kind, ErrorKind::Empty);
            assert_eq!(Dataset::from_json(text).unwrap_err().kind, ErrorKind::Empty);
        }
        // A number cut after its point or its exponent's sign: serde_json calls it invalid.
        for text in ["{\"lat\": 43.", "{\n\"lat\": 4e-"] {
            let err = Dataset::load(text).unwrap_err();
            assert!(
                matches!(err.kind, ErrorKind::Truncated { .. }),
                "{text}: {err}"
            );
        }
        assert!(matches!(
            Dataset::load("{\"lat\": 43.x}").unwrap_err().kind,
            ErrorKind::Syntax { .. }
        ));
        // The bundled file cut at 250 places spread over it (on a character boundary, the step
        // odd so cuts fall in every kind of token) is either truncated, or (cut right after a
        // complete value inside the top object) still truncated: a prefix of an object never
        // parses.
        let full = include_str!("../../../public/data/centers.json");
        for cut in (1..full.len()).step_by((full.len() / 250) | 1) {
            let mut end = cut;
            while !full.is_char_boundary(end) {
                end -= 1;
            }
            let err = Dataset::load(&full[..end]).unwrap_err();
            assert!(
                matches!(err.kind, ErrorKind::Truncated { .. }),
                "cut at {end}: {err}"
            );
        }
    }

    #[test]
    fn unsupported_schema_version_is_reported() {
        let text = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": 3");
        let err = Dataset::from_json(&text).unwrap_err();
        // MINIMAL's line 2 is `  "schema_version": 3,`: the value is at column 21.
        assert_eq!(
            err.kind,
            ErrorKind::SchemaVersion {
                found: 3,
                line: 2,
                column: 21
            }
        );
        // A newer file with fields this version does not know is still "newer version".
        let text = text.replace("\"version\": \"t\"", "\"version\": \"t\", \"regions\": []");
        let err = Dataset::from_json(&text).unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::SchemaVersion { found: 3, .. }
        ));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // `"version": "Ташкент" x`: the stray x is character 22 of the line (counted by hand),
        // byte 29.
        let text = "{\"schema_version\": 1,\n\"version\": \"Ташкент\" x}";
        let err = Dataset::from_json(text).unwrap_err();
        assert_eq!(err.location(), Some((2, 22)), "{err}");
    }
}
