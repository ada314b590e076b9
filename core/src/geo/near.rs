//! "Near me": how far each center is from a home city or the browser's position, and the
//! centers ordered by it. Distances are great-circle ("as the crow flies"), not by road: the
//! data has no road network, and the order of centers is what matters to the user.

use std::cmp::Ordering;

use crate::dataset::load::Loaded;
use crate::dataset::model::{Center, Dataset};
use crate::geo::bounds::LatLon;
use crate::geo::places::{self, Place};
use crate::lang::Lang;

/// The Earth's mean radius R₁ in km, as the IUGG defines it (Moritz, "Geodetic Reference
/// System 1980", Bulletin Géodésique 54, 1980: R₁ = (2a + b) / 3 = 6371.0088 km); the sphere
/// that best fits the ellipsoid for distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The great-circle distance in km between two points, by the haversine formula on a sphere
/// of [`EARTH_RADIUS_KM`].
///
/// ```
/// use shifo_core::geo::bounds::LatLon;
/// use shifo_core::great_circle_km;
///
/// let almaty = LatLon::new(43.238, 76.9458);
/// let astana = LatLon::new(51.1694, 71.4491);
/// assert_eq!(great_circle_km(almaty, astana).round(), 974.0);
/// ```
pub fn great_circle_km(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    // Absolute differences make the result exactly symmetric, whatever the sine's rounding.
    let d_lat = (lat2 - lat1).abs();
    let d_lon = (b.lon - a.lon).abs().to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    // Rounding can push h a hair past 1 for near-antipodes, where asin would give NaN.
    2.0 * EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
}

/// The home cities a user can choose: every city of the places table.
pub fn cities() -> impl Iterator<Item = &'static Place> {
    places::PLACES.iter()
}

/// The home cities ordered by their name in `lang`, as the city picker lists them.
pub fn cities_sorted(lang: Lang) -> Vec<&'static Place> {
    let mut out: Vec<(Vec<(char, u8)>, &'static Place)> = cities()
        .map(|p| (collation_key(p.name_in(lang)), p))
        .collect();
    crate::sort::sort_by(&mut out, |(a, p), (b, q)| {
        a.cmp(b).then_with(|| p.en.cmp(q.en))
    });
    out.into_iter().map(|(_, p)| p).collect()
}

/// A sort key for a name: each character lowercased, and each letter that the region's
/// alphabets add to a base letter placed right after that letter (Kazakh Қ after К, Ө after
/// О, Turkmen Ş after S), where plain code-point order would put them after Я or Z.
fn collation_key(name: &str) -> Vec<(char, u8)> {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            // Cyrillic. Russian Ё; Kazakh (А Ә … Г Ғ … К Қ … Н Ң … О Ө … У Ұ Ү … Х Һ … Ы І);
            // Kyrgyz Ң Ө Ү; Tajik Ғ Ӣ Қ Ӯ Ҳ Ҷ; Uzbek Cyrillic Ў Қ Ғ Ҳ.
            'ё' => ('е', 1),
            'ә' => ('а', 1),
            'ғ' => ('г', 1),
            'ӣ' => ('и', 1),
            'қ' => ('к', 1),
            'ң' => ('н', 1),
            'ө' => ('о', 1),
            'ұ' | 'ӯ' | 'ў' => ('у', 1),
            'ү' => ('у', 2),
            'һ' | 'ҳ' => ('х', 1),
            'ҷ' => ('ч', 1),
            'і' => ('ы', 1),
            // Turkmen Latin: A B Ç D E Ä F G H I J Ž K L M N Ň O Ö P R S Ş T U Ü W Y Ý Z.
            'ç' => ('c', 1),
            'ä' => ('e', 1),
            'ž' => ('j', 1),
            'ň' => ('n', 1),
            'ö' => ('o', 1),
            'ş' => ('s', 1),
            'ü' => ('u', 1),
            'ý' => ('y', 1),
            c => (c, 0),
        })
        .collect()
}

