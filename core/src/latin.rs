//! Cyrillic text written in the Latin alphabets of Uzbek and Turkmen, for readers of those
//! languages where a center has no name of its own in them: a transliteration, which the data
//! marks as one and keeps beside its original.
//!
//! The letters follow the official Latin alphabets: Uzbek (Law of the Republic of Uzbekistan
//! "On the introduction of the Uzbek alphabet based on the Latin script", 1993, as amended in
//! 1995: sh, ch, oʻ, gʻ, ng, x for х, q for қ, j for ж) and Turkmen (Law of 1993, alphabet of
//! 1999: ç, ş, ž, ň, ý, w for в, ä, ö, ü). Russian letters with no counterpart are written as
//! the two alphabets write Russian loanwords (ц ts, щ sh / şç, ы i / y, ь dropped). Kazakh,
//! Kyrgyz and Tajik letters are written as their nearest Uzbek and Turkmen letters. This is not
//! the search's folding (`query::search`), which makes spellings equal rather than readable.
//!
//! ```
//! use shifo_core::latin::to_latin;
//! use shifo_core::Lang;
//!
//! let ru = "Национальный центр онкологии";
//! assert_eq!(to_latin(ru, Lang::Uz).as_deref(), Some("Natsionalniy tsentr onkologii"));
//! assert_eq!(to_latin(ru, Lang::Tk).as_deref(), Some("Natsionalnyý tsentr onkologii"));
//! ```

use crate::dataset::model::Dataset;
use crate::dataset::text::{Made, Tag, Text};
use crate::lang::Lang;

/// The languages written in Latin letters whose readers get a transliterated name where a
/// center has none in their language.
pub const LATIN_READERS: [Lang; 2] = [Lang::Uz, Lang::Tk];

impl Dataset {
    /// Gives every center without a name in Uzbek or Turkmen one written from its Russian
    /// name (else from another Cyrillic one), marked as a transliteration from that language;
    /// returns how many names it added.
    pub fn fill_latin_names(&mut self) -> usize {
        let mut added = 0;
        for c in &mut self.centers {
            for lang in LATIN_READERS {
                let code = lang.code();
                if c.names.contains_key(code) {
                    continue;
                }
                let cyrillic = ["ru", "kk", "ky", "tg"].into_iter().find_map(|from| {
                    let latin = to_latin(c.names.get(from)?, lang)?;
                    Some((Tag::new(from)?, latin))
                });
                let Some((from, latin)) = cyrillic else {
                    continue;
                };
                let made = Made::TransliteratedFrom(from);
                c.names.insert(code.to_string(), Text { text: latin, made });
                added += 1;
            }
        }
        added
    }
}

/// `text` in the Latin alphabet of `to` (Uzbek or Turkmen); `None` for another language, or
/// for a text with no Cyrillic letter (it needs no transliteration).
pub fn to_latin(text: &str, to: Lang) -> Option<String> {
    let table: fn(char, bool) -> Option<&'static str> = match to {
        Lang::Uz => uzbek,
        Lang::Tk => turkmen,
        _ => return None,
    };
    if !text.chars().any(is_cyrillic) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        // е, ё, ю, я begin with a y-sound at the start of a word and after a vowel or a sign.
        let iotated = i == 0 || !chars[i - 1].is_alphabetic() || is_vowel_or_sign(chars[i - 1]);
        let Some(latin) = table(lower, iotated) else {
            out.push(c);
            continue;
        };
        if c == lower {
            out.push_str(latin);
            continue;
        }
        // A capital: the whole digraph in capitals inside a word in capitals (ШАХАР), else
        // only its first letter (Шахар).
        let next_upper = chars.get(i + 1).is_some_and(|n| n.is_uppercase());
        let prev_upper = i > 0 && chars[i - 1].is_uppercase();
        if next_upper || (prev_upper && !chars.get(i + 1).is_some_and(|n| n.is_lowercase())) {
            out.extend(latin.chars().flat_map(char::to_uppercase));
        } else {
            let mut letters = latin.chars();
            out.extend(letters.next().into_iter().flat_map(char::to_uppercase));
            out.extend(letters);
        }
    }
    Some(out)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn is_vowel_or_sign(c: char) -> bool {
    let c = c.to_lowercase().next().unwrap_or(c);
    "аеёиоуыэюяәөүұіӣӯўъь".contains(c)
}

