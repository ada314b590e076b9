//! Abbreviations of kinds of institutions: "РСНПМЦ" (Республиканский специализированный
//! научно-практический медицинский центр), "НИИ" (научно-исследовательский институт), "ОДКБ"
//! (областная детская клиническая больница). Typed alone or beside other words ("РСНПМЦ
//! кардиология", "НИИ Ташкент"), one finds the centers whose names contain its expansion, and
//! those with the abbreviation itself as a word of a name ("РСНПМЦ кардиологии", an alias).
//!
//! The table is the `institutions` section of the condition vocabulary
//! (`public/data/conditions.json`), which the app fetches once anyway; each kind cites where
//! its abbreviation and expansions are written, in the file's `sources`. A name is every name a
//! center is searched by: in any language, and its aliases (former names people still use).
//!
//! Matching is exact, never by typo or prefix: the abbreviation is compared whole, in Latin
//! lowercase before the spellings are made equal (keys would merge "НИИ" with the particle
//! "ни", and "ННЦ" with "НЦ"), so "КазНИИГБ" or "НИИТО" are not "НИИ"; one of fewer than three
//! letters ("НЦ") counts only typed in capitals. An expansion takes whole words in order within
//! one name, compared by their keys (any script: "nauçno" is "научно"); each case ending the
//! names use is a form of its own in the file. "…" in a form stands for up to five other words,
//! for names that put the specialty inside: "Respublika ixtisoslashtirilgan kardiologiya
//! ilmiy-amaliy tibbiyot markazi".
//!
//! ```
//! use shifo_core::query::conditions::Conditions;
//! let json = r#"{"version": "1", "sources": [{"id": "s", "title": "Научно-исследовательский институт"}],
//!   "conditions": [],
//!   "institutions": [{"id": "nii", "abbreviations": ["НИИ"],
//!     "expansions": {"ru": ["научно-исследовательский институт"]}, "sources": ["s"]}]}"#;
//! let vocabulary = Conditions::from_json(json).unwrap();
//! let read = vocabulary.interpret("НИИ Алматы");
//! assert_eq!(read.institutions, [0]);
//! assert_eq!(read.rest.words(), ["almati"]);
//! let nii = &vocabulary.institutions[0];
//! assert!(nii.names("Казахский научно-исследовательский институт глазных болезней"));
//! assert!(!nii.names("КазНИИГБ"));
//! ```

use std::ops::Range;
use std::sync::OnceLock;

use super::conditions::{items, members, required, shape, string, ConditionSource};
use super::conditions::{Conditions, ConditionsError};
use super::search::{in_capitals, keys, latin_words, tokens, TextQuery};
use crate::dataset::json::Node;
use crate::dataset::model::{Center, Dataset};
use crate::query::index::Index;

/// Most words a "…" in a form stands for.
const MAX_GAP: usize = 5;

/// Fewest letters of an abbreviation that counts whatever its case; a shorter one ("НЦ") only
/// in capitals, since two letters are too often something else.
const ANY_CASE_FROM: usize = 3;

/// What an institution abbreviation adds to a center's score: as much as a word found whole in
/// its name.
pub(crate) const INSTITUTION_TERM: f32 = 1.0;

/// One kind of institution: its abbreviations and the ways its names write it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Institution {
    /// A stable id (`rsspmc`).
    pub id: String,
    /// Its abbreviations as the file writes them.
    pub abbreviations: Vec<String>,
    /// The ids of the sources that write them out.
    pub sources: Vec<String>,
    /// Per abbreviation: its letters in Latin lowercase, and whether it counts only in capitals.
    typed: Vec<(String, bool)>,
    /// Its expansions, every language and case form.
    forms: Vec<Form>,
}

/// One written-out form: runs of words (as keys) that follow each other, with up to
/// [`MAX_GAP`] other words between two runs.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    /// The runs' words as keys, in order.
    runs: Vec<Vec<String>>,
}

impl Form {
    /// Reads a form of the file; `None` when a run has no word (a "…" at an end, or two).
    fn new(text: &str) -> Option<Form> {
        let runs: Vec<Vec<String>> = text.split('…').map(keys).collect();
        runs.iter().all(|r| !r.is_empty()).then_some(Form { runs })
    }

    /// The word indices of `words` (keys) that each occurrence of the form takes: a range per
    /// run, runs with no word between them joined.
    fn occurrences(&self, words: &[String]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for start in 0..words.len() {
            let mut taken = Vec::new();
            if self.take(words, start, 0, &mut taken) {
                for run in taken {
                    match out.last_mut() {
                        Some(last) if last.end == run.start => last.end = run.end,
                        _ => out.push(run),
                    }
                }
            }
        }
        out
    }

