//! A deterministic synthetic dataset for benchmarks and scale tests: any number of centers
//! over the five countries, in the real schema, valid by the validator. Not shipped in the app.
//!
//! Centers gather around real cities (as a national facility registry does) with the bundled
//! dataset's specialty vocabulary, so clustering and filtering see realistic shapes.

use crate::dataset::model::{
    Alias, AliasKind, Care, Center, Country, Dataset, Pediatric, Precision, Source, Status,
    SCHEMA_VERSION,
};
use crate::dataset::text::{Made, Tag, Text, Texts};

/// SplitMix64: tiny, fast and good enough for test data; the same seed gives the same data on
/// every machine (no dependency whose algorithm could change).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Cities of each country with their centres (the bundled dataset's table), and a rough
/// share of the region's facilities (by population).
const CITIES: &[(Country, &str, f64, f64, u32)] = &[
    (Country::KZ, "Astana", 51.1694, 71.4491, 7),
    (Country::KZ, "Almaty", 43.2380, 76.9458, 9),
    (Country::KZ, "Shymkent", 42.3417, 69.5901, 5),
    (Country::KZ, "Karaganda", 49.8047, 73.1094, 3),
    (Country::KZ, "Aktobe", 50.2839, 57.1670, 2),
    (Country::KZ, "Semey", 50.4111, 80.2275, 2),
    (Country::UZ, "Tashkent", 41.2995, 69.2401, 12),
    (Country::UZ, "Samarkand", 39.6270, 66.9750, 6),
    (Country::UZ, "Bukhara", 39.7747, 64.4286, 4),
    (Country::UZ, "Fergana", 40.3864, 71.7864, 6),
    (Country::UZ, "Nukus", 42.4531, 59.6103, 3),
    (Country::UZ, "Karshi", 38.8606, 65.7891, 4),
    (Country::KG, "Bishkek", 42.8746, 74.5698, 6),
    (Country::KG, "Osh", 40.5140, 72.8161, 4),
    (Country::TJ, "Dushanbe", 38.5598, 68.7870, 6),
    (Country::TJ, "Khujand", 40.2826, 69.6222, 4),
    (Country::TJ, "Bokhtar", 37.8364, 68.7803, 3),
    (Country::TM, "Ashgabat", 37.9601, 58.3261, 5),
    (Country::TM, "Turkmenabat", 39.0733, 63.5786, 2),
    (Country::TM, "Mary", 37.5936, 61.8303, 2),
    (Country::TM, "Dashoguz", 41.8363, 59.9666, 2),
];

const KINDS: &[&str] = &[
    "Regional Hospital",
    "Oncology Center",
    "Children's Hospital",
    "Cardiology Center",
    "Perinatal Center",
    "Diagnostic Center",
    "Surgical Clinic",
];

/// The fields of format 2, on a share of the centers as in real data: an abbreviation (one
/// in ten), what children receive of one specialty (one in five), a summary by language (one
/// in twenty).
fn format_two(
    i: usize,
    specialties: &[String],
    treats_children: bool,
    city: &str,
    kind: &str,
) -> (Box<[Alias]>, Box<[Care]>, Texts) {
    let aliases: Box<[Alias]> = if i % 10 == 0 {
        Box::new([Alias {
            text: format!("MC{i}"),
            lang: Some("en".into()),
            kind: Some(AliasKind::Abbreviation),
        }])
    } else {
        Box::default()
    };
    let care: Box<[Care]> = match specialties.first() {
        Some(code) if i % 5 == 0 => Box::new([Care {
            code: code.clone(),
            children: Some(treats_children),
            min_age: None,
            max_age: treats_children.then_some(18),
            status: Status::Operating,
            since: None,
            note: Texts::new(),
            sources: vec![0],
        }]),
        _ => Box::default(),
    };
    let summary = if i % 20 == 0 {
        Texts::from([
            ("en", Text::original(format!("A {kind} in {city}."))),
            (
                "ru",
                Text {
                    text: format!("Медицинский центр в городе {city}."),
                    made: Made::TranslatedFrom(Tag::new("en").unwrap_or_default()),
                },
            ),
        ])
    } else {
        Texts::new()
    };
    (aliases, care, summary)
}

