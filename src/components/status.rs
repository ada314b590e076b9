//! Loading, failure and data-problem notices.

use leptos::prelude::*;

use crate::i18n::{t, td_string, use_i18n};
use crate::locale::problem_text;
use crate::state::{AppState, LoadState};
use shifo_core::dataset::deploy::Refusal;

/// How many dataset problems are listed before "and N more".
const SHOWN_PROBLEMS: usize = 5;

/// A live indicator while the dataset loads.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {t!(i18n, loading)}
        </p>
    }
}

/// What failed and where, with a retry button.
#[component]
pub fn LoadFailed() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let message = move || {
        let locale = i18n.get_locale();
        state.load.with(|l| match l {
            LoadState::Failed(e) => e.message(locale),
            _ => String::new(),
        })
    };
    view! {
        <div class="error" role="alert">
            <h2>{t!(i18n, error_heading)}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| state.start_loading()>{t!(i18n, retry)}</button>
        </div>
    }
}

/// Why the dataset named in the link was not loaded, when it was refused.
#[component]
pub fn DataRefused() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let text = state.refused.with(|r| match r.as_ref()? {
            Refusal::OriginNotAllowed { url, .. } => {
                Some(td_string!(locale, data_refused, url = url).to_string())
            }
            Refusal::NotAUrl(url) => Some(td_string!(locale, data_not_url, url = url).to_string()),
        })?;
        Some(view! { <div class="error notice" role="alert"><p>{text}</p></div> })
    }
}

/// The dataset's errors, when some entries had to be set aside.
#[component]
pub fn Problems() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    move || {
        let loaded = state.loaded()?;
        let locale = i18n.get_locale();
        // Warnings (city-level positions, a missing Russian name) are for the data's authors,
        // who see them in `shifo-data validate`; the page lists only what it left out.
        let problems: Vec<_> = loaded.errors().collect();
        if problems.is_empty() {
            return None;
        }
        let items: Vec<_> = problems
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|p| view! { <li><code>{problem_text(locale, p)}</code></li> })
            .collect();
        let more = (problems.len() > SHOWN_PROBLEMS).then(|| {
            view! {
                <p>{crate::i18n::td_string!(locale, problems_more, count = problems.len() - SHOWN_PROBLEMS).to_string()}</p>
            }
        });
        Some(view! {
            <div class="problems" role="alert">
                <p>{crate::i18n::td_string!(locale, problems_heading, count = problems.len()).to_string()}</p>
                <ul>{items}</ul>
                {more}
            </div>
        })
    }
}
