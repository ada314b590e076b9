//! What the markers mean, in words; the children's marker shows its glyph here too (colour is
//! never the only cue).

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};

/// The legend over the map.
#[component]
pub(crate) fn Legend(
    /// Whether the map now shows groups (their entry is listed only then).
    grouped: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-label=move || t_string!(i18n, legend_label)>
            <li><span class="swatch center-marker pediatric" aria-hidden="true"><span class="marker-glyph"></span></span>{t!(i18n, legend_pediatric)}</li>
            <li><span class="swatch center-marker" aria-hidden="true"></span>{t!(i18n, legend_other)}</li>
            <li><span class="swatch center-marker selected" aria-hidden="true"></span>{t!(i18n, legend_selected)}</li>
            <Show when=move || grouped.get()>
                <li><span class="swatch cluster-marker" aria-hidden="true"></span>{t!(i18n, legend_cluster)}</li>
            </Show>
        </ul>
    }
}
