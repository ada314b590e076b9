//! Browser plumbing in small named hooks, after leptos-use (`use_event_listener`,
//! `use_media_query`, `use_resize_observer`): each sets something up for the life of the
//! component or effect that calls it and undoes it on cleanup, so no component writes its own
//! listener lifecycle.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Keeps `value` (JS handles, closures, guards) alive until the current owner is cleaned up,
/// then drops it there. JS objects are not `Send`; the cleanup runs on this same thread.
pub(crate) fn keep_until_cleanup<T: 'static>(value: T) {
    let held = SendWrapper::new(value);
    on_cleanup(move || drop(held));
}

/// How a listener is added (`addEventListener`'s options).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ListenerOptions {
    /// Heard on the way down, before the target: a listener on the document then hears
    /// scrolling in every scrolled element.
    pub capture: bool,
    /// Promises never to call `preventDefault`, so scrolling need not wait for it.
    pub passive: bool,
}

/// A listener that removes itself when dropped.
struct Listener<E: 'static> {
    target: web_sys::EventTarget,
    event: &'static str,
    capture: bool,
    handler: Closure<dyn FnMut(E)>,
}

impl<E: 'static> Drop for Listener<E> {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.event,
            self.handler.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// Listens to `event` on `target` until the current owner is cleaned up.
pub(crate) fn use_event_listener<E: FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &'static str,
    options: ListenerOptions,
    handler: impl FnMut(E) + 'static,
) {
    let handler = Closure::<dyn FnMut(E)>::new(handler);
    let add = web_sys::AddEventListenerOptions::new();
    add.set_capture(options.capture);
    add.set_passive(options.passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        handler.as_ref().unchecked_ref(),
        &add,
    );
    keep_until_cleanup(Listener {
        target: target.clone(),
        event,
        capture: options.capture,
        handler,
    });
}

/// Whether the CSS media query matches, following changes (rotation, resizing). False where
/// the browser cannot evaluate it.
pub(crate) fn use_media_query(query: &str) -> ReadSignal<bool> {
    let list = window().match_media(query).ok().flatten();
    let matches = RwSignal::new(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        use_event_listener(
            &list,
            "change",
            ListenerOptions::default(),
            move |ev: web_sys::MediaQueryListEvent| matches.set(ev.matches()),
        );
    }
    matches.read_only()
}

/// Calls `on_resize` whenever `element`'s size changes (and once when observing starts),
/// until the current owner is cleaned up.
pub(crate) fn use_resize_observer(element: &web_sys::Element, on_resize: impl FnMut() + 'static) {
    let on_resize = Closure::<dyn FnMut()>::new(on_resize);
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    /// The observer, and the closure it calls (kept alive as long as it observes).
    struct Observing(
        web_sys::ResizeObserver,
        #[allow(dead_code)] Closure<dyn FnMut()>,
    );
    impl Drop for Observing {
        fn drop(&mut self) {
            self.0.disconnect();
        }
    }
    keep_until_cleanup(Observing(observer, on_resize));
}
