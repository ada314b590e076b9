//! The region's cooperation as the map shows it: events in date order and the memoranda
//! between centers as lines, following the filters.

use foldhash::HashMap;
use std::cmp::Ordering;

use crate::dataset::model::{Dataset, Event};

/// A partnership drawn as a line: both of its centers are among those shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Index into `dataset.partnerships`.
    pub partnership: usize,
    /// Index into `dataset.centers` of the first party.
    pub a: usize,
    /// Index into `dataset.centers` of the second party.
    pub b: usize,
}

/// Where an event stands against today's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Its last day is before today.
    Past,
    /// Today falls within its days.
    Now,
    /// It starts after today.
    Upcoming,
    /// The source gives no date (or no year).
    Undated,
    /// The source gives only the year or month, and today is in it: the days are not yet
    /// announced (saying "taking place now" would send a family to an event not yet set).
    Unannounced,
}

/// A date of the dataset's forms as the last day it can mean, for ordering: "2026" sorts after
/// "2026-02-18", which it may come after ("2026-13" and "-32" only ever compare).
fn period_end(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-13-32"),
        7 => format!("{date}-32"),
        _ => date.to_string(),
    }
}

/// Compares two dates of the dataset's forms (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) on their common
/// precision: "2025-10" and "2025-10-13" compare equal, since either may be the other.
fn compare_dates(a: &str, b: &str) -> Ordering {
    let n = a.len().min(b.len());
    a.get(..n).unwrap_or(a).cmp(b.get(..n).unwrap_or(b))
}

impl Event {
    /// Where the event stands against `today` (`YYYY-MM-DD`).
    pub fn when(&self, today: &str) -> When {
        let Some(start) = self.start.as_deref() else {
            return When::Undated;
        };
        let end = self.end.as_deref().unwrap_or(start);
        if self.end.is_none() && start.len() < 10 && compare_dates(start, today) == Ordering::Equal
        {
            return When::Unannounced;
        }
        if compare_dates(end, today) == Ordering::Less {
            When::Past
        } else if compare_dates(start, today) == Ordering::Greater {
            When::Upcoming
        } else {
            When::Now
        }
    }
}

/// The lines of `ends` whose two centers are both in `shown`: one pass over `shown`, looking
/// only for the few ends there are.
pub fn lines_among(ends: &[Line], shown: &[usize]) -> Vec<Line> {
    if ends.is_empty() {
        return Vec::new();
    }
    let mut wanted: Vec<usize> = ends.iter().flat_map(|l| [l.a, l.b]).collect();
    crate::sort::sort_dedup(&mut wanted);
    let mut present = vec![false; wanted.len()];
    for i in shown {
        if let Ok(k) = wanted.binary_search(i) {
            present[k] = true;
        }
    }
    let is_shown = |i: usize| wanted.binary_search(&i).is_ok_and(|k| present[k]);
    ends.iter()
        .copied()
        .filter(|l| is_shown(l.a) && is_shown(l.b))
        .collect()
}

