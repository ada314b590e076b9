//! What people type, and which centers of the bundled dataset they must get, best first.
//!
//! Expected centers come from `public/data/centers.json`; spellings from the seed articles
//! (../shared/seeds/), the centers' own sites, and the usual romanizations (Russian passport /
//! ICAO, Uzbek Latin 1995, Kazakh Latin 2021). Former city names: Astana was Akmolinsk,
//! Tselinograd, Akmola and Nur-Sultan (2019-2022); Almaty was Alma-Ata; Bishkek was Frunze;
//! Dushanbe was Stalinabad; Khujand was Leninabad; Ashgabat is often written Ashkhabad.

use shifo_core::{Dataset, Filter, Loaded};

/// What a query must give.
enum Want {
    /// This center comes first.
    First(&'static str),
    /// Every center of the city is a result, and every result is in the city (or carries the
    /// word in one of its names: "Akmola" is Astana's former name and a region's).
    City(&'static str),
    /// Every result offers a specialty whose code contains this (or carries the word in one of
    /// its names), and these centers are among them.
    Specialty(&'static str, &'static [&'static str]),
    /// No result.
    Nothing,
}

const CASES: &[(&str, Want)] = &[
    // One surgeon's name in three scripts and spellings, and with typos.
    (
        "Вахидов",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "Vakhidov",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "vahidov",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "Vaxidov",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "vakhidv",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "ВАХИДОВ хирургия",
        Want::First("vakhidov-center-of-surgery-tashkent"),
    ),
    (
        "Сызганов",
        Want::First("syzganov-national-scientific-center-of-surgery-almaty"),
    ),
    (
        "Syzganov",
        Want::First("syzganov-national-scientific-center-of-surgery-almaty"),
    ),
    (
        "Sizganov",
        Want::First("syzganov-national-scientific-center-of-surgery-almaty"),
    ),
    (
        "Сыздыганов",
        Want::First("syzganov-national-scientific-center-of-surgery-almaty"),
    ),
    (
        "Мирахимов",
        Want::First("national-center-of-cardiology-and-therapy-mirrakhimov-bishkek"),
    ),
    (
        "Mirrakhimov",
        Want::First("national-center-of-cardiology-and-therapy-mirrakhimov-bishkek"),
    ),
    (
        "Батпенов",
        Want::First("batpenov-national-scientific-center-of-traumatology-and-orthopedics-astana"),
    ),
    (
        "Шифобахш",
        Want::First("national-medical-center-shifobakhsh-dushanbe"),
    ),
    (
        "Shifobaxsh",
        Want::First("national-medical-center-shifobakhsh-dushanbe"),
    ),
    ("Истиклол", Want::First("istiqlol-health-complex-dushanbe")),
    ("Istiklol", Want::First("istiqlol-health-complex-dushanbe")),
    (
        "Гурбансолтан",
        Want::First("mch-center-gurbansoltan-eje-ashgabat"),
    ),
    (
        "протонная терапия",
        Want::First("proton-therapy-center-astana"),
    ),
    ("proton", Want::First("proton-therapy-center-astana")),
    (
        "Ұлттық ғылыми онкология орталығы",
        Want::First("nroc-astana"),
    ),
    (
        "Ошский онкологический",
        Want::First("osh-interregional-oncology-center"),
    ),
    (
        "Osh oncology",
        Want::Specialty(
            "onc",
            &[
                "osh-interregional-oncology-center",
                "pediatric-oncohematology-osh",
            ],
        ),
    ),
    // A specialty in any language finds the centers offering it.
    (
        "онкология",
        Want::Specialty("onc", &["nroc-astana", "osh-interregional-oncology-center"]),
    ),
    (
        "onkologiya",
        Want::Specialty("onc", &["nroc-astana", "scc-oncology-ashgabat"]),
    ),
    (
        "oncology",
        Want::Specialty("onc", &["nroc-astana", "dashoguz-oncology-hospital"]),
    ),
    ("Onkologiýa", Want::Specialty("onc", &["nroc-astana"])),
    (
        "кардиохирургия",
        Want::Specialty("cardiac-surgery", &["umc-heart-center-astana"]),
    ),
    ("трансплантация костного мозга", Want::Specialty("bmt", &[])),
    // Cities under every name.
    ("Астана", Want::City("Astana")),
    ("Astana", Want::City("Astana")),
    ("Nur-Sultan", Want::City("Astana")),
    ("Нур-Султан", Want::City("Astana")),
    ("Akmola", Want::City("Astana")),
    ("Tselinograd", Want::City("Astana")),
    ("Алма-Ата", Want::City("Almaty")),
    ("Almaty", Want::City("Almaty")),
    ("Frunze", Want::City("Bishkek")),
    ("Toshkent", Want::City("Tashkent")),
    ("Ташкент", Want::City("Tashkent")),
    ("Stalinabad", Want::City("Dushanbe")),
    ("Душанбе", Want::City("Dushanbe")),
    ("Ashkhabad", Want::City("Ashgabat")),
    ("Aşgabat", Want::City("Ashgabat")),
    ("Leninabad", Want::City("Khujand")),
    ("Хуҷанд", Want::City("Khujand")),
    // Abbreviations and former names people use (the centers' aliases, each from a source
    // listed in docs/dataset-notes.md), in the script they are written in.
    (
        "НЦОМиД",
        Want::First("national-center-for-maternal-and-child-health-bishkek"),
    ),
    (
        "Джальская больница",
        Want::First("national-center-for-maternal-and-child-health-bishkek"),
    ),
    (
        "SCPCS",
        Want::First("scientific-center-of-pediatrics-and-childrens-surgery-almaty"),
    ),
    ("NROC", Want::First("nroc-astana")),
    ("ННОЦ", Want::First("nroc-astana")),
    // Nothing like it anywhere.
    ("xyzzy", Want::Nothing),
    ("Вахидов Алматы", Want::Nothing),
];

fn bundled() -> Loaded {
    let text = include_str!("../../public/data/centers.json");
    Dataset::load(text).expect("the bundled dataset loads")
}

#[test]
fn the_search_table() {
    let loaded = bundled();
    let d = &loaded.dataset;
    assert!(CASES.len() >= 30);
    for (query, want) in CASES {
        let filter = Filter {
            text: query.to_string(),
            ..Filter::default()
        };
        let got = loaded.filtered(&filter);
        assert_eq!(
            got,
            d.filtered(&filter),
            "{query}: index and definition differ"
        );
        let ids: Vec<&str> = got.iter().map(|&i| d.centers[i].id.as_str()).collect();
        match want {
            Want::First(id) => assert_eq!(ids.first(), Some(id), "{query}: {ids:?}"),
            Want::City(city) => {
                let all: Vec<&str> = d
                    .centers
                    .iter()
                    .filter(|c| c.city == *city)
                    .map(|c| c.id.as_str())
                    .collect();
                let words = shifo_core::query::search::TextQuery::new(query);
                for id in &all {
                    assert!(ids.contains(id), "{query}: {id} missing from {ids:?}");
                }
                for &i in &got {
                    let c = &d.centers[i];
                    let named = c.every_name().any(|(_, n)| !words.highlights(n).is_empty());
                    assert!(c.city == *city || named, "{query}: {} is elsewhere", c.id);
                }
            }
            Want::Specialty(part, among) => {
                assert!(!ids.is_empty(), "{query}: nothing found");
                let words = shifo_core::query::search::TextQuery::new(query);
                for &i in &got {
                    let c = &d.centers[i];
                    let named = c.every_name().any(|(_, n)| !words.highlights(n).is_empty());
                    assert!(
                        named || c.specialties.iter().any(|s| s.contains(part)),
                        "{query}: {} has no {part} specialty and no such name",
                        c.id
                    );
                }
                for id in *among {
                    assert!(ids.contains(id), "{query}: {id} missing from {ids:?}");
                }
            }
            Want::Nothing => assert!(ids.is_empty(), "{query}: {ids:?}"),
        }
    }
}

#[test]
fn names_and_labels_in_every_language_fall_back_and_are_never_blank() {
    use shifo_core::Lang;
    let loaded = bundled();
    let d = &loaded.dataset;
    for c in &d.centers {
        assert!(
            c.names.get("ru").is_some_and(|n| !n.trim().is_empty()),
            "{} lacks ru",
            c.id
        );
        for lang in Lang::ALL {
            assert!(!c.name_in(lang).trim().is_empty(), "{} in {lang:?}", c.id);
            assert!(!c.city_in(lang).trim().is_empty());
        }
        // Without a Kyrgyz name, Kyrgyz readers get the Russian one, not the English.
        if !c.names.contains_key("ky") {
            assert_eq!(c.name_in(Lang::Ky), c.names["ru"]);
        }
    }
    for s in &d.specialties {
        for lang in ["ru", "kk", "uz"] {
            assert!(
                s.labels.get(lang).is_some_and(|l| !l.trim().is_empty()),
                "{} lacks a {lang} label",
                s.code
            );
        }
        for lang in Lang::ALL {
            assert!(!s.label_in(lang).trim().is_empty());
        }
    }
    let vakhidov = d.center("vakhidov-center-of-surgery-tashkent").unwrap();
    assert_eq!(vakhidov.city_in(Lang::Uz), "Toshkent");
    assert_eq!(vakhidov.city_in(Lang::Ru), "Ташкент");
}
