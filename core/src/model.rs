//! Dataset types: the shape of `public/data/centers.json` (schema version 1).
//!
//! Unknown fields are rejected so that a typo in a ministry's file ("pediatirc") is reported
//! with its line and column instead of being silently ignored.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The schema version this build of Shifo reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: the specialty vocabulary, the centers and the cooperation between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version; only [`SCHEMA_VERSION`] is accepted.
    pub schema_version: u32,
    /// Free-form release label of the data, shown to users.
    pub version: String,
    /// Day the data was last updated, `YYYY-MM-DD`.
    pub updated: String,
    /// Controlled vocabulary of specialty codes.
    pub specialties: Vec<Specialty>,
    /// The medical centers.
    pub centers: Vec<Center>,
    /// Memoranda and agreements between centers.
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
    /// Medicine Days, conferences and similar events.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// One entry of the specialty vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Specialty {
    /// Stable code used by centers and in URLs, e.g. `pediatric-oncology`.
    pub code: String,
    /// English label.
    pub label: String,
    /// Labels in other languages, keyed by language code (`ru`, `kk`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// The five countries Shifo covers, as ISO 3166-1 alpha-2 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Country {
    /// Kazakhstan.
    KZ,
    /// Uzbekistan.
    UZ,
    /// Kyrgyzstan.
    KG,
    /// Tajikistan.
    TJ,
    /// Turkmenistan.
    TM,
}

impl Country {
    /// Every country, in the order filters list them.
    pub const ALL: [Country; 5] = [
        Country::KZ,
        Country::UZ,
        Country::KG,
        Country::TJ,
        Country::TM,
    ];

    /// The ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::KZ => "KZ",
            Country::UZ => "UZ",
            Country::KG => "KG",
            Country::TJ => "TJ",
            Country::TM => "TM",
        }
    }

    /// Parses an alpha-2 code, case-insensitively; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The English short name.
    pub fn name(self) -> &'static str {
        match self {
            Country::KZ => "Kazakhstan",
            Country::UZ => "Uzbekistan",
            Country::KG => "Kyrgyzstan",
            Country::TJ => "Tajikistan",
            Country::TM => "Turkmenistan",
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A specialty medical center.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Center {
    /// Stable slug, used in URLs (`center=<id>`).
    pub id: String,
    /// Name in English.
    pub name: String,
    /// Names in other languages, keyed by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// Country the center is in.
    pub country: Country,
    /// City, in English.
    pub city: String,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
    /// Specialty codes from the dataset's vocabulary.
    pub specialties: Vec<String>,
    /// Whether the center treats children.
    pub pediatric: bool,
    /// What the sources say about the center, in one or two sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Website; shown only as an http(s) link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Phone number in international format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where the facts about this center come from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Center {
    /// Whether the center offers the given specialty code.
    pub fn offers(&self, code: &str) -> bool {
        self.specialties.iter().any(|s| s == code)
    }

    /// The website, but only when it is an `https:` or `http:` URL, so data can never produce
    /// a `javascript:` link.
    pub fn safe_website(&self) -> Option<&str> {
        self.website.as_deref().filter(|w| is_web_url(w))
    }

    /// A `tel:` URI for the phone, keeping only `+` and digits; `None` when no digits remain.
    pub fn tel_uri(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let digits: String = phone
            .chars()
            .enumerate()
            .filter(|&(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'))
            .map(|(_, c)| c)
            .collect();
        (digits.chars().filter(char::is_ascii_digit).count() >= 5).then(|| format!("tel:{digits}"))
    }
}

/// Where a fact comes from: a published article or a file of the seed corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the article or page.
    pub title: String,
    /// Web address of the source, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// File name of the article in the seed corpus, if it comes from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Source {
    /// The URL, but only when it is `https:` or `http:`.
    pub fn safe_url(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| is_web_url(u))
    }
}

/// A memorandum or agreement between two centers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Id of one center.
    pub a: String,
    /// Id of the other center.
    pub b: String,
    /// Date signed, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, if the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was signed (e.g. a Medicine Days event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    /// What the parties agreed to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Where this comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A Medicine Days week, a conference or a similar event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable slug.
    pub id: String,
    /// Title in English.
    pub title: String,
    /// First day, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day, same format as `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Cities where it takes place.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Ids of the centers taking part.
    #[serde(default)]
    pub centers: Vec<String>,
    /// Where this comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// Whether a string is an absolute `https:` or `http:` URL with a host.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn center_with(website: Option<&str>, phone: Option<&str>) -> Center {
        Center {
            id: "x".into(),
            name: "X".into(),
            names: BTreeMap::new(),
            country: Country::KZ,
            city: "Astana".into(),
            lat: 51.0,
            lon: 71.0,
            specialties: vec![],
            pediatric: false,
            summary: None,
            website: website.map(Into::into),
            phone: phone.map(Into::into),
            sources: vec![],
        }
    }

    #[test]
    fn only_http_urls_are_links() {
        // Cases from the OWASP XSS cheat sheet's URL-scheme section.
        let cases = [
            ("https://example.org", true),
            ("http://example.org/a?b", true),
            ("HTTPS://EXAMPLE.ORG", true),
            ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            ("data:text/html,<script>", false),
            ("//example.org", false),
            ("https://", false),
            ("https:///path", false),
            ("example.org", false),
        ];
        for (url, ok) in cases {
            assert_eq!(is_web_url(url), ok, "{url}");
            assert_eq!(
                center_with(Some(url), None).safe_website().is_some(),
                ok,
                "{url}"
            );
        }
    }

    #[test]
    fn tel_uri_keeps_plus_and_digits() {
        let cases = [
            (Some("+7 (7172) 70-29-00"), Some("tel:+77172702900")),
            (Some("8 800 080 88 87"), Some("tel:88000808887")),
            (Some("call us"), None),
            (Some("12-3"), None),
            (None, None),
        ];
        for (phone, want) in cases {
            assert_eq!(
                center_with(None, phone).tel_uri().as_deref(),
                want,
                "{phone:?}"
            );
        }
    }

    #[test]
    fn country_codes_round_trip() {
        for c in Country::ALL {
            assert_eq!(Country::from_code(c.code()), Some(c));
            assert_eq!(Country::from_code(&c.code().to_lowercase()), Some(c));
        }
        assert_eq!(Country::from_code("RU"), None);
        assert_eq!(Country::from_code(""), None);
    }
}
