//! Suggestions while typing on the bundled dataset and vocabulary: the beginnings families
//! type in the seven languages, and what they are offered.
//!
//! The phrases are the vocabulary's own terms for bone-marrow transplant and leukemia
//! (`public/data/conditions.json`, where the medical mapping is cited), cut short as someone
//! typing them would; "CAR" and "ТК" are the abbreviations of the review of the journeys
//! (../shared/reviews/, defect 4).

use std::sync::Arc;

use shifo_core::query::conditions::Conditions;
use shifo_core::query::suggest::Suggestion;
use shifo_core::{Dataset, Filter, Lang, Loaded};

fn loaded() -> Loaded {
    let loaded = Dataset::load(include_str!("../../public/data/centers.json")).expect("dataset");
    let vocabulary = Conditions::from_json(include_str!("../../public/data/conditions.json"))
        .expect("the bundled vocabulary reads");
    loaded.with_conditions(Arc::new(vocabulary))
}

fn offered(l: &Loaded, text: &str, lang: Lang) -> Vec<Suggestion> {
    let filter = Filter {
        text: text.into(),
        ..Filter::default()
    };
    l.suggest(&filter, lang)
}

/// The terms of the conditions offered, in order.
fn terms(found: &[Suggestion]) -> Vec<&str> {
    found
        .iter()
        .filter_map(|s| match s {
            Suggestion::Condition { term, .. } => Some(term.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_transplant_begun_in_every_language_is_offered() {
    let l = loaded();
    let transplant = l
        .conditions
        .conditions
        .iter()
        .position(|c| c.id == "bone-marrow-transplant")
        .expect("the vocabulary has bone-marrow transplant");
    for (typed, lang) in [
        ("bone mar", Lang::En),
        ("пересадка кост", Lang::Ru),
        ("сүйек кем", Lang::Kk),
        ("жилик чу", Lang::Ky),
        ("пайвандсозии ма", Lang::Tg),
        ("süňk ýil", Lang::Tk),
        ("suyak ko", Lang::Uz),
    ] {
        let found = offered(&l, typed, lang);
        let first = found.first().and_then(Suggestion::search).unwrap_or("");
        // The first offer is the transplant, said in the words being typed, and the search it
        // gives reads it back; its count is that search's.
        assert!(first.starts_with(typed), "{typed}: {found:?}");
        assert_eq!(
            l.conditions.interpret(first).conditions,
            [transplant],
            "{typed}"
        );
        let Suggestion::Condition { count, .. } = found[0] else {
            panic!("{typed}: {found:?}")
        };
        let filter = Filter {
            text: first.into(),
            ..Filter::default()
        };
        assert_eq!(count, l.filtered(&filter).len(), "{typed}");
    }
}

#[test]
fn abbreviations_begin_only_abbreviations() {
    let l = loaded();
    let found = offered(&l, "ТК", Lang::Ru);
    assert_eq!(terms(&found).first(), Some(&"ТКМ"), "{found:?}");
    // "CAR" in capitals: no cardiology center, nor any condition but CAR-T's.
    // In small letters "car" begins words ("cardiac", "cardiology"): the same letters in
    // capitals offer nothing here, as no center offers CAR-T.
    assert!(!offered(&l, "car", Lang::En).is_empty());
    assert_eq!(offered(&l, "CAR", Lang::En), []);
    for s in offered(&l, "CAR", Lang::En) {
        match s {
            Suggestion::Center { center } => {
                panic!("offered {}", l.dataset.centers[center].name)
            }
            Suggestion::Condition { term, .. } => assert!(term.starts_with("CAR"), "{term}"),
            Suggestion::City { name, .. } => panic!("offered the city {name}"),
        }
    }
}

#[test]
fn cities_and_centers_are_offered_in_the_readers_language() {
    let l = loaded();
    let found = offered(&l, "tosh", Lang::Ru);
    assert!(
        matches!(&found[0], Suggestion::City { name, .. } if name == "Ташкент"),
        "{found:?}"
    );
    let found = offered(&l, "лейкоз Алм", Lang::Ru);
    assert!(
        found.iter().any(
            |s| matches!(s, Suggestion::City { search, count, .. } if search == "лейкоз Алматы" && *count > 0)
        ),
        "{found:?}"
    );
    let found = offered(&l, "НЦОМ", Lang::Ru);
    assert!(
        found.iter().any(|s| matches!(s, Suggestion::Center { .. })),
        "{found:?}"
    );
}
