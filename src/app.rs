//! The root view: language provider, header with the language switcher, filters, results, map,
//! detail and footer, by load state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{
    detail::Detail,
    embed::{post_height, use_theme, EmbedBar},
    embed_dialog::EmbedDialog,
    events::EventsPanel,
    exports::Downloads,
    filters::Filters,
    footer::Footer,
    hubs::HubsPanel,
    language::LanguageSwitcher,
    list::{MapEmptyNotice, ResultList},
    map::CenterMap,
    mobile::{FilterSheet, Mobile, MobileBar, Pane},
    near::NearMe,
    referral::{ComparePage, ReferralSheet},
    shortlist::ShortlistBar,
    status::{DataRefused, LoadFailed, Loading, Problems},
};
use crate::conditions::use_conditions;
use crate::hooks::{use_event_listener, ListenerOptions};
use crate::i18n::{t, use_i18n, I18nContextProvider, Locale};
use crate::locale::remember;
use crate::state::{AppState, LoadState};
use crate::translations::use_dataset_translations;
use shifo_core::output::embed::Lockable;

/// Moves focus to the results without touching the URL (a `#results` fragment would add a
/// history entry and ride along in every shared link).
/// On a phone it first brings the list pane back.
fn skip_to_results(ev: leptos::ev::MouseEvent, mobile: Mobile) {
    ev.prevent_default();
    mobile.pane.set(Pane::List);
    // After the frame that shows the list pane again (a hidden element takes no focus).
    crate::focus::focus_id_later(crate::dom_ids::RESULTS);
}

/// Mounts the app on the page (into its `#app`, else the body). Where the page shows a first
/// view (the content it was served with, for the seconds the code takes to arrive), the app
/// builds unseen and takes its place once its list is drawn ([`crate::first_view`]); else it
/// replaces the page's own "Loading…" at once.
pub fn mount() {
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
    if !crate::first_view::is_shown() {
        crate::first_view::remove();
    }
}

/// The whole application. The language provider sets `<html lang>` and starts from the
/// browser's preferred languages; `lang=` in the URL overrides them.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Shell/>
        </I18nContextProvider>
    }
}

/// The filters and the results. On a laptop (from 1200 px) the tools and the results are two
/// columns side by side, each scrolling, so the count and the first results are in sight beside
/// the filters; narrower, one column; on a phone the results come before the panels and the
/// editors' tools (their order is the stylesheet's).
#[component]
fn Sidebar() -> impl IntoView {
    let state = AppState::expect();
    let failed = move || state.load.with(|l| matches!(l, LoadState::Failed(_)));
    let loading = move || state.load.with(|l| matches!(l, LoadState::Loading));
    view! {
        <aside class="sidebar">
            <div class="tools-pane">
                <Show when=loading><Loading/></Show>
                <Show when=failed><LoadFailed/></Show>
                <DataRefused/>
                <Problems/>
                <FilterSheet><Filters/><NearMe/></FilterSheet>
                <ShortlistBar/>
                <EventsPanel/>
                <HubsPanel/>
                <Show when=move || state.loaded().is_some()>
                    <div class="editor-tools">
                        <EmbedDialog/>
                        <Downloads/>
                    </div>
                </Show>
            </div>
            <ResultList/>
        </aside>
    }
}

/// Everything inside the language provider.
#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    // What the browser asked for, kept for when Back leads to a URL without `lang=`.
    let browser_default = i18n.browser_locale();
    let state = AppState::provide();
    let mobile = Mobile::provide();
    Effect::new(move |_| {
        let wanted = state
            .view
            .with(|v| v.lang)
            .map_or(browser_default, Locale::of);
        if i18n.get_locale_untracked() != wanted {
            i18n.set_locale(wanted);
        }
        remember(wanted);
    });
    use_dataset_translations(state, move || i18n.get_locale().lang());
    use_conditions(state);
    crate::first_view::use_first_view(state, move || i18n.get_locale().lang());
    state.start_loading();
    // Back and Forward restore the filters, selection and language of that entry. With the
    // phone's filter sheet open, Back only closes it, as it dismisses a sheet on Android: the
    // choices made in it stay (the address is put back to them).
    use_event_listener(
        &window(),
        "popstate",
        ListenerOptions::default(),
        move |_: web_sys::Event| {
            if mobile.filters_open.get_untracked() {
                mobile.close_filters();
                state.rewrite_url();
            } else {
                state.read_url();
            }
        },
    );

    use_theme();
    crate::title::use_page_title();
    if state.view.with_untracked(|v| v.embed.on) {
        post_height();
    }
    let embedded = move || state.view.with(|v| v.embed.on);
    // The referral sheet replaces the map and list while open (its own printable page).
    // So does the shortlist side by side.
    let sheet_open = move || state.view.with(|v| v.sheet) && state.selected().is_some();
    let compare_open = move || state.view.with(|v| v.compare && !v.list.is_empty());
    let page_open = move || sheet_open() || compare_open();

    view! {
        // Not on the referral sheet's page, which has no results to skip to.
        <Show when=move || !page_open()>
            <a class="skip-link" href=format!("#{}", crate::dom_ids::RESULTS) on:click=move |ev| skip_to_results(ev, mobile)>{t!(i18n, skip_to_results)}</a>
        </Show>
        <Show
            when=move || !embedded()
            fallback=|| view! { <EmbedBar/> }
        >
            <header class="site-header">
                <div class="brand">
                    <h1>{t!(i18n, app_title)}</h1>
                    <p class="tagline">{t!(i18n, app_tagline)}</p>
                </div>
                <Show when=move || !state.locked(Lockable::Lang)>
                    <LanguageSwitcher/>
                </Show>
            </header>
        </Show>
        <Show when=move || !page_open()>
        <Show when=move || mobile.narrow.get()>
            <MobileBar/>
        </Show>
        <main class="layout" class:pane-list=move || !mobile.shows(Pane::Map) class:pane-map=move || !mobile.shows(Pane::List)>
            <Sidebar/>
            <div class="map-area">
                // The detail first: from a list item, Tab reaches it before the map's markers.
                <Detail/>
                <CenterMap/>
                <MapEmptyNotice/>
            </div>
        </main>
        </Show>
        <Show when=move || sheet_open() && !compare_open()>
            <main class="sheet-page"><ReferralSheet/></main>
        </Show>
        <Show when=compare_open>
            <main class="sheet-page"><ComparePage/></main>
        </Show>
        <Footer/>
    }
}
