//! What the fuzz targets check, one public function per target.
//!
//! The same file is compiled into the fuzz crate (`fuzz/src/lib.rs`) and into the stable replay
//! test (`core/tests/fuzz_corpus.rs`, by `#[path]`), so it may use only `shifo_core` and `std`.
//! Every check asserts properties the core promises, not just "no panic": a failed assertion is
//! a crash to libFuzzer.

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use shifo_core::dataset::deploy::{
    origin_of, ConfigError, DataSource as Load, DeployConfig, Refusal,
};
use shifo_core::dataset::json::{self, Node, Pos, Value};
use shifo_core::dataset::model::SCHEMA_VERSION;
use shifo_core::dataset::validate::{self, is_slug, ProblemKind};
use shifo_core::geo::bounds::{Bounds, LatLon, REGION};
use shifo_core::geo::cluster::{self, Mark};
use shifo_core::geo::near::{self, great_circle_km};
use shifo_core::geo::places;
use shifo_core::output::embed::{Lockable, Rgb, Snippet, Theme};
use shifo_core::output::url::{clean_text, MAX_DATA_URL, MAX_TEXT};
use shifo_core::query::search::{TextQuery, MAX_QUERY_WORDS};
use shifo_core::{Country, Dataset, ErrorKind, Filter, Lang, LoadStep, Loaded, ViewState};

/// The `dataset` target: the bytes (as lossy UTF-8) are a dataset file.
pub fn dataset(data: &[u8]) {
    dataset_text(&String::from_utf8_lossy(data));
    streamed_as_whole(data);
}

/// A download read as it arrives, in pieces of any size, gives what the whole text gives.
fn streamed_as_whole(data: &[u8]) {
    let whole = Dataset::load(&shifo_core::dataset::stream::text_from_bytes(data.to_vec()));
    let sizes = [
        1,
        1 + data.len() % 61,
        1 + data.len() / 3,
        data.len().max(1),
    ];
    for size in sizes {
        let mut stream = shifo_core::dataset::stream::Stream::new();
        for piece in data.chunks(size) {
            stream.push(piece.to_vec());
        }
        assert_eq!(stream.finish(|_| {}), whole, "in pieces of {size}");
    }
}

/// The `query` target: the bytes (as lossy UTF-8) are a URL query string; its first line is
/// also tried as a deployment `config.json` and the rest as a `data=` URL.
pub fn query(data: &[u8]) {
    query_text(&String::from_utf8_lossy(data));
}

// ---------------------------------------------------------------------------------------------
// Positions in the text.

/// The line and column of every byte offset that starts a character (and of the end), counted
/// the way the core counts them: lines split at `\n`, columns in characters, both 1-based.
struct Places {
    /// For each line, the number of characters on it.
    line_chars: Vec<usize>,
    /// Position of each byte offset that starts a character, and of the end of the text.
    at: Vec<Pos>,
}

