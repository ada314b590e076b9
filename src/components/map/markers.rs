//! The markers: the filtered centers in view, each on its own when few, grouped by screen
//! cells with counts when many, recomputed on every pan, zoom and filter change. They are
//! driven directly in one feature group (not one component per marker: a `<Marker>` costs ~25
//! signals, and at 50,000 centers only the few hundred marks in view may exist at all); a
//! marker still wanted after a change stays on the map untouched, keeping focus and an open
//! popup. One click and one key handler on the group tell which marker was chosen.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use leptos::prelude::*;
use leptos_leaflet::leaflet as lf;
use shifo_core::geo::bounds::{Bounds, PixelOffset, REGION};
use shifo_core::geo::cluster::Cluster;
use shifo_core::geo::cluster::{Mark, NO_GROUPS_FROM_ZOOM};
use shifo_core::query::index::PLACES_NAMED;
use shifo_core::{ChildrenBadge, Loaded};
use wasm_bindgen::{JsCast, JsValue};

use super::icons::{center_marker, group_marker, Chosen, SELECTED_Z};
use super::leaflet_ext::use_leaflet_event;
use super::leaflet_ext::{container_of, has_popup, lat_lng, layer_element};
use super::leaflet_ext::{no_animation, remove_on_cleanup};
use super::popup::open_popup;
use super::view::{fit_to, Viewport, Wanted};
use crate::i18n::{use_i18n, Locale};
use crate::state::AppState;

/// Cell size for grouping, in screen pixels (Leaflet.markercluster's default radius is 80).
const CELL_PX: f64 = 64.0;
/// How much map around the visible part is drawn too, as a share of its width and height.
const VIEW_MARGIN: f64 = 0.25;

/// What the markers layer tells the rest of the map after each redraw.
#[derive(Clone, Copy)]
pub(crate) struct Drawn {
    /// Where each center drawn on its own sits off its point (by index), for the lines.
    pub offsets: ReadSignal<HashMap<usize, PixelOffset>>,
    /// Whether any group is drawn, for the legend.
    pub grouped: ReadSignal<bool>,
}

/// Identity of a drawn mark: a marker whose key is still wanted after a pan or zoom stays.
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
            Mark::Single { index, offset } => MarkKey::Single {
                index,
                dx: offset.dx.to_bits(),
                dy: offset.dy.to_bits(),
            },
            Mark::Group(ref c) => MarkKey::Group {
                first: c.first,
                count: c.count,
                lat: c.at.lat.to_bits(),
                lon: c.at.lon.to_bits(),
            },
        }
    }

    /// The center drawn, for a single.
    fn center(&self) -> Option<usize> {
        match *self {
            MarkKey::Single { index, .. } => Some(index),
            MarkKey::Group { .. } => None,
        }
    }
}

/// What the marks are drawn from: the data, the filtered centers and the specialties chosen
/// (what a children's marker means depends on them).
#[derive(Clone, Copy)]
struct Shown<'a> {
    loaded: &'a Loaded,
    ids: &'a [usize],
    chosen: &'a BTreeSet<String>,
}

/// The cities a group's marker is named after ("Osh, Jalal-Abad"; "Tashkent, Samarkand,
/// Bukhara, …" when there are more), in the reader's language where the data has it.
fn places_of(shown: Shown, group: &Cluster, locale: Locale) -> Option<String> {
    let dataset = &shown.loaded.dataset;
    let at = shown.loaded.index.group_places(dataset, shown.ids, group)?;
    let named = at.iter().take(PLACES_NAMED);
    let mut cities: Vec<&str> = named
        .filter_map(|&i| dataset.centers.get(i))
        .map(|c| c.city_in(locale.lang()))
        .collect();
    if at.len() > PLACES_NAMED {
        // More places than a name should list: said without words, in every language.
        cities.push("…");
    }
    Some(cities.join(", "))
}

/// The markers now on the map, in one feature group.
struct Layers {
    group: lf::FeatureGroup,
    drawn: HashMap<MarkKey, lf::Marker>,
    /// The language the drawn markers' titles are in, and the specialties chosen when they
    /// were drawn.
    locale: Option<(Locale, BTreeSet<String>)>,
    /// The highlighted center's marker.
    selected: Option<usize>,
}

impl Layers {
    /// Makes the map show exactly `marks`: markers still wanted stay, the rest are replaced.
    fn sync(&mut self, marks: &[Mark], drawn: Shown, selected: Option<usize>, locale: Locale) {
        let dataset = &drawn.loaded.dataset;
        let now = Some((locale, drawn.chosen.clone()));
        if self.locale != now {
            // Titles are in the old language, or children's markers say so for other
            // specialties: start over.
            self.group.clear_layers();
            self.drawn.clear();
            self.locale = now;
        }
        let mut next: HashMap<MarkKey, lf::Marker> = HashMap::with_capacity(marks.len());
        for mark in marks {
            let key = MarkKey::of(mark);
            if let Some(m) = self.drawn.remove(&key) {
                next.insert(key, m);
                continue;
            }
            let marker = match *mark {
                Mark::Single { index, offset } => {
                    let Some(c) = dataset.centers.get(index) else {
                        continue;
                    };
                    let children = matches!(
                        c.children_badge(drawn.chosen),
                        ChildrenBadge::Treats | ChildrenBadge::Gets(_)
                    );
                    center_marker(c, index, offset, selected == Some(index), children, locale)
                }
                Mark::Group(ref c) => {
                    let places = places_of(drawn, c, locale);
                    group_marker(c, places.as_deref(), locale)
                }
            };
            self.group.add_layer(marker.as_ref());
            next.insert(key, marker);
        }
        // A center's marker replaced while its popup is open (its place on a ring moved with
        // the view, e.g. after the popup's own pan): the popup opens again on the new one.
        let reopen = self
            .drawn
            .iter()
            .find(|(_, old)| old.is_popup_open())
            .and_then(|(key, _)| key.center());
        for old in self.drawn.values() {
            self.group.remove_layer(old.as_ref());
        }
        self.drawn = next;
        if let Some(index) = reopen {
            let marker = self
                .drawn
                .iter()
                .find(|(key, _)| key.center() == Some(index));
            if let (Some((_, marker)), Some(c)) = (marker, dataset.centers.get(index)) {
                open_popup(marker, dataset, c, drawn.chosen, locale);
            }
        }
        self.highlight(selected);
    }

