//! The dataset's texts in the reader's language, fetched on demand: the dataset file holds
//! names and originals, and `translations/<lang>.json` beside it one language's translations
//! (see `shifo_core::dataset::translations`), for the languages its `translations` lists. A
//! reader downloads only their own language's, once the dataset is shown (the map and list
//! need only names, which the dataset has); switching language fetches the next one. Without
//! the file (a failed fetch, a dataset that lists none) the texts stay as the dataset has
//! them: English, and originals marked with their language.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::dataset::translations::Translations;
use shifo_core::{Lang, Loaded};

use crate::data::fetch_translations;
use crate::state::{AppState, LoadState};

/// Which dataset the texts are for and which languages were asked for.
#[derive(Clone, Copy)]
pub(crate) struct DatasetTexts {
    /// The dataset being loaded or shown (its URL), numbered so that a late answer for an
    /// earlier load (a retry of the same URL) is told apart.
    source: RwSignal<Option<(u32, String)>>,
    /// Languages fetched (or being fetched) for `source`.
    asked: StoredValue<Vec<Lang>>,
    /// Languages whose fetch for `source` is over, its texts in place or not to be had.
    done: RwSignal<Vec<Lang>>,
}

impl DatasetTexts {
    /// Nothing asked yet.
    pub fn new() -> DatasetTexts {
        DatasetTexts {
            source: RwSignal::new(None),
            asked: StoredValue::new(Vec::new()),
            done: RwSignal::new(Vec::new()),
        }
    }

    /// A load of the dataset at `url` begins: what was asked for the previous one is forgotten.
    pub fn begin(&self, url: &str) {
        let number = self
            .source
            .with_untracked(|s| s.as_ref().map_or(0, |s| s.0 + 1));
        self.asked.set_value(Vec::new());
        self.done.set(Vec::new());
        self.source.set(Some((number, url.to_string())));
    }

    /// Fetches `lang`'s translations of the dataset shown, once per load, if it lists them.
    fn want(&self, state: AppState, loaded: &Loaded, lang: Lang) {
        let Some((number, url)) = self.source.get_untracked() else {
            return;
        };
        let Some(at) = translations_at(&url, loaded, lang) else {
            return;
        };
        if self.asked.with_value(|a| a.contains(&lang)) {
            return;
        }
        self.asked.update_value(|a| a.push(lang));
        let this = *self;
        spawn_local(async move {
            if let Some(pack) = fetch_translations(&at, lang).await {
                this.arrived(state, number, pack);
            }
            if this.source.with_untracked(|s| s.as_ref().map(|s| s.0)) == Some(number) {
                this.done.update(|d| d.push(lang));
            }
        });
    }

    /// Whether `loaded` is shown with the texts it will have in `lang`: its translations are
    /// in place, or there are none to fetch, or their fetch failed (tracked).
    pub fn settled(&self, loaded: &Loaded, lang: Lang) -> bool {
        let url = self.source.with(|s| s.as_ref().map(|s| s.1.clone()));
        let needed = url.is_some_and(|url| translations_at(&url, loaded, lang).is_some());
        !needed || self.done.with(|d| d.contains(&lang))
    }

    /// Puts a language's translations in place, unless another load began meanwhile.
    fn arrived(&self, state: AppState, number: u32, pack: Translations) {
        if self.source.with_untracked(|s| s.as_ref().map(|s| s.0)) != Some(number) {
            return;
        }
        if let LoadState::Ready(d) = state.load.get_untracked() {
            let translated = Arc::new(d.with_translations(&pack));
            state.load.set(LoadState::Ready(translated));
        }
    }
}

/// Where `lang`'s translations of the dataset at `url` are, if it has any to fetch.
fn translations_at(url: &str, loaded: &Loaded, lang: Lang) -> Option<String> {
    let listed = loaded.dataset.translations.iter().any(|c| c == lang.code());
    Translations::url_beside(url, lang).filter(|_| listed)
}

/// Keeps the dataset's texts in the language shown: fetches its translations once the
/// dataset is shown, and each time the reader switches to a language not yet fetched.
pub(crate) fn use_dataset_translations(state: AppState, lang: impl Fn() -> Lang + 'static) {
    let texts = state.texts;
    Effect::new(move |_| {
        let lang = lang();
        if let Some(loaded) = state.loaded() {
            texts.want(state, &loaded, lang);
        }
    });
}
