//! The language switcher: each language named in itself, so a reader finds theirs whatever
//! the page is in now.

use leptos::prelude::*;
use shifo_core::Lang;

use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::state::AppState;

/// A labelled select of the seven interface languages; choosing one writes `lang=` to the URL.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    // The language asked for: on its way, or failed (the notice says so), it stays chosen.
    let current = move || i18n.wanted().lang();
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            let name = td_string!(Locale::of(lang), language_name).to_string();
            view! {
                <option value=lang.code() lang=lang.code() selected=move || current() == lang>
                    {name}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="language">
            <label for=crate::dom_ids::LANGUAGE_SELECT>{t!(i18n, language_label)}</label>
            <select
                id=crate::dom_ids::LANGUAGE_SELECT
                prop:value=move || current().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        state.set_lang(lang);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
