//! Options for a map embedded in another site: the compact layout, facets locked by the host
//! page, and its colours. All come from the URL (`embed=1`, `lock=country,specialty,hub`,
//! `accent=0b6e4f`, `theme=dark`) and are checked here, so a crafted link can only ever yield
//! one of these well-formed values.

use std::collections::BTreeSet;

use crate::dataset::country::Country;
use crate::dataset::model::Dataset;
use crate::lang::Lang;
use crate::query::filter::Filter;

/// A part of the view a host page can fix (`lock=`), hiding its control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lockable {
    /// The country filter.
    Country,
    /// The specialty filter.
    Specialty,
    /// The hub filter.
    Hub,
    /// The "treats children" filter.
    Pediatric,
    /// The interface language.
    Lang,
}

impl Lockable {
    /// Every facet, in URL order.
    pub const ALL: [Lockable; 5] = [
        Lockable::Country,
        Lockable::Specialty,
        Lockable::Hub,
        Lockable::Pediatric,
        Lockable::Lang,
    ];

    /// Its name in `lock=`.
    pub fn code(self) -> &'static str {
        match self {
            Lockable::Country => "country",
            Lockable::Specialty => "specialty",
            Lockable::Hub => "hub",
            Lockable::Pediatric => "pediatric",
            Lockable::Lang => "lang",
        }
    }

    /// The facet named `code` in `lock=`, if any.
    pub fn from_code(code: &str) -> Option<Lockable> {
        Lockable::ALL.into_iter().find(|f| f.code() == code)
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

    /// The darker shade of this colour for text on a light `ground`: a quarter of the way to
    /// black, or further until it reaches `min` contrast (WCAG AA asks 4.5 for body text), so
    /// a host's light accent never gives unreadable links.
    pub fn readable_on(self, ground: Rgb, min: f64) -> Rgb {
        let mut amount: f64 = 0.25;
        let mut shade = self.darker(amount);
        while shade.contrast(ground) < min && amount < 1.0 {
            amount = (amount + 0.05).min(1.0);
            shade = self.darker(amount);
        }
        shade
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
    pub lock: BTreeSet<Lockable>,
    /// The host's accent colour.
    pub accent: Option<Rgb>,
    /// Light or dark; `None` is light.
    pub theme: Option<Theme>,
}

impl Embed {
    /// Whether `facet` is fixed.
    pub fn locks(&self, facet: Lockable) -> bool {
        self.lock.contains(&facet)
    }

    /// Puts back into `next` every locked facet of `before`: whatever a control, a "clear all"
    /// or a crafted event asks, a locked facet keeps the value the link gave it.
    pub fn keep_locked(&self, before: &Filter, next: &mut Filter) {
        if self.locks(Lockable::Country) {
            next.countries = before.countries.clone();
        }
        if self.locks(Lockable::Specialty) {
            next.specialties = before.specialties.clone();
        }
        if self.locks(Lockable::Pediatric) {
            next.pediatric = before.pediatric;
        }
        if self.locks(Lockable::Hub) {
            next.hubs = before.hubs.clone();
        }
    }

    /// How many choices of `filter` a visitor can change ([`Filter::active_count`] less the
    /// locked facets'): what the phone's "Filters (n)" says.
    pub fn open_count(&self, filter: &Filter) -> usize {
        let mut locked = Filter::default();
        self.keep_locked(filter, &mut locked);
        filter.active_count() - locked.active_count()
    }
}

/// A facet the host page fixed, with what it fixed it to: the page says so in words, since
/// the facet's control is hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fixed<'a> {
    /// These countries.
    Countries(Vec<Country>),
    /// These specialties, by their label in the reader's language.
    Specialties(Vec<&'a str>),
    /// These hubs, by their name in the reader's language.
    Hubs(Vec<&'a str>),
    /// Only centers that treat children.
    Children,
}

impl Embed {
    /// The locked facets that narrow the view (a locked but empty facet narrows nothing), in
    /// the order the filters list them, with their values in `lang`.
    pub fn fixed<'a>(
        &self,
        filter: &'a Filter,
        dataset: &'a Dataset,
        lang: Lang,
    ) -> Vec<Fixed<'a>> {
        let order = [
            Lockable::Country,
            Lockable::Specialty,
            Lockable::Hub,
            Lockable::Pediatric,
        ];
        order
            .into_iter()
            .filter(|&facet| self.locks(facet))
            .filter_map(|facet| fixes(facet, filter, dataset, lang))
            .collect()
    }
}

