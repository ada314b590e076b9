//! Texts of the data and their languages: a [`Text`] is a string as a source wrote it, or a
//! translation or transliteration marked as one, naming the language it was made from, whose
//! original is kept beside it; [`Texts`] holds one per language code (a center's names, its
//! summary, a specialty's labels).
//!
//! In the file a text is a plain string (as written by a source) or an object:
//! `{"text": "Milliy onkologiya markazi", "translated_from": "ru"}` or
//! `{"text": "...", "transliterated_from": "uz-Cyrl"}`.
//!
//! A `BTreeMap<String, String>` allocates a 280-byte node in wasm even for the one Russian name
//! most centers have: at 50,000 centers that was 14 MB of the page's memory. [`Texts`] keeps
//! the entries in one exact-size slice, sorted by code, and reads and writes as a JSON object.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language tag of up to 8 ASCII characters (`ru`, `uz-Cyrl`), kept inline: a text's
/// marker must not cost an allocation per name at 50,000 centers.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Tag([u8; 8]);

impl Tag {
    /// The tag, if `code` is 1 to 8 ASCII letters, digits or hyphens.
    pub fn new(code: &str) -> Option<Tag> {
        let ok = (1..=8).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        ok.then(|| {
            let mut bytes = [0u8; 8];
            bytes[..code.len()].copy_from_slice(code.as_bytes());
            Tag(bytes)
        })
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(8);
        std::str::from_utf8(&self.0[..len]).unwrap_or_default()
    }

    /// The primary language subtag (`uz` of `uz-Cyrl`).
    pub fn language(&self) -> &str {
        self.as_str().split('-').next().unwrap_or_default()
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a text came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Made {
    /// As a source wrote it (an official name, a source's own words, our own summary).
    #[default]
    Original,
    /// Translated from the text in this language.
    TranslatedFrom(Tag),
    /// The text in this language or script, written in another script.
    TransliteratedFrom(Tag),
}

impl Made {
    /// The language it was made from, for a translation or a transliteration.
    pub fn from(&self) -> Option<Tag> {
        match *self {
            Made::Original => None,
            Made::TranslatedFrom(t) | Made::TransliteratedFrom(t) => Some(t),
        }
    }
}

/// A text and how it came to be.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Whether it is an original, a translation or a transliteration.
    pub made: Made,
}

impl Text {
    /// An original text.
    pub fn original(text: impl Into<String>) -> Text {
        Text {
            text: text.into(),
            made: Made::Original,
        }
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.made {
            Made::Original => write!(f, "{:?}", self.text),
            made => write!(f, "{:?} ({made:?})", self.text),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::ops::Deref for Text {
    type Target = String;

    fn deref(&self) -> &String {
        &self.text
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::original(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::original(s)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (key, tag) = match self.made {
            Made::Original => return s.serialize_str(&self.text),
            Made::TranslatedFrom(t) => ("translated_from", t),
            Made::TransliteratedFrom(t) => ("transliterated_from", t),
        };
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry(key, tag.as_str())?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a string, or an object with `text` and `translated_from` or \
                     `transliterated_from`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::original(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::original(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let (mut text, mut made) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let wrap: fn(Tag) -> Made = match key.as_str() {
                        "text" if text.is_none() => {
                            text = Some(map.next_value::<String>()?);
                            continue;
                        }
                        "translated_from" if made.is_none() => Made::TranslatedFrom,
                        "transliterated_from" if made.is_none() => Made::TransliteratedFrom,
                        "text" | "translated_from" | "transliterated_from" => {
                            return Err(de::Error::custom(format!(
                                "a text says where it comes from once (`{key}` again)"
                            )))
                        }
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["text", "translated_from", "transliterated_from"],
                            ))
                        }
                    };
                    let code = map.next_value::<String>()?;
                    let tag = Tag::new(&code).ok_or_else(|| {
                        de::Error::custom(format!("{code:?} is not a language code"))
                    })?;
                    made = Some(wrap(tag));
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                let made = made.ok_or_else(|| de::Error::missing_field("translated_from"))?;
                Ok(Text { text, made })
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// Language code → text, sorted by code; a repeated code keeps its last text, as a map would.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Texts(Box<[(String, Text)]>);

impl Texts {
    /// No texts.
    pub fn new() -> Texts {
        Texts::default()
    }

    /// The text for `code`.
    pub fn get(&self, code: &str) -> Option<&String> {
        self.text(code).map(|t| &t.text)
    }

    /// The text for `code`, with how it was made.
    pub fn text(&self, code: &str) -> Option<&Text> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(code))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Whether there is a text for `code`.
    pub fn contains_key(&self, code: &str) -> bool {
        self.text(code).is_some()
    }

    /// (code, text) pairs in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, &v.text))
    }

    /// (code, text with how it was made) pairs in code order.
    pub fn texts(&self) -> impl Iterator<Item = (&String, &Text)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The texts in code order.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, v)| &v.text)
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
    pub fn insert(&mut self, code: String, text: impl Into<Text>) {
        let text = text.into();
        let mut entries = std::mem::take(&mut self.0).into_vec();
        match entries.binary_search_by(|(k, _)| k.cmp(&code)) {
            Ok(i) => entries[i].1 = text,
            Err(i) => entries.insert(i, (code, text)),
        }
        self.0 = entries.into_boxed_slice();
    }

    /// From entries in any order; a later entry for a code replaces an earlier one.
    fn from_entries(mut entries: Vec<(String, Text)>) -> Texts {
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            // Already in order without repeats, as in most files: no second vector.
            return Texts(entries.into_boxed_slice());
        }
        // Stable, so equal codes stay in file order and the last one is kept below.
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Text)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Texts(out.into_boxed_slice())
    }

