//! A center's popup: its name, city and country, specialties and badges, built from DOM text
//! nodes when the marker is chosen (never for every marker up front), so data is only ever
//! text, never HTML.

use leptos::prelude::document;
use leptos_leaflet::leaflet as lf;
use shifo_core::{Center, Dataset};

use super::leaflet_ext::{js_options, layer_element};
use super::view::detail_covers;
use crate::i18n::{td_string, Locale};
use crate::locale::{children_badge_text, country_name};
use std::collections::BTreeSet;

/// The widest a popup grows, in pixels: room for a long name on two or three lines.
const POPUP_MAX_WIDTH: u32 = 280;

/// Binds `c`'s popup to `marker` and opens it; its children's line follows the specialties
/// `chosen`.
pub(crate) fn open_popup(
    marker: &lf::Marker,
    dataset: &Dataset,
    c: &Center,
    chosen: &BTreeSet<String>,
    locale: Locale,
) {
    if let Some(content) = popup_content(dataset, c, chosen, locale) {
        marker.bind_popup_with_options(
            &content,
            &js_options(&[("maxWidth", popup_width(marker).into())]),
        );
        marker.open_popup();
    }
}

/// What a popup adds around its content (Leaflet 1.9's margins of 20 and 24 px), with 12 px
/// kept free on either side.
const POPUP_FRAME: f64 = 44.0 + 24.0;

/// The widest the popup may be: [`POPUP_MAX_WIDTH`], or, where the detail floats over the map's
/// right part, what is left beside it less a margin (the chosen center is drawn in that part,
/// `view::beside_detail`; a 280 px popup there ran under the detail on a 1280 px screen).
fn popup_width(marker: &lf::Marker) -> u32 {
    let map_width = layer_element(marker)
        .and_then(|icon| icon.closest(".leaflet-container").ok().flatten())
        .map(|map| f64::from(map.client_width()));
    let free = map_width
        .and_then(|w| detail_covers(w).map(|covered| w - covered - POPUP_FRAME))
        .unwrap_or(f64::from(POPUP_MAX_WIDTH));
    free.clamp(120.0, f64::from(POPUP_MAX_WIDTH)) as u32
}

/// Popup content as DOM nodes.
fn popup_content(
    dataset: &Dataset,
    c: &Center,
    chosen: &BTreeSet<String>,
    locale: Locale,
) -> Option<web_sys::Element> {
    let lang = locale.lang();
    let doc = document();
    let root = doc.create_element("div").ok()?;
    root.set_class_name("popup");
    let add = |tag: &str, class: &str, text: &str| -> Option<()> {
        let el = doc.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        root.append_child(&el).ok()?;
        Some(())
    };
    add("strong", "popup-name", c.name_in(lang))?;
    // The city is data: isolated, so an override in it cannot reverse the country after it.
    let place = doc.create_element("div").ok()?;
    place.set_class_name("popup-place");
    let city = doc.create_element("bdi").ok()?;
    city.set_text_content(Some(c.city_in(lang)));
    place.append_child(&city).ok()?;
    let country = format!(", {}", country_name(locale, c.country));
    place.append_child(&doc.create_text_node(&country)).ok()?;
    root.append_child(&place).ok()?;
    add("div", "popup-specialties", &dataset.specialty_list(c, lang))?;
    if let Some(children) = children_badge_text(locale, &c.children_badge(chosen), dataset) {
        add("div", "popup-pediatric", &children)?;
    }
    if dataset.hubs_hosted_by(&c.id).next().is_some() {
        add("div", "popup-hub", td_string!(locale, badge_hub))?;
    }
    Some(root)
}
