//! Every interface string the code asks for exists in `locales/en.json`.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(path).unwrap();
            // Unit tests look up missing keys on purpose.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            out.push(code.to_string());
        }
    }
}

#[test]
fn every_key_used_in_src_is_in_the_locale_file() {
    let en: HashMap<String, String> = serde_json::from_str(shifo::i18n::EN).unwrap();
    let mut sources = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut checked = 0;
    for src in &sources {
        for (call, suffixes) in [
            ("t(\"", &[""][..]),
            ("t_with(\"", &[""]),
            ("t_count(\"", &["_one", "_other"]),
        ] {
            for (at, _) in src.match_indices(call) {
                // `t("` also ends `t_count("`: only count calls not preceded by an identifier.
                let before = src[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let piece = &src[at + call.len()..];
                let key = &piece[..piece.find('"').unwrap()];
                for suffix in suffixes {
                    let full = format!("{key}{suffix}");
                    assert!(en.contains_key(&full), "locales/en.json lacks {full}");
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked > 30,
        "only {checked} keys found: is the scan broken?"
    );
    for c in shifo_core::Country::ALL {
        assert!(en.contains_key(&format!("country_{}", c.code())));
    }
}
