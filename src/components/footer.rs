//! Page footer: dataset version and the privacy promise.

use leptos::prelude::*;

use crate::i18n::{t, td_string, use_i18n};
use crate::locale::isolate;
use crate::state::AppState;

/// The footer.
#[component]
pub fn Footer() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let dataset = move || {
        let locale = i18n.get_locale();
        state.loaded().map(|d| {
            td_string!(
                locale,
                footer_dataset,
                version = isolate(&d.dataset.version),
                updated = isolate(&d.dataset.updated)
            )
            .to_string()
        })
    };
    view! {
        <footer class="site-footer">
            <p>{dataset}</p>
            <p>{t!(i18n, footer_privacy)}</p>
        </footer>
    }
}
