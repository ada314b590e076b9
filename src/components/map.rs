//! The Leaflet map: one marker per center, shown when it passes the filters, with a popup built
//! from DOM text nodes. Layers are driven directly (not one component per marker) because a
//! `<Marker>` component costs ~25 signals and the dataset will grow to tens of thousands.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use leptos_leaflet::prelude::{MapContainer, Position, TileLayer};
use shifo_core::geo::{spread_offsets, Bounds, REGION};
use shifo_core::{Center, Dataset};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::locale::{lang_of, place};
use crate::state::AppState;

/// The tile server, in one place. Tiles need the internet; without it the map stays grey and
/// everything else works.
pub const TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The attribution the OpenStreetMap tile policy requires (our constant, never data).
pub const TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";
/// Zoom used when showing a single center.
const DETAIL_ZOOM: f64 = 10.0;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)`. The leaflet crate's `DivIcon::new` calls `L.Icon` instead (its
    /// binding names the wrong class), which throws "iconUrl not set".
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &lf::DivIconOptions) -> lf::Icon;
}

/// Leaflet's `Marker.getElement()` (not bound by the leaflet crate): the icon element, while
/// the marker is on the map.
fn marker_element(marker: &lf::Marker) -> Option<web_sys::Element> {
    let get = js_sys::Reflect::get(marker, &"getElement".into()).ok()?;
    get.dyn_into::<js_sys::Function>()
        .ok()?
        .call0(marker)
        .ok()?
        .dyn_into()
        .ok()
}

/// The markers of one dataset, indexed like `dataset.centers`.
struct Layers {
    group: lf::LayerGroup,
    markers: Vec<lf::Marker>,
}

fn lat_lng(lat: f64, lon: f64) -> lf::LatLng {
    lf::LatLng::new(lat, lon)
}

fn js_options(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// Popup content as DOM nodes: data is only ever set as text, never parsed as HTML.
fn popup_content(dataset: &Dataset, c: &Center, locale: Locale) -> Option<web_sys::Element> {
    let lang = lang_of(locale);
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
    add("div", "popup-place", &place(locale, c))?;
    add("div", "popup-specialties", &dataset.specialty_list(c, lang))?;
    if c.treats_children() {
        add(
            "div",
            "popup-pediatric",
            td_string!(locale, badge_pediatric),
        )?;
    }
    Some(root)
}

fn build_layers(map: &lf::Map, dataset: &Dataset, state: AppState, locale: Locale) -> Layers {
    let lang = lang_of(locale);
    let group = lf::LayerGroup::new();
    let refs: Vec<&Center> = dataset.centers.iter().collect();
    let offsets = spread_offsets(&refs);
    let markers = dataset
        .centers
        .iter()
        .zip(offsets)
        .map(|(c, (dx, dy))| {
            let icon_options = lf::DivIconOptions::new();
            icon_options.set_class_name(if c.treats_children() {
                "center-marker pediatric".into()
            } else {
                "center-marker".into()
            });
            icon_options.set_icon_size(lf::Point::new(24.0, 24.0));
            // Shifting the anchor moves the icon by (dx, dy) pixels without moving the point.
            icon_options.set_icon_anchor(lf::Point::new(12.0 - dx, 12.0 - dy));
            icon_options.set_popup_anchor(lf::Point::new(dx, dy - 12.0));
            let options = lf::MarkerOptions::new();
            options.set_icon(div_icon(&icon_options));
            options.set_title(c.name_in(lang).to_string());
            options.set_keyboard(true);
            options.set_rise_on_hover(true);
            let marker = lf::Marker::new_with_options(&lat_lng(c.lat, c.lon), &options);
            if let Some(content) = popup_content(dataset, c, locale) {
                marker.bind_popup_with_options(&content, &js_options(&[("maxWidth", 280.into())]));
            }
            let id = c.id.clone();
            let on_click = Closure::<dyn Fn(JsValue)>::new(move |_| state.select(Some(id.clone())));
            marker.on("click", &on_click.into_js_value());
            let id = c.id.clone();
            let on_key = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
                let key = js_sys::Reflect::get(&ev, &"originalEvent".into())
                    .and_then(|o| js_sys::Reflect::get(&o, &"key".into()))
                    .ok()
                    .and_then(|k| k.as_string());
                if key.as_deref() == Some("Enter") {
                    state.select(Some(id.clone()));
                }
            });
            marker.on("keypress", &on_key.into_js_value());
            marker
        })
        .collect();
    group.add_to(map);
    Layers { group, markers }
}

/// View changes we make are not animated: Leaflet silently drops a `setView` that arrives while
/// a zoom animation runs, so a quick second choice would be lost.
fn no_animation() -> JsValue {
    js_options(&[("animate", false.into())])
}

fn fit(map: &lf::Map, bounds: Bounds) {
    if bounds.is_point() {
        map.set_view_with_options(
            &lat_lng(bounds.south, bounds.west),
            DETAIL_ZOOM,
            &no_animation(),
        );
    } else {
        let b = lf::LatLngBounds::new(
            &lat_lng(bounds.south, bounds.west),
            &lat_lng(bounds.north, bounds.east),
        );
        let padding = js_sys::Array::of2(&40.into(), &40.into());
        map.fit_bounds_with_options(
            &b,
            &js_options(&[
                ("padding", padding.into()),
                ("maxZoom", DETAIL_ZOOM.into()),
                ("animate", false.into()),
            ]),
        );
    }
}

/// The map with its markers.
#[component]
pub fn CenterMap() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let map = RwSignal::new_local(None::<lf::Map>);
    let layers = RwSignal::new_local(None::<Rc<Layers>>);

    // Markers are created once per dataset and language (their titles and popups are text),
    // after the map exists, and removed on cleanup.
    Effect::new(move |_| {
        let (Some(m), Some(loaded)) = (map.get(), state.loaded()) else {
            return;
        };
        let locale = i18n.get_locale();
        let built = Rc::new(build_layers(&m, &loaded.dataset, state, locale));
        let group = built.group.clone();
        layers.set(Some(built));
        on_cleanup(move || {
            group.remove();
        });
    });

    // Filter change: show exactly the matching markers and fit the view to them.
    Effect::new(move |_| {
        let (Some(m), Some(l), Some(loaded)) = (map.get(), layers.get(), state.loaded()) else {
            return;
        };
        state.filtered.with(|ids| {
            let mut shown = vec![false; l.markers.len()];
            for &i in ids {
                shown[i] = true;
            }
            for (marker, show) in l.markers.iter().zip(shown) {
                if show {
                    l.group.add_layer(marker.as_ref());
                } else {
                    l.group.remove_layer(marker.as_ref());
                }
            }
            // A re-added marker gets a fresh icon element: restore the highlight.
            let selected = state.selected.get_untracked();
            if let Some(i) = selected.and_then(|id| loaded.dataset.center_index(&id)) {
                if let Some(el) = l.markers.get(i).and_then(marker_element) {
                    let _ = el.class_list().add_1("selected");
                }
            }
            let points = ids.iter().map(|&i| {
                let c = &loaded.dataset.centers[i];
                (c.lat, c.lon)
            });
            fit(&m, Bounds::of(points).unwrap_or(REGION));
        });
    });

    // Selection: highlight the marker and bring its center into view.
    Effect::new(move |prev: Option<Option<usize>>| {
        state.pan_request.track();
        let (Some(m), Some(l), Some(loaded)) = (map.get(), layers.get(), state.loaded()) else {
            return None;
        };
        let selected = state
            .selected_id()
            .and_then(|id| loaded.dataset.center_index(&id));
        if let Some(Some(old)) = prev {
            if let Some(el) = l.markers.get(old).and_then(marker_element) {
                let _ = el.class_list().remove_1("selected");
            }
            if let Some(mk) = l.markers.get(old) {
                mk.set_z_index_offset(0.0);
            }
        }
        if let Some(i) = selected {
            let c = &loaded.dataset.centers[i];
            let zoom = m.get_zoom().max(DETAIL_ZOOM);
            m.set_view_with_options(&lat_lng(c.lat, c.lon), zoom, &no_animation());
            if let Some(mk) = l.markers.get(i) {
                mk.set_z_index_offset(1000.0);
                if let Some(el) = marker_element(mk) {
                    let _ = el.class_list().add_1("selected");
                }
            }
        }
        selected
    });

    let center = Position::new(
        (REGION.south + REGION.north) / 2.0,
        (REGION.west + REGION.east) / 2.0,
    );
    view! {
        <section class="map-panel" aria-label=move || t_string!(i18n, map_label)>
            <MapContainer class="map" center=center zoom=4.0 map=map.write_only()>
                <TileLayer url=TILE_URL attribution=TILE_ATTRIBUTION/>
            </MapContainer>
            <Legend/>
        </section>
    }
}

/// What the marker colours mean, in words (colour is never the only cue).
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=move || t_string!(i18n, legend_label)>
            <li><span class="swatch center-marker pediatric" aria-hidden="true"></span>{t!(i18n, legend_pediatric)}</li>
            <li><span class="swatch center-marker" aria-hidden="true"></span>{t!(i18n, legend_other)}</li>
            <li><span class="swatch center-marker selected" aria-hidden="true"></span>{t!(i18n, legend_selected)}</li>
        </ul>
    }
}
