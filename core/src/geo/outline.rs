//! Simplified outlines of the five countries (`public/outlines.json`, made by
//! `scripts/outlines.mjs` from Natural Earth), drawn when the map tiles cannot be loaded.

use std::fmt;

use serde::Deserialize;

use crate::dataset::country::Country;
use crate::geo::bounds::{Bounds, LatLon};

/// The outlines of the five countries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlines {
    /// Where the shapes come from: the attribution to show with them.
    pub source: String,
    /// Each of the five countries once, in the file's order.
    pub countries: Vec<CountryOutline>,
}

/// One country's outline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryOutline {
    /// The country.
    pub code: Country,
    /// Rings of `[lat, lon]` points (Leaflet's order), each with at least three points and not
    /// closed (the last point joins the first). They combine by the even–odd rule: a ring inside
    /// another is a hole (Kyrgyzstan's rings around the Uzbek and Tajik enclaves).
    pub polygons: Vec<Vec<[f64; 2]>>,
}

/// Why outline text was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlineError {
    /// Not JSON. Line and column are 1-based, the column counted in characters.
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// JSON, but not outlines: a missing or unknown field, a wrong type, an unknown country
    /// code, a point that is not a pair of numbers.
    Shape {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// One of the five countries has no entry.
    MissingCountry(Country),
    /// A country has two entries.
    DuplicateCountry(Country),
    /// A country has no rings.
    NoPolygons(Country),
    /// A ring has fewer than three points (a closing repeat of the first point not counted).
    ShortRing {
        /// The ring's country.
        country: Country,
        /// The ring's index in the country's `polygons`.
        ring: usize,
        /// How many points it has.
        points: usize,
    },
    /// A latitude outside -90..=90 or a longitude outside -180..=180.
    OutOfRange {
        /// The point's country.
        country: Country,
        /// The ring's index in the country's `polygons`.
        ring: usize,
        /// The point's index in the ring.
        point: usize,
        /// The point, `[lat, lon]`.
        at: [f64; 2],
    },
}

impl fmt::Display for OutlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutlineError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}"
            ),
            OutlineError::Shape {
                line,
                column,
                message,
            } => write!(f, "not outlines at line {line}, column {column}: {message}"),
            OutlineError::MissingCountry(c) => write!(f, "no outline for {c}"),
            OutlineError::DuplicateCountry(c) => write!(f, "two outlines for {c}"),
            OutlineError::NoPolygons(c) => write!(f, "the outline of {c} has no rings"),
            OutlineError::ShortRing {
                country,
                ring,
                points,
            } => write!(
                f,
                "ring {ring} of {country} has {points} points (at least 3 needed)"
            ),
            OutlineError::OutOfRange {
                country,
                ring,
                point,
                at,
            } => write!(
                f,
                "point {point} of ring {ring} of {country} is not a latitude and longitude: {}, {}",
                at[0], at[1]
            ),
        }
    }
}

impl std::error::Error for OutlineError {}

impl Outlines {
    /// Parses and checks outline text: every country exactly once, each with at least one
    /// ring, every ring at least three points, every point a valid latitude and longitude. A
    /// ring given closed (its first point repeated at the end) is stored open.
    pub fn from_json(text: &str) -> Result<Outlines, OutlineError> {
        let mut outlines: Outlines =
            serde_json::from_str(text).map_err(|e| OutlineError::from_json(&e, text))?;
        let mut seen = Vec::with_capacity(Country::ALL.len());
        for outline in &mut outlines.countries {
            let country = outline.code;
            if seen.contains(&country) {
                return Err(OutlineError::DuplicateCountry(country));
            }
            seen.push(country);
            if outline.polygons.is_empty() {
                return Err(OutlineError::NoPolygons(country));
            }
            for (ring, points) in outline.polygons.iter_mut().enumerate() {
                if points.len() > 1 && points.first() == points.last() {
                    points.pop();
                }
                if points.len() < 3 {
                    let points = points.len();
                    return Err(OutlineError::ShortRing {
                        country,
                        ring,
                        points,
                    });
                }
                let bad = points.iter().position(|&[lat, lon]| {
                    !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
                });
                if let Some(point) = bad {
                    return Err(OutlineError::OutOfRange {
                        country,
                        ring,
                        point,
                        at: points[point],
                    });
                }
            }
        }
        if let Some(&missing) = Country::ALL.iter().find(|c| !seen.contains(c)) {
            return Err(OutlineError::MissingCountry(missing));
        }
        Ok(outlines)
    }

