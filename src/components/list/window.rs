//! Windowing for long lists: above [`WINDOW_ABOVE`] results only the rows on screen (and a
//! few around them) are in the page, each one fixed height, so 50,000 results cost what 30
//! do. Short lists are whole: every item stays in the page for find-in-page and screen-reader
//! browsing.

use std::ops::Range;

use leptos::prelude::*;

use crate::hooks::{use_event_listener, ListenerOptions};
use crate::state::AppState;

/// Above this many results the list is windowed (the core's, which the page's first view follows).
pub(crate) use shifo_core::output::first_view::WINDOW_ABOVE;
/// The height of a row of a windowed list, in CSS pixels (`.result-list.windowed > li`).
/// Whole pixels: styles are written with integer formatting (float formatting would add
/// ~10 KB of wasm).
pub(crate) const ROW_PX: usize = 96;
/// Rows drawn beyond each edge of the screen, so a quick scroll does not show blanks.
const OVERSCAN: usize = 6;

/// The window over a list: whether it is windowed, and which rows are drawn.
#[derive(Clone, Copy)]
pub(crate) struct ListWindow {
    /// Whether the list is long enough to be windowed.
    pub windowed: Memo<bool>,
    /// The rows drawn, by position in the list (all of them when not windowed).
    pub range: ReadSignal<Range<usize>>,
    list: NodeRef<leptos::html::Ul>,
    last_top: StoredValue<Option<f64>>,
    set: RwSignal<Range<usize>>,
    state: AppState,
}

impl ListWindow {
    /// Measures where the list is on screen, and draws the rows there.
    pub(crate) fn update(&self) {
        if let Some(ul) = self.list.get_untracked() {
            self.set_from(ul.get_bounding_client_rect().top());
        }
    }

    fn set_from(&self, top: f64) {
        self.last_top.set_value(Some(top));
        let len = self.state.filtered.with_untracked(Vec::len);
        let next = visible_rows(top, len);
        if self.set.with_untracked(|r| *r != next) {
            self.set.set(next);
        }
    }

    /// Brings row `pos` of a windowed list on screen (scrolling the sidebar, or on a phone the
    /// page), and draws the rows there.
    pub(crate) fn scroll_to(&self, pos: usize) {
        if let Some(ul) = self.list.get_untracked() {
            scroll_row_into_view(&ul, pos);
            self.update();
        }
    }
}

/// Windows the list `list` over the filtered centers.
pub(crate) fn use_list_window(list: NodeRef<leptos::html::Ul>) -> ListWindow {
    let state = AppState::expect();
    let set = RwSignal::new(0..0usize);
    let window_ = ListWindow {
        windowed: Memo::new(move |_| state.filtered.with(Vec::len) > WINDOW_ABOVE),
        range: set.read_only(),
        list,
        // Where the list's top was on screen when last measured. A filter change keeps the
        // list where it is, so its new rows come from this, without forcing a layout in the
        // middle of the change (that alone cost ~16 ms at 50,000 centers); the next frame
        // measures again.
        last_top: StoredValue::new(None),
        set,
        state,
    };
    // Scrolling happens in the sidebar (wide screens) or the page (phones): a capturing
    // listener on the document hears both.
    let scrolling = ListenerOptions {
        capture: true,
        passive: true,
    };
    use_event_listener(
        &document(),
        "scroll",
        scrolling,
        move |_: web_sys::Event| window_.update(),
    );
    use_event_listener(
        &window(),
        "resize",
        ListenerOptions::default(),
        move |_: web_sys::Event| window_.update(),
    );
    // New results: the list's height changed, and with it what is on screen.
    Effect::new(move |_| {
        state.filtered.track();
        if !window_.windowed.get() {
            return;
        }
        match window_.last_top.get_value() {
            Some(top) => {
                window_.set_from(top);
                // The page may have moved (a shorter list scrolls back): measure once laid out.
                request_animation_frame(move || window_.update());
            }
            None => window_.update(),
        }
    });
    window_
}

/// The rows of a windowed list of `len` rows that are on screen, with a margin, given where
/// the list's top is on screen.
fn visible_rows(top: f64, len: usize) -> Range<usize> {
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let row = ROW_PX as f64;
    let first = (-top / row).floor().max(0.0) as usize;
    let last = ((screen - top) / row).ceil().max(0.0) as usize;
    first.saturating_sub(OVERSCAN).min(len)..(last + OVERSCAN).min(len)
}

/// Scrolls the results' column, the sidebar or (on a phone) the page, whichever scrolls, so
/// that row `pos` of a windowed list is on screen.
fn scroll_row_into_view(ul: &web_sys::Element, pos: usize) {
    let row = ROW_PX as f64;
    let top = ul.get_bounding_client_rect().top() + (pos * ROW_PX) as f64;
    let bottom = top + row;
    // The results' own column on a laptop, the sidebar narrower, the page on a phone.
    let sidebar = [".results", ".sidebar"]
        .into_iter()
        .filter_map(|pane| ul.closest(pane).ok().flatten())
        .find(|s| s.scroll_height() > s.client_height());
    let (from, to) = match &sidebar {
        Some(s) => {
            let r = s.get_bounding_client_rect();
            (r.top(), r.bottom())
        }
        None => (
            0.0,
            window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0),
        ),
    };
    // The sticky count covers the top of the scrolled area: keep a row's height clear of it.
    let delta = if top < from + row {
        top - from - row
    } else if bottom > to {
        bottom - to
    } else {
        return;
    };
    match sidebar {
        Some(s) => s.set_scroll_top(s.scroll_top() + delta.round() as i32),
        None => window().scroll_by_with_x_and_y(0.0, delta),
    }
}
