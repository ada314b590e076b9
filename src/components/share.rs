//! "Copy link to this view": the address already holds the view; this puts it on the clipboard,
//! which matters on phones where the address bar is hard to reach.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, t_string, use_i18n};
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
