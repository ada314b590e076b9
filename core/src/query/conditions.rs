//! Search by condition: the words families and doctors type ("пересадка костного мозга",
//! "лейкоз", "ТКМ", "childhood cancer", "qon saratoni") mapped to the specialties that treat
//! them, in the seven languages of the app.
//!
//! The vocabulary is a file beside the dataset (`public/data/conditions.json`, fetched after
//! the first view like the translations), so the first download does not carry it; its
//! `sources` cite where each mapping comes from. A query is read left to right: the longest
//! term of some condition that matches the words at a position takes them; the words no
//! condition takes are searched as before (names, cities, specialty labels). A center then
//! matches when it offers one of the specialties of every condition found.
//!
//! Abbreviations of kinds of institutions ("РСНПМЦ", "НИИ") are read too, from the file's
//! `institutions` section: see [`super::institutions`].
//!
//! Short words and abbreviations must match exactly ("CAR-T" must not find "cardiology", nor
//! "ТКМ" anything but ТКМ); longer words may carry the typos [`super::search`] allows, be typed
//! in part, or carry up to three more letters (the case endings of Russian, Kazakh, Kyrgyz,
//! Uzbek and Turkmen: "лейкоза", "saratoni").
//!
//! ```
//! use shifo_core::query::conditions::Conditions;
//! let json = r#"{"version": "1", "sources": [{"id": "who", "title": "ICD-11"}],
//!   "conditions": [{"id": "leukemia", "label": {"en": "leukemia"},
//!     "terms": {"en": ["leukemia"], "ru": ["лейкоз"]},
//!     "specialties": ["hematology"], "sources": ["who"]}]}"#;
//! let vocabulary = Conditions::from_json(json).unwrap();
//! let read = vocabulary.interpret("лейкоза Ташкент");
//! assert_eq!(read.conditions, [0]);
//! assert_eq!(read.rest.words(), ["tashkent"]);
//! ```

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::institutions::{Institution, Named};
use super::search::{
    distance, in_capitals, keys, latin_words, query_words, same_first_letter, tokens, TextQuery,
};
use crate::dataset::json::{self, Node, Pos, Value};

/// Most letters a case ending adds to a term's word ("лейкоз" → "лейкозами").
const MAX_ENDING: usize = 3;

/// Where a mapping comes from: a link a doctor can open, or a title, publisher and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionSource {
    /// The id conditions cite it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
    /// When it was published or last revised.
    pub date: Option<String>,
}

/// One condition, procedure or everyday phrase, and the specialties that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// A stable id (`bone-marrow-transplant`).
    pub id: String,
    /// Its short name per language code, said when a center matched through it.
    pub label: BTreeMap<String, String>,
    /// A center matches when it offers any of these specialty codes.
    pub specialties: Vec<String>,
    /// Whether the words mean a child patient ("childhood cancer", "дети"): the specialty must
    /// then be given to children there.
    pub children: bool,
    /// The ids of the sources behind the mapping.
    pub sources: Vec<String>,
    terms: Vec<Term>,
}

/// One way of saying a condition, as search keys.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    /// Per word: its key, and whether it must match exactly (an abbreviation or a short word).
    words: Vec<(String, bool)>,
    /// The term as the file writes it, which a suggestion puts in the search box.
    text: String,
    /// The code of the language the file lists it under (empty for a literal).
    lang: String,
}

/// The condition vocabulary.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Conditions {
    /// The vocabulary's version (a date).
    pub version: String,
    /// The sources its mappings cite.
    pub sources: Vec<ConditionSource>,
    /// The conditions, in file order.
    pub conditions: Vec<Condition>,
    /// Keys of the small words that carry no meaning in a query ("для", "for"), sorted.
    stopwords: Vec<String>,
    /// Tells vocabularies apart in caches of query results: unique per file read, 0 for none.
    serial: u64,
    /// Phrases searched as words even where a condition's term would take them: the dataset's
    /// specialty labels ("Pediatric oncology" is that specialty, not "a child" and "oncology").
    literals: Vec<Term>,
    /// The kinds of institutions whose abbreviations are read, in file order.
    pub institutions: Vec<Institution>,
    /// The centers each kind names in the dataset this copy reads for (see
    /// [`Conditions::prepare_institutions`]).
    pub(crate) named: Named,
}

