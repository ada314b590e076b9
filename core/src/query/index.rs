//! Filtering that scales: bitsets built once per dataset, so a filter change costs a few
//! thousand word operations at 50,000 centers instead of a pass over every center's fields.
//!
//! [`Dataset::filtered`] and [`Dataset::facet_counts`] stay as the plain definition; a property
//! test checks that the index gives exactly their answers.

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, Mutex, OnceLock};

use crate::dataset::load::Loaded;
use crate::dataset::model::{Center, Country, Dataset};
use crate::geo::bounds::{Bounds, LatLon};
use crate::geo::cluster::{Cluster, Mark, Mercator};
use crate::query::conditions::{Conditions, Interpretation};
use crate::query::filter::condition_term;
use crate::query::filter::{center_name_keys, city_keys, hosted_hubs, rank, specialty_keys};
use crate::query::filter::{FacetCounts, Filter};
use crate::query::institutions::INSTITUTION_TERM;
use crate::query::search::{combine, Field, TextQuery};
use crate::sort::map_of;

/// A set of center indices as a bitset.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if n % 64 != 0 {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn or_assign(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn and_not_assign(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn and(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }

    /// The size of `self & a & b`, without building it.
    fn count_and(&self, a: &Bits, b: &Bits) -> usize {
        self.0
            .iter()
            .zip(&a.0)
            .zip(&b.0)
            .map(|((x, y), z)| (x & y & z).count_ones() as usize)
            .sum()
    }

    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// The scores of the last few text queries asked of an index: a keystroke asks for the list,
/// the counts and the suggestions' counts, and scoring is the costly part of each. Not part
/// of what an index is: clones start empty and every two caches compare equal.
#[derive(Default)]
struct ScoreCache(Mutex<Vec<(CacheKey, Arc<[f32]>)>>);

/// How many queries' scores [`ScoreCache`] keeps: the query typed and the suggestions' ones.
const CACHED_QUERIES: usize = 12;

/// A query as read, the vocabulary it was read with, and whether that vocabulary had found the
/// centers its kinds of institutions name (before, an abbreviation matches nothing).
type CacheKey = (Interpretation, u64, bool);

impl ScoreCache {
    /// The scores of `query`, computed by `score` unless they are among the last ones asked for.
    fn get_or(&self, query: &CacheKey, score: impl FnOnce() -> Vec<f32>) -> Arc<[f32]> {
        // A poisoned lock only means a panic elsewhere; the cache is then simply bypassed.
        if let Ok(last) = self.0.lock() {
            if let Some((_, s)) = last.iter().find(|(q, _)| q == query) {
                return s.clone();
            }
        }
        let scores: Arc<[f32]> = score().into();
        if let Ok(mut last) = self.0.lock() {
            if last.len() == CACHED_QUERIES {
                last.remove(0);
            }
            last.push((query.clone(), scores.clone()));
        }
        scores
    }
}

impl Clone for ScoreCache {
    fn clone(&self) -> ScoreCache {
        ScoreCache::default()
    }
}

impl PartialEq for ScoreCache {
    fn eq(&self, _: &ScoreCache) -> bool {
        true
    }
}

impl std::fmt::Debug for ScoreCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScoreCache")
    }
}

/// Each search key of every center's names, with the centers holding it, sorted so that two
/// indexes of one dataset are equal.
fn name_dictionary(d: &Dataset) -> Vec<(String, Vec<u32>)> {
    let mut builder = TextBuilder::default();
    builder.add(d, d.centers.len());
    builder.finish()
}

/// The name dictionary of [`Index::prepare_text`], built a slice of centers at a time so that
/// no slice holds the page for long (at 50,000 centers the whole takes ~250 ms of wasm).
#[derive(Debug, Default)]
pub struct TextBuilder {
    /// The next center to add.
    next: usize,
    names: HashMap<String, Vec<u32>>,
}

impl TextBuilder {
    /// Adds the names of up to `count` more centers; whether every center is in.
    fn add(&mut self, d: &Dataset, count: usize) -> bool {
        let end = self.next.saturating_add(count).min(d.centers.len());
        for (i, c) in d.centers.iter().enumerate().take(end).skip(self.next) {
            let mut keys = center_name_keys(c);
            crate::sort::sort_dedup(&mut keys);
            for key in keys {
                self.names.entry(key).or_default().push(i as u32);
            }
        }
        self.next = end;
        end == d.centers.len()
    }

    /// The dictionary, sorted.
    fn finish(self) -> Vec<(String, Vec<u32>)> {
        let mut names: Vec<(String, Vec<u32>)> = self.names.into_iter().collect();
        crate::sort::sort_by(&mut names, |a, b| a.0.cmp(&b.0));
        names
    }
}

