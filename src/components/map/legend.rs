//! What the markers mean, in words; the children's marker shows its glyph here too (colour is
//! never the only cue). It folds: over the map's corner on wider screens it starts open; on a
//! phone it starts folded, under the map rather than over it, where it covered a third of the
//! map and the markers in that corner; on a short window (held sideways) it starts folded.

use leptos::prelude::*;

use crate::components::mobile::Mobile;
use crate::hooks::use_media_query;
use crate::i18n::{t, t_string, use_i18n};

/// The legend of the map.
#[component]
pub(crate) fn Legend(
    /// Whether the map now shows groups (their entry is listed only then).
    grouped: ReadSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mobile = Mobile::expect();
    // A short window (a phone held sideways) has no room for it open over the map either.
    let short = use_media_query("(max-height: 499.98px)");
    // Follows the layout (open on wider, taller screens) until the reader folds or unfolds it.
    let roomy = move || !mobile.narrow.get() && !short.get();
    let open = RwSignal::new(untrack(roomy));
    Effect::new(move |_| open.set(roomy()));
    let details = NodeRef::<leptos::html::Details>::new();
    view! {
        <details
            class="legend"
            node_ref=details
            prop:open=move || open.get()
            on:toggle=move |_| {
                if let Some(d) = details.get_untracked() {
                    open.set(d.open());
                }
            }
        >
            <summary>{t!(i18n, legend_summary)}</summary>
            <ul aria-label=move || t_string!(i18n, legend_label)>
                <li><span class="swatch center-marker pediatric" aria-hidden="true"><span class="marker-glyph"></span></span>{t!(i18n, legend_pediatric)}</li>
                <li><span class="swatch center-marker" aria-hidden="true"></span>{t!(i18n, legend_other)}</li>
                <li><span class="swatch center-marker selected" aria-hidden="true"></span>{t!(i18n, legend_selected)}</li>
                <Show when=move || grouped.get()>
                    <li><span class="swatch cluster-marker" aria-hidden="true"></span>{t!(i18n, legend_cluster)}</li>
                </Show>
            </ul>
        </details>
    }
}
