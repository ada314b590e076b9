//! The dataset's translations, one file per language, so that a reader downloads the texts of
//! their own language only. The dataset file keeps every name and specialty label (searched in
//! every language and script) and every original text; `translations/<lang>.json` beside it
//! holds that language's translations of the other texts (addresses, summaries, notes, scopes,
//! titles), each marked as a translation, keyed by where it belongs (`centers/<id>/summary`). The
//! dataset's `translations` lists the languages that have a file, so that a reader of another
//! language asks for nothing.
//!
//! Why: the seven languages' texts are three quarters of the bundled dataset (409 of 553 KB
//! gzip when they were one file); a family on a slow phone network reads one language.
//!
//! ```
//! use shifo_core::dataset::translations::Translations;
//! use shifo_core::Dataset;
//!
//! let mut d = shifo_core::dataset::synth::generate(40, 1, &[]);
//! let whole = d.clone();
//! let packs = d.split_translations();
//! assert!(d.centers != whole.centers, "the translations left the dataset");
//! assert_eq!(d.translations, ["ru"], "and the dataset says which files it has");
//! for pack in &packs {
//!     d.add_translations(pack);
//! }
//! assert_eq!(d.centers, whole.centers, "they come back whole");
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::dataset::load::Loaded;
use crate::dataset::model::Dataset;
use crate::dataset::text::{Made, Text, Texts};
use crate::lang::Lang;

/// One language's translations of a dataset's texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translations {
    /// The language.
    #[serde(with = "lang_code")]
    pub lang: Lang,
    /// Where each text belongs (see [`Dataset::texts_mut`]) → the translation.
    pub texts: BTreeMap<String, Text>,
}

/// `Lang` as its code in JSON.
mod lang_code {
    use serde::{de, Deserialize, Deserializer, Serializer};

    use crate::lang::Lang;

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| de::Error::custom(format!("{code:?} is not an interface language")))
    }
}

impl Dataset {
    /// Every text of the dataset that translations are made of, with the key that says where
    /// it belongs. Not names nor specialty labels: those stay in the dataset file, because
    /// search looks for them in every language whatever the reader's.
    pub fn texts_mut(&mut self) -> Vec<(String, &mut Texts)> {
        let mut out: Vec<(String, &mut Texts)> = Vec::new();
        for c in &mut self.centers {
            let id = &c.id;
            out.push((format!("centers/{id}/address"), &mut c.address));
            out.push((format!("centers/{id}/summary"), &mut c.summary));
            if let Some(cap) = c.capacity.as_mut() {
                out.push((format!("centers/{id}/capacity/note"), &mut cap.note));
            }
            for (i, k) in c.care.iter_mut().enumerate() {
                out.push((format!("centers/{id}/care/{i}/note"), &mut k.note));
            }
            if let Some(a) = c.access.as_mut() {
                out.push((format!("centers/{id}/access/how"), &mut a.how));
                out.push((
                    format!("centers/{id}/access/appointment"),
                    &mut a.appointment,
                ));
            }
            for (i, f) in c.figures.iter_mut().enumerate() {
                out.push((format!("centers/{id}/figures/{i}"), &mut f.what));
            }
        }
        for (i, p) in self.partnerships.iter_mut().enumerate() {
            out.push((format!("partnerships/{i}/occasion"), &mut p.occasion));
            out.push((format!("partnerships/{i}/scope"), &mut p.scope));
        }
        for e in &mut self.events {
            let id = &e.id;
            out.push((format!("events/{id}/title"), &mut e.titles));
            out.push((format!("events/{id}/summary"), &mut e.summary));
            for (i, f) in e.figures.iter_mut().enumerate() {
                out.push((format!("events/{id}/figures/{i}"), &mut f.what));
            }
        }
        for h in &mut self.hubs {
            let id = &h.id;
            out.push((format!("hubs/{id}/name"), &mut h.names));
            out.push((format!("hubs/{id}/scope"), &mut h.scope));
            for (i, f) in h.figures.iter_mut().enumerate() {
                out.push((format!("hubs/{id}/figures/{i}"), &mut f.what));
            }
        }
        for a in &mut self.authorities {
            let country = a.country;
            for (i, p) in a.phones.iter_mut().enumerate() {
                out.push((
                    format!("authorities/{country}/phones/{i}/label"),
                    &mut p.label,
                ));
            }
        }
        out
    }