/// Why a vocabulary file was refused, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionsError {
    /// Not JSON.
    Syntax {
        /// Where the parser stopped.
        at: Pos,
        /// What it found there.
        message: &'static str,
    },
    /// A value is missing or of the wrong kind.
    Shape {
        /// Where the value (or the object lacking it) is.
        at: Pos,
        /// Which value, and what it must be.
        expected: String,
    },
    /// A condition cites a source id the file does not list.
    UnknownSource {
        /// Where the id is.
        at: Pos,
        /// The id it cites.
        source: String,
    },
    /// A term has no word in it.
    EmptyTerm {
        /// Where the term is.
        at: Pos,
    },
}

impl std::fmt::Display for ConditionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (at, what) = match self {
            ConditionsError::Syntax { at, message } => (at, (*message).to_string()),
            ConditionsError::Shape { at, expected } => (at, expected.clone()),
            ConditionsError::UnknownSource { at, source } => {
                (at, format!("source {source:?} is not in \"sources\""))
            }
            ConditionsError::EmptyTerm { at } => (at, "a term has no word".to_string()),
        };
        write!(
            f,
            "condition vocabulary, line {}, column {}: {what}",
            at.line, at.column
        )
    }
}

impl std::error::Error for ConditionsError {}

/// What a query says: the conditions found in it, whether it asks for a child, and the words
/// left for the ordinary search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interpretation {
    /// Indices of the conditions with specialties found, in query order, each once.
    pub conditions: Vec<usize>,
    /// Indices of the kinds of institutions whose abbreviations were typed, in query order,
    /// each once.
    pub institutions: Vec<usize>,
    /// Whether some word means a child patient.
    pub children: bool,
    /// The words no condition took, small words dropped.
    pub rest: TextQuery,
}

impl Interpretation {
    /// Whether the query asks nothing (every center matches).
    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
            && self.institutions.is_empty()
            && !self.children
            && self.rest.is_empty()
    }
}

impl Term {
    /// The term's words as keys; a word written in capitals ("ТКМ", "CAR-T") or of under four
    /// letters matches exactly.
    fn new(text: &str) -> Term {
        let words = tokens(text)
            .into_iter()
            .map(|(range, key)| {
                let written = &text[range];
                let capitals = written.chars().any(char::is_uppercase)
                    && !written.chars().any(char::is_lowercase);
                let exact = capitals || key.len() < 4;
                (key, exact)
            })
            .collect();
        Term {
            words,
            text: text.to_string(),
            lang: String::new(),
        }
    }

    /// Whether the term's words are the query's words from the first on.
    fn matches(&self, query: &[(String, bool)]) -> bool {
        self.words.len() <= query.len()
            && self
                .words
                .iter()
                .zip(query)
                .all(|((t, t_exact), (q, q_exact))| word_matches(q, t, *t_exact || *q_exact))
    }
}

impl Term {
    /// Whether `typed` (the words typed so far, the last perhaps in part) is how this term
    /// begins: each word whole as [`Term::matches`] reads it, the last also begun from two
    /// letters. A last word typed in capitals begins only a word the term writes in capitals,
    /// so "CAR" suggests CAR-T and never "cardiology". `Some(true)` when the typed words are
    /// the whole term.
    fn completes(&self, typed: &[(String, bool)]) -> Option<bool> {
        let ((q, q_exact), before) = typed.split_last()?;
        let (t, t_exact) = self.words.get(before.len())?;
        let whole_before = before
            .iter()
            .zip(&self.words)
            .all(|((q, qe), (t, te))| word_matches(q, t, *qe || *te));
        if !whole_before {
            return None;
        }
        if word_matches(q, t, *q_exact || *t_exact) {
            return Some(before.len() + 1 == self.words.len());
        }
        let begun = q.len() >= 2 && t.starts_with(q.as_str()) && (!q_exact || *t_exact);
        begun.then_some(false)
    }
}

/// Whether query key `q` says term key `t`: the same; else, unless either must match exactly,
/// `t` with a case ending ("дети" → "детям", from four letters), `t` typed in part (from five
/// letters), or `t` with the typos [`condition_typos`] allows.
fn word_matches(q: &str, t: &str, exact: bool) -> bool {
    if q == t {
        return true;
    }
    if exact {
        return false;
    }
    if t.len() >= 4 && q.starts_with(t) && q.len() - t.len() <= MAX_ENDING {
        return true;
    }
    (t.starts_with(q) && q.len() >= 5)
        || (condition_typos(q.len()) > 0
            && same_first_letter(q, t)
            && distance(q.as_bytes(), t.as_bytes(), condition_typos(q.len())).is_some())
}

