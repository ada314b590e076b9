//! The condition vocabulary that lets search read plain words ("лейкоз", "пересадка костного
//! мозга", "ТКМ"; see `shifo_core::query::conditions`). It is the app's own file
//! (`data/conditions.json`, beside the page), not the dataset's: a site owner's dataset uses the
//! same specialty codes. It is fetched once, after the first dataset is shown, so the first
//! view waits for nothing more; until it arrives, or if it cannot be had, search reads words
//! only, as it always did.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shifo_core::query::conditions::Conditions;

use crate::data::fetch_conditions;
use crate::state::{AppState, LoadState};

/// Fetches the vocabulary once a dataset is shown, and reads every dataset shown with it
/// (one loaded later, another site's or a retry, too).
pub(crate) fn use_conditions(state: AppState) {
    let vocabulary: StoredValue<Option<Arc<Conditions>>> = StoredValue::new(None);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let LoadState::Ready(loaded) = state.load.get() else {
            return;
        };
        if let Some(v) = vocabulary.get_value() {
            if loaded.conditions.serial() != v.serial() {
                state
                    .load
                    .set(LoadState::Ready(Arc::new(loaded.with_conditions(v))));
            }
            return;
        }
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        spawn_local(async move {
            let Some(v) = fetch_conditions().await else {
                return;
            };
            let v = Arc::new(v);
            vocabulary.set_value(Some(v.clone()));
            if let LoadState::Ready(loaded) = state.load.get_untracked() {
                state
                    .load
                    .set(LoadState::Ready(Arc::new(loaded.with_conditions(v))));
            }
        });
    });
}