/// Bitsets per specialty, country, "treats children" and hub, and each center's folded text, all
/// built once when a dataset is loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    len: usize,
    /// Codes in vocabulary order, each with the centers offering it.
    specialties: Vec<(String, Bits)>,
    by_code: HashMap<String, usize>,
    countries: Vec<(Country, Bits)>,
    children: Bits,
    /// Hub ids in dataset order (each once), each with the centers hosting it.
    hubs: Vec<(String, Bits)>,
    by_hub: HashMap<String, usize>,
    /// The search keys of names in every language, each with the centers whose name holds it.
    /// The costliest part to build (every name of every center folded), so a loaded dataset
    /// builds it after the first draw or at the first search ([`Index::prepare_text`]).
    names: OnceLock<Vec<(String, Vec<u32>)>>,
    /// The last query's scores: a keystroke asks for the list and for the counts, and
    /// scoring every key of the dictionary is the costly part of both.
    last_scores: ScoreCache,
    /// Each distinct city's search keys (every name and former name), its centers, and the
    /// first of them (whose `city` names it).
    cities: Vec<(Vec<String>, Bits, usize)>,
    /// Each specialty's search keys (its label in every language and its code), in
    /// vocabulary order like `specialties`.
    specialty_words: Vec<Vec<String>>,
    /// Per specialty, in vocabulary order: the centers whose sources say children do not
    /// receive it, those saying they do, and those where it is only planned.
    adult_only: Vec<Bits>,
    children_yes: Vec<Bits>,
    planned: Vec<Bits>,
    /// Each center's latitude and longitude, and its Web Mercator projection, for clustering.
    points: Vec<LatLon>,
    projected: Vec<Mercator>,
}

/// Up to this many filtered centers, [`Index::group_places`] names the places of each group.
pub const NAME_GROUPS_UP_TO: usize = 1_000;

/// A group's marker names up to this many of its cities, the ones with most centers.
pub const PLACES_NAMED: usize = 3;

impl Index {
    /// Builds the index of a dataset (linear in its size), the text part included.
    pub fn new(d: &Dataset) -> Index {
        let index = Index::without_names(d);
        index.prepare_text(d);
        index
    }

    /// Builds the name dictionary for text search, unless it is built already. `d` must be the
    /// dataset the index was built from.
    pub fn prepare_text(&self, d: &Dataset) {
        self.names.get_or_init(|| name_dictionary(d));
    }

    /// [`Index::prepare_text`] a slice at a time: adds up to `count` more centers to
    /// `builder` and, once every center is in, makes the dictionary the index's. Returns
    /// whether text search is ready. The same `builder` must be passed until then; if
    /// `prepare_text` ran meanwhile (a query came first), the builder's work is dropped.
    pub fn prepare_text_step(&self, d: &Dataset, builder: &mut TextBuilder, count: usize) -> bool {
        if self.text_ready() {
            return true;
        }
        if builder.add(d, count) {
            let names = std::mem::take(builder).finish();
            let _ = self.names.set(names);
            return true;
        }
        false
    }

    /// Whether text search is ready (see [`Index::prepare_text`]).
    pub fn text_ready(&self) -> bool {
        self.names.get().is_some()
    }

    /// The centers whose names (any language, aliases too) hold every one of `keys`,
    /// ascending; none before [`Index::prepare_text`], or for no key.
    pub(crate) fn centers_with_every_key(&self, keys: &[&str]) -> Vec<u32> {
        let names = self.names.get().map_or(&[][..], Vec::as_slice);
        let holding = |key: &str| -> &[u32] {
            names
                .binary_search_by(|(k, _)| k.as_str().cmp(key))
                .map_or(&[], |at| names[at].1.as_slice())
        };
        let Some((first, others)) = keys.split_first() else {
            return Vec::new();
        };
        // Each center once per key, ascending: a center is in a list or not.
        let mut out = holding(first).to_vec();
        for key in others {
            let these = holding(key);
            out.retain(|c| these.binary_search(c).is_ok());
        }
        out
    }

