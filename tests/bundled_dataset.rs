//! The dataset shipped in `public/data/centers.json`: it validates clean, and it holds what
//! issue 3 asks of it (every institution of the seed articles, all five countries, sources).

use std::collections::{BTreeMap, BTreeSet};

use shifo_core::{Country, Dataset, HubStatus};

const BUNDLED: &str = include_str!("../public/data/centers.json");

fn dataset() -> Dataset {
    Dataset::from_json(BUNDLED).expect("bundled dataset has no errors")
}

#[test]
fn bundled_dataset_has_no_errors() {
    let loaded = Dataset::load(BUNDLED).expect("bundled dataset parses");
    let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    // The only warnings allowed are city-level positions: every center has a Russian name
    // and a last-verified date.
    let other: Vec<String> = loaded
        .warnings()
        .filter(|p| !matches!(p.kind, shifo_core::ProblemKind::CityPrecision))
        .map(ToString::to_string)
        .collect();
    assert_eq!(other, Vec::<String>::new());
}

#[test]
fn bundled_dataset_holds_the_seed_institutions() {
    // Institutions named in ../shared/seeds/, with the seed file each one comes from.
    let d = dataset();
    for (id, seed) in [
        ("proton-therapy-center-astana", "000_4b57aaa84687d7aa.txt"),
        ("umc-heart-center-astana", "000_4b57aaa84687d7aa.txt"),
        (
            "national-center-for-neurosurgery-astana",
            "004_3df1b7f9db2e0595.txt",
        ),
        (
            "scientific-center-of-pediatrics-and-childrens-surgery-almaty",
            "002_5e6b0af0c7eb52ce.txt",
        ),
        (
            "syzganov-national-scientific-center-of-surgery-almaty",
            "004_3df1b7f9db2e0595.txt",
        ),
        (
            "vakhidov-center-of-surgery-tashkent",
            "004_3df1b7f9db2e0595.txt",
        ),
        (
            "cardiology-center-karshi-branch",
            "004_3df1b7f9db2e0595.txt",
        ),
        (
            "republican-scientific-oncological-center-dushanbe",
            "002_5e6b0af0c7eb52ce.txt",
        ),
        (
            "national-center-for-maternal-and-child-health-bishkek",
            "001_ee49c0a507af747a.txt",
        ),
        ("pediatric-oncohematology-osh", "001_ee49c0a507af747a.txt"),
    ] {
        let c = d.center(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(
            c.sources.iter().any(|s| s.file.as_deref() == Some(seed)),
            "{id} cites {seed}"
        );
    }
    // What seed 000 says of the Proton Therapy Center: over 800 patients a year, radioiodine
    // therapy for children.
    let proton = d.center("proton-therapy-center-astana").unwrap();
    assert_eq!(
        proton.capacity.as_ref().and_then(|c| c.patients_per_year),
        Some(800)
    );
    assert!(proton.offers("proton-therapy") && proton.offers("radioiodine-therapy"));
    let kids = proton.pediatric.as_ref().unwrap();
    assert!(kids.treats_children && kids.services == ["radioiodine-therapy"]);
    // Seed 001: the first autologous bone-marrow transplant on a child, in Bishkek.
    assert!(d
        .center("national-center-for-maternal-and-child-health-bishkek")
        .unwrap()
        .offers("bmt-autologous"));
}

#[test]
fn bundled_dataset_covers_all_five_countries() {
    let d = dataset();
    assert!(d.centers.len() >= 50, "{} centers", d.centers.len());
    let mut per_country: BTreeMap<Country, usize> = BTreeMap::new();
    for c in &d.centers {
        *per_country.entry(c.country).or_default() += 1;
    }
    for country in Country::ALL {
        let n = per_country.get(&country).copied().unwrap_or(0);
        assert!(n >= 5, "{country}: {n} centers");
    }
}

#[test]
fn every_center_is_sourced_named_in_russian_and_verified() {
    for c in &dataset().centers {
        assert!(!c.sources.is_empty(), "{}", c.id);
        assert!(c.names.contains_key("ru"), "{}", c.id);
        assert!(c.last_verified.is_some(), "{}", c.id);
    }
}

#[test]
fn vocabulary_covers_every_procedure_in_the_articles() {
    // Procedures named in the seed articles (000, 001, 004), each needing a code of its own.
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
    assert!((25..=40).contains(&codes.len()), "{} codes", codes.len());
    for s in &d.specialties {
        assert!(
            s.labels.contains_key("ru"),
            "{} has a Russian label",
            s.code
        );
    }
}

#[test]
fn hubs_partnerships_and_events_of_the_articles() {
    let d = dataset();
    let heart = d
        .hubs_hosted_by("umc-heart-center-astana")
        .next()
        .expect("the pediatric heart surgery hub is at the UMC Heart Center");
    assert_eq!(heart.status, HubStatus::Proposed);
    assert!(heart.date.is_some());
    // Seed 000 names no host for the childhood-cancer and adult-oncology hubs.
    let unhosted = d.hubs.iter().filter(|h| h.host.is_none()).count();
    assert!(unhosted >= 2);
    // Seeds 002 and 004: two memoranda.
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
