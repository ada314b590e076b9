//! Where the map looks: views the app asks for (fit these centers, go to this point) are shown
//! at once, unanimated, and set only when they differ from what the map shows; one asked for
//! while the map is hidden (the phone's list pane has it at no size) is kept and shown when the
//! map appears. Choosing a center or an event's city brings it into view.

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use shifo_core::geo::bounds::{Bounds, LatLon};

use super::leaflet_ext::{
    container_of, fit_view, is_hidden, js_options, lat_lng, no_animation, Padding,
};
use crate::hooks::use_resize_observer;
use crate::layout::in_flow;
use crate::state::AppState;

/// Zoom used when showing a single center.
pub(crate) const DETAIL_ZOOM: f64 = 10.0;
/// Zoom used when showing a city: its centers apart, its neighbourhoods readable.
const CITY_ZOOM: f64 = 11.0;

/// The margin kept around fitted centers, in pixels (sides, top and bottom). A center may be
/// drawn up to ~50 px from its point (a ring of a dozen centers sharing one address, see
/// `geo::bounds::spread`) and its icon is 24 px; above and below, the zoom buttons, the tiles
/// notice, the legend and the partnership switch sit over the map. With 40 px the Tashkent
/// ring was drawn under the tiles notice and off the map's edge. On a small map (a phone held
/// sideways: 260 px high) the margins shrink with it, to 12 % and 20 % of its width and
/// height, or the region was fitted into a 60 px strip, one lump of groups.
const FIT_PADDING: (f64, f64) = (70.0, 100.0);

/// [`FIT_PADDING`] for `map` at its size now; at the bottom, above the legend where it floats
/// over the map.
fn fit_padding(map: &lf::Map) -> Padding {
    let size = map.get_size();
    let (w, h) = (size.x(), size.y());
    if w > 0.0 && h > 0.0 {
        let vertical = FIT_PADDING.1.min(h * 0.2);
        Padding {
            side: FIT_PADDING.0.min(w * 0.12),
            top: vertical,
            bottom: vertical.max(legend_clearance(map).min(h * 0.3)),
        }
    } else {
        Padding {
            side: FIT_PADDING.0,
            top: FIT_PADDING.1,
            bottom: FIT_PADDING.1,
        }
    }
}

/// How far up from the map's bottom edge the legend reaches where it floats over the map, and
/// a marker's half beyond: a marker fitted under it was half hidden, too small to tap (axe
/// target-size, in Russian at 1366x768). Nothing when it sits under the map (phones). Read
/// only when fitting, not on every frame.
fn legend_clearance(map: &lf::Map) -> f64 {
    let container = container_of(map);
    let legend = container
        .closest(".map-panel")
        .ok()
        .flatten()
        .and_then(|panel| panel.query_selector(".legend").ok().flatten());
    let Some(legend) = legend else {
        return 0.0;
    };
    let floats = window()
        .get_computed_style(&legend)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("position").ok())
        .is_some_and(|p| p == "absolute");
    if !floats {
        return 0.0;
    }
    let bottom = container.get_bounding_client_rect().bottom();
    (bottom - legend.get_bounding_client_rect().top() + super::icons::ICON_PX / 2.0).max(0.0)
}

/// A view the app asks the map for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Wanted {
    /// These bounds, with a margin, zoomed in no further than a single center's zoom.
    Fit(Bounds),
    /// This point at this zoom.
    Point(LatLon, f64),
}

/// The map's view requests, and the one kept while the map is hidden.
#[derive(Clone, Copy)]
pub(crate) struct Viewport {
    pending: StoredValue<Option<Wanted>>,
}

impl Viewport {
    /// Shows `wanted`; while the map is hidden (no size to fit to) it is also kept, to be
    /// shown again once the map appears.
    pub(crate) fn ask(&self, map: &lf::Map, wanted: Wanted) {
        // Leaflet's own idea of its size (no forced layout, unlike reading the element's):
        // zero when the map was made hidden; once shown, the size it will have when shown.
        let size = map.get_size();
        let hidden = size.x() == 0.0 || size.y() == 0.0;
        self.pending.set_value(hidden.then_some(wanted));
        show(map, wanted);
    }
}

/// Sets up the view requests of `map`: once it exists, the map measures itself again whenever
/// its container's size changes, and shows what was asked for while it was hidden.
pub(crate) fn use_viewport(map: ReadSignal<Option<lf::Map>, LocalStorage>) -> Viewport {
    let viewport = Viewport {
        pending: StoredValue::new(None),
    };
    Effect::new(move |_| {
        let Some(m) = map.get() else {
            return;
        };
        let was_hidden = std::cell::Cell::new(false);
        let container = container_of(&m);
        use_resize_observer(&container, move || {
            if is_hidden(&m) {
                was_hidden.set(true);
                return;
            }
            m.invalidate_size(false);
            // What was asked for while hidden is shown now; otherwise the reader's own pan
            // and zoom stay.
            if was_hidden.replace(false) {
                if let Some(wanted) = viewport.pending.get_value() {
                    viewport.pending.set_value(None);
                    show(&m, wanted);
                }
            }
        });
    });
    viewport
}

