//! The broken-dataset corpus in `tests/datasets/invalid/`: one file per validation rule, each
//! with the exact output `shifo-data validate --no-warnings` must print (`NAME.expected`,
//! checked by hand against the file: the line and column are those of the offending value, or
//! of the key for an unknown field, or of the object for a missing one).

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/datasets")
}

/// Runs the validator from `dir` on `file`, returning (exit code, stdout).
fn validate(dir: &Path, file: &str, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shifo-data"))
        .current_dir(dir)
        .args(["validate", file])
        .args(extra)
        .output()
        .expect("shifo-data runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn every_rule_has_a_broken_file_with_exactly_its_error() {
    // The rules issue 3 lists, plus the other checks the validator makes.
    let rules = [
        "syntax-error",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "bad-country",
        "duplicate-id",
        "unknown-specialty",
        "outside-country",
        "partnership-unknown-center",
        "event-unknown-center",
        "url-scheme",
        "malformed-phone",
        "bad-email",
        "bad-date",
        "no-source",
        "newer-schema-version",
        "bad-id",
        "coordinates-out-of-range",
        "hub-unknown-host",
        "part-of-unknown-center",
        "source-without-url-or-file",
        "record-as-array",
        "repeated-field",
        "lone-surrogate",
        "hub-without-source",
        "authority-duplicate-country",
        "authority-bad-phone",
    ];
    let dir = corpus().join("invalid");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_string())
        })
        .collect();
    found.sort();
    let mut want: Vec<String> = rules.iter().map(|r| r.to_string()).collect();
    want.sort();
    assert_eq!(found, want, "corpus files and rules differ");
    for rule in rules {
        let expected = std::fs::read_to_string(dir.join(format!("{rule}.expected")))
            .unwrap_or_else(|e| panic!("{rule}.expected: {e}"));
        let (code, out) = validate(&dir, &format!("{rule}.json"), &["--no-warnings"]);
        assert_eq!(out, expected, "{rule}");
        assert_eq!(code, 1, "{rule} exits 1");
        // Exactly one error line, then the summary.
        let errors = out.lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, 1, "{rule}: {out}");
    }
}

#[test]
fn a_clean_file_exits_zero_and_warnings_do_not_fail() {
    let (code, out) = validate(&corpus().join("valid"), "minimal.json", &[]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "minimal.json: 0 errors, 0 warnings; usable: 2 centers, 1 partnership, 1 event, 0 hubs\n"
        )
    );
    // The bundled dataset: city-level positions are warnings, printed, and the exit is 0.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (code, out) = validate(&data, "centers.json", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(": warning: ") && !out.contains(": error: "),
        "{out}"
    );
    assert!(out
        .lines()
        .last()
        .unwrap()
        .starts_with("centers.json: 0 errors, "));
}

#[test]
fn usage_errors_exit_two() {
    let dir = corpus();
    let (code, _) = validate(&dir, "no-such-file.json", &[]);
    assert_eq!(code, 2);
    let out = Command::new(env!("CARGO_BIN_EXE_shifo-data"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
