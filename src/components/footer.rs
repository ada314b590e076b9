//! Page footer: dataset version and the privacy promise.

use leptos::prelude::*;

use crate::i18n::{t, t_with};
use crate::state::AppState;

/// The footer.
#[component]
pub fn Footer() -> impl IntoView {
    let state = AppState::expect();
    let dataset = move || {
        state.loaded().map(|d| {
            t_with(
                "footer_dataset",
                &[
                    ("version", &d.dataset.version),
                    ("updated", &d.dataset.updated),
                ],
            )
        })
    };
    view! {
        <footer class="site-footer">
            <p>{dataset}</p>
            <p>{t("footer_privacy")}</p>
        </footer>
    }
}