/// The centers `indices` (into `dataset.centers`) with their distance in km from `origin`,
/// nearest first; equal distances keep the order of `indices`. An index past the end of the
/// dataset is left out.
pub fn by_distance(dataset: &Dataset, indices: &[usize], origin: LatLon) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = indices
        .iter()
        .filter_map(|&i| {
            let c = dataset.centers.get(i)?;
            Some((i, great_circle_km(origin, c.position())))
        })
        .collect();
    // Stable, and total: a NaN from a bad origin sorts last instead of scrambling the order.
    // The standard sort, not `crate::sort`: with the pairs compared in place it takes 3.3 ms
    // at 50k against 8 ms (criterion, `by_distance`), and near me re-sorts on every change.
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

impl Loaded {
    /// The centers `indices` nearest first from `origin`, with their km (see [`by_distance`]).
    pub fn by_distance(&self, indices: &[usize], origin: LatLon) -> Vec<(usize, f64)> {
        by_distance(&self.dataset, indices, origin)
    }
}

/// A distance as shown: whole km, rounded to nearest (0 within the same city); NaN and
/// negative values give 0, as there is no meaningful distance to show.
pub fn display_km(km: f64) -> u64 {
    match km.partial_cmp(&0.0) {
        Some(Ordering::Greater) => km.round().min(u64::MAX as f64) as u64,
        _ => 0,
    }
}

/// How far a center is from where the reader is, as said to them: road distances across
/// mountain borders can be several times the straight line, so the words say it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Away {
    /// In the home city the reader chose.
    InHomeCity,
    /// Under half a km in a straight line (a position shared by the browser).
    UnderOneKm,
    /// About this many whole km in a straight line.
    Km(u64),
}

