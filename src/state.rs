//! Application state: the load status, the view (filters + selection) and what derives from them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::dataset::deploy::{DataSource, Refusal};
use shifo_core::geo::bounds::LatLon;
use shifo_core::geo::places::Place;
use shifo_core::output::embed::Lockable;
use shifo_core::output::shortlist::ShortlistError;
use shifo_core::query::filter::Choice;
use shifo_core::query::suggest::Suggestion;
use shifo_core::{Center, FacetCounts, Filter, Lang, Loaded, ViewState};

use crate::data::{fetch_config, fetch_dataset, LoadError, DATASET_URL};
use crate::history::{self, Entry};
use crate::translations::DatasetTexts;

/// Where loading the dataset stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// The request is under way.
    Loading,
    /// The dataset is here (possibly with problems set aside).
    Ready(Arc<Loaded>),
    /// Loading failed; the page offers a retry.
    Failed(LoadError),
}

impl LoadState {
    /// The dataset when ready.
    fn ready(&self) -> Option<Arc<Loaded>> {
        match self {
            LoadState::Ready(d) => Some(d.clone()),
            _ => None,
        }
    }
}

/// Shared state, provided once by the root and read by components through [`AppState::expect`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// Loading status and, once ready, the dataset.
    pub load: RwSignal<LoadState>,
    /// Filters and selected center; mirrored in the URL.
    pub view: RwSignal<ViewState>,
    /// Indices (into the dataset's centers) of the centers passing the filters.
    pub filtered: Memo<Vec<usize>>,
    /// How many centers each filter option would give.
    pub counts: Memo<FacetCounts>,
    /// The selected center's id, changing only when the selection does (not on filter edits).
    pub selected: Memo<Option<String>>,
    /// Notified every time a center is chosen, even the one already open, so the map
    /// re-centres on it and a phone shows it.
    pub pan_request: Trigger,
    /// The browser's position, when the reader asked to use it: kept for this page only, never
    /// written to the URL or sent anywhere.
    pub here: RwSignal<Option<LatLon>>,
    /// The filtered centers nearest first with their km, when a home city or position is set.
    pub by_distance: Memo<Option<Vec<(usize, f64)>>>,
    /// A place the map is asked to show (a city of an event), set anew on every request.
    pub map_target: RwSignal<Option<LatLon>>,
    /// A `data=` dataset that was refused (the bundled one is shown instead).
    pub refused: RwSignal<Option<Refusal>>,
    /// The dataset's translations fetched so far, for the load under way.
    pub(crate) texts: DatasetTexts,
    /// Whether the last history entry was written by typing in the search box, so that further
    /// keystrokes rewrite it instead of adding one entry per character.
    typing: StoredValue<bool>,
}

impl AppState {
    /// Creates the state and provides it as context.
    pub fn provide() -> AppState {
        let load = RwSignal::new(LoadState::Loading);
        // The language applies before the dataset arrives (the loading and error messages are
        // in it); the rest of the view waits for the data to be checked against.
        let from_url = ViewState::from_query(&history::current_query());
        let view = RwSignal::new(ViewState {
            lang: from_url.lang,
            embed: from_url.embed,
            ..ViewState::default()
        });
        let filtered = Memo::new(move |_| {
            let filter = view.with(|v| v.filter.clone());
            load.with(|l| match l {
                LoadState::Ready(d) => d.filtered(&filter),
                _ => Vec::new(),
            })
        });
        let counts = Memo::new(move |_| {
            let filter = view.with(|v| v.filter.clone());
            load.with(|l| match l {
                LoadState::Ready(d) => d.facet_counts(&filter),
                _ => FacetCounts::default(),
            })
        });
        let selected = Memo::new(move |_| view.with(|v| v.center.clone()));
        let here = RwSignal::new(None::<LatLon>);
        let origin = Memo::new(move |_| {
            here.get()
                .or_else(|| view.with(|v| v.near_place().map(|p| p.at)))
        });
        let by_distance = Memo::new(move |_| {
            let origin = origin.get()?;
            let ready = load.with(LoadState::ready)?;
            Some(filtered.with(|ids| ready.by_distance(ids, origin)))
        });
        let state = AppState {
            load,
            view,
            filtered,
            counts,
            selected,
            pan_request: Trigger::new(),
            map_target: RwSignal::new(None),
            here,
            by_distance,
            refused: RwSignal::new(None),
            texts: DatasetTexts::new(),
            typing: StoredValue::new(false),
        };
        provide_context(state);
        state
    }

    /// The state provided by the root component.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The loaded dataset, if any (tracked).
    pub fn loaded(&self) -> Option<Arc<Loaded>> {
        self.load.with(LoadState::ready)
    }

    /// The loaded dataset, if any, without tracking (for code that runs once per row or event).
    pub fn loaded_untracked(&self) -> Option<Arc<Loaded>> {
        self.load.with_untracked(LoadState::ready)
    }

