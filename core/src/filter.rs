//! The filter model: AND across facets, OR within a facet, and how many centers each option gives.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{Center, Country, Dataset, Specialty};
use crate::places;
use crate::search::{keys, Field, TextQuery};

/// What the user has narrowed the centers to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Specialty codes; a center matches if it offers any of them. Empty: no constraint.
    pub specialties: BTreeSet<String>,
    /// Countries; a center matches if it is in any of them. Empty: no constraint.
    pub countries: BTreeSet<Country>,
    /// When set, only centers that treat children.
    pub pediatric: bool,
    /// Free text over names, cities and specialty labels in every language and script;
    /// every word must match somewhere.
    pub text: String,
}

/// One of the filter's facets, used to compute counts "as if this facet were open".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Specialty,
    Country,
    Pediatric,
}

/// How many centers each filter option would give, given the other facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per specialty code: centers offering it that match the other facets.
    pub specialties: BTreeMap<String, usize>,
    /// Per country: centers in it that match the other facets.
    pub countries: BTreeMap<Country, usize>,
    /// Centers treating children that match the other facets.
    pub pediatric: usize,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.specialties.is_empty()
            && self.countries.is_empty()
            && !self.pediatric
            && self.text.trim().is_empty()
    }

    /// Whether a center of `d` passes every facet.
    pub fn matches(&self, center: &Center, d: &Dataset) -> bool {
        Matcher::new(self, d).matches(center, None)
    }
}

/// The search keys of a center's name in every language.
pub(crate) fn center_name_keys(c: &Center) -> Vec<String> {
    std::iter::once(c.name.as_str())
        .chain(c.names.values().map(String::as_str))
        .flat_map(keys)
        .collect()
}

