//! Free-text matching over names and cities: case- and diacritic-insensitive, every word must match.

/// Folds text for comparison: lowercase, Latin diacritics removed, `ё` read as `е`,
/// apostrophe-like marks dropped (Uzbek `o‘` / `o'`), other punctuation turned into spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out` (one buffer for many fields, as the filter index does).
pub fn fold_into(s: &str, out: &mut String) {
    for ch in s.chars() {
        // ASCII first: most names and every city are Latin, and `to_lowercase` is slow.
        if ch.is_ascii() {
            match ch {
                'A'..='Z' => out.push(ch.to_ascii_lowercase()),
                'a'..='z' | '0'..='9' => out.push(ch),
                '\'' | '`' => {}
                _ => out.push(' '),
            }
            continue;
        }
        for ch in ch.to_lowercase() {
            fold_char(ch, out);
        }
    }
}

fn fold_char(ch: char, out: &mut String) {
    {
        match ch {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ő' => out.push('o'),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ğ' => out.push('g'),
            'ё' => out.push('е'),
            '\'' | '‘' | '’' | 'ʻ' | 'ʼ' | '`' => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
}

/// A prepared free-text query: the folded words a text must all contain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextQuery {
    words: Vec<String>,
}

impl TextQuery {
    /// Prepares a query from what the user typed.
    pub fn new(input: &str) -> TextQuery {
        TextQuery {
            words: fold(input).split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// Whether the query has no words (it then matches everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs in `folded`, text already passed through [`fold`] (fields
    /// joined with newlines, which no word contains).
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }

    /// Whether every word occurs in at least one of the fields.
    pub fn matches<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let folded: Vec<String> = fields.into_iter().map(fold).collect();
        self.words
            .iter()
            .all(|w| folded.iter().any(|f| f.contains(w.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        let cases = [
            ("Astana", "astana"),
            ("Ташкент", "ташкент"),
            ("Семён", "семен"),
            ("Qarshi shahri, O‘zbekiston", "qarshi shahri  ozbekiston"),
            ("Türkmenistan", "turkmenistan"),
            ("Aşgabat", "asgabat"),
            ("UMC Heart-Center", "umc heart center"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn every_word_must_match_some_field() {
        let fields = ["Vakhidov Center of Surgery", "Tashkent"];
        let cases = [
            ("", true),
            ("vakhidov", true),
            ("VAKHIDOV tashkent", true),
            ("surgery tash", true),
            ("vakhidov almaty", false),
            ("  ", true),
            ("ташкент", false),
        ];
        for (q, want) in cases {
            assert_eq!(TextQuery::new(q).matches(fields), want, "{q:?}");
        }
    }
}
