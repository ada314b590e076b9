//! The filter model: AND across facets, OR within a facet, and how many centers each option gives.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::dataset::model::{Center, Country, Dataset, Specialty};
use crate::geo::places;
use crate::query::conditions::{Conditions, Interpretation};
use crate::query::institutions::INSTITUTION_TERM;
use crate::query::search::{keys, Field};
use crate::sort::map_of;

/// What the user has narrowed the centers to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Specialty codes; a center matches if it offers any of them. Empty: no constraint.
    pub specialties: BTreeSet<String>,
    /// Countries; a center matches if it is in any of them. Empty: no constraint.
    pub countries: BTreeSet<Country>,
    /// When set, only centers that treat children.
    pub pediatric: bool,
    /// Hub ids; a center matches if it hosts any of them. Empty: no constraint.
    pub hubs: BTreeSet<String>,
    /// Free text over names, cities and specialty labels in every language and script;
    /// every word must match somewhere.
    pub text: String,
}

impl FacetCounts {
    /// How many centers choosing `choice` would give, given the other facets.
    pub fn of(&self, choice: &Choice) -> usize {
        match choice {
            Choice::Country(c) => self.countries.get(c),
            Choice::Specialty(code) => self.specialties.get(code),
            Choice::Hub(id) => self.hubs.get(id),
            Choice::Children => Some(&self.pediatric),
        }
        .copied()
        .unwrap_or(0)
    }
}

/// One way out of an empty result (see [`Filter::loosenings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loosen {
    /// Drop this choice.
    Without(Choice),
    /// Drop the search text.
    WithoutText,
    /// This choice in place of the facet's (another country).
    Instead(Choice),
}

/// One of the filter's facets, used to compute counts "as if this facet were open".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Specialty,
    Country,
    Pediatric,
    Hub,
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
    /// Per hub id (every hub of the dataset): centers hosting it that match the other facets.
    pub hubs: BTreeMap<String, usize>,
}

/// One option a reader can choose in a facet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Choice {
    /// This country.
    Country(Country),
    /// This specialty code.
    Specialty(String),
    /// This hub id.
    Hub(String),
    /// Only centers that treat children.
    Children,
}

impl Filter {
    /// Whether `choice` is chosen.
    pub fn has(&self, choice: &Choice) -> bool {
        match choice {
            Choice::Country(c) => self.countries.contains(c),
            Choice::Specialty(code) => self.specialties.contains(code),
            Choice::Hub(id) => self.hubs.contains(id),
            Choice::Children => self.pediatric,
        }
    }

    /// Chooses `choice` (`on`) or lets it go.
    pub fn set(&mut self, choice: &Choice, on: bool) {
        fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T, on: bool) {
            if on {
                set.insert(value.clone());
            } else {
                set.remove(value);
            }
        }
        match choice {
            Choice::Country(c) => toggle(&mut self.countries, c, on),
            Choice::Specialty(code) => toggle(&mut self.specialties, code, on),
            Choice::Hub(id) => toggle(&mut self.hubs, id, on),
            Choice::Children => self.pediatric = on,
        }
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.specialties.is_empty()
            && self.countries.is_empty()
            && !self.pediatric
            && self.hubs.is_empty()
            && self.text.trim().is_empty()
    }

    /// How many choices are set: each country, specialty and hub, "treats children", and the
    /// text (as the phone's filter button counts them).
    pub fn active_count(&self) -> usize {
        self.countries.len()
            + self.specialties.len()
            + self.hubs.len()
            + usize::from(self.pediatric)
            + usize::from(!self.text.trim().is_empty())
    }

    /// The ways out of an empty result: for each choice made (and the text), the filter
    /// without it, and for a chosen country, each other country instead.
    pub fn loosenings(&self) -> Vec<(Loosen, Filter)> {
        let mut out = Vec::new();
        let chosen = self
            .countries
            .iter()
            .map(|&c| Choice::Country(c))
            .chain(self.specialties.iter().cloned().map(Choice::Specialty))
            .chain(self.hubs.iter().cloned().map(Choice::Hub))
            .chain(self.pediatric.then_some(Choice::Children));
        for choice in chosen {
            let mut f = self.clone();
            f.set(&choice, false);
            out.push((Loosen::Without(choice), f));
        }
        if !self.text.trim().is_empty() {
            let f = Filter {
                text: String::new(),
                ..self.clone()
            };
            out.push((Loosen::WithoutText, f));
        }
        if !self.countries.is_empty() {
            for &c in Country::ALL.iter().filter(|c| !self.countries.contains(c)) {
                let f = Filter {
                    countries: std::iter::once(c).collect(),
                    ..self.clone()
                };
                out.push((Loosen::Instead(Choice::Country(c)), f));
            }
        }
        out
    }

    /// Whether a center of `d` passes every facet.
    pub fn matches(&self, center: &Center, d: &Dataset) -> bool {
        let words_only = Conditions::none();
        Matcher::new(self, d, &words_only).matches(center, None)
    }
}