/// Brings into view what the reader chooses elsewhere: a center, or an event's city. Set up
/// after the markers, whose first fit to the filtered centers must come before a linked
/// center's own view.
pub(crate) fn use_follow_choices(
    map: ReadSignal<Option<lf::Map>, LocalStorage>,
    viewport: Viewport,
) {
    follow_selection(map, viewport);
    follow_places(map, viewport);
}

/// Choosing a center (on the map, in the list or by URL) brings it into view, close enough to
/// be drawn on its own.
fn follow_selection(map: ReadSignal<Option<lf::Map>, LocalStorage>, viewport: Viewport) {
    let state = AppState::expect();
    Effect::new(move |_| {
        state.pan_request.track();
        let (Some(m), Some(c)) = (map.get(), state.selected()) else {
            return;
        };
        let zoom = m.get_zoom().max(DETAIL_ZOOM);
        viewport.ask(
            &m,
            Wanted::Point(beside_detail(&m, c.position(), zoom), zoom),
        );
    });
}

/// Where to centre the map so that `at` is drawn in the middle of the part the floating detail
/// leaves free (from 800 px the detail covers the map's right side, up to 380 px and its
/// 12 px margin, as in `public/style.css`); `at` itself where the detail is under the map or
/// the free part would be too narrow to matter.
fn beside_detail(m: &lf::Map, at: LatLon, zoom: f64) -> LatLon {
    let Some(covered) = detail_covers(m.get_size().x()) else {
        return at;
    };
    let p = m.project_with_zoom(&lat_lng(at), zoom);
    let shifted = m.unproject_with_zoom(&lf::Point::new(p.x() + covered / 2.0, p.y()), zoom);
    LatLon::new(shifted.lat(), shifted.lng())
}

/// How much of a map `width` px wide the floating detail covers at its right (its width and
/// margin, as the stylesheet sets them), when it floats and leaves a useful part free (160 px).
pub(crate) fn detail_covers(width: f64) -> Option<f64> {
    let covered = (width - 24.0).min(380.0) + 12.0;
    (!in_flow() && width - covered >= 160.0).then_some(covered)
}

/// A city chosen elsewhere (an event's) comes into view at city scale. Only requests made while
/// this map exists: one left from before (the map is remade when a referral sheet closes) must
/// not move it.
fn follow_places(map: ReadSignal<Option<lf::Map>, LocalStorage>, viewport: Viewport) {
    let state = AppState::expect();
    Effect::new(move |mounted: Option<bool>| {
        let target = state.map_target.get();
        let Some(m) = map.get() else {
            return false;
        };
        if let (true, Some(place)) = (mounted.unwrap_or(false), target) {
            let zoom = m.get_zoom().max(CITY_ZOOM);
            viewport.ask(&m, Wanted::Point(place, zoom));
        }
        true
    });
}

fn show(map: &lf::Map, wanted: Wanted) {
    match wanted {
        Wanted::Fit(bounds) => fit_to(map, bounds, DETAIL_ZOOM),
        Wanted::Point(at, zoom) => set_view(map, lat_lng(at), zoom),
    }
}

/// Shows `bounds` with a margin, zooming in no further than `max_zoom`.
pub(crate) fn fit_to(map: &lf::Map, bounds: Bounds, max_zoom: f64) {
    if bounds.is_point() {
        set_view(
            map,
            lat_lng(LatLon::new(bounds.south, bounds.west)),
            DETAIL_ZOOM,
        );
        return;
    }
    let padding = fit_padding(map);
    match fit_view(map, bounds, padding, max_zoom) {
        Some((center, zoom)) => set_view(map, center, zoom),
        // No zoom fits (the map has no size yet): Leaflet does what it can.
        None => {
            let top_left = js_sys::Array::of2(&padding.side.into(), &padding.top.into());
            let bottom_right = js_sys::Array::of2(&padding.side.into(), &padding.bottom.into());
            let options = js_options(&[
                ("paddingTopLeft", top_left.into()),
                ("paddingBottomRight", bottom_right.into()),
                ("animate", false.into()),
            ]);
            let b = lf::LatLngBounds::new(
                &lat_lng(LatLon::new(bounds.south, bounds.west)),
                &lat_lng(LatLon::new(bounds.north, bounds.east)),
            );
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
