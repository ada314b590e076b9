//! Abbreviations of kinds of institutions on the bundled dataset and vocabulary: "РСНПМЦ",
//! "НИИ", "ОДКБ" ..., typed alone or beside other words, and the centers they must get (the
//! review of the journeys, defect 4: "РСНПМЦ" found one center of about a dozen, "НИИ" only
//! those with it in an alias).
//!
//! The expected centers are computed here by a plain reference, not by the code under test:
//! every name a center is searched by (`name`, `names`, `aliases` of
//! `public/data/centers.json`, read as plain JSON), lowercased and cut into words at anything
//! that is not a letter or digit, holds the expansion's words in order, each given by how it
//! begins ("республиканск" is every case of "республиканский"; "…" up to five words between),
//! or holds the abbreviation itself as a whole word. The expansions, their languages and their
//! sources are those of `public/data/conditions.json`.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use shifo_core::query::conditions::Conditions;
use shifo_core::{Dataset, Filter, Loaded};

/// One kind of institution as the reference reads it.
struct Kind {
    /// The vocabulary's id for it.
    id: &'static str,
    /// Its abbreviations as written.
    abbreviations: &'static [&'static str],
    /// Its expansions as word beginnings, alternatives split by `|`; "…" for up to five words.
    stems: &'static [&'static str],
    /// What people type for it: the abbreviations in other cases too (from three letters).
    typed: &'static [&'static str],
    /// How many centers of the bundled dataset (2026-12-07) the reference finds.
    count: usize,
}

const KINDS: &[Kind] = &[
    Kind {
        id: "rsspmc",
        abbreviations: &["РСНПМЦ", "RSSPMC"],
        stems: &[
            "республиканск специализированн научно практическ медицинск центр",
            "republican specialized scientific practic medical center",
            "republican specialized scientific and practic medical center",
            "respublika ixtisoslashtirilgan … ilmiy amaliy tibbiyot markaz",
        ],
        typed: &["РСНПМЦ", "рснпмц", "Рснпмц", "RSSPMC", "rsspmc"],
        count: 23,
    },
    Kind {
        id: "research-institute",
        abbreviations: &["НИИ"],
        stems: &["научно исследовательск институт", "research institut"],
        typed: &["НИИ", "нии", "Нии"],
        count: 11,
    },
    Kind {
        id: "scientific-or-national-center",
        abbreviations: &["НЦ"],
        stems: &[
            "научн центр",
            "национальн центр",
            "scientific center",
            "research center",
        ],
        typed: &["НЦ"],
        count: 23,
    },
    Kind {
        id: "national-scientific-center",
        abbreviations: &["ННЦ"],
        stems: &["национальн научн центр"],
        typed: &["ННЦ", "ннц"],
        count: 4,
    },
    Kind {
        id: "republican-clinical-hospital",
        abbreviations: &["РКБ"],
        stems: &["республиканск клиническ больниц"],
        typed: &["РКБ", "ркб"],
        count: 2,
    },
    Kind {
        id: "republican-childrens-clinical-hospital",
        abbreviations: &["РДКБ"],
        stems: &["республиканск детск клиническ больниц"],
        typed: &["РДКБ", "рдкб"],
        count: 1,
    },
    Kind {
        id: "regional-childrens-clinical-hospital",
        abbreviations: &["ОДКБ"],
        stems: &["областн детск клиническ больниц"],
        typed: &["ОДКБ", "одкб"],
        count: 2,
    },
];

/// The bundled dataset read with the bundled vocabulary, once for all tests.
fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let loaded =
            Dataset::load(include_str!("../../public/data/centers.json")).expect("dataset");
        let vocabulary = Conditions::from_json(include_str!("../../public/data/conditions.json"))
            .expect("the bundled vocabulary reads");
        loaded.with_conditions(Arc::new(vocabulary))
    })
}

fn typed(text: &str) -> Filter {
    Filter {
        text: text.into(),
        ..Filter::default()
    }
}

