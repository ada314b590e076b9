//! "Embed this map": turns the current view into code a site owner pastes into their page, an
//! iframe plus an optional script that fits its height to the content.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::output::embed::{Lockable, Snippet, HEIGHTS};

use crate::components::share::copy_text;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::state::AppState;

/// The height offered first: a map and a screenful of list on a laptop.
const DEFAULT_HEIGHT: u32 = 640;

/// What the last copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The label of a lock's checkbox: the facet it fixes.
fn lock_label(facet: Lockable, locale: Locale) -> &'static str {
    match facet {
        Lockable::Country => td_string!(locale, country_legend),
        Lockable::Specialty => td_string!(locale, specialty_legend),
        Lockable::Pediatric => td_string!(locale, pediatric_label),
        Lockable::Lang => td_string!(locale, language_label),
        Lockable::Hub => td_string!(locale, hub_legend),
    }
}

/// One lock's checkbox.
#[component]
fn LockBox(
    /// The facet it fixes.
    facet: Lockable,
    /// The facets chosen to fix.
    locks: RwSignal<BTreeSet<Lockable>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="option">
            <input
                type="checkbox"
                prop:checked=move || locks.with(|l| l.contains(&facet))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    locks.update(|l| {
                        if on { l.insert(facet); } else { l.remove(&facet); }
                    });
                }
            />
            <span>{move || lock_label(facet, i18n.get_locale())}</span>
        </label>
    }
}

/// The iframe's height, kept within [`HEIGHTS`].
#[component]
fn HeightField(
    /// The height chosen.
    height: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="embed-field">
            <span>{t!(i18n, embed_height_label)}</span>
            <input
                type="number"
                min=HEIGHTS.start().to_string()
                max=HEIGHTS.end().to_string()
                step="10"
                prop:value=move || height.get().to_string()
                on:change=move |ev| {
                    // Out of range or not a number: the snippet keeps a usable height.
                    let wanted = event_target_value(&ev).trim().parse::<u32>().unwrap_or(DEFAULT_HEIGHT);
                    height.set(wanted.clamp(*HEIGHTS.start(), *HEIGHTS.end()));
                }
            />
        </label>
    }
}

/// What the dialog's choices are.
#[derive(Clone, Copy)]
struct Choices {
    locks: RwSignal<BTreeSet<Lockable>>,
    height: RwSignal<u32>,
    auto_height: RwSignal<bool>,
}

impl Choices {
    /// The code to paste for the current view with these choices (tracked).
    fn code(&self, state: AppState, locale: Locale) -> String {
        let mut view = state.view.get();
        view.embed.on = true;
        view.embed.lock = self.locks.get();
        let app = crate::history::page_base();
        Snippet {
            app: &app,
            query: &view.to_query(),
            title: td_string!(locale, embed_iframe_title),
            height: self.height.get(),
            auto_height: self.auto_height.get(),
        }
        .html()
    }
}

/// The button and its dialog (a native modal `<dialog>`: focus is held inside it, Escape
/// closes it and focus returns to the button). Not offered inside an embedded map.
#[component]
pub(crate) fn EmbedDialog() -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let choices = Choices {
        locks: RwSignal::new(BTreeSet::new()),
        height: RwSignal::new(DEFAULT_HEIGHT),
        auto_height: RwSignal::new(true),
    };
    let copied = RwSignal::new(Copied::Not);
    // The form exists only while the dialog is open: closed, nothing of it is in the page
    // (its "Language" checkbox would otherwise share a name with the language switcher).
    let is_open = RwSignal::new(false);
    let code = move || choices.code(state, i18n.get_locale());
    let open = move |_| {
        copied.set(Copied::Not);
        is_open.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = code();
        spawn_local(async move {
            copied.set(match copy_text(&text).await {
                Ok(()) => Copied::Done,
                Err(_) => Copied::Failed,
            });
        });
    };
    let status = move || match copied.get() {
        Copied::Not => "",
        Copied::Done => t_string!(i18n, embed_copied),
        Copied::Failed => t_string!(i18n, embed_copy_failed),
    };
    view! {
        <Show when=move || !state.view.with(|v| v.embed.on)>
            <button type="button" class="secondary embed-open" on:click=open>{t!(i18n, embed_open)}</button>
        </Show>
        <dialog
            node_ref=dialog
            class="embed-dialog"
            aria-labelledby="embed-heading"
            on:close=move |_| is_open.set(false)
        >
            <h2 id="embed-heading">{t!(i18n, embed_heading)}</h2>
            <Show when=move || is_open.get()>
            <fieldset class="facet">
                <legend>{t!(i18n, embed_lock_legend)}</legend>
                {Lockable::ALL.into_iter().map(|facet| view! { <LockBox facet locks=choices.locks/> }).collect_view()}
            </fieldset>
            <HeightField height=choices.height/>
            <label class="option">
                <input
                    type="checkbox"
                    prop:checked=move || choices.auto_height.get()
                    on:change=move |ev| choices.auto_height.set(event_target_checked(&ev))
                />
                <span>{t!(i18n, embed_auto_height)}</span>
            </label>
            <label class="embed-field" for="embed-code">{t!(i18n, embed_code_label)}</label>
            <textarea id="embed-code" readonly rows="7" spellcheck="false" prop:value=code></textarea>
            <div class="embed-actions">
                <button type="button" on:click=copy>{t!(i18n, embed_copy)}</button>
                <button type="button" class="secondary" on:click=close>{t!(i18n, embed_close)}</button>
            </div>
            <p class="share-status" role="status" aria-live="polite">{status}</p>
            </Show>
        </dialog>
    }
}
