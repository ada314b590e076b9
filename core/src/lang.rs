//! The languages Shifo speaks, the order in which data falls back when a name or label is
//! missing in the chosen one, and each language's plural rule.

use crate::dataset::text::{Text, Texts};

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
    /// `x` as this language writes numbers (CLDR 46, `numbers/symbols` and
    /// `minimumGroupingDigits` 1 for all seven): thousands grouped by a comma in English and a
    /// no-break space in the others, decimals after a point in English and a comma in the
    /// others. "30000 пациентов" read as a code; "30 000" reads as a number.
    ///
    /// ```
    /// use shifo_core::Lang;
    /// assert_eq!(Lang::En.number(30000.0), "30,000");
    /// assert_eq!(Lang::Ru.number(1234.5), "1\u{a0}234,5");
    /// ```
    pub fn number(self, x: f64) -> String {
        let (group, decimal) = match self {
            Lang::En => (",", "."),
            _ => ("\u{a0}", ","),
        };
        let plain = crate::decimal::shortest(x);
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mut out = String::from(sign);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(ch);
        }
        if !fraction.is_empty() {
            out.push_str(decimal);
            out.push_str(fraction);
        }
        out
    }

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

    /// Whether `code` is exactly the code of an interface language other than English: one a
    /// dataset may have a translations file for.
    pub fn translation_code(code: &str) -> bool {
        Lang::ALL
            .into_iter()
            .any(|l| l != Lang::En && l.code() == code)
    }

    /// The language of a code such as `ru`, `RU` or a browser tag such as `uz-Latn-UZ`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Where to look for a text, in order: this language, then Russian, then English.
    /// Russian comes before English because most users of the region read it; not for Uzbek
    /// and Turkmen, written in Latin letters: their readers get English before Cyrillic.
    pub fn fallbacks(self) -> impl Iterator<Item = Lang> {
        let mut seen = Vec::with_capacity(3);
        let order = match self {
            Lang::Uz | Lang::Tk => [self, Lang::En, Lang::Ru],
            _ => [self, Lang::Ru, Lang::En],
        };
        order.into_iter().filter(move |l| {
            let new = !seen.contains(l);
            seen.push(*l);
            new
        })
    }

    /// The text for this language from a base English text and a map of translations:
    /// the first non-blank one along [`Self::fallbacks`], else `base` (never blank unless it is).
    pub fn pick<'a>(self, base: &'a str, translations: &'a Texts) -> &'a str {
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

impl Lang {
    /// The text of `texts` for this language: the first along [`Self::fallbacks`], else any
    /// (a text only in Tajik still shows to an English reader); `None` when there is none.
    pub fn text_in(self, texts: &Texts) -> Option<&Text> {
        self.entry_in(texts).map(|(_, t)| t)
    }

    /// [`Self::text_in`] with the code of the language the text is in (for a `lang`
    /// attribute: it differs from this language when the text falls back).
    pub fn entry_in(self, texts: &Texts) -> Option<(&str, &Text)> {
        let written = |t: &&Text| !t.trim().is_empty();
        self.fallbacks()
            .find_map(|l| texts.text(l.code()).filter(written).map(|t| (l.code(), t)))
            .or_else(|| {
                texts
                    .texts()
                    .map(|(c, t)| (c.as_str(), t))
                    .find(|(_, t)| written(t))
            })
    }
}

/// A CLDR cardinal plural category: which form of a counted word a number takes.
///
/// The declaration order is the order of the plural slots in the app's generated message table
/// (build.rs): zero, one, two, few, many, other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plural {
    /// CLDR `zero`.
    Zero,
    /// CLDR `one`.
    One,
    /// CLDR `two`.
    Two,
    /// CLDR `few`.
    Few,
    /// CLDR `many`.
    Many,
    /// CLDR `other`: every language has it.
    Other,
}