    /// The index without the name dictionary, which [`Index::prepare_text`] adds later.
    pub(crate) fn without_names(d: &Dataset) -> Index {
        let len = d.centers.len();
        let by_code: HashMap<String, usize> = d
            .specialties
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code.clone(), i))
            .collect();
        let mut specialties: Vec<(String, Bits)> = d
            .specialties
            .iter()
            .map(|s| (s.code.clone(), Bits::empty(len)))
            .collect();
        let mut countries: Vec<(Country, Bits)> = Country::ALL
            .iter()
            .map(|&c| (c, Bits::empty(len)))
            .collect();
        let mut children = Bits::empty(len);
        let mut by_hub: HashMap<String, usize> = HashMap::new();
        let mut hubs: Vec<(String, Bits)> = Vec::new();
        for h in &d.hubs {
            by_hub.entry(h.id.clone()).or_insert_with(|| {
                hubs.push((h.id.clone(), Bits::empty(len)));
                hubs.len() - 1
            });
        }
        let hosted = hosted_hubs(d);
        let mut city_ids: HashMap<&str, usize> = HashMap::new();
        let mut cities: Vec<(Vec<String>, Bits, usize)> = Vec::new();
        for (i, c) in d.centers.iter().enumerate() {
            for code in &c.specialties {
                if let Some(&k) = by_code.get(code) {
                    specialties[k].1.set(i);
                }
            }
            if let Some(k) = Country::ALL.iter().position(|&x| x == c.country) {
                countries[k].1.set(i);
            }
            if c.treats_children() {
                children.set(i);
            }
            // Hashing every id costs ~10 ms at 50,000 centers: only when some hub has a host.
            if !hosted.is_empty() {
                for id in hosted.get(c.id.as_str()).into_iter().flatten() {
                    if let Some(&k) = by_hub.get(*id) {
                        hubs[k].1.set(i);
                    }
                }
            }
            let k = *city_ids.entry(c.city.as_str()).or_insert_with(|| {
                cities.push((city_keys(&c.city), Bits::empty(len), i));
                cities.len() - 1
            });
            cities[k].1.set(i);
        }
        let per_code = |pick: &dyn Fn(&Center, &str) -> bool| -> Vec<Bits> {
            d.specialties
                .iter()
                .zip(&specialties)
                .map(|(s, (_, offering))| {
                    let mut bits = Bits::empty(len);
                    for i in offering.ones().filter(|&i| pick(&d.centers[i], &s.code)) {
                        bits.set(i);
                    }
                    bits
                })
                .collect()
        };
        let adult_only = per_code(&|c, code| c.children_get(code) == Some(false));
        let children_yes = per_code(&|c, code| c.children_get(code) == Some(true));
        let planned = per_code(&|c, code| c.plans(code));
        let points: Vec<LatLon> = d.centers.iter().map(Center::position).collect();
        let projected = points.iter().map(|&p| Mercator::project(p)).collect();
        Index {
            len,
            specialties,
            by_code,
            countries,
            children,
            hubs,
            by_hub,
            names: OnceLock::new(),
            last_scores: ScoreCache::default(),
            cities,
            specialty_words: d.specialties.iter().map(specialty_keys).collect(),
            adult_only,
            children_yes,
            planned,
            points,
            projected,
        }
    }

    /// Each center's relevance to `query` (0 when it does not match), as
    /// [`TextQuery::score`] defines it over the center's name, city and specialty keys.
    pub fn text_scores(&self, query: &TextQuery) -> Vec<f32> {
        self.scores_in(query, true)
    }

    /// Each center's relevance to `query` as [`Index::text_scores`], over its names only: the
    /// centers a suggestion names.
    pub fn name_scores(&self, query: &TextQuery) -> Vec<f32> {
        self.scores_in(query, false)
    }

    /// The cities whose names (in any language, former ones too) match every word of `query`,
    /// best first, each as the first of its centers (whose `city` names it).
    pub fn cities_matching(&self, query: &TextQuery) -> Vec<usize> {
        let mut found: Vec<(f32, usize)> = self
            .cities
            .iter()
            .map(|(keys, _, first)| {
                let fields = keys.iter().map(|k| (Field::City, k.as_str()));
                (query.score(fields), *first)
            })
            .filter(|(score, _)| *score > 0.0)
            .collect();
        crate::sort::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0));
        found.into_iter().map(|(_, first)| first).collect()
    }

    /// [`Index::text_scores`], over the names only unless `every_field`.
    fn scores_in(&self, query: &TextQuery, every_field: bool) -> Vec<f32> {
        let mut total = vec![0.0f32; self.len];
        let mut alive = vec![true; self.len];
        // One score vector per field, as `combine` wants them.
        let mut word = [
            vec![0.0f32; self.len],
            vec![0.0f32; self.len],
            vec![0.0f32; self.len],
        ];
        for (q, exact) in query.each() {
            word.iter_mut()
                .for_each(|w| w.iter_mut().for_each(|s| *s = 0.0));
            let names = &mut word[Field::Name as usize];
            // Unprepared, names match nothing; `Loaded` prepares before any text query.
            for (key, centers) in self.names.get().map_or(&[][..], Vec::as_slice) {
                let s = Field::Name.quality(q, exact, key);
                if s > 0.0 {
                    for &c in centers {
                        names[c as usize] = names[c as usize].max(s);
                    }
                }
            }
            let groups = self
                .cities
                .iter()
                .map(|(keys, bits, _)| (keys, bits, Field::City))
                .chain(
                    self.specialty_words
                        .iter()
                        .zip(&self.specialties)
                        .map(|(keys, (_, bits))| (keys, bits, Field::Specialty)),
                )
                .filter(|_| every_field);
            for (keys, bits, field) in groups {
                let s = keys
                    .iter()
                    .map(|k| field.quality(q, exact, k))
                    .fold(0.0f32, f32::max);
                if s > 0.0 {
                    let scores = &mut word[field as usize];
                    for c in bits.ones() {
                        scores[c] = scores[c].max(s);
                    }
                }
            }
            for (c, (t, a)) in total.iter_mut().zip(alive.iter_mut()).enumerate() {
                let w = combine([word[0][c], word[1][c], word[2][c]]);
                if w > 0.0 {
                    *t += w;
                } else {
                    *a = false;
                }
            }
        }
        total
            .into_iter()
            .zip(alive)
            .map(|(t, a)| if a { t } else { 0.0 })
            .collect()
    }

    /// Whether any center hosts the hub with this id (a hub that can narrow the map).
    pub fn hub_has_hosts(&self, id: &str) -> bool {
        self.by_hub
            .get(id)
            .is_some_and(|&k| self.hubs[k].1 .0.iter().any(|&w| w != 0))
    }

    /// The centers offering any of `codes`; with `children`, less those whose sources say
    /// children do not receive it.
    fn offering(&self, codes: impl IntoIterator<Item = impl AsRef<str>>, children: bool) -> Bits {
        let mut out = Bits::empty(self.len);
        for code in codes {
            if let Some(&k) = self.by_code.get(code.as_ref()) {
                let mut bits = self.specialties[k].1.clone();
                if children {
                    bits.and_not_assign(&self.adult_only[k]);
                }
                out.or_assign(&bits);
            }
        }
        out
    }

    /// The sets each facet of `filter` allows (specialty, country, children, hub, text), and
    /// the text scores when there is a query.
    fn facets(&self, f: &Filter, conditions: &Conditions) -> ([Bits; 5], Option<Arc<[f32]>>) {
        let spec = if f.specialties.is_empty() {
            Bits::full(self.len)
        } else {
            self.offering(&f.specialties, f.pediatric)
        };
        let mut country = if f.countries.is_empty() {
            Bits::full(self.len)
        } else {
            Bits::empty(self.len)
        };
        for (c, bits) in &self.countries {
            if f.countries.contains(c) {
                country.or_assign(bits);
            }
        }
        let children = if f.pediatric {
            self.children.clone()
        } else {
            Bits::full(self.len)
        };
        let mut hub = if f.hubs.is_empty() {
            Bits::full(self.len)
        } else {
            Bits::empty(self.len)
        };
        for id in &f.hubs {
            if let Some(&k) = self.by_hub.get(id) {
                hub.or_assign(&self.hubs[k].1);
            }
        }
        let query = conditions.interpret(&f.text);
        if query.is_empty() {
            return ([spec, country, children, hub, Bits::full(self.len)], None);
        }
        let key = (
            query,
            conditions.serial(),
            conditions.institutions_prepared(),
        );
        let scores = self
            .last_scores
            .get_or(&key, || self.query_scores(&key.0, conditions));
        let mut text = Bits::empty(self.len);
        for (i, &s) in scores.iter().enumerate() {
            if s > 0.0 {
                text.set(i);
            }
        }
        ([spec, country, children, hub, text], Some(scores))
    }

    /// Each center's relevance to a query as read (0 when it does not match): the score of its
    /// words, then each condition's term, then each institution abbreviation's, as the plain
    /// definition adds them.
    fn query_scores(&self, q: &Interpretation, conditions: &Conditions) -> Vec<f32> {
        let mut total = if q.rest.is_empty() {
            vec![0.0f32; self.len]
        } else {
            self.text_scores(&q.rest)
        };
        let mut alive: Vec<bool> = if q.rest.is_empty() {
            vec![true; self.len]
        } else {
            total.iter().map(|&t| t > 0.0).collect()
        };
        if q.children {
            for (i, a) in alive.iter_mut().enumerate() {
                *a &= self.children.has(i);
            }
            if q.conditions.is_empty() {
                total.iter_mut().for_each(|t| *t += 1.0);
            }
        }
        for &k in &q.conditions {
            // Per center: how many of the condition's codes it offers, whether children get
            // one, whether one is given now.
            let mut offered = vec![0usize; self.len];
            let mut for_children = vec![false; self.len];
            let mut operating = vec![false; self.len];
            let mut first = vec![false; self.len];
            for (n, code) in conditions.conditions[k].specialties.iter().enumerate() {
                let Some(&j) = self.by_code.get(code) else {
                    continue;
                };
                let mut bits = self.specialties[j].1.clone();
                if q.children {
                    bits.and_not_assign(&self.adult_only[j]);
                }
                for i in bits.ones() {
                    offered[i] += 1;
                    for_children[i] |= q.children && self.children_yes[j].has(i);
                    operating[i] |= !self.planned[j].has(i);
                    first[i] |= n == 0;
                }
            }
            for i in 0..self.len {
                if offered[i] == 0 {
                    alive[i] = false;
                } else {
                    total[i] +=
                        condition_term(offered[i], first[i], for_children[i], !operating[i]);
                }
            }
        }
        for &k in &q.institutions {
            let mut named = vec![false; self.len];
            for &i in conditions.centers_named(k) {
                if let Some(n) = named.get_mut(i as usize) {
                    *n = true;
                }
            }
            for (i, n) in named.into_iter().enumerate() {
                if n {
                    total[i] += INSTITUTION_TERM;
                } else {
                    alive[i] = false;
                }
            }
        }
        total
            .into_iter()
            .zip(alive)
            .map(|(t, a)| if a { t } else { 0.0 })
            .collect()
    }

    /// Indices of the centers passing the filter, best text matches first, else in dataset
    /// order; same as [`Dataset::filtered`].
    pub fn filtered(&self, f: &Filter) -> Vec<usize> {
        self.filtered_by(f, &Conditions::none())
    }

    /// [`Index::filtered`] with the text read through a condition vocabulary; same as
    /// [`Dataset::filtered_by`].
    pub fn filtered_by(&self, f: &Filter, conditions: &Conditions) -> Vec<usize> {
        let ([spec, country, children, hub, text], scores) = self.facets(f, conditions);
        let ids = spec
            .and(&country)
            .and(&children)
            .and(&hub)
            .and(&text)
            .ones()
            .collect();
        rank(ids, scores.as_deref())
    }

    /// How many centers each option would give; same as [`Dataset::facet_counts`].
    pub fn facet_counts(&self, f: &Filter) -> FacetCounts {
        self.facet_counts_by(f, &Conditions::none())
    }

    /// [`Index::facet_counts`] with the text read through a condition vocabulary; same as
    /// [`Dataset::facet_counts_by`].
    pub fn facet_counts_by(&self, f: &Filter, conditions: &Conditions) -> FacetCounts {
        let ([spec, country, children, hub, text], _) = self.facets(f, conditions);
        // For each facet, the other facets' sets combined; the text set is the count's third.
        let but_spec = country.and(&children).and(&hub);
        let specialties = map_of(
            self.specialties
                .iter()
                .enumerate()
                .map(|(k, (code, bits))| {
                    let mut bits = bits.clone();
                    if f.pediatric {
                        bits.and_not_assign(&self.adult_only[k]);
                    }
                    (code.clone(), bits.count_and(&but_spec, &text))
                }),
        );
        let but_country = spec.and(&children).and(&hub);
        let countries = map_of(
            self.countries
                .iter()
                .map(|(c, bits)| (*c, bits.count_and(&but_country, &text))),
        );
        // Counted as if "treats children" were on: the chosen specialties for children.
        let spec_for_children = if f.specialties.is_empty() {
            Bits::full(self.len)
        } else {
            self.offering(&f.specialties, true)
        };
        let pediatric = self
            .children
            .count_and(&spec_for_children.and(&country).and(&hub), &text);
        let but_hub = spec.and(&country).and(&children);
        let hubs = map_of(
            self.hubs
                .iter()
                .map(|(id, bits)| (id.clone(), bits.count_and(&but_hub, &text))),
        );
        FacetCounts {
            specialties,
            countries,
            pediatric,
            hubs,
        }
    }

    /// The centers `ids` that lie in `view`, grouped into cells of `cell_px` pixels at `zoom`
    /// (see [`crate::geo::cluster::grid`]).
    pub fn clusters(&self, ids: &[usize], zoom: f64, view: Bounds, cell_px: f64) -> Vec<Cluster> {
        crate::geo::cluster::grid(&self.points, &self.projected, ids, zoom, view, cell_px)
    }

    /// What the map draws for the centers `ids` in `view` at `zoom` (see
    /// [`crate::geo::cluster::layout`]).
    pub fn layout(
        &self,
        ids: &[usize],
        zoom: f64,
        view: Bounds,
        cell_px: f64,
        selected: Option<usize>,
    ) -> Vec<Mark> {
        crate::geo::cluster::layout(
            &self.points,
            &self.projected,
            ids,
            zoom,
            view,
            cell_px,
            selected,
        )
    }

    /// The cities of a group, one center standing for each, most centers first (then by
    /// name), so its marker can say "Osh, Jalal-Abad: 9 centers"; `None` when `ids` are more
    /// than [`NAME_GROUPS_UP_TO`] (a pass over them per group would cost more than the redraw).
    pub fn group_places(
        &self,
        dataset: &Dataset,
        ids: &[usize],
        group: &Cluster,
    ) -> Option<Vec<usize>> {
        if ids.len() > NAME_GROUPS_UP_TO {
            return None;
        }
        // (country, city) -> (how many, the first center there)
        let mut places: Vec<((Country, &str), usize, usize)> = Vec::new();
        for &i in ids {
            let (Some(&p), Some(c)) = (self.points.get(i), dataset.centers.get(i)) else {
                continue;
            };
            if !group.bounds.contains(p) {
                continue;
            }
            let key = (c.country, c.city.as_str());
            if let Some((_, n, _)) = places.iter_mut().find(|(k, ..)| *k == key) {
                *n += 1;
            } else {
                places.push((key, 1, i));
            }
        }
        places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0 .1.cmp(b.0 .1)));
        (!places.is_empty()).then(|| places.into_iter().map(|(.., i)| i).collect())
    }

    /// The box around the centers `ids`, if any.
    pub fn bounds_of(&self, ids: &[usize]) -> Option<Bounds> {
        Bounds::of(ids.iter().filter_map(|&i| self.points.get(i).copied()))
    }

    /// The specialty codes the index knows, for tests.
    #[cfg(test)]
    fn codes(&self) -> std::collections::BTreeSet<&str> {
        self.specialties.iter().map(|(c, _)| c.as_str()).collect()
    }
}

