//! The seven locale files say the same things: every English key exists in every language
//! (with the plural forms that language needs), and each string interpolates the same values.
//! build.rs checks keys and values against the code at compile time but only warns about a
//! missing translation (English is shown); this makes a missing one a failure.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const LOCALES: [&str; 7] = ["en", "ru", "kk", "uz", "ky", "tg", "tk"];
const PLURAL: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

fn load(code: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{code}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A key without its plural suffix.
fn base(key: &str) -> &str {
    PLURAL
        .iter()
        .find_map(|s| key.strip_suffix(s))
        .unwrap_or(key)
}

/// The `{{ name }}` interpolations of a string.
fn vars(s: &str) -> BTreeSet<String> {
    s.split("{{")
        .skip(1)
        .filter_map(|p| p.split_once("}}"))
        .map(|(v, _)| v.trim().to_string())
        .collect()
}

#[test]
fn every_language_has_every_message_with_the_same_values() {
    let en = load("en");
    let messages: BTreeSet<&str> = en.keys().map(|k| base(k)).collect();
    assert!(messages.len() > 80, "only {} messages", messages.len());
    for code in LOCALES {
        let file = load(code);
        let have: BTreeSet<&str> = file.keys().map(|k| base(k)).collect();
        assert_eq!(have, messages, "{code}.json: keys differ from en.json");
        for (key, text) in &file {
            assert!(!text.trim().is_empty(), "{code}.json: {key} is empty");
            assert!(
                !text.contains('<') && !text.contains('>'),
                "{code}.json: {key} has markup"
            );
            let english = en
                .iter()
                .find(|(k, _)| base(k) == base(key))
                .map(|(_, v)| v)
                .unwrap();
            assert_eq!(vars(text), vars(english), "{code}.json: {key}");
        }
        // Each language names itself in the switcher, in its own words.
        assert!(file.contains_key("language_name"));
    }
    // Russian needs four plural forms (CLDR: one, few, many, other).
    let ru = load("ru");
    for form in ["_one", "_few", "_many", "_other"] {
        assert!(
            ru.contains_key(&format!("results_count{form}")),
            "ru lacks {form}"
        );
    }
}

#[test]
fn translations_are_translated() {
    // A file copied from English would pass the key check; most strings must differ.
    let en = load("en");
    for code in &LOCALES[1..] {
        let file = load(code);
        let same = file
            .iter()
            .filter(|(k, v)| en.get(*k) == Some(*v) && !k.starts_with("app_title"))
            .count();
        assert!(same < 5, "{code}.json: {same} strings are still English");
    }
}
