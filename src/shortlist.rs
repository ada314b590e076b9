//! The browser's side of the shortlist: kept in this browser's local storage (never a cookie,
//! never sent); it is shared with [`crate::components::share::share`].

use shifo_core::output::shortlist::Shortlist;

/// The key the shortlist is stored under.
const KEY: &str = "shifo.shortlist";

/// The shortlist this browser keeps; empty when there is none or storage is off (a private
/// window, a blocked iframe).
pub(crate) fn stored() -> Shortlist {
    let text = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten());
    Shortlist::parse(text.as_deref().unwrap_or_default())
}

/// Keeps `list` in this browser; where storage is off it lives in the link alone.
pub(crate) fn store(list: &Shortlist) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if list.is_empty() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, &list.to_param())
        };
    }
}
