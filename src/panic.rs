//! A panic must never leave a blank or frozen page: log it, then show a notice with a reload
//! button. The notice is plain DOM (the reactive system may be what broke).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::td_string;
use crate::locale::current;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() -> Option<()> {
    let doc = web_sys::window()?.document()?;
    if doc.get_element_by_id("panic-notice").is_some() {
        return Some(());
    }
    let notice = doc.create_element("div").ok()?;
    notice.set_id("panic-notice");
    notice.set_attribute("role", "alert").ok()?;
    let text = doc.create_element("p").ok()?;
    text.set_text_content(Some(td_string!(current(), panic_message)));
    notice.append_child(&text).ok()?;
    let button = doc.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_text_content(Some(td_string!(current(), panic_reload)));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button
        .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
        .ok()?;
    reload.forget();
    notice.append_child(&button).ok()?;
    doc.body()?.prepend_with_node_1(&notice).ok()?;
    Some(())
}

/// Test builds only (`--features fault-injection`): a link with `fault=panic` makes the app
/// panic just after the dataset is shown, so the browser suite can check what a person sees
/// then. The app drops the unknown parameter from the address first, so a reload recovers.
#[cfg(feature = "fault-injection")]
pub fn inject_from(query: &str) {
    if query.split('&').any(|pair| pair == "fault=panic") {
        leptos::prelude::set_timeout(
            || panic!("fault injected by the link (fault=panic)"),
            std::time::Duration::ZERO,
        );
    }
}