    /// One English original: how a format-1 field that held a string reads.
    pub fn english(text: impl Into<String>) -> Texts {
        Texts(Box::new([("en".to_string(), Text::original(text))]))
    }

    /// The entry for `code`, with the code as these texts hold it.
    fn entry(&self, code: &str) -> Option<(&str, &Text)> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(code))
            .ok()
            .map(|i| (self.0[i].0.as_str(), &self.0[i].1))
    }

    /// The original the text for `code` was made from, with its code: what it was translated
    /// or transliterated from, followed (a translation of a transliteration...) to a text as a
    /// source wrote it. `None` for an original, and when the chain leaves these texts (the
    /// original is not kept) or goes round.
    pub fn original_of(&self, code: &str) -> Option<(&str, &Text)> {
        let mut from = self.text(code)?.made.from()?;
        // A chain longer than the texts there are goes round.
        for _ in 0..self.len() {
            let (code, text) = self.entry(from.as_str())?;
            match text.made.from() {
                None => return Some((code, text)),
                Some(next) => from = next,
            }
        }
        None
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.texts()).finish()
    }
}

impl std::ops::Index<&str> for Texts {
    type Output = String;

    /// The text for `code`; panics when there is none, like a map's index.
    fn index(&self, code: &str) -> &String {
        self.get(code)
            .unwrap_or_else(|| panic!("no text for language {code:?}"))
    }
}

impl<K: Into<String>, V: Into<Text>> FromIterator<(K, V)> for Texts {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Texts {
        Texts::from_entries(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<Text>, const N: usize> From<[(K, V); N]> for Texts {
    fn from(entries: [(K, V); N]) -> Texts {
        entries.into_iter().collect()
    }
}

impl From<BTreeMap<String, String>> for Texts {
    fn from(map: BTreeMap<String, String>) -> Texts {
        Texts(
            map.into_iter()
                .map(|(k, v)| (k, Text::original(v)))
                .collect(),
        )
    }
}

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.texts())
    }
}

/// Reads the entries of a JSON object of texts.
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Texts;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of language codes to texts")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Texts, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(1).min(16));
        while let Some(entry) = map.next_entry::<String, Text>()? {
            entries.push(entry);
        }
        Ok(Texts::from_entries(entries))
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        d.deserialize_map(Entries)
    }
}

/// Texts by language, or one string read as an original in the language `code` (null: none).
struct OrString {
    code: &'static str,
    expecting: &'static str,
}

