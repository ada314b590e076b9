//! The partnerships layer: a dashed line between two centers that signed a memorandum, its
//! date, occasion and scope on click (or Enter), and a switch to hide the lines. Lines follow
//! the filters: one whose center is hidden is not drawn.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use shifo_core::cooperation::{lines_among, Line};
use shifo_core::geo::bounds::{LatLon, PixelOffset};
use shifo_core::{Dataset, Partnership};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::leaflet_ext::{lat_lng, layer_element, remove_on_cleanup};
use crate::hooks::{use_event_listener, ListenerOptions};
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::state::AppState;

/// The popup of a line, as DOM text nodes (data is never HTML).
fn popup_content(d: &Dataset, p: &Partnership, locale: Locale) -> Option<web_sys::Element> {
    let lang = locale.lang();
    let doc = document();
    let root = doc.create_element("div").ok()?;
    root.set_class_name("popup partnership-popup");
    let name = |id: &str| d.center(id).map_or(id, |c| c.name_in(lang)).to_string();
    let heading = doc.create_element("strong").ok()?;
    heading.set_class_name("popup-name");
    for (i, id) in [&p.a, &p.b].into_iter().enumerate() {
        if i > 0 {
            heading.append_child(&doc.create_text_node(" – ")).ok()?;
        }
        let party = doc.create_element("bdi").ok()?;
        party.set_text_content(Some(&name(id)));
        heading.append_child(&party).ok()?;
    }
    root.append_child(&heading).ok()?;
    let lang = locale.lang();
    let text = |t: &shifo_core::dataset::text::Texts| lang.text_in(t).map(|t| t.text.clone());
    let facts = [
        (td_string!(locale, partnership_date), p.date.clone()),
        (td_string!(locale, partnership_occasion), text(&p.occasion)),
        (td_string!(locale, partnership_scope), text(&p.scope)),
    ];
    for (label, value) in facts {
        let Some(value) = value else { continue };
        let line = doc.create_element("div").ok()?;
        line.append_child(&doc.create_text_node(&format!("{label}: ")))
            .ok()?;
        let text = doc.create_element("bdi").ok()?;
        text.set_text_content(Some(&value));
        line.append_child(&text).ok()?;
        root.append_child(&line).ok()?;
    }
    Some(root)
}

/// Draws one partnership; its path is a button for keyboards and screen readers. Its key
/// handlers live as long as the effect that draws it.
fn draw(m: &lf::Map, d: &Dataset, line: &Line, locale: Locale) -> Option<lf::Polyline> {
    let p = d.partnerships.get(line.partnership)?;
    let (a, b) = (d.centers.get(line.a)?, d.centers.get(line.b)?);
    let points = js_sys::Array::of2(&lat_lng(a.position()), &lat_lng(b.position()));
    let options = lf::PolylineOptions::new();
    options.set_class_name("partnership-line".to_string());
    options.set_weight(3.0);
    options.set_dash_array("8 6".to_string());
    let polyline = lf::Polyline::new_with_options(&points, &options);
    let content = popup_content(d, p, locale);
    if let Some(content) = &content {
        // Focusable by script: a keyboard user who opens the popup is taken into it.
        let _ = content.set_attribute("tabindex", "-1");
        polyline.bind_popup_with_options(content, &JsValue::from(js_sys::Object::new()));
    }
    polyline.add_to(m);
    let lang = locale.lang();
    let label = td_string!(
        locale,
        partnership_label,
        a = a.name_in(lang),
        b = b.name_in(lang)
    );
    let element = layer_element(&polyline);
    if let Some(el) = &element {
        let _ = el.set_attribute("tabindex", "0");
        let _ = el.set_attribute("role", "button");
        let _ = el.set_attribute("aria-label", &label);
        // Enter or Space opens the popup and moves focus into it, so it is read out.
        let (opener, popup) = (polyline.clone(), content.clone());
        use_event_listener(
            el,
            "keydown",
            ListenerOptions::default(),
            move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    opener.open_popup();
                    focus(popup.as_ref());
                }
            },
        );
    }
    // Escape in the popup closes it and gives focus back to the line.
    if let Some(content) = &content {
        let (closer, path) = (polyline.clone(), element);
        use_event_listener(
            content,
            "keydown",
            ListenerOptions::default(),
            move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.stop_propagation();
                    closer.close_popup();
                    focus(path.as_ref());
                }
            },
        );
    }
    Some(polyline)
}

