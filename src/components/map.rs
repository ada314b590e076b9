//! The Leaflet map: the filtered centers in view, each on its own when few, grouped by screen
//! cells with counts when many (recomputed on every pan, zoom and filter change). Popups are
//! built from DOM text nodes when a marker is chosen. Layers are driven directly (not one
//! component per marker): a `<Marker>` component costs ~25 signals, and at 50,000 centers
//! only the few hundred marks in view may exist at all.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use leptos_leaflet::prelude::{MapContainer, Position};
use send_wrapper::SendWrapper;
use shifo_core::cluster::{Cluster, Mark, NO_GROUPS_FROM_ZOOM};
use shifo_core::geo::{Bounds, REGION};
use shifo_core::outline::Outlines;
use shifo_core::{Center, Dataset, Loaded};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::partnerships::PartnershipLayer;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::locale::{country_name, lang_of};
use crate::state::AppState;

/// The tile server, in one place. Tiles need the internet; without it the map draws the bundled
/// country outlines instead and everything else works.
pub const TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The attribution the OpenStreetMap tile policy requires (our constant, never data).
pub const TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";
/// Credit for the country outlines (public domain, credited all the same).
const OUTLINE_ATTRIBUTION: &str =
    "Borders: <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a>";
/// Zoom used when showing a single center.
const DETAIL_ZOOM: f64 = 10.0;
/// Zoom used when showing a city: its centers apart, its neighbourhoods readable.
const CITY_ZOOM: f64 = 11.0;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)`. The leaflet crate's `DivIcon::new` calls `L.Icon` instead (its
    /// binding names the wrong class), which throws "iconUrl not set".
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &lf::DivIconOptions) -> lf::Icon;
}

/// Leaflet's `getElement()` of a layer (a marker's icon, a path's SVG element; not bound by
/// the leaflet crate), while the layer is on the map.
pub(crate) fn layer_element(layer: &JsValue) -> Option<web_sys::Element> {
    let get = js_sys::Reflect::get(layer, &"getElement".into()).ok()?;
    get.dyn_into::<js_sys::Function>()
        .ok()?
        .call0(layer)
        .ok()?
        .dyn_into()
        .ok()
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
    if c.treats_children() {
        add(
            "div",
            "popup-pediatric",
            td_string!(locale, badge_pediatric),
        )?;
    }
    if dataset.hubs_hosted_by(&c.id).next().is_some() {
        add("div", "popup-hub", td_string!(locale, badge_hub))?;
    }
    Some(root)
}

/// Cell size for grouping, in screen pixels (Leaflet.markercluster's default radius is 80).
const CELL_PX: f64 = 64.0;
/// How much map around the visible part is drawn too, as a share of its width and height.
const VIEW_MARGIN: f64 = 0.25;
/// The JS property on a marker naming its center (an index into the dataset).
const CENTER_PROP: &str = "shifoCenter";
/// The JS property on a group's marker holding the box to zoom to: [south, west, north, east].
const BOUNDS_PROP: &str = "shifoBounds";

/// Identity of a drawn mark: a marker whose key is still wanted after a pan or zoom stays on
/// the map untouched (keeping focus and an open popup); the others are replaced.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum MarkKey {
    Single {
        index: usize,
        dx: u64,
        dy: u64,
    },
    Group {
        first: usize,
        count: usize,
        lat: u64,
        lon: u64,
    },
}

impl MarkKey {
    fn of(mark: &Mark) -> MarkKey {
        match *mark {
            Mark::Single { index, dx, dy } => MarkKey::Single {
                index,
                dx: dx.to_bits(),
                dy: dy.to_bits(),
            },
            Mark::Group(ref c) => MarkKey::Group {
                first: c.first,
                count: c.count,
                lat: c.lat.to_bits(),
                lon: c.lon.to_bits(),
            },
        }
    }
}

/// The markers now on the map, in one feature group (whose events tell which marker fired).
struct Layers {
    group: lf::FeatureGroup,
    drawn: HashMap<MarkKey, lf::Marker>,
    /// The language the drawn markers' titles are in.
    locale: Option<Locale>,
    /// The highlighted center's marker.
    selected: Option<usize>,
}

fn single_marker(
    c: &Center,
    index: usize,
    (dx, dy): (f64, f64),
    selected: bool,
    locale: Locale,
) -> lf::Marker {
    let icon_options = lf::DivIconOptions::new();
    let mut class = String::from("center-marker");
    if c.treats_children() {
        class.push_str(" pediatric");
    }
    if selected {
        class.push_str(" selected");
    }
    icon_options.set_class_name(class);
    icon_options.set_icon_size(lf::Point::new(24.0, 24.0));
    // Shifting the anchor moves the icon by (dx, dy) pixels without moving the point.
    icon_options.set_icon_anchor(lf::Point::new(12.0 - dx, 12.0 - dy));
    icon_options.set_popup_anchor(lf::Point::new(dx, dy - 12.0));
    let name = c.name_in(lang_of(locale));
    let title = if c.treats_children() {
        // Not by colour alone (WCAG 1.4.1): a glyph inside the icon, and the words in its name
        // (the name is data: isolated from our words after it).
        if let Ok(glyph) = document().create_element("span") {
            glyph.set_class_name("marker-glyph");
            let _ = glyph.set_attribute("aria-hidden", "true");
            let _ = js_sys::Reflect::set(&icon_options, &"html".into(), &glyph);
        }
        format!(
            "{} ({})",
            crate::locale::isolate(name),
            td_string!(locale, badge_pediatric)
        )
    } else {
        name.to_string()
    };
    let options = lf::MarkerOptions::new();
    options.set_icon(div_icon(&icon_options));
    options.set_title(title);
    options.set_keyboard(true);
    options.set_rise_on_hover(true);
    if selected {
        options.set_z_index_offset(1000.0);
    }
    let marker = lf::Marker::new_with_options(&lat_lng(c.lat, c.lon), &options);
    let _ = js_sys::Reflect::set(&marker, &CENTER_PROP.into(), &(index as f64).into());
    marker
}

fn group_marker(c: &Cluster, locale: Locale) -> lf::Marker {
    let size = match c.count {
        0..=99 => ("small", 36.0),
        100..=999 => ("medium", 42.0),
        _ => ("large", 50.0),
    };
    let icon_options = lf::DivIconOptions::new();
    icon_options.set_class_name(format!("cluster-marker {}", size.0));
    icon_options.set_icon_size(lf::Point::new(size.1, size.1));
    let centers = td_string!(locale, results_count, count = c.count).to_string();
    let label = td_string!(locale, cluster_label, centers = centers).to_string();
    // Text nodes, never markup. The visible count is hidden from screen readers, which read
    // the whole label instead (the button's name comes from its content, before its title).
    let doc = document();
    if let (Ok(root), Ok(count), Ok(name)) = (
        doc.create_element("span"),
        doc.create_element("span"),
        doc.create_element("span"),
    ) {
        count.set_text_content(Some(&c.count.to_string()));
        let _ = count.set_attribute("aria-hidden", "true");
        name.set_text_content(Some(&label));
        name.set_class_name("visually-hidden");
        let _ = root.append_child(&count);
        let _ = root.append_child(&name);
        let _ = js_sys::Reflect::set(&icon_options, &"html".into(), &root);
    }
    let options = lf::MarkerOptions::new();
    options.set_icon(div_icon(&icon_options));
    options.set_title(label);
    options.set_keyboard(true);
    let marker = lf::Marker::new_with_options(&lat_lng(c.lat, c.lon), &options);
    let b = &c.bounds;
    let bounds = js_sys::Array::of4(
        &b.south.into(),
        &b.west.into(),
        &b.north.into(),
        &b.east.into(),
    );
    let _ = js_sys::Reflect::set(&marker, &BOUNDS_PROP.into(), &bounds);
    marker
}

impl Layers {
    /// Makes the map show exactly `marks`: markers still wanted stay, the rest are replaced.
    fn sync(&mut self, marks: &[Mark], dataset: &Dataset, selected: Option<usize>, locale: Locale) {
        if self.locale != Some(locale) {
            // Titles are in the old language: start over.
            self.group.clear_layers();
            self.drawn.clear();
            self.locale = Some(locale);
        }
        let mut next: HashMap<MarkKey, lf::Marker> = HashMap::with_capacity(marks.len());
        for mark in marks {
            let key = MarkKey::of(mark);
            if let Some(m) = self.drawn.remove(&key) {
                next.insert(key, m);
                continue;
            }
            let marker = match *mark {
                Mark::Single { index, dx, dy } => {
                    let Some(c) = dataset.centers.get(index) else {
                        continue;
                    };
                    single_marker(c, index, (dx, dy), selected == Some(index), locale)
                }
                Mark::Group(ref c) => group_marker(c, locale),
            };
            self.group.add_layer(marker.as_ref());
            next.insert(key, marker);
        }
        // A center's marker replaced while its popup is open (its place on a ring moved with
        // the view, e.g. after the popup's own pan): the popup opens again on the new one.
        let mut reopen = None;
        for (key, old) in &self.drawn {
            if let MarkKey::Single { index, .. } = *key {
                if old.is_popup_open() {
                    reopen = Some(index);
                }
            }
            self.group.remove_layer(old.as_ref());
        }
        self.drawn = next;
        if let Some(index) = reopen {
            let marker = self.drawn.iter().find_map(|(key, m)| match *key {
                MarkKey::Single { index: i, .. } if i == index => Some(m),
                _ => None,
            });
            if let (Some(marker), Some(c)) = (marker, dataset.centers.get(index)) {
                if let Some(content) = popup_content(dataset, c, locale) {
                    marker.bind_popup_with_options(
                        &content,
                        &js_options(&[("maxWidth", 280.into())]),
                    );
                    marker.open_popup();
                }
            }
        }
        // Kept markers keep their element: move the highlight by class.
        if self.selected != selected {
            for (key, marker) in &self.drawn {
                let MarkKey::Single { index, .. } = *key else {
                    continue;
                };
                let (was, is) = (self.selected == Some(index), selected == Some(index));
                if was == is {
                    continue;
                }
                marker.set_z_index_offset(if is { 1000.0 } else { 0.0 });
                if let Some(el) = layer_element(marker) {
                    let _ = if is {
                        el.class_list().add_1("selected")
                    } else {
                        el.class_list().remove_1("selected")
                    };
                }
            }
            self.selected = selected;
        }
    }
}

/// The visible part of the map, with a margin, and its zoom.
fn current_view(map: &lf::Map) -> (Bounds, f64) {
    let b = map.get_bounds();
    let (sw, ne) = (b.get_south_west(), b.get_north_east());
    let view = Bounds {
        south: sw.lat(),
        west: sw.lng(),
        north: ne.lat(),
        east: ne.lng(),
    };
    (view.padded(VIEW_MARGIN), map.get_zoom())
}

/// The marker that fired a feature-group event.
fn event_marker(ev: &JsValue) -> Option<JsValue> {
    js_sys::Reflect::get(ev, &"propagatedFrom".into())
        .ok()
        .filter(|m| !m.is_undefined())
}

/// What choosing a marker does: a group zooms in to its members; a center is selected and
/// its popup (built now, not for every marker up front) opens.
fn on_choose(map: &lf::Map, ev: &JsValue, state: AppState, locale: Locale) {
    let Some(marker) = event_marker(ev) else {
        return;
    };
    if let Some(b) = js_sys::Reflect::get(&marker, &BOUNDS_PROP.into())
        .ok()
        .filter(|b| b.is_object())
    {
        let b: js_sys::Array = b.unchecked_into();
        let n = |i| b.get(i).as_f64().unwrap_or_default();
        let bounds = Bounds {
            south: n(0),
            west: n(1),
            north: n(2),
            east: n(3),
        };
        if bounds.is_point() {
            // Members sharing one point only part when drawn each on its own.
            let zoom = (map.get_zoom() + 3.0).min(NO_GROUPS_FROM_ZOOM);
            map.set_view_with_options(&lat_lng(bounds.south, bounds.west), zoom, &no_animation());
        } else {
            fit_to(map, bounds, f64::INFINITY);
        }
        return;
    }
    let Some(index) = js_sys::Reflect::get(&marker, &CENTER_PROP.into())
        .ok()
        .and_then(|v| v.as_f64())
    else {
        return;
    };
    let Some(loaded) = state.loaded_untracked() else {
        return;
    };
    let Some(c) = loaded.dataset.centers.get(index as usize) else {
        return;
    };
    let marker: lf::Marker = marker.unchecked_into();
    let has_popup = !js_sys::Reflect::get(&marker, &"_popup".into())
        .map(|p| p.is_undefined() || p.is_null())
        .unwrap_or(true);
    if !has_popup {
        if let Some(content) = popup_content(&loaded.dataset, c, locale) {
            marker.bind_popup_with_options(&content, &js_options(&[("maxWidth", 280.into())]));
            marker.open_popup();
        }
    }
    state.select(Some(c.id.clone()));
}

/// The map's container element (Leaflet's `getContainer()`, not bound by the crate).
fn container_of(map: &lf::Map) -> Option<web_sys::Element> {
    js_sys::Reflect::get(map, &"_container".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether the map has no size on screen (hidden behind the phone's list pane).
fn is_hidden(map: &lf::Map) -> bool {
    container_of(map).is_some_and(|c| c.client_width() == 0 || c.client_height() == 0)
}

/// A view the app asks the map for.
#[derive(Debug, Clone, Copy)]
enum Wanted {
    /// These bounds, with a margin.
    Fit(Bounds),
    /// This point (lat, lon) at this zoom.
    Point(f64, f64, f64),
}

fn show(map: &lf::Map, wanted: Wanted) {
    match wanted {
        Wanted::Fit(bounds) => fit(map, bounds),
        Wanted::Point(lat, lon, zoom) => set_view(map, lat_lng(lat, lon), zoom),
    }
}

/// Shows `wanted`; while the map is hidden (no size to fit to) it is also kept, to be shown
/// again once the map appears.
fn ask(map: &lf::Map, wanted: Wanted, pending: StoredValue<Option<Wanted>>) {
    // Leaflet's own idea of its size (no forced layout, unlike reading the element's): zero
    // when the map was made hidden; once shown, the size it will have when shown again.
    let size = map.get_size();
    let hidden = size.x() == 0.0 || size.y() == 0.0;
    pending.set_value(hidden.then_some(wanted));
    show(map, wanted);
}

/// View changes we make are not animated: Leaflet silently drops a `setView` that arrives while
/// a zoom animation runs, so a quick second choice would be lost.
fn no_animation() -> JsValue {
    js_options(&[("animate", false.into())])
}

/// The margin kept around fitted centers, in pixels (sides, top and bottom). A center may be
/// drawn up to ~50 px from its point (a ring of a dozen centers sharing one address, see
/// `geo::spread`) and its icon is 24 px; above and below, the zoom buttons, the tiles notice,
/// the legend and the partnership switch sit over the map. With 40 px the Tashkent ring was
/// drawn under the tiles notice and off the map's edge.
const FIT_PADDING: (u32, u32) = (70, 100);

fn fit(map: &lf::Map, bounds: Bounds) {
    fit_to(map, bounds, DETAIL_ZOOM);
}

/// Shows `bounds` with a margin, zooming in no further than `max_zoom`.
fn fit_to(map: &lf::Map, bounds: Bounds, max_zoom: f64) {
    if bounds.is_point() {
        set_view(map, lat_lng(bounds.south, bounds.west), DETAIL_ZOOM);
        return;
    }
    let b = lf::LatLngBounds::new(
        &lat_lng(bounds.south, bounds.west),
        &lat_lng(bounds.north, bounds.east),
    );
    let (side, top_bottom) = FIT_PADDING;
    let padding = js_sys::Array::of2(&side.into(), &top_bottom.into());
    let mut options = vec![
        ("paddingTopLeft", padding.clone().into()),
        ("paddingBottomRight", padding.into()),
        ("animate", false.into()),
    ];
    if max_zoom.is_finite() {
        options.push(("maxZoom", max_zoom.into()));
    }
    let options = js_options(&options);
    // The view `fitBounds` would set (Leaflet 1.9's own computation, pinned in package.json),
    // so that an unchanged view is not set again.
    let target = js_sys::Reflect::get(map, &"_getBoundsCenterZoom".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call2(map, &b, &options).ok());
    let center = target
        .as_ref()
        .and_then(|t| js_sys::Reflect::get(t, &"center".into()).ok())
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into::<lf::LatLng>);
    let zoom = target
        .as_ref()
        .and_then(|t| js_sys::Reflect::get(t, &"zoom".into()).ok())
        .and_then(|z| z.as_f64());
    match (center, zoom) {
        (Some(center), Some(zoom)) if zoom.is_finite() => set_view(map, center, zoom),
        _ => {
            map.fit_bounds_with_options(&b, &options);
        }
    }
}

/// Sets the view, unless the map already shows it: Leaflet resets every layer on any
/// `setView`, even to the same place, which is most of a filter change's cost when the
/// filtered centers span the same area (a specialty within the whole region).
fn set_view(map: &lf::Map, center: lf::LatLng, zoom: f64) {
    if map.get_zoom() == zoom {
        let (now, next) = (
            map.project_with_zoom(&map.get_center(), zoom),
            map.project_with_zoom(&center, zoom),
        );
        if (now.x() - next.x()).abs() < 1.0 && (now.y() - next.y()).abs() < 1.0 {
            return;
        }
    }
    map.set_view_with_options(&center, zoom, &no_animation());
}

/// One country's outline as a single polygon, so that its inner rings (the enclaves of
/// other countries) stay holes. Colours come from the stylesheet, by class.
fn country_polygon(c: &shifo_core::outline::CountryOutline) -> lf::Polygon {
    let rings = js_sys::Array::new();
    for ring in &c.polygons {
        let points = js_sys::Array::new();
        for [lat, lon] in ring {
            points.push(&js_sys::Array::of2(&(*lat).into(), &(*lon).into()));
        }
        rings.push(&points);
    }
    let options = lf::PolylineOptions::new();
    options.set_class_name(format!("country-outline country-{}", c.code.code()));
    options.set_interactive(false);
    options.set_weight(1.5);
    options.set_fill_opacity(1.0);
    // Leaflet lists a layer's attribution (our constant, never data) while it is on the map.
    let _ = js_sys::Reflect::set(&options, &"attribution".into(), &OUTLINE_ATTRIBUTION.into());
    lf::Polygon::new_with_options(&rings, &options)
}

/// The map with its markers.
#[component]
pub fn CenterMap() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let map = RwSignal::new_local(None::<lf::Map>);
    let layers = StoredValue::new_local(None::<Layers>);
    // Bumped by Leaflet's `moveend` (every pan, zoom and resize): the marks are recomputed
    // for the new view.
    let moved = RwSignal::new(0u64);
    // A view asked for while the map was hidden (a phone's list pane), shown when it appears.
    let pending = StoredValue::new(None::<Wanted>);
    // Where single markers sit off their point (centers sharing one), for the partnership lines.
    let offsets = RwSignal::new(HashMap::<usize, (f64, f64)>::new());
    // Whether any group is drawn, for the legend.
    let grouped = RwSignal::new(false);
    // Whether tiles are failing (no tile loaded since the last error): the outlines stand in.
    let tiles_failing = RwSignal::new(false);
    // The bundled country outlines, fetched the first time tiles fail.
    let outlines = RwSignal::new_local(None::<Arc<Outlines>>);
    let outlines_requested = StoredValue::new(false);

    // Once the map exists: the feature group and its event handlers, removed on cleanup.
    Effect::new(move |_| {
        let Some(m) = map.get() else {
            return;
        };
        // The tile layer is ours (not leptos-leaflet's component) to hear when tiles fail.
        let tile_options = lf::TileLayerOptions::new();
        tile_options.set_attribution(TILE_ATTRIBUTION.to_string());
        let tiles = lf::TileLayer::new_options(TILE_URL, &tile_options);
        tiles.add_to(&m);
        let on_tile_error = Closure::<dyn Fn(JsValue)>::new(move |_| {
            if !tiles_failing.get_untracked() {
                tiles_failing.set(true);
            }
        });
        let on_tile_load = Closure::<dyn Fn(JsValue)>::new(move |_| {
            if tiles_failing.get_untracked() {
                tiles_failing.set(false);
            }
        });
        tiles.on("tileerror", on_tile_error.as_ref());
        tiles.on("tileload", on_tile_load.as_ref());
        let group = lf::FeatureGroup::new();
        group.add_to(&m);
        let on_move = Closure::<dyn Fn(JsValue)>::new(move |_| moved.update(|n| *n += 1));
        let chosen = {
            let m = m.clone();
            move |ev: JsValue| on_choose(&m, &ev, state, i18n.get_locale_untracked())
        };
        let on_click = Closure::<dyn Fn(JsValue)>::new(chosen.clone());
        let on_key = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
            let key = js_sys::Reflect::get(&ev, &"originalEvent".into())
                .and_then(|o| js_sys::Reflect::get(&o, &"key".into()))
                .ok()
                .and_then(|k| k.as_string());
            if key.as_deref() == Some("Enter") {
                chosen(ev);
            }
        });
        m.on("moveend", on_move.as_ref());
        group.on("click", on_click.as_ref());
        group.on("keypress", on_key.as_ref());
        // Hidden maps (the phone's list pane) have no size: once shown, Leaflet must measure
        // again, and a view asked for while hidden is shown.
        let was_hidden = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_resize = {
            let m = m.clone();
            Closure::<dyn Fn()>::new(move || {
                if is_hidden(&m) {
                    was_hidden.set(true);
                    return;
                }
                m.invalidate_size(false);
                // What was asked for while hidden is shown now; otherwise the reader's own
                // pan and zoom stay.
                if was_hidden.replace(false) {
                    if let Some(wanted) = pending.get_value() {
                        pending.set_value(None);
                        show(&m, wanted);
                    }
                }
            })
        };
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(c)) = (&observer, container_of(&m)) {
            o.observe(&c);
        }
        layers.set_value(Some(Layers {
            group: group.clone(),
            drawn: HashMap::new(),
            locale: None,
            selected: None,
        }));
        // The handlers are JS objects, which the cleanup (Send by signature) may only hold
        // wrapped; it runs on this same thread.
        let handlers = SendWrapper::new((
            m.clone(),
            on_move,
            on_click,
            on_key,
            (tiles, on_tile_error, on_tile_load),
            (observer, on_resize),
        ));
        on_cleanup(move || {
            let (m, on_move, on_click, on_key, (tiles, on_tile_error, on_tile_load), (observer, _)) =
                &*handlers;
            if let Some(o) = observer {
                o.disconnect();
            }
            tiles.off("tileerror", on_tile_error.as_ref());
            tiles.off("tileload", on_tile_load.as_ref());
            tiles.remove();
            m.off("moveend", on_move.as_ref());
            group.off("click", on_click.as_ref());
            group.off("keypress", on_key.as_ref());
            group.remove();
            layers.set_value(None);
        });
    });

    // The marks for the filtered centers in the current view. A new set of centers (a filter
    // change or a new dataset) first fits the view to them.
    Effect::new(move |prev: Option<Option<(Arc<Loaded>, Vec<usize>)>>| {
        moved.track();
        let (Some(m), Some(loaded)) = (map.get(), state.loaded()) else {
            return None;
        };
        let locale = i18n.get_locale();
        let selected = state
            .selected_id()
            .and_then(|id| loaded.dataset.center_index(&id));
        let ids = state.filtered.get();
        let same = matches!(&prev, Some(Some((d, old))) if Arc::ptr_eq(d, &loaded) && *old == ids);
        if !same {
            // Fires `moveend` at once (no animation); the rerun it causes finds nothing new.
            let wanted = Wanted::Fit(loaded.index.bounds_of(&ids).unwrap_or(REGION));
            ask(&m, wanted, pending);
        }
        let started = crate::perf::now();
        let (view, zoom) = current_view(&m);
        let marks = loaded.index.layout(&ids, zoom, view, CELL_PX, selected);
        crate::perf::measure_since("shifo:layout", started);
        let any_group = marks.iter().any(|m| matches!(m, Mark::Group(_)));
        if grouped.get_untracked() != any_group {
            grouped.set(any_group);
        }
        layers.update_value(|l| {
            if let Some(l) = l {
                l.sync(&marks, &loaded.dataset, selected, locale);
            }
        });
        let singles: HashMap<usize, (f64, f64)> = marks
            .iter()
            .filter_map(|m| match *m {
                Mark::Single { index, dx, dy } => Some((index, (dx, dy))),
                Mark::Group(_) => None,
            })
            .collect();
        // Every redraw may move markers in pixels (a zoom): the lines' ends follow.
        offsets.set(singles);
        crate::perf::measure_since("shifo:map", started);
        Some((loaded, ids))
    });

    // Without tiles the map would be an empty grey box: fetch the outlines once.
    Effect::new(move |_| {
        if tiles_failing.get() && !outlines_requested.get_value() {
            outlines_requested.set_value(true);
            leptos::task::spawn_local(async move {
                if let Some(o) = crate::data::fetch_outlines().await {
                    outlines.set(Some(Arc::new(o)));
                }
            });
        }
    });

    // The outlines, drawn while tiles fail and removed when they load again.
    Effect::new(move |_| {
        let (Some(m), Some(o), true) = (map.get(), outlines.get(), tiles_failing.get()) else {
            return;
        };
        let polygons: Vec<lf::Polygon> = o.countries.iter().map(country_polygon).collect();
        for p in &polygons {
            p.add_to(&m);
            p.bring_to_back();
        }
        let polygons = SendWrapper::new(polygons);
        on_cleanup(move || {
            for p in polygons.iter() {
                p.remove();
            }
        });
    });

    // Choosing a center (here, in the list or by URL) brings it into view, close enough to be
    // drawn on its own.
    Effect::new(move |_| {
        state.pan_request.track();
        let (Some(m), Some(loaded)) = (map.get(), state.loaded()) else {
            return;
        };
        let Some(i) = state
            .selected_id()
            .and_then(|id| loaded.dataset.center_index(&id))
        else {
            return;
        };
        let Some(c) = loaded.dataset.centers.get(i) else {
            return;
        };
        let zoom = m.get_zoom().max(DETAIL_ZOOM);
        ask(&m, Wanted::Point(c.lat, c.lon, zoom), pending);
    });

    // The map itself takes focus (Leaflet's keyboard panning): it says what it is and how.
    Effect::new(move |_| {
        let (Some(m), label) = (map.get(), t_string!(i18n, map_keys_label)) else {
            return;
        };
        if let Some(c) = container_of(&m) {
            // A name needs a role to belong to.
            let _ = c.set_attribute("role", "group");
            let _ = c.set_attribute("aria-label", label);
        }
    });

    // Leaflet names its zoom buttons in English: they are named in the reader's language.
    Effect::new(move |_| {
        let (Some(m), zoom_in, zoom_out) = (
            map.get(),
            t_string!(i18n, map_zoom_in),
            t_string!(i18n, map_zoom_out),
        ) else {
            return;
        };
        let Some(c) = container_of(&m) else {
            return;
        };
        for (class, name) in [
            (".leaflet-control-zoom-in", zoom_in),
            (".leaflet-control-zoom-out", zoom_out),
        ] {
            if let Ok(Some(button)) = c.query_selector(class) {
                let _ = button.set_attribute("title", name);
                let _ = button.set_attribute("aria-label", name);
            }
        }
    });

    // A city chosen elsewhere (an event's) comes into view at city scale. Only requests made
    // while this map exists: one left from before (the map is remade when a referral sheet
    // closes) must not move it.
    Effect::new(move |mounted: Option<bool>| {
        let target = state.map_target.get();
        let Some(m) = map.get() else {
            return false;
        };
        if let (true, Some((lat, lon))) = (mounted.unwrap_or(false), target) {
            let zoom = m.get_zoom().max(CITY_ZOOM);
            ask(&m, Wanted::Point(lat, lon, zoom), pending);
        }
        true
    });

    let center = Position::new(
        (REGION.south + REGION.north) / 2.0,
        (REGION.west + REGION.east) / 2.0,
    );
    view! {
        <section class="map-panel" aria-label=move || t_string!(i18n, map_label)>
            <MapContainer class="map" center=center zoom=4.0 map=map.write_only()/>
            <Show when=move || tiles_failing.get()>
                <p class="map-note" role="status">{t!(i18n, tiles_failed)}</p>
            </Show>
            <PartnershipLayer map=map.read_only() offsets=offsets.read_only()/>
            <Legend grouped=grouped.read_only()/>
        </section>
    }
}

/// What the markers mean, in words; the children's marker shows its glyph here too (colour is
/// never the only cue).
#[component]
fn Legend(
    /// Whether the map now shows groups (their entry is listed only then).
    grouped: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=move || t_string!(i18n, legend_label)>
            <li><span class="swatch center-marker pediatric" aria-hidden="true"><span class="marker-glyph"></span></span>{t!(i18n, legend_pediatric)}</li>
            <li><span class="swatch center-marker" aria-hidden="true"></span>{t!(i18n, legend_other)}</li>
            <li><span class="swatch center-marker selected" aria-hidden="true"></span>{t!(i18n, legend_selected)}</li>
            <Show when=move || grouped.get()>
                <li><span class="swatch cluster-marker" aria-hidden="true"></span>{t!(i18n, legend_cluster)}</li>
            </Show>
        </ul>
    }
}