    /// The outline of one country.
    pub fn country(&self, code: Country) -> Option<&CountryOutline> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The box around every ring; `None` when there are no points.
    pub fn bounds(&self) -> Option<Bounds> {
        Bounds::of(
            self.countries
                .iter()
                .flat_map(|c| c.polygons.iter().flatten())
                .map(|&[lat, lon]| LatLon::new(lat, lon)),
        )
    }
}

impl CountryOutline {
    /// Whether the point lies in the country: even–odd ray casting over all its rings, so a
    /// point in a hole (an enclave of a neighbour) is outside. Points exactly on an edge may
    /// fall either way.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let mut inside = false;
        for ring in &self.polygons {
            let Some(mut prev) = ring.last() else {
                continue;
            };
            for point in ring {
                let ([lat1, lon1], [lat2, lon2]) = (*prev, *point);
                // The edge crosses the point's parallel, east of the point.
                if (lat1 > lat) != (lat2 > lat)
                    && lon < lon1 + (lat - lat1) / (lat2 - lat1) * (lon2 - lon1)
                {
                    inside = !inside;
                }
                prev = point;
            }
        }
        inside
    }
}

impl OutlineError {
    /// Converts a serde_json error on `text`, with the column counted in characters.
    fn from_json(e: &serde_json::Error, text: &str) -> OutlineError {
        let full = e.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let message = full
            .rfind(" at line ")
            .map_or(full.as_str(), |i| &full[..i])
            .to_string();
        let line = e.line().max(1);
        // serde_json counts the column in bytes, and 0 before a line's first character.
        let column = text.split('\n').nth(line - 1).map_or(e.column(), |l| {
            let mut end = e.column().min(l.len());
            while !l.is_char_boundary(end) {
                end += 1;
            }
            l[..end].chars().count()
        });
        let column = column.max(1);
        match e.classify() {
            serde_json::error::Category::Data => OutlineError::Shape {
                line,
                column,
                message,
            },
            _ => OutlineError::Syntax {
                line,
                column,
                message,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Dataset;

    const BUNDLED: &str = include_str!("../../../public/outlines.json");

    fn bundled() -> Outlines {
        Outlines::from_json(BUNDLED).expect("public/outlines.json parses")
    }

    #[test]
    fn bundled_outlines_cover_the_five_countries_and_stay_in_the_region() {
        let outlines = bundled();
        assert!(
            outlines.source.contains("Natural Earth"),
            "{}",
            outlines.source
        );
        let codes: Vec<Country> = outlines.countries.iter().map(|c| c.code).collect();
        assert_eq!(codes, Country::ALL);
        // The region's box, as the brief gives it (Kazakhstan's extreme points are 40.57-55.44 N
        // and 46.49-87.36 E, Turkmenistan's southern one 35.14 N).
        let region = Bounds {
            south: 35.0,
            west: 46.0,
            north: 56.0,
            east: 88.0,
        };
        for outline in &outlines.countries {
            for (i, ring) in outline.polygons.iter().enumerate() {
                for &[lat, lon] in ring {
                    assert!(
                        region.contains(LatLon::new(lat, lon)),
                        "{} ring {i}: {lat}, {lon}",
                        outline.code
                    );
                }
            }
        }
        let b = outlines.bounds().expect("points");
        assert!(
            region.contains(LatLon::new(b.south, b.west))
                && region.contains(LatLon::new(b.north, b.east)),
            "{b:?}"
        );
    }

    #[test]
    fn cities_lie_in_their_own_country_and_no_other() {
        use Country::*;
        // City-centre coordinates as the brief gives them (rounded from Wikipedia / GeoNames);
        // the last group are points outside all five countries. The enclave towns' coordinates
        // are from their Wikipedia articles: Sokh 39°58′N 71°08′E (Uzbek, inside Kyrgyzstan),
        // Vorukh 39°51′N 70°35′E (Tajik, inside Kyrgyzstan); and of two cities across a border:
        // Kashgar 39°28′N 75°59′E (China), Orenburg 51°47′N 55°06′E (Russia). Natural Earth's
        // countries include their lakes (the Aral Sea is split between KZ and UZ) but not the
        // Caspian, a sea.
        let cases: [(&str, f64, f64, Option<Country>); 19] = [
            ("Astana", 51.128, 71.43, Some(KZ)),
            ("Almaty", 43.238, 76.946, Some(KZ)),
            ("Tashkent", 41.311, 69.28, Some(UZ)),
            ("Samarkand", 39.654, 66.976, Some(UZ)),
            ("Bishkek", 42.875, 74.603, Some(KG)),
            ("Osh", 40.513, 72.816, Some(KG)),
            ("Dushanbe", 38.56, 68.787, Some(TJ)),
            ("Khujand", 40.283, 69.622, Some(TJ)),
            ("Ashgabat", 37.95, 58.383, Some(TM)),
            ("Turkmenabat", 39.07, 63.58, Some(TM)),
            ("Sokh", 39.967, 71.133, Some(UZ)),
            ("Vorukh", 39.85, 70.583, Some(TJ)),
            ("Tehran", 35.69, 51.39, None),
            ("Urumqi", 43.83, 87.62, None),
            ("Mazar-i-Sharif", 36.71, 67.11, None),
            ("Novosibirsk", 55.03, 82.92, None),
            ("Caspian Sea", 42.0, 50.0, None),
            ("Kashgar", 39.467, 75.983, None),
            ("Orenburg", 51.783, 55.1, None),
        ];
        let outlines = bundled();
        for (city, lat, lon, want) in cases {
            let found: Vec<Country> = outlines
                .countries
                .iter()
                .filter(|c| c.contains(lat, lon))
                .map(|c| c.code)
                .collect();
            assert_eq!(found, Vec::from_iter(want), "{city} ({lat}, {lon})");
        }
    }

    #[test]
    fn every_bundled_center_lies_in_its_own_country() {
        let dataset = Dataset::from_json(include_str!("../../../public/data/centers.json"))
            .expect("bundled dataset loads");
        let outlines = bundled();
        let outside: Vec<String> = dataset
            .centers
            .iter()
            .filter(|c| !outlines.country(c.country).unwrap().contains(c.lat, c.lon))
            .map(|c| format!("{} ({}, {}) {}", c.id, c.lat, c.lon, c.country))
            .collect();
        assert_eq!(outside, Vec::<String>::new());
        assert!(dataset.centers.len() > 10);
    }

    #[test]
    fn contains_follows_the_even_odd_rule() {
        // A 4x4 square with a 2x2 hole, and an island in the hole; all open rings.
        let outline = CountryOutline {
            code: Country::KG,
            polygons: vec![
                vec![[0.0, 0.0], [0.0, 4.0], [4.0, 4.0], [4.0, 0.0]],
                vec![[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0]],
                vec![[1.5, 1.5], [1.5, 2.5], [2.5, 2.5], [2.5, 1.5]],
                vec![],
            ],
        };
        for (lat, lon, want) in [
            (0.5, 0.5, true),
            (3.5, 2.0, true),
            (1.2, 2.0, false),
            (2.0, 2.0, true),
            (5.0, 2.0, false),
            (2.0, -1.0, false),
            (f64::NAN, 2.0, false),
        ] {
            assert_eq!(outline.contains(lat, lon), want, "{lat}, {lon}");
        }
    }

    #[test]
    fn malformed_outlines_are_refused_with_a_reason() {
        use Country::*;
        const TRI: &str = "[[40,60],[41,60],[41,61]]";
        // The five countries with the given polygons for the first one (KZ).
        fn with(first: &str, rest: &[&str]) -> String {
            let mut countries = vec![format!(r#"{{"code":"KZ","polygons":{first}}}"#)];
            countries.extend(
                rest.iter()
                    .map(|c| format!(r#"{{"code":"{c}","polygons":[{TRI}]}}"#)),
            );
            format!(
                r#"{{"source":"test","countries":[{}]}}"#,
                countries.join(",")
            )
        }
        let all = ["UZ", "KG", "TJ", "TM"];
        let ok = with(&format!("[{TRI}]"), &all);
        assert!(Outlines::from_json(&ok).is_ok());
        // A closed ring is accepted and stored open.
        let closed = with("[[[40,60],[41,60],[41,61],[40,60]]]", &all);
        let parsed = Outlines::from_json(&closed).expect("closed ring");
        assert_eq!(parsed.countries[0].polygons[0].len(), 3);

        let syntax = |line, column| OutlineError::Syntax {
            line,
            column,
            message: String::new(),
        };
        let shape = |line, column| OutlineError::Shape {
            line,
            column,
            message: String::new(),
        };
        let cases: Vec<(&str, String, OutlineError)> = vec![
            ("empty text", String::new(), syntax(1, 1)),
            ("not JSON", "outlines".into(), syntax(1, 1)),
            ("cut short", ok[..40].to_string(), syntax(1, 40)),
            // Columns count characters: "–" is three bytes but one column.
            ("after a dash", "{\"source\":\"–\",}".into(), syntax(1, 15)),
            // serde reads a struct from an array too; this one is too short.
            ("an array", "[]".into(), shape(1, 2)),
            ("no countries", r#"{"source":"x"}"#.into(), shape(1, 14)),
            (
                "unknown field",
                r#"{"source":"x","countries":[],"extra":1}"#.into(),
                shape(1, 36),
            ),
            (
                "unknown country",
                r#"{"source":"x","countries":[{"code":"RU","polygons":[]}]}"#.into(),
                shape(1, 39),
            ),
            // serde_json files the next one and the last under syntax ("trailing characters",
            // "number out of range"), pointing at the third number and at the exponent.
            (
                "point of three numbers",
                with("[[[40,60,1]]]", &all),
                syntax(1, 64),
            ),
            (
                "point as a string",
                with(r#"[["40,60"]]"#, &all),
                shape(1, 63),
            ),
            (
                "no countries at all",
                r#"{"source":"x","countries":[]}"#.into(),
                OutlineError::MissingCountry(KZ),
            ),
            (
                "a missing country",
                with(&format!("[{TRI}]"), &["UZ", "KG", "TJ"]),
                OutlineError::MissingCountry(TM),
            ),
            (
                "a repeated country",
                with(&format!("[{TRI}]"), &["UZ", "KG", "TJ", "TM", "UZ"]),
                OutlineError::DuplicateCountry(UZ),
            ),
            ("no rings", with("[]", &all), OutlineError::NoPolygons(KZ)),
            (
                "an empty ring",
                with(&format!("[{TRI},[]]"), &all),
                OutlineError::ShortRing {
                    country: KZ,
                    ring: 1,
                    points: 0,
                },
            ),
            (
                "two points",
                with("[[[40,60],[41,60]]]", &all),
                OutlineError::ShortRing {
                    country: KZ,
                    ring: 0,
                    points: 2,
                },
            ),
            (
                "two points, closed",
                with("[[[40,60],[41,60],[40,60]]]", &all),
                OutlineError::ShortRing {
                    country: KZ,
                    ring: 0,
                    points: 2,
                },
            ),
            (
                "longitude and latitude swapped past 90",
                with("[[[40,60],[41,60],[181,41]]]", &all),
                OutlineError::OutOfRange {
                    country: KZ,
                    ring: 0,
                    point: 2,
                    at: [181.0, 41.0],
                },
            ),
            (
                "longitude past 180",
                with("[[[40,60],[-90,-180],[41,180.5]]]", &all),
                OutlineError::OutOfRange {
                    country: KZ,
                    ring: 0,
                    point: 2,
                    at: [41.0, 180.5],
                },
            ),
            (
                "a number too large for f64",
                with("[[[40,60],[41,60],[41,1e999]]]", &all),
                syntax(1, 81),
            ),
        ];
        for (name, text, want) in cases {
            let got = Outlines::from_json(&text).expect_err(name);
            // Messages are serde_json's; compare everything else.
            let got = match got {
                OutlineError::Syntax { line, column, .. } => syntax(line, column),
                OutlineError::Shape { line, column, .. } => shape(line, column),
                other => other,
            };
            assert_eq!(got, want, "{name}: {text}");
            assert!(!got.to_string().is_empty());
        }
    }
}
