//! The view state (filters and selected center) and its URL query string.
//!
//! Texts: `country=KZ,UZ`, `specialty=<code>,<code>`, `hub=<id>,<id>`, `pediatric=1`, `q=<text>`,
//! `near=<city>` (a home city's English name, e.g. `near=Almaty`), `center=<id>`, `sheet=1`,
//! `list=<id>,<id>` (a shortlist, see [`crate::output::shortlist`]), `compare=1` (its
//! comparison shown),
//! `lang=<code>` (one of en ru kk uz ky tg tk; absent: the browser's preferred languages decide);
//! for embedding (see [`crate::output::embed`]): `embed=1`, `lock=country,specialty,hub,pediatric,lang`,
//! `accent=<hex>`, `theme=light|dark`; `data=<url>` a site owner's dataset.
//! Reading never fails: unknown keys and malformed values are dropped, so they are not written back.
//! The browser's position ("near me" by geolocation) is never part of the state: a shared link
//! must not carry where someone is.

use crate::dataset::model::{Country, Dataset};
use crate::dataset::validate::is_slug;
use crate::geo::places::{self, Place};
use crate::lang::Lang;
use crate::output::embed::{Embed, Lockable, Rgb, Theme};
use crate::output::shortlist::Shortlist;
use crate::query::filter::Filter;

/// Longest `data=` URL kept, in bytes; a longer one is dropped.
pub const MAX_DATA_URL: usize = 2000;

/// Longest free-text query kept from a URL, in characters; longer text is cut.
pub const MAX_TEXT: usize = 200;

/// Everything a shared link reproduces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The filters.
    pub filter: Filter,
    /// The chosen home city centers are ordered by distance from: its English name
    /// ([`Place::en`]), as `near=` writes it.
    pub near: Option<String>,
    /// Id of the center whose detail is open.
    pub center: Option<String>,
    /// Whether that center's printable referral sheet is shown instead of the map
    /// (`sheet=1`; meaningful only with a center).
    pub sheet: bool,
    /// The shortlist the link carries (`list=`); empty when it carries none.
    pub list: Shortlist,
    /// Whether the shortlist's comparison is shown instead of the map (`compare=1`;
    /// meaningful only with a shortlist).
    pub compare: bool,
    /// The interface language chosen in the link or the switcher.
    pub lang: Option<Lang>,
    /// How the map is embedded: layout, locked facets, colours.
    pub embed: Embed,
    /// A site owner's dataset (`data=<url>`); loaded only from an allowed origin (see
    /// [`crate::dataset::deploy`]).
    pub data: Option<String>,
}

/// Cleans free text the way a URL round trip keeps it: trimmed, control characters removed,
/// at most [`MAX_TEXT`] characters.
pub fn clean_text(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_TEXT)
        .collect();
    kept.trim().to_string()
}