/// How many typos a word of `len` letters may carry to say a condition's word: one from seven
/// letters, two from ten. Stricter than for names: the vocabulary holds seven languages'
/// words, and one letter apart many of them are another language's ("sultan" of Nur-Sultan
/// and the Tajik "сӯхтан", a burn).
fn condition_typos(len: usize) -> usize {
    match len {
        0..=6 => 0,
        7..=9 => 1,
        _ => 2,
    }
}

impl Conditions {
    /// An empty vocabulary: queries are searched as words only.
    pub fn none() -> Conditions {
        Conditions::default()
    }

    /// Reads a vocabulary file, checking that every cited source is listed; a problem is
    /// reported at its line and column. (Read through the dataset's positioned JSON tree, which
    /// the app has anyway: serde's derived readers for these few records added 8 KB gzip to the
    /// app, measured 2026-12-07.)
    pub fn from_json(text: &str) -> Result<Conditions, ConditionsError> {
        let root = json::parse(text).map_err(|e| ConditionsError::Syntax {
            at: e.at,
            message: e.message,
        })?;
        let sources = list(required(&root, "sources")?, |n| {
            Ok(ConditionSource {
                id: string(required(n, "id")?)?,
                title: string(required(n, "title")?)?,
                publisher: optional(n, "publisher", string)?,
                url: optional(n, "url", string)?,
                date: optional(n, "date", string)?,
            })
        })?;
        let mut conditions = Vec::new();
        for n in items(required(&root, "conditions")?)? {
            conditions.push(condition(n, &sources)?);
        }
        let mut stopwords = Vec::new();
        if let Some(by_lang) = root.get("stopwords") {
            for (_, words) in members(&by_lang.value)? {
                for w in list(words, string)? {
                    stopwords.extend(keys(&w));
                }
            }
        }
        crate::sort::sort_dedup(&mut stopwords);
        let mut institutions = Vec::new();
        if let Some(m) = root.get("institutions") {
            for n in items(&m.value)? {
                institutions.push(super::institutions::read(n, &sources)?);
            }
        }
        static READ: AtomicU64 = AtomicU64::new(1);
        Ok(Conditions {
            serial: READ.fetch_add(1, Ordering::Relaxed),
            version: string(required(&root, "version")?)?,
            sources,
            conditions,
            stopwords,
            literals: Vec::new(),
            institutions,
            named: Named::default(),
        })
    }

