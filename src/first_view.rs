//! Taking over the first view the page was served with (`shifo_core::output::first_view`,
//! chosen by `public/boot.js`): the app builds underneath it, unseen, and takes its place in one
//! frame once its own list is drawn in the reader's language, keeping what the reader did
//! meanwhile: the words typed in the search box, the center chosen, the focus, and where the
//! list was scrolled.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::state::{AppState, LoadState};
use shifo_core::Lang;

/// The element holding every language's first view (index.html, filled in at build time).
const FIRST_VIEW: &str = "first-view";
/// The attribute of `<html>` naming the first view shown (`none` for a link it would
/// contradict); set by boot.js.
const SHOWN: &str = "data-first-view";
/// The attribute of `<html>` giving the position of the row chosen on the first view (boot.js).
const PRESSED: &str = "data-first-view-pressed";

/// The first view on screen, if the page shows one.
fn shown() -> Option<Element> {
    let html = document().document_element()?;
    let lang = html.get_attribute(SHOWN)?;
    let view = document().get_element_by_id(FIRST_VIEW)?;
    view.query_selector(&format!(".first-view[data-lang=\"{lang}\"]"))
        .ok()
        .flatten()
}

/// Whether a first view is on screen, for the app to take over rather than show at once.
pub fn is_shown() -> bool {
    shown().is_some()
}

/// Removes every first view and the page's "Loading…", and shows the app.
pub fn remove() {
    for id in [FIRST_VIEW, "boot"] {
        if let Some(el) = document().get_element_by_id(id) {
            el.remove();
        }
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(SHOWN);
        let _ = html.remove_attribute(PRESSED);
    }
}

/// What the reader did on the first view before the app took it over.
struct Left {
    /// The words in its search box.
    typed: String,
    /// Whether the search box had focus.
    typing: bool,
    /// The row whose button had focus, by position.
    row: Option<u32>,
    /// The center chosen on it (boot.js marks it), by id.
    pressed: Option<String>,
    /// Whether its language switcher had focus.
    switching: bool,
    /// How far the sidebar and the results were scrolled.
    scrolled: [(&'static str, i32); 2],
}

impl Left {
    fn read(view: &Element) -> Left {
        let active = document().active_element();
        let inside = active.as_ref().filter(|a| view.contains(Some(a)));
        let input = view
            .query_selector("input[type=search]")
            .ok()
            .flatten()
            .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
        let typing = inside.is_some_and(|a| a.tag_name() == "INPUT");
        let switching = inside.is_some_and(|a| a.closest(".language").ok().flatten().is_some());
        let row = inside
            .and_then(|a| a.closest("li.result").ok().flatten())
            .map(|li| {
                let mut n = 0;
                let mut at = li.previous_element_sibling();
                while let Some(el) = at {
                    n += 1;
                    at = el.previous_element_sibling();
                }
                n
            });
        let scroll = |class: &'static str| {
            let top = view
                .query_selector(class)
                .ok()
                .flatten()
                .map_or(0, |el| el.scroll_top());
            (class, top)
        };
        let pressed = document()
            .document_element()
            .and_then(|html| html.get_attribute(PRESSED));
        Left {
            typed: input.map(|i| i.value()).unwrap_or_default(),
            typing,
            row,
            pressed,
            switching,
            scrolled: [scroll(".sidebar"), scroll(".results")],
        }
    }

    /// Carries it over to the app, whose elements are now the only ones on the page.
    fn restore(self, state: AppState) {
        for (class, top) in self.scrolled {
            if let Ok(Some(el)) = document().query_selector(class) {
                if top > 0 {
                    el.set_scroll_top(top);
                }
            }
        }
        let element =
            |found: Option<Element>| found.and_then(|el| el.dyn_into::<HtmlElement>().ok());
        let row_button =
            |selector: String| element(document().query_selector(&selector).ok().flatten());
        if !self.typed.trim().is_empty() {
            state.set_text(self.typed);
        } else if let Some(id) = self.pressed {
            // As the reader's own click on the same center in the app's list would (found by
            // id: a center the app does not list opens nothing).
            let li = crate::dom_ids::center_item(&id);
            if let Some(button) = row_button(format!("#{li} > button")) {
                let _ = button.focus();
                button.click();
                return;
            }
        }
        let target = if self.typing {
            element(document().get_element_by_id(crate::dom_ids::SEARCH_INPUT))
        } else if self.switching {
            element(document().get_element_by_id(crate::dom_ids::LANGUAGE_SELECT))
        } else {
            self.row.and_then(|n| {
                row_button(format!(".result-list > li:nth-child({}) > button", n + 1))
            })
        };
        if let Some(el) = target {
            let _ = el.focus();
        }
    }
}

/// How long the takeover waits, once the dataset is shown, for its translations: a slow or
/// stalled download of them must not keep a first view whose controls do nothing (they fill in
/// where they are when they come).
const TRANSLATIONS_WAIT: Duration = Duration::from_secs(3);

/// Takes the first view over once the app's list is drawn with the texts it will keep (the
/// dataset's translations in `lang` in place, or none to be had, or [`TRANSLATIONS_WAIT`]
/// passed), or once loading has failed (the app's message replaces it). Nothing to do when the
/// page shows no first view.
pub(crate) fn use_first_view(state: AppState, lang: impl Fn() -> Lang + 'static) {
    if !is_shown() {
        return;
    }
    let waited = RwSignal::new(false);
    let timing = StoredValue::new(false);
    Effect::new(move |taken: Option<bool>| {
        if taken == Some(true) {
            return true;
        }
        let ready = state.load.with(|l| match l {
            LoadState::Loading => false,
            LoadState::Ready(loaded) => {
                let settled = state.texts.settled(loaded, lang()) || waited.get();
                if !settled && !timing.get_value() {
                    timing.set_value(true);
                    set_timeout(move || waited.set(true), TRANSLATIONS_WAIT);
                }
                settled
            }
            LoadState::Failed(_) => true,
        });
        if ready {
            // In the next frame: the list the signals just filled is in the page by then, and
            // the swap happens before that frame is painted.
            request_animation_frame(move || {
                let left = shown().map(|view| Left::read(&view));
                remove();
                if let Some(left) = left {
                    left.restore(state);
                }
            });
        }
        ready
    });
}