    /// Whether run `run` and those after it follow from word `at` (the first run exactly
    /// there, each later one after at most [`MAX_GAP`] words), pushing the words they take.
    fn take(&self, words: &[String], at: usize, run: usize, taken: &mut Vec<Range<usize>>) -> bool {
        let Some(r) = self.runs.get(run) else {
            return true;
        };
        let gap = if run == 0 { 0 } else { MAX_GAP };
        for start in at..=at + gap {
            let end = start + r.len();
            if end > words.len() {
                break;
            }
            if words[start..end] == r[..] {
                taken.push(start..end);
                if self.take(words, end, run + 1, taken) {
                    return true;
                }
                taken.pop();
            }
        }
        false
    }
}

impl Institution {
    /// Whether a word typed as `latin` (its Latin lowercase, see [`latin_words`]), in capitals
    /// or not, is one of the abbreviations.
    pub fn abbreviated_by(&self, latin: &str, capitals: bool) -> bool {
        self.typed
            .iter()
            .any(|(a, only_capitals)| a == latin && (capitals || !only_capitals))
    }

    /// The byte ranges of `text` that name this kind: each run of words of an expansion, and
    /// each word that is one of the abbreviations; sorted, none overlapping.
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        let words = tokens(text);
        let keys: Vec<String> = words.iter().map(|(_, k)| k.clone()).collect();
        let mut out: Vec<Range<usize>> = Vec::new();
        for form in &self.forms {
            for run in form.occurrences(&keys) {
                out.push(words[run.start].0.start..words[run.end - 1].0.end);
            }
        }
        for (range, latin) in latin_words(text) {
            if self.abbreviated_by(&latin, in_capitals(&text[range.clone()])) {
                out.push(range);
            }
        }
        merged(out)
    }

    /// Whether `text` names this kind (see [`Institution::spans`]).
    pub fn names(&self, text: &str) -> bool {
        !self.spans(text).is_empty()
    }

    /// Whether one of the names `c` is searched by (any language, aliases too) names this kind:
    /// the plain definition the index's prepared sets must agree with.
    pub fn names_center(&self, c: &Center) -> bool {
        crate::query::filter::center_names(c).any(|n| self.names(n))
    }

    /// The centers of `d` that [`Institution::names_center`], found among those whose names
    /// hold every key of some form or an abbreviation's key (the index's dictionary), so that
    /// only those few are read word by word. The index must be `d`'s, its text prepared.
    fn centers_in(&self, d: &Dataset, index: &Index) -> Vec<u32> {
        let mut candidates: Vec<u32> = Vec::new();
        for form in &self.forms {
            let all: Vec<&str> = form.runs.iter().flatten().map(String::as_str).collect();
            candidates.extend(index.centers_with_every_key(&all));
        }
        for a in &self.abbreviations {
            let words: Vec<String> = keys(a);
            let all: Vec<&str> = words.iter().map(String::as_str).collect();
            candidates.extend(index.centers_with_every_key(&all));
        }
        crate::sort::sort_dedup(&mut candidates);
        candidates.retain(|&i| {
            d.centers
                .get(i as usize)
                .is_some_and(|c| self.names_center(c))
        });
        candidates
    }
}