    /// Reads what `text` asks: see the module documentation.
    pub fn interpret(&self, text: &str) -> Interpretation {
        let words = query_words(text);
        // Each word in Latin lowercase and whether it is in capitals, for abbreviations.
        let typed: Vec<(String, bool)> = latin_words(text)
            .into_iter()
            .take(words.len())
            .map(|(range, latin)| (latin, in_capitals(&text[range])))
            .collect();
        let mut out = Interpretation::default();
        let mut rest: Vec<(String, bool)> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let literal = self
                .literals
                .iter()
                .filter(|t| t.matches(&words[at..]))
                .map(|t| t.words.len())
                .max()
                .unwrap_or(0);
            let condition = self.longest_at(&words[at..]);
            if literal > 0 && condition.is_none_or(|(_, len)| literal >= len) {
                rest.extend_from_slice(&words[at..at + literal]);
                at += literal;
                continue;
            }
            // An abbreviation typed whole is exact; a condition's term reads it only by taking
            // more words.
            let institution = typed.get(at).and_then(|(latin, capitals)| {
                self.institutions
                    .iter()
                    .position(|k| k.abbreviated_by(latin, *capitals))
            });
            if let Some(k) = institution.filter(|_| condition.is_none_or(|(_, len)| len == 1)) {
                if !out.institutions.contains(&k) {
                    out.institutions.push(k);
                }
                at += 1;
                continue;
            }
            match condition {
                Some((k, len)) => {
                    let c = &self.conditions[k];
                    out.children |= c.children;
                    if !c.specialties.is_empty() && !out.conditions.contains(&k) {
                        out.conditions.push(k);
                    }
                    at += len;
                }
                None => {
                    rest.push(words[at].clone());
                    at += 1;
                }
            }
        }
        let small = |(w, _): &(String, bool)| self.stopwords.binary_search(w).is_ok();
        let meaningful = rest.iter().any(|w| !small(w));
        if meaningful || !out.conditions.is_empty() || !out.institutions.is_empty() || out.children
        {
            rest.retain(|w| !small(w));
        }
        out.rest = TextQuery::from_words(rest);
        out
    }

    /// The condition whose term takes the most of `words` from the first, and how many it
    /// takes; on a tie, the earlier condition.
    fn longest_at(&self, words: &[(String, bool)]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (k, c) in self.conditions.iter().enumerate() {
            if let Some(t) = c.terms.iter().find(|t| t.matches(words)) {
                if best.is_none_or(|(_, len)| t.words.len() > len) {
                    best = Some((k, t.words.len()));
                }
            }
        }
        best
    }

    /// The conditions with specialties that `typed` begins a term of (see the suggestions in
    /// [`super::suggest`]), best first, each once with the term it begins: whole terms before
    /// begun ones, then terms of `lang`, then the condition's name in `lang`, then file order.
    pub fn completing(&self, typed: &[(String, bool)], lang: crate::Lang) -> Vec<(usize, &str)> {
        let mut found = Vec::new();
        for (k, c) in self.conditions.iter().enumerate() {
            if c.specialties.is_empty() {
                continue;
            }
            let label = keys(self.label(k, lang));
            let best = c
                .terms
                .iter()
                .enumerate()
                .filter_map(|(n, t)| {
                    let whole = t.completes(typed)?;
                    let named = t.words.iter().map(|(w, _)| w).eq(label.iter());
                    Some(((!whole, t.lang != lang.code(), !named, n), t))
                })
                .min_by_key(|(rank, _)| *rank);
            if let Some((rank, t)) = best {
                found.push((rank, k, t.text.as_str()));
            }
        }
        crate::sort::sort_by_key(&mut found, |&(rank, k, _)| (rank, k));
        found.into_iter().map(|(_, k, text)| (k, text)).collect()
    }

    /// The label of condition `k` in `lang`, else in English, else its id.
    pub fn label(&self, k: usize, lang: crate::Lang) -> &str {
        let c = &self.conditions[k];
        lang.fallbacks()
            .find_map(|l| c.label.get(l.code()))
            .or_else(|| c.label.get("en"))
            .unwrap_or(&c.id)
    }

    /// The same vocabulary with `phrases` searched as words wherever they stand (see
    /// `literals`): a dataset's specialty labels.
    pub fn with_literals<'a>(&self, phrases: impl IntoIterator<Item = &'a str>) -> Conditions {
        let literals = phrases
            .into_iter()
            .map(Term::new)
            .filter(|t| !t.words.is_empty())
            .collect();
        // A copy for one dataset: the centers each kind of institution names are found anew.
        Conditions {
            literals,
            named: Named::default(),
            ..self.clone()
        }
    }

    /// Unique per vocabulary read (0 for [`Conditions::none`]), for caches of query results.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&ConditionSource> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// One condition of the file.
fn condition(n: &Node, sources: &[ConditionSource]) -> Result<Condition, ConditionsError> {
    let mut label = BTreeMap::new();
    for (lang, text) in members(required(n, "label")?)? {
        label.insert(lang.to_string(), string(text)?);
    }
    let mut terms = Vec::new();
    for (lang, list) in members(required(n, "terms")?)? {
        for t in items(list)? {
            let term = Term {
                lang: lang.to_string(),
                ..Term::new(&string(t)?)
            };
            if term.words.is_empty() {
                return Err(ConditionsError::EmptyTerm { at: t.pos });
            }
            terms.push(term);
        }
    }
    // Longest first: "bone marrow transplant" before "bone marrow".
    crate::sort::sort_by_key(&mut terms, |t| std::cmp::Reverse(t.words.len()));
    let cited = required(n, "sources")?;
    for id in items(cited)? {
        let source = string(id)?;
        if !sources.iter().any(|s| s.id == source) {
            return Err(ConditionsError::UnknownSource { at: id.pos, source });
        }
    }
    let children = match n.get("children").map(|m| &m.value) {
        None => false,
        Some(Node {
            value: Value::Bool(b),
            ..
        }) => *b,
        Some(other) => return Err(shape(other, "true or false")),
    };
    Ok(Condition {
        id: string(required(n, "id")?)?,
        label,
        specialties: list(required(n, "specialties")?, string)?,
        children,
        sources: list(cited, string)?,
        terms,
    })
}

