//! The dataset shipped in `public/data/centers.json`: it validates clean, covers the five
//! countries and their health ministries, cites every fact so a doctor can find it, names every center in its country's
//! language and in Latin letters for Uzbek and Turkmen readers, and holds the figures of the
//! seed articles that docs/dataset-notes.md lists.

use std::collections::{BTreeMap, BTreeSet};

use shifo_core::dataset::text::{Made, Texts};
use shifo_core::dataset::translations::Translations;
use shifo_core::{Country, Dataset, HubStatus, Precision, ProblemKind};

const BUNDLED: &str = include_str!("../public/data/centers.json");
/// The translations beside it, one file per language.
const TRANSLATIONS: [&str; 6] = [
    include_str!("../public/data/translations/ru.json"),
    include_str!("../public/data/translations/kk.json"),
    include_str!("../public/data/translations/uz.json"),
    include_str!("../public/data/translations/ky.json"),
    include_str!("../public/data/translations/tg.json"),
    include_str!("../public/data/translations/tk.json"),
];
const NOTES: &str = include_str!("../docs/dataset-notes.md");

/// The interface languages every text of ours is given in.
const LANGS: [&str; 7] = ["en", "ru", "kk", "uz", "ky", "tg", "tk"];

fn dataset() -> Dataset {
    Dataset::from_json(BUNDLED).expect("bundled dataset has no errors")
}

/// The dataset with every language's translations in place, as readers of all seven see it.
fn with_translations() -> Dataset {
    let mut d = dataset();
    for text in TRANSLATIONS {
        let pack: Translations = serde_json::from_str(text).expect("a translations file");
        let placed = d.add_translations(&pack);
        assert_eq!(
            placed,
            pack.texts.len(),
            "{:?}: every text finds its place",
            pack.lang
        );
    }
    d
}

