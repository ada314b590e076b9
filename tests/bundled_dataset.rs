//! The dataset shipped in `public/data/centers.json` parses and validates with no problem.

use shifo_core::{Country, Dataset};

const BUNDLED: &str = include_str!("../public/data/centers.json");

#[test]
fn bundled_dataset_is_clean() {
    let loaded = Dataset::load(BUNDLED).expect("bundled dataset parses");
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, Vec::<String>::new());
    assert!(!loaded.dataset.centers.is_empty());
}

#[test]
fn bundled_dataset_holds_the_seed_institutions() {
    // Institutions named in ../shared/seeds/ (see each center's `sources`).
    let d = Dataset::from_json(BUNDLED).unwrap();
    for id in [
        "proton-therapy-center-astana",
        "umc-heart-center-astana",
        "national-center-for-neurosurgery-astana",
        "scientific-center-of-pediatrics-and-childrens-surgery-almaty",
        "syzganov-national-scientific-center-of-surgery-almaty",
        "vakhidov-center-of-surgery-tashkent",
        "cardiology-center-karshi-branch",
        "republican-scientific-oncological-center-dushanbe",
        "national-center-for-maternal-and-child-health-bishkek",
        "pediatric-oncohematology-osh",
    ] {
        let c = d.center(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(!c.sources.is_empty(), "{id} has a source");
    }
    let countries: std::collections::BTreeSet<Country> =
        d.centers.iter().map(|c| c.country).collect();
    assert!(countries.len() >= 4);
}