/// The error for `n` not being what `expected` says.
pub(super) fn shape(n: &Node, expected: &str) -> ConditionsError {
    ConditionsError::Shape {
        at: n.pos,
        expected: format!("expected {expected}, found {}", n.value.type_name()),
    }
}

/// The value of member `key` of object `n`.
pub(super) fn required<'a>(n: &'a Node, key: &str) -> Result<&'a Node, ConditionsError> {
    match &n.value {
        Value::Object(_) => n
            .get(key)
            .map(|m| &m.value)
            .ok_or_else(|| ConditionsError::Shape {
                at: n.pos,
                expected: format!("\"{key}\" is missing"),
            }),
        _ => Err(shape(n, "an object")),
    }
}

/// Member `key` of `n` read by `read`, if present.
fn optional<T>(
    n: &Node,
    key: &str,
    read: fn(&Node) -> Result<T, ConditionsError>,
) -> Result<Option<T>, ConditionsError> {
    n.get(key).map(|m| read(&m.value)).transpose()
}

/// The text of a string node.
pub(super) fn string(n: &Node) -> Result<String, ConditionsError> {
    match &n.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(shape(n, "a string")),
    }
}

/// The items of an array node.
pub(super) fn items(n: &Node) -> Result<&[Node], ConditionsError> {
    match &n.value {
        Value::Array(items) => Ok(items),
        _ => Err(shape(n, "an array")),
    }
}

/// Each item of an array node, read by `read`.
fn list<T>(
    n: &Node,
    read: impl Fn(&Node) -> Result<T, ConditionsError>,
) -> Result<Vec<T>, ConditionsError> {
    items(n)?.iter().map(read).collect()
}

/// The members of an object node.
pub(super) fn members(v: &Node) -> Result<impl Iterator<Item = (&str, &Node)>, ConditionsError> {
    match &v.value {
        Value::Object(members) => Ok(members.iter().map(|m| (m.key.as_str(), &m.value))),
        _ => Err(shape(v, "an object")),
    }
}

impl crate::Dataset {
    /// Every label of every specialty, in every language the dataset has.
    pub fn specialty_phrases(&self) -> impl Iterator<Item = &str> {
        self.specialties.iter().flat_map(|s| {
            std::iter::once(s.label.as_str()).chain(s.labels.values().map(String::as_str))
        })
    }
}

/// Why a center matched a condition of the query: the condition and the center's specialties
/// that answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Index of the condition in the vocabulary.
    pub condition: usize,
    /// Whether the query asks for a child.
    pub children: bool,
    /// The center's specialty codes that answer it, in the condition's order.
    pub codes: Vec<String>,
}

impl crate::Loaded {
    /// The same load with search reading conditions through `conditions`, the dataset's
    /// specialty labels searched as words (the dataset and index are shared, not copied: the
    /// data has not changed).
    pub fn with_conditions(&self, conditions: Arc<Conditions>) -> crate::Loaded {
        let mut read = self.clone();
        read.conditions = Arc::new(conditions.with_literals(read.dataset.specialty_phrases()));
        read
    }

