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

use serde::Deserialize;

use super::search::{distance, keys, tokens, typos_allowed, TextQuery, MAX_QUERY_WORDS};

/// Most letters a case ending adds to a term's word ("лейкоз" → "лейкозами").
const MAX_ENDING: usize = 3;

/// Where a mapping comes from: a link a doctor can open, or a title, publisher and date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionSource {
    /// The id conditions cite it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Where to read it.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was published or last revised.
    #[serde(default)]
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
}

/// The vocabulary file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: String,
    #[serde(default)]
    about: Option<String>,
    sources: Vec<ConditionSource>,
    #[serde(default)]
    stopwords: BTreeMap<String, Vec<String>>,
    conditions: Vec<Entry>,
}

/// One condition as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    label: BTreeMap<String, String>,
    terms: BTreeMap<String, Vec<String>>,
    specialties: Vec<String>,
    #[serde(default)]
    children: bool,
    sources: Vec<String>,
}

/// Why a vocabulary file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionsError {
    /// Not JSON of the expected shape; the message says where.
    Json(String),
    /// A condition cites a source id the file does not list.
    UnknownSource {
        /// The condition.
        condition: String,
        /// The id it cites.
        source: String,
    },
    /// A condition has a term with no word in it.
    EmptyTerm {
        /// The condition.
        condition: String,
    },
}

impl std::fmt::Display for ConditionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConditionsError::Json(m) => write!(f, "condition vocabulary: {m}"),
            ConditionsError::UnknownSource { condition, source } => write!(
                f,
                "condition vocabulary: condition {condition:?} cites source {source:?}, which is not listed"
            ),
            ConditionsError::EmptyTerm { condition } => {
                write!(f, "condition vocabulary: condition {condition:?} has an empty term")
            }
        }
    }
}

impl std::error::Error for ConditionsError {}

/// What a query says: the conditions found in it, whether it asks for a child, and the words
/// left for the ordinary search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interpretation {
    /// Indices of the conditions with specialties found, in query order, each once.
    pub conditions: Vec<usize>,
    /// Whether some word means a child patient.
    pub children: bool,
    /// The words no condition took, small words dropped.
    pub rest: TextQuery,
}

impl Interpretation {
    /// Whether the query asks nothing (every center matches).
    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty() && !self.children && self.rest.is_empty()
    }
}

impl Term {
    /// The term's words as keys; a word written in capitals ("ТКМ", "CAR-T") or of at most
    /// four letters matches exactly.
    fn new(text: &str) -> Term {
        let words = tokens(text)
            .into_iter()
            .map(|(range, key)| {
                let written = &text[range];
                let capitals = written.chars().any(char::is_uppercase)
                    && !written.chars().any(char::is_lowercase);
                let exact = capitals || typos_allowed(key.len()) == 0;
                (key, exact)
            })
            .collect();
        Term { words }
    }

    /// Whether the term's words are the query's words from the first on.
    fn matches(&self, query: &[String]) -> bool {
        self.words.len() <= query.len()
            && self
                .words
                .iter()
                .zip(query)
                .all(|((key, exact), q)| word_matches(q, key, *exact))
    }
}

/// Whether query key `q` says term key `t`: the same; else, unless exact, `t` typed in part
/// (from five letters), `t` with a case ending, or `t` with the typos its length allows.
fn word_matches(q: &str, t: &str, exact: bool) -> bool {
    if q == t {
        return true;
    }
    if exact || typos_allowed(q.len()) == 0 {
        return false;
    }
    (t.starts_with(q) && q.len() >= 5)
        || (q.starts_with(t) && q.len() - t.len() <= MAX_ENDING)
        || distance(q.as_bytes(), t.as_bytes(), typos_allowed(q.len())).is_some()
}

impl Conditions {
    /// An empty vocabulary: queries are searched as words only.
    pub fn none() -> Conditions {
        Conditions::default()
    }

    /// Reads a vocabulary file, checking that every cited source is listed.
    pub fn from_json(text: &str) -> Result<Conditions, ConditionsError> {
        let file: File = serde_json::from_str(text).map_err(|e| {
            ConditionsError::Json(format!("{e} (line {}, column {})", e.line(), e.column()))
        })?;
        let _ = file.about;
        let known: Vec<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
        let mut conditions = Vec::with_capacity(file.conditions.len());
        for e in file.conditions {
            if let Some(source) = e.sources.iter().find(|s| !known.contains(&s.as_str())) {
                return Err(ConditionsError::UnknownSource {
                    condition: e.id,
                    source: source.clone(),
                });
            }
            let mut terms: Vec<Term> = e.terms.values().flatten().map(|t| Term::new(t)).collect();
            if terms.iter().any(|t| t.words.is_empty()) {
                return Err(ConditionsError::EmptyTerm { condition: e.id });
            }
            // Longest first: "bone marrow transplant" before "bone marrow".
            crate::sort::sort_by_key(&mut terms, |t| std::cmp::Reverse(t.words.len()));
            conditions.push(Condition {
                id: e.id,
                label: e.label,
                specialties: e.specialties,
                children: e.children,
                sources: e.sources,
                terms,
            });
        }
        let mut stopwords: Vec<String> = file
            .stopwords
            .values()
            .flatten()
            .flat_map(|w| keys(w))
            .collect();
        crate::sort::sort_dedup(&mut stopwords);
        static READ: AtomicU64 = AtomicU64::new(1);
        Ok(Conditions {
            serial: READ.fetch_add(1, Ordering::Relaxed),
            version: file.version,
            sources: file.sources,
            conditions,
            stopwords,
        })
    }

    /// Reads what `text` asks: see the module documentation.
    pub fn interpret(&self, text: &str) -> Interpretation {
        let mut words = keys(text);
        words.truncate(MAX_QUERY_WORDS);
        let mut out = Interpretation::default();
        let mut rest: Vec<String> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            match self.longest_at(&words[at..]) {
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
        let small = |w: &String| self.stopwords.binary_search(w).is_ok();
        let meaningful = rest.iter().any(|w| !small(w));
        if meaningful || !out.conditions.is_empty() || out.children {
            rest.retain(|w| !small(w));
        }
        out.rest = TextQuery::from_keys(rest);
        out
    }

    /// The condition whose term takes the most of `words` from the first, and how many it
    /// takes; on a tie, the earlier condition.
    fn longest_at(&self, words: &[String]) -> Option<(usize, usize)> {
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

    /// The label of condition `k` in `lang`, else in English, else its id.
    pub fn label(&self, k: usize, lang: crate::Lang) -> &str {
        let c = &self.conditions[k];
        lang.fallbacks()
            .find_map(|l| c.label.get(l.code()))
            .or_else(|| c.label.get("en"))
            .unwrap_or(&c.id)
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
    /// The same load with search reading conditions through `conditions` (the index is
    /// shared: the data has not changed).
    pub fn with_conditions(&self, conditions: Arc<Conditions>) -> crate::Loaded {
        let mut read = self.clone();
        read.conditions = conditions;
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