    /// Starts (or restarts) loading the dataset; on success the view is read from the URL.
    pub fn start_loading(self) {
        self.load.set(LoadState::Loading);
        spawn_local(async move {
            // A site owner's dataset only from an origin the deployment allows.
            let data = ViewState::from_query(&history::current_query()).data;
            let source = match data {
                None => Ok(DataSource::Bundled),
                Some(url) => {
                    let origin = window().location().origin().unwrap_or_default();
                    DataSource::choose(Some(&url), &origin, &fetch_config().await)
                }
            };
            let url = match source {
                Ok(DataSource::Custom(url)) => url,
                Ok(DataSource::Bundled) => DATASET_URL.to_string(),
                Err(refusal) => {
                    self.refused.set(Some(refusal));
                    DATASET_URL.to_string()
                }
            };
            self.texts.begin(&url);
            match fetch_dataset(&url).await {
                Ok(loaded) => {
                    #[cfg(feature = "fault-injection")]
                    crate::panic::inject_from(&history::current_query());
                    let loaded = Arc::new(loaded);
                    self.load.set(LoadState::Ready(loaded.clone()));
                    // Text search's part of the index is built after the first view is on
                    // screen (a first query would build it anyway), so a large dataset shows
                    // sooner; and a slice at a time, so the page answers meanwhile.
                    spawn_local(prepare_text(loaded));
                    self.read_url();
                    // Drop whatever in the URL was unknown or malformed.
                    history::write(
                        &self.view.with_untracked(ViewState::to_query),
                        Entry::Replace,
                    );
                    // With the map on screen, keep the app for offline use.
                    crate::offline::register();
                }
                Err(e) => self.load.set(LoadState::Failed(e)),
            }
        });
    }

    /// Sets the view from the address bar (on load and on Back/Forward), without a new entry.
    pub fn read_url(&self) {
        let from_url = ViewState::from_query(&history::current_query());
        match self.loaded_untracked() {
            Some(d) => {
                // A link's home city replaces a position in use.
                if from_url.near.is_some() {
                    self.here.set(None);
                }
                let mut next = from_url.sanitized(&d.dataset);
                // A link without a shortlist shows the one this browser keeps (a shared
                // link's list is shown, and kept only once the reader changes it).
                if next.list.is_empty() {
                    next.list = crate::shortlist::stored();
                    next.list.sanitize(&d.dataset);
                }
                self.view.set(next);
                self.typing.set_value(false);
            }
            None => self.view.update(|v| {
                v.lang = from_url.lang;
                v.embed = from_url.embed;
            }),
        }
    }

    /// Writes the view back to the address bar as a new entry, after Back moved it away from
    /// a view that stays (Back that only closed the phone's filter sheet).
    pub fn rewrite_url(&self) {
        history::write(&self.view.with_untracked(ViewState::to_query), Entry::Push);
    }

    fn commit(&self, next: ViewState, entry: Entry) {
        history::write(&next.to_query(), self.entry(entry));
        self.view.set(next);
    }

    /// How a change enters the history. Embedded, it never adds an entry: the host page's
    /// Back button would otherwise step through the map's filters instead of leaving.
    fn entry(&self, wanted: Entry) -> Entry {
        if self.view.with_untracked(|v| v.embed.on) {
            Entry::Replace
        } else {
            wanted
        }
    }

    /// Whether the link fixed `facet` (its control is hidden and it cannot change).
    pub fn locked(&self, facet: Lockable) -> bool {
        self.view.with(|v| v.embed.locks(facet))
    }

    /// Changes the filters, adding one history entry; the open detail stays open. Locked
    /// facets keep their value.
    pub fn update_filter(&self, change: impl FnOnce(&mut Filter)) {
        let mut next = self.view.get_untracked();
        let before = next.filter.clone();
        change(&mut next.filter);
        next.embed.keep_locked(&before, &mut next.filter);
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Chooses (or lets go of) one option of a facet, as a filter change.
    pub fn choose(&self, choice: &Choice, on: bool) {
        self.update_filter(|f| f.set(choice, on));
    }

    /// Sets the free-text query; consecutive keystrokes share one history entry.
    pub fn set_text(&self, text: String) {
        let mut next = self.view.get_untracked();
        let before = next.to_query();
        next.filter.text = text;
        let after = next.to_query();
        // A keystroke that does not change the query (a space) neither adds nor rewrites an
        // entry; the first one that does adds one, the following ones rewrite it.
        if after != before {
            let entry = if self.typing.get_value() {
                Entry::Replace
            } else {
                Entry::Push
            };
            history::write(&after, self.entry(entry));
            self.typing.set_value(true);
        }
        // The box keeps what was typed (spaces included); the URL gets the cleaned text.
        self.view.set(next);
    }

    /// The home city distances are from, when the reader chose one (not when the browser
    /// shared a position, which comes first).
    pub fn home_city_untracked(&self) -> Option<&'static Place> {
        if self.here.get_untracked().is_some() {
            return None;
        }
        self.view.with_untracked(|v| v.near_place())
    }