impl<'de> Visitor<'de> for OrString {
    type Value = Texts;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Texts, E> {
        Ok(Texts(Box::new([(
            self.code.to_string(),
            Text::original(v),
        )])))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Texts, E> {
        Ok(Texts::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<Texts, E> {
        Ok(Texts::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Texts, A::Error> {
        Entries.visit_map(map)
    }
}

/// Reads a field that format 1 wrote as a string (then an English original) and format 2
/// writes as texts by language (`summary`, a capacity's `note`, a hub's `scope`).
pub fn texts_or_english<'de, D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
    d.deserialize_any(OrString {
        code: "en",
        expecting: "a string (English) or an object of language codes to texts",
    })
}

/// The code of a text whose language nobody said (BCP 47's "undetermined").
pub const UNDETERMINED: &str = "und";

/// Reads a center's `address`: texts by language, or (as datasets wrote it before it could be
/// translated) one string. Sources write addresses in Russian, a state language or English,
/// so a plain string is not taken for English: it is an original in no stated language
/// ([`UNDETERMINED`]), shown to every reader as written.
pub fn texts_or_undetermined<'de, D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
    d.deserialize_any(OrString {
        code: UNDETERMINED,
        expecting: "a string or an object of language codes to texts",
    })
}

#[cfg(feature = "schema")]
pub use schema::string_or_texts;

#[cfg(feature = "schema")]
mod schema {
    use super::*;
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Text {
        fn schema_name() -> Cow<'static, str> {
            "Text".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A text as a source wrote it, or a translation or transliteration marked with the language it was made from.",
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "properties": {
                            "text": {"type": "string"},
                            "translated_from": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,8}$"},
                            "transliterated_from": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,8}$"}
                        },
                        "required": ["text"],
                        "oneOf": [{"required": ["translated_from"]}, {"required": ["transliterated_from"]}],
                        "additionalProperties": false
                    }
                ]
            })
        }
    }

    /// A field read by [`texts_or_undetermined`]: one string, texts by language, or null.
    pub fn string_or_texts(g: &mut SchemaGenerator) -> Schema {
        let texts = g.subschema_for::<Texts>();
        json_schema!({
            "description": "Texts by language code; a plain string is an original in no stated language.",
            "anyOf": [{"type": "string"}, texts, {"type": "null"}]
        })
    }

    impl JsonSchema for Texts {
        fn schema_name() -> Cow<'static, str> {
            "Texts".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let text = g.subschema_for::<Text>();
            json_schema!({
                "description": "Texts by language code (`ru`, `kk`, `uz`, ...).",
                "type": "object",
                "additionalProperties": text
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: the JSON object, and the entries a `BTreeMap` would hold for it (serde_json's
    /// map keeps the last of repeated keys), which `Texts` must equal.
    #[test]
    fn plain_texts_read_like_a_map() {
        let cases = [
            r#"{}"#,
            r#"{"ru": "Центр"}"#,
            r#"{"uz": "Markaz", "kk": "Орталық", "ru": "Центр"}"#,
            r#"{"ru": "first", "kk": "К", "ru": "last"}"#,
        ];
        for text in cases {
            let texts: Texts = serde_json::from_str(text).unwrap();
            let map: BTreeMap<String, String> = serde_json::from_str(text).unwrap();
            assert_eq!(texts, Texts::from(map.clone()), "{text}");
            assert!(texts.iter().eq(map.iter()), "{text}");
            assert_eq!(
                serde_json::to_string(&texts).unwrap(),
                serde_json::to_string(&map).unwrap()
            );
            for (k, v) in &map {
                assert_eq!(texts.get(k), Some(v));
                assert_eq!(&texts[k.as_str()], v);
            }
            assert_eq!(texts.get("tg"), None);
            assert_eq!(texts.len(), map.len());
        }
        assert!(serde_json::from_str::<Texts>(r#"["ru", "Центр"]"#).is_err());
        assert!(serde_json::from_str::<Texts>(r#"{"ru": 1}"#).is_err());
    }

    #[test]
    fn marked_texts_round_trip() {
        // (JSON, how it was made, or None when it must be refused)
        let tag = |s| Tag::new(s).unwrap();
        let cases: [(&str, Option<Made>); 8] = [
            (r#""Центр""#, Some(Made::Original)),
            (
                r#"{"text":"Markaz","translated_from":"ru"}"#,
                Some(Made::TranslatedFrom(tag("ru"))),
            ),
            (
                r#"{"text":"Markaz","transliterated_from":"uz-Cyrl"}"#,
                Some(Made::TransliteratedFrom(tag("uz-Cyrl"))),
            ),
            (r#"{"text":"Markaz"}"#, None),
            (r#"{"translated_from":"ru"}"#, None),
            (
                r#"{"text":"M","translated_from":"ru","transliterated_from":"ru"}"#,
                None,
            ),
            (r#"{"text":"M","translated_from":"not a code"}"#, None),
            (r#"{"text":"M","from":"ru"}"#, None),
        ];
        for (json, want) in cases {
            let got = serde_json::from_str::<Text>(json);
            match want {
                Some(made) => {
                    let t = got.unwrap_or_else(|e| panic!("{json}: {e}"));
                    assert_eq!(t.made, made, "{json}");
                    assert_eq!(serde_json::to_string(&t).unwrap(), json, "written back");
                }
                None => assert!(got.is_err(), "{json} must be refused"),
            }
        }
    }

    #[test]
    fn format_one_strings_read_as_english() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(deserialize_with = "texts_or_english")]
            summary: Texts,
        }
        let one: Holder = serde_json::from_str(r#"{"summary": "A center."}"#).unwrap();
        assert_eq!(one.summary, Texts::english("A center."));
        let two: Holder = serde_json::from_str(
            r#"{"summary": {"en": "A center.", "ru": {"text": "Центр.", "translated_from": "en"}}}"#,
        )
        .unwrap();
        assert_eq!(
            two.summary.text("ru").map(|t| t.made),
            Some(Made::TranslatedFrom(Tag::new("en").unwrap()))
        );
    }

    #[test]
    fn an_address_reads_as_a_string_or_by_language() {
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "texts_or_undetermined")]
            address: Texts,
        }
        let read = |json: &str| serde_json::from_str::<Holder>(json).map(|h| h.address);
        // A plain string, as datasets wrote it: an original whose language nobody said (a
        // Russian address is not taken for English).
        let plain = read(r#"{"address": "г. Шымкент, ул. Байтурсынова, 85а"}"#).unwrap();
        assert_eq!(
            plain.text(UNDETERMINED),
            Some(&Text::original("г. Шымкент, ул. Байтурсынова, 85а"))
        );
        assert_eq!(plain.len(), 1);
        // By language, translations marked; absent or null: none.
        let by_language = read(
            r#"{"address": {"ru": "г. Шымкент, ул. Байтурсынова, 85а",
                "en": {"text": "85a Baitursynov St, Shymkent", "translated_from": "ru"}}}"#,
        )
        .unwrap();
        let ru = Tag::new("ru").unwrap();
        assert_eq!(
            by_language.text("en").map(|t| t.made),
            Some(Made::TranslatedFrom(ru))
        );
        assert_eq!(by_language.text("ru").map(|t| t.made), Some(Made::Original));
        assert!(read("{}").unwrap().is_empty());
        assert!(read(r#"{"address": null}"#).unwrap().is_empty());
        // Anything else is refused, saying what an address may be.
        let e = read(r#"{"address": 12}"#).unwrap_err().to_string();
        assert!(
            e.contains("a string or an object of language codes to texts"),
            "{e}"
        );
        assert!(read(r#"{"address": {"ru": 12}}"#).is_err());
        assert!(read(r#"{"address": ["ул. Б"]}"#).is_err());
    }

    #[test]
    fn the_original_a_text_was_made_from() {
        let tag = |s| Tag::new(s).unwrap();
        let made = |text: &str, made| Text {
            text: text.into(),
            made,
        };
        let texts = Texts::from([
            ("uz-Cyrl", made("Б кўчаси, 2", Made::Original)),
            (
                "uz",
                made("B koʻchasi, 2", Made::TransliteratedFrom(tag("uz-Cyrl"))),
            ),
            ("en", made("2 B Street", Made::TranslatedFrom(tag("uz")))),
            ("tk", made("B köçesi, 2", Made::TranslatedFrom(tag("ky")))),
        ]);
        // A translation of a transliteration leads back to what was written.
        let (code, text) = texts.original_of("en").expect("an original");
        assert_eq!((code, text.text.as_str()), ("uz-Cyrl", "Б кўчаси, 2"));
        assert_eq!(texts.original_of("uz").map(|(c, _)| c), Some("uz-Cyrl"));
        // An original was made from nothing; an original not kept, or no text, gives none.
        assert_eq!(texts.original_of("uz-Cyrl"), None);
        assert_eq!(texts.original_of("tk"), None);
        assert_eq!(texts.original_of("ru"), None);
        // A chain that goes round has no original.
        let round = Texts::from([
            ("en", made("2 B", Made::TranslatedFrom(tag("ru")))),
            ("ru", made("Б 2", Made::TranslatedFrom(tag("en")))),
        ]);
        assert_eq!(round.original_of("en"), None);
    }

    #[test]
    fn tags_are_short_codes() {
        for ok in ["ru", "uz-Cyrl", "en", "tk"] {
            assert_eq!(
                Tag::new(ok).map(|t| t.as_str().to_string()),
                Some(ok.into())
            );
        }
        for bad in ["", "a very long tag", "ru ", "ру"] {
            assert!(Tag::new(bad).is_none(), "{bad:?}");
        }
        assert_eq!(Tag::new("uz-Cyrl").unwrap().language(), "uz");
    }

    #[test]
    fn insert_keeps_order_and_replaces() {
        let mut texts = Texts::from([("ru", "Центр")]);
        texts.insert("kk".into(), "Орталық");
        texts.insert("ru".into(), "Центр 2");
        let got: Vec<_> = texts
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, [("kk", "Орталық"), ("ru", "Центр 2")]);
    }
}