/// The search keys of a city: all its names and former names when the places table knows
/// it, and always the text as written.
pub(crate) fn city_keys(city: &str) -> Vec<String> {
    let mut out = keys(city);
    if let Some(place) = places::find(city) {
        out.extend(place.all_names().flat_map(keys));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The search keys of a specialty: its label in every language and its code.
pub(crate) fn specialty_keys(s: &Specialty) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(s.label.as_str())
        .chain(s.labels.values().map(String::as_str))
        .chain(std::iter::once(s.code.as_str()))
        .flat_map(keys)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Orders matching centers: by text score, best first, ties in dataset order; without a
/// query, in dataset order.
pub(crate) fn rank(mut ids: Vec<usize>, scores: Option<&[f32]>) -> Vec<usize> {
    if let Some(scores) = scores {
        ids.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    }
    ids
}

/// A filter prepared for matching many centers: the plain definition the index must agree
/// with (query keys computed once, each center's keys on the fly).
struct Matcher<'f> {
    filter: &'f Filter,
    text: TextQuery,
    specialty_keys: HashMap<&'f str, Vec<String>>,
}

impl<'f> Matcher<'f> {
    fn new(filter: &'f Filter, d: &'f Dataset) -> Self {
        Matcher {
            filter,
            text: TextQuery::new(&filter.text),
            specialty_keys: d
                .specialties
                .iter()
                .map(|s| (s.code.as_str(), specialty_keys(s)))
                .collect(),
        }
    }

    /// The center's text score (1 without a query; 0 when the query does not match).
    fn score(&self, c: &Center) -> f32 {
        if self.text.is_empty() {
            return 1.0;
        }
        let names = center_name_keys(c);
        let city = city_keys(&c.city);
        let specs: Vec<&String> = c
            .specialties
            .iter()
            .filter_map(|code| self.specialty_keys.get(code.as_str()))
            .flatten()
            .collect();
        let fields = names
            .iter()
            .map(|k| (Field::Name, k.as_str()))
            .chain(city.iter().map(|k| (Field::City, k.as_str())))
            .chain(specs.iter().map(|k| (Field::Specialty, k.as_str())));
        self.text.score(fields)
    }

    fn matches(&self, c: &Center, skip: Option<Facet>) -> bool {
        let f = self.filter;
        (skip == Some(Facet::Specialty)
            || f.specialties.is_empty()
            || c.specialties.iter().any(|s| f.specialties.contains(s)))
            && (skip == Some(Facet::Country)
                || f.countries.is_empty()
                || f.countries.contains(&c.country))
            && (skip == Some(Facet::Pediatric) || !f.pediatric || c.treats_children())
            && self.score(c) > 0.0
    }
}

impl Dataset {
    /// Indices of the centers that pass the filter, in dataset order.
    pub fn filtered(&self, filter: &Filter) -> Vec<usize> {
        let m = Matcher::new(filter, self);
        let ids = self
            .centers
            .iter()
            .enumerate()
            .filter(|(_, c)| m.matches(c, None))
            .map(|(i, _)| i)
            .collect();
        let scores: Option<Vec<f32>> =
            (!m.text.is_empty()).then(|| self.centers.iter().map(|c| m.score(c)).collect());
        rank(ids, scores.as_deref())
    }

    /// For every option, how many centers selecting it would give: the count for an option
    /// ignores its own facet's selection and applies all the others.
    pub fn facet_counts(&self, filter: &Filter) -> FacetCounts {
        let m = Matcher::new(filter, self);
        let mut counts = FacetCounts {
            specialties: self
                .specialties
                .iter()
                .map(|s| (s.code.clone(), 0))
                .collect(),
            countries: Country::ALL.iter().map(|&c| (c, 0)).collect(),
            pediatric: 0,
        };
        for c in &self.centers {
            if m.matches(c, Some(Facet::Specialty)) {
                for code in c.specialties.iter().collect::<BTreeSet<_>>() {
                    if let Some(n) = counts.specialties.get_mut(code) {
                        *n += 1;
                    }
                }
            }
            if m.matches(c, Some(Facet::Country)) {
                *counts.countries.entry(c.country).or_default() += 1;
            }
            if c.treats_children() && m.matches(c, Some(Facet::Pediatric)) {
                counts.pediatric += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A small hand-made dataset; expected results below are read off this table.
    fn dataset() -> Dataset {
        let c = |id: &str, country, city: &str, specs: &[&str], treats_children| Center {
            name: format!("{id} center"),
            names: BTreeMap::from([("ru".to_string(), format!("центр {id}"))]),
            city: city.into(),
            specialties: specs.iter().map(|s| s.to_string()).collect(),
            pediatric: Some(crate::model::Pediatric {
                treats_children,
                services: vec![],
            }),
            ..Center::stub(id, country, 0.0, 0.0)
        };
        Dataset {
            schema: None,
            schema_version: 1,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: ["onc", "ped-onc", "cardio", "neuro"]
                .iter()
                .map(|code| crate::model::Specialty {
                    code: code.to_string(),
                    label: code.to_string(),
                    labels: BTreeMap::new(),
                })
                .collect(),
            centers: vec![
                c("a", Country::KZ, "Astana", &["onc", "ped-onc"], true),
                c("b", Country::KZ, "Almaty", &["cardio"], false),
                c("c", Country::UZ, "Tashkent", &["ped-onc"], true),
                c("d", Country::UZ, "Karshi", &["cardio", "neuro"], false),
                c("e", Country::KG, "Bishkek", &["ped-onc", "onc"], true),
                c("f", Country::TJ, "Dushanbe", &["onc"], false),
            ],
            partnerships: vec![],
            events: vec![],
            hubs: vec![],
        }
    }

    fn filter(specs: &[&str], countries: &[Country], pediatric: bool, text: &str) -> Filter {
        Filter {
            specialties: specs.iter().map(|s| s.to_string()).collect(),
            countries: countries.iter().copied().collect(),
            pediatric,
            text: text.into(),
        }
    }

    #[test]
    fn filter_semantics() {
        use Country::*;
        let cases: &[(Filter, &str)] = &[
            (Filter::default(), "abcdef"),
            (filter(&["ped-onc"], &[], false, ""), "ace"),
            // OR within specialties
            (filter(&["ped-onc", "neuro"], &[], false, ""), "acde"),
            // OR within countries
            (filter(&[], &[KZ, UZ], false, ""), "abcd"),
            // AND across facets: the "pediatric oncology in KZ or UZ that treats children"
            (filter(&["ped-onc"], &[KZ, UZ], true, ""), "ac"),
            (filter(&[], &[], true, ""), "ace"),
            (filter(&["cardio"], &[], true, ""), ""),
            (filter(&[], &[TM], false, ""), ""),
            // text over name (any language) and city
            (filter(&[], &[], false, "tashkent"), "c"),
            // A one-letter word matches by prefix: f is in "Center F" and in Frunze, the former
            // name of Bishkek (center e); the name match ranks first.
            (filter(&[], &[], false, "ЦЕНТР f"), "fe"),
            // Words match whole or by their start: "a" is center A's name and begins Almaty.
            (filter(&[], &[], false, "center a"), "ab"),
            (filter(&["onc"], &[], false, "ALMATY"), ""),
            (filter(&[], &[KG], true, "bish"), "e"),
        ];
        let d = dataset();
        for (f, want) in cases {
            let got: String = d
                .filtered(f)
                .into_iter()
                .map(|i| d.centers[i].id.as_str())
                .collect();
            assert_eq!(got, *want, "{f:?}");
            for c in &d.centers {
                assert_eq!(f.matches(c, &d), want.contains(c.id.as_str()));
            }
        }
    }

    #[test]
    fn counts_apply_the_other_facets() {
        use Country::*;
        let d = dataset();
        let none = d.facet_counts(&Filter::default());
        assert_eq!(none.specialties["onc"], 3);
        assert_eq!(none.specialties["ped-onc"], 3);
        assert_eq!(none.specialties["cardio"], 2);
        assert_eq!(none.countries[&KZ], 2);
        assert_eq!(none.countries[&TM], 0);
        assert_eq!(none.pediatric, 3);

        // With KZ selected, specialty counts narrow to KZ but country counts do not narrow by country.
        let kz = d.facet_counts(&filter(&["cardio"], &[KZ], false, ""));
        assert_eq!(kz.specialties["onc"], 1);
        assert_eq!(kz.specialties["cardio"], 1);
        assert_eq!(kz.countries[&UZ], 1); // d offers cardio
        assert_eq!(kz.countries[&KZ], 1);
        assert_eq!(kz.pediatric, 0);

        assert!(Filter::default().is_empty());
        assert!(filter(&[], &[], false, "  ").is_empty());
        assert!(!filter(&[], &[], true, "").is_empty());
    }
}
