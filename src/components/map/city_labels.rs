//! The names of the centers' cities, drawn on the map while the bundled outlines stand in for
//! the tiles: without them a zoom to a city shows a blank plain with a ring of dots (review of
//! the journeys, defect 29). Visual only: the list and the markers' names say every place in
//! words, so screen readers skip the labels.

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;

use super::leaflet_ext::{container_of, div_icon, lat_lng, remove_on_cleanup, use_leaflet_event};
use crate::i18n::use_i18n;
use crate::state::AppState;

/// From this zoom on the labels show: further out the region's cities sit so close that their
/// names would overlap each other and the markers, and the outlines say enough.
const LABELS_FROM_ZOOM: f64 = 7.0;

/// Labels the cities of the dataset's centers, in the reader's language, while `shown`.
pub(crate) fn use_city_labels(map: ReadSignal<Option<lf::Map>, LocalStorage>, shown: Signal<bool>) {
    let state = AppState::expect();
    let i18n = use_i18n();
    Effect::new(move |_| {
        let (Some(m), true) = (map.get(), shown.get()) else {
            return;
        };
        let Some(loaded) = state.loaded() else {
            return;
        };
        let lang = i18n.get_locale().lang();
        let labels: Vec<lf::Marker> = loaded
            .dataset
            .center_places()
            .into_iter()
            .filter_map(|p| city_label(p.name_in(lang), p.at))
            .collect();
        for l in &labels {
            l.add_to(&m);
        }
        remove_on_cleanup(labels);
        let container = container_of(&m);
        let zoomed = {
            let m = m.clone();
            move || {
                let near = m.get_zoom() >= LABELS_FROM_ZOOM;
                let _ = container
                    .class_list()
                    .toggle_with_force("city-labels-shown", near);
            }
        };
        zoomed();
        use_leaflet_event(&m, "zoomend", move |_| zoomed());
    });
}

/// One city's label: its name as text (never HTML), under the markers, taking no presses and
/// no focus.
fn city_label(name: &str, at: shifo_core::geo::bounds::LatLon) -> Option<lf::Marker> {
    let span = document().create_element("span").ok()?;
    span.set_text_content(Some(name));
    let _ = span.set_attribute("aria-hidden", "true");
    let icon = lf::DivIconOptions::new();
    icon.set_class_name("city-label".to_string());
    // Sized by its text (CSS); anchored by its top middle, a little below the city's point,
    // where the markers of the city's centers are.
    icon.set_icon_size(lf::Point::new(0.0, 0.0));
    let _ = js_sys::Reflect::set(&icon, &"html".into(), &span);
    let options = lf::MarkerOptions::new();
    options.set_icon(div_icon(&icon));
    options.set_interactive(false);
    options.set_keyboard(false);
    // The shadow pane lies under the markers' pane and over the outlines' (overlay) pane.
    options.set_pane("shadowPane".to_string());
    Some(lf::Marker::new_with_options(&lat_lng(at), &options))
}
