//! The international hubs the ministries announced: every one, with its status, who proposed
//! it and its host center when one is named.

use leptos::prelude::*;
use shifo_core::HubStatus;

use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::locale::country_name;
use crate::state::AppState;

/// A hub's status in words (never by colour alone).
pub fn hub_status(locale: Locale, status: HubStatus) -> &'static str {
    match status {
        HubStatus::Proposed => td_string!(locale, hub_proposed),
        HubStatus::Designated => td_string!(locale, hub_designated),
    }
}

/// The hubs panel: closed by default, the number of hubs in its summary.
#[component]
pub fn HubsPanel() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let count = move || state.loaded().map_or(0, |d| d.dataset.hubs.len());
    let items = move || {
        let loaded = state.loaded()?;
        let locale = i18n.get_locale();
        let lang = locale.lang();
        let dataset = &loaded.dataset;
        let items = dataset
            .hubs
            .iter()
            .map(|h| {
                let mut facts = hub_status(locale, h.status).to_string();
                if let Some(d) = &h.date {
                    facts.push_str(&format!(", {d}"));
                }
                if let Some(by) = h.proposed_by {
                    facts.push_str(&format!(
                        " · {}",
                        td_string!(locale, hub_proposed_by, country = country_name(locale, by))
                    ));
                }
                let host = match h.host.as_deref().and_then(|id| dataset.center(id)) {
                    Some(c) => {
                        let id = c.id.clone();
                        view! {
                            {td_string!(locale, hub_host).to_string()}" "
                            <button type="button" class="link" on:click=move |_| state.select(Some(id.clone()))>
                                <bdi>{c.name_in(lang).to_string()}</bdi>
                            </button>
                        }
                        .into_any()
                    }
                    None => td_string!(locale, hub_no_host).into_any(),
                };
                let scope = crate::components::fields::data_text(&h.scope, locale)
                    .map(|s| view! { <p class="hub-scope"><bdi>{s}</bdi></p> });
                view! {
                    <li class="hub">
                        <h3 class="hub-name"><bdi>{h.name_in(lang).to_string()}</bdi></h3>
                        <p class="hub-facts">{facts}</p>
                        <p class="hub-host">{host}</p>
                        {scope}
                    </li>
                }
            })
            .collect_view();
        Some(items)
    };
    view! {
        <Show when=move || { count() > 0 }>
            <details class="panel hubs">
                <summary>{move || td_string!(i18n.get_locale(), hubs_summary, count = count()).to_string()}</summary>
                <p class="hint">{t!(i18n, hubs_hint)}</p>
                <ul class="hub-list">{items}</ul>
            </details>
        </Show>
    }
}
