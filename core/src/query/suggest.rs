//! Suggestions while typing: the conditions, cities and centers that what has been typed so far
//! begins, each with how many centers choosing it gives under the other filters.
//!
//! A family types "пересад" and is offered "пересадка костного мозга" (12 centers); "лейкоз
//! Таш" offers "лейкоз Ташкент"; "Респ" offers the centers whose name begins so. The words
//! are read as the search reads them (any script, the typos it allows), the last word also
//! begun. What the search would not find is never offered: a suggestion giving no center is
//! left out, and a last word typed in capitals only begins an abbreviation ("CAR" offers
//! CAR-T, never cardiology).
//!
//! ```
//! use shifo_core::query::suggest::Suggestion;
//! use shifo_core::{Dataset, Filter, Lang};
//! let json = r#"{"schema_version": 1, "version": "1", "updated": "2026-01-01",
//!   "specialties": [{"code": "oncology", "label": "Oncology"}],
//!   "centers": [{"id": "a", "name": "Republican Oncology Center", "country": "UZ",
//!     "city": "Tashkent", "lat": 41.3, "lon": 69.2, "precision": "city",
//!     "specialties": ["oncology"], "sources": [{"title": "Ministry of Health", "url": "https://example.org/a"}]}]}"#;
//! let loaded = Dataset::load(json).unwrap();
//! let typed = Filter { text: "Таш".into(), ..Filter::default() };
//! let offered = loaded.suggest(&typed, Lang::Ru);
//! assert_eq!(offered[0], Suggestion::City {
//!     name: "Ташкент".into(),
//!     search: "Ташкент".into(),
//!     center: 0,
//!     count: 1,
//! });
//! ```

use super::search::{keys, query_words, tokens, TextQuery};
use crate::{Filter, Lang, Loaded};

/// Most conditions offered at once.
pub const CONDITIONS_OFFERED: usize = 4;
/// Most cities offered at once.
pub const CITIES_OFFERED: usize = 3;
/// Most centers offered at once.
pub const CENTERS_OFFERED: usize = 4;

/// Fewest letters (of the search key) typed before anything is offered: one letter begins
/// too many words to be of use.
pub const LETTERS_BEFORE_OFFERING: usize = 2;

/// One thing offered while typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    /// A condition or treatment of the vocabulary.
    Condition {
        /// The vocabulary's term that what was typed begins, as the file writes it.
        term: String,
        /// The condition's name in the reader's language, when it is other words than `term`.
        meaning: Option<String>,
        /// The search text choosing it gives.
        search: String,
        /// How many centers that search gives under the other filters.
        count: usize,
    },
    /// A city where some center stands.
    City {
        /// Its name in the reader's language.
        name: String,
        /// The search text choosing it gives.
        search: String,
        /// One of its centers (for its country).
        center: usize,
        /// How many centers that search gives under the other filters.
        count: usize,
    },
    /// A center, by its name.
    Center {
        /// The center's index in the dataset.
        center: usize,
    },
}

impl Suggestion {
    /// The search text choosing it gives; `None` for a center, which is opened instead.
    pub fn search(&self) -> Option<&str> {
        match self {
            Suggestion::Condition { search, .. } | Suggestion::City { search, .. } => Some(search),
            Suggestion::Center { .. } => None,
        }
    }
}

/// What was typed, as words: each word's key with whether it must match exactly, and where in
/// the text it begins.
struct Typed<'a> {
    text: &'a str,
    words: Vec<(String, bool)>,
    starts: Vec<usize>,
}

