//! Offline use: registers the service worker (`public/sw.js`) that keeps the app and its
//! dataset on the device after one visit.

use wasm_bindgen_futures::JsFuture;

/// The service worker's file, beside the page so that its scope is the app's folder.
const WORKER_URL: &str = "sw.js";

/// Registers the service worker once the page has what it needs, so the worker's downloads do
/// not compete with the first load. Where service workers are unavailable (an insecure origin,
/// a browser that blocks them, a sandboxed frame) the app simply works online only.
pub fn register() {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    // `navigator.serviceWorker` is undefined outside secure contexts; the binding would throw.
    if container.is_undefined() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        // A refusal (blocked, or no permission in this frame) leaves the app online-only.
        let _ = JsFuture::from(container.register(WORKER_URL)).await;
    });
}