impl Dataset {
    /// The events by first day, earliest first, a year or month alone counting as its end;
    /// those without a date last, in dataset order.
    pub fn events_by_date(&self) -> Vec<&Event> {
        let mut out: Vec<&Event> = self.events.iter().collect();
        // Stable: equal and undated events keep the dataset's order.
        crate::sort::sort_by(&mut out, |x, y| match (&x.start, &y.start) {
            (Some(a), Some(b)) => period_end(a).cmp(&period_end(b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        out
    }

    /// The partnerships whose two centers are both in `shown` (indices into `centers`): a line
    /// to a center the filters hide would end at no marker.
    pub fn partnership_lines(&self, shown: &[usize]) -> Vec<Line> {
        lines_among(&self.partnership_ends(), shown)
    }

    /// Every partnership between two distinct centers of the dataset, with their indices:
    /// computed once per dataset, then narrowed to the centers shown by [`lines_among`].
    pub fn partnership_ends(&self) -> Vec<Line> {
        if self.partnerships.is_empty() {
            return Vec::new();
        }
        // The parties' indices in one pass over the centers (a registry may have many
        // memoranda and tens of thousands of centers; the first center with an id wins, as
        // in `center_index`).
        let mut index: HashMap<&str, usize> = self
            .partnerships
            .iter()
            .flat_map(|p| [p.a.as_str(), p.b.as_str()])
            .map(|id| (id, usize::MAX))
            .collect();
        for (i, c) in self.centers.iter().enumerate() {
            if let Some(slot) = index.get_mut(c.id.as_str()) {
                if *slot == usize::MAX {
                    *slot = i;
                }
            }
        }
        let find = |id: &str| index.get(id).copied().filter(|&i| i != usize::MAX);
        self.partnerships
            .iter()
            .enumerate()
            .filter_map(|(partnership, p)| {
                let (a, b) = (find(&p.a)?, find(&p.b)?);
                (a != b).then_some(Line { partnership, a, b })
            })
            .collect()
    }

    /// The partnerships a center is party to, with the other party's id.
    pub fn partners_of<'a>(
        &'a self,
        center_id: &'a str,
    ) -> impl Iterator<Item = (&'a crate::dataset::model::Partnership, &'a str)> + 'a {
        self.partnerships.iter().filter_map(move |p| {
            if p.a == center_id {
                Some((p, p.b.as_str()))
            } else if p.b == center_id {
                Some((p, p.a.as_str()))
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::model::{Partnership, Texts};

    fn event(id: &str, start: Option<&str>, end: Option<&str>) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            titles: Default::default(),
            start: start.map(Into::into),
            end: end.map(Into::into),
            cities: vec![],
            centers: vec![],
            sources: vec![],
            ..Default::default()
        }
    }

    fn bundled() -> Dataset {
        let text = include_str!("../../public/data/centers.json");
        std::sync::Arc::unwrap_or_clone(Dataset::load(text).expect("bundled dataset loads").dataset)
    }

    #[test]
    fn when_against_today() {
        // (start, end, today, expected): the dataset's date forms, checked day by day.
        let table = [
            (
                Some("2025-10-13"),
                Some("2025-10-17"),
                "2025-10-12",
                When::Upcoming,
            ),
            (
                Some("2025-10-13"),
                Some("2025-10-17"),
                "2025-10-13",
                When::Now,
            ),
            (
                Some("2025-10-13"),
                Some("2025-10-17"),
                "2025-10-17",
                When::Now,
            ),
            (
                Some("2025-10-13"),
                Some("2025-10-17"),
                "2025-10-18",
                When::Past,
            ),
            (Some("2026-02-18"), None, "2026-02-18", When::Now),
            (Some("2026-02-18"), None, "2026-11-22", When::Past),
            // A month or a year alone that holds today: its days are not yet announced (the
            // review's "Uzbek Medicine Days in Kazakhstan (agreed)", dated "2026", was said to
            // be taking place now).
            (Some("2025-10"), None, "2025-10-30", When::Unannounced),
            (Some("2026"), None, "2026-12-07", When::Unannounced),
            (Some("2025-10"), None, "2025-11-01", When::Past),
            (Some("2025"), None, "2026-01-01", When::Past),
            (Some("2027"), None, "2026-11-22", When::Upcoming),
            // With an end, the days are set: "now" within them.
            (Some("2025-10"), Some("2025-10-20"), "2025-10-15", When::Now),
            (None, None, "2026-11-22", When::Undated),
        ];
        for (start, end, today, want) in table {
            assert_eq!(
                event("e", start, end).when(today),
                want,
                "{start:?}..{end:?} on {today}"
            );
        }
    }

    #[test]
    fn events_sorted_by_date_undated_last() {
        let mut d = bundled();
        d.events = vec![
            event("undated-1", None, None),
            event("late", Some("2026-02-18"), None),
            event("early", Some("2025-10-13"), Some("2025-10-17")),
            event("undated-2", None, None),
            event("month", Some("2025-11"), None),
            event("year", Some("2026"), None),
            event("same-month", Some("2025-11-30"), None),
        ];
        let order: Vec<&str> = d.events_by_date().iter().map(|e| e.id.as_str()).collect();
        // A month or a year alone counts as its end: after the days it may hold.
        assert_eq!(
            order,
            [
                "early",
                "same-month",
                "month",
                "late",
                "year",
                "undated-1",
                "undated-2"
            ]
        );
    }

    #[test]
    fn bundled_events_in_order() {
        // The bundled dataset's dated events, by first day (public/data/centers.json), then
        // those whose sources give no date, the Tajikistan Medicine Days among them.
        let d = bundled();
        let ids: Vec<&str> = d.events_by_date().iter().map(|e| e.id.as_str()).collect();
        let first_undated = d.events_by_date().iter().position(|e| e.start.is_none());
        let undated = first_undated.map_or(&[][..], |i| &ids[i..]);
        let dated: Vec<&str> = d
            .events_by_date()
            .iter()
            .filter_map(|e| e.start.as_deref())
            .collect();
        // Ordered by each date's last day ("2026" as 2026-12-31).
        let last_day = |d: &str| match d.len() {
            4 => format!("{d}-12-31"),
            7 => format!("{d}-31"),
            _ => d.to_string(),
        };
        let mut sorted = dated.clone();
        sorted.sort_by_key(|d| last_day(d));
        assert_eq!(dated, sorted);
        assert!(
            undated.contains(&"kazakh-medicine-days-tajikistan"),
            "{ids:?}"
        );
        assert_eq!(
            dated.len() + undated.len(),
            ids.len(),
            "undated events come last"
        );
        assert_eq!(ids.len(), d.events.len());
    }

    #[test]
    fn lines_follow_the_shown_centers() {
        let d = bundled();
        let all: Vec<usize> = (0..d.centers.len()).collect();
        let lines = d.partnership_lines(&all);
        // Both bundled memoranda join two centers of the dataset.
        assert_eq!(lines.len(), d.partnerships.len());
        for l in &lines {
            let p = &d.partnerships[l.partnership];
            assert_eq!(d.centers[l.a].id, p.a);
            assert_eq!(d.centers[l.b].id, p.b);
        }
        // Hiding one party of the first memorandum hides its line only.
        let hidden = lines[0].a;
        let shown: Vec<usize> = all.iter().copied().filter(|&i| i != hidden).collect();
        let after = d.partnership_lines(&shown);
        assert_eq!(after.len(), lines.len() - 1);
        assert!(after.iter().all(|l| l.a != hidden && l.b != hidden));
        assert!(d.partnership_lines(&[]).is_empty());
    }

    #[test]
    fn lines_skip_unknown_and_self_partnerships() {
        let mut d = bundled();
        let first = d.centers[0].id.clone();
        d.partnerships = vec![
            Partnership {
                a: first.clone(),
                b: "no-such-center".into(),
                date: None,
                occasion: Texts::new(),
                scope: Texts::new(),
                sources: vec![],
            },
            Partnership {
                a: first.clone(),
                b: first.clone(),
                date: None,
                occasion: Texts::new(),
                scope: Texts::new(),
                sources: vec![],
            },
        ];
        let all: Vec<usize> = (0..d.centers.len()).collect();
        assert!(d.partnership_lines(&all).is_empty());
        assert_eq!(d.partners_of(&first).count(), 2);
    }
}