    /// Takes an offer of the search box: a condition or a city becomes the search text, as its
    /// own history entry; a center is opened.
    pub fn take_suggestion(&self, offer: &Suggestion) {
        match offer {
            Suggestion::Center { center } => {
                let id = self
                    .loaded_untracked()
                    .and_then(|l| l.dataset.centers.get(*center).map(|c| c.id.clone()));
                if id.is_some() {
                    self.select(id);
                }
            }
            _ => {
                if let Some(text) = offer.search() {
                    let text = text.to_string();
                    self.update_filter(|f| f.text = text);
                }
            }
        }
    }

    /// Switches the interface language, adding a history entry so that Back returns to the
    /// previous one and a shared link keeps it.
    pub fn set_lang(&self, lang: Lang) {
        let mut next = self.view.get_untracked();
        if next.lang == Some(lang) || next.embed.locks(Lockable::Lang) {
            return;
        }
        next.lang = Some(lang);
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Clears every filter, keeping the selection.
    pub fn clear_filters(&self) {
        self.update_filter(|f| *f = Filter::default());
    }

    /// Opens (or with `None` closes) a center's detail and brings it into view on the map.
    pub fn select(&self, id: Option<String>) {
        if id.is_some() {
            self.pan_request.notify();
        }
        let mut next = self.view.get_untracked();
        if next.center == id {
            return;
        }
        next.center = id;
        // A referral sheet belongs to the center it was opened for.
        next.sheet = false;
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Shows (or leaves) the selected center's printable referral sheet, as a history entry so
    /// that Back returns to the map.
    pub fn open_sheet(&self, open: bool) {
        let mut next = self.view.get_untracked();
        if next.sheet == open || next.center.is_none() {
            return;
        }
        next.sheet = open;
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Adds the center `id` to the shortlist, or takes it off (a new history entry; this
    /// browser keeps the list too, nothing is sent); a full list refuses and stays as it was.
    pub fn toggle_listed(&self, id: &str) -> Result<(), ShortlistError> {
        let mut next = self.view.get_untracked();
        next.list.toggle(id)?;
        next.compare &= !next.list.is_empty();
        crate::shortlist::store(&next.list);
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
        Ok(())
    }

    /// Shows the shortlist's comparison in place of the map and list, or goes back to them.
    pub fn open_compare(&self, open: bool) {
        let mut next = self.view.get_untracked();
        if next.compare == open || next.list.is_empty() {
            return;
        }
        next.compare = open;
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Sorts by distance from a home city of the places table (kept in the URL), or stops
    /// sorting with `None`; a position in use is forgotten.
    pub fn set_near(&self, city: Option<&'static shifo_core::geo::places::Place>) {
        self.here.set(None);
        let mut next = self.view.get_untracked();
        let wanted = city.map(|p| p.en.to_string());
        if next.near == wanted {
            return;
        }
        next.near = wanted;
        self.typing.set_value(false);
        self.commit(next, Entry::Push);
    }

    /// Sorts by distance from the browser's position (this page only; a home city in the URL
    /// is dropped, so a shared link cannot carry where the reader is).
    pub fn set_here(&self, at: LatLon) {
        self.here.set(Some(at));
        let mut next = self.view.get_untracked();
        if next.near.take().is_some() {
            self.typing.set_value(false);
            self.commit(next, Entry::Replace);
        }
    }

    /// Brings a place into view on the map, close enough to tell its centers apart.
    pub fn show_place(&self, at: LatLon) {
        self.map_target.set(Some(at));
    }

    /// The selected center's id (tracked, through the selection memo only).
    pub fn selected_id(&self) -> Option<String> {
        self.selected.get()
    }

    /// The selected center, if it exists in the dataset (tracked).
    pub fn selected(&self) -> Option<Center> {
        let id = self.selected_id()?;
        self.loaded()?.dataset.center(&id).cloned()
    }
}

/// Centers whose names go into the search dictionary in one slice: ~10 ms of wasm, so building
/// it for 50,000 centers never holds the page for a whole frame or more.
const TEXT_SLICE: usize = 2_000;

/// Builds the search dictionary of `loaded` a slice at a time, yielding to the browser between
/// slices; stops early if a query built it meanwhile.
async fn prepare_text(loaded: Arc<Loaded>) {
    let started = crate::perf::now();
    let mut builder = shifo_core::query::index::TextBuilder::default();
    // The first view paints before the first slice.
    next_task(true).await;
    while !loaded.prepare_text_step(&mut builder, TEXT_SLICE) {
        // The page answers (input, scrolling, painting) between slices.
        next_task(false).await;
    }
    crate::perf::measure_since("shifo:text-index", started);
}

/// Resolves in a later task of the event loop (a zero-delay timeout), after the next paint
/// when `after_paint` (a timeout set from an animation frame runs once the frame is drawn).
async fn next_task(after_paint: bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if after_paint {
            let later = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = window().set_timeout_with_callback(&resolve);
            });
            let _ = window().request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&later));
        } else {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
