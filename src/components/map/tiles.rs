//! The base map: OpenStreetMap tiles, and when they fail (offline, a closed network, a blocked
//! tile server) the bundled outlines of the five countries in their place, fetched the first
//! time they are needed and removed once tiles load again.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use shifo_core::geo::outline::{CountryOutline, Outlines};

use super::leaflet_ext::{remove_on_cleanup, use_leaflet_event};
use crate::i18n::{t_string, use_i18n};

/// The tile server, in one place. Tiles need the internet; without it the map draws the
/// bundled country outlines instead and everything else works.
const TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The attribution the OpenStreetMap tile policy requires (our constant, never data).
const TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";
/// Credit for the country outlines (public domain, credited all the same), after the word
/// "Borders" in the reader's language.
const OUTLINE_CREDIT: &str = "<a href=\"https://www.naturalearthdata.com/\">Natural Earth</a>";

/// What the base map is drawing.
#[derive(Clone, Copy)]
pub(crate) struct BaseMap {
    /// Whether tiles are failing (no tile loaded since the last error).
    pub failing: ReadSignal<bool>,
    /// Whether the bundled outlines stand in for them now.
    pub outlines: Signal<bool>,
}

/// Adds the tile layer once the map exists; while tiles fail, the outlines stand in.
pub(crate) fn use_tiles(map: ReadSignal<Option<lf::Map>, LocalStorage>) -> BaseMap {
    let failing = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(m) = map.get() else {
            return;
        };
        // The tile layer is ours (not leptos-leaflet's component) to hear when tiles fail.
        let options = lf::TileLayerOptions::new();
        options.set_attribution(TILE_ATTRIBUTION.to_string());
        let tiles = lf::TileLayer::new_options(TILE_URL, &options);
        tiles.add_to(&m);
        let set = move |now: bool| {
            if failing.get_untracked() != now {
                failing.set(now);
            }
        };
        use_leaflet_event(&tiles, "tileerror", move |_| set(true));
        use_leaflet_event(&tiles, "tileload", move |_| set(false));
        remove_on_cleanup([tiles]);
    });
    let outlines = use_outlines(map, failing.read_only());
    BaseMap {
        failing: failing.read_only(),
        outlines,
    }
}

/// Without tiles the map would be an empty grey box: the outlines are fetched the first time
/// tiles fail, and drawn while they fail; the signal says whether they are drawn.
fn use_outlines(
    map: ReadSignal<Option<lf::Map>, LocalStorage>,
    failing: ReadSignal<bool>,
) -> Signal<bool> {
    let outlines = RwSignal::new_local(None::<Arc<Outlines>>);
    let requested = StoredValue::new(false);
    Effect::new(move |_| {
        if failing.get() && !requested.get_value() {
            requested.set_value(true);
            leptos::task::spawn_local(async move {
                if let Some(o) = crate::data::fetch_outlines().await {
                    outlines.set(Some(Arc::new(o)));
                }
            });
        }
    });
    let i18n = use_i18n();
    Effect::new(move |_| {
        let (Some(m), Some(o), true) = (map.get(), outlines.get(), failing.get()) else {
            return;
        };
        // Leaflet lists a layer's attribution as HTML: our words, escaped all the same.
        let credit = format!(
            "{}: {OUTLINE_CREDIT}",
            shifo_core::output::escape_html(t_string!(i18n, map_borders))
        );
        let polygons: Vec<lf::Polygon> = o
            .countries
            .iter()
            .map(|c| country_polygon(c, &credit))
            .collect();
        for p in &polygons {
            p.add_to(&m);
            p.bring_to_back();
        }
        remove_on_cleanup(polygons);
    });
    Signal::derive(move || failing.get() && outlines.with(Option::is_some))
}

/// One country's outline as a single polygon, so that its inner rings (the enclaves of
/// other countries) stay holes. Colours come from the stylesheet, by class.
fn country_polygon(c: &CountryOutline, credit: &str) -> lf::Polygon {
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
    let _ = js_sys::Reflect::set(&options, &"attribution".into(), &credit.into());
    lf::Polygon::new_with_options(&rings, &options)
}
