//! The root view: header, filters, results, map, detail and footer, by load state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{
    detail::Detail,
    filters::Filters,
    footer::Footer,
    list::ResultList,
    map::CenterMap,
    status::{LoadFailed, Loading, Problems},
};
use crate::i18n::t;
use crate::state::{AppState, LoadState};

/// Moves focus to the results without touching the URL (a `#results` fragment would add a
/// history entry and ride along in every shared link).
fn skip_to_results(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(el) = document()
        .get_element_by_id("results")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    state.start_loading();
    // Back and Forward restore the filters and selection of that entry.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| state.read_url());
    on_cleanup(move || popstate.remove());

    let failed = move || state.load.with(|l| matches!(l, LoadState::Failed(_)));
    let loading = move || state.load.with(|l| matches!(l, LoadState::Loading));

    view! {
        <a class="skip-link" href="#results" on:click=skip_to_results>{t("skip_to_results")}</a>
        <header class="site-header">
            <h1>{t("app_title")}</h1>
            <p class="tagline">{t("app_tagline")}</p>
        </header>
        <main class="layout">
            <aside class="sidebar">
                <Show when=loading><Loading/></Show>
                <Show when=failed><LoadFailed/></Show>
                <Problems/>
                <Filters/>
                <ResultList/>
            </aside>
            <div class="map-area">
                <CenterMap/>
                <Detail/>
            </div>
        </main>
        <Footer/>
    }
}
