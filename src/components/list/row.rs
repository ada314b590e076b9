//! One result: a button with the center's name (the part the query matched highlighted, and the
//! name in another language when that is what matched), its distance when sorting by it, city
//! and country, specialties and badges. Choosing it opens the detail; Escape on it closes it.

use std::ops::Range;

use leptos::prelude::*;
use shifo_core::geo::near::Away;
use shifo_core::query::institutions::Highlighter;
use shifo_core::ChildrenBadge;

use super::window::ROW_PX;
use crate::dom_ids;
use crate::i18n::{td_string, Locale};
use crate::locale::{away_text, children_badge_text, country_name};
use crate::state::AppState;

/// Which center a row shows, in which language, and (when windowed) where.
#[derive(Clone, PartialEq)]
pub(crate) struct Row {
    /// Index of the center in the dataset.
    pub index: usize,
    /// The center's id.
    pub id: String,
    /// The language the row is in.
    pub locale: Locale,
    /// Its place in a windowed list.
    pub pos: Option<usize>,
    /// How far it is from the home city or position, when sorting by distance.
    pub away: Option<Away>,
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>` (as text nodes: data is never
/// HTML).
fn marked(text: &str, marks: &[Range<usize>]) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push(text[at..r.start].to_string().into_any());
        }
        out.push(view! { <mark>{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    if at < text.len() {
        out.push(text[at..].to_string().into_any());
    }
    out
}

/// The center's name as shown, the query's match highlighted; and when the query matched
/// another of its names instead (another language's, another script's), that name beside it.
fn name_views(
    shown: String,
    others: Vec<(String, String)>,
    query: Memo<Highlighter>,
) -> (impl IntoView, impl IntoView) {
    let name = {
        let shown = shown.clone();
        move || query.with(|q| marked(&shown, &q.highlights(&shown)))
    };
    let other = move || {
        query.with(|q| {
            if q.is_empty() || !q.highlights(&shown).is_empty() {
                return None;
            }
            let (lang, name) = others.iter().find(|(_, n)| !q.highlights(n).is_empty())?;
            let marks = q.highlights(name);
            Some(view! {
                <span class="result-match" lang=lang.clone()>{marked(name, &marks)}</span>
            })
        })
    };
    (name, other)
}

/// One item of the result list.
#[component]
pub(crate) fn ResultRow(
    /// What the row shows.
    row: Row,
    /// What the query highlights.
    query: Memo<Highlighter>,
    /// How many results there are (a windowed row says its place among them).
    total: Signal<usize>,
) -> impl IntoView {
    let state = AppState::expect();
    let Row {
        index,
        id,
        locale,
        pos,
        away,
    } = row;
    let loaded = state.loaded_untracked()?;
    let dataset = &loaded.dataset;
    let c = dataset.centers.get(index)?;
    let lang = locale.lang();
    let shown = c.name_in(lang).to_string();
    // The other names, for when the query matched one of them and not the shown one.
    // The other names and the aliases, for when the query matched one of them.
    let others: Vec<(String, String)> = c
        .every_name()
        .map(|(l, n)| (l.to_string(), n.text.clone()))
        .chain(
            c.aliases
                .iter()
                .map(|a| (a.lang.clone().unwrap_or_default(), a.text.clone())),
        )
        .filter(|(_, n)| *n != shown)
        .collect();
    let (name, matched_other) = name_views(shown, others, query);
    let dom_id = dom_ids::center_item(&id);
    // The button's name is the center's name alone, as on its marker; place, specialties and
    // the badges are its description, so a screen reader says them after the name.
    let part = |what: &str| format!("{dom_id}-{what}");
    let (name_id, place_id, specs_id) = (part("name"), part("place"), part("specialties"));
    let labelled_by = name_id.clone();
    let mut described_by = vec![place_id.clone(), specs_id.clone()];
    let hub = dataset.hubs_hosted_by(&c.id).next().is_some().then(|| {
        described_by.push(part("hub"));
        view! { <span id=part("hub") class="badge hub-badge">{td_string!(locale, badge_hub)}</span> }
    });
    // What children get of the specialties chosen, following the choice ("treats children"
    // alone would read as a yes for each of them).
    let pediatric = c.treats_children().then(|| {
        described_by.push(part("badge"));
        children_badge(state, index, locale, part("badge"))
    });
    // Why it matched a condition typed in plain words ("bone-marrow transplant: Allogeneic
    // bone-marrow transplant"), following the query and the vocabulary's arrival.
    let why_id = part("why");
    described_by.push(why_id.clone());
    let why = move || why_matched(state, index, locale);
    let distance = away.map(|away| {
        view! { <span class="result-distance">{away_text(locale, away)}</span>" · " }
    });
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .view
                .with(|v| v.center.as_deref() == Some(id.as_str()))
        })
    };
    Some(view! {
        <li
            id=dom_id.clone()
            class="result"
            class:selected=is_selected
            // Through the CSSOM, not a style attribute, which a strict CSP refuses.
            style:top=pos.map(|p| format!("{}px", p * ROW_PX))
            aria-posinset=pos.map(|p| (p + 1).to_string())
            aria-setsize=pos.map(|_| total.get().to_string())
        >
            <button
                type="button"
                aria-current=move || is_selected.get().then_some("true")
                aria-labelledby=labelled_by
                aria-describedby=described_by.join(" ")
                on:click=move |_| state.select(Some(id.clone()))
                on:keydown=move |ev| on_item_key(&ev, state, is_selected.get_untracked())
            >
                <span id=name_id class="result-name">{name}</span>
            </button>
            {matched_other}
            <span id=place_id class="result-place">{distance}<bdi>{c.city_in(lang).to_string()}</bdi>", "{country_name(locale, c.country)}</span>
            <span id=specs_id class="result-specialties">{dataset.specialty_list(c, lang)}</span>
            <span id=why_id class="result-why">{why}</span>
            <span class="badges">{pediatric}{hub}</span>
        </li>
    })
}

/// The children's badge of center `index`, following the specialties chosen ("treats
/// children" alone would read as a yes for each of them): dashed where no source says
/// children get what was chosen.
fn children_badge(state: AppState, index: usize, locale: Locale, id: String) -> impl IntoView {
    let badge = move || {
        let loaded = state.loaded()?;
        let c = loaded.dataset.centers.get(index)?;
        state.view.with(|v| {
            let badge = c.children_badge(&v.filter.specialties);
            let unknown = matches!(badge, ChildrenBadge::NotStated(_));
            children_badge_text(locale, &badge, &loaded.dataset).map(|t| (t, unknown))
        })
    };
    let text = move || badge().map(|(t, _)| t);
    let unknown = move || badge().is_some_and(|(_, u)| u);
    view! { <span id=id class="badge" class:unknown=unknown>{text}</span> }
}

/// Keys on an item whose detail is open: Escape closes it (focus stays on the item); Tab goes
/// to it, one press away rather than past the rest of the list (Escape there comes back here).
fn on_item_key(ev: &web_sys::KeyboardEvent, state: AppState, selected: bool) {
    if !selected {
        return;
    }
    match (ev.key().as_str(), ev.shift_key()) {
        ("Escape", _) => state.select(None),
        ("Tab", false)
            if document()
                .get_element_by_id(dom_ids::DETAIL_HEADING)
                .is_some() =>
        {
            ev.prevent_default();
            crate::focus::focus_id(dom_ids::DETAIL_HEADING);
        }
        _ => {}
    }
}

/// The conditions of the query the center answers, each with its specialties that do, in
/// words: "leukemia: Oncohematology, Hematology (planned)".
fn why_matched(state: AppState, index: usize, locale: Locale) -> Option<String> {
    let loaded = state.loaded()?;
    let text = state.view.with(|v| v.filter.text.clone());
    let lang = locale.lang();
    let c = loaded.dataset.centers.get(index)?;
    let lines: Vec<String> = loaded
        .reasons(index, &text)
        .into_iter()
        .map(|r| {
            let codes: Vec<String> = r
                .codes
                .iter()
                .map(|code| {
                    let label = loaded.dataset.specialty_label(code, lang).to_string();
                    let mut marks = Vec::new();
                    if r.children {
                        marks.push(match c.children_get(code) {
                            Some(true) => td_string!(locale, care_children).to_string(),
                            _ => td_string!(locale, care_children_not_stated).to_string(),
                        });
                    }
                    if c.plans(code) {
                        marks.push(td_string!(locale, care_planned).to_string());
                    }
                    if marks.is_empty() {
                        label
                    } else {
                        format!("{label} ({})", marks.join(", "))
                    }
                })
                .collect();
            format!(
                "{}: {}",
                loaded.conditions.label(r.condition, lang),
                codes.join(", ")
            )
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("; "))
}

/// The row for position `pos` of the list, given the filtered centers and, when sorting by
/// distance, the same centers nearest first.
pub(crate) fn row_at(
    pos: usize,
    plain: &[usize],
    near: Option<&Vec<(usize, f64)>>,
    windowed: bool,
    locale: Locale,
) -> Option<Row> {
    let state = AppState::expect();
    let loaded = state.loaded_untracked()?;
    let (index, km) = match near {
        Some(near) => near.get(pos).map(|&(i, km)| (i, Some(km)))?,
        None => (*plain.get(pos)?, None),
    };
    let c = loaded.dataset.centers.get(index)?;
    Some(Row {
        index,
        id: c.id.clone(),
        locale,
        pos: windowed.then_some(pos),
        away: km.map(|km| Away::of(c, km, state.home_city_untracked())),
    })
}
