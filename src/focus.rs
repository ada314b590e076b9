//! Where keyboard focus goes when the control that had it disappears or is disabled: never to
//! the page's start, which would send a keyboard or screen-reader user back to the top.

use wasm_bindgen::JsCast;

/// Focuses the element with this id, if it is in the page.
pub fn focus_id(id: &str) {
    if let Some(el) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the element with this id after the next frame, once the view has been redrawn.
pub fn focus_id_later(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus_id(id));
}