/// Decodes one `application/x-www-form-urlencoded` component; `None` when its escapes do not
/// decode to UTF-8 (a malformed value is dropped rather than turned into U+FFFD).
fn decode(component: &str) -> Option<String> {
    let spaced = component.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// The decodable `key=value` pairs of a query string, in order.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(k)?, decode(v)?))
        })
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Values that are malformed on
    /// their face are dropped; codes and ids are checked against the data by [`Self::sanitized`].
    pub fn from_query(query: &str) -> ViewState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = ViewState::default();
        for (key, value) in pairs(query) {
            let items = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
            match key.as_ref() {
                "country" => state
                    .filter
                    .countries
                    .extend(items().filter_map(Country::from_code)),
                "specialty" => state
                    .filter
                    .specialties
                    .extend(items().filter(|s| is_slug(s)).map(str::to_owned)),
                "hub" => state
                    .filter
                    .hubs
                    .extend(items().filter(|s| is_slug(s)).map(str::to_owned)),
                "pediatric" => match value.as_ref() {
                    "1" | "true" => state.filter.pediatric = true,
                    "0" | "false" => state.filter.pediatric = false,
                    _ => {}
                },
                "q" => state.filter.text = clean_text(&value),
                // Any spelling the places table knows (`near=Алматы`), kept as its English
                // name; like `lang`, an unknown city leaves an earlier choice alone.
                "near" => {
                    if let Some(place) = places::find(value.trim()) {
                        state.near = Some(place.en.to_owned());
                    }
                }
                "center" => {
                    let id = value.trim();
                    state.center = is_slug(id).then(|| id.to_owned());
                }
                "sheet" => match value.as_ref() {
                    "1" | "true" => state.sheet = true,
                    "0" | "false" => state.sheet = false,
                    _ => {}
                },
                "list" => state.list = Shortlist::parse(&value),
                "compare" => match value.as_ref() {
                    "1" | "true" => state.compare = true,
                    "0" | "false" => state.compare = false,
                    _ => {}
                },
                // A later valid value wins; an unknown one leaves an earlier choice alone.
                "lang" => {
                    if let Some(lang) = Lang::from_code(value.trim()) {
                        state.lang = Some(lang);
                    }
                }
                "data" => {
                    let url = value.trim();
                    state.data = (!url.is_empty()
                        && url.len() <= MAX_DATA_URL
                        && !url.chars().any(char::is_control))
                    .then(|| url.to_owned());
                }
                "embed" => match value.as_ref() {
                    "1" | "true" => state.embed.on = true,
                    "0" | "false" => state.embed.on = false,
                    _ => {}
                },
                "lock" => state
                    .embed
                    .lock
                    .extend(items().filter_map(Lockable::from_code)),
                "accent" => {
                    if let Some(c) = Rgb::parse(&value) {
                        state.embed.accent = Some(c);
                    }
                }
                "theme" => {
                    if let Some(t) = Theme::from_code(value.trim()) {
                        state.embed.theme = Some(t);
                    }
                }
                _ => {}
            }
        }
        state
    }

    /// The same view for the full map, as "open the full map" links to it: filters,
    /// selection and language, without the embedding options.
    pub fn unembedded(&self) -> ViewState {
        ViewState {
            embed: Embed::default(),
            ..self.clone()
        }
    }

    /// The home city of `near`, if any.
    pub fn near_place(&self) -> Option<&'static Place> {
        self.near.as_deref().and_then(places::find)
    }

    /// Drops specialty codes, hub ids and a center id that the dataset does not know; a hub
    /// must also be one of [`Dataset::filterable_hubs`]. `near` needs no check: reading kept
    /// only cities of the places table.
    pub fn sanitized(mut self, dataset: &Dataset) -> ViewState {
        // A scan, not a set: a vocabulary is tens of codes, and a set's `collect` costs wasm size
        // (see `crate::sort`).
        self.filter
            .specialties
            .retain(|code| dataset.specialties.iter().any(|s| s.code == *code));
        // Only when a link names hubs: finding the filterable ones looks at every center.
        if !self.filter.hubs.is_empty() {
            let hubs = dataset.filterable_hubs();
            self.filter
                .hubs
                .retain(|id| hubs.iter().any(|h| h.id == *id));
        }
        if let Some(id) = &self.center {
            if dataset.center(id).is_none() {
                self.center = None;
            }
        }
        // A sheet is a center's: without one there is nothing to print.
        self.sheet &= self.center.is_some();
        self.list.sanitize(dataset);
        self.compare &= !self.list.is_empty();
        self
    }

    /// The canonical query string, without `?`; empty when nothing is set.
    pub fn to_query(&self) -> String {
        let f = &self.filter;
        let mut parts: Vec<String> = Vec::new();
        if !f.countries.is_empty() {
            let codes: Vec<&str> = f.countries.iter().map(|c| c.code()).collect();
            parts.push(format!("country={}", codes.join(",")));
        }
        if !f.specialties.is_empty() {
            let codes: Vec<&str> = f.specialties.iter().map(String::as_str).collect();
            parts.push(format!("specialty={}", codes.join(",")));
        }
        if !f.hubs.is_empty() {
            let ids: Vec<&str> = f.hubs.iter().map(String::as_str).collect();
            parts.push(format!("hub={}", ids.join(",")));
        }
        if f.pediatric {
            parts.push("pediatric=1".into());
        }
        let text = clean_text(&f.text);
        if !text.is_empty() {
            let encoded: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
            parts.push(format!("q={encoded}"));
        }
        if let Some(city) = &self.near {
            let encoded: String = form_urlencoded::byte_serialize(city.as_bytes()).collect();
            parts.push(format!("near={encoded}"));
        }
        if let Some(id) = &self.center {
            parts.push(format!("center={id}"));
        }
        if self.sheet {
            parts.push("sheet=1".into());
        }
        if !self.list.is_empty() {
            parts.push(format!("list={}", self.list.to_param()));
        }
        if self.compare {
            parts.push("compare=1".into());
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        if let Some(url) = &self.data {
            let encoded: String = form_urlencoded::byte_serialize(url.as_bytes()).collect();
            parts.push(format!("data={encoded}"));
        }
        let e = &self.embed;
        if e.on {
            parts.push("embed=1".into());
        }
        if !e.lock.is_empty() {
            let codes: Vec<&str> = e.lock.iter().map(|f| f.code()).collect();
            parts.push(format!("lock={}", codes.join(",")));
        }
        if let Some(c) = e.accent {
            parts.push(format!("accent={}", c.hex()));
        }
        if let Some(t) = e.theme {
            parts.push(format!("theme={}", t.code()));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn dataset() -> Dataset {
        Dataset::from_json(
            r#"{"schema_version": 1, "version": "t", "updated": "2026-01-01",
                "specialties": [{"code": "oncology", "label": "Oncology"},
                                {"code": "pediatric-oncology", "label": "Pediatric oncology"}],
                "centers": [{"id": "vakhidov-surgery", "name": "V", "country": "UZ", "city": "Tashkent",
                             "lat": 41.3, "lon": 69.2, "precision": "city", "specialties": ["oncology"],
                             "sources": [{"title": "t", "file": "f"}]}],
                "hubs": [{"id": "surgery-hub", "name": "H", "status": "designated",
                          "host": "vakhidov-surgery", "sources": [{"title": "t", "file": "f"}]},
                         {"id": "proposed-hub", "name": "P", "status": "proposed",
                          "sources": [{"title": "t", "file": "f"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn reads_the_documented_names() {
        // The example URLs of issue 2, item 8.
        let s = ViewState::from_query(
            "?country=KZ,UZ&specialty=pediatric-oncology,oncology&pediatric=1&q=Tashkent&center=vakhidov-surgery",
        );
        assert_eq!(
            s.filter.countries,
            BTreeSet::from([Country::KZ, Country::UZ])
        );
        assert_eq!(s.filter.specialties.len(), 2);
        assert!(s.filter.pediatric);
        assert_eq!(s.filter.text, "Tashkent");
        assert_eq!(s.center.as_deref(), Some("vakhidov-surgery"));
        assert_eq!(
            s.to_query(),
            "country=KZ,UZ&specialty=oncology,pediatric-oncology&pediatric=1&q=Tashkent&center=vakhidov-surgery"
        );
    }

    #[test]
    fn malformed_and_unknown_values_are_dropped() {
        let d = dataset();
        // (query, canonical query after sanitizing against the dataset)
        let cases = [
            ("", ""),
            ("?", ""),
            ("country=RU,kz,,%20uz", "country=KZ,UZ"),
            ("country=KZ&country=TJ", "country=KZ,TJ"),
            ("specialty=oncology,astrology", "specialty=oncology"),
            ("specialty=<script>", ""),
            ("pediatric=yes", ""),
            ("pediatric=1&pediatric=0", ""),
            // An escape that is not UTF-8 is malformed: dropped, not turned into U+FFFD.
            ("q=%E0%A4%A", ""),
            ("q=%E0%A4&country=KG", "country=KG"),
            ("q=100%", "q=100%25"),
            ("q=a+b%2Cc", "q=a+b%2Cc"),
            (
                "q=+Ташкент+",
                "q=%D0%A2%D0%B0%D1%88%D0%BA%D0%B5%D0%BD%D1%82",
            ),
            ("q=%00%01", ""),
            ("center=nobody", ""),
            ("center=Vakhidov-Surgery", ""),
            ("center=vakhidov-surgery", "center=vakhidov-surgery"),
            // The referral sheet: a flag after the center.
            (
                "sheet=1&center=vakhidov-surgery",
                "center=vakhidov-surgery&sheet=1",
            ),
            (
                "center=vakhidov-surgery&sheet=true",
                "center=vakhidov-surgery&sheet=1",
            ),
            (
                "center=vakhidov-surgery&sheet=yes",
                "center=vakhidov-surgery",
            ),
            (
                "center=vakhidov-surgery&sheet=1&sheet=0",
                "center=vakhidov-surgery",
            ),
            ("sheet=1", ""),
            ("center=nobody&sheet=1", ""),
            // A shortlist: known ids kept in their order, and its comparison only with one.
            (
                "list=nobody,vakhidov-surgery,vakhidov-surgery&compare=1",
                "list=vakhidov-surgery&compare=1",
            ),
            ("list=nobody&compare=1", ""),
            ("compare=1", ""),
            ("list=vakhidov-surgery&compare=yes", "list=vakhidov-surgery"),
            ("utm_source=x&zoom=99&country", ""),
            ("%%%&&&===", ""),
            ("lang=ru", "lang=ru"),
            ("lang=KK", "lang=kk"),
            ("lang=uz-Latn", "lang=uz"),
            ("lang=de", ""),
            ("lang=ru&lang=xx", "lang=ru"),
            ("lang=ru&lang=tg", "lang=tg"),
            ("lang=%FF", ""),
            ("lang=", ""),
            // Embedding: the documented values, in canonical order; anything else dropped.
            (
                "embed=1&lock=specialty,country",
                "embed=1&lock=country,specialty",
            ),
            ("embed=true&lock=lang,text,zoom", "embed=1&lock=lang"),
            ("embed=2", ""),
            ("accent=%230B6E4F", "accent=0b6e4f"),
            ("accent=0bf", "accent=00bbff"),
            ("accent=red", ""),
            ("accent=000%3Bbackground:url(x)", ""),
            ("theme=dark", "theme=dark"),
            ("theme=DARK", ""),
            ("theme=light&theme=neon", "theme=light"),
            (
                "data=https%3A%2F%2Fdata.health.gov.kz%2Fc.json",
                "data=https%3A%2F%2Fdata.health.gov.kz%2Fc.json",
            ),
            ("data=", ""),
            // Hubs: slugs like specialties, kept only when filterable (`surgery-hub` has a
            // host in the dataset; `proposed-hub` has none), sorted.
            ("hub=surgery-hub", "hub=surgery-hub"),
            ("hub=proposed-hub,surgery-hub,nope", "hub=surgery-hub"),
            ("hub=proposed-hub", ""),
            ("hub=Surgery-Hub", ""),
            ("hub=%3Cscript%3E", ""),
            (
                "hub=surgery-hub&specialty=oncology&pediatric=1",
                "specialty=oncology&hub=surgery-hub&pediatric=1",
            ),
            // Near: any spelling the places table knows, written as its English name.
            ("near=Almaty", "near=Almaty"),
            ("near=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B", "near=Almaty"), // Алматы
            ("near=Alma-Ata", "near=Almaty"),
            ("near=nur-sultan", "near=Astana"),
            ("near=Jalal-Abad", "near=Jalal-Abad"),
            ("near=Springfield", ""),
            ("near=", ""),
            ("near=Osh&near=Atlantis", "near=Osh"),
            ("near=Osh&near=Toshkent", "near=Tashkent"),
            (
                "center=vakhidov-surgery&near=Osh&q=x&lang=ru",
                "q=x&near=Osh&center=vakhidov-surgery&lang=ru",
            ),
            ("embed=1&lock=hub,country", "embed=1&lock=country,hub"),
        ];
        for (q, want) in cases {
            let s = ViewState::from_query(q).sanitized(&d);
            assert_eq!(s.to_query(), want, "{q}");
        }
    }

    #[test]
    fn the_full_map_link_drops_only_the_embedding() {
        let s = ViewState::from_query(
            "country=KZ&lock=country&embed=1&theme=dark&accent=123456&lang=kk&center=x-1",
        );
        assert_eq!(s.unembedded().to_query(), "country=KZ&center=x-1&lang=kk");
    }

    #[test]
    fn near_names_a_place() {
        // (query, expected place's English name), from PLACES.
        let cases = [
            ("near=Almaty", Some("Almaty")),
            ("near=Алматы", Some("Almaty")),
            ("near=Frunze", Some("Bishkek")),
            ("near=Aşgabat", Some("Ashgabat")),
            ("near=nowhere", None),
            ("", None),
        ];
        for (q, want) in cases {
            let s = ViewState::from_query(q);
            assert_eq!(s.near.as_deref(), want, "{q}");
            assert_eq!(s.near_place().map(|p| p.en), want, "{q}");
        }
        // A state holding a spelling other than the English name still finds its place.
        let odd = ViewState {
            near: Some("Ташкент".into()),
            ..ViewState::default()
        };
        assert_eq!(odd.near_place().map(|p| p.en), Some("Tashkent"));
    }

    #[test]
    fn long_text_is_cut() {
        let s = ViewState::from_query(&format!("q={}", "я".repeat(5000)));
        assert_eq!(s.filter.text.chars().count(), MAX_TEXT);
    }

    fn valid_state() -> impl Strategy<Value = ViewState> {
        let slug = "[a-z0-9-]{1,20}";
        (
            proptest::collection::btree_set(slug, 0..4),
            proptest::collection::btree_set(proptest::sample::select(Country::ALL.to_vec()), 0..6),
            any::<bool>(),
            any::<String>(),
            proptest::option::of(slug),
            proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
            any::<bool>(),
            (
                any::<bool>(),
                proptest::collection::btree_set(
                    proptest::sample::select(Lockable::ALL.to_vec()),
                    0..4,
                ),
                proptest::option::of(any::<(u8, u8, u8)>()),
                proptest::option::of(proptest::sample::select(vec![Theme::Light, Theme::Dark])),
                proptest::option::of("https://[a-z]{1,8}\\.kz/[a-z/.?=&%]{0,20}"),
            ),
            (
                proptest::collection::btree_set(slug, 0..4),
                proptest::option::of(proptest::sample::select(
                    places::PLACES.iter().map(|p| p.en).collect::<Vec<_>>(),
                )),
                proptest::collection::vec(slug, 0..6),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    specialties,
                    countries,
                    pediatric,
                    text,
                    center,
                    lang,
                    sheet,
                    (on, lock, accent, theme, data),
                    (hubs, near, list, compare),
                )| {
                    ViewState {
                        filter: Filter {
                            specialties,
                            countries,
                            pediatric,
                            hubs,
                            text: clean_text(&text),
                        },
                        near: near.map(str::to_owned),
                        center,
                        sheet,
                        list: Shortlist::parse(&list.join(",")),
                        compare,
                        lang,
                        embed: Embed {
                            on,
                            lock,
                            accent: accent.map(|(r, g, b)| Rgb(r, g, b)),
                            theme,
                        },
                        data,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn round_trip_is_identity(state in valid_state()) {
            prop_assert_eq!(ViewState::from_query(&state.to_query()), state);
        }

        #[test]
        fn any_string_parses(q in any::<String>()) {
            let s = ViewState::from_query(&q);
            // Whatever came in, what goes out reads back to the same state.
            prop_assert_eq!(ViewState::from_query(&s.to_query()), s);
        }

        #[test]
        fn any_percent_soup_parses(q in "[%&=,?a-zA-Z0-9+]{0,64}") {
            let s = ViewState::from_query(&q);
            prop_assert_eq!(ViewState::from_query(&s.to_query()), s);
        }
    }
}