/// The questions a reader asks of a loaded dataset, answered from its index.
impl Loaded {
    /// Builds the text-search part of the index now (it is otherwise built at the first text
    /// query), and finds the centers each kind of institution of the vocabulary names; the app
    /// calls it once the first view is drawn.
    pub fn prepare_text(&self) {
        self.index.prepare_text(&self.dataset);
        self.conditions
            .prepare_institutions(&self.dataset, &self.index);
    }

    /// [`Loaded::prepare_text`] a slice of `count` centers at a time (see
    /// [`Index::prepare_text_step`]); whether text search is ready.
    pub fn prepare_text_step(
        &self,
        builder: &mut crate::query::index::TextBuilder,
        count: usize,
    ) -> bool {
        self.index.prepare_text_step(&self.dataset, builder, count)
    }

    /// Indices of the centers passing `filter`, best text matches first (see
    /// [`Index::filtered`]).
    pub fn filtered(&self, filter: &crate::Filter) -> Vec<usize> {
        self.prepare_for(filter);
        self.index.filtered_by(filter, &self.conditions)
    }

    /// How many centers each filter option would give (see [`Index::facet_counts`]).
    pub fn facet_counts(&self, filter: &crate::Filter) -> crate::FacetCounts {
        self.prepare_for(filter);
        self.index.facet_counts_by(filter, &self.conditions)
    }

