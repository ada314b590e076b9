//! The map's own parts named in the reader's language: the map itself, which takes focus for
//! Leaflet's keyboard panning, and the zoom buttons, which Leaflet names in English.

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;

use super::leaflet_ext::container_of;
use crate::i18n::{t_string, use_i18n};

/// Texts the map and its zoom buttons once the map exists, and again on a language switch.
pub(crate) fn use_map_labels(map: ReadSignal<Option<lf::Map>, LocalStorage>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let Some(m) = map.get() else {
            return;
        };
        let c = container_of(&m);
        // A name needs a role to belong to; in the focus order it needs one that may take
        // focus (axe's focus-order-semantics): a region, which it is, within the map's panel.
        let _ = c.set_attribute("role", "region");
        let _ = c.set_attribute("aria-label", t_string!(i18n, map_keys_label));
        for (class, name) in [
            (".leaflet-control-zoom-in", t_string!(i18n, map_zoom_in)),
            (".leaflet-control-zoom-out", t_string!(i18n, map_zoom_out)),
        ] {
            if let Ok(Some(button)) = c.query_selector(class) {
                let _ = button.set_attribute("title", name);
                let _ = button.set_attribute("aria-label", name);
            }
        }
    });
}