/// What locking `facet` would fix the view to, with its values in `lang`; `None` when the
/// view sets nothing there (a lock would fix nothing, so the embed dialog refuses it) and for
/// the language, which is always set (the reader's).
///
/// ```
/// use shifo_core::output::embed::{fixes, Fixed, Lockable};
/// use shifo_core::{Country, Dataset, Filter, Lang};
/// let d = Dataset::from_json(r#"{"schema_version": 1, "version": "t", "updated": "2026-01-01",
///     "specialties": [], "centers": []}"#).unwrap();
/// let mut f = Filter::default();
/// assert_eq!(fixes(Lockable::Country, &f, &d, Lang::En), None);
/// f.countries.insert(Country::UZ);
/// assert_eq!(fixes(Lockable::Country, &f, &d, Lang::En), Some(Fixed::Countries(vec![Country::UZ])));
/// ```
pub fn fixes<'a>(
    facet: Lockable,
    filter: &'a Filter,
    dataset: &'a Dataset,
    lang: Lang,
) -> Option<Fixed<'a>> {
    match facet {
        Lockable::Country => (!filter.countries.is_empty())
            .then(|| Fixed::Countries(filter.countries.iter().copied().collect())),
        Lockable::Specialty => (!filter.specialties.is_empty()).then(|| {
            let labels = filter.specialties.iter();
            Fixed::Specialties(
                labels
                    .map(|code| dataset.specialty_label(code, lang))
                    .collect(),
            )
        }),
        Lockable::Hub => (!filter.hubs.is_empty()).then(|| {
            let hubs = dataset.hubs.iter().filter(|h| filter.hubs.contains(&h.id));
            Fixed::Hubs(hubs.map(|h| h.name_in(lang)).collect())
        }),
        Lockable::Pediatric => filter.pediatric.then_some(Fixed::Children),
        Lockable::Lang => None,
    }
}

/// What the "Embed this map" dialog turns into code.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet<'a> {
    /// The app's address without query: origin and path, e.g. `https://shifo.example/`.
    pub app: &'a str,
    /// The canonical query of the view to embed (`embed=1` is added).
    pub query: &'a str,
    /// The iframe's title, which screen readers announce.
    pub title: &'a str,
    /// The iframe's height in CSS pixels.
    pub height: u32,
    /// Whether to add the script that fits the iframe to the content's height.
    pub auto_height: bool,
}

/// Heights the dialog accepts, in CSS pixels: a map under 320 px is unusable, and the script
/// takes over for anything taller than a screen.
pub const HEIGHTS: std::ops::RangeInclusive<u32> = 320..=2000;

/// Escapes text for an HTML attribute value in double quotes.
fn attribute(s: &str) -> String {
    super::escape_html(s)
}