    fn prepare_for(&self, filter: &crate::Filter) {
        if !filter.text.trim().is_empty() {
            self.prepare_text();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::{Center, Hub, HubStatus, Pediatric, Specialty};
    use proptest::prelude::*;
    use std::collections::BTreeMap;
    use std::collections::BTreeSet;

    /// The places of the one group `d`'s centers make at zoom 5 around (0, 0), or (0, 0)
    /// itself, where the test datasets put their centers.
    fn places_of_one_group(d: &Dataset) -> Option<Vec<usize>> {
        let index = Index::new(d);
        let ids: Vec<usize> = (0..d.centers.len()).collect();
        let view = Bounds {
            south: -60.0,
            west: -10.0,
            north: 60.0,
            east: 80.0,
        };
        let marks = index.layout(&ids, 5.0, view, 64.0, None);
        let Some(Mark::Group(group)) = marks.first() else {
            panic!("the first mark is a group: {marks:?}");
        };
        index.group_places(d, &ids, group)
    }

    #[test]
    fn a_group_is_named_after_its_cities() {
        // Two centers in Astana at one point and one in Tashkent: the group is Astana's.
        let mut d = dataset(&[(0, 1, false, 0), (0, 1, false, 0), (1, 1, false, 1)], &[]);
        let at = [(51.17, 71.45), (51.17, 71.45), (41.3, 69.24)];
        for (c, (lat, lon)) in d.centers.iter_mut().zip(at) {
            (c.lat, c.lon) = (lat, lon);
        }
        assert_eq!(places_of_one_group(&d), Some(vec![0]));
        // Astana and Bishkek sharing a point (the stub's): both, by name.
        let mixed = dataset(&[(0, 1, false, 0), (2, 1, false, 2)], &[]);
        assert_eq!(places_of_one_group(&mixed), Some(vec![0, 1]));
        // Four cities at one point: Osh's two centers first, the rest by name (Astana,
        // Bishkek, Tashkent); the marker names the first three.
        let rows = [0, 1, 2, 3, 3].map(|city| (city.min(2), 1, false, city));
        assert_eq!(
            places_of_one_group(&dataset(&rows, &[])),
            Some(vec![3, 0, 2, 1])
        );
    }

    #[test]
    fn bitset_edges() {
        // Sizes around a word boundary: the last word of a full set holds only real centers.
        for n in [0, 1, 63, 64, 65, 130] {
            assert_eq!(Bits::full(n).ones().count(), n, "{n}");
            assert_eq!(Bits::empty(n).ones().count(), 0, "{n}");
        }
        let mut b = Bits::empty(130);
        for i in [0, 63, 64, 129] {
            b.set(i);
        }
        assert_eq!(b.ones().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert_eq!(b.count_and(&Bits::full(130), &Bits::full(130)), 4);
    }

    const CODES: [&str; 4] = ["onc", "ped-onc", "cardio", "neuro"];
    const CITIES: [&str; 4] = ["Astana", "Tashkent", "Bishkek", "Osh"];

    const HUBS: [&str; 4] = ["h0", "h1", "h2", "h3"];

    /// A dataset from generated rows: (country, specialty mask, treats children, city), and
    /// hubs: (id in `HUBS`, host center number, which may be past the last center). Ids may
    /// repeat, so a hub id can have several hosts.
    fn dataset(rows: &[(usize, u8, bool, usize)], hubs: &[(usize, Option<usize>)]) -> Dataset {
        dataset_with_care(rows, hubs, &[])
    }

    /// What the sources say of each offered code, two bits per code of `CODES`: nothing,
    /// children get it, adults only, or only planned.
    fn care_of(mask: u8, care: u8) -> Box<[crate::dataset::model::Care]> {
        use crate::dataset::model::{Care, Status};
        CODES
            .iter()
            .enumerate()
            .filter(|(k, _)| mask & (1 << k) != 0)
            .filter_map(|(k, code)| {
                let (children, status) = match (care >> (2 * k)) & 3 {
                    0 => return None,
                    1 => (Some(true), Status::Operating),
                    2 => (Some(false), Status::Operating),
                    _ => (None, Status::Planned),
                };
                Some(Care {
                    code: code.to_string(),
                    children,
                    min_age: None,
                    max_age: None,
                    status,
                    since: None,
                    note: Default::default(),
                    sources: vec![],
                })
            })
            .collect()
    }

    fn dataset_with_care(
        rows: &[(usize, u8, bool, usize)],
        hubs: &[(usize, Option<usize>)],
        cares: &[u8],
    ) -> Dataset {
        let centers = rows
            .iter()
            .enumerate()
            .map(|(i, &(country, mask, kids, city))| Center {
                name: format!("Center {i}").into(),
                city: CITIES[city].into(),
                specialties: CODES
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| mask & (1 << k) != 0)
                    .map(|(_, c)| c.to_string())
                    .collect(),
                pediatric: Some(Pediatric {
                    treats_children: kids,
                    services: vec![],
                }),
                care: care_of(mask, cares.get(i).copied().unwrap_or(0)),
                ..Center::stub(&format!("c{i}"), Country::ALL[country], 0.0, 0.0)
            })
            .collect();
        Dataset {
            schema: None,
            schema_version: 1,
            version: "t".into(),
            updated: "2026-01-01".into(),
            specialties: CODES
                .iter()
                .map(|c| Specialty {
                    code: c.to_string(),
                    label: c.to_string(),
                    labels: Default::default(),
                })
                .collect(),
            centers,
            partnerships: vec![],
            events: vec![],
            hubs: hubs
                .iter()
                .map(|&(id, host)| Hub {
                    id: HUBS[id].to_string(),
                    name: HUBS[id].into(),
                    names: Default::default(),
                    status: HubStatus::Proposed,
                    date: None,
                    proposed_by: None,
                    host: host.map(|i| format!("c{i}")),
                    scope: Default::default(),
                    figures: Box::default(),
                    sources: vec![],
                })
                .collect(),
            authorities: Vec::new(),
            translations: Vec::new(),
        }
    }

    fn hubs() -> impl Strategy<Value = Vec<(usize, Option<usize>)>> {
        prop::collection::vec((0..4usize, prop::option::of(0..60usize)), 0..8)
    }

    fn rows() -> impl Strategy<Value = Vec<(usize, u8, bool, usize)>> {
        prop::collection::vec((0..5usize, 0..16u8, any::<bool>(), 0..4usize), 0..200)
    }

    fn filters() -> impl Strategy<Value = Filter> {
        (
            prop::collection::btree_set(prop::sample::select(&CODES[..]), 0..3),
            prop::collection::btree_set(0..5usize, 0..3),
            any::<bool>(),
            prop::sample::select(&["", "osh", "center 1", "tash", "nothing"][..]),
            // "h9" is in no dataset.
            prop::collection::btree_set(
                prop::sample::select(&["h0", "h1", "h2", "h3", "h9"][..]),
                0..3,
            ),
        )
            .prop_map(|(specs, countries, pediatric, text, hubs)| Filter {
                specialties: specs.into_iter().map(str::to_string).collect(),
                countries: countries.into_iter().map(|i| Country::ALL[i]).collect(),
                pediatric,
                hubs: hubs.into_iter().map(str::to_string).collect(),
                text: text.to_string(),
            })
    }

    /// A condition vocabulary over `CODES` for the property test.
    const VOCABULARY: &str = r#"{"version": "t", "sources": [{"id": "s", "title": "t"}],
      "stopwords": {"en": ["in"]},
      "conditions": [
        {"id": "cancer", "label": {"en": "cancer"}, "terms": {"en": ["cancer", "tumour"]},
         "specialties": ["onc", "ped-onc"], "sources": ["s"]},
        {"id": "kids", "label": {"en": "child"}, "terms": {"en": ["kids", "child"]},
         "specialties": [], "children": true, "sources": ["s"]},
        {"id": "brain", "label": {"en": "brain"}, "terms": {"en": ["brain tumour", "BT"]},
         "specialties": ["neuro", "nowhere"], "sources": ["s"]}
      ],
      "institutions": [
        {"id": "one", "abbreviations": ["CTO"], "expansions": {"en": ["center 1", "center … 3"]},
         "sources": ["s"]},
        {"id": "two", "abbreviations": ["ЦД"], "expansions": {"en": ["center 2"]}, "sources": ["s"]}
      ]}"#;

    proptest! {
        /// The index answers exactly what the plain definition answers, with and without a
        /// condition vocabulary (institution abbreviations too: "CTO" names "Center 1" and,
        /// across a gap, "Center 3"), whatever the sources say of children and plans.
        #[test]
        fn index_agrees_with_the_definition(
            rows in rows(),
            hubs in hubs(),
            cares in prop::collection::vec(any::<u8>(), 0..200),
            filter in filters(),
            text in prop::sample::select(&["", "cancer", "kids", "cancer in osh", "brain tumour kids", "bt center 1", "kids tash", "CTO", "cto kids", "ЦД cancer", "цд", "CTO ЦД"][..]),
        ) {
            let d = dataset_with_care(&rows, &hubs, &cares);
            let index = Index::new(&d);
            prop_assert_eq!(index.filtered(&filter), d.filtered(&filter));
            prop_assert_eq!(index.facet_counts(&filter), d.facet_counts(&filter));
            let vocabulary = Conditions::from_json(VOCABULARY).expect("the test vocabulary");
            vocabulary.prepare_institutions(&d, &index);
            let filter = Filter { text: format!("{text} {}", filter.text), ..filter };
            prop_assert_eq!(index.filtered_by(&filter, &vocabulary), d.filtered_by(&filter, &vocabulary));
            prop_assert_eq!(index.facet_counts_by(&filter, &vocabulary), d.facet_counts_by(&filter, &vocabulary));
        }
    }

    #[test]
    fn hubs_narrow_to_their_hosts() {
        // Centers c0..c3; h0 at c1 and (listed again) c3, h1 at c2, h2 without a host, h3 at
        // c7, which does not exist. (hub ids, expected centers), read off that table.
        let rows = [(0, 1, true, 0); 4];
        let d = dataset(
            &rows,
            &[
                (0, Some(1)),
                (1, Some(2)),
                (0, Some(3)),
                (2, None),
                (3, Some(7)),
            ],
        );
        let index = Index::new(&d);
        let cases: &[(&[&str], &[usize])] = &[
            (&[], &[0, 1, 2, 3]),
            (&["h0"], &[1, 3]),
            (&["h1"], &[2]),
            (&["h0", "h1"], &[1, 2, 3]),
            (&["h2"], &[]),
            (&["h3"], &[]),
            (&["h9"], &[]),
        ];
        for (ids, want) in cases {
            let f = Filter {
                hubs: ids.iter().map(|s| s.to_string()).collect(),
                ..Filter::default()
            };
            assert_eq!(index.filtered(&f), *want, "{ids:?}");
            assert_eq!(d.filtered(&f), *want, "{ids:?}");
        }
        let counts = index.facet_counts(&Filter::default());
        let want: BTreeMap<String, usize> = [("h0", 2), ("h1", 1), ("h2", 0), ("h3", 0)]
            .map(|(k, n)| (k.to_string(), n))
            .into();
        assert_eq!(counts.hubs, want);
        assert_eq!(counts, d.facet_counts(&Filter::default()));
    }

    #[test]
    fn unknown_codes_match_nothing() {
        let d = dataset(&[(0, 1, true, 0), (1, 2, false, 1)], &[]);
        let index = Index::new(&d);
        assert_eq!(index.codes().len(), 4);
        let f = Filter {
            specialties: BTreeSet::from(["nope".to_string()]),
            ..Filter::default()
        };
        assert_eq!(index.filtered(&f), d.filtered(&f));
        assert!(index.filtered(&f).is_empty());
        // A center may list a code the vocabulary lacks (its entry set aside as invalid): the
        // code still matches nothing, in both.
        let mut listed = d.clone();
        listed.centers[0].specialties.push("nope".to_string());
        let index = Index::new(&listed);
        assert_eq!(listed.filtered(&f), Vec::<usize>::new());
        assert_eq!(index.filtered(&f), listed.filtered(&f));
        assert_eq!(index.facet_counts(&f), listed.facet_counts(&f));
    }

    #[test]
    fn institutions_are_answered_from_the_prepared_sets() {
        // "Center 0" .. "Center 4"; the test vocabulary's "CTO" names "center 1" and
        // "center … 3", its "ЦД" "center 2" (two letters: only in capitals).
        let d = dataset(&[(0, 1, false, 0); 5], &[]);
        let index = Index::new(&d);
        let vocabulary = Conditions::from_json(VOCABULARY).expect("the test vocabulary");
        let text = |t: &str| Filter {
            text: t.to_string(),
            ..Filter::default()
        };
        // Unprepared, the index knows no institution's centers (as names before their text).
        assert_eq!(
            index.filtered_by(&text("CTO"), &vocabulary),
            Vec::<usize>::new()
        );
        vocabulary.prepare_institutions(&d, &index);
        let cases: &[(&str, &[usize])] = &[
            ("CTO", &[1, 3]),
            ("cto", &[1, 3]),
            ("ЦД", &[2]),
            ("цд", &[]),
            ("CTO ЦД", &[]),
            ("CTO center", &[1, 3]),
        ];
        for &(t, want) in cases {
            assert_eq!(index.filtered_by(&text(t), &vocabulary), want, "{t}");
            assert_eq!(d.filtered_by(&text(t), &vocabulary), want, "{t}");
        }
    }

    /// Built a slice at a time, in any slice size, the dictionary is the one built at once
    /// (compared through the whole index, whose equality covers it).
    #[test]
    fn text_in_steps_equals_text_at_once() {
        let text = include_str!("../../../public/data/centers.json");
        let d = Dataset::from_json(text).unwrap();
        let whole = Index::new(&d);
        for count in [1, 7, 20, d.centers.len(), usize::MAX] {
            let index = Index::without_names(&d);
            let mut builder = TextBuilder::default();
            let mut steps = 0;
            while !index.prepare_text_step(&d, &mut builder, count) {
                steps += 1;
                assert!(!index.text_ready());
            }
            assert!(index.text_ready());
            assert_eq!(steps, d.centers.len().div_ceil(count.max(1)) - 1, "{count}");
            assert_eq!(index, whole, "slices of {count}");
        }
        // A query first: the dictionary is built at once and the steps stop.
        let index = Index::without_names(&d);
        let mut builder = TextBuilder::default();
        assert!(!index.prepare_text_step(&d, &mut builder, 5));
        index.prepare_text(&d);
        assert!(index.prepare_text_step(&d, &mut builder, 5));
        assert_eq!(index, whole);
    }
}
