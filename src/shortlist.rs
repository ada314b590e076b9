//! The browser's side of the shortlist: kept in this browser's local storage (never a cookie,
//! never sent), and shared through the device's share sheet where it has one.

use shifo_core::output::shortlist::Shortlist;
use wasm_bindgen::{JsCast, JsValue};

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

/// How a link was handed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shared {
    /// Through the device's share sheet.
    Sheet,
    /// Copied to the clipboard (no share sheet here).
    Copied,
    /// Neither worked (the reader closed the sheet, or the clipboard refused).
    Failed,
}

/// Hands `url` on with the Web Share API where the device has it, else copies it.
pub(crate) async fn share(title: &str, url: &str) -> Shared {
    let navigator = leptos::prelude::window().navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok();
    if let Some(share) = share.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        let promise = share
            .call1(&navigator, &data)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(p) = promise {
            return match wasm_bindgen_futures::JsFuture::from(p).await {
                Ok(_) => Shared::Sheet,
                Err(e) if is_abort(&e) => Shared::Failed,
                // Not allowed here (an iframe without the permission): copy instead.
                Err(_) => copy(url).await,
            };
        }
    }
    copy(url).await
}

/// Whether the reader dismissed the share sheet (not a failure to tell them about at length).
fn is_abort(e: &JsValue) -> bool {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

async fn copy(url: &str) -> Shared {
    match crate::components::share::copy_text(url).await {
        Ok(()) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}