    /// Moves the highlight to `selected`. Kept markers keep their element: by class.
    fn highlight(&mut self, selected: Option<usize>) {
        if self.selected == selected {
            return;
        }
        for (key, marker) in &self.drawn {
            let Some(index) = key.center() else {
                continue;
            };
            let (was, is) = (self.selected == Some(index), selected == Some(index));
            if was == is {
                continue;
            }
            marker.set_z_index_offset(if is { SELECTED_Z } else { 0.0 });
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

/// What choosing a marker does: a group zooms in to its members; a center is selected and
/// its popup (built now, not for every marker up front) opens.
fn on_choose(map: &lf::Map, ev: &JsValue, state: AppState, locale: Locale) {
    // The marker that fired the feature group's event.
    let Some(marker) = js_sys::Reflect::get(ev, &"propagatedFrom".into())
        .ok()
        .filter(|m| !m.is_undefined())
    else {
        return;
    };
    match Chosen::of(&marker) {
        Some(Chosen::Group(bounds)) => {
            if bounds.is_point() {
                // Members sharing one point only part when drawn each on its own.
                let zoom = (map.get_zoom() + 3.0).min(NO_GROUPS_FROM_ZOOM);
                let at = shifo_core::geo::bounds::LatLon::new(bounds.south, bounds.west);
                map.set_view_with_options(&lat_lng(at), zoom, &no_animation());
            } else {
                fit_to(map, bounds, f64::INFINITY);
            }
            // The group's marker is gone with the zoom: focus stays on the map (not lost to
            // the page's start), where Tab goes on to the markers that took its place.
            let _ = container_of(map).focus();
        }
        Some(Chosen::Center(index)) => {
            let Some(loaded) = state.loaded_untracked() else {
                return;
            };
            let Some(c) = loaded.dataset.centers.get(index) else {
                return;
            };
            let marker: lf::Marker = marker.unchecked_into();
            if !has_popup(&marker) {
                let chosen = state.view.with_untracked(|v| v.filter.specialties.clone());
                open_popup(&marker, &loaded.dataset, c, &chosen, locale);
            }
            state.select(Some(c.id.clone()));
        }
        None => {}
    }
}

/// Draws the filtered centers on `map` once it exists. A new set of centers (a filter change
/// or a new dataset) first fits the view to them.
pub(crate) fn use_markers(
    map: ReadSignal<Option<lf::Map>, LocalStorage>,
    viewport: Viewport,
) -> Drawn {
    let state = AppState::expect();
    let i18n = use_i18n();
    let layers = StoredValue::new_local(None::<Layers>);
    // Heard on every pan, zoom and resize: the marks are recomputed for the new view.
    let moved = Trigger::new();
    let offsets = RwSignal::new(HashMap::new());
    let grouped = RwSignal::new(false);

    Effect::new(move |_| {
        let Some(m) = map.get() else {
            return;
        };
        let group = lf::FeatureGroup::new();
        group.add_to(&m);
        use_leaflet_event(&m, "moveend", move |_| moved.notify());
        let chosen = {
            let m = m.clone();
            move |ev: JsValue| on_choose(&m, &ev, state, i18n.get_locale_untracked())
        };
        use_leaflet_event(&group, "click", chosen.clone());
        use_leaflet_event(&group, "keypress", move |ev: JsValue| {
            let key = js_sys::Reflect::get(&ev, &"originalEvent".into())
                .and_then(|o| js_sys::Reflect::get(&o, &"key".into()))
                .ok()
                .and_then(|k| k.as_string());
            if key.as_deref() == Some("Enter") {
                chosen(ev);
            }
        });
        layers.set_value(Some(Layers {
            group: group.clone(),
            drawn: HashMap::new(),
            locale: None,
            selected: None,
        }));
        remove_on_cleanup([group]);
        on_cleanup(move || layers.set_value(None));
    });

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
        let chosen = state.view.with(|v| v.filter.specialties.clone());
        // The same data (a load that only gained translations shares its index) and the same
        // centers: the reader's view stays where it is.
        let same = matches!(&prev, Some(Some((d, old))) if Arc::ptr_eq(&d.index, &loaded.index) && *old == ids);
        if !same {
            // Fires `moveend` at once (no animation); the rerun it causes finds nothing new.
            viewport.ask(
                &m,
                Wanted::Fit(loaded.index.bounds_of(&ids).unwrap_or(REGION)),
            );
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
                let shown = Shown {
                    loaded: &loaded,
                    ids: &ids,
                    chosen: &chosen,
                };
                l.sync(&marks, shown, selected, locale);
            }
        });
        // Every redraw may move markers in pixels (a zoom): the lines' ends follow.
        offsets.set(
            marks
                .iter()
                .filter_map(|m| match *m {
                    Mark::Single { index, offset } => Some((index, offset)),
                    Mark::Group(_) => None,
                })
                .collect(),
        );
        crate::perf::measure_since("shifo:map", started);
        Some((loaded, ids))
    });

    Drawn {
        offsets: offsets.read_only(),
        grouped: grouped.read_only(),
    }
}