/// Focuses an HTML or SVG element, if any.
fn focus(el: Option<&web_sys::Element>) {
    if let Some(el) = el.and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = el.focus();
    } else if let Some(el) = el.and_then(|e| e.dyn_ref::<web_sys::SvgElement>()) {
        let _ = el.focus();
    }
}

/// Where a center's marker is drawn: its point moved by the marker's offset (centers sharing
/// a point sit on a ring around it), so a line ends at the marker the reader sees.
fn drawn_at(m: &lf::Map, at: LatLon, offset: Option<&PixelOffset>) -> lf::LatLng {
    match offset {
        Some(o) if !o.is_zero() => {
            let p = m.lat_lng_to_container_point(&lat_lng(at));
            m.container_point_to_lat_lng(&lf::Point::new(p.x() + o.dx, p.y() + o.dy))
        }
        _ => lat_lng(at),
    }
}

/// Moves the ends of the drawn lines onto their markers as now drawn.
fn follow_markers(
    m: &lf::Map,
    d: &Dataset,
    drawn: &[(Line, lf::Polyline)],
    offsets: &HashMap<usize, PixelOffset>,
) {
    for (line, polyline) in drawn {
        let (Some(a), Some(b)) = (d.centers.get(line.a), d.centers.get(line.b)) else {
            continue;
        };
        let points = js_sys::Array::of2(
            &drawn_at(m, a.position(), offsets.get(&line.a)),
            &drawn_at(m, b.position(), offsets.get(&line.b)),
        );
        polyline.set_lat_lngs(&points);
    }
}

/// The lines and their switch, drawn on `map` once it exists.
#[component]
pub(crate) fn PartnershipLayer(
    /// The Leaflet map, once created.
    map: ReadSignal<Option<lf::Map>, LocalStorage>,
    /// The pixel offset of each center drawn as a single marker (by index), after every
    /// redraw of the markers.
    offsets: ReadSignal<HashMap<usize, PixelOffset>>,
) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let shown = RwSignal::new(true);
    let available = move || {
        state
            .loaded()
            .is_some_and(|d| !d.dataset.partnerships.is_empty())
    };
    let drawn = StoredValue::new_local(Vec::<(Line, lf::Polyline)>::new());

    // Every partnership's two centers, once per dataset; then those among the centers shown,
    // a memo so that a filter change that keeps the same lines redraws nothing.
    let ends = Memo::new(move |_| {
        state
            .loaded()
            .map(|d| d.dataset.partnership_ends())
            .unwrap_or_default()
    });
    let lines = Memo::new(move |_| {
        // Tracked outside the nested read, which can miss it (see the list's rows).
        state.filtered.track();
        ends.with(|ends| state.filtered.with(|shown| lines_among(ends, shown)))
    });

    // The lines: made again when the lines shown, the language or the switch change.
    Effect::new(move |_| {
        let (Some(m), Some(loaded), true) = (map.get(), state.loaded(), shown.get()) else {
            return;
        };
        let locale = i18n.get_locale();
        let lines = lines.get();
        let made: Vec<(Line, lf::Polyline)> = lines
            .into_iter()
            .filter_map(|l| Some((l, draw(&m, &loaded.dataset, &l, locale)?)))
            .collect();
        offsets.with_untracked(|o| follow_markers(&m, &loaded.dataset, &made, o));
        remove_on_cleanup(made.iter().map(|(_, line)| line.clone()));
        drawn.set_value(made);
        on_cleanup(move || drawn.set_value(Vec::new()));
    });

    // The markers moved (a pan, a zoom, a new layout): the lines' ends follow. The lines
    // themselves stay, keeping focus and an open popup.
    Effect::new(move |_| {
        let (Some(m), Some(loaded)) = (map.get(), state.loaded()) else {
            return;
        };
        offsets.with(|o| {
            drawn.with_value(|lines| follow_markers(&m, &loaded.dataset, lines, o));
        });
    });

    view! {
        <Show when=available>
            <label class="map-layers">
                <input type="checkbox" prop:checked=move || shown.get() on:change=move |ev| shown.set(event_target_checked(&ev))/>
                <span class="swatch partnership" aria-hidden="true"></span>
                {t!(i18n, layer_partnerships)}
            </label>
        </Show>
    }
}
