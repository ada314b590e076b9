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
    let data = shifo_core::synth::generate(CENTERS, 1, &vocabulary);
    let text = serde_json::to_string(&data).unwrap();
    let mut g = c.benchmark_group("50k centers");
    g.sample_size(10);
    g.bench_function("load: parse + validate + index", |b| {
        b.iter(|| Dataset::load(black_box(&text)).unwrap())
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
    g.sample_size(10);
    g.bench_function("filter change via scan: list + counts (5 filters)", |b| {
        b.iter(|| {
            for f in &filters {
                black_box(data.filtered(f));
                black_box(data.facet_counts(f));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