impl Places {
    fn new(text: &str) -> Places {
        let line_chars = text.split('\n').map(|l| l.chars().count()).collect();
        let mut at = Vec::with_capacity(text.len() + 1);
        let (mut line, mut column) = (1, 1);
        for (i, ch) in text.char_indices() {
            while at.len() <= i {
                at.push(Pos { line, column });
            }
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        while at.len() <= text.len() {
            at.push(Pos { line, column });
        }
        Places { line_chars, at }
    }

    /// Asserts that `pos` is a place in the text: a line that exists, and a column on it or
    /// just after its last character.
    fn assert_inside(&self, pos: Pos, what: &dyn std::fmt::Display) {
        assert!(
            pos.line >= 1 && pos.column >= 1,
            "{what}: {pos:?} is not 1-based"
        );
        let chars = self.line_chars.get(pos.line - 1).copied();
        assert!(
            chars.is_some_and(|n| pos.column <= n + 1),
            "{what}: {pos:?} is outside the text (line has {chars:?} characters)"
        );
    }
}

/// Checks the positioned tree against the text: every span is a slice of the text that holds
/// the value it claims, starts where its position says, and lies inside its parent.
fn check_tree(text: &str, places: &Places, node: &Node, within: &std::ops::Range<usize>) {
    let span = node.span.clone();
    assert!(
        within.start <= span.start && span.end <= within.end && span.start < span.end,
        "span {span:?} is not inside {within:?}"
    );
    let raw = text
        .get(span.clone())
        .unwrap_or_else(|| panic!("span {span:?} does not fall on character boundaries"));
    assert_eq!(node.pos, places.at[span.start], "position of {raw:?}");
    let starts_ends = |open: char, close: char| raw.starts_with(open) && raw.ends_with(close);
    match &node.value {
        Value::Null => assert_eq!(raw, "null"),
        Value::Bool(b) => assert_eq!(raw, if *b { "true" } else { "false" }),
        Value::Number(n, source) => {
            assert_eq!(raw, source);
            assert!(n.is_finite(), "{raw} read as {n}");
        }
        Value::String(_) => assert!(raw.len() >= 2 && starts_ends('"', '"'), "{raw:?}"),
        Value::Array(items) => {
            assert!(starts_ends('[', ']'), "{raw:?}");
            let mut after = span.start + 1;
            for item in items {
                check_tree(text, places, item, &(after..span.end - 1));
                after = item.span.end;
            }
        }
        Value::Object(members) => {
            assert!(starts_ends('{', '}'), "{raw:?}");
            let mut after = span.start + 1;
            for m in members {
                places.assert_inside(m.key_pos, &"a key");
                assert!(
                    places.at[after] <= m.key_pos && m.key_pos < m.value.pos,
                    "key {:?} at {:?}, value at {:?}",
                    m.key,
                    m.key_pos,
                    m.value.pos
                );
                check_tree(text, places, &m.value, &(after..span.end - 1));
                after = m.value.span.end;
            }
        }
    }
}

/// The positions of every value and key in the tree: where a problem may point.
fn positions(node: &Node, out: &mut BTreeSet<Pos>) {
    out.insert(node.pos);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| positions(n, out)),
        Value::Object(members) => {
            for m in members {
                out.insert(m.key_pos);
                positions(&m.value, out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The dataset target.

/// Parses, validates and indexes `text`, then uses the result as the app does.
pub fn dataset_text(text: &str) {
    let places = Places::new(text);
    let tree = json::parse(text);
    match &tree {
        Ok(root) => check_tree(text, &places, root, &(0..text.len())),
        Err(e) => places.assert_inside(e.at, &format_args!("json::parse: {}", e.message)),
    }

    let mut steps = Vec::new();
    let result = Dataset::load_observed(text, |s| steps.push(s));
    assert!(
        steps == [LoadStep::Parsed, LoadStep::Validated, LoadStep::Indexed]
            || steps == [LoadStep::Parsed, LoadStep::Indexed],
        "load steps {steps:?}"
    );
    let strict = Dataset::from_json(text);
    let loaded = match result {
        Err(e) => {
            assert!(!e.kind_message().is_empty());
            match e.location() {
                Some((line, column)) => {
                    places.assert_inside(Pos { line, column }, &e);
                    if !matches!(e.kind, ErrorKind::SchemaVersion { .. }) {
                        let shown = e.to_string();
                        let at = format!("line {line}, column {column}");
                        assert!(shown.contains(&at), "{shown}");
                    }
                }
                // Only an empty file has no place to point at.
                None => assert!(text.trim().is_empty(), "{e} has no location"),
            }
            // The strict reader fails the same way.
            assert_eq!(strict, Err(e));
            return;
        }
        Ok(loaded) => loaded,
    };

    let d = &loaded.dataset;
    assert!((1..=SCHEMA_VERSION).contains(&d.schema_version));
    // Problems are located inside the text, at a value or key, in document order.
    let spots = tree.as_ref().ok().map(|root| {
        let mut set = BTreeSet::new();
        positions(root, &mut set);
        set
    });
    for p in &loaded.problems {
        let shown = p.to_string();
        assert!(shown.contains(&p.path.to_string()), "{shown}");
        if let Some(at) = p.at {
            places.assert_inside(at, &p);
        }
        if let Some(spots) = &spots {
            let at = p.at.unwrap_or_else(|| panic!("{p} has no location"));
            assert!(spots.contains(&at), "{p} points at no value or key");
        }
    }
    assert!(
        loaded.problems.windows(2).all(|w| w[0].at <= w[1].at),
        "problems out of document order"
    );
    // The strict reader accepts exactly the files without errors, and reads the same data.
    match strict {
        Ok(strict) => {
            assert!(
                loaded.errors().next().is_none(),
                "strict read ignored an error"
            );
            assert_eq!(&strict, &**d);
        }
        Err(e) => {
            assert!(loaded.errors().next().is_some(), "strict read failed: {e}");
            let (line, column) = e.location().expect("a strict error has a location");
            places.assert_inside(Pos { line, column }, &e);
        }
    }

    kept_entries_are_valid(&loaded);
    filters_and_search(text, &loaded);
}

/// What validation promises about the entries it keeps.
fn kept_entries_are_valid(loaded: &Loaded) {
    let d = &loaded.dataset;
    let mut codes = HashSet::new();
    for s in &d.specialties {
        assert!(is_slug(&s.code), "kept specialty code {:?}", s.code);
        assert!(
            codes.insert(s.code.as_str()),
            "kept duplicate code {:?}",
            s.code
        );
        for lang in Lang::ALL {
            s.label_in(lang);
        }
    }
    let mut ids = HashSet::new();
    for (i, c) in d.centers.iter().enumerate() {
        assert!(is_slug(&c.id), "kept center id {:?}", c.id);
        assert!(ids.insert(c.id.as_str()), "kept duplicate id {:?}", c.id);
        assert_eq!(d.center_index(&c.id), Some(i));
        assert!(!c.name.trim().is_empty() && !c.city.trim().is_empty());
        assert!(
            (-90.0..=90.0).contains(&c.lat) && (-180.0..=180.0).contains(&c.lon),
            "kept coordinates {} {}",
            c.lat,
            c.lon
        );
        assert!(
            c.country.bounds().contains(c.position()),
            "kept {} outside {}",
            c.id,
            c.country
        );
        assert!(!c.sources.is_empty(), "kept {} without a source", c.id);
        for lang in Lang::ALL {
            assert!(!c.name_in(lang).trim().is_empty(), "blank name in {lang:?}");
            c.city_in(lang);
            d.specialty_list(c, lang);
        }
        if let Some(w) = c.safe_website() {
            let w = w.trim_start().to_ascii_lowercase();
            assert!(w.starts_with("https://") || w.starts_with("http://"), "{w}");
        }
        for s in &c.sources {
            if let Some(u) = s.safe_url() {
                let u = u.trim_start().to_ascii_lowercase();
                assert!(u.starts_with("https://") || u.starts_with("http://"), "{u}");
            }
        }
        if let Some(tel) = c.tel_uri() {
            let digits = tel.strip_prefix("tel:").expect("tel: URI");
            let digits = digits.strip_prefix('+').unwrap_or(digits);
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{tel}");
        }
        if let Some(mail) = c.mailto_uri() {
            assert!(!mail.contains(['?', '&', '#', ' ', '\n']), "{mail}");
        }
    }
    // Links left in the data point at kept centers.
    for c in &d.centers {
        if let Some(p) = &c.part_of {
            assert!(ids.contains(p.as_str()), "part_of {p} is gone");
        }
    }
    for p in &d.partnerships {
        assert!(ids.contains(p.a.as_str()) && ids.contains(p.b.as_str()));
    }
    for e in &d.events {
        assert!(e.centers.iter().all(|id| ids.contains(id.as_str())));
        for lang in Lang::ALL {
            e.title_in(lang);
        }
    }
    for h in &d.hubs {
        if let Some(host) = &h.host {
            assert!(ids.contains(host.as_str()), "hub host {host} is gone");
            assert!(d.hubs_hosted_by(host).any(|x| x.id == h.id));
        }
        for lang in Lang::ALL {
            h.name_in(lang);
        }
    }
    // Checking the kept data again finds no error in an entry, except a code of a vocabulary
    // entry that was itself broken (such centers keep it on purpose). A top-level error (a
    // bad `updated`) stays, as it leaves nothing out.
    let broken_vocabulary = loaded
        .problems
        .iter()
        .any(|p| p.is_error() && p.path.entry().is_some_and(|(l, _)| l == "specialties"));
    for p in validate::check(d).iter().filter(|p| p.is_error()) {
        let allowed = p.path.entry().is_none()
            || (broken_vocabulary && matches!(p.kind, ProblemKind::UnknownSpecialty(_)));
        assert!(allowed, "kept data has an error: {p}");
    }
}

/// Words to search for: from the first center's name and city, a misspelt name, and the
/// input's last characters.
fn search_texts(text: &str, d: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = d.centers.first() {
        let name: Vec<&str> = c.name.split_whitespace().take(2).collect();
        out.push(name.join(" "));
        out.push(c.city.clone());
        // One transposition in a long word: the typo-tolerant path.
        if let Some(word) = c.name.split_whitespace().find(|w| w.chars().count() >= 6) {
            let mut chars: Vec<char> = word.chars().collect();
            chars.swap(2, 3);
            out.push(chars.into_iter().collect());
        }
    }
    let mut tail: Vec<char> = text.chars().rev().take(40).collect();
    tail.reverse();
    out.push(tail.into_iter().collect());
    out
}

/// Filters the app could build over `d` with these searches.
fn filters(d: &Dataset, searches: &[String]) -> Vec<Filter> {
    let codes: Vec<String> = d.specialties.iter().map(|s| s.code.clone()).collect();
    let hubs: Vec<String> = d.filterable_hubs().iter().map(|h| h.id.clone()).collect();
    let mut out = vec![Filter::default()];
    for q in searches {
        out.push(Filter {
            text: q.clone(),
            ..Filter::default()
        });
    }
    out.push(Filter {
        specialties: codes.iter().take(1).cloned().collect(),
        countries: d.centers.first().map(|c| c.country).into_iter().collect(),
        ..Filter::default()
    });
    out.push(Filter {
        specialties: codes.iter().skip(1).take(2).cloned().collect(),
        countries: BTreeSet::from([Country::KZ, Country::UZ]),
        pediatric: true,
        hubs: hubs.iter().take(2).cloned().collect(),
        text: searches.first().cloned().unwrap_or_default(),
    });
    // Codes that centers list and the vocabulary lacks (their entry was set aside as broken):
    // no option offers them, and they match nothing, in the index as by the definition.
    let orphans: BTreeSet<String> = d
        .centers
        .iter()
        .flat_map(|c| c.specialties.iter())
        .filter(|s| !codes.contains(s))
        .take(3)
        .cloned()
        .collect();
    if !orphans.is_empty() {
        out.push(Filter {
            specialties: orphans,
            ..Filter::default()
        });
    }
    // Hubs alone, and a hub id the data may not have (it matches nothing).
    out.push(Filter {
        hubs: hubs.iter().take(1).cloned().collect(),
        ..Filter::default()
    });
    out.push(Filter {
        hubs: d
            .hubs
            .iter()
            .map(|h| h.id.clone())
            .chain(["no-such-hub".into()])
            .collect(),
        ..Filter::default()
    });
    out
}

/// Filtering, facet counts, text search and map layout over a loaded dataset.
fn filters_and_search(text: &str, loaded: &Loaded) {
    let d = &loaded.dataset;
    let n = d.centers.len();
    let all: Vec<usize> = (0..n).collect();
    assert_eq!(loaded.filtered(&Filter::default()), all);
    check_layout(loaded, &all);

    let searches = search_texts(text, d);
    for f in filters(d, &searches) {
        let ids = loaded.filtered(&f);
        // The index answers what the plain definition answers, in the same order.
        assert_eq!(
            ids,
            d.filtered(&f),
            "index and definition disagree on {f:?}"
        );
        let set: BTreeSet<usize> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "a center listed twice for {f:?}");
        assert!(set.iter().all(|&i| i < n));
        // `Filter::matches` is the definition for one center (it prepares the whole filter
        // each call, which costs as much as filtering them all, so only the first is asked).
        if let Some(c) = d.centers.first() {
            assert_eq!(f.matches(c, d), set.contains(&0), "{} for {f:?}", c.id);
        }

        // Each count is what choosing that option alone in its facet gives.
        let counts = loaded.facet_counts(&f);
        assert_eq!(counts, d.facet_counts(&f), "counts for {f:?}");
        for country in Country::ALL {
            let only = Filter {
                countries: BTreeSet::from([country]),
                ..f.clone()
            };
            assert_eq!(counts.countries[&country], loaded.filtered(&only).len());
        }
        for (code, &count) in counts.specialties.iter().take(4) {
            let only = Filter {
                specialties: BTreeSet::from([code.clone()]),
                ..f.clone()
            };
            assert_eq!(count, loaded.filtered(&only).len(), "count of {code}");
        }
        let children = Filter {
            pediatric: true,
            ..f.clone()
        };
        assert_eq!(counts.pediatric, loaded.filtered(&children).len());
        for (id, &count) in counts.hubs.iter().take(4) {
            let only = Filter {
                hubs: BTreeSet::from([id.clone()]),
                ..f.clone()
            };
            assert_eq!(count, loaded.filtered(&only).len(), "count of hub {id}");
        }
        // A selected hub keeps only centers hosting it.
        for &i in &ids {
            let c = &d.centers[i];
            assert!(
                f.hubs.is_empty() || d.hubs_hosted_by(&c.id).any(|h| f.hubs.contains(&h.id)),
                "{} hosts none of {:?}",
                c.id,
                f.hubs
            );
        }
        check_distances(loaded, &ids);

        let query = TextQuery::new(&f.text);
        assert!(query.words().len() <= MAX_QUERY_WORDS);
        for &i in ids.iter().take(3) {
            let c = &d.centers[i];
            for shown in [c.name.as_str(), c.city.as_str(), c.name_in(Lang::Ru)] {
                let mut end = 0;
                for r in query.highlights(shown) {
                    assert!(r.start >= end && r.start < r.end, "{r:?} in {shown:?}");
                    assert!(shown.get(r.clone()).is_some(), "{r:?} in {shown:?}");
                    end = r.end;
                }
            }
        }
        if !f.text.trim().is_empty() {
            check_layout(loaded, &ids);
        }
    }

    // A link naming the first center and a specialty survives sanitizing against the data.
    if let (Some(c), Some(s)) = (d.centers.first(), d.specialties.first()) {
        let state = ViewState::from_query(&format!("center={}&specialty={}", c.id, s.code));
        let state = state.sanitized(d);
        assert_eq!(state.center.as_deref(), Some(c.id.as_str()));
        assert!(state.filter.specialties.contains(&s.code));
    }
    // Every hub id in a link survives sanitizing exactly when it is a filterable hub.
    let all_hubs: Vec<&str> = d.hubs.iter().map(|h| h.id.as_str()).collect();
    let state = ViewState::from_query(&format!("hub={}", all_hubs.join(","))).sanitized(d);
    let filterable: BTreeSet<String> = d.filterable_hubs().iter().map(|h| h.id.clone()).collect();
    let slugs: BTreeSet<String> = filterable
        .iter()
        .filter(|id| is_slug(id))
        .cloned()
        .collect();
    assert_eq!(state.filter.hubs, slugs);
    for h in d.filterable_hubs() {
        let host = h.host.as_deref().expect("a filterable hub has a host");
        assert!(d.center(host).is_some(), "hub {} host {host} is gone", h.id);
    }
}

/// "Near me": the centers `ids` ordered by distance from the first center and from a city.
fn check_distances(loaded: &Loaded, ids: &[usize]) {
    let d = &loaded.dataset;
    let origins = d
        .centers
        .first()
        .map(|c| c.position())
        .into_iter()
        .chain(places::PLACES.first().map(|p| p.at));
    for origin in origins {
        let sorted = loaded.by_distance(ids, origin);
        assert_eq!(sorted, near::by_distance(d, ids, origin));
        let mut got: Vec<usize> = sorted.iter().map(|&(i, _)| i).collect();
        got.sort_unstable();
        let mut want = ids.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "by_distance lost or added centers");
        for &(i, km) in &sorted {
            let c = &d.centers[i];
            assert!(km.is_finite() && km >= 0.0, "{} at {km} km", c.id);
            assert_eq!(km, great_circle_km(c.position(), origin), "symmetric");
        }
        assert!(
            sorted.windows(2).all(|w| w[0].1 <= w[1].1),
            "not nearest first"
        );
    }
}

/// Clustering and the map layout of the centers `ids`, in a few views and zooms.
fn check_layout(loaded: &Loaded, ids: &[usize]) {
    let d = &loaded.dataset;
    let index = &loaded.index;
    let bounds = index.bounds_of(ids);
    assert_eq!(bounds.is_none(), ids.is_empty());
    if let Some(b) = bounds {
        for &i in ids {
            assert!(b.contains(d.centers[i].position()));
        }
    }
    let fitted = bounds.unwrap_or(REGION).padded(0.1);
    let views = [
        REGION,
        fitted,
        Bounds::point(LatLon::new(41.3, 69.24)).padded(1.0),
    ];
    for view in views {
        let in_view: BTreeSet<usize> = ids
            .iter()
            .copied()
            .filter(|&i| view.contains(d.centers[i].position()))
            .collect();
        for zoom in [3.0, 8.0, 13.0, 17.0] {
            let cells = index.clusters(ids, zoom, view, 60.0);
            check_clusters(&cells, &in_view, "grid");
            let merged = cluster::merge_close(cells, zoom, 45.0);
            check_clusters(&merged, &in_view, "merged");
            assert!(merged.windows(2).all(|w| w[0].first < w[1].first));
            let px: Vec<cluster::WorldPixel> = merged.iter().map(|c| c.pixels(zoom)).collect();
            for (k, a) in px.iter().enumerate() {
                for b in &px[k + 1..] {
                    // A lone cluster's mean is recomputed each pass: allow rounding.
                    assert!(
                        a.distance(*b) >= 45.0 - 1e-6,
                        "two merged clusters closer than 45 px: {a:?} {b:?}"
                    );
                }
            }

            let selected = ids.first().copied();
            let marks = index.layout(ids, zoom, view, 60.0, selected);
            let mut drawn = 0;
            let mut singles = BTreeSet::new();
            for m in &marks {
                match m {
                    Mark::Group(c) => {
                        assert!(c.count >= 2);
                        drawn += c.count;
                    }
                    Mark::Single { index, offset } => {
                        assert!(offset.dx.is_finite() && offset.dy.is_finite());
                        assert!(in_view.contains(index), "single {index} not in view");
                        assert!(singles.insert(*index), "single {index} twice");
                        drawn += 1;
                    }
                }
            }
            assert_eq!(drawn, in_view.len(), "layout lost or added centers");
            if let Some(s) = selected.filter(|s| in_view.contains(s)) {
                assert!(singles.contains(&s), "selected center not drawn on its own");
            }
        }
    }
}

fn check_clusters(clusters: &[cluster::Cluster], in_view: &BTreeSet<usize>, what: &str) {
    let total: usize = clusters.iter().map(|c| c.count).sum();
    assert_eq!(
        total,
        in_view.len(),
        "{what}: clusters hold the wrong number of centers"
    );
    let mut firsts = HashSet::new();
    for c in clusters {
        assert!(c.count >= 1);
        assert!(
            in_view.contains(&c.first),
            "{what}: first member {} not in view",
            c.first
        );
        assert!(
            firsts.insert(c.first),
            "{what}: first member {} twice",
            c.first
        );
        assert!(c.bounds.contains(c.at), "{what}: {c:?} outside its bounds");
    }
}

// ---------------------------------------------------------------------------------------------
// The query target.

/// A small dataset to sanitize views against.
fn small_dataset() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        Dataset::from_json(
            r#"{"schema_version": 1, "version": "t", "updated": "2026-01-01",
                "specialties": [{"code": "oncology", "label": "Oncology"},
                                {"code": "pediatric-oncology", "label": "Pediatric oncology"}],
                "centers": [{"id": "vakhidov-surgery", "name": "V", "country": "UZ",
                             "city": "Tashkent", "lat": 41.3, "lon": 69.2, "precision": "city",
                             "specialties": ["oncology"],
                             "sources": [{"title": "t", "file": "f"}]}]}"#,
        )
        .expect("the small dataset loads")
    })
}