    /// Takes every translation (a text marked as translated, in an interface language other
    /// than English) out of the texts, into one [`Translations`] per language, and lists those
    /// languages in `translations`.
    pub fn split_translations(&mut self) -> Vec<Translations> {
        let mut packs: BTreeMap<&'static str, Translations> = BTreeMap::new();
        for (key, texts) in self.texts_mut() {
            let mut kept = Texts::new();
            for (code, text) in texts.texts() {
                let lang = Lang::from_code(code).filter(|l| l.code() == code && *l != Lang::En);
                match (lang, text.made) {
                    (Some(lang), Made::TranslatedFrom(_)) => {
                        let pack = packs.entry(lang.code()).or_insert_with(|| Translations {
                            lang,
                            texts: BTreeMap::new(),
                        });
                        pack.texts.insert(key.clone(), text.clone());
                    }
                    _ => kept.insert(code.clone(), text.clone()),
                }
            }
            *texts = kept;
        }
        for code in packs.keys() {
            if !self.translations.iter().any(|c| c == code) {
                self.translations.push(code.to_string());
            }
        }
        packs.into_values().collect()
    }

    /// Puts a language's translations back where they belong; returns how many found their
    /// place (a key the dataset does not have, as after an edit, is passed over).
    pub fn add_translations(&mut self, pack: &Translations) -> usize {
        let code = pack.lang.code();
        let mut placed = 0;
        for (key, texts) in self.texts_mut() {
            if let Some(text) = pack.texts.get(&key) {
                texts.insert(code.to_string(), text.clone());
                placed += 1;
            }
        }
        placed
    }
}

impl Translations {
    /// Reads a translations file; the error says where it is malformed. Through the dataset's
    /// own reader, so that the app's wasm holds one copy of the texts' typing code.
    pub fn from_json(text: &str) -> Result<Translations, serde_json::Error> {
        crate::dataset::objects::from_str(text)
    }

    /// Where the translations of the dataset at `dataset_url` are: `translations/<lang>.json`
    /// beside it, or `None` for English (the dataset's own language).
    ///
    /// ```
    /// use shifo_core::dataset::translations::Translations;
    /// use shifo_core::Lang;
    ///
    /// let url = Translations::url_beside("data/centers.json", Lang::Ru);
    /// assert_eq!(url.as_deref(), Some("data/translations/ru.json"));
    /// assert_eq!(Translations::url_beside("https://moh.example/c.json?v=2", Lang::Tk).as_deref(),
    ///     Some("https://moh.example/translations/tk.json"));
    /// assert_eq!(Translations::url_beside("data/centers.json", Lang::En), None);
    /// ```
    pub fn url_beside(dataset_url: &str, lang: Lang) -> Option<String> {
        if lang == Lang::En {
            return None;
        }
        let path = dataset_url.split(['?', '#']).next().unwrap_or_default();
        let dir = path.rfind('/').map_or("", |i| &path[..=i]);
        Some(format!("{dir}translations/{}.json", lang.code()))
    }
}