/// A center's names in every language and its aliases (abbreviations, former names), which
/// are searched like names.
pub(crate) fn center_names(c: &Center) -> impl Iterator<Item = &str> {
    std::iter::once(c.name.as_str())
        .chain(c.names.values().map(String::as_str))
        .chain(c.aliases.iter().map(|a| a.text.as_str()))
}

/// The search keys of [`center_names`].
pub(crate) fn center_name_keys(c: &Center) -> Vec<String> {
    center_names(c).flat_map(keys).collect()
}

/// The search keys of a city: all its names and former names when the places table knows
/// it, and always the text as written.
pub(crate) fn city_keys(city: &str) -> Vec<String> {
    let mut out = keys(city);
    if let Some(place) = places::find(city) {
        out.extend(place.all_names().flat_map(keys));
    }
    crate::sort::sort_dedup(&mut out);
    out
}

/// The search keys of a specialty: its label in every language and its code.
pub(crate) fn specialty_keys(s: &Specialty) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(s.label.as_str())
        .chain(s.labels.values().map(String::as_str))
        .chain(std::iter::once(s.code.as_str()))
        .flat_map(keys)
        .collect();
    crate::sort::sort_dedup(&mut out);
    out
}

/// Per center id, the ids of the hubs naming it as host (a set: a hub listed twice counts once).
pub(crate) fn hosted_hubs(d: &Dataset) -> HashMap<&str, BTreeSet<&str>> {
    let mut out: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for h in &d.hubs {
        if let Some(host) = &h.host {
            out.entry(host.as_str()).or_default().insert(h.id.as_str());
        }
    }
    out
}

/// Orders matching centers: by text score, best first, ties in dataset order; without a
/// query, in dataset order.
pub(crate) fn rank(mut ids: Vec<usize>, scores: Option<&[f32]>) -> Vec<usize> {
    if let Some(scores) = scores {
        crate::sort::sort_by(&mut ids, |&a, &b| {
            scores[b].total_cmp(&scores[a]).then(a.cmp(&b))
        });
    }
    ids
}

/// What one condition found in a query adds to a center's score: one for the match, a tenth
/// per specialty of the condition the center offers, a fifth more when it offers the first
/// (the condition's own answer: "allogeneic" is first the allogeneic transplant, then one of
/// type not stated), a half when the query asks for a child and a source says children get one
/// of them, minus a half when all of them are only planned. The index adds the same terms in
/// the same order, so both rank alike.
pub(crate) fn condition_term(
    codes: usize,
    first: bool,
    for_children: bool,
    all_planned: bool,
) -> f32 {
    let mut term = 1.0 + 0.1 * codes as f32;
    if first {
        term += 0.2;
    }
    if for_children {
        term += 0.5;
    }
    if all_planned {
        term -= 0.5;
    }
    term
}

