//! The one home for what the `leaflet` crate does not bind, and for how we call Leaflet
//! directly: a few methods of Leaflet 1.9.4's public API (the version `package.json` pins and
//! `map-fit.spec.mjs` checks in the page), the `divIcon` factory, options objects, conversions from the
//! core's types, and event listeners that remove themselves. No private Leaflet field is read.

use leptos_leaflet::leaflet as lf;
use shifo_core::geo::bounds::{Bounds, LatLon};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::hooks::keep_until_cleanup;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)`. The leaflet crate's `DivIcon::new` calls `L.Icon` instead (its
    /// binding names the wrong class), which throws "iconUrl not set".
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub(crate) fn div_icon(options: &lf::DivIconOptions) -> lf::Icon;

    /// A Leaflet map, for the methods the `leaflet` crate does not bind.
    type MapMethods;

    /// `map.getContainer()`: the element the map was created in.
    #[wasm_bindgen(method, js_name = getContainer)]
    fn get_container(this: &MapMethods) -> web_sys::HtmlElement;

    /// `map.getBoundsZoom(bounds, inside, padding)`: the highest zoom that shows `bounds`
    /// whole, with `padding` pixels kept free in all.
    #[wasm_bindgen(method, js_name = getBoundsZoom)]
    fn get_bounds_zoom(
        this: &MapMethods,
        bounds: &lf::LatLngBounds,
        inside: bool,
        padding: &lf::Point,
    ) -> f64;

    /// A Leaflet layer, for the methods the `leaflet` crate does not bind.
    type LayerMethods;

    /// `layer.getElement()`: a marker's icon or a path's SVG element, while on the map.
    #[wasm_bindgen(method, js_name = getElement)]
    fn get_element(this: &LayerMethods) -> Option<web_sys::Element>;
}

/// A Leaflet point from the core's position.
pub(crate) fn lat_lng(p: LatLon) -> lf::LatLng {
    lf::LatLng::new(p.lat, p.lon)
}

/// The element the map lives in.
pub(crate) fn container_of(map: &lf::Map) -> web_sys::HtmlElement {
    map.unchecked_ref::<MapMethods>().get_container()
}

/// Whether the map has no size on screen (hidden behind the phone's list pane).
pub(crate) fn is_hidden(map: &lf::Map) -> bool {
    let c = container_of(map);
    c.client_width() == 0 || c.client_height() == 0
}

/// A layer's element while it is on the map (a marker's icon, a line's path).
pub(crate) fn layer_element(layer: &impl JsCast) -> Option<web_sys::Element> {
    layer.unchecked_ref::<LayerMethods>().get_element()
}

/// Whether a popup is bound to the layer.
pub(crate) fn has_popup(layer: &impl JsCast) -> bool {
    let popup = layer.unchecked_ref::<lf::Layer>().get_popup();
    !(popup.is_undefined() || popup.is_null())
}

/// A plain options object (`{ key: value, ... }`).
pub(crate) fn js_options(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// Options for a view change we make: not animated, as Leaflet silently drops a `setView`
/// that arrives while a zoom animation runs, so a quick second choice would be lost.
pub(crate) fn no_animation() -> JsValue {
    js_options(&[("animate", false.into())])
}

/// The centre and zoom at which `map.fitBounds(bounds, { paddingTopLeft, paddingBottomRight,
/// maxZoom })` would show `bounds`: Leaflet 1.9.4's own computation (`_getBoundsCenterZoom`),
/// through its public methods, so that a view the map already shows is not set again.
/// `padding` is kept free at each edge. `None` when no zoom fits (a box of no size, or a map
/// of no size).
pub(crate) fn fit_view(
    map: &lf::Map,
    bounds: Bounds,
    padding: Padding,
    max_zoom: f64,
) -> Option<(lf::LatLng, f64)> {
    let (sw, ne) = (
        lat_lng(LatLon::new(bounds.south, bounds.west)),
        lat_lng(LatLon::new(bounds.north, bounds.east)),
    );
    let box_ = lf::LatLngBounds::new(&sw, &ne);
    let both_sides = lf::Point::new(2.0 * padding.side, padding.top + padding.bottom);
    let zoom = map
        .unchecked_ref::<MapMethods>()
        .get_bounds_zoom(&box_, false, &both_sides)
        .min(max_zoom);
    if !zoom.is_finite() {
        return None;
    }
    // The box's centre, projected, in the middle of the free area (Leaflet's paddingOffset).
    let (a, b) = (
        map.project_with_zoom(&sw, zoom),
        map.project_with_zoom(&ne, zoom),
    );
    let middle = lf::Point::new(
        (a.x() + b.x()) / 2.0,
        (a.y() + b.y()) / 2.0 + (padding.bottom - padding.top) / 2.0,
    );
    Some((map.unproject_with_zoom(&middle, zoom), zoom))
}

/// The margins a fitted view keeps free, in CSS pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Padding {
    /// Left and right.
    pub side: f64,
    /// Above.
    pub top: f64,
    /// Below.
    pub bottom: f64,
}

/// A Leaflet event handler that is removed (`off`) when dropped.
struct LeafletListener {
    target: lf::Evented,
    event: &'static str,
    handler: Closure<dyn Fn(JsValue)>,
}

impl Drop for LeafletListener {
    fn drop(&mut self) {
        self.target.off(self.event, self.handler.as_ref());
    }
}

/// Listens to a Leaflet event (`target.on(event, handler)`) until the current owner is
/// cleaned up.
pub(crate) fn use_leaflet_event(
    target: &impl JsCast,
    event: &'static str,
    handler: impl Fn(JsValue) + 'static,
) {
    let target: lf::Evented = target.unchecked_ref::<lf::Evented>().clone();
    let handler = Closure::<dyn Fn(JsValue)>::new(handler);
    target.on(event, handler.as_ref());
    keep_until_cleanup(LeafletListener {
        target,
        event,
        handler,
    });
}

/// Layers on the map that are removed from it when dropped.
struct OnMap(Vec<lf::Layer>);

impl Drop for OnMap {
    fn drop(&mut self) {
        for layer in &self.0 {
            layer.remove();
        }
    }
}

/// Removes `layers` from the map when the current owner is cleaned up.
pub(crate) fn remove_on_cleanup<L: JsCast>(layers: impl IntoIterator<Item = L>) {
    keep_until_cleanup(OnMap(
        layers
            .into_iter()
            .map(|l| l.unchecked_into::<lf::Layer>())
            .collect(),
    ));
}
