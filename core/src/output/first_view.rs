//! The first view written into the page at build time: for each interface language, the
//! header, the search box, the count and the first rows of the default list, as the app draws
//! them, so a reader on a slow network reads centers before the code arrives.
//!
//! The texts come from the same places as the app's: names, places and specialty labels from
//! the dataset's own methods, the interface words from the same locale files
//! ([`Messages`]), plural forms from [`Lang::plural`] and numbers from [`Lang::number`]. The
//! markup mirrors the app's (the header in `src/app.rs`, `src/components/language.rs`,
//! `mobile/bar.rs`, `mobile/sheet.rs`, `filters/`, `near.rs`, `share.rs`, `list/`), class for class, so the page looks the same before and after the app takes over;
//! `tests/e2e/first-view.spec.mjs` compares the two, text for text and box for box. It carries
//! no ids the app uses (both are in the page for a moment) and no handlers: the app replaces it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape_html as esc;
use crate::dataset::model::{Center, ChildrenBadge};
use crate::query::filter::Filter;
use crate::{Dataset, Lang, Plural};

/// How many rows of the default list each language's first view holds: more than the tallest
/// first screen shows (five on a 1080-pixel-high laptop, one on a phone); the app adds the rest.
pub const ROWS: usize = 8;

/// Above this many results the app's list is windowed: rows of one fixed height, each line cut
/// to one (`src/components/list/window.rs`); the first view's rows are then cut the same way.
pub const WINDOW_ABOVE: usize = 200;

/// One language's interface texts: a locale file (`locales/<code>.json`), flat keys to texts,
/// with `{{ name }}` marking a value and `_one` / `_other` (…) suffixes marking plural forms.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    texts: BTreeMap<String, String>,
}

/// Why a locale file could not be read.
#[derive(Debug)]
pub enum MessagesError {
    /// Not a JSON object of strings.
    Json(serde_json::Error),
}

impl std::fmt::Display for MessagesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessagesError::Json(e) => write!(f, "not a locale file (an object of texts): {e}"),
        }
    }
}

impl std::error::Error for MessagesError {}

/// The CLDR category's suffix in a locale file's plural keys.
fn category(p: Plural) -> &'static str {
    match p {
        Plural::Zero => "zero",
        Plural::One => "one",
        Plural::Two => "two",
        Plural::Few => "few",
        Plural::Many => "many",
        Plural::Other => "other",
    }
}

impl Messages {
    /// Reads a locale file.
    ///
    /// ```
    /// use shifo_core::output::first_view::Messages;
    /// use shifo_core::Lang;
    /// let m = Messages::from_json(r#"{"n_one": "{{ count }} center", "n_other": "{{ count }} centers"}"#).unwrap();
    /// assert_eq!(m.count("n", 1, Lang::En, &m), "1 center");
    /// assert_eq!(m.count("n", 1200, Lang::En, &m), "1,200 centers");
    /// ```
    pub fn from_json(text: &str) -> Result<Messages, MessagesError> {
        serde_json::from_str(text)
            .map(|texts| Messages { texts })
            .map_err(MessagesError::Json)
    }

    /// The text of `key`; `fallback`'s (English, which defines every message) when this file
    /// lacks it, as the app falls back.
    fn get<'a>(&'a self, key: &str, fallback: &'a Messages) -> &'a str {
        self.texts
            .get(key)
            .or_else(|| fallback.texts.get(key))
            .map_or("", String::as_str)
    }

    /// The text of `key` with `{{ name }}` replaced by `value`.
    fn fill(&self, key: &str, fallback: &Messages, name: &str, value: &str) -> String {
        fill(self.get(key, fallback), name, value)
    }

    /// The plural message `key` for `n`, the form picked by `lang`'s rule and the number
    /// written as `lang` writes numbers ("30 000"); a language that gives the message as one
    /// plain string (Tajik) uses it for every count; `fallback`'s (English) when this file has
    /// no form of it.
    pub fn count(&self, key: &str, n: u64, lang: Lang, fallback: &Messages) -> String {
        let keys = [
            format!("{key}_{}", category(lang.plural(n))),
            format!("{key}_other"),
            key.to_string(),
        ];
        let text = keys
            .iter()
            .find_map(|k| self.texts.get(k))
            .or_else(|| {
                let english = [
                    format!("{key}_{}", category(Lang::En.plural(n))),
                    format!("{key}_other"),
                ];
                english.into_iter().find_map(|k| fallback.texts.get(&k))
            })
            .map_or("", String::as_str);
        fill(text, "count", &lang.number(n as f64))
    }
}