const APP: &str = "https://shifo.example";

/// Reads `q` as a URL query, and its parts with every parser a link reaches.
pub fn query_text(q: &str) {
    let state = ViewState::from_query(q);
    check_state(&state);
    // The canonical query reads back to the same state, and is a fixed point.
    let canonical = state.to_query();
    let again = ViewState::from_query(&canonical);
    assert_eq!(
        again, state,
        "{q:?} -> {canonical:?} reads back differently"
    );
    assert_eq!(again.to_query(), canonical);
    assert_eq!(ViewState::from_query(&format!("?{canonical}")), state);

    let full = state.unembedded();
    assert_eq!(full.filter, state.filter);
    assert_eq!(full.embed, Default::default());
    let full_query = full.to_query();
    for key in ["embed=", "lock=", "accent=", "theme="] {
        assert!(
            !full_query.split('&').any(|p| p.starts_with(key)),
            "{full_query}"
        );
    }

    let d = small_dataset();
    let clean = state.clone().sanitized(d);
    assert!(clean
        .filter
        .specialties
        .is_subset(&state.filter.specialties));
    assert!(clean
        .filter
        .specialties
        .iter()
        .all(|s| d.specialties.iter().any(|x| &x.code == s)));
    assert!(clean
        .center
        .as_ref()
        .is_none_or(|id| d.center(id).is_some()));
    assert!(clean.filter.hubs.is_subset(&state.filter.hubs));
    assert!(clean
        .filter
        .hubs
        .iter()
        .all(|h| d.filterable_hubs().iter().any(|x| &x.id == h)));
    assert_eq!(clean.near, state.near, "near needs no dataset");
    assert_eq!(ViewState::from_query(&clean.to_query()), clean);

    // Locked facets keep the link's values whatever the controls ask.
    let mut next = Filter {
        text: "x".into(),
        ..Filter::default()
    };
    state.embed.keep_locked(&state.filter, &mut next);
    if state.embed.locks(Lockable::Country) {
        assert_eq!(next.countries, state.filter.countries);
    }
    if state.embed.locks(Lockable::Specialty) {
        assert_eq!(next.specialties, state.filter.specialties);
    }
    if state.embed.locks(Lockable::Pediatric) {
        assert_eq!(next.pediatric, state.filter.pediatric);
    }
    if state.embed.locks(Lockable::Hub) {
        assert_eq!(next.hubs, state.filter.hubs);
    }

    // Every value of the query through the parsers its keys use.
    for part in q.split(['&', '=', ',', '\n']).take(64) {
        values(part);
    }
    values(q);

    // The first line as a deployment config, the rest as a `data=` URL.
    let (config, data) = q.split_once('\n').unwrap_or((q, ""));
    config_and_source(config, data);
    config_and_source(&origin_config(data), data);
    if let Some(url) = &state.data {
        config_and_source(&origin_config(url), url);
    }

    snippet(q, &canonical);
}

