//! Phones (narrower than 640 px): the list and the map take turns on the screen behind a
//! two-way switch, and the filters open as a full-screen sheet (a modal dialog: the rest of the
//! page is inert while it is open) with a button that shows the results.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::focus::{focus_id, focus_id_later};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::AppState;

/// The width below which the phone layout applies (keep equal to style.css): below 640 px,
/// fractional widths included, so a 640 px screen gets the wide layout.
const NARROW_MEDIA: &str = "(max-width: 639.98px)";

/// What fills a phone's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The filters' summary and the result list.
    List,
    /// The map, with the detail under it.
    Map,
}

/// The phone layout's state, provided by the root and read through [`Mobile::expect`].
#[derive(Clone, Copy)]
pub struct Mobile {
    /// Whether the screen is phone-narrow (follows rotation and resizing).
    pub narrow: RwSignal<bool>,
    /// The pane shown on a phone.
    pub pane: RwSignal<Pane>,
    /// Whether the filter sheet is open (phones only).
    pub filters_open: RwSignal<bool>,
}

/// Everything outside the sheet, made inert while it is open (a modal's focus stays inside).
const OUTSIDE_SHEET: &str = ".skip-link, .site-header, .embed-bar, .mobile-bar, .map-area, \
                             .site-footer, .sidebar > :not(.filter-sheet)";

fn set_inert(on: bool) {
    let Ok(nodes) = document().query_selector_all(OUTSIDE_SHEET) else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = if on {
                el.set_attribute("inert", "")
            } else {
                el.remove_attribute("inert")
            };
        }
    }
}

impl Mobile {
    /// Creates the state, follows the screen width and provides it as context.
    pub fn provide() -> Mobile {
        let query = window().match_media(NARROW_MEDIA).ok().flatten();
        let narrow = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
        let mobile = Mobile {
            narrow,
            pane: RwSignal::new(Pane::List),
            filters_open: RwSignal::new(false),
        };
        if let Some(q) = query {
            let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                move |ev: web_sys::MediaQueryListEvent| narrow.set(ev.matches()),
            );
            let _ =
                q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            let kept = SendWrapper::new((q, on_change));
            on_cleanup(move || {
                let (q, on_change) = &*kept;
                let _ = q.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        }
        let state = AppState::expect();
        // A center chosen on a phone (in the list, an event, a hub, or by the link that opened
        // the page) is shown on the map with its detail under it.
        Effect::new(move |_| {
            state.pan_request.track();
            if state.selected.get().is_some() && mobile.pane.get_untracked() != Pane::Map {
                mobile.pane.set(Pane::Map);
                // The list item that had focus is hidden now: the detail's name takes it.
                if narrow.get_untracked() {
                    focus_id_later("detail-heading");
                }
            }
        });
        Effect::new(move |prev: Option<()>| {
            state.map_target.track();
            if prev.is_some() && state.map_target.get_untracked().is_some() {
                mobile.pane.set(Pane::Map);
                // In one column wider than a phone the map is above, out of sight from an
                // events panel: it comes into view to show the city.
                if !narrow.get_untracked() {
                    request_animation_frame(|| {
                        if let (true, Ok(Some(map))) = (
                            crate::components::detail::in_flow(),
                            document().query_selector(".map-area"),
                        ) {
                            map.scroll_into_view();
                        }
                    });
                }
            }
        });
        // Widening the window (or turning the phone) closes the sheet: the filters are in the
        // sidebar again.
        Effect::new(move |_| {
            if !narrow.get() && mobile.filters_open.get_untracked() {
                mobile.close_filters();
            }
        });
        provide_context(mobile);
        mobile
    }

    /// The state provided by the root.
    pub fn expect() -> Mobile {
        expect_context::<Mobile>()
    }

    /// Whether the filters are showing as the phone's sheet (a dialog with its own heading).
    pub fn sheet_open(&self) -> bool {
        self.narrow.get() && self.filters_open.get()
    }

    /// Opens the filter sheet, focusing its heading. The sheet lives in the list pane, which
    /// comes back first.
    pub fn open_filters(&self) {
        self.pane.set(Pane::List);
        self.filters_open.set(true);
        let open = self.filters_open;
        request_animation_frame(move || {
            // Closed again before this frame (Back, a wider window): nothing to make inert.
            if open.get_untracked() {
                set_inert(true);
                focus_id("filter-sheet-heading");
            }
        });
    }

    /// Closes the filter sheet and returns focus to the button that opened it.
    pub fn close_filters(&self) {
        if !self.filters_open.get_untracked() {
            return;
        }
        self.filters_open.set(false);
        set_inert(false);
        // The button that opened it; on a wider screen (the window grew) it is gone and the
        // filters are back in the sidebar.
        let narrow = self.narrow.get_untracked();
        request_animation_frame(move || {
            focus_id(if narrow {
                "filters-open"
            } else {
                "search-input"
            })
        });
    }

    /// Where focus goes after clearing the filters: on a phone the filters button, since the
    /// search box is in the closed sheet.
    pub fn after_clearing(&self) {
        let narrow = self.narrow.get_untracked();
        focus_id_later(if narrow {
            "filters-open"
        } else {
            "search-input"
        });
    }

    /// Whether the phone layout shows `pane` (tracked); always true on wider screens.
    pub fn shows(&self, pane: Pane) -> bool {
        !self.narrow.get() || self.pane.get() == pane
    }
}

/// The phone's bar: the filters button (with how many are set) and the list/map switch.
#[component]
pub fn MobileBar() -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    let active = move || state.view.with(|v| v.filter.active_count());
    let switch = move |pane: Pane, label: &'static str| {
        view! {
            <button
                type="button"
                class="pane-switch"
                aria-pressed=move || (mobile.pane.get() == pane).to_string()
                on:click=move |_| mobile.pane.set(pane)
            >
                {label}
            </button>
        }
    };
    let bar = NodeRef::<leptos::html::Div>::new();
    follow_height(bar);
    view! {
        <div class="mobile-bar" node_ref=bar>
            <button
                type="button"
                id="filters-open"
                class="secondary"
                aria-haspopup="dialog"
                aria-expanded=move || mobile.filters_open.get().to_string()
                on:click=move |_| mobile.open_filters()
            >
                {move || match active() {
                    0 => t_string!(i18n, filters_heading).to_string(),
                    n => td_string!(i18n.get_locale(), filters_open_count, count = n).to_string(),
                }}
            </button>
            <div class="pane-switches" role="group" aria-label=move || t_string!(i18n, pane_label)>
                {move || switch(Pane::List, t_string!(i18n, pane_list))}
                {move || switch(Pane::Map, t_string!(i18n, pane_map))}
            </div>
        </div>
    }
}

