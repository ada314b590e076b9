//! User Timing entries for the benchmark (`npm run bench`) to read back: how long parsing,
//! validating, indexing and drawing took in this page. Nothing leaves the browser; each name
//! keeps only its latest entry.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn perf_now() -> f64;
    /// `performance.measure(name, { start, end })` (web-sys binds this form only as unstable).
    #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
    fn perf_measure(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
    /// `performance.clearMeasures(name)`.
    #[wasm_bindgen(js_namespace = performance, js_name = clearMeasures)]
    fn perf_clear(name: &str);
}

/// Now, in the page's milliseconds.
pub fn now() -> f64 {
    perf_now()
}

/// Records `name` as lasting from `start` (a [`now`] reading) until now.
pub fn measure_since(name: &str, start: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &now().into());
    perf_clear(name);
    let _ = perf_measure(name, &options);
}