    /// Why center `center` matches `text` through the conditions found in it (empty when it
    /// matches through words only, or not at all): the specialties search counted for it.
    pub fn reasons(&self, center: usize, text: &str) -> Vec<Reason> {
        let Some(c) = self.dataset.centers.get(center) else {
            return Vec::new();
        };
        let known = |code: &str| self.dataset.specialties.iter().any(|s| s.code == code);
        let query = self.conditions.interpret(text);
        query
            .conditions
            .iter()
            .map(|&k| Reason {
                condition: k,
                children: query.children,
                codes: self.conditions.conditions[k]
                    .specialties
                    .iter()
                    .filter(|code| c.offers(code) && known(code))
                    .filter(|code| !query.children || c.children_get(code) != Some(false))
                    .cloned()
                    .collect(),
            })
            .filter(|r| !r.codes.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
      "version": "test",
      "sources": [{"id": "who", "title": "ICD-11", "publisher": "WHO"}],
      "stopwords": {"en": ["for", "in"], "ru": ["для"]},
      "conditions": [
        {"id": "bmt", "label": {"en": "bone-marrow transplant", "ru": "пересадка костного мозга"},
         "terms": {"en": ["bone marrow transplant", "BMT"], "ru": ["пересадка костного мозга", "ТКМ"]},
         "specialties": ["bmt-allogeneic", "bmt-autologous"], "sources": ["who"]},
        {"id": "child", "label": {"en": "for a child"},
         "terms": {"en": ["children", "child"], "ru": ["дети", "детей"]},
         "specialties": [], "children": true, "sources": ["who"]},
        {"id": "car-t", "label": {"en": "CAR-T"}, "terms": {"en": ["CAR-T"]},
         "specialties": ["car-t"], "sources": ["who"]},
        {"id": "leukemia", "label": {"en": "leukemia"}, "terms": {"en": ["leukemia"], "ru": ["лейкоз"]},
         "specialties": ["hematology"], "sources": ["who"]}
      ]}"#;

    fn vocabulary() -> Conditions {
        Conditions::from_json(SMALL).expect("the test vocabulary")
    }

    /// The condition ids, children flag and rest words a query is read as.
    fn read(query: &str) -> (Vec<&'static str>, bool, Vec<String>) {
        let v = Box::leak(Box::new(vocabulary()));
        let i = v.interpret(query);
        let ids = i
            .conditions
            .iter()
            .map(|&k| v.conditions[k].id.as_str())
            .collect();
        (ids, i.children, i.rest.words().to_vec())
    }

    #[test]
    fn queries_are_read_as_conditions_and_words() {
        // (query, conditions, children, words left): the expected readings follow the rules in
        // the module documentation.
        let cases: &[(&str, &[&str], bool, &[&str])] = &[
            ("пересадка костного мозга", &["bmt"], false, &[]),
            ("ТКМ для детей", &["bmt"], true, &[]),
            (
                "bone marrow transplant for children Tashkent",
                &["bmt"],
                true,
                &["tashkent"],
            ),
            ("bone marrow transplnat", &["bmt"], false, &[]), // one typo
            ("bone marrow transpl", &["bmt"], false, &[]),    // typed in part
            ("лейкозом", &["leukemia"], false, &[]),          // a case ending
            ("CAR-T", &["car-t"], false, &[]),
            ("car", &[], false, &["car"]), // not CAR-T typed in part
            ("tkm", &["bmt"], false, &[]), // the same letters, in Latin
            ("tk", &[], false, &["tk"]),
            ("bmts", &[], false, &["bmc"]), // an abbreviation takes no ending ("ts" keys as "c")
            ("for", &[], false, &["for"]),  // a small word alone is still a word
            ("in Almaty", &[], false, &["almati"]),
            ("leukemia leukemia", &["leukemia"], false, &[]),
        ];
        for &(query, ids, children, rest) in cases {
            let (got_ids, got_children, got_rest) = read(query);
            assert_eq!(got_ids, ids, "{query}: conditions");
            assert_eq!(got_children, children, "{query}: children");
            assert_eq!(got_rest, rest, "{query}: words left");
        }
    }

    #[test]
    fn a_bad_file_is_refused_with_its_reason() {
        let unknown = SMALL.replace(r#""sources": ["who"]}"#, r#""sources": ["nowhere"]}"#);
        assert!(matches!(
            Conditions::from_json(&unknown),
            Err(ConditionsError::UnknownSource { .. })
        ));
        let empty = SMALL.replace(r#"["CAR-T"]"#, r#"["--"]"#);
        assert!(matches!(
            Conditions::from_json(&empty),
            Err(ConditionsError::EmptyTerm { .. })
        ));
        let broken = Conditions::from_json("{").unwrap_err();
        assert!(broken.to_string().contains("line 1"), "{broken}");
    }

    #[test]
    fn labels_fall_back_to_english() {
        let v = vocabulary();
        assert_eq!(v.label(0, crate::Lang::Ru), "пересадка костного мозга");
        assert_eq!(v.label(3, crate::Lang::Kk), "leukemia");
    }
}
