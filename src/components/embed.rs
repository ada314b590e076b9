//! Embedded in another site (`embed=1`): the compact bar that replaces the header, the host's
//! colours, and the content height told to the host page so its iframe can fit it.

use leptos::prelude::*;
use shifo_core::output::embed::{Lockable, Rgb, Theme};
use wasm_bindgen::JsCast;

use crate::components::language::LanguageSwitcher;
use crate::hooks::use_resize_observer;
use crate::i18n::{t, use_i18n};
use crate::state::AppState;

/// The soft ground (`--bg-soft` in style.css): the lighter grounds' darker one.
const SOFT_GROUND: Rgb = Rgb(0xf4, 0xf6, 0xf8);
/// The map's land where markers stand (OpenStreetMap's land colour, and the outlines' when tiles
/// fail): a marker in a host's light accent is darkened until it stands out from it.
const MAP_GROUND: Rgb = Rgb(0xf2, 0xef, 0xe9);

/// The message type the auto-height script of the embed snippet listens for.
pub(crate) const HEIGHT_MESSAGE: &str = "shifo:height";

/// The bar an embedded map shows instead of the site header: a link to the full map with the
/// same view (new tab), and the language switcher unless the host fixed the language.
#[component]
pub(crate) fn EmbedBar() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let href = move || {
        let base = crate::history::page_base();
        let query = state.view.with(|v| v.unembedded().to_query());
        if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        }
    };
    view! {
        // The embedded page's banner, with its one heading (the app's name, for screen readers;
        // the host page says what the map is).
        <header class="embed-bar">
            <h1 class="visually-hidden">{t!(i18n, app_title)}</h1>
            <a class="full-map" href=href target="_blank" rel="noopener">{t!(i18n, embed_open_full)}</a>
            <Show when=move || !state.locked(Lockable::Lang)>
                <LanguageSwitcher/>
            </Show>
        </header>
    }
}

/// Applies the link's colours to the page: CSS variables set through the CSSOM (allowed under
/// a strict style policy, unlike a `style` attribute), and `data-theme` for dark.
pub(crate) fn use_theme() {
    let state = AppState::expect();
    Effect::new(move |_| {
        let (on, accent, theme) = state
            .view
            .with(|v| (v.embed.on, v.embed.accent, v.embed.theme));
        let Some(root) = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let _ = root.class_list().toggle_with_force("embed", on);
        let style = root.style();
        match accent {
            Some(c) => {
                let _ = style.set_property("--accent", &c.css());
                // Links and secondary buttons write in it on the light grounds (the embed bar's
                // #f4f6f8 is the darker one).
                let dark = c.readable_on(SOFT_GROUND, 4.5);
                let _ = style.set_property("--accent-dark", &dark.css());
                let _ = style.set_property("--on-accent-dark", &dark.text_on().css());
                let _ = style.set_property("--on-accent", &c.text_on().css());
                // WCAG 1.4.11 asks 3:1 of what tells a thing apart; a yellow marker on the
                // beige map would be 1.2:1 (review of the journeys, defect 28).
                let _ = style.set_property("--marker", &c.readable_on(MAP_GROUND, 3.0).css());
            }
            None => {
                for name in [
                    "--accent",
                    "--accent-dark",
                    "--on-accent",
                    "--on-accent-dark",
                    "--marker",
                ] {
                    let _ = style.remove_property(name);
                }
            }
        }
        match theme {
            Some(Theme::Dark) => {
                let _ = root.set_attribute("data-theme", "dark");
            }
            _ => {
                let _ = root.remove_attribute("data-theme");
            }
        }
    });
}

/// Keeps telling the host page (if the map is in a frame) how tall the content is, whenever it
/// changes. Only a number is sent; the host's script checks that it comes from this origin.
pub(crate) fn post_height() {
    let Some(parent) = window().parent().ok().flatten() else {
        return;
    };
    if parent == window() {
        return;
    }
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let send = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let height = root.scroll_height();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    // The page's height changes with either: the document's own, or the body's content.
    if let Some(root) = document().document_element() {
        use_resize_observer(&root, send.clone());
    }
    if let Some(body) = document().body() {
        use_resize_observer(&body, send);
    }
}
