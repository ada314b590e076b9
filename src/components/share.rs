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

async fn copy_current_url() -> Result<(), ClipboardRefused> {
    let url = window().location().href().map_err(|_| ClipboardRefused)?;
    copy_text(&url).await
}

/// A button that copies the page's address, with a spoken confirmation.
#[component]
pub(crate) fn ShareLink() -> impl IntoView {
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