/// Keeps `--bar-h` on the page at the bar's height, which the stylesheet keeps free above
/// whatever is scrolled into view (`scroll-padding-top`) and under the sticky count. The bar
/// wraps to two or three lines on a 320 px phone in the longer languages: a fixed allowance
/// left the detail's heading under it.
fn follow_height(bar: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let Some(el) = bar.get() else {
            return;
        };
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let measured = el.clone();
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let height = measured.get_bounding_client_rect().height();
            let value = if height > 0.0 {
                format!("{}px", height.ceil() as u32)
            } else {
                String::new()
            };
            let _ = root.style().set_property("--bar-h", &value);
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(&el);
        }
        let held = SendWrapper::new((observer, on_resize));
        on_cleanup(move || {
            if let Some(o) = &held.0 {
                o.disconnect();
            }
        });
    });
}

/// The filters: in the sidebar on wide screens, a modal sheet on phones while open.
#[component]
pub fn FilterSheet(
    /// The filter form.
    children: Children,
) -> impl IntoView {
    let state = AppState::expect();
    let mobile = Mobile::expect();
    let i18n = use_i18n();
    let sheet = move || mobile.sheet_open();
    let count = move || state.filtered.with(Vec::len);
    // Escape closes the open sheet wherever focus is: also in the moment after opening, before
    // focus has moved into it. Closing is all it does: in the search box it would also clear
    // what was typed.
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape"
            && mobile.narrow.get_untracked()
            && mobile.filters_open.get_untracked()
        {
            ev.prevent_default();
            mobile.close_filters();
        }
    });
    on_cleanup(move || on_escape.remove());
    view! {
        <div
            class="filter-sheet"
            class:open=sheet
            role=move || sheet().then_some("dialog")
            aria-modal=move || sheet().then_some("true")
            aria-labelledby=move || sheet().then_some("filter-sheet-heading")
        >
            <Show when=sheet>
                <div class="sheet-head">
                    <h2 id="filter-sheet-heading" tabindex="-1">{t!(i18n, filters_heading)}</h2>
                    <button type="button" class="close" aria-label=move || t_string!(i18n, sheet_close) on:click=move |_| mobile.close_filters()>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
            </Show>
            {children()}
            <Show when=sheet>
                <button type="button" class="show-results" on:click=move |_| mobile.close_filters()>
                    {move || td_string!(i18n.get_locale(), filters_show_results, count = count()).to_string()}
                </button>
            </Show>
        </div>
    }
}