/// The ids of the centers `text` finds, checked against the plain definition of the filter.
fn found(l: &Loaded, text: &str) -> Vec<String> {
    let got = l.filtered(&typed(text));
    assert_eq!(
        got,
        l.dataset.filtered_by(&typed(text), &l.conditions),
        "{text}: index and definition differ"
    );
    got.iter()
        .map(|&i| l.dataset.centers[i].id.clone())
        .collect()
}

/// Every name each center of the bundled file is searched by, by center id.
fn names_by_center() -> Vec<(String, Vec<String>)> {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../public/data/centers.json")).unwrap();
    let text = |v: &serde_json::Value| {
        v.as_str()
            .or_else(|| v["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    file["centers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut names = vec![text(&c["name"])];
            if let Some(by_lang) = c["names"].as_object() {
                names.extend(by_lang.values().map(text));
            }
            if let Some(aliases) = c["aliases"].as_array() {
                names.extend(aliases.iter().map(text));
            }
            (c["id"].as_str().unwrap().to_string(), names)
        })
        .collect()
}

/// The words of `name` as written, cut at anything not a letter or digit.
fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the lowercased `words` hold `stems` in order from `at` (see the module
/// documentation).
fn holds(words: &[String], at: usize, stems: &[&str]) -> bool {
    let Some((stem, rest)) = stems.split_first() else {
        return true;
    };
    if *stem == "…" {
        return (0..=5).any(|skip| at + skip <= words.len() && holds(words, at + skip, rest));
    }
    words
        .get(at)
        .is_some_and(|w| stem.split('|').any(|s| w.starts_with(s)) && holds(words, at + 1, rest))
}

/// The reference: whether `name` writes out `kind` or holds one of its abbreviations whole
/// (in capitals when under three letters, else in any case).
fn reference_names(kind: &Kind, name: &str) -> bool {
    let written = words(name);
    let lower: Vec<String> = written.iter().map(|w| w.to_lowercase()).collect();
    let expanded = kind.stems.iter().any(|s| {
        let stems: Vec<&str> = s.split(' ').collect();
        (0..lower.len()).any(|at| holds(&lower, at, &stems))
    });
    let abbreviated = written.iter().any(|w| {
        kind.abbreviations
            .iter()
            .any(|a| *w == *a || (a.chars().count() >= 3 && w.to_lowercase() == a.to_lowercase()))
    });
    expanded || abbreviated
}

/// The ids of the centers the reference finds for `kind`, sorted.
fn reference(kind: &Kind) -> Vec<String> {
    static NAMES: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    NAMES
        .get_or_init(names_by_center)
        .iter()
        .filter(|(_, names)| names.iter().any(|n| reference_names(kind, n)))
        .map(|(id, _)| id.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn kind(id: &str) -> &'static Kind {
    KINDS.iter().find(|k| k.id == id).unwrap()
}

#[test]
fn the_table_covers_the_vocabulary() {
    let l = loaded();
    let ids: Vec<&str> = l
        .conditions
        .institutions
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    let table: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
    assert_eq!(ids, table);
    for (k, kind) in l.conditions.institutions.iter().zip(KINDS) {
        assert_eq!(k.abbreviations, kind.abbreviations, "{}", kind.id);
        assert!(!k.sources.is_empty(), "{}", kind.id);
    }
}

#[test]
fn each_abbreviation_finds_every_center_named_by_its_expansion() {
    let l = loaded();
    for kind in KINDS {
        let want = reference(kind);
        assert_eq!(want.len(), kind.count, "{}: {want:?}", kind.id);
        for text in kind.typed {
            assert_eq!(sorted(found(l, text)), want, "{text}");
        }
    }
}

#[test]
fn beside_other_words_an_abbreviation_narrows() {
    let l = loaded();
    let rsspmc = reference(kind("rsspmc"));
    // "РСНПМЦ кардиология": exactly the RSSPMCs among what "кардиология" finds alone, the
    // centers of cardiology and their branches first. (The word alone also finds "radiologiya"
    // two typos away, so the oncology and radiology centers follow, as they do without the
    // abbreviation.)
    let got = found(l, "РСНПМЦ кардиология");
    let alone = found(l, "кардиология");
    let want: Vec<String> = alone
        .iter()
        .filter(|id| rsspmc.contains(id))
        .cloned()
        .collect();
    assert_eq!(sorted(got.clone()), sorted(want));
    let cardiology = [
        "rsspmc-cardiology-tashkent",
        "cardiology-center-karshi-branch",
        "cardiology-jizzakh-branch",
        "cardiology-samarkand-branch",
        "cardiology-khorezm-branch-urgench",
    ];
    let mut first: Vec<&str> = got[..cardiology.len()].iter().map(String::as_str).collect();
    first.sort();
    let mut want_first = cardiology.to_vec();
    want_first.sort();
    assert_eq!(first, want_first, "{got:?}");
    for id in &got[cardiology.len()..] {
        assert!(!l.dataset.center(id).unwrap().offers("cardiology"), "{id}");
    }
    assert!(!got.contains(&"vakhidov-center-of-surgery-tashkent".to_string()));
    // "НИИ Ташкент": the research institutes (by former names too) in Tashkent.
    let nii = reference(kind("research-institute"));
    let want: Vec<String> = nii
        .iter()
        .filter(|id| l.dataset.center(id).unwrap().city == "Tashkent")
        .cloned()
        .collect();
    assert!(!want.is_empty());
    assert_eq!(sorted(found(l, "НИИ Ташкент")), want);
    // Two abbreviations ask for both.
    assert_eq!(found(l, "РСНПМЦ ОДКБ"), Vec::<String>::new());
}

#[test]
fn look_alikes_are_no_abbreviation() {
    let l = loaded();
    let nii = reference(kind("research-institute"));
    // Words read as words, never as a kind: a particle, other abbreviations holding the letters,
    // an abbreviation begun, two letters not in capitals, CAR-T.
    for text in [
        "ни",
        "НИИТО",
        "КазНИИГБ",
        "НИИкардиологии",
        "нц",
        "Нц",
        "РСНПМ",
        "РСНПМЦК",
        "CAR-T",
        "car",
    ] {
        let read = l.conditions.interpret(text);
        assert!(read.institutions.is_empty(), "{text} read as {read:?}");
    }
    // Batpenov's former name is "НИИТО": a word beginning "нии" finds no research institute.
    assert!(!nii.contains(
        &"batpenov-national-scientific-center-of-traumatology-and-orthopedics-astana".to_string()
    ));
    assert!(!found(l, "НИИ").contains(
        &"batpenov-national-scientific-center-of-traumatology-and-orthopedics-astana".to_string()
    ));
    assert_ne!(sorted(found(l, "ни")), nii);
    // CAR-T stays the one center that prepares it (core/tests/condition_cases.rs).
    assert_eq!(
        found(l, "CAR-T"),
        ["national-center-for-maternal-and-child-health-bishkek"]
    );
}

#[test]
fn no_plain_word_is_read_as_an_abbreviation() {
    // Every word of the names (not the aliases, where abbreviations live), cities, specialty
    // labels, and the vocabulary's terms and stopwords is read as what it is, never as a kind.
    let l = loaded();
    let d = &l.dataset;
    let conditions: serde_json::Value =
        serde_json::from_str(include_str!("../../public/data/conditions.json")).unwrap();
    let mut texts: Vec<String> = Vec::new();
    for c in &d.centers {
        texts.extend(c.every_name().map(|(_, n)| n.text.clone()));
        texts.push(c.city.clone());
    }
    for s in &d.specialties {
        texts.push(s.label.clone());
        texts.extend(s.labels.values().cloned());
    }
    for c in conditions["conditions"].as_array().unwrap() {
        for terms in c["terms"].as_object().unwrap().values() {
            texts.extend(
                terms
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string()),
            );
        }
    }
    for words in conditions["stopwords"].as_object().unwrap().values() {
        texts.extend(
            words
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string()),
        );
    }
    let every: BTreeSet<&str> = texts.iter().flat_map(|t| words(t)).collect();
    for word in every {
        let read = l.conditions.interpret(word);
        assert!(read.institutions.is_empty(), "{word:?} read as a kind");
    }
}

#[test]
fn every_center_found_shows_why() {
    // The list marks, in one of each result's names (or aliases), the expansion or the
    // abbreviation: what the row shows beside the name when the shown name lacks it.
    let l = loaded();
    for kind in KINDS {
        for text in kind.typed {
            let marks = l.conditions.highlighter(text);
            for id in found(l, text) {
                let c = l.dataset.center(&id).unwrap();
                let shown = c
                    .every_name()
                    .map(|(_, n)| n.text.as_str())
                    .chain(c.aliases.iter().map(|a| a.text.as_str()))
                    .any(|n| !marks.highlights(n).is_empty());
                assert!(shown, "{text}: nothing marked for {id}");
            }
        }
    }
    // The expansion is marked whole, in the Russian genitive and across the Uzbek gap.
    let marks = l.conditions.highlighter("РСНПМЦ");
    let jizzakh = l.dataset.center("cardiology-jizzakh-branch").unwrap();
    let ru = &jizzakh.names["ru"];
    let got: Vec<&str> = marks.highlights(ru).into_iter().map(|r| &ru[r]).collect();
    assert_eq!(
        got,
        ["Республиканского специализированного научно-практического медицинского центра"]
    );
    let uz = &jizzakh.names["uz"];
    let got: Vec<&str> = marks.highlights(uz).into_iter().map(|r| &uz[r]).collect();
    assert_eq!(
        got,
        [
            "Respublika ixtisoslashtirilgan",
            "ilmiy-amaliy tibbiyot markazining"
        ]
    );
}

/// Words a query is made of, each with the kind it abbreviates, if any.
const POOL: &[(&str, Option<&str>)] = &[
    ("РСНПМЦ", Some("rsspmc")),
    ("рснпмц", Some("rsspmc")),
    ("RSSPMC", Some("rsspmc")),
    ("НИИ", Some("research-institute")),
    ("нии", Some("research-institute")),
    ("НЦ", Some("scientific-or-national-center")),
    ("ННЦ", Some("national-scientific-center")),
    ("ркб", Some("republican-clinical-hospital")),
    ("РДКБ", Some("republican-childrens-clinical-hospital")),
    ("ОДКБ", Some("regional-childrens-clinical-hospital")),
    ("ни", None),
    ("нц", None),
    ("НИИТО", None),
    ("КазНИИГБ", None),
    ("РСНПМ", None),
    ("CAR-T", None),
    ("кардиология", None),
    ("онкология", None),
    ("Ташкент", None),
    ("Алматы", None),
    ("детям", None),
    ("центр", None),
    ("институт", None),
    ("научный", None),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever the words, and in whatever order: the kinds read are exactly the abbreviations
    /// typed whole, the index answers what the plain definition answers, and every center
    /// found is one the reference finds for every kind asked.
    #[test]
    fn queries_with_abbreviations_keep_to_the_reference(picks in prop::collection::vec(0..POOL.len(), 1..4)) {
        let l = loaded();
        let text: Vec<&str> = picks.iter().map(|&p| POOL[p].0).collect();
        let text = text.join(" ");
        let read = l.conditions.interpret(&text);
        let got: BTreeSet<&str> = read
            .institutions
            .iter()
            .map(|&k| l.conditions.institutions[k].id.as_str())
            .collect();
        let want: BTreeSet<&str> = picks.iter().filter_map(|&p| POOL[p].1).collect();
        prop_assert_eq!(got, want.clone(), "{}", text);
        let results = found(l, &text);
        for id in &want {
            let named = reference(kind(id));
            for c in &results {
                prop_assert!(named.contains(c), "{}: {} is not {}", text, c, id);
            }
        }
    }
}
