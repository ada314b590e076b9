//! Options for a map embedded in another site: the compact layout, facets locked by the host
//! page, and its colours. All come from the URL (`embed=1`, `lock=country,specialty`,
//! `accent=0b6e4f`, `theme=dark`) and are checked here, so a crafted link can only ever yield
//! one of these well-formed values.

use std::collections::BTreeSet;

use crate::filter::Filter;

/// A part of the view a host page can fix (`lock=`), hiding its control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// The country filter.
    Country,
    /// The specialty filter.
    Specialty,
    /// The "treats children" filter.
    Pediatric,
    /// The interface language.
    Lang,
}

impl Facet {
    /// Every facet, in URL order.
    pub const ALL: [Facet; 4] = [
        Facet::Country,
        Facet::Specialty,
        Facet::Pediatric,
        Facet::Lang,
    ];

    /// Its name in `lock=`.
    pub fn code(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Specialty => "specialty",
            Facet::Pediatric => "pediatric",
            Facet::Lang => "lang",
        }
    }

    /// The facet named `code` in `lock=`, if any.
    pub fn from_code(code: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A colour given as hex in the URL: `#rgb`, `#rrggbb`, with or without `#`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads hex only (`0b6e4f`, `#0b6e4f`, `#0bf`); anything else (names, `rgb()`, `url()`,
    /// a `;` that could end a CSS declaration) is refused.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#').unwrap_or(s.trim());
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            _ => None,
        }
    }

    /// Six lowercase hex digits, without `#` (as written to the URL).
    pub fn hex(self) -> String {
        format!("{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// As CSS: `#rrggbb`.
    pub fn css(self) -> String {
        format!("#{}", self.hex())
    }

    /// Relative luminance (WCAG 2.x).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text colour to put on this one: white or near-black, whichever reads better, so a
    /// host's light accent never leaves white text unreadable.
    pub fn text_on(self) -> Rgb {
        let (white, ink) = (Rgb(255, 255, 255), Rgb(0x1b, 0x1f, 0x23));
        if self.contrast(white) >= self.contrast(ink) {
            white
        } else {
            ink
        }
    }

    /// The colour mixed `amount` (0 to 1) of the way towards black: hover and border shades.
    pub fn darker(self, amount: f64) -> Rgb {
        let k = 1.0 - amount.clamp(0.0, 1.0);
        let scale = |c: u8| (f64::from(c) * k).round() as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light ground (the default).
    Light,
    /// Light text on dark ground.
    Dark,
}

impl Theme {
    /// Its name in `theme=`.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme named `code`, if any.
    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// How the map is embedded, as the URL says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    /// `embed=1`: the compact layout for an iframe.
    pub on: bool,
    /// Facets fixed by the host page.
    pub lock: BTreeSet<Facet>,
    /// The host's accent colour.
    pub accent: Option<Rgb>,
    /// Light or dark; `None` is light.
    pub theme: Option<Theme>,
}

impl Embed {
    /// Whether `facet` is fixed.
    pub fn locks(&self, facet: Facet) -> bool {
        self.lock.contains(&facet)
    }

    /// Puts back into `next` every locked facet of `before`: whatever a control, a "clear all"
    /// or a crafted event asks, a locked facet keeps the value the link gave it.
    pub fn keep_locked(&self, before: &Filter, next: &mut Filter) {
        if self.locks(Facet::Country) {
            next.countries = before.countries.clone();
        }
        if self.locks(Facet::Specialty) {
            next.specialties = before.specialties.clone();
        }
        if self.locks(Facet::Pediatric) {
            next.pediatric = before.pediatric;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Country;

    #[test]
    fn colours_are_hex_only() {
        let cases: &[(&str, Option<Rgb>)] = &[
            ("0b6e4f", Some(Rgb(0x0b, 0x6e, 0x4f))),
            ("#0B6E4F", Some(Rgb(0x0b, 0x6e, 0x4f))),
            ("#0bf", Some(Rgb(0x00, 0xbb, 0xff))),
            (" c0ffee ", Some(Rgb(0xc0, 0xff, 0xee))),
            ("red", None),
            ("#12345", None),
            ("#1234567", None),
            ("rgb(1,2,3)", None),
            ("000;background:url(x)", None),
            ("#ééé", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(Rgb::parse(input), *want, "{input:?}");
        }
        assert_eq!(Rgb(0x0b, 0x6e, 0x4f).hex(), "0b6e4f");
    }

    #[test]
    fn text_on_an_accent_is_the_readable_one() {
        // Reference values from the WCAG 2.1 definition: white on black is 21:1; #767676 is
        // the lightest grey with 4.5:1 on white (4.54), #777777 just misses it (4.48).
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.005);
        assert!((Rgb(0x77, 0x77, 0x77).contrast(white) - 4.48).abs() < 0.005);
        let green = Rgb(0x0b, 0x6e, 0x4f);
        let cases = [
            (green, Rgb(255, 255, 255)),
            (Rgb(0xff, 0xeb, 0x3b), Rgb(0x1b, 0x1f, 0x23)), // yellow
            (Rgb(0x00, 0x33, 0x99), Rgb(255, 255, 255)),    // navy
            (Rgb(0xff, 0xff, 0xff), Rgb(0x1b, 0x1f, 0x23)),
        ];
        for (accent, want) in cases {
            assert_eq!(accent.text_on(), want, "{accent:?}");
            assert!(accent.contrast(accent.text_on()) >= 4.5, "{accent:?}");
        }
        assert_eq!(Rgb(200, 100, 50).darker(0.5), Rgb(100, 50, 25));
    }

    #[test]
    fn locked_facets_keep_their_value() {
        let embed = Embed {
            lock: BTreeSet::from([Facet::Country, Facet::Pediatric]),
            ..Embed::default()
        };
        let before = Filter {
            countries: BTreeSet::from([Country::KZ]),
            pediatric: true,
            ..Filter::default()
        };
        // "Clear all": the locked facets stay, the others clear.
        let mut next = Filter {
            specialties: BTreeSet::from(["oncology".to_string()]),
            ..Filter::default()
        };
        embed.keep_locked(&before, &mut next);
        assert_eq!(next.countries, BTreeSet::from([Country::KZ]));
        assert!(next.pediatric);
        assert_eq!(next.specialties.len(), 1);
        for f in Facet::ALL {
            assert_eq!(Facet::from_code(f.code()), Some(f));
        }
        assert_eq!(Facet::from_code("text"), None);
    }
}