impl Loaded {
    /// The same load with `pack`'s translations in place. The index (shared, not copied) and
    /// the problems carry over: translations touch no name, label, place or id. The dataset
    /// is copied (this load still shows it until the translated one takes its place).
    pub fn with_translations(&self, pack: &Translations) -> Loaded {
        let mut translated = self.clone();
        Arc::make_mut(&mut translated.dataset).add_translations(pack);
        // The labels in the new language are searched as words too.
        let phrases = translated.dataset.specialty_phrases();
        translated.conditions = Arc::new(translated.conditions.with_literals(phrases));
        translated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../../public/data/centers.json");

    fn pack(lang: &str) -> Translations {
        let text = match lang {
            "ru" => include_str!("../../../public/data/translations/ru.json"),
            "kk" => include_str!("../../../public/data/translations/kk.json"),
            "uz" => include_str!("../../../public/data/translations/uz.json"),
            "ky" => include_str!("../../../public/data/translations/ky.json"),
            "tg" => include_str!("../../../public/data/translations/tg.json"),
            _ => include_str!("../../../public/data/translations/tk.json"),
        };
        serde_json::from_str(text).expect("a translations file")
    }

    #[test]
    fn the_bundled_files_split_and_join_back() {
        // The dataset file holds no translation; each file holds its language's, all of which
        // find their place; splitting the joined dataset gives the same files again.
        let mut d = Dataset::from_json(BUNDLED).expect("bundled dataset");
        assert!(
            d.clone().split_translations().is_empty(),
            "no translation is left in"
        );
        // In the order `split_translations` gives them: by language code.
        let packs: Vec<Translations> = ["kk", "ky", "ru", "tg", "tk", "uz"].map(pack).into();
        for p in &packs {
            assert!(!p.texts.is_empty(), "{:?}", p.lang);
            assert_eq!(d.add_translations(p), p.texts.len(), "{:?}", p.lang);
            for t in p.texts.values() {
                assert!(matches!(t.made, Made::TranslatedFrom(_)), "{t:?}");
            }
        }
        assert!(
            d.split_translations() == packs,
            "splitting again gives the same files"
        );
    }

    #[test]
    fn names_and_labels_stay_for_search() {
        // A reader of any language finds a center by its Russian name or a specialty by its
        // Kazakh label without downloading those languages' files.
        let d = Dataset::from_json(BUNDLED).expect("bundled dataset");
        assert!(d.specialties.iter().all(|s| s.labels.get("ru").is_some()));
        assert!(d.centers.iter().all(|c| c.names.get("ru").is_some()));
    }

    #[test]
    fn a_load_with_translations_keeps_its_index() {
        let loaded = Dataset::load(BUNDLED).expect("bundled dataset");
        let with = loaded.with_translations(&pack("ru"));
        assert!(std::sync::Arc::ptr_eq(&with.index, &loaded.index));
        assert_eq!(with.problems, loaded.problems);
        let first = &with.dataset.centers[0];
        assert!(first.summary.get("ru").is_some(), "{:?}", first.summary);
        // An address written in English reads in Russian, marked as a translation of it.
        let nroc = with.dataset.center("nroc-astana").expect("nroc-astana");
        let en = crate::dataset::text::Tag::new("en").unwrap();
        assert_eq!(
            nroc.address.text("ru").map(|t| t.made),
            Some(Made::TranslatedFrom(en))
        );
        assert!(nroc
            .address
            .original_of("ru")
            .is_some_and(|(code, _)| code == "en"));
    }

    #[test]
    fn an_address_is_translated_like_a_summary() {
        // A Kazakh original with its English and Russian translations: the Russian one goes
        // to the Russian file under `centers/<id>/address`, the original and the English stay.
        let mut d = crate::dataset::synth::generate(1, 1, &[]);
        let kk = crate::dataset::text::Tag::new("kk").unwrap();
        let from_kk = |text: &str| Text {
            text: text.into(),
            made: Made::TranslatedFrom(kk),
        };
        d.centers[0].address = Texts::from([
            ("kk", Text::original("Павлодар қ., Российская к., 57/3")),
            ("en", from_kk("57/3 Rossiyskaya St, Pavlodar")),
            ("ru", from_kk("г. Павлодар, ул. Российская, 57/3")),
        ]);
        let whole = d.clone();
        let packs = d.split_translations();
        let key = format!("centers/{}/address", d.centers[0].id);
        let ru = packs
            .iter()
            .find(|p| p.lang == Lang::Ru)
            .expect("a Russian file");
        assert_eq!(ru.texts.get(&key), whole.centers[0].address.text("ru"));
        let kept: Vec<&str> = d.centers[0]
            .address
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(kept, ["en", "kk"], "the original and the English stay");
        for pack in &packs {
            d.add_translations(pack);
        }
        assert_eq!(d.centers[0].address, whole.centers[0].address);
    }

    #[test]
    fn texts_of_other_kinds_stay() {
        // An original in Russian, a transliteration, and English stay in the dataset.
        let mut d = crate::dataset::synth::generate(1, 1, &[]);
        let ru = crate::dataset::text::Tag::new("ru").unwrap();
        d.centers[0].summary = Texts::from([
            ("en", Text::original("A.")),
            ("kk", Text::original("Ә.")),
            (
                "uz",
                Text {
                    text: "A.".into(),
                    made: Made::TransliteratedFrom(ru),
                },
            ),
        ]);
        let before = d.clone();
        assert!(d.split_translations().is_empty());
        assert_eq!(d, before);
    }
}