/// What `from_query` promises about a state: values are well-formed and bounded.
fn check_state(s: &ViewState) {
    let f = &s.filter;
    assert!(
        f.specialties.iter().all(|c| is_slug(c)),
        "{:?}",
        f.specialties
    );
    assert_eq!(f.text, clean_text(&f.text), "text is not clean");
    assert!(f.text.chars().count() <= MAX_TEXT);
    assert!(s.center.as_deref().is_none_or(is_slug));
    assert!(f.hubs.iter().all(|h| is_slug(h)), "{:?}", f.hubs);
    // `near` is always a city of the table, by its English name.
    if let Some(near) = &s.near {
        assert_eq!(s.near_place().map(|p| p.en), Some(near.as_str()));
    }
    if let Some(url) = &s.data {
        assert!(!url.is_empty() && url.len() <= MAX_DATA_URL);
        assert!(!url.chars().any(char::is_control));
        assert_eq!(url.trim(), url);
    }
}

/// One value through the small parsers, with their round trips.
fn values(v: &str) {
    if let Some(c) = Rgb::parse(v) {
        let hex = c.hex();
        assert!(
            hex.len() == 6
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(Rgb::parse(&hex), Some(c));
        assert_eq!(Rgb::parse(&c.css()), Some(c));
        let digits = v.trim();
        let digits = digits.strip_prefix('#').unwrap_or(digits);
        assert!(matches!(digits.len(), 3 | 6), "{v:?} read as {c:?}");
        let text = c.text_on();
        let other = if text == Rgb(255, 255, 255) {
            Rgb(0x1b, 0x1f, 0x23)
        } else {
            Rgb(255, 255, 255)
        };
        let ratio = c.contrast(text);
        assert!((1.0..=21.0).contains(&ratio) && ratio >= c.contrast(other));
        for amount in [0.0, 0.25, 1.0, -1.0, 2.0, f64::NAN] {
            let dark = c.darker(amount);
            assert!(dark.0 <= c.0 && dark.1 <= c.1 && dark.2 <= c.2);
        }
    }
    if let Some(t) = Theme::from_code(v) {
        assert_eq!(Theme::from_code(t.code()), Some(t));
    }
    if let Some(f) = Lockable::from_code(v) {
        assert_eq!(f.code(), v);
    }
    if let Some(l) = Lang::from_code(v) {
        assert_eq!(Lang::from_code(l.code()), Some(l));
        l.plural(v.len() as u64);
    }
    if let Some(c) = Country::from_code(v) {
        assert!(c.code().eq_ignore_ascii_case(v.trim()));
    }
    if let Some(origin) = origin_of(v) {
        assert!(origin.starts_with("https://") || origin.starts_with("http://"));
        assert!(!origin.contains(['@', '?', '#']) && origin.matches('/').count() == 2);
        assert_eq!(origin, origin.to_ascii_lowercase());
        assert_eq!(origin_of(&origin).as_deref(), Some(origin.as_str()));
    }
    let cleaned = clean_text(v);
    assert_eq!(clean_text(&cleaned), cleaned);
}

/// A `config.json` allowing `origin`, JSON-escaped.
fn origin_config(origin: &str) -> String {
    let mut s = String::from(r#"{"datasets": {"allowed_origins": [""#);
    for c in origin.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c if (c as u32) < 0x20 => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push_str(r#""]}}"#);
    s
}

/// Reads `config` as a deployment config, then decides whether `data` may be loaded.
fn config_and_source(config: &str, data: &str) {
    let config = match DeployConfig::from_json(config) {
        Ok(c) => c,
        Err(ConfigError::NotAnOrigin(o)) => {
            assert_ne!(origin_of(&o).as_deref(), Some(o.as_str()));
            DeployConfig::default()
        }
        Err(ConfigError::Malformed(m)) => {
            assert!(!m.is_empty());
            DeployConfig::default()
        }
    };
    for o in &config.datasets.allowed_origins {
        assert_eq!(
            origin_of(o).as_deref(),
            Some(o.as_str()),
            "config kept {o:?}"
        );
    }
    for asked in [None, Some(data)] {
        match Load::choose(asked, APP, &config) {
            Ok(Load::Bundled) => assert!(asked.is_none_or(|u| u.trim().is_empty())),
            Ok(Load::Custom(url)) => {
                assert_eq!(Some(url.as_str()), asked.map(str::trim));
                let origin = origin_of(&url).expect("a loaded URL has an origin");
                assert!(
                    origin == APP
                        || config
                            .datasets
                            .allowed_origins
                            .iter()
                            .any(|o| o.eq_ignore_ascii_case(&origin)),
                    "{url} loaded from {origin}, which is not allowed"
                );
            }
            Err(Refusal::NotAUrl(url)) => assert_eq!(origin_of(&url), None),
            Err(Refusal::OriginNotAllowed { url, origin }) => {
                assert_eq!(origin_of(&url).as_deref(), Some(origin.as_str()));
                assert_ne!(origin, APP);
            }
        }
    }
}

/// The embed dialog's HTML stays one iframe (and one script) whatever the title and app say.
fn snippet(q: &str, canonical: &str) {
    let (app, title) = q.split_once('\n').unwrap_or(("https://shifo.example/", q));
    for auto_height in [false, true] {
        let s = Snippet {
            app,
            query: canonical,
            title,
            height: q.len() as u32,
            auto_height,
        };
        assert!(s.src().contains("embed=1"));
        let html = s.html();
        let (iframe, script) = html.split_once("</iframe>").expect("an iframe");
        assert_eq!(iframe.matches('<').count(), 1, "{iframe}");
        assert_eq!(iframe.matches('>').count(), 1, "{iframe}");
        // Seven attributes, each value in one pair of quotes.
        assert_eq!(iframe.matches('"').count(), 14, "{iframe}");
        if auto_height {
            assert_eq!(script.matches("<script>").count(), 1);
            assert_eq!(script.matches("</script>").count(), 1, "{script}");
        } else {
            assert!(script.is_empty());
        }
    }
}