#[test]
fn bundled_dataset_has_no_errors() {
    let loaded = Dataset::load(BUNDLED).expect("bundled dataset parses");
    let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    // The only warnings allowed are positions known to the city or region only: every
    // center has a Russian name and a last-verified date, every translation its original,
    // every source a way to find it.
    let other: Vec<String> = loaded
        .warnings()
        .filter(|p| {
            !matches!(
                p.kind,
                ProblemKind::CityPrecision | ProblemKind::RegionPrecision
            )
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(other, Vec::<String>::new());
}

#[test]
fn every_country_has_its_centers() {
    // Issue 19: at least 150 centers, 15 in each of KZ, UZ, KG and TJ, 10 in TM.
    let d = dataset();
    assert!(d.centers.len() >= 150, "{} centers", d.centers.len());
    let mut per_country: BTreeMap<Country, usize> = BTreeMap::new();
    for c in &d.centers {
        *per_country.entry(c.country).or_default() += 1;
    }
    for (country, least) in [
        (Country::KZ, 15),
        (Country::UZ, 15),
        (Country::KG, 15),
        (Country::TJ, 15),
        (Country::TM, 10),
    ] {
        let n = per_country.get(&country).copied().unwrap_or(0);
        assert!(n >= least, "{country}: {n} centers, at least {least}");
    }
}

#[test]
fn every_source_can_be_opened_or_found() {
    // A link, or a title, a publisher and a date; never an article file's name.
    let d = dataset();
    let centers = d.centers.iter().map(|c| (c.id.as_str(), &c.sources));
    let partnerships = d.partnerships.iter().map(|p| (p.a.as_str(), &p.sources));
    let events = d.events.iter().map(|e| (e.id.as_str(), &e.sources));
    let hubs = d.hubs.iter().map(|h| (h.id.as_str(), &h.sources));
    let ministries = d.authorities.iter().map(|a| (a.country.code(), &a.sources));
    let all = centers.chain(partnerships).chain(events).chain(hubs);
    for (id, sources) in all.chain(ministries) {
        for s in sources {
            assert!(!s.title.trim().is_empty(), "{id}: a source without a title");
            assert!(
                s.file.is_none(),
                "{id}: {} is cited by its file name",
                s.title
            );
            let findable = s.safe_url().is_some() || (s.publisher.is_some() && s.date.is_some());
            assert!(
                findable,
                "{id}: {} has no link, or no publisher and date",
                s.title
            );
        }
    }
}

#[test]
fn every_country_has_its_health_ministry_each_phone_dated() {
    // Issue 20: a center with no contact in its family gives its country's ministry. Each
    // has a website; a phone only where a source gives one, with a dated source, since such
    // numbers change (public/data/centers.json, from the research notes in
    // docs/dataset-notes.md).
    let d = dataset();
    let countries: Vec<Country> = d.authorities.iter().map(|a| a.country).collect();
    assert_eq!(countries, Country::ALL);
    for a in &d.authorities {
        assert!(a.safe_website().is_some(), "{}: no website", a.country);
        assert!(a.names.contains_key("ru"), "{}: no name in ru", a.country);
        for p in &a.phones {
            let dated = p
                .sources
                .iter()
                .filter_map(|&i| a.sources.get(usize::from(i)))
                .any(|s| s.date.is_some());
            assert!(dated, "{}: {} has no dated source", a.country, p.number);
        }
    }
    // Turkmenistan's ministry publishes no phone or e-mail that a source gives.
    let tm = d.authority(Country::TM).unwrap();
    assert!(tm.phones.is_empty() && tm.email.is_none());
    // Every center now has a way forward.
    for c in &d.centers {
        assert!(
            d.reach(c).contacts.is_some(),
            "{}: no way to reach it",
            c.id
        );
    }
}

/// Whether a text has a Cyrillic letter.
fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn every_center_is_named_in_its_country_and_in_latin_letters() {
    for c in &dataset().centers {
        let own = match c.country {
            Country::KZ => "kk",
            Country::UZ => "uz",
            Country::KG => "ky",
            Country::TJ => "tg",
            Country::TM => "tk",
        };
        assert!(c.names.contains_key(own), "{}: no name in {own}", c.id);
        assert!(c.names.contains_key("ru"), "{}: no name in ru", c.id);
        for latin in ["uz", "tk"] {
            let name = c.names.get(latin);
            assert!(
                name.is_some_and(|n| !cyrillic(n)),
                "{}: no name in Latin letters for {latin} ({name:?})",
                c.id
            );
        }
    }
}

/// Every language has a text, and every one but the original says how it was made.
fn in_seven_languages(what: &str, texts: &Texts) {
    if texts.is_empty() {
        return;
    }
    for lang in LANGS {
        assert!(texts.contains_key(lang), "{what}: no text in {lang}");
    }
    let originals = texts
        .texts()
        .filter(|(_, t)| t.made == Made::Original)
        .count();
    assert!(originals >= 1, "{what}: no original");
}

#[test]
fn texts_are_in_every_readers_language() {
    let d = with_translations();
    for c in &d.centers {
        in_seven_languages(&format!("{} address", c.id), &c.address);
        in_seven_languages(&format!("{} summary", c.id), &c.summary);
        if let Some(cap) = &c.capacity {
            in_seven_languages(&format!("{} capacity", c.id), &cap.note);
        }
        for k in c.care.iter() {
            in_seven_languages(&format!("{} care {}", c.id, k.code), &k.note);
        }
        for f in c.figures.iter() {
            in_seven_languages(&format!("{} figure", c.id), &f.what);
        }
    }
    for e in &d.events {
        in_seven_languages(&format!("{} summary", e.id), &e.summary);
        for lang in LANGS.iter().filter(|l| **l != "en") {
            assert!(e.titles.contains_key(lang), "{}: no title in {lang}", e.id);
        }
    }
    for h in &d.hubs {
        in_seven_languages(&format!("{} scope", h.id), &h.scope);
    }
    for p in &d.partnerships {
        in_seven_languages(&format!("{}–{} scope", p.a, p.b), &p.scope);
    }
    for s in &d.specialties {
        for lang in LANGS.iter().filter(|l| **l != "en") {
            assert!(
                s.labels.contains_key(lang),
                "{}: no label in {lang}",
                s.code
            );
        }
    }
}

#[test]
fn addresses_keep_their_originals_and_read_in_latin_letters_for_uzbek_and_turkmen() {
    // Every translated address leads back to one as written (the validator warns otherwise,
    // but only on the dataset file: here the translations files' ones are checked too), and
    // an Uzbek or Turkmen reader sees no Cyrillic in an address given in their language.
    let d = with_translations();
    let mut translated = 0;
    for c in d.centers.iter().filter(|c| !c.address.is_empty()) {
        for (code, text) in c.address.texts() {
            if text.made == Made::Original {
                continue;
            }
            translated += 1;
            assert!(
                c.address.original_of(code).is_some(),
                "{}: the {code} address has no original",
                c.id
            );
        }
        for latin in ["uz", "tk"] {
            let text = c.address.get(latin);
            assert!(
                text.is_some_and(|t| !cyrillic(t)),
                "{}: the {latin} address is not in Latin letters: {text:?}",
                c.id
            );
        }
    }
    assert!(translated >= 36 * 5, "{translated} translated addresses");
}

#[test]
fn the_seed_figures_are_in_the_data() {
    // docs/dataset-notes.md lists them as `| record | value | what |` rows, the record as
    // `centers/<id>`, `events/<id>` or `hubs/<id>`.
    let d = dataset();
    let rows: Vec<(&str, &str, f64)> = NOTES
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let (kind, id) = cells.get(1)?.trim_matches('`').split_once('/')?;
            let value = cells.get(2)?.replace([',', ' '], "").parse().ok()?;
            Some((kind, id, value))
        })
        .collect();
    assert!(rows.len() >= 15, "{} figures listed", rows.len());
    for (kind, id, value) in rows {
        let figures = match kind {
            "centers" => d.center(id).map(|c| &c.figures),
            "events" => d.events.iter().find(|e| e.id == id).map(|e| &e.figures),
            "hubs" => d.hubs.iter().find(|h| h.id == id).map(|h| &h.figures),
            _ => None,
        };
        let figures = figures.unwrap_or_else(|| panic!("{kind}/{id} is not in the data"));
        assert!(
            figures.iter().any(|f| f.value == value),
            "{kind}/{id}: no figure {value}"
        );
    }
}

