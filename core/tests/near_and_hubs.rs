//! "Near me" and the hub filter on the bundled dataset (`public/data/centers.json`): only the
//! hubs that name a host can narrow the map, and distances from Almaty put Almaty's centers
//! first.

use std::collections::BTreeSet;

use shifo_core::geo::near::{self, great_circle_km};
use shifo_core::geo::places;
use shifo_core::{Dataset, Filter, Loaded, ViewState};

const BUNDLED: &str = include_str!("../../public/data/centers.json");

fn bundled() -> Loaded {
    Dataset::load(BUNDLED).expect("the bundled dataset loads")
}

fn place(en: &str) -> &'static places::Place {
    places::PLACES
        .iter()
        .find(|p| p.en == en)
        .unwrap_or_else(|| panic!("{en} is in PLACES"))
}

#[test]
fn only_hubs_with_a_host_are_filterable() {
    let loaded = bundled();
    let d = &loaded.dataset;
    // centers.json: of its four hubs, three name a host; the Kazakh-Uzbek healthcare hub none.
    assert_eq!(d.hubs.len(), 4);
    let filterable: Vec<&str> = d.filterable_hubs().iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        filterable,
        [
            "hub-childhood-cancer",
            "hub-adult-oncology-oncohematology",
            "hub-pediatric-heart-surgery"
        ]
    );
    // The index's answer (what the filter form uses) is the same.
    assert_eq!(loaded.filterable_hubs(), d.filterable_hubs());
    // A host that is not in the dataset makes no option, by either path.
    let mut other = shifo_core::Dataset::clone(d);
    for h in &mut other.hubs {
        h.host = Some("no-such-center".into());
    }
    let reloaded = shifo_core::Dataset::load(&serde_json::to_string(&other).unwrap()).unwrap();
    assert!(reloaded.filterable_hubs().is_empty());
    assert!(reloaded.dataset.filterable_hubs().is_empty());

    let f = Filter {
        hubs: BTreeSet::from(["hub-pediatric-heart-surgery".to_string()]),
        ..Filter::default()
    };
    let ids: Vec<&str> = loaded
        .filtered(&f)
        .into_iter()
        .map(|i| d.centers[i].id.as_str())
        .collect();
    // Its host in centers.json.
    assert_eq!(ids, ["umc-heart-center-astana"]);
    assert_eq!(loaded.filtered(&f), d.filtered(&f));

    let counts = loaded.facet_counts(&Filter::default());
    assert_eq!(counts, d.facet_counts(&Filter::default()));
    assert_eq!(counts.hubs["hub-pediatric-heart-surgery"], 1);
    assert_eq!(counts.hubs["hub-childhood-cancer"], 1);
    assert_eq!(counts.hubs["hub-kazakhstan-uzbekistan-healthcare"], 0);

    // In a link, only a filterable hub survives.
    let state = ViewState::from_query(
        "hub=hub-kazakhstan-uzbekistan-healthcare,hub-pediatric-heart-surgery&near=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B",
    )
    .sanitized(d);
    assert_eq!(
        state.to_query(),
        "hub=hub-pediatric-heart-surgery&near=Almaty"
    );
}

#[test]
fn almaty_centers_come_first_from_almaty() {
    let loaded = bundled();
    let d = &loaded.dataset;
    let (almaty, astana) = (place("Almaty"), place("Astana"));
    let all = loaded.filtered(&Filter::default());
    let sorted = loaded.by_distance(&all, almaty.at);
    assert_eq!(sorted.len(), d.centers.len());

    let in_almaty = d.centers.iter().filter(|c| c.city == "Almaty").count();
    // centers.json has ten centers in Almaty.
    assert_eq!(in_almaty, 10);
    for &(i, km) in &sorted[..in_almaty] {
        assert_eq!(d.centers[i].city, "Almaty", "{}", d.centers[i].id);
        assert!(km < 30.0, "{} at {km} km", d.centers[i].id);
    }
    // The first Astana center is about the Almaty–Astana great-circle distance away (974 km
    // between the cities' coordinates in PLACES; see near.rs); Astana centers in the data
    // sit at the city's coordinates, so within a few km of it.
    let city_to_city = great_circle_km(almaty.at, astana.at);
    let &(first, km) = sorted
        .iter()
        .find(|&&(i, _)| d.centers[i].city == "Astana")
        .expect("an Astana center");
    assert!(
        (km - city_to_city).abs() < 5.0,
        "{}: {km} km",
        d.centers[first].id
    );
    assert_eq!(near::display_km(city_to_city), 974);
    assert!(sorted.windows(2).all(|w| w[0].1 <= w[1].1));
}
