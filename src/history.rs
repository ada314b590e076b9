//! The browser's address bar: reading the query string and writing history entries.

use wasm_bindgen::JsValue;

/// The current query string, without `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page's address without query or fragment: the base of every center's permalink.
pub fn page_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// How a state change enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry: Back returns to the previous state.
    Push,
    /// Rewrite the current entry (canonical URL on load, consecutive keystrokes).
    Replace,
}

/// Writes `query` into the address bar, keeping path and fragment.
pub fn write(query: &str, entry: Entry) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        == query
        && entry == Entry::Push
    {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    // A failing history call (e.g. a sandboxed iframe) must not break the page: the view still
    // updates, only the address bar does not.
    let _ = match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
