//! The languages Shifo speaks, and the order in which data falls back when a name or label is
//! missing in the chosen one.

use std::collections::BTreeMap;

/// An interface and data language (ISO 639-1 code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English: the dataset's base `name` and `label`.
    En,
    /// Russian: the region's common language, the first fallback.
    Ru,
    /// Kazakh (Cyrillic).
    Kk,
    /// Uzbek (Latin).
    Uz,
    /// Kyrgyz.
    Ky,
    /// Tajik.
    Tg,
    /// Turkmen.
    Tk,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Ru,
        Lang::Kk,
        Lang::Uz,
        Lang::Ky,
        Lang::Tg,
        Lang::Tk,
    ];

    /// The code used in the URL, in `<html lang>` and as a key of `names` / `labels`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Uz => "uz",
            Lang::Ky => "ky",
            Lang::Tg => "tg",
            Lang::Tk => "tk",
        }
    }

    /// The language of a code such as `ru`, `RU` or a browser tag such as `uz-Latn-UZ`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Where to look for a text, in order: this language, then Russian, then English.
    /// Russian comes before English because every user of the region reads it.
    pub fn fallbacks(self) -> impl Iterator<Item = Lang> {
        let mut seen = Vec::with_capacity(3);
        [self, Lang::Ru, Lang::En].into_iter().filter(move |l| {
            let new = !seen.contains(l);
            seen.push(*l);
            new
        })
    }

    /// The text for this language from a base English text and a map of translations:
    /// the first non-blank one along [`Self::fallbacks`], else `base` (never blank unless it is).
    pub fn pick<'a>(self, base: &'a str, translations: &'a BTreeMap<String, String>) -> &'a str {
        self.fallbacks()
            .find_map(|l| {
                let text = match l {
                    Lang::En => base,
                    _ => translations.get(l.code()).map(String::as_str)?,
                };
                (!text.trim().is_empty()).then_some(text)
            })
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_browser_tags_resolve() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        // Tags as navigator.languages gives them (BCP 47).
        let cases = [
            ("ru-RU", Some(Lang::Ru)),
            ("uz-Latn-UZ", Some(Lang::Uz)),
            ("KK", Some(Lang::Kk)),
            ("tg_TJ", Some(Lang::Tg)),
            ("de", None),
            ("", None),
            ("e", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Lang::from_code(tag), want, "{tag}");
        }
    }

    #[test]
    fn pick_falls_back_to_russian_then_english_never_blank() {
        let names: BTreeMap<String, String> = [("ru", "Центр"), ("kk", "Орталық"), ("uz", " ")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let cases = [
            (Lang::Kk, "Орталық"),
            (Lang::Ru, "Центр"),
            (Lang::En, "Center"),
            // Blank Uzbek and missing Tajik fall back to Russian, not English.
            (Lang::Uz, "Центр"),
            (Lang::Tg, "Центр"),
        ];
        for (lang, want) in cases {
            assert_eq!(lang.pick("Center", &names), want, "{lang:?}");
        }
        assert_eq!(Lang::Tk.pick("Center", &BTreeMap::new()), "Center");
        assert_eq!(
            Lang::Kk.fallbacks().collect::<Vec<_>>(),
            [Lang::Kk, Lang::Ru, Lang::En]
        );
        assert_eq!(
            Lang::En.fallbacks().collect::<Vec<_>>(),
            [Lang::En, Lang::Ru]
        );
    }
}
