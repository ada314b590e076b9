//! Texts in other languages keyed by language code (a center's names, a specialty's labels).
//!
//! A `BTreeMap<String, String>` allocates a 280-byte node in wasm even for the one Russian name
//! most centers have: at 50,000 centers that was 14 MB of the page's memory. [`Names`] keeps
//! the entries in one exact-size slice, sorted by code, and reads and writes as the same JSON
//! object.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Language code → text, sorted by code; a repeated code keeps its last text, as a map would.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Names(Box<[(String, String)]>);

impl Names {
    /// No texts.
    pub fn new() -> Names {
        Names::default()
    }

    /// The text for `code`.
    pub fn get(&self, code: &str) -> Option<&String> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(code))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Whether there is a text for `code`.
    pub fn contains_key(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// (code, text) pairs in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The texts in code order.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many codes have a text.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no texts.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the text for `code`, replacing any earlier one.
    pub fn insert(&mut self, code: String, text: String) {
        let mut entries = std::mem::take(&mut self.0).into_vec();
        match entries.binary_search_by(|(k, _)| k.cmp(&code)) {
            Ok(i) => entries[i].1 = text,
            Err(i) => entries.insert(i, (code, text)),
        }
        self.0 = entries.into_boxed_slice();
    }

    /// From entries in any order; a later entry for a code replaces an earlier one.
    fn from_entries(mut entries: Vec<(String, String)>) -> Names {
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            // Already in order without repeats, as in most files: no second vector.
            return Names(entries.into_boxed_slice());
        }
        // Stable, so equal codes stay in file order and the last one is kept below.
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, String)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Names(out.into_boxed_slice())
    }
}

impl fmt::Debug for Names {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl std::ops::Index<&str> for Names {
    type Output = String;

    /// The text for `code`; panics when there is none, like a map's index.
    fn index(&self, code: &str) -> &String {
        self.get(code)
            .unwrap_or_else(|| panic!("no text for language {code:?}"))
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Names {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Names {
        Names::from_entries(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for Names {
    fn from(entries: [(K, V); N]) -> Names {
        entries.into_iter().collect()
    }
}

impl From<BTreeMap<String, String>> for Names {
    fn from(map: BTreeMap<String, String>) -> Names {
        Names(map.into_iter().collect())
    }
}

impl Serialize for Names {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Names, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Names;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of language codes to texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Names, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(1).min(16));
                while let Some(entry) = map.next_entry::<String, String>()? {
                    entries.push(entry);
                }
                Ok(Names::from_entries(entries))
            }
        }
        d.deserialize_map(Entries)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Names {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        BTreeMap::<String, String>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        BTreeMap::<String, String>::schema_id()
    }

    fn inline_schema() -> bool {
        BTreeMap::<String, String>::inline_schema()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        BTreeMap::<String, String>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: the JSON object, and the entries a `BTreeMap` would hold for it (serde_json's
    /// map keeps the last of repeated keys), which `Names` must equal.
    #[test]
    fn reads_like_a_map() {
        let cases = [
            r#"{}"#,
            r#"{"ru": "Центр"}"#,
            r#"{"uz": "Markaz", "kk": "Орталық", "ru": "Центр"}"#,
            r#"{"ru": "first", "kk": "К", "ru": "last"}"#,
        ];
        for text in cases {
            let names: Names = serde_json::from_str(text).unwrap();
            let map: BTreeMap<String, String> = serde_json::from_str(text).unwrap();
            assert_eq!(names, Names::from(map.clone()), "{text}");
            assert!(names.iter().eq(map.iter()), "{text}");
            assert_eq!(
                serde_json::to_string(&names).unwrap(),
                serde_json::to_string(&map).unwrap()
            );
            for (k, v) in &map {
                assert_eq!(names.get(k), Some(v));
                assert_eq!(&names[k.as_str()], v);
            }
            assert_eq!(names.get("tg"), None);
            assert_eq!(names.len(), map.len());
        }
        assert!(serde_json::from_str::<Names>(r#"["ru", "Центр"]"#).is_err());
        assert!(serde_json::from_str::<Names>(r#"{"ru": 1}"#).is_err());
    }

    #[test]
    fn insert_keeps_order_and_replaces() {
        let mut names = Names::from([("ru", "Центр")]);
        names.insert("kk".into(), "Орталық".into());
        names.insert("ru".into(), "Центр 2".into());
        let got: Vec<_> = names
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, [("kk", "Орталық"), ("ru", "Центр 2")]);
    }
}