#[test]
fn no_two_buildings_share_a_point() {
    let d = dataset();
    let mut at = BTreeSet::new();
    for c in d
        .centers
        .iter()
        .filter(|c| c.precision == Precision::Building)
    {
        assert!(
            !c.address.is_empty(),
            "{}: a building without an address",
            c.id
        );
        assert!(
            at.insert((c.lat.to_bits(), c.lon.to_bits())),
            "{}: shares its point with another building",
            c.id
        );
    }
}

#[test]
fn the_seed_articles_institutions_cite_the_originals() {
    // Institutions named in ../shared/seeds/, with the address of the article's original.
    let d = dataset();
    for (id, url) in [
        ("proton-therapy-center-astana", "https://timesca.com/"),
        ("umc-heart-center-astana", "https://timesca.com/"),
        (
            "national-center-for-neurosurgery-astana",
            "https://uz.sputniknews.ru/",
        ),
        (
            "syzganov-national-scientific-center-of-surgery-almaty",
            "https://uz.sputniknews.ru/",
        ),
        (
            "vakhidov-center-of-surgery-tashkent",
            "https://uz.sputniknews.ru/",
        ),
        (
            "cardiology-center-karshi-branch",
            "https://uz.sputniknews.ru/",
        ),
        (
            "scientific-center-of-pediatrics-and-childrens-surgery-almaty",
            "https://pediatria.kz/",
        ),
        (
            "republican-scientific-oncological-center-dushanbe",
            "https://pediatria.kz/",
        ),
        (
            "national-center-for-maternal-and-child-health-bishkek",
            "https://mts.kg/",
        ),
        ("pediatric-oncohematology-osh", "https://mts.kg/"),
    ] {
        let c = d.center(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            c.sources
                .iter()
                .any(|s| s.url.as_deref().is_some_and(|u| u.starts_with(url))),
            "{id} cites its seed article at {url}"
        );
    }
}

