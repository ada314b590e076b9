//! The page's title, which tabs, bookmarks, history and a printed page's header show: in the
//! reader's language, naming the center, referral sheet or comparison that is open.

use leptos::prelude::*;

use crate::i18n::{td_string, use_i18n};
use crate::state::AppState;

/// Keeps `document.title` on what the page shows.
pub(crate) fn use_page_title() {
    let state = AppState::expect();
    let i18n = use_i18n();
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        let app = td_string!(locale, app_title);
        let center = state
            .selected()
            .map(|c| c.name_in(locale.lang()).to_string());
        let title = state.view.with(|v| match center {
            _ if v.compare && !v.list.is_empty() => {
                format!("{} — {app}", td_string!(locale, shortlist_heading))
            }
            Some(name) if v.sheet => {
                format!("{}: {name} — {app}", td_string!(locale, referral_heading))
            }
            Some(name) => format!("{name} — {app}"),
            None => td_string!(locale, page_title).to_string(),
        });
        document().set_title(&title);
    });
}