/// `count` synthetic centers from `seed`, with `vocabulary`'s specialties (the bundled
/// dataset's, in practice). Every center validates without errors or warnings.
pub fn generate(
    count: usize,
    seed: u64,
    vocabulary: &[crate::dataset::model::Specialty],
) -> Dataset {
    let mut rng = Rng(seed);
    let total_weight: u32 = CITIES.iter().map(|c| c.4).sum();
    let centers = (0..count)
        .map(|i| {
            let mut pick = rng.below(total_weight as usize) as u32;
            let &(country, city, lat, lon, _) = CITIES
                .iter()
                .find(|c| {
                    let hit = pick < c.4;
                    pick = pick.saturating_sub(c.4);
                    hit
                })
                .unwrap_or(&CITIES[0]);
            // Spread within about 60 km of the city, kept inside the country's box.
            let b = country.bounds();
            let lat = (lat + (rng.unit() - 0.5) * 1.2).clamp(b.south, b.north);
            let lon = (lon + (rng.unit() - 0.5) * 1.6).clamp(b.west, b.east);
            let kind = KINDS[rng.below(KINDS.len())];
            let mut specialties: Vec<String> = (0..1 + rng.below(4))
                .filter_map(|_| vocabulary.get(rng.below(vocabulary.len().max(1))))
                .map(|s| s.code.clone())
                .collect();
            specialties.sort();
            specialties.dedup();
            let treats_children = rng.below(10) < 4;
            let (aliases, care, summary) = format_two(i, &specialties, treats_children, city, kind);
            Center {
                id: format!("synth-{i}"),
                name: format!("{city} {kind} No. {i}").into(),
                names: Texts::from([("ru".to_string(), format!("Медицинский центр № {i}"))]),
                aliases,
                country,
                city: city.to_string(),
                address: Texts::english(format!("{} Synthetic Street, {city}", 1 + i % 200)),
                lat: (lat * 1e5).round() / 1e5,
                lon: (lon * 1e5).round() / 1e5,
                precision: Precision::Building,
                specialties,
                care,
                pediatric: Some(Pediatric {
                    treats_children,
                    services: Vec::new(),
                }),
                capacity: None,
                languages: Vec::new(),
                access: None,
                summary,
                website: None,
                phone: None,
                email: None,
                part_of: None,
                figures: Box::default(),
                sources: vec![Source {
                    title: "Synthetic entry for benchmarks".into(),
                    publisher: Some("Shifo".into()),
                    url: Some(format!("https://example.org/synthetic/{i}")),
                    file: None,
                    date: None,
                    lang: Some("en".into()),
                }],
                last_verified: Some("2026-11-22".into()),
            }
        })
        .collect();
    Dataset {
        schema: None,
        schema_version: SCHEMA_VERSION,
        version: format!("synthetic-{count}-seed-{seed}"),
        updated: "2026-11-22".into(),
        specialties: vocabulary.to_vec(),
        centers,
        partnerships: Vec::new(),
        events: Vec::new(),
        hubs: Vec::new(),
        authorities: Vec::new(),
        translations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::Specialty;

    fn vocabulary() -> Vec<Specialty> {
        ["oncology", "cardiology", "pediatrics"]
            .iter()
            .map(|c| Specialty {
                code: c.to_string(),
                label: c.to_string(),
                labels: Default::default(),
            })
            .collect()
    }

    #[test]
    fn synthetic_data_is_valid_deterministic_and_spread_over_all_countries() {
        let d = generate(2000, 7, &vocabulary());
        let text = serde_json::to_string(&d).unwrap();
        let loaded = Dataset::load(&text).unwrap();
        assert_eq!(loaded.problems, vec![], "valid, without even a warning");
        assert_eq!(loaded.dataset.centers.len(), 2000);
        assert_eq!(
            text,
            serde_json::to_string(&generate(2000, 7, &vocabulary())).unwrap()
        );
        assert_ne!(
            text,
            serde_json::to_string(&generate(2000, 8, &vocabulary())).unwrap()
        );
        for country in Country::ALL {
            let n = d.centers.iter().filter(|c| c.country == country).count();
            assert!(n > 100, "{country}: {n}");
        }
    }
}
