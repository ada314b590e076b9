//! "Copy link to this view": the address already holds the view; this puts it on the clipboard,
//! which matters on phones where the address bar is hard to reach.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, t_string, use_i18n};

/// What the last copy attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// Puts `text` on the clipboard. Access can be refused (insecure context, permissions policy
/// in an iframe), which the caller tells the user.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

async fn copy_current_url() -> Result<(), ()> {
    let url = web_sys::window()
        .ok_or(())?
        .location()
        .href()
        .map_err(|_| ())?;
    copy_text(&url).await
}

/// A button that copies the page's address, with a spoken confirmation.
#[component]
pub fn ShareLink() -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    let i18n = use_i18n();
    let on_click = move |_| {
        spawn_local(async move {
            let result = copy_current_url().await;
            copied.set(if result.is_ok() {
                Copied::Done
            } else {
                Copied::Failed
            });
        });
    };
    let message = move || match copied.get() {
        Copied::Not => "",
        Copied::Done => t_string!(i18n, share_copied),
        Copied::Failed => t_string!(i18n, share_failed),
    };
    view! {
        <div class="share">
            <button type="button" class="secondary" on:click=on_click>{t!(i18n, share_copy)}</button>
            <p class="share-status" role="status" aria-live="polite">{message}</p>
        </div>
    }
}