/// A filter prepared for matching many centers: the plain definition the index must agree
/// with (query read once, each center's keys on the fly).
struct Matcher<'f> {
    filter: &'f Filter,
    query: Interpretation,
    conditions: &'f Conditions,
    specialty_keys: HashMap<&'f str, Vec<String>>,
    /// Per center id, the ids of the hubs it hosts.
    hosted: HashMap<&'f str, BTreeSet<&'f str>>,
}

impl<'f> Matcher<'f> {
    fn new(filter: &'f Filter, d: &'f Dataset, conditions: &'f Conditions) -> Self {
        Matcher {
            filter,
            query: conditions.interpret(&filter.text),
            conditions,
            specialty_keys: d
                .specialties
                .iter()
                .map(|s| (s.code.as_str(), specialty_keys(s)))
                .collect(),
            hosted: hosted_hubs(d),
        }
    }

    /// The center's text score (1 without a query; 0 when the query does not match): the
    /// words' score, then each condition's [`condition_term`], then each institution
    /// abbreviation's [`INSTITUTION_TERM`].
    fn score(&self, c: &Center) -> f32 {
        let q = &self.query;
        if q.is_empty() {
            return 1.0;
        }
        let mut total = if q.rest.is_empty() {
            0.0
        } else {
            self.words_score(c)
        };
        if !q.rest.is_empty() && total <= 0.0 {
            return 0.0;
        }
        if q.children && !c.treats_children() {
            return 0.0;
        }
        if q.conditions.is_empty() && q.children {
            total += 1.0;
        }
        for &k in &q.conditions {
            let main = self.conditions.conditions[k].specialties.first();
            let offered: Vec<&str> = self.conditions.conditions[k]
                .specialties
                .iter()
                .map(String::as_str)
                .filter(|&code| c.offers(code) && self.specialty_keys.contains_key(code))
                .filter(|&code| !q.children || c.children_get(code) != Some(false))
                .collect();
            if offered.is_empty() {
                return 0.0;
            }
            let for_children = q.children
                && offered
                    .iter()
                    .any(|&code| c.children_get(code) == Some(true));
            let all_planned = offered.iter().all(|&code| c.plans(code));
            let first = main.is_some_and(|m| offered.contains(&m.as_str()));
            total += condition_term(offered.len(), first, for_children, all_planned);
        }
        for &k in &q.institutions {
            if !self.conditions.institutions[k].names_center(c) {
                return 0.0;
            }
            total += INSTITUTION_TERM;
        }
        total
    }

    /// The score of the query's words left by the conditions over names, city and specialties.
    fn words_score(&self, c: &Center) -> f32 {
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
        self.query.rest.score(fields)
    }

    /// The ids of the hubs `c` hosts.
    fn hubs_of(&self, c: &Center) -> impl Iterator<Item = &str> + '_ {
        self.hosted
            .get(c.id.as_str())
            .into_iter()
            .flatten()
            .copied()
    }

    /// Whether `c` offers the chosen specialty `code` in the sense the filter asks: with
    /// "treats children" on (or counted as if on), children must not be excluded from it.
    fn offers_chosen(&self, c: &Center, code: &str, children: bool) -> bool {
        // A specialty is a code the vocabulary declares: a center may still list a code whose
        // vocabulary entry was set aside as invalid, and that code matches nothing, as in the
        // index (found by fuzzing, docs/fuzzing.md).
        self.specialty_keys.contains_key(code) && (!children || c.children_get(code) != Some(false))
    }

    fn matches(&self, c: &Center, skip: Option<Facet>) -> bool {
        let f = self.filter;
        let children = f.pediatric || skip == Some(Facet::Pediatric);
        (skip == Some(Facet::Specialty)
            || f.specialties.is_empty()
            || c.specialties
                .iter()
                .any(|s| f.specialties.contains(s) && self.offers_chosen(c, s, children)))
            && (skip == Some(Facet::Country)
                || f.countries.is_empty()
                || f.countries.contains(&c.country))
            && (skip == Some(Facet::Pediatric) || !f.pediatric || c.treats_children())
            && (skip == Some(Facet::Hub)
                || f.hubs.is_empty()
                || self.hubs_of(c).any(|h| f.hubs.contains(h)))
            && self.score(c) > 0.0
    }
}

