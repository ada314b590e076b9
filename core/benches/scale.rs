//! Core costs at 50,000 centers: loading (parse + validate + index), and a filter change
//! (filtered list + facet counts) through the index and, for comparison, by a plain scan.
//!
//! `cargo bench -p shifo-core --bench scale`; criterion prints the figures.

use std::collections::BTreeSet;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use shifo_core::{Country, Dataset, Filter, Index};

const BUNDLED: &str = include_str!("../../public/data/centers.json");
const CENTERS: usize = 50_000;

fn filters() -> Vec<Filter> {
    let f = |specs: &[&str], countries: &[Country], pediatric: bool, text: &str| Filter {
        specialties: specs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(),
        countries: countries.iter().copied().collect(),
        pediatric,
        text: text.into(),
        ..Filter::default()
    };
    vec![
        f(&["oncology"], &[], false, ""),
        f(
            &["pediatric-oncology", "bmt-autologous"],
            &[Country::KZ, Country::UZ],
            true,
            "",
        ),
        f(&[], &[Country::KG], false, ""),
        f(&["cardiac-surgery"], &[], true, "tashkent"),
        f(&[], &[], false, ""),
    ]
}

fn scale(c: &mut Criterion) {
    let vocabulary = Dataset::from_json(BUNDLED).unwrap().specialties;
    let data = shifo_core::dataset::synth::generate(CENTERS, 1, &vocabulary);
    let text = serde_json::to_string(&data).unwrap();
    let mut g = c.benchmark_group("50k centers");
    g.sample_size(10);
    g.bench_function("load: parse + validate + index", |b| {
        b.iter(|| Dataset::load(black_box(&text)).unwrap())
    });
    // The app reads a download as it arrives: the same bytes in 64 KB pieces (a browser's
    // chunks are of that order), each center typed as its entry completes.
    let pieces: Vec<Vec<u8>> = text
        .as_bytes()
        .chunks(64 * 1024)
        .map(<[u8]>::to_vec)
        .collect();
    g.bench_function("stream: the same bytes in 64 KB pieces, then finish", |b| {
        b.iter(|| {
            let mut stream = shifo_core::dataset::stream::Stream::new();
            stream.expect_len(text.len());
            for piece in &pieces {
                stream.push(piece.clone());
            }
            black_box(stream.finish(|_| {}).unwrap())
        })
    });
    g.bench_function("Index::new", |b| b.iter(|| Index::new(black_box(&data))));
    let index = Index::new(&data);
    let filters = filters();
    g.sample_size(50);
    g.bench_function("filter change via index: list + counts (5 filters)", |b| {
        b.iter(|| {
            for f in &filters {
                black_box(index.filtered(f));
                black_box(index.facet_counts(f));
            }
        })
    });
    // A keystroke: a new query is scored over the whole name dictionary (a facet change with
    // the same query reuses the last scores, as the filter bench above does).
    let queries = ["tash", "tashk", "tashkent", "onkologiya", "vahidov"];
    g.bench_function("text query scored from scratch (mean of 5 queries)", |b| {
        b.iter(|| {
            for q in queries {
                black_box(index.text_scores(&shifo_core::query::search::TextQuery::new(q)));
            }
        })
    });
    let all = index.filtered(&Filter::default());
    let region = shifo_core::geo::bounds::REGION;
    g.bench_function("grid clusters of all 50k at region zoom 5", |b| {
        b.iter(|| black_box(index.clusters(&all, 5.0, region, 60.0).len()))
    });
    g.bench_function(
        "map layout of all 50k at region zoom 5 (grid + merge)",
        |b| b.iter(|| black_box(index.layout(&all, 5.0, region, 64.0, None).len())),
    );
    // "Near me" re-sorts the shown list when the home city or the filter changes.
    let almaty = shifo_core::geo::bounds::LatLon::new(43.238, 76.9458);
    g.bench_function("by_distance: all 50k from Almaty", |b| {
        b.iter(|| {
            black_box(shifo_core::geo::near::by_distance(&data, &all, black_box(almaty)).len())
        })
    });
    // core::sort (one shared merge sort, kept for wasm size) against the standard library's,
    // on what `filter::rank` sorts: 50k positions by a text score, best first.
    let scores: Vec<f32> = (0..CENTERS as u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 16) as f32)
        .collect();
    let by_score = |&a: &usize, &b: &usize| scores[b].total_cmp(&scores[a]).then(a.cmp(&b));
    g.bench_function("sort 50k by score: core::sort::sort_by", |b| {
        b.iter(|| {
            let mut ids: Vec<usize> = (0..CENTERS).collect();
            shifo_core::sort::sort_by(&mut ids, by_score);
            black_box(ids[0])
        })
    });
    g.bench_function("sort 50k by score: slice::sort_by (for comparison)", |b| {
        b.iter(|| {
            let mut ids: Vec<usize> = (0..CENTERS).collect();
            ids.sort_by(by_score);
            black_box(ids[0])
        })
    });
    let some = index.filtered(&filters[0]);
    g.bench_function("grid clusters of one specialty's centers at zoom 7", |b| {
        b.iter(|| black_box(index.clusters(&some, 7.0, region, 60.0).len()))
    });
    g.sample_size(10);
    g.bench_function("filter change via scan: list + counts (5 filters)", |b| {
        b.iter(|| {
            for f in &filters {
                black_box(data.filtered(f));
                black_box(data.facet_counts(f));
            }
        })
    });
    // The clustering crate the issue suggests: building its index is what every filter
    // change would cost, since it cannot leave points out afterwards.
    let points: Vec<Vec<f64>> = data.centers.iter().map(|c| vec![c.lon, c.lat]).collect();
    g.bench_function("supercluster 3: load (once per filter change)", |b| {
        b.iter(|| {
            let features = supercluster::Supercluster::feature_builder()
                .add_points(points.clone())
                .build();
            let options = supercluster::Supercluster::builder()
                .radius(60.0)
                .max_zoom(16)
                .build();
            let mut index = supercluster::Supercluster::new(options);
            index.load(black_box(features)).unwrap();
            black_box(
                index
                    .get_clusters([46.0, 35.0, 88.0, 56.0], 5)
                    .unwrap()
                    .len(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