#[test]
fn what_the_seed_articles_say() {
    let d = dataset();
    // Seed 000: over 800 patients a year at the Proton Therapy Center, radioiodine therapy
    // for children.
    let proton = d.center("proton-therapy-center-astana").unwrap();
    assert!(proton.figures.iter().any(|f| f.value == 800.0));
    assert!(proton
        .children_services()
        .any(|s| s == "radioiodine-therapy"));
    // Seed 001: the first autologous bone-marrow transplant on a child, in Bishkek.
    let bishkek = d
        .center("national-center-for-maternal-and-child-health-bishkek")
        .unwrap();
    assert!(bishkek
        .care
        .iter()
        .any(|k| k.code == "bmt-autologous" && k.children == Some(true)));
    // Seed 004: the 17 operations were the Syzganov center's, not the Karshi branch's.
    let syzganov = d
        .center("syzganov-national-scientific-center-of-surgery-almaty")
        .unwrap();
    assert!(syzganov.figures.iter().any(|f| f.value == 17.0));
    // The childhood-cancer hub works in Tashkent (Sputnik, 2026-02-14); the adult oncology
    // hub was proposed at the National Research Oncology Center.
    let hub = |id: &str| d.hubs.iter().find(|h| h.id == id).unwrap();
    let children = hub("hub-childhood-cancer");
    assert_eq!(children.status, HubStatus::Designated);
    assert_eq!(
        children.host.as_deref(),
        Some("pediatric-oncology-hematology-immunology-center-tashkent")
    );
    assert_eq!(
        hub("hub-adult-oncology-oncohematology").host.as_deref(),
        Some("nroc-astana")
    );
    // Seeds 002 and 004: the memoranda, and the Days of Kazakh medicine in Uzbekistan.
    let pairs: BTreeSet<(&str, &str)> = d
        .partnerships
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str()))
        .collect();
    assert!(pairs.contains(&(
        "vakhidov-center-of-surgery-tashkent",
        "syzganov-national-scientific-center-of-surgery-almaty"
    )));
    assert!(pairs.contains(&(
        "scientific-center-of-pediatrics-and-childrens-surgery-almaty",
        "republican-scientific-oncological-center-dushanbe"
    )));
    let days = d
        .events
        .iter()
        .find(|e| e.id == "kazakhstan-medicine-days-uzbekistan-2025")
        .unwrap();
    assert_eq!(
        (days.start.as_deref(), days.end.as_deref()),
        (Some("2025-10-13"), Some("2025-10-17"))
    );
}

#[test]
fn a_child_needing_a_bone_marrow_transplant_finds_centers() {
    // Centers that give children a bone-marrow transplant, of a stated type or not.
    let d = dataset();
    let for_children: Vec<&str> = d
        .centers
        .iter()
        .filter(|c| {
            c.care
                .iter()
                .any(|k| k.code.starts_with("bmt-") && k.children == Some(true))
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(for_children.len() >= 5, "{for_children:?}");
    assert!(for_children.contains(&"national-childrens-medical-center-tashkent"));
}

#[test]
fn vocabulary_covers_every_procedure_in_the_articles() {
    // Procedures named in the seed articles (000, 001, 004), each needing a code of its own,
    // and the code for a transplant whose type no source states.
    let d = dataset();
    let codes: BTreeSet<&str> = d.specialties.iter().map(|s| s.code.as_str()).collect();
    for code in [
        "proton-therapy",
        "radioiodine-therapy",
        "cancer-diagnostics",
        "chemotherapy",
        "oncologic-surgery",
        "bmt-autologous",
        "bmt-allogeneic",
        "bmt-type-not-stated",
        "car-t",
        "pediatric-cardiac-surgery",
        "neurosurgery",
        "hepatobiliary-surgery",
        "endoscopic-surgery",
        "endovascular-surgery",
        "organ-transplantation",
        "obstetrics-gynecology",
        "neonatology",
        "genetics",
        "reproductive-medicine",
        "telemedicine",
    ] {
        assert!(codes.contains(code), "{code}");
    }
}