/// `text` with every `{{ name }}` (spaces inside the braces optional) replaced by `value`.
fn fill(text: &str, name: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len() + value.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        if rest[open + 2..close].trim() == name {
            out.push_str(value);
        } else {
            out.push_str(&rest[open..close + 2]);
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

/// The interface texts of every language, English first (it defines every message).
#[derive(Debug, Clone, Default)]
pub struct Locales {
    by_lang: BTreeMap<&'static str, Messages>,
}

impl Locales {
    /// Adds `lang`'s texts.
    pub fn insert(&mut self, lang: Lang, messages: Messages) {
        self.by_lang.insert(lang.code(), messages);
    }

    /// `lang`'s texts and English's (for what `lang` lacks); empty where a file is missing.
    fn of(&self, lang: Lang) -> (&Messages, &Messages) {
        static EMPTY: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
        let empty = EMPTY.get_or_init(Messages::default);
        let en = self.by_lang.get("en").unwrap_or(empty);
        (self.by_lang.get(lang.code()).unwrap_or(en), en)
    }
}

/// One language's first view: what a reader of `lang` sees before the code runs.
pub struct FirstView<'a> {
    /// The dataset with `lang`'s translations in place, as the app holds it.
    pub dataset: &'a Dataset,
    /// The reader's language.
    pub lang: Lang,
    /// Every language's interface texts (the language switcher names each in its own).
    pub locales: &'a Locales,
    /// Whether the rows after the first [`ROWS`] follow in a `<noscript>`: for the view shown
    /// with scripts off (English), where no app comes to add them.
    pub rest_without_script: bool,
}

impl FirstView<'_> {
    /// The text of interface message `key` in this view's language.
    fn text(&self, key: &str) -> &str {
        let (m, en) = self.locales.of(self.lang);
        m.get(key, en)
    }

    /// The view as HTML: a `<div class="first-view" data-lang=…>` holding the header, the
    /// phone's bar, the search box, "nearest first" and the results with their first [`ROWS`] rows. Every
    /// string from data or locale files is escaped.
    ///
    /// ```
    /// use shifo_core::output::first_view::{FirstView, Locales, Messages};
    /// use shifo_core::{Dataset, Lang};
    /// let dataset = Dataset::from_json(include_str!("../../../public/data/centers.json")).unwrap();
    /// let mut locales = Locales::default();
    /// locales.insert(Lang::En, Messages::from_json(include_str!("../../../locales/en.json")).unwrap());
    /// let html = FirstView { dataset: &dataset, lang: Lang::En, locales: &locales, rest_without_script: false }.html();
    /// assert!(html.starts_with(r#"<div class="first-view" data-lang="en" lang="en""#));
    /// assert!(html.contains(&format!("{} centers</p>", dataset.centers.len())));
    /// ```
    pub fn html(&self) -> String {
        let code = self.lang.code();
        let mut out = format!(r#"<div class="first-view" data-lang="{code}" lang="{code}">"#);
        self.header(&mut out);
        self.mobile_bar(&mut out);
        out.push_str(
            r#"<main class="layout pane-list"><aside class="sidebar"><div class="tools-pane">"#,
        );
        self.search(&mut out);
        out.push_str("</div>");
        self.results(&mut out);
        // The map's place, empty until the app draws it: where the map stands above the
        // list (one column), the list starts below it, as it will.
        out.push_str(r#"</aside><div class="map-area"><section class="map-panel"><div class="map"></div></section></div></main></div>"#);
        out
    }

    fn header(&self, out: &mut String) {
        let code = self.lang.code();
        let _ = write!(
            out,
            r#"<header class="site-header"><div class="brand"><h1>{}</h1><p class="tagline">{}</p></div><div class="language"><label for="first-view-language-{code}">{}</label><select id="first-view-language-{code}">"#,
            esc(self.text("app_title")),
            esc(self.text("app_tagline")),
            esc(self.text("language_label")),
        );
        for lang in Lang::ALL {
            let (m, en) = self.locales.of(lang);
            let selected = if lang == self.lang { " selected" } else { "" };
            let _ = write!(
                out,
                r#"<option value="{c}" lang="{c}"{selected}>{}</option>"#,
                esc(m.get("language_name", en)),
                c = lang.code(),
            );
        }
        out.push_str("</select></div></header>");
    }

    fn mobile_bar(&self, out: &mut String) {
        let show = esc(self.text("pane_label"));
        let _ = write!(
            out,
            r#"<div class="mobile-bar" role="region" aria-label="{show}"><button class="secondary filters-open" type="button">{}</button><div class="pane-switches" role="group" aria-label="{show}"><button class="pane-switch" type="button" aria-pressed="true">{}</button><button class="pane-switch" type="button" aria-pressed="false">{}</button></div></div>"#,
            esc(self.text("filters_heading")),
            esc(self.text("pane_list")),
            esc(self.text("pane_map")),
        );
    }

    fn search(&self, out: &mut String) {
        let code = self.lang.code();
        let _ = write!(
            out,
            r#"<div class="filter-sheet"><div class="sheet-body"><form class="filters" role="search" aria-label="{}"><label class="search" for="first-view-search-{code}">{}</label><div class="search-box"><input id="first-view-search-{code}" type="search" autocomplete="off" placeholder="{}"></div><p class="hint">{}</p></form><fieldset class="facet near"><legend>{}</legend><label class="near-city" for="first-view-near-{code}">{}</label><select id="first-view-near-{code}"><option value="">{}</option></select><button type="button" class="secondary">{}</button><p class="near-status"></p><p class="hint">{}</p></fieldset></div><button class="secondary filters-open" type="button">{}</button></div>"#,
            esc(self.text("filters_heading")),
            esc(self.text("search_label")),
            esc(self.text("search_placeholder")),
            esc(self.text("search_hint")),
            esc(self.text("near_legend")),
            esc(self.text("near_city_label")),
            esc(self.text("near_none")),
            esc(self.text("near_use_location")),
            esc(self.text("near_privacy")),
            esc(self.text("filters_heading")),
        );
    }

    fn results(&self, out: &mut String) {
        let (m, en) = self.locales.of(self.lang);
        let shown = self.dataset.filtered(&Filter::default());
        let _ = write!(
            out,
            r#"<section class="results"><h2>{}</h2><p class="result-count">{}</p><div class="share"><button class="secondary" type="button">{}</button></div><ul class="result-list{}" aria-label="{}">"#,
            esc(self.text("results_heading")),
            esc(&m.count("results_count", shown.len() as u64, self.lang, en)),
            esc(self.text("share_copy")),
            if shown.len() > WINDOW_ABOVE {
                " windowed"
            } else {
                ""
            },
            esc(self.text("results_list_label")),
        );
        for &index in shown.iter().take(ROWS) {
            if let Some(c) = self.dataset.centers.get(index) {
                self.row(c, out);
            }
        }
        out.push_str("</ul>");
        if self.rest_without_script && shown.len() > ROWS {
            let _ = write!(
                out,
                r#"<noscript><ul class="result-list" aria-label="{}">"#,
                esc(self.text("results_list_label"))
            );
            for &index in &shown[ROWS..] {
                if let Some(c) = self.dataset.centers.get(index) {
                    self.row(c, out);
                }
            }
            out.push_str("</ul></noscript>");
        }
        out.push_str("</section>");
    }

    /// One row, as `ResultRow` draws it in the default view (no query, no distance).
    fn row(&self, c: &Center, out: &mut String) {
        let d = self.dataset;
        let lang = self.lang;
        let country = format!("country_{}", c.country.code());
        let _ = write!(
            out,
            r#"<li class="result" data-center="{}"><button type="button"><span class="result-name">{}</span></button><span class="result-place"><bdi>{}</bdi>, {}</span><span class="result-specialties">{}</span><span class="result-why"></span><span class="badges">"#,
            esc(&c.id),
            esc(c.name_in(lang)),
            esc(c.city_in(lang)),
            esc(self.text(&country)),
            esc(&d.specialty_list(c, lang)),
        );
        if c.treats_children() {
            let chosen = Default::default();
            let badge = c.children_badge(&chosen);
            let labels = |codes: &[&str]| {
                let labels: Vec<&str> = codes.iter().map(|s| d.specialty_label(s, lang)).collect();
                labels.join(", ")
            };
            let (m, en) = self.locales.of(lang);
            let (text, unknown) = match &badge {
                ChildrenBadge::None => (String::new(), false),
                ChildrenBadge::Treats => (self.text("badge_pediatric").to_string(), false),
                ChildrenBadge::Gets(codes) => (
                    m.fill("badge_children_for", en, "services", &labels(codes)),
                    false,
                ),
                ChildrenBadge::NotStated(codes) => (
                    m.fill("badge_children_not_stated", en, "services", &labels(codes)),
                    true,
                ),
            };
            let class = if unknown { "badge unknown" } else { "badge" };
            let _ = write!(out, r#"<span class="{class}">{}</span>"#, esc(&text));
        }
        if d.hubs_hosted_by(&c.id).next().is_some() {
            let _ = write!(
                out,
                r#"<span class="badge hub-badge">{}</span>"#,
                esc(self.text("badge_hub"))
            );
        }
        out.push_str("</span></li>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales() -> Locales {
        let mut l = Locales::default();
        for (lang, text) in [
            (Lang::En, include_str!("../../../locales/en.json")),
            (Lang::Ru, include_str!("../../../locales/ru.json")),
            (Lang::Tg, include_str!("../../../locales/tg.json")),
        ] {
            l.insert(lang, Messages::from_json(text).unwrap());
        }
        l
    }

    #[test]
    fn fill_replaces_only_the_named_value() {
        // Cases: the locale files write "{{ count }}"; a hand-edited one may drop the spaces.
        let table = [
            ("{{ count }} centers", "count", "3", "3 centers"),
            ("{{count}} centers", "count", "3", "3 centers"),
            (
                "For children: {{ services }}",
                "services",
                "A, B",
                "For children: A, B",
            ),
            ("{{ other }} stays", "count", "3", "{{ other }} stays"),
            ("no value", "count", "3", "no value"),
            ("unclosed {{ count", "count", "3", "unclosed {{ count"),
        ];
        for (text, name, value, want) in table {
            assert_eq!(fill(text, name, value), want, "{text}");
        }
    }

    #[test]
    fn counts_follow_each_languages_plural_rule() {
        // Russian: CLDR plural rules (one: 1, 21; few: 2-4, 22-24; many: 5-20, 25), the
        // forms as locales/ru.json writes them; Tajik gives one plain string for every count.
        let l = locales();
        let (ru, _) = l.of(Lang::Ru);
        let ru_forms = [
            "1 центр",
            "2 центра",
            "5 центров",
            "21 центр",
            "1 000 центров",
        ];
        for (n, want) in [1, 2, 5, 21, 1000].into_iter().zip(ru_forms) {
            let got = ru
                .count("results_count", n, Lang::Ru, ru)
                .replace('\u{a0}', " ");
            assert!(got.starts_with(want), "{n}: {got}");
        }
        let (tg, _) = l.of(Lang::Tg);
        assert!(tg.count("results_count", 1, Lang::Tg, tg).starts_with('1'));
        let (en, _) = l.of(Lang::En);
        let empty = Messages::default();
        assert_eq!(
            empty.count("results_count", 2, Lang::Ru, en),
            "2 centers",
            "English's form where a file has none"
        );
    }

    #[cfg(feature = "synth")]
    #[test]
    fn a_list_the_app_windows_is_cut_the_same_way() {
        // Over WINDOW_ABOVE results the app draws fixed-height rows (src/components/list/window.rs).
        let bundled =
            Dataset::from_json(include_str!("../../../public/data/centers.json")).unwrap();
        let synth = crate::dataset::synth::generate(WINDOW_ABOVE + 1, 1, &bundled.specialties);
        let l = locales();
        let view = |d: &Dataset| {
            FirstView {
                dataset: d,
                lang: Lang::En,
                locales: &l,
                rest_without_script: false,
            }
            .html()
        };
        assert!(view(&synth).contains(r#"class="result-list windowed""#));
        assert_eq!(
            bundled.centers.len() > WINDOW_ABOVE,
            view(&bundled).contains("result-list windowed")
        );
    }

    #[test]
    fn every_string_from_data_is_escaped() {
        let text = include_str!("../../../public/data/centers.json").replacen(
            "\"name\": \"",
            "\"name\": \"<img src=x onerror=alert(1)>",
            1,
        );
        let dataset = Dataset::from_json(&text).unwrap();
        let l = locales();
        let html = FirstView {
            dataset: &dataset,
            lang: Lang::En,
            locales: &l,
            rest_without_script: false,
        }
        .html();
        assert!(!html.contains("<img"), "a name is text, not markup");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn holds_the_first_rows_of_the_default_list_in_the_readers_language() {
        let dataset =
            Dataset::from_json(include_str!("../../../public/data/centers.json")).unwrap();
        let l = locales();
        let html = FirstView {
            dataset: &dataset,
            lang: Lang::Ru,
            locales: &l,
            rest_without_script: false,
        }
        .html();
        assert_eq!(
            html.matches(r#"<li class="result" data-center=""#).count(),
            ROWS.min(dataset.centers.len())
        );
        let first = &dataset.centers[dataset.filtered(&Filter::default())[0]];
        assert!(html.contains(&esc(first.name_in(Lang::Ru))));
        assert!(
            html.contains("Казахстан") || html.contains("Узбекистан"),
            "countries in Russian"
        );
        // The switcher names each language in its own words.
        assert!(html.contains(r#"<option value="ru" lang="ru" selected>Русский</option>"#));
    }
}
