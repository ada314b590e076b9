//! One sort for the whole core.
//!
//! Why not the standard library's: every `sort_by` with its own element type or closure compiles
//! its own copy of it, and so does every `collect` into a `BTreeSet` or `BTreeMap`. In the app's
//! wasm that was 137 functions and 67 KB before wasm-opt (2026-12-03, measured with v0 symbol
//! names). Here the comparison reaches a merge sort over positions as `&mut dyn FnMut`, so the
//! sort exists once; each caller adds only a small step that moves its elements into place.
//!
//! The cost is a dynamic call per comparison and a final pass that moves the elements. For
//! what `filter::rank` sorts (50,000 positions by score) that is 4.7 ms against 4.4 ms for
//! `slice::sort_by`, natively (`cargo bench -p shifo-core --bench scale -- sort`). Where small
//! elements are compared in place, the standard sort is much faster (`near::by_distance`: 3.3
//! against 8 ms) and is kept.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` by `cmp`, stably: elements that compare equal keep their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order and keeps one of each run of equal elements.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// Collects pairs into a `BTreeMap` by inserting each, the last of a repeated key kept as
/// `collect` keeps it: `collect` would sort them first, with its own copy of the standard sort.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// Positions up to which runs are sorted by insertion before merging.
const RUN: usize = 16;

/// The positions `0..n` in the order `cmp` gives, stably: a bottom-up merge sort over
/// positions, with short runs sorted by insertion first.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return a;
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&a[start..mid], &a[mid..end], &mut b[start..end], cmp);
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Merges the sorted `left` and `right` into `out`, taking from `left` on ties (stability).
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    // Already in order (common for data that arrives sorted): one comparison, no merge.
    let in_order = match (left.last(), right.first()) {
        (Some(&l), Some(&r)) => cmp(l, r) != Ordering::Greater,
        _ => true,
    };
    if in_order {
        out[..left.len()].copy_from_slice(left);
        out[left.len()..].copy_from_slice(right);
        return;
    }
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = match (left.get(i), right.get(j)) {
            (Some(&l), Some(&r)) => cmp(l, r) != Ordering::Greater,
            (Some(_), None) => true,
            _ => false,
        };
        if take_left {
            *slot = left[i];
            i += 1;
        } else {
            *slot = right[j];
            j += 1;
        }
    }
}

/// Moves every element of `v` to its place, where `order[k]` is the position of the element
/// that belongs at `k`. Each swap puts one element where it belongs, so at most `n` swaps.
fn permute<T>(v: &mut [T], order: Vec<usize>) {
    // dest[i]: where the element now at i belongs.
    let mut dest = order;
    invert(&mut dest);
    for i in 0..v.len() {
        while dest[i] != i {
            let d = dest[i];
            v.swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// Turns a permutation into its inverse, in a second vector (kept out of the generic part).
fn invert(p: &mut Vec<usize>) {
    let mut inv = vec![0; p.len()];
    for (k, &src) in p.iter().enumerate() {
        inv[src] = k;
    }
    *p = inv;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each case against the order written out by hand.
    #[test]
    fn sorts_stably() {
        // (input as (key, tag), expected tags in order)
        let cases: &[(&[(i32, char)], &str)] = &[
            (&[], ""),
            (&[(1, 'a')], "a"),
            (&[(2, 'a'), (1, 'b')], "ba"),
            // Equal keys keep their input order: a before c, b before d.
            (&[(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], "bdac"),
            (&[(3, 'a'), (2, 'b'), (1, 'c'), (0, 'd')], "dcba"),
        ];
        for (input, want) in cases {
            let mut v = input.to_vec();
            sort_by_key(&mut v, |p| p.0);
            let got: String = v.iter().map(|p| p.1).collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }

    #[test]
    fn sort_dedup_keeps_one_of_each() {
        let mut v = vec!["b", "a", "b", "c", "a"];
        sort_dedup(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
    }

    proptest! {
        /// Agrees with the standard library's stable sort on every length around the run and
        /// merge boundaries, with many ties (keys 0..8) so that stability is exercised.
        #[test]
        fn agrees_with_std(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = tagged;
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