impl Lang {
    /// The plural category of the whole number `n` in this language, by the CLDR cardinal rules
    /// (common/supplemental/plurals.xml) restricted to integers, where the operands `i` and `n`
    /// are `n` and `v` (visible fraction digits) is 0:
    /// - en: one if `i = 1 and v = 0`; kk, ky, tk, uz: one if `n = 1`; else other;
    /// - ru: one if `i % 10 = 1 and i % 100 != 11`, few if `i % 10 = 2..4 and i % 100 != 12..14`,
    ///   else many (other is for decimals only);
    /// - tg: CLDR has no rule for Tajik, so the root rule applies: always other.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::En | Lang::Kk | Lang::Ky | Lang::Tk | Lang::Uz => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            Lang::Ru => {
                let (last, last_two) = (n % 10, n % 100);
                if last == 1 && last_two != 11 {
                    Plural::One
                } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                    Plural::Few
                } else {
                    Plural::Many
                }
            }
            Lang::Tg => Plural::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        // Expected forms from CLDR 46 (en: "#,##0.###"; ru, kk, ky, uz, tg, tk: a no-break
        // space groups, a comma before decimals).
        let cases: &[(Lang, f64, &str)] = &[
            (Lang::En, 0.0, "0"),
            (Lang::En, 999.0, "999"),
            (Lang::En, 1000.0, "1,000"),
            (Lang::En, 30000.0, "30,000"),
            (Lang::En, 1234567.25, "1,234,567.25"),
            (Lang::En, -4500.0, "-4,500"),
            (Lang::Ru, 540.0, "540"),
            (Lang::Ru, 18000.0, "18\u{a0}000"),
            (Lang::Kk, 2.5, "2,5"),
            (Lang::Uz, 100000.0, "100\u{a0}000"),
            (Lang::Tk, 1000.5, "1\u{a0}000,5"),
        ];
        for &(lang, x, want) in cases {
            assert_eq!(lang.number(x), want, "{lang:?} {x}");
        }
    }

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
    fn plural_categories_follow_cldr() {
        use Plural::{Few, Many, One, Other};
        // The `@integer` samples of CLDR's plurals.xml for each rule, plus the edges.
        let one_other = [
            (0, Other),
            (1, One),
            (2, Other),
            (11, Other),
            (21, Other),
            (101, Other),
        ];
        let russian = [
            // one: @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …
            (1, One),
            (21, One),
            (31, One),
            (81, One),
            (101, One),
            (1001, One),
            // few: @integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …
            (2, Few),
            (3, Few),
            (4, Few),
            (22, Few),
            (24, Few),
            (62, Few),
            (102, Few),
            (1002, Few),
            // many: @integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …
            (0, Many),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (19, Many),
            (100, Many),
            (111, Many),
            (112, Many),
            (1000, Many),
            (1_000_000, Many),
        ];
        let cases: Vec<(Lang, u64, Plural)> = [Lang::En, Lang::Kk, Lang::Ky, Lang::Tk, Lang::Uz]
            .into_iter()
            .flat_map(|l| one_other.map(|(n, p)| (l, n, p)))
            .chain(russian.map(|(n, p)| (Lang::Ru, n, p)))
            // Tajik: no CLDR rule, root's `other` for every number.
            .chain([0, 1, 2, 5, 21].map(|n| (Lang::Tg, n, Other)))
            .collect();
        for (lang, n, want) in cases {
            assert_eq!(lang.plural(n), want, "{lang:?} {n}");
        }
    }

    #[test]
    fn pick_falls_back_to_russian_then_english_never_blank() {
        let names: Texts = [("ru", "Центр"), ("kk", "Орталық"), ("uz", " ")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let cases = [
            (Lang::Kk, "Орталық"),
            (Lang::Ru, "Центр"),
            (Lang::En, "Center"),
            // Missing Tajik falls back to Russian, not English; blank Uzbek to English, in
            // Latin letters as Uzbek is written.
            (Lang::Uz, "Center"),
            (Lang::Tg, "Центр"),
        ];
        for (lang, want) in cases {
            assert_eq!(lang.pick("Center", &names), want, "{lang:?}");
        }
        assert_eq!(Lang::Tk.pick("Center", &Texts::new()), "Center");
        assert_eq!(
            Lang::Kk.fallbacks().collect::<Vec<_>>(),
            [Lang::Kk, Lang::Ru, Lang::En]
        );
        assert_eq!(
            Lang::En.fallbacks().collect::<Vec<_>>(),
            [Lang::En, Lang::Ru]
        );
        assert_eq!(
            Lang::Tk.fallbacks().collect::<Vec<_>>(),
            [Lang::Tk, Lang::En, Lang::Ru]
        );
    }
}