/// `spans` sorted, the overlapping ones joined.
fn merged(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    crate::sort::sort_by_key(&mut spans, |r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// One kind of the file's `institutions`, its cited sources checked.
pub(super) fn read(n: &Node, sources: &[ConditionSource]) -> Result<Institution, ConditionsError> {
    let mut abbreviations = Vec::new();
    let mut typed = Vec::new();
    for a in items(required(n, "abbreviations")?)? {
        let text = string(a)?;
        let [(_, latin)] = latin_words(&text)
            .try_into()
            .map_err(|_| ConditionsError::Shape {
                at: a.pos,
                expected: "an abbreviation is one word".to_string(),
            })?;
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        typed.push((latin, letters < ANY_CASE_FROM));
        abbreviations.push(text);
    }
    if abbreviations.is_empty() {
        return Err(shape(n, "at least one abbreviation"));
    }
    let mut forms = Vec::new();
    for (_, list) in members(required(n, "expansions")?)? {
        for f in items(list)? {
            forms.push(Form::new(&string(f)?).ok_or(ConditionsError::EmptyTerm { at: f.pos })?);
        }
    }
    if forms.is_empty() {
        return Err(shape(n, "at least one expansion"));
    }
    let mut cited = Vec::new();
    for id in items(required(n, "sources")?)? {
        let source = string(id)?;
        if !sources.iter().any(|s| s.id == source) {
            return Err(ConditionsError::UnknownSource { at: id.pos, source });
        }
        cited.push(source);
    }
    Ok(Institution {
        id: string(required(n, "id")?)?,
        abbreviations,
        sources: cited,
        typed,
        forms,
    })
}

/// Per kind of a vocabulary, the centers of one dataset that it names, found once (see
/// [`Conditions::prepare_institutions`]). Not part of what a vocabulary is: every two compare
/// equal, as the sets follow from the vocabulary and the dataset.
#[derive(Debug, Clone, Default)]
pub(crate) struct Named(OnceLock<Vec<Vec<u32>>>);

impl PartialEq for Named {
    fn eq(&self, _: &Named) -> bool {
        true
    }
}

impl Conditions {
    /// Finds, once, the centers of `d` each kind of institution names, for the index to answer
    /// abbreviations with (it holds keys, not names). Does nothing until `index` (`d`'s) has
    /// its text prepared; a vocabulary is prepared for one dataset
    /// ([`crate::Loaded::with_conditions`] gives each its own copy).
    pub fn prepare_institutions(&self, d: &Dataset, index: &Index) {
        if self.institutions.is_empty() || !index.text_ready() {
            return;
        }
        self.named.0.get_or_init(|| {
            self.institutions
                .iter()
                .map(|k| k.centers_in(d, index))
                .collect()
        });
    }

    /// Whether [`Conditions::prepare_institutions`] has found the centers.
    pub(crate) fn institutions_prepared(&self) -> bool {
        self.named.0.get().is_some()
    }

    /// The centers kind `k` names, ascending; none before [`Conditions::prepare_institutions`].
    pub(crate) fn centers_named(&self, k: usize) -> &[u32] {
        self.named
            .0
            .get()
            .and_then(|n| n.get(k))
            .map_or(&[], Vec::as_slice)
    }

    /// What to highlight in a center's names for `text` (see [`Highlighter`]).
    pub fn highlighter(&self, text: &str) -> Highlighter {
        let read = self.interpret(text);
        Highlighter {
            words: TextQuery::new(text),
            institutions: read
                .institutions
                .iter()
                .map(|&k| self.institutions[k].clone())
                .collect(),
        }
    }
}

/// What to highlight in a center's names for what was typed: its words as the search matches
/// them, and the expansions of the institution abbreviations among them ("РСНПМЦ" marks
/// "Республиканского специализированного научно-практического медицинского центра").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Highlighter {
    words: TextQuery,
    institutions: Vec<Institution>,
}

impl Highlighter {
    /// Highlights the typed words only (before the vocabulary arrives).
    pub fn words(text: &str) -> Highlighter {
        Highlighter {
            words: TextQuery::new(text),
            institutions: Vec::new(),
        }
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The byte ranges of `text` to highlight, sorted, none overlapping.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = self.words.highlights(text);
        for k in &self.institutions {
            out.extend(k.spans(text));
        }
        merged(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vocabulary of two kinds, in the shape of `public/data/conditions.json`.
    const SMALL: &str = r#"{"version": "t", "sources": [{"id": "s", "title": "t"}],
      "conditions": [],
      "institutions": [
        {"id": "nii", "abbreviations": ["НИИ"],
         "expansions": {"ru": ["научно-исследовательский институт", "научно-исследовательского института"],
                        "en": ["research institute"]},
         "sources": ["s"]},
        {"id": "rsspmc", "abbreviations": ["РСНПМЦ", "RSSPMC"],
         "expansions": {"ru": ["Республиканский специализированный научно-практический медицинский центр"],
                        "uz": ["Respublika ixtisoslashtirilgan … ilmiy-amaliy tibbiyot markazi"]},
         "sources": ["s"]},
        {"id": "nc", "abbreviations": ["НЦ"], "expansions": {"ru": ["научный центр"]}, "sources": ["s"]}
      ]}"#;

    fn small() -> Conditions {
        Conditions::from_json(SMALL).expect("the test vocabulary")
    }

    /// The parts of `text` kind `k` of [`SMALL`] marks.
    fn marked(k: usize, text: &str) -> Vec<&str> {
        let v = Box::leak(Box::new(small()));
        v.institutions[k]
            .spans(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn expansions_and_abbreviations_are_found_whole() {
        // (kind, name, what it marks): the rules of the module documentation.
        let cases: &[(usize, &str, &[&str])] = &[
            (
                0,
                "Научно-исследовательский институт кардиологии",
                &["Научно-исследовательский институт"],
            ),
            (
                0,
                "Филиал Научно-исследовательского института хирургии",
                &["Научно-исследовательского института"],
            ),
            // Across scripts: a transliteration of the Russian.
            (
                0,
                "Nauçno-issledowatelskiý institut",
                &["Nauçno-issledowatelskiý institut"],
            ),
            (
                0,
                "Kazakh Scientific Research Institute",
                &["Research Institute"],
            ),
            (0, "НИИ кардиологии и ВБ", &["НИИ"]),
            // Never inside another word, never begun, never a case ending the file lacks.
            (0, "КазНИИГБ", &[]),
            (0, "НИИТО Узбекистана", &[]),
            (0, "центр имени Ниязова", &[]),
            (0, "научно-исследовательскому институту", &[]),
            (0, "научно институт", &[]),
            // Words apart in one name are no expansion.
            (0, "Научный институт исследовательский", &[]),
            // "…" stands for the specialty an Uzbek name puts inside.
            (
                1,
                "Respublika ixtisoslashtirilgan kardiologiya ilmiy-amaliy tibbiyot markazi",
                &[
                    "Respublika ixtisoslashtirilgan",
                    "ilmiy-amaliy tibbiyot markazi",
                ],
            ),
            (
                1,
                "Respublika ixtisoslashtirilgan ilmiy-amaliy tibbiyot markazi",
                &["Respublika ixtisoslashtirilgan ilmiy-amaliy tibbiyot markazi"],
            ),
            // At most five words between.
            (
                1,
                "Respublika ixtisoslashtirilgan a b c d e f ilmiy-amaliy tibbiyot markazi",
                &[],
            ),
            (1, "RSSPMC of Pediatrics", &["RSSPMC"]),
            (1, "РСНПМЦ кардиологии", &["РСНПМЦ"]),
            // Two letters only in capitals, and "ННЦ" is not "НЦ" (their keys are one).
            (2, "НЦ травматологии", &["НЦ"]),
            (2, "нц травматологии", &[]),
            (2, "ННЦ хирургии", &[]),
            (2, "Научный центр педиатрии", &["Научный центр"]),
        ];
        for &(k, text, want) in cases {
            assert_eq!(marked(k, text), want, "{text}");
        }
    }

    #[test]
    fn typed_abbreviations_are_read_exactly() {
        // (typed, institutions read, words left): whole words, any case from three letters.
        let v = small();
        let cases: &[(&str, &[usize], &[&str])] = &[
            ("НИИ", &[0], &[]),
            ("нии", &[0], &[]),
            ("nii", &[0], &[]),
            ("НИИ НИИ", &[0], &[]),
            ("ни", &[], &["ni"]),
            ("НИИТО", &[], &["nito"]),
            ("РСНПМЦ кардиология", &[1], &["kardiologia"]),
            ("рснпмц", &[1], &[]),
            ("RSSPMC НИИ", &[1, 0], &[]),
            ("НЦ", &[2], &[]),
            ("нц", &[], &["nc"]),
            ("ННЦ", &[], &["nc"]),
        ];
        for &(typed, kinds, rest) in cases {
            let read = v.interpret(typed);
            assert_eq!(read.institutions, kinds, "{typed}");
            assert_eq!(read.rest.words(), rest, "{typed}");
        }
    }

    #[test]
    fn a_bad_kind_is_refused() {
        let two_words = SMALL.replace(r#"["НИИ"]"#, r#"["НИИ РК"]"#);
        assert!(matches!(
            Conditions::from_json(&two_words),
            Err(ConditionsError::Shape { .. })
        ));
        let open_gap = SMALL.replace("Respublika ixtisoslashtirilgan …", "…");
        assert!(matches!(
            Conditions::from_json(&open_gap),
            Err(ConditionsError::EmptyTerm { .. })
        ));
        let unknown = SMALL.replace(r#""sources": ["s"]}"#, r#""sources": ["x"]}"#);
        assert!(matches!(
            Conditions::from_json(&unknown),
            Err(ConditionsError::UnknownSource { .. })
        ));
        // The section is optional: a vocabulary without it has no kinds.
        let without = Conditions::from_json(r#"{"version": "t", "sources": [], "conditions": []}"#);
        assert!(without.unwrap().institutions.is_empty());
    }

    #[test]
    fn highlights_join_the_words_and_the_expansion() {
        let v = small();
        let text = "Джизакский филиал Республиканский специализированный научно-практический медицинский центр кардиологии";
        let got: Vec<&str> = v
            .highlighter("РСНПМЦ кардиологии")
            .highlights(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "Республиканский специализированный научно-практический медицинский центр",
                "кардиологии"
            ]
        );
        // Before the vocabulary: the words only.
        assert_eq!(
            Highlighter::words("РСНПМЦ").highlights(text),
            Vec::<Range<usize>>::new()
        );
        assert!(Highlighter::words("  ").is_empty());
    }
}