/// A lowercase Cyrillic letter in the Uzbek Latin alphabet.
fn uzbek(c: char, iotated: bool) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gʻ",
        'д' => "d",
        'е' if iotated => "ye",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' | 'җ' | 'ҷ' => "j",
        'з' => "z",
        'и' | 'ы' | 'і' | 'ӣ' => "i",
        'й' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' => "o",
        'ў' => "oʻ",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' | 'ұ' | 'ӯ' => "u",
        'ф' => "f",
        'х' => "x",
        'ҳ' | 'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ъ' => "ʼ",
        'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// A lowercase Cyrillic letter in the Turkmen Latin alphabet.
fn turkmen(c: char, iotated: bool) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' | 'ў' => "w",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' if iotated => "ýe",
        'е' | 'э' => "e",
        'ё' => "ýo",
        'ж' => "ž",
        'җ' | 'ҷ' => "j",
        'з' => "z",
        'и' | 'і' | 'ӣ' => "i",
        'ы' => "y",
        'й' => "ý",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ň",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ӯ' => "u",
        'ү' => "ü",
        'ф' => "f",
        'х' | 'ҳ' | 'һ' => "h",
        'ц' => "ts",
        'ч' => "ç",
        'ш' => "ş",
        'щ' => "şç",
        'ъ' | 'ь' => "",
        'ю' => "ýu",
        'я' => "ýa",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_uzbek_and_turkmen_letters() {
        // (Cyrillic, Uzbek Latin, Turkmen Latin). The city names are the official Latin forms
        // of both languages where the Cyrillic is the language's own (Тошкент, Ашгабат);
        // the others are Russian names written letter by letter.
        let cases = [
            ("Тошкент", "Toshkent", "Toşkent"),
            ("Ашгабат", "Ashgabat", "Aşgabat"),
            ("Бишкек", "Bishkek", "Bişkek"),
            ("Ерлан", "Yerlan", "Ýerlan"),
            (
                "Республиканский центр",
                "Respublikanskiy tsentr",
                "Respublikanskiý tsentr",
            ),
            (
                "Научный центр педиатрии",
                "Nauchniy tsentr pediatrii",
                "Nauçnyý tsentr pediatrii",
            ),
            ("Қазақстан", "Qazaqstan", "Kazakstan"),
            ("Ғафуров", "Gʻafurov", "Gafurow"),
            (
                "Маркази ҷумҳуриявӣ",
                "Markazi jumhuriyavi",
                "Markazi jumhuriýawi",
            ),
            ("Өзбекстан", "Ozbekstan", "Özbekstan"),
            ("ШАХАР", "SHAXAR", "ŞAHAR"),
            ("НЦОМиД", "NTSOMiD", "NTSOMiD"),
            (
                "Центр № 5, корпус «Б»",
                "Tsentr № 5, korpus «B»",
                "Tsentr № 5, korpus «B»",
            ),
            ("Съезд", "Sʼyezd", "Sýezd"),
            ("Объект", "Obʼyekt", "Obýekt"),
        ];
        for (cyr, uz, tk) in cases {
            assert_eq!(
                to_latin(cyr, Lang::Uz).as_deref(),
                Some(uz),
                "{cyr} in Uzbek"
            );
            assert_eq!(
                to_latin(cyr, Lang::Tk).as_deref(),
                Some(tk),
                "{cyr} in Turkmen"
            );
        }
    }

    #[test]
    fn centers_get_marked_latin_names_once() {
        use crate::dataset::model::Center;
        use crate::Country;
        let mut d = Dataset {
            centers: vec![Center::stub("a", Country::UZ, 41.3, 69.2)],
            ..crate::dataset::synth::generate(0, 1, &[])
        };
        d.centers[0].names.insert("ru".into(), "Центр");
        d.centers[0].names.insert("uz".into(), "Markaz");
        assert_eq!(d.fill_latin_names(), 1, "only Turkmen is missing");
        let tk = d.centers[0].names.text("tk").unwrap();
        assert_eq!(tk.text, "Tsentr");
        assert_eq!(tk.made, Made::TransliteratedFrom(Tag::new("ru").unwrap()));
        assert_eq!(
            d.centers[0].names.get("uz").unwrap(),
            "Markaz",
            "an existing name stays"
        );
        assert_eq!(d.fill_latin_names(), 0, "nothing left to add");
    }

    #[test]
    fn latin_text_and_other_languages_need_none() {
        assert_eq!(to_latin("Proton Therapy Center", Lang::Uz), None);
        assert_eq!(to_latin("Центр", Lang::Ru), None);
        assert_eq!(to_latin("", Lang::Tk), None);
    }
}