impl Dataset {
    /// Indices of the centers that pass the filter, best text matches first, else in dataset
    /// order; the text is searched as words only (see [`Dataset::filtered_by`]).
    pub fn filtered(&self, filter: &Filter) -> Vec<usize> {
        self.filtered_by(filter, &Conditions::none())
    }

    /// [`Dataset::filtered`] with the text read through a condition vocabulary.
    pub fn filtered_by(&self, filter: &Filter, conditions: &Conditions) -> Vec<usize> {
        let m = Matcher::new(filter, self, conditions);
        let ids = self
            .centers
            .iter()
            .enumerate()
            .filter(|(_, c)| m.matches(c, None))
            .map(|(i, _)| i)
            .collect();
        let scores: Option<Vec<f32>> =
            (!m.query.is_empty()).then(|| self.centers.iter().map(|c| m.score(c)).collect());
        rank(ids, scores.as_deref())
    }

    /// For every option, how many centers selecting it would give: the count for an option
    /// ignores its own facet's selection and applies all the others.
    pub fn facet_counts(&self, filter: &Filter) -> FacetCounts {
        self.facet_counts_by(filter, &Conditions::none())
    }

    /// [`Dataset::facet_counts`] with the text read through a condition vocabulary.
    pub fn facet_counts_by(&self, filter: &Filter, conditions: &Conditions) -> FacetCounts {
        let m = Matcher::new(filter, self, conditions);
        let mut counts = FacetCounts {
            specialties: map_of(self.specialties.iter().map(|s| (s.code.clone(), 0))),
            countries: map_of(Country::ALL.iter().map(|&c| (c, 0))),
            pediatric: 0,
            hubs: map_of(self.hubs.iter().map(|h| (h.id.clone(), 0))),
        };
        for c in &self.centers {
            if m.matches(c, Some(Facet::Specialty)) {
                // Each code once, in a center that lists one twice; with "treats children" on,
                // only the codes children are not excluded from.
                let once = |(k, code): &(usize, &String)| !c.specialties[..*k].contains(code);
                for (_, code) in c.specialties.iter().enumerate().filter(once) {
                    if filter.pediatric && c.children_get(code) == Some(false) {
                        continue;
                    }
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
            if m.matches(c, Some(Facet::Hub)) {
                for id in m.hubs_of(c) {
                    if let Some(n) = counts.hubs.get_mut(id) {
                        *n += 1;
                    }
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_set_and_count() {
        let mut f = Filter::default();
        let cases = [
            Choice::Country(Country::TJ),
            Choice::Specialty("oncology".into()),
            Choice::Hub("h1".into()),
            Choice::Children,
        ];
        for choice in &cases {
            assert!(!f.has(choice));
            f.set(choice, true);
            assert!(f.has(choice), "{choice:?}");
        }
        assert_eq!(f.active_count(), 4);
        for choice in &cases {
            f.set(choice, false);
            assert!(!f.has(choice), "{choice:?}");
        }
        assert!(f.is_empty());
        let counts = FacetCounts {
            pediatric: 3,
            countries: [(Country::TJ, 2)].into(),
            ..FacetCounts::default()
        };
        assert_eq!(counts.of(&Choice::Children), 3);
        assert_eq!(counts.of(&Choice::Country(Country::TJ)), 2);
        assert_eq!(counts.of(&Choice::Hub("none".into())), 0);
    }
    use crate::dataset::text::Texts;
    use std::collections::BTreeMap;

    #[test]
    fn active_count_counts_each_choice() {
        // (filter, expected): one per country, specialty and hub, one for children, one for
        // text that is more than spaces.
        let f =
            |countries: &[Country], specs: &[&str], hubs: &[&str], pediatric, text: &str| Filter {
                countries: countries.iter().copied().collect(),
                specialties: specs.iter().map(|s| s.to_string()).collect(),
                hubs: hubs.iter().map(|s| s.to_string()).collect(),
                pediatric,
                text: text.into(),
            };
        let table = [
            (Filter::default(), 0),
            (f(&[Country::KZ, Country::UZ], &[], &[], false, ""), 2),
            (f(&[], &["onc"], &["h1"], true, ""), 3),
            (f(&[], &[], &[], false, "   "), 0),
            (
                f(&[Country::TJ], &["onc", "cardio"], &[], true, "proton"),
                5,
            ),
        ];
        for (filter, want) in table {
            assert_eq!(filter.active_count(), want, "{filter:?}");
        }
    }

    /// A small hand-made dataset; expected results below are read off this table.
    fn dataset() -> Dataset {
        let c = |id: &str, country, city: &str, specs: &[&str], treats_children| Center {
            name: format!("{id} center").into(),
            names: Texts::from([("ru".to_string(), format!("центр {id}"))]),
            city: city.into(),
            specialties: specs.iter().map(|s| s.to_string()).collect(),
            pediatric: Some(crate::dataset::model::Pediatric {
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
                .map(|code| crate::dataset::model::Specialty {
                    code: code.to_string(),
                    label: code.to_string(),
                    labels: Texts::new(),
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
            // h1 at a, h2 at c and e, h3 without a host, h4 naming a center not in the data.
            hubs: vec![
                hub("h1", Some("a")),
                hub("h2", Some("c")),
                hub("h2", Some("e")),
                hub("h3", None),
                hub("h4", Some("zz")),
            ],
            authorities: Vec::new(),
            translations: Vec::new(),
        }
    }

    fn hub(id: &str, host: Option<&str>) -> crate::dataset::model::Hub {
        crate::dataset::model::Hub {
            id: id.into(),
            name: id.into(),
            names: Texts::new(),
            status: crate::dataset::model::HubStatus::Proposed,
            date: None,
            proposed_by: None,
            host: host.map(str::to_string),
            scope: Texts::new(),
            figures: Box::default(),
            sources: vec![],
        }
    }

    /// `f` narrowed to the hubs `ids`.
    fn hubs(f: Filter, ids: &[&str]) -> Filter {
        Filter {
            hubs: ids.iter().map(|s| s.to_string()).collect(),
            ..f
        }
    }

    fn filter(specs: &[&str], countries: &[Country], pediatric: bool, text: &str) -> Filter {
        Filter {
            specialties: specs.iter().map(|s| s.to_string()).collect(),
            countries: countries.iter().copied().collect(),
            pediatric,
            hubs: BTreeSet::new(),
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
            // A one-letter word beside others matches only a one-letter word: f is center F's
            // name, and no longer Frunze, the former name of Bishkek (center e), which "f"
            // alone still begins (the "T" of "CAR T" must not find every word in t).
            (filter(&[], &[], false, "ЦЕНТР f"), "f"),
            (filter(&[], &[], false, "f"), "fe"),
            // Likewise "a" is center A's name, and Almaty (center b) is no longer found by it.
            (filter(&[], &[], false, "center a"), "a"),
            (filter(&["onc"], &[], false, "ALMATY"), ""),
            (filter(&[], &[KG], true, "bish"), "e"),
            // Hubs: OR within the facet, AND with the others (table in `dataset`).
            (hubs(Filter::default(), &["h1"]), "a"),
            (hubs(Filter::default(), &["h2"]), "ce"),
            (hubs(Filter::default(), &["h1", "h2"]), "ace"),
            (hubs(filter(&[], &[KG], false, ""), &["h1", "h2"]), "e"),
            (hubs(filter(&["onc"], &[], false, ""), &["h2"]), "e"),
            // No host, a host not in the data, an unknown id: nothing hosts them.
            (hubs(Filter::default(), &["h3"]), ""),
            (hubs(Filter::default(), &["h4"]), ""),
            (hubs(Filter::default(), &["nope"]), ""),
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
        assert!(!hubs(Filter::default(), &["h3"]).is_empty());

        // Hub counts, read off the table in `dataset`: h1 at a, h2 at c and e.
        assert_eq!(
            none.hubs,
            BTreeMap::from([
                ("h1".to_string(), 1),
                ("h2".to_string(), 2),
                ("h3".to_string(), 0),
                ("h4".to_string(), 0),
            ])
        );
        // With h1 chosen, hub counts do not narrow by hub, the others do (only a hosts h1).
        let h1 = d.facet_counts(&hubs(filter(&[], &[UZ], false, ""), &["h1"]));
        assert_eq!(h1.hubs["h1"], 0); // a is in KZ
        assert_eq!(h1.hubs["h2"], 1); // c is in UZ
        assert_eq!(h1.countries[&KZ], 1);
        assert_eq!(h1.countries[&UZ], 0);
        assert_eq!(h1.specialties["onc"], 0); // a is in KZ, not UZ
        assert_eq!(h1.pediatric, 0);
    }

    #[test]
    fn children_with_a_specialty_means_that_specialty_for_children() {
        // The rule: "treats children" with a specialty means that specialty given to
        // children. Center a treats children but its sources say "onc" is for adults only
        // (as NROC Astana's bone-marrow transplants, per its source); e gives "onc" to
        // children; c's "onc" status is not stated.
        let mut d = dataset();
        let adults_only = |code: &str, children| crate::dataset::model::Care {
            code: code.into(),
            children: Some(children),
            min_age: None,
            max_age: None,
            status: Default::default(),
            since: None,
            note: Texts::new(),
            sources: vec![],
        };
        d.centers[0].care = Box::new([adults_only("onc", false)]);
        d.centers[4].care = Box::new([adults_only("onc", true)]);
        let ids = |f: &Filter| -> Vec<&str> {
            d.filtered(f)
                .iter()
                .map(|&i| d.centers[i].id.as_str())
                .collect()
        };
        let onc = filter(&["onc"], &[], false, "");
        assert_eq!(ids(&onc), ["a", "e", "f"]);
        let onc_children = filter(&["onc"], &[], true, "");
        assert_eq!(ids(&onc_children), ["e"]);
        // The counts say the same before the box is ticked: ticking it would give e alone,
        // and with it ticked, "onc" counts e alone while "ped-onc" still counts a, c and e.
        assert_eq!(d.facet_counts(&onc).pediatric, 1);
        let counts = d.facet_counts(&onc_children);
        assert_eq!(counts.specialties["onc"], 1);
        assert_eq!(counts.specialties["ped-onc"], 3);
        assert_eq!(d.centers[2].children_get("onc"), None);
        assert_eq!(d.centers[1].children_get("cardio"), Some(false));
    }

    #[test]
    fn an_empty_result_offers_each_choice_dropped_and_other_countries() {
        // Pediatric oncology in Tajikistan, with "treats children": dataset() has none there.
        let d = dataset();
        let f = filter(&["ped-onc"], &[Country::TJ], true, "center");
        assert!(d.filtered(&f).is_empty());
        let ways: Vec<(Loosen, usize)> = f
            .loosenings()
            .into_iter()
            .map(|(way, g)| (way, d.filtered(&g).len()))
            .collect();
        assert_eq!(
            ways,
            [
                // Without Tajikistan: a, c and e offer ped-onc to children.
                (Loosen::Without(Choice::Country(Country::TJ)), 3),
                // Without the specialty: f in Dushanbe does not treat children.
                (Loosen::Without(Choice::Specialty("ped-onc".into())), 0),
                (Loosen::Without(Choice::Children), 0),
                (Loosen::WithoutText, 0),
                (Loosen::Instead(Choice::Country(Country::KZ)), 1),
                (Loosen::Instead(Choice::Country(Country::UZ)), 1),
                (Loosen::Instead(Choice::Country(Country::KG)), 1),
                (Loosen::Instead(Choice::Country(Country::TM)), 0),
            ]
        );
    }
}