impl Away {
    /// How far center `c` is, `km` in a straight line, from the home city `home` (when the
    /// reader chose one rather than sharing their position).
    pub fn of(c: &Center, km: f64, home: Option<&Place>) -> Away {
        let same_city = home.is_some_and(|h| places::find(&c.city).is_some_and(|p| p.en == h.en));
        match display_km(km) {
            _ if same_city => Away::InHomeCity,
            0 => Away::UnderOneKm,
            n => Away::Km(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::{Center, Country};
    use std::f64::consts::PI;

    fn place(en: &str) -> &'static Place {
        places::PLACES
            .iter()
            .find(|p| p.en == en)
            .unwrap_or_else(|| panic!("{en} is in PLACES"))
    }

    /// A second, independent formula for the same sphere: the spherical law of cosines.
    fn law_of_cosines_km(a: LatLon, b: LatLon) -> f64 {
        let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
        let d_lon = (b.lon - a.lon).to_radians();
        let c = p1.sin() * p2.sin() + p1.cos() * p2.cos() * d_lon.cos();
        EARTH_RADIUS_KM * c.clamp(-1.0, 1.0).acos()
    }

    #[test]
    fn distances_between_cities() {
        // (from, to, km, Vincenty km on WGS 84). The km are the spherical law of cosines on
        // PLACES' coordinates with R = 6371.0088 (computed in Python; the test recomputes them
        // with `law_of_cosines_km`). The Vincenty ellipsoidal distances (Vincenty 1975, WGS 84
        // a = 6378137, f = 1/298.257223563, also computed in Python) differ by the sphere's
        // known error, under 0.5%.
        let cases = [
            ("Almaty", "Astana", 974.128, 974.496),
            ("Tashkent", "Dushanbe", 307.080, 306.652),
            ("Bishkek", "Almaty", 197.222, 197.722),
            ("Ashgabat", "Tashkent", 1004.826, 1006.775),
        ];
        for (from, to, want, vincenty) in cases {
            let (a, b) = (place(from), place(to));
            let (a, b) = (a.at, b.at);
            let got = great_circle_km(a, b);
            assert!((got - want).abs() < 0.001, "{from}–{to}: {got}");
            assert!((got - law_of_cosines_km(a, b)).abs() < 1e-6, "{from}–{to}");
            assert!((got - vincenty).abs() / vincenty < 0.005, "{from}–{to}");
            assert_eq!(got, great_circle_km(b, a), "{from}–{to} is symmetric");
        }
    }

    #[test]
    fn edge_distances() {
        // (a, b, km): a point to itself is 0; antipodes are half the great circle, π·R
        // (20015.114 km); a quarter meridian is π·R/2.
        let half = PI * EARTH_RADIUS_KM;
        let cases = [
            ((43.238, 76.9458), (43.238, 76.9458), 0.0),
            ((0.0, 0.0), (0.0, 180.0), half),
            ((43.238, 76.9458), (-43.238, -103.0542), half),
            ((90.0, 0.0), (-90.0, 0.0), half),
            ((0.0, 0.0), (90.0, 0.0), half / 2.0),
            // Longitudes the other way round the date line are the same meridian.
            ((10.0, 180.0), (10.0, -180.0), 0.0),
        ];
        for ((a_lat, a_lon), (b_lat, b_lon), want) in cases {
            let (a, b) = (LatLon::new(a_lat, a_lon), LatLon::new(b_lat, b_lon));
            let got = great_circle_km(a, b);
            assert!((got - want).abs() < 1e-6, "{a:?} {b:?}: {got}");
        }
        assert!((half - 20015.114).abs() < 0.001);
    }

    #[test]
    fn distances_are_non_negative_and_finite_for_valid_inputs() {
        // A grid over the whole globe, including poles and the date line.
        let lats = [-90.0, -89.999, -45.5, 0.0, 1e-9, 37.96, 51.17, 90.0];
        let lons = [-180.0, -179.999, -0.001, 0.0, 58.33, 76.95, 179.999, 180.0];
        for &la in &lats {
            for &lo in &lons {
                for &lb in &lats {
                    for &lob in &lons {
                        let (a, b) = (LatLon::new(la, lo), LatLon::new(lb, lob));
                        let d = great_circle_km(a, b);
                        assert!(
                            d.is_finite() && (0.0..=PI * EARTH_RADIUS_KM + 1e-6).contains(&d),
                            "{la} {lo} {lb} {lob}: {d}"
                        );
                        assert!((d - great_circle_km(b, a)).abs() < 1e-9);
                    }
                }
            }
        }
    }

    #[test]
    fn every_place_is_a_home_city() {
        assert_eq!(cities().count(), places::PLACES.len());
    }

    fn dataset(points: &[LatLon]) -> Dataset {
        Dataset {
            schema: None,
            schema_version: 1,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: vec![],
            centers: points
                .iter()
                .enumerate()
                .map(|(i, p)| Center::stub(&format!("c{i}"), Country::KZ, p.lat, p.lon))
                .collect(),
            partnerships: vec![],
            events: vec![],
            hubs: vec![],
            authorities: vec![],
            translations: Vec::new(),
        }
    }

    #[test]
    fn centers_by_distance() {
        let (almaty, astana, tashkent) = (place("Almaty"), place("Astana"), place("Tashkent"));
        let at = |p: &Place| p.at;
        // 0: Astana, 1: Almaty, 2: Tashkent, 3: Almaty again, 4: Astana again.
        let d = dataset(&[at(astana), at(almaty), at(tashkent), at(almaty), at(astana)]);
        // (indices, origin, expected order): from Almaty, its two centers first (tied, in
        // input order), then Tashkent (669 km, law of cosines), then Astana (974 km).
        type Case<'a> = (&'a [usize], LatLon, &'a [usize]);
        let cases: &[Case] = &[
            (&[0, 1, 2, 3, 4], at(almaty), &[1, 3, 2, 0, 4]),
            (&[4, 3, 2, 1, 0], at(almaty), &[3, 1, 2, 4, 0]),
            (&[0, 1, 2, 3, 4], at(astana), &[0, 4, 1, 3, 2]),
            (&[2, 0], at(tashkent), &[2, 0]),
            (&[], at(almaty), &[]),
            // An index past the end is left out, not a panic.
            (&[9, 1], at(almaty), &[1]),
        ];
        for (indices, origin, want) in cases {
            let got = by_distance(&d, indices, *origin);
            let order: Vec<usize> = got.iter().map(|&(i, _)| i).collect();
            assert_eq!(order, *want, "{indices:?} from {origin:?}");
            for (i, km) in got {
                let c = &d.centers[i];
                assert_eq!(km, great_circle_km(*origin, c.position()));
            }
        }
        let from_almaty = by_distance(&d, &[0, 1, 2, 3, 4], at(almaty));
        assert_eq!(from_almaty[0].1, 0.0);
        assert!((from_almaty[2].1 - 669.390).abs() < 0.001);
        // A NaN origin (never from the app) still gives every center, in input order.
        let nan = by_distance(&d, &[2, 0], LatLon::new(f64::NAN, 0.0));
        assert_eq!(nan.iter().map(|&(i, _)| i).collect::<Vec<_>>(), [2, 0]);
    }

    #[test]
    fn shown_distances() {
        // (km, shown): rounded half away from zero, as f64::round does.
        let cases = [
            (0.0, 0),
            (0.49, 0),
            (0.5, 1),
            (974.128, 974),
            (197.5, 198),
            (-3.0, 0),
            (-0.0, 0),
            (f64::NAN, 0),
            (f64::INFINITY, u64::MAX),
            (f64::NEG_INFINITY, 0),
        ];
        for (km, want) in cases {
            assert_eq!(display_km(km), want, "{km}");
        }
    }

    #[test]
    fn collation_follows_the_alphabets() {
        // (earlier, later): pairs whose code-point order is the other way round. Kazakh
        // alphabet (2021 Cyrillic): … К Қ Л … О Ө П …; Russian: Е Ё Ж; Tajik: У Ӯ Ф;
        // Turkmen Latin: … S Ş T … U Ü W.
        let cases = [
            ("Қарағанды", "Павлодар"),
            ("Өскемен", "Павлодар"),
            ("Ёлка", "Жезказган"),
            ("Кӯлоб", "Кф"),
            ("Aşgabat", "Atyrau"),
            ("Türkmenabat", "Tw"),
        ];
        for (a, b) in cases {
            assert!(collation_key(a) < collation_key(b), "{a} < {b}");
        }
        // Case does not matter.
        assert_eq!(collation_key("ALMATY"), collation_key("almaty"));
    }

    #[test]
    fn cities_sorted_by_language() {
        // (lang, city names in PLACES, in the order expected: a subsequence of the list).
        let cases: &[(Lang, &[&str])] = &[
            (
                Lang::En,
                &["Aktau", "Aktobe", "Almaty", "Ashgabat", "Astana"],
            ),
            (Lang::Ru, &["Алматы", "Астана", "Ашхабад", "Бишкек"]),
            // Kazakh: Қ after К, Ө after О, before П.
            (
                Lang::Kk,
                &[
                    "Көкшетау",
                    "Қарағанды",
                    "Қызылорда",
                    "Орал",
                    "Өскемен",
                    "Павлодар",
                ],
            ),
            // Turkmen names where there are, English otherwise (Lang::fallbacks).
            (
                Lang::Tk,
                &["Aşgabat", "Balkanabat", "Daşoguz", "Mary", "Türkmenabat"],
            ),
        ];
        for (lang, want) in cases {
            let names: Vec<&str> = cities_sorted(*lang)
                .into_iter()
                .map(|p| p.name_in(*lang))
                .collect();
            assert_eq!(names.len(), places::PLACES.len());
            let positions: Vec<usize> = want
                .iter()
                .map(|w| {
                    names
                        .iter()
                        .position(|n| n == w)
                        .unwrap_or_else(|| panic!("{w} in {lang:?}"))
                })
                .collect();
            assert!(
                positions.windows(2).all(|w| w[0] < w[1]),
                "{lang:?}: {want:?} at {positions:?} in {names:?}"
            );
        }
        // In English the list is plain alphabetical: it starts with Aktau (PLACES).
        assert_eq!(cities_sorted(Lang::En)[0].en, "Aktau");
    }

    #[test]
    fn a_distance_is_said_as_the_reader_reads_it() {
        // Dushanbe's and Khujand's coordinates as in places.rs; the km are what a reader sees.
        let mut c = Center::stub("a", Country::TJ, 38.5598, 68.787);
        c.city = "Dushanbe".into();
        // In the chosen home city, whatever the km within it (the review saw "0 km").
        assert_eq!(Away::of(&c, 3.4, Some(place("Dushanbe"))), Away::InHomeCity);
        assert_eq!(Away::of(&c, 0.0, Some(place("Dushanbe"))), Away::InHomeCity);
        // From a shared position: under a km, or whole km.
        assert_eq!(Away::of(&c, 0.3, None), Away::UnderOneKm);
        assert_eq!(Away::of(&c, 301.6, None), Away::Km(302));
        assert_eq!(Away::of(&c, 301.6, Some(place("Khujand"))), Away::Km(302));
    }
}
