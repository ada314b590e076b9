//! Interface strings, read from `locales/en.json` so that no component holds literal UI text
//! and the browser tests can compare the page against the same file.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The English locale file, compiled in.
pub const EN: &str = include_str!("../locales/en.json");

fn strings() -> &'static HashMap<String, String> {
    static STRINGS: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The file is checked by a native test, so an empty table here would be a build mistake;
    // showing keys is better than a panic.
    STRINGS.get_or_init(|| serde_json::from_str(EN).unwrap_or_default())
}

/// The string for `key`, or the key itself when it is missing.
pub fn t(key: &str) -> String {
    strings()
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// The string for `key` with each `{name}` replaced by its value.
pub fn t_with(key: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(t(key), |s, (name, value)| {
        s.replace(&format!("{{{name}}}"), value)
    })
}

/// The country's name in the interface language.
pub fn country_name(country: shifo_core::Country) -> String {
    t(&format!("country_{}", country.code()))
}

/// "City, Country" for a center.
pub fn place(center: &shifo_core::Center) -> String {
    format!("{}, {}", center.city, country_name(center.country))
}

/// The plural form of `key` for `count` (`key_one` or `key_other`), with `{count}` filled in.
pub fn t_count(key: &str, count: usize) -> String {
    let form = if count == 1 { "one" } else { "other" };
    t_with(&format!("{key}_{form}"), &[("count", &count.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(t("retry"), "Retry");
        assert_eq!(t("no-such-key"), "no-such-key");
        assert_eq!(t_count("results_count", 1), "1 center");
        assert_eq!(t_count("results_count", 0), "0 centers");
        assert_eq!(
            t_with(
                "footer_dataset",
                &[("version", "v1"), ("updated", "2026-01-01")]
            ),
            "Dataset v1, updated 2026-01-01."
        );
    }
}