impl Snippet<'_> {
    /// The embedded view's address: the query with `embed=1`.
    pub fn src(&self) -> String {
        let query = if self.query.is_empty() {
            "embed=1".to_string()
        } else if self.query.split('&').any(|p| p == "embed=1") {
            self.query.to_string()
        } else {
            format!("{}&embed=1", self.query)
        };
        format!("{}?{query}", self.app)
    }

    /// The app's origin (scheme, host and port), which the script accepts messages from.
    pub fn origin(&self) -> &str {
        let after_scheme = self.app.find("://").map_or(0, |i| i + 3);
        match self.app[after_scheme..].find('/') {
            Some(i) => &self.app[..after_scheme + i],
            None => self.app,
        }
    }

    /// The HTML to paste: an iframe (title, lazy loading, no border; allowed the position for
    /// "near me", and the clipboard and share sheet for "Copy link" and "Share", which an
    /// iframe is refused without) and, if asked, the auto-height script, which accepts only a number from
    /// the app's own origin.
    pub fn html(&self) -> String {
        let height = self.height.clamp(*HEIGHTS.start(), *HEIGHTS.end());
        let mut out = format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" allow=\"geolocation; clipboard-write; web-share\" style=\"border:0;max-width:100%\"></iframe>",
            attribute(&self.src()),
            attribute(self.title),
        );
        if self.auto_height {
            // The origin goes into a JS string literal inside a script element: JSON escaping
            // keeps it one string, and `<` escaped keeps `</script>` from ending the element.
            let origin = serde_json::to_string(self.origin())
                .unwrap_or_else(|_| "\"\"".into())
                .replace('<', "\\u003c");
            out.push_str(&format!(
                "\n<script>\n(function () {{\n  var origin = {origin};\n  var frame = document.currentScript.previousElementSibling;\n  addEventListener('message', function (e) {{\n    if (e.origin !== origin || e.source !== frame.contentWindow) return;\n    var d = e.data;\n    if (!d || d.type !== 'shifo:height' || typeof d.height !== 'number' || !isFinite(d.height)) return;\n    frame.style.height = Math.max(320, Math.round(d.height)) + 'px';\n  }});\n}})();\n</script>"
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::country::Country;

    #[test]
    fn the_snippet_is_an_iframe_of_the_embedded_view() {
        let s = Snippet {
            app: "https://shifo.example/map/",
            query: "country=KZ&q=%22a%22&lock=country",
            title: "Map \"of\" <centers>",
            height: 640,
            auto_height: false,
        };
        assert_eq!(s.origin(), "https://shifo.example");
        assert_eq!(
            s.html(),
            "<iframe src=\"https://shifo.example/map/?country=KZ&amp;q=%22a%22&amp;lock=country&amp;embed=1\" title=\"Map &quot;of&quot; &lt;centers&gt;\" width=\"100%\" height=\"640\" loading=\"lazy\" allow=\"geolocation; clipboard-write; web-share\" style=\"border:0;max-width:100%\"></iframe>"
        );
        // Heights outside the range are brought into it; an empty view still embeds.
        let tiny = Snippet {
            query: "",
            height: 5,
            ..s.clone()
        };
        assert!(tiny.html().contains("height=\"320\""));
        assert!(tiny
            .html()
            .contains("src=\"https://shifo.example/map/?embed=1\""));
        let with_embed = Snippet {
            query: "embed=1&lang=ru",
            ..s.clone()
        };
        assert_eq!(
            with_embed.src(),
            "https://shifo.example/map/?embed=1&lang=ru"
        );
    }

    #[test]
    fn the_auto_height_script_listens_only_to_the_app() {
        let s = Snippet {
            app: "http://127.0.0.1:8080/",
            query: "",
            title: "t",
            height: 600,
            auto_height: true,
        };
        let html = s.html();
        assert!(html.contains("var origin = \"http://127.0.0.1:8080\";"));
        assert!(html.contains("e.origin !== origin"));
        assert!(html.contains("e.source !== frame.contentWindow"));
        // An origin that tries to break out of the string stays inside it.
        let odd = Snippet {
            app: "https://x\"</script>/",
            ..s
        };
        assert_eq!(odd.html().matches("</script>").count(), 1);
        assert!(odd.html().contains(r#"var origin = "https://x\"\u003c";"#));
    }

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
    fn readable_shade_reaches_aa_on_the_light_grounds() {
        // The embed bar's ground (#f4f6f8, style.css) is the harder of the two light grounds.
        let ground = Rgb(0xf4, 0xf6, 0xf8);
        // (accent, expected shade): the default green is dark enough at a quarter (the shade
        // the stylesheet's --accent-dark was picked from); yellow and cyan need more; black
        // stays black.
        let table = [
            (Rgb(0x0b, 0x6e, 0x4f), Rgb(0x0b, 0x6e, 0x4f).darker(0.25)),
            (Rgb(0, 0, 0), Rgb(0, 0, 0)),
        ];
        for (accent, want) in table {
            assert_eq!(accent.readable_on(ground, 4.5), want, "{accent:?}");
        }
        // Light accents a host might pass (the accessibility spec's is ffeb3b).
        for accent in [
            Rgb(0xff, 0xeb, 0x3b),
            Rgb(0x00, 0xff, 0xff),
            Rgb(255, 255, 255),
        ] {
            let shade = accent.readable_on(ground, 4.5);
            assert!(shade.contrast(ground) >= 4.5, "{accent:?} -> {shade:?}");
            assert!(
                shade.contrast(Rgb(255, 255, 255)) >= 4.5,
                "{accent:?} on white"
            );
        }
    }

    #[test]
    fn fixed_facets_name_their_values() {
        let d = crate::dataset::model::Dataset::from_json(include_str!(
            "../../../public/data/centers.json"
        ))
        .expect("the bundled dataset parses");
        let embed = Embed {
            on: true,
            lock: [Lockable::Country, Lockable::Specialty, Lockable::Pediatric].into(),
            ..Embed::default()
        };
        let filter = Filter {
            countries: [Country::UZ].into(),
            specialties: ["oncology".to_string()].into(),
            ..Filter::default()
        };
        // Pediatric is locked but off: it narrows nothing and is not said. Labels are the
        // vocabulary's (public/data/centers.json).
        assert_eq!(
            embed.fixed(&filter, &d, Lang::Ru),
            [
                Fixed::Countries(vec![Country::UZ]),
                Fixed::Specialties(vec!["Онкология"]),
            ]
        );
        assert!(Embed::default().fixed(&filter, &d, Lang::En).is_empty());
    }

    #[test]
    fn locked_facets_keep_their_value() {
        let embed = Embed {
            lock: BTreeSet::from([Lockable::Country, Lockable::Pediatric, Lockable::Hub]),
            ..Embed::default()
        };
        let before = Filter {
            countries: BTreeSet::from([Country::KZ]),
            pediatric: true,
            hubs: BTreeSet::from(["hub-pediatric-heart-surgery".to_string()]),
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
        assert_eq!(next.hubs, before.hubs);
        assert_eq!(next.specialties.len(), 1);
        // The phone's "Filters (n)" counts only what a visitor can change (review defect 27:
        // "Filters (1 set)" for a locked country): the specialty and the text here.
        let mut seen = next.clone();
        seen.text = "x".into();
        assert_eq!(seen.active_count(), 5);
        assert_eq!(embed.open_count(&seen), 2);
        assert_eq!(Embed::default().open_count(&seen), 5);
        // Unlocked, a hub choice is the control's to change.
        let mut cleared = Filter::default();
        Embed::default().keep_locked(&before, &mut cleared);
        assert!(cleared.hubs.is_empty());
        // Every facet reads back from its code, and ALL is in URL (and set) order.
        for f in Lockable::ALL {
            assert_eq!(Lockable::from_code(f.code()), Some(f));
        }
        assert!(Lockable::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Lockable::from_code("hub"), Some(Lockable::Hub));
        assert_eq!(Lockable::from_code("text"), None);
    }
}
