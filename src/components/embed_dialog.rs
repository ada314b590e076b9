//! "Embed this map": turns the current view into code a site owner pastes into their page, an
//! iframe plus an optional script that fits its height to the content.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::output::embed::{fixes, Lockable, Rgb, Snippet, Theme, HEIGHTS};

use crate::components::share::copy_text;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::locale::{fixed_text, lang_name};
use crate::state::AppState;

/// The height offered first: a map and a screenful of list on a laptop.
const DEFAULT_HEIGHT: u32 = 640;

/// The app's own accent (`--accent` in style.css): chosen, it adds nothing to the link.
const OWN_ACCENT: Rgb = Rgb(0x0b, 0x6e, 0x4f);

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

/// What locking `facet` would fix the current view to, in words ("Country: Uzbekistan"), or
/// `None` when the view sets nothing there.
fn lock_value(facet: Lockable, state: AppState, locale: Locale) -> Option<String> {
    if facet == Lockable::Lang {
        let name = lang_name(locale, locale.lang());
        return Some(format!("{}: {name}", td_string!(locale, language_label)));
    }
    let loaded = state.loaded()?;
    let lang = locale.lang();
    state
        .view
        .with(|v| fixes(facet, &v.filter, &loaded.dataset, lang).map(|f| fixed_text(locale, f)))
}

/// One lock's checkbox, saying the value it fixes; refused (with the reason beside it) when
/// the view sets nothing there to fix.
#[component]
fn LockBox(
    /// The facet it fixes.
    facet: Lockable,
    /// The facets chosen to fix.
    locks: RwSignal<BTreeSet<Lockable>>,
) -> impl IntoView {
    let state = AppState::expect();
    let i18n = use_i18n();
    let value = move || lock_value(facet, state, i18n.get_locale());
    let empty = move || value().is_none();
    let reason_id = format!("lock-empty-{}", facet.code());
    view! {
        <label class="option">
            <input
                type="checkbox"
                prop:checked=move || !empty() && locks.with(|l| l.contains(&facet))
                disabled=empty
                aria-describedby=move || empty().then(|| reason_id.clone())
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    locks.update(|l| {
                        if on { l.insert(facet); } else { l.remove(&facet); }
                    });
                }
            />
            <span>{move || value().unwrap_or_else(|| lock_label(facet, i18n.get_locale()).to_string())}</span>
            <Show when=empty>
                <span class="lock-empty" id=format!("lock-empty-{}", facet.code())>{move || format!(" ({})", t_string!(i18n, embed_lock_empty))}</span>
            </Show>
        </label>
    }
}

/// The accent colour and the theme, each reaching the link (and the preview) as chosen.
#[component]
fn LookFields(accent: RwSignal<Option<Rgb>>, theme: RwSignal<Option<Theme>>) -> impl IntoView {
    let i18n = use_i18n();
    let on_accent = move |ev| {
        let picked = Rgb::parse(&event_target_value(&ev)).filter(|c| *c != OWN_ACCENT);
        accent.set(picked);
    };
    let on_theme = move |ev| theme.set(Theme::from_code(&event_target_value(&ev)));
    view! {
        <div class="embed-look">
            <label class="embed-field">
                <span>{t!(i18n, embed_accent_label)}</span>
                <input type="color" prop:value=move || format!("#{}", accent.get().unwrap_or(OWN_ACCENT).hex()) on:change=on_accent/>
            </label>
            <label class="embed-field">
                <span>{t!(i18n, embed_theme_label)}</span>
                <select on:change=on_theme prop:value=move || theme.get().map_or("light", |t| t.code())>
                    <option value="light">{t!(i18n, embed_theme_light)}</option>
                    <option value="dark">{t!(i18n, embed_theme_dark)}</option>
                </select>
            </label>
        </div>
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
    accent: RwSignal<Option<Rgb>>,
    theme: RwSignal<Option<Theme>>,
}

impl Choices {
    /// The snippet's parts for the current view with these choices (tracked): the embedded
    /// view's query and the iframe's title, which names what the locks fix.
    fn parts(&self, state: AppState, locale: Locale) -> (String, String) {
        let mut view = state.view.get();
        view.embed.on = true;
        // Only locks that fix something (a facet emptied since it was ticked fixes nothing).
        let fixing: Vec<(Lockable, String)> = self
            .locks
            .get()
            .into_iter()
            .filter_map(|f| lock_value(f, state, locale).map(|v| (f, v)))
            .collect();
        view.embed.lock = fixing.iter().map(|(f, _)| *f).collect();
        view.embed.accent = self.accent.get();
        view.embed.theme = self.theme.get().filter(|t| *t != Theme::Light);
        let mut title = td_string!(locale, embed_iframe_title).to_string();
        let scope: Vec<&str> = fixing.iter().map(|(_, v)| v.as_str()).collect();
        if !scope.is_empty() {
            title = format!("{title} ({})", scope.join("; "));
        }
        (view.to_query(), title)
    }

    /// The code to paste (tracked).
    fn code(&self, state: AppState, locale: Locale) -> String {
        let (query, title) = self.parts(state, locale);
        let app = crate::history::page_base();
        Snippet {
            app: &app,
            query: &query,
            title: &title,
            height: self.height.get(),
            auto_height: self.auto_height.get(),
        }
        .html()
    }

    /// The embedded view's address, for the preview (tracked).
    fn preview_src(&self, state: AppState, locale: Locale) -> String {
        let (query, title) = self.parts(state, locale);
        let app = crate::history::page_base();
        let snippet = Snippet {
            app: &app,
            query: &query,
            title: &title,
            height: self.height.get(),
            auto_height: false,
        };
        snippet.src()
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
        accent: RwSignal::new(None),
        theme: RwSignal::new(None),
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
            <LookFields accent=choices.accent theme=choices.theme/>
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
            // What visitors will see, as chosen: the embedded map itself, small.
            // Inert: a picture of the result, not a second app to tab through or to be read
            // out (its landmarks would repeat the page's); the code above says it all.
            <iframe class="embed-preview" inert="" title=move || t_string!(i18n, embed_preview_label) src=move || choices.preview_src(state, i18n.get_locale())></iframe>
            </Show>
        </dialog>
    }
}
