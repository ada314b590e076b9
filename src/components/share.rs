//! "Copy link to this view": the address already holds the view; this puts it on the clipboard,
//! which matters on phones where the address bar is hard to reach.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::AppState;

/// What the last copy attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The browser refused to write to the clipboard (an insecure context, a permissions policy
/// in an iframe, no focus), which the caller tells the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClipboardRefused;

/// Puts `text` on the clipboard.
pub(crate) async fn copy_text(text: &str) -> Result<(), ClipboardRefused> {
    let promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ClipboardRefused)
}

/// The link to copy: the page's address; embedded, the same view on the full map (the
/// embedded address would open the compact layout, and the host page's is not ours to give).
fn link_to_copy(state: AppState) -> Option<String> {
    if state.view.with_untracked(|v| v.embed.on) {
        let query = state.view.with_untracked(|v| v.unembedded().to_query());
        let base = crate::history::page_base();
        return Some(if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        });
    }
    window().location().href().ok()
}

/// A button that copies the page's address (embedded: the full map's), with a spoken
/// confirmation; where the browser refuses (an iframe without clipboard access), the link
/// itself, to select and copy.
#[component]
pub(crate) fn ShareLink() -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    let state = AppState::expect();
    let i18n = use_i18n();
    let embedded = move || state.view.with(|v| v.embed.on);
    let link = RwSignal::new(String::new());
    let on_click = move |_| {
        spawn_local(async move {
            let Some(url) = link_to_copy(state) else {
                copied.set(Copied::Failed);
                return;
            };
            link.set(url.clone());
            copied.set(match copy_text(&url).await {
                Ok(()) => Copied::Done,
                Err(_) => Copied::Failed,
            });
        });
    };
    let message = move || match (copied.get(), embedded()) {
        (Copied::Not, _) => "",
        (Copied::Done, false) => t_string!(i18n, share_copied),
        (Copied::Done, true) => t_string!(i18n, share_copied_full),
        (Copied::Failed, false) => t_string!(i18n, share_failed),
        (Copied::Failed, true) => t_string!(i18n, share_failed_here),
    };
    let shown_link = move || {
        (copied.get() == Copied::Failed && embedded()).then(|| {
            view! { <input class="share-link" type="text" readonly prop:value=link.get() aria-label=t_string!(i18n, share_copy)/> }
        })
    };
    view! {
        <div class="share">
            <button type="button" class="secondary" on:click=on_click>{t!(i18n, share_copy)}</button>
            <p class="share-status" role="status" aria-live="polite">{message}</p>
            {shown_link}
        </div>
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
    match copy_text(url).await {
        Ok(()) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}

/// "Share" in a center's detail: the center's own link (the full map, in the reader's
/// language) through the device's share sheet where it has one (WhatsApp, Telegram), else
/// copied; where neither works, the link to select and copy.
#[component]
pub(crate) fn ShareCenter(
    /// The center's id.
    id: String,
    /// Its name in the reader's language, the shared title.
    name: String,
) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let shared = RwSignal::new(None::<(Shared, String)>);
    let on_click = move |_| {
        let lang = i18n.get_locale_untracked().lang();
        let data = state.view.with_untracked(|v| v.data.clone());
        let base = crate::history::page_base();
        let link = shifo_core::output::referral::permalink(&base, &id, lang, data.as_deref());
        let name = name.clone();
        spawn_local(async move {
            let how = share(&name, &link).await;
            shared.set(Some((how, link)));
        });
    };
    let said = move || {
        let locale = i18n.get_locale();
        shared.get().map(|(how, link)| match how {
            Shared::Sheet => td_string!(locale, compare_shared).into_any(),
            Shared::Copied => td_string!(locale, detail_link_copied).into_any(),
            Shared::Failed => view! {
                {td_string!(locale, share_failed_here)}" "
                <input type="text" readonly class="share-link" aria-label=td_string!(locale, detail_share) prop:value=link/>
            }
            .into_any(),
        })
    };
    view! {
        <button type="button" class="secondary" on:click=on_click>{t!(i18n, detail_share)}</button>
        <p class="share-status" role="status">{said}</p>
    }
}
