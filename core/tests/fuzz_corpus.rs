//! Replays the committed fuzz corpus on stable: every seed in `fuzz/corpus/<target>/` and every
//! minimized crash in `fuzz/regressions/<target>/` goes through the same checks the fuzz targets
//! run (`fuzz/src/checks.rs`, included below), so CI re-checks them without nightly or
//! libFuzzer. See docs/fuzzing.md.

use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/checks.rs"]
mod checks;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files directly in `dir`, sorted; empty when the directory does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| p.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    out.sort();
    out
}

/// Runs `check` on every seed and regression input of `target`, naming the file that fails.
fn replay(target: &str, check: fn(&[u8]), min_seeds: usize) {
    let seeds = files(&fuzz_dir().join("corpus").join(target));
    assert!(
        seeds.len() >= min_seeds,
        "fuzz/corpus/{target}/ holds {} files, expected at least {min_seeds}: is the seed corpus missing?",
        seeds.len()
    );
    let regressions = files(&fuzz_dir().join("regressions").join(target));
    for path in seeds.iter().chain(&regressions) {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outcome = std::panic::catch_unwind(|| check(&data));
        if outcome.is_err() {
            panic!(
                "{} fails the {target} fuzz checks (reproduce with \
                 `cd fuzz && cargo +nightly fuzz run {target} {}`)",
                path.display(),
                path.display()
            );
        }
    }
}

#[test]
fn dataset_corpus_passes_the_fuzz_checks() {
    replay("dataset", checks::dataset, 20);
}

#[test]
fn query_corpus_passes_the_fuzz_checks() {
    replay("query", checks::query, 15);
}