impl<'a> Typed<'a> {
    fn new(text: &'a str) -> Typed<'a> {
        let words = query_words(text);
        let starts = tokens(text)
            .into_iter()
            .take(words.len())
            .map(|(range, _)| range.start)
            .collect();
        Typed {
            text,
            words,
            starts,
        }
    }

    /// Whether enough is typed to offer anything.
    fn enough(&self) -> bool {
        self.words.iter().map(|(k, _)| k.len()).sum::<usize>() >= LETTERS_BEFORE_OFFERING
    }

    /// Each way of reading the text as words kept as typed and then the words to complete,
    /// the longest tail first: ("", all words), ("лейкоз", ["tash"]), ...
    fn splits(&self) -> impl Iterator<Item = (&'a str, &[(String, bool)])> + '_ {
        (0..self.words.len())
            .map(|s| (self.text[..self.starts[s]].trim_end(), &self.words[s..]))
            .filter(|(_, tail)| tail[0].0.len() >= LETTERS_BEFORE_OFFERING || tail.len() > 1)
    }
}

/// The first `limit` offers `offer` makes for the longest tail of `typed` it makes any for
/// (given the words kept before the tail, and the tail).
fn from_longest_tail<'t, I: Iterator<Item = Suggestion>>(
    typed: &'t Typed,
    limit: usize,
    mut offer: impl FnMut(&'t str, &'t [(String, bool)]) -> I,
) -> Vec<Suggestion> {
    typed
        .splits()
        .map(|(head, tail)| offer(head, tail).take(limit).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// `head` and then `completion`, as a search text.
fn joined(head: &str, completion: &str) -> String {
    if head.is_empty() {
        completion.to_string()
    } else {
        format!("{head} {completion}")
    }
}

impl Loaded {
    /// What to offer for what `filter.text` holds, read in the reader's language `lang`:
    /// conditions, then cities, then centers (see the module documentation).
    pub fn suggest(&self, filter: &Filter, lang: Lang) -> Vec<Suggestion> {
        let typed = Typed::new(&filter.text);
        if !typed.enough() {
            return Vec::new();
        }
        self.prepare_text();
        let mut out = self.suggest_conditions(filter, &typed, lang);
        out.extend(self.suggest_cities(filter, &typed, lang));
        out.extend(self.suggest_centers(filter, &typed));
        out
    }

    /// How many centers `filter` gives with `search` for its text.
    fn count_with(&self, filter: &Filter, search: &str) -> usize {
        let f = Filter {
            text: search.to_string(),
            ..filter.clone()
        };
        self.index.filtered_by(&f, &self.conditions).len()
    }

    /// The conditions the typed words begin, from the longest tail that begins any.
    fn suggest_conditions(&self, filter: &Filter, typed: &Typed, lang: Lang) -> Vec<Suggestion> {
        let vocabulary = &self.conditions;
        from_longest_tail(typed, CONDITIONS_OFFERED, |head, tail| {
            vocabulary
                .completing(tail, lang)
                .into_iter()
                .filter_map(move |(k, term)| {
                    let search = joined(head, term);
                    // The search must read the condition back (a specialty's label or a longer
                    // term of another condition could take the words).
                    if !vocabulary.interpret(&search).conditions.contains(&k) {
                        return None;
                    }
                    let count = self.count_with(filter, &search);
                    let label = vocabulary.label(k, lang);
                    let meaning = (keys(label) != keys(term)).then(|| label.to_string());
                    let term = term.to_string();
                    (count > 0).then_some(Suggestion::Condition {
                        term,
                        meaning,
                        search,
                        count,
                    })
                })
        })
    }

    /// The cities the typed words begin, from the longest tail that begins any.
    fn suggest_cities(&self, filter: &Filter, typed: &Typed, lang: Lang) -> Vec<Suggestion> {
        from_longest_tail(typed, CITIES_OFFERED, |head, tail| {
            let query = TextQuery::from_words(tail.to_vec());
            self.index
                .cities_matching(&query)
                .into_iter()
                .filter_map(move |center| {
                    let name = self.dataset.centers[center].city_in(lang).to_string();
                    let search = joined(head, &name);
                    let count = self.count_with(filter, &search);
                    (count > 0).then_some(Suggestion::City {
                        name,
                        search,
                        center,
                        count,
                    })
                })
        })
    }

    /// The centers, under the other filters, whose names match every typed word, best first;
    /// or, for one word typed in capitals, whose abbreviation it begins ("НЦОМ": НЦОМиД).
    fn suggest_centers(&self, filter: &Filter, typed: &Typed) -> Vec<Suggestion> {
        let query = TextQuery::from_words(typed.words.clone());
        let scores = self.index.name_scores(&query);
        let abbreviation = match typed.words.as_slice() {
            [(key, true)] => Some(key.as_str()),
            _ => None,
        };
        let others = Filter {
            text: String::new(),
            ..filter.clone()
        };
        let mut found: Vec<(f32, usize)> = self
            .index
            .filtered_by(&others, &self.conditions)
            .into_iter()
            .map(|i| {
                let begun = abbreviation.is_some_and(|a| self.begins_abbreviation(i, a));
                (if begun { scores[i].max(0.5) } else { scores[i] }, i)
            })
            .filter(|(score, _)| *score > 0.0)
            .collect();
        crate::sort::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0));
        found
            .into_iter()
            .take(CENTERS_OFFERED)
            .map(|(_, center)| Suggestion::Center { center })
            .collect()
    }
}

impl Loaded {
    /// Whether key `typed` begins an abbreviation of center `i`: an alias word written in
    /// capitals.
    fn begins_abbreviation(&self, i: usize, typed: &str) -> bool {
        self.dataset.centers[i].aliases.iter().any(|alias| {
            tokens(&alias.text).into_iter().any(|(range, key)| {
                let written = &alias.text[range];
                let capitals = written.chars().filter(|c| c.is_uppercase()).count();
                capitals >= 2 && key.starts_with(typed)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::conditions::Conditions;
    use crate::{Country, Dataset};
    use std::sync::Arc;

    /// Three centers: a children's transplant center and a cardiology center in Tashkent, an
    /// oncology center in Osh.
    const DATA: &str = r#"{"schema_version": 1, "version": "1", "updated": "2026-01-01",
      "specialties": [{"code": "bmt-allogeneic", "label": "Allogeneic transplant"},
                      {"code": "hematology", "label": "Hematology"},
                      {"code": "cardiology", "label": "Cardiology"},
                      {"code": "oncology", "label": "Oncology"}],
      "centers": [
        {"id": "tkm", "name": "Republican Center of Hematology", "names": {"ru": "Республиканский центр гематологии"},
         "country": "UZ", "city": "Tashkent", "lat": 41.3, "lon": 69.2, "precision": "city",
         "specialties": ["bmt-allogeneic", "hematology"], "pediatric": {"treats_children": true},
         "sources": [{"title": "Ministry of Health", "url": "https://example.org/a"}]},
        {"id": "heart", "name": "Cardiology Institute", "country": "UZ", "city": "Tashkent",
         "lat": 41.31, "lon": 69.21, "precision": "city", "specialties": ["cardiology"],
         "sources": [{"title": "Ministry of Health", "url": "https://example.org/a"}]},
        {"id": "osh", "name": "Osh Oncology Center", "country": "KG", "city": "Osh",
         "lat": 40.5, "lon": 72.8, "precision": "city", "specialties": ["oncology"],
         "sources": [{"title": "Ministry of Health", "url": "https://example.org/a"}]}]}"#;

    /// The vocabulary of the tests: terms in two languages, an abbreviation, CAR-T.
    const VOCABULARY: &str = r#"{"version": "test", "sources": [{"id": "who", "title": "ICD-11"}],
      "conditions": [
        {"id": "bmt", "label": {"en": "bone-marrow transplant", "ru": "пересадка костного мозга"},
         "terms": {"en": ["bone marrow transplant", "BMT"], "ru": ["пересадка костного мозга", "ТКМ"]},
         "specialties": ["bmt-allogeneic"], "sources": ["who"]},
        {"id": "leukemia", "label": {"en": "leukemia", "ru": "лейкоз"},
         "terms": {"en": ["leukemia"], "ru": ["лейкоз", "лейкемия"]},
         "specialties": ["hematology"], "sources": ["who"]},
        {"id": "car-t", "label": {"en": "CAR-T"}, "terms": {"en": ["CAR-T"]},
         "specialties": ["car-t"], "sources": ["who"]},
        {"id": "heart", "label": {"en": "heart defect", "ru": "порок сердца"},
         "terms": {"en": ["heart defect"], "ru": ["порок сердца"]},
         "specialties": ["cardiology"], "sources": ["who"]}]}"#;

    fn loaded() -> Loaded {
        let vocabulary = Conditions::from_json(VOCABULARY).expect("the test vocabulary");
        Dataset::load(DATA)
            .expect("the test dataset")
            .with_conditions(Arc::new(vocabulary))
    }

    fn typed(text: &str) -> Filter {
        Filter {
            text: text.into(),
            ..Filter::default()
        }
    }

    /// What is offered, as the list would say it: "condition term (meaning): count", "city
    /// name: count", "center id".
    fn said(l: &Loaded, filter: &Filter, lang: Lang) -> Vec<String> {
        l.suggest(filter, lang)
            .into_iter()
            .map(|s| match s {
                Suggestion::Condition {
                    term,
                    meaning,
                    count,
                    ..
                } => match meaning {
                    Some(m) => format!("condition {term} ({m}): {count}"),
                    None => format!("condition {term}: {count}"),
                },
                Suggestion::City {
                    name,
                    search,
                    count,
                    ..
                } if search != name => format!("city {name}, searching {search}: {count}"),
                Suggestion::City { name, count, .. } => format!("city {name}: {count}"),
                Suggestion::Center { center } => format!("center {}", l.dataset.centers[center].id),
            })
            .collect()
    }

    #[test]
    fn what_is_offered_for_what_is_typed() {
        let l = loaded();
        // Expected values follow from DATA and VOCABULARY above.
        let cases: &[(&str, Lang, &[&str])] = &[
            ("", Lang::Ru, &[]),
            ("п", Lang::Ru, &[]),
            // A Russian term begun: the condition, its centers counted.
            (
                "пересад",
                Lang::Ru,
                &["condition пересадка костного мозга: 1"],
            ),
            // Begun in Latin in the Russian interface: the English term, its Russian meaning.
            (
                "bone mar",
                Lang::Ru,
                &["condition bone marrow transplant (пересадка костного мозга): 1"],
            ),
            // An abbreviation begun in small letters, and in capitals.
            (
                "тк",
                Lang::Ru,
                &["condition ТКМ (пересадка костного мозга): 1"],
            ),
            (
                "ТК",
                Lang::Ru,
                &["condition ТКМ (пересадка костного мозга): 1"],
            ),
            // "CAR" in capitals begins CAR-T only, which no center offers: nothing, and never
            // the cardiology institute.
            ("CAR", Lang::En, &[]),
            // In small letters it begins a name as the search reads it.
            ("card", Lang::En, &["center heart"]),
            // A city, and a city begun after a condition (kept as typed).
            ("Таш", Lang::Ru, &["city Ташкент: 2"]),
            (
                "лейкоз Таш",
                Lang::Ru,
                &["city Ташкент, searching лейкоз Ташкент: 1"],
            ),
            // A center by the start of a word of its name, in another script.
            ("Республ", Lang::En, &["center tkm"]),
            ("Osh", Lang::En, &["city Osh: 1", "center osh"]),
        ];
        for (text, lang, want) in cases {
            assert_eq!(said(&l, &typed(text), *lang), *want, "{text:?}");
        }
    }

    #[test]
    fn what_the_other_filters_exclude_is_not_offered() {
        let l = loaded();
        let in_kyrgyzstan = Filter {
            countries: [Country::KG].into(),
            ..typed("Таш")
        };
        assert!(said(&l, &in_kyrgyzstan, Lang::Ru).is_empty());
        let for_children = Filter {
            pediatric: true,
            ..typed("порок")
        };
        assert!(said(&l, &for_children, Lang::Ru).is_empty());
        assert_eq!(
            said(&l, &typed("порок"), Lang::Ru),
            ["condition порок сердца: 1"]
        );
    }

    #[test]
    fn every_count_is_what_the_search_then_gives() {
        // Checked against the plain definition of the filter (`Dataset::filtered_by`), for
        // every prefix of a few phrases.
        let l = loaded();
        for phrase in [
            "пересадка костного мозга",
            "лейкоз Ташкент",
            "Osh oncology",
            "bmt",
        ] {
            for end in phrase.char_indices().map(|(i, _)| i).skip(1) {
                let filter = typed(&phrase[..end]);
                for s in l.suggest(&filter, Lang::Ru) {
                    let Some(search) = s.search() else { continue };
                    let plain = l.dataset.filtered_by(&typed(search), &l.conditions).len();
                    match s {
                        Suggestion::Condition { count, .. } | Suggestion::City { count, .. } => {
                            assert_eq!(count, plain, "{search:?} from {:?}", filter.text)
                        }
                        Suggestion::Center { .. } => unreachable!(),
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// Whatever is typed (any script, marks, controls, half-words), suggesting never panics,
        /// offers at most what the limits allow, and every count is what the search then gives
        /// by the plain definition of the filter.
        #[test]
        fn any_text_gets_sound_offers(text in "[\\PC\\s\\u{0}-\\u{1f}]{0,40}", lang in 0usize..7) {
            let l = loaded();
            let lang = Lang::ALL[lang];
            let offered = l.suggest(&typed(&text), lang);
            proptest::prop_assert!(offered.len() <= CONDITIONS_OFFERED + CITIES_OFFERED + CENTERS_OFFERED);
            for s in offered {
                if let Suggestion::Condition { count, ref search, .. } | Suggestion::City { count, ref search, .. } = s {
                    let plain = l.dataset.filtered_by(&typed(search), &l.conditions).len();
                    proptest::prop_assert_eq!(count, plain, "{:?} from {:?}", search, text);
                }
            }
        }
    }
}
