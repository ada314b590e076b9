//! The Leaflet map, one file per layer after leptos-leaflet's components: each is created in an
//! effect once the map exists and removed on cleanup. [`tiles`] draws the base map (or the
//! country outlines when tiles fail), [`markers`] the centers and groups with their [`icons`]
//! and [`popup`], [`partnerships`] the memoranda's lines and their switch; [`view`] decides
//! where the map looks, [`labels`] names its parts, [`legend`] explains the markers, and
//! [`leaflet_ext`] holds what the `leaflet` crate does not bind.

mod city_labels;
mod icons;
mod labels;
mod leaflet_ext;
mod legend;
mod markers;
mod partnerships;
mod popup;
mod tiles;
mod view;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use leptos_leaflet::prelude::{MapContainer, Position};
use shifo_core::geo::bounds::REGION;

use crate::i18n::{t, t_string, use_i18n};

/// The map with its layers, legend and notices.
#[component]
pub(crate) fn CenterMap() -> impl IntoView {
    let i18n = use_i18n();
    let map = RwSignal::new_local(None::<lf::Map>);
    let viewport = view::use_viewport(map.read_only());
    let base = tiles::use_tiles(map.read_only());
    let tiles_failing = base.failing;
    city_labels::use_city_labels(map.read_only(), base.outlines);
    let drawn = markers::use_markers(map.read_only(), viewport);
    view::use_follow_choices(map.read_only(), viewport);
    labels::use_map_labels(map.read_only());
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
            <partnerships::PartnershipLayer map=map.read_only() offsets=drawn.offsets/>
            <legend::Legend grouped=drawn.grouped/>
        </section>
    }
}
