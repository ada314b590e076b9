//! The markers' icons: a center (purple with a white dot when it treats children, ringed when
//! chosen) or a group with its count. Each is a keyboard-focusable button named in the
//! reader's language; the properties set on it tell the click handler what was chosen.

use leptos::prelude::document;
use leptos_leaflet::leaflet as lf;
use shifo_core::geo::bounds::{Bounds, PixelOffset};
use shifo_core::geo::cluster::Cluster;
use shifo_core::Center;
use wasm_bindgen::JsValue;

use super::leaflet_ext::{div_icon, lat_lng};
use crate::i18n::{td_string, Locale};
use crate::locale::isolate;

/// The JS property on a marker naming its center (an index into the dataset).
const CENTER_PROP: &str = "shifoCenter";
/// The JS property on a group's marker holding the box to zoom to: [south, west, north, east].
const BOUNDS_PROP: &str = "shifoBounds";
/// A center's icon is this many pixels across.
pub(crate) const ICON_PX: f64 = 24.0;
/// How far the chosen center's marker is raised above the others.
pub(crate) const SELECTED_Z: f64 = 1000.0;

/// What a marker stands for.
pub(crate) enum Chosen {
    /// A center, by its index in the dataset.
    Center(usize),
    /// A group: zoom to the box around its members.
    Group(Bounds),
}

impl Chosen {
    /// What the marker `marker` (from a feature group's event) stands for.
    pub(crate) fn of(marker: &JsValue) -> Option<Chosen> {
        let get = |key: &str| js_sys::Reflect::get(marker, &key.into()).ok();
        if let Some(b) = get(BOUNDS_PROP).filter(JsValue::is_object) {
            let b: js_sys::Array = b.into();
            let n = |i| b.get(i).as_f64().unwrap_or_default();
            return Some(Chosen::Group(Bounds {
                south: n(0),
                west: n(1),
                north: n(2),
                east: n(3),
            }));
        }
        let index = get(CENTER_PROP)?.as_f64()?;
        Some(Chosen::Center(index as usize))
    }
}

/// The marker of center `c` (at `index` in the dataset), its icon shifted by `offset`; drawn
/// as a children's center when `children` (it treats children, and they get one of the
/// specialties chosen, if any).
pub(crate) fn center_marker(
    c: &Center,
    index: usize,
    offset: PixelOffset,
    selected: bool,
    children: bool,
    locale: Locale,
) -> lf::Marker {
    let icon_options = lf::DivIconOptions::new();
    let mut class = String::from("center-marker");
    if children {
        class.push_str(" pediatric");
    }
    if selected {
        class.push_str(" selected");
    }
    icon_options.set_class_name(class);
    icon_options.set_icon_size(lf::Point::new(ICON_PX, ICON_PX));
    // Shifting the anchor moves the icon by the offset without moving the point.
    let half = ICON_PX / 2.0;
    icon_options.set_icon_anchor(lf::Point::new(half - offset.dx, half - offset.dy));
    icon_options.set_popup_anchor(lf::Point::new(offset.dx, offset.dy - half));
    let name = c.name_in(locale.lang());
    let title = if children {
        // Not by colour alone (WCAG 1.4.1): a glyph inside the icon, and the words in its name
        // (the name is data: isolated from our words after it).
        if let Ok(glyph) = document().create_element("span") {
            glyph.set_class_name("marker-glyph");
            let _ = glyph.set_attribute("aria-hidden", "true");
            let _ = js_sys::Reflect::set(&icon_options, &"html".into(), &glyph);
        }
        format!(
            "{} ({})",
            isolate(name),
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
        options.set_z_index_offset(SELECTED_Z);
    }
    let marker = lf::Marker::new_with_options(&lat_lng(c.position()), &options);
    let _ = js_sys::Reflect::set(&marker, &CENTER_PROP.into(), &(index as f64).into());
    marker
}

/// The marker of a group of centers, with their count, named after their cities (`place`,
/// data: "Osh, Jalal-Abad") when they are in few, so that a screen reader tells one group
/// from the next.
pub(crate) fn group_marker(c: &Cluster, place: Option<&str>, locale: Locale) -> lf::Marker {
    let size = match c.count {
        0..=99 => ("small", 36.0),
        100..=999 => ("medium", 42.0),
        _ => ("large", 50.0),
    };
    let icon_options = lf::DivIconOptions::new();
    icon_options.set_class_name(format!("cluster-marker {}", size.0));
    icon_options.set_icon_size(lf::Point::new(size.1, size.1));
    let centers = crate::locale::centers_count(locale, c.count);
    let label = match place {
        Some(place) => td_string!(
            locale,
            cluster_label_place,
            place = isolate(place),
            centers = centers
        )
        .to_string(),
        None => td_string!(locale, cluster_label, centers = centers).to_string(),
    };
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
    let marker = lf::Marker::new_with_options(&lat_lng(c.at), &options);
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
