//! Grid clustering of the filtered centers for the current map view, recomputed on every zoom,
//! pan and filter change.
//!
//! Why not the `supercluster` crate: its index covers a fixed set of points, so every filter
//! change would rebuild it, which takes 350-490 ms at 50,000 centers (`cargo bench -p
//! shifo-core --bench scale`). Binning only the filtered centers inside the view into
//! screen-sized cells costs one pass over them. Positions are projected once, when the
//! dataset loads, so a pass is a multiply and a hash per center.

use std::collections::HashMap;

use crate::geo::bounds::{Bounds, LatLon, PixelOffset};

/// Web Mercator position of a point at zoom 0, in tile units (0..1 on each axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mercator {
    /// 0 at 180° W, 1 at 180° E.
    pub x: f64,
    /// 0 at the north edge (85.05° N), 1 at the south edge.
    pub y: f64,
}

impl Mercator {
    /// Projects a latitude and longitude (EPSG:3857, as Leaflet's default CRS).
    pub fn project(LatLon { lat, lon }: LatLon) -> Mercator {
        let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
        Mercator {
            x: (lon + 180.0) / 360.0,
            y: (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0,
        }
    }
}

/// A point of the world map in screen pixels at some zoom (Leaflet's 256-pixel tiles, origin at
/// the north-west corner of the world).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldPixel {
    /// Pixels from the world's western edge.
    pub x: f64,
    /// Pixels from the world's northern edge.
    pub y: f64,
}

impl WorldPixel {
    /// The straight-line distance to `other`, in pixels.
    pub fn distance(&self, other: WorldPixel) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// The larger of the horizontal and vertical distances to `other`: two square icons
    /// centred on the points overlap exactly when this is under their mean width.
    pub fn box_distance(&self, other: WorldPixel) -> f64 {
        (self.x - other.x).abs().max((self.y - other.y).abs())
    }
}

/// One icon on the map: a single center, or several that fall in one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Where its icon stands: the mean position of its members, or (few centers in view, see
    /// [`layout`]) the member that leads the group.
    pub at: LatLon,
    /// How many centers it holds.
    pub count: usize,
    /// The box around its members: zooming to it splits the cluster.
    pub bounds: Bounds,
    /// The first member (its index in the dataset); the center itself when `count == 1`.
    pub first: usize,
}

impl Cluster {
    /// The cluster of one center (`first`, its index) at `at`.
    pub fn of_one(first: usize, at: LatLon) -> Cluster {
        Cluster {
            at,
            count: 1,
            bounds: Bounds::point(at),
            first,
        }
    }

    /// Its position in screen pixels at `zoom` (Leaflet's 256-pixel tiles, world origin).
    pub fn pixels(&self, zoom: f64) -> WorldPixel {
        let m = Mercator::project(self.at);
        let scale = 256.0 * zoom.exp2();
        WorldPixel {
            x: m.x * scale,
            y: m.y * scale,
        }
    }
}

/// One thing the map draws: a group of centers too close to tell apart, or one center.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Several centers in one cell: an icon with their count; choosing it zooms to `bounds`.
    Group(Cluster),
    /// One center (its index in the dataset), its icon shifted on the screen when it shares
    /// its exact point with others.
    Single {
        /// Index into the dataset's centers.
        index: usize,
        /// Where the icon sits off its point.
        offset: PixelOffset,
    },
}

/// Up to this many centers in view, each is its own candidate icon, and only those whose icons
/// would overlap are grouped; above it, centers are first binned into screen cells, as
/// Leaflet.markercluster does, so a pass stays cheap at any size.
pub const EACH_UP_TO: usize = 150;

/// From this zoom on, nothing is grouped (the cells would be a few metres wide anyway, and
/// centers sharing one address can only be told apart by spreading them).
pub const NO_GROUPS_FROM_ZOOM: f64 = 16.0;

/// Icons whose centres are closer than this horizontally and vertically, in screen pixels,
/// could overlap: they are grouped. Icons are squares (rounded only by style, which does not
/// change what a tap hits): a group's is 36 px wide (42 from 100 centers, which two groups of
/// at most [`EACH_UP_TO`] cannot both reach), a center's 24, so 40 leaves a gap. It also keeps
/// every tappable icon at least 24 px from the next, the least WCAG 2.2 (2.5.8) allows.
pub const APART_PX: f64 = 40.0;

/// What to draw for the centers `ids` (indices into `points` and `projected`) in `view` at
/// `zoom`: each center on its own where its icon overlaps no other, the rest in groups with
/// their counts, no two icons closer than [`APART_PX`] (many centers are first binned into
/// cells of `cell_px` screen pixels); from [`NO_GROUPS_FROM_ZOOM`] on, every center on its
/// own, those sharing a point spread on a ring. The `selected` center is always drawn on its
/// own (if it is in `ids` and in view), so that it can be highlighted, shifted off its point
/// when another icon stands there.
///
/// ```
/// use shifo_core::geo::bounds::{Bounds, LatLon};
/// use shifo_core::geo::cluster::{layout, Mark, Mercator};
/// // Two centers in Almaty 2 km apart and one in Tashkent, seen at the region's zoom.
/// let points = [LatLon::new(43.24, 76.89), LatLon::new(43.25, 76.91), LatLon::new(41.30, 69.24)];
/// let projected: Vec<Mercator> = points.iter().map(|&p| Mercator::project(p)).collect();
/// let view = Bounds { south: 35.0, west: 46.0, north: 56.0, east: 88.0 };
/// let marks = layout(&points, &projected, &[0, 1, 2], 5.0, view, 64.0, None);
/// assert!(matches!(&marks[0], Mark::Group(g) if g.count == 2));
/// assert!(matches!(marks[1], Mark::Single { index: 2, .. }));
/// ```
pub fn layout(
    points: &[LatLon],
    projected: &[Mercator],
    ids: &[usize],
    zoom: f64,
    view: Bounds,
    cell_px: f64,
    selected: Option<usize>,
) -> Vec<Mark> {
    let in_view: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&i| points.get(i).is_some_and(|&p| view.contains(p)))
        .collect();
    if zoom >= NO_GROUPS_FROM_ZOOM {
        let at: Vec<LatLon> = in_view.iter().map(|&i| points[i]).collect();
        return in_view
            .iter()
            .zip(crate::geo::bounds::spread(&at))
            .map(|(&index, offset)| Mark::Single { index, offset })
            .collect();
    }
    let rest: Vec<usize> = in_view
        .iter()
        .copied()
        .filter(|&i| Some(i) != selected)
        .collect();
    let clusters = if rest.len() <= EACH_UP_TO {
        around_leaders(points, &rest, zoom, APART_PX)
    } else {
        let cells = grid(points, projected, &rest, zoom, view, cell_px);
        merge_close(cells, zoom, (cell_px * MERGE_WITHIN).max(APART_PX))
    };
    let mut marks: Vec<Mark> = clusters
        .into_iter()
        .map(|c| match c.count {
            1 => Mark::Single {
                index: c.first,
                offset: PixelOffset::ZERO,
            },
            _ => Mark::Group(c),
        })
        .collect();
    if let Some(s) = selected.filter(|s| in_view.contains(s)) {
        let offset = clear_of(points, &marks, points[s], zoom);
        marks.push(Mark::Single { index: s, offset });
    }
    marks
}

/// Groups the centers `ids` around leaders, no two closer than `apart_px` at `zoom` (as
/// [`WorldPixel::box_distance`] measures): the center with the most others that close leads
/// first and takes those not yet taken, then the
/// next, and so on; a group is drawn at its leader. Unlike merging every close pair (which
/// chains a valley of towns 30 px apart into one group of 45), no group reaches further than
/// `apart_px` from its icon. Quadratic in `ids`, which is why only up to [`EACH_UP_TO`]. Output
/// is in the order of first members, like [`grid`]'s.
fn around_leaders(points: &[LatLon], ids: &[usize], zoom: f64, apart_px: f64) -> Vec<Cluster> {
    let px: Vec<WorldPixel> = ids
        .iter()
        .map(|&i| Cluster::of_one(i, points[i]).pixels(zoom))
        .collect();
    let near = |a: usize, b: usize| px[a].box_distance(px[b]) < apart_px;
    let crowd: Vec<usize> = (0..ids.len())
        .map(|a| (0..ids.len()).filter(|&b| near(a, b)).count())
        .collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&a| (std::cmp::Reverse(crowd[a]), ids[a]));
    let mut taken = vec![false; ids.len()];
    let mut out: Vec<Cluster> = Vec::new();
    for leader in order {
        if taken[leader] {
            continue;
        }
        let mut group = Cluster::of_one(ids[leader], points[ids[leader]]);
        for b in 0..ids.len() {
            if !taken[b] && near(leader, b) {
                taken[b] = true;
                if b != leader {
                    group.count += 1;
                    group.first = group.first.min(ids[b]);
                    group.bounds = group
                        .bounds
                        .union(&Cluster::of_one(0, points[ids[b]]).bounds);
                }
            }
        }
        out.push(group);
    }
    out.sort_by_key(|c| c.first);
    out
}

/// Where the selected center's icon goes: on its point when no other icon is within
/// [`APART_PX`] of it (as [`WorldPixel::box_distance`] measures), else that far off it, in the
/// one of eight directions that leaves it farthest from the others (it is drawn above them, so
/// a tap still finds it).
fn clear_of(points: &[LatLon], marks: &[Mark], at: LatLon, zoom: f64) -> PixelOffset {
    let px = |p: LatLon| Cluster::of_one(0, p).pixels(zoom);
    let others: Vec<WorldPixel> = marks
        .iter()
        .map(|m| match *m {
            Mark::Single { index, .. } => px(points[index]),
            Mark::Group(ref c) => c.pixels(zoom),
        })
        .collect();
    let origin = px(at);
    let nearest = |dx: f64, dy: f64| {
        let p = WorldPixel {
            x: origin.x + dx,
            y: origin.y + dy,
        };
        others
            .iter()
            .map(|o| o.box_distance(p))
            .fold(f64::INFINITY, f64::min)
    };
    if nearest(0.0, 0.0) >= APART_PX {
        return PixelOffset::ZERO;
    }
    // Straight up first (the popup opens above its icon), then round the clock.
    const AROUND: [(f64, f64); 8] = [
        (0.0, -1.0),
        (1.0, -1.0),
        (1.0, 0.0),
        (1.0, 1.0),
        (0.0, 1.0),
        (-1.0, 1.0),
        (-1.0, 0.0),
        (-1.0, -1.0),
    ];
    AROUND
        .iter()
        .map(|&(x, y)| PixelOffset {
            dx: APART_PX * x,
            dy: APART_PX * y,
        })
        .fold((PixelOffset::ZERO, f64::NEG_INFINITY), |best, o| {
            let d = nearest(o.dx, o.dy);
            if d > best.1 + 1e-9 {
                (o, d)
            } else {
                best
            }
        })
        .0
}

/// Neighbouring cells whose icons lie closer than this share of a cell are merged: icons
/// sitting on either side of a cell border would otherwise overlap (at 64 px cells, 51 px
/// keeps even the widest, 50 px, icons apart).
const MERGE_WITHIN: f64 = 0.8;

/// Merges clusters whose positions at `zoom` are less than `min_px` screen pixels apart (as
/// [`WorldPixel::box_distance`] measures: square icons that wide never overlap; a chain of
/// close ones becomes one), until no two are that close, keeping counts, boxes and
/// mean positions exact. Output is in the order of first members, like [`grid`]'s.
pub fn merge_close(mut clusters: Vec<Cluster>, zoom: f64, min_px: f64) -> Vec<Cluster> {
    // A merged mean can land near another icon: repeat until a pass merges nothing (each pass
    // that does removes at least one cluster, so this ends).
    loop {
        let before = clusters.len();
        clusters = merge_pass(clusters, zoom, min_px);
        if clusters.len() == before {
            return clusters;
        }
    }
}

/// One sweep of [`merge_close`].
fn merge_pass(clusters: Vec<Cluster>, zoom: f64, min_px: f64) -> Vec<Cluster> {
    let n = clusters.len();
    let px: Vec<WorldPixel> = clusters.iter().map(|c| c.pixels(zoom)).collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Sweep along x: only neighbours within `min_px` horizontally can be close.
    let mut by_x: Vec<usize> = (0..n).collect();
    crate::sort::sort_by(&mut by_x, |&a, &b| px[a].x.total_cmp(&px[b].x));
    for (k, &a) in by_x.iter().enumerate() {
        for &b in &by_x[k + 1..] {
            if px[b].x - px[a].x >= min_px {
                break;
            }
            if px[b].box_distance(px[a]) < min_px {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    // Every root has a smaller index than its members, so it is met (and kept) first.
    let mut out: Vec<Cluster> = Vec::with_capacity(n);
    let mut slot = vec![usize::MAX; n];
    let mut sums: Vec<Sum> = Vec::with_capacity(n);
    for (i, c) in clusters.into_iter().enumerate() {
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = out.len();
            sums.push(Sum::of(c.at, c.count));
            out.push(c);
            continue;
        }
        let k = slot[r];
        let m = &mut out[k];
        m.count += c.count;
        m.first = m.first.min(c.first);
        m.bounds = m.bounds.union(&c.bounds);
        sums[k].add(c.at, c.count);
    }
    for (c, sum) in out.iter_mut().zip(sums) {
        c.at = sum.mean(c.count, &c.bounds);
    }
    // First members are distinct: an unstable sort gives the one order.
    crate::sort::sort_by_key(&mut out, |c| c.first);
    out
}

/// The most cells a view is binned into through a flat table; a larger grid (a caller passing
/// the whole world at a high zoom) falls back to a hash map.
const MAX_TABLE_CELLS: f64 = 1_048_576.0;

/// Groups the centers `ids` (indices into `points`, as latitude and longitude, with their
/// projections in `projected`) that lie in `view` into cells of `cell_px` screen pixels at
/// `zoom` (Leaflet's 256-pixel tiles). Cells are fixed on the world's pixel grid, so panning
/// does not regroup what stays in view. Clusters come out in the order of their first member.
pub fn grid(
    points: &[LatLon],
    projected: &[Mercator],
    ids: &[usize],
    zoom: f64,
    view: Bounds,
    cell_px: f64,
) -> Vec<Cluster> {
    grid_with(points, projected, ids, zoom, view, cell_px, MAX_TABLE_CELLS)
}

/// [`grid`] with the flat table limited to `max_cells` (tests compare both paths).
fn grid_with(
    points: &[LatLon],
    projected: &[Mercator],
    ids: &[usize],
    zoom: f64,
    view: Bounds,
    cell_px: f64,
    max_cells: f64,
) -> Vec<Cluster> {
    let scale = 256.0 * zoom.exp2() / cell_px.max(1.0);
    let nw = Mercator::project(LatLon::new(view.north, view.west));
    let se = Mercator::project(LatLon::new(view.south, view.east));
    let (x0, y0) = ((nw.x * scale).floor(), (nw.y * scale).floor());
    let (cols, rows) = (
        (se.x * scale).floor() - x0 + 1.0,
        (se.y * scale).floor() - y0 + 1.0,
    );
    // A flat table of cells over the view: one multiply and an array access per center.
    let mut table = if cols > 0.0 && rows > 0.0 && cols * rows <= max_cells {
        Some((
            vec![u32::MAX; (cols * rows) as usize],
            cols as usize,
            rows as usize,
        ))
    } else {
        None
    };
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    let mut out: Vec<Cluster> = Vec::new();
    let mut sums: Vec<Sum> = Vec::new();
    for &i in ids {
        let (Some(&at), Some(m)) = (points.get(i), projected.get(i)) else {
            continue;
        };
        if !view.contains(at) {
            continue;
        }
        let (cx, cy) = ((m.x * scale).floor(), (m.y * scale).floor());
        let slot: Option<usize> = match &mut table {
            Some((t, w, h)) => {
                let (col, row) = ((cx - x0) as usize, (cy - y0) as usize);
                // Rounding at the view's edge can put a point one cell out: clamp it in.
                let k = row.min(*h - 1) * *w + col.min(*w - 1);
                match t[k] {
                    u32::MAX => {
                        t[k] = out.len() as u32;
                        None
                    }
                    at => Some(at as usize),
                }
            }
            None => {
                let key = (cx as i64, cy as i64);
                match cells.get(&key) {
                    Some(&at) => Some(at),
                    None => {
                        cells.insert(key, out.len());
                        None
                    }
                }
            }
        };
        match slot {
            Some(k) => {
                let c = &mut out[k];
                c.count += 1;
                c.bounds = c.bounds.union(&Bounds::point(at));
                sums[k].add(at, 1);
            }
            None => {
                out.push(Cluster {
                    at,
                    count: 1,
                    bounds: Bounds::point(at),
                    first: i,
                });
                sums.push(Sum::of(at, 1));
            }
        }
    }
    for (c, sum) in out.iter_mut().zip(sums) {
        c.at = sum.mean(c.count, &c.bounds);
    }
    out
}

/// The running sum of a cluster's member positions, for their mean.
struct Sum {
    lat: f64,
    lon: f64,
}

impl Sum {
    /// The sum of `count` members at `at`.
    fn of(at: LatLon, count: usize) -> Sum {
        let w = count as f64;
        Sum {
            lat: at.lat * w,
            lon: at.lon * w,
        }
    }

    /// Adds `count` members at `at`.
    fn add(&mut self, at: LatLon, count: usize) {
        let w = count as f64;
        self.lat += at.lat * w;
        self.lon += at.lon * w;
    }

    /// The mean of `count` members, kept inside their box: the mean of equal values can drift
    /// by a rounding step outside them.
    fn mean(&self, count: usize, bounds: &Bounds) -> LatLon {
        let n = count as f64;
        LatLon::new(
            (self.lat / n).clamp(bounds.south, bounds.north),
            (self.lon / n).clamp(bounds.west, bounds.east),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORLD: Bounds = Bounds {
        south: -85.0,
        west: -180.0,
        north: 85.0,
        east: 180.0,
    };

    /// Test tables write positions as (latitude, longitude) pairs.
    fn pts(pairs: &[(f64, f64)]) -> Vec<LatLon> {
        pairs
            .iter()
            .map(|&(lat, lon)| LatLon::new(lat, lon))
            .collect()
    }

    fn projected(points: &[LatLon]) -> Vec<Mercator> {
        points.iter().map(|&p| Mercator::project(p)).collect()
    }

    fn run(pairs: &[(f64, f64)], zoom: f64, view: Bounds) -> Vec<Cluster> {
        let points = pts(pairs);
        let ids: Vec<usize> = (0..points.len()).collect();
        grid(&points, &projected(&points), &ids, zoom, view, 60.0)
    }

    #[test]
    fn projection_matches_leaflet() {
        // Reference values: EPSG:3857 at zoom 0 (Leaflet's L.CRS.EPSG3857 with a 256 px tile,
        // divided by 256): the origin is the tile's centre; 85.0511° N is its top edge.
        let cases = [
            ((0.0, 0.0), (0.5, 0.5)),
            ((0.0, -180.0), (0.0, 0.5)),
            ((85.051_128, 0.0), (0.5, 0.0)),
            ((-85.051_128, 180.0), (1.0, 1.0)),
        ];
        for ((lat, lon), (x, y)) in cases {
            let m = Mercator::project(LatLon::new(lat, lon));
            assert!(
                (m.x - x).abs() < 1e-6 && (m.y - y).abs() < 1e-6,
                "{lat},{lon}: {m:?}"
            );
        }
    }

    #[test]
    fn cities_cluster_at_region_zoom_and_split_when_zoomed_in() {
        // Two centers 2 km apart in Tashkent, one in Bishkek (~480 km away).
        let points = [(41.30, 69.24), (41.31, 69.26), (42.87, 74.59)];
        // Zoom 5 (the region view): a 60 px cell is about 290 km wide here.
        let region = run(&points, 5.0, WORLD);
        let counts: Vec<usize> = region.iter().map(|c| c.count).collect();
        assert_eq!(counts, [2, 1]);
        assert_eq!(region[0].first, 0);
        assert_eq!(region[1].first, 2);
        let at = region[0].at;
        assert!((at.lat - 41.305).abs() < 1e-9 && (at.lon - 69.25).abs() < 1e-9);
        assert_eq!(
            (region[0].bounds.south, region[0].bounds.east),
            (41.30, 69.26)
        );
        // Zoom 14: a 60 px cell is under 1 km; every center stands alone.
        assert_eq!(run(&points, 14.0, WORLD).len(), 3);
    }

    #[test]
    fn only_centers_in_view_are_clustered() {
        let points = [(41.30, 69.24), (42.87, 74.59)];
        let kyrgyzstan = Bounds {
            south: 39.0,
            west: 69.5,
            north: 43.5,
            east: 80.5,
        };
        let got = run(&points, 6.0, kyrgyzstan);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].first, 1);
    }

    fn layout_of(pairs: &[(f64, f64)], zoom: f64, selected: Option<usize>) -> Vec<Mark> {
        let points = pts(pairs);
        let ids: Vec<usize> = (0..points.len()).collect();
        layout(
            &points,
            &projected(&points),
            &ids,
            zoom,
            WORLD,
            60.0,
            selected,
        )
    }

    /// `n` points in a 0.2° square around Almaty (43.24 N, 76.89 E), spread evenly.
    fn almaty(n: usize) -> Vec<(f64, f64)> {
        (0..n)
            .map(|k| {
                let f = k as f64 / n as f64;
                (
                    43.14 + 0.2 * f,
                    76.79 + 0.2 * ((k * 7919) % n) as f64 / n as f64,
                )
            })
            .collect()
    }

    /// The screen position of each mark's icon at `zoom`.
    fn icon_pixels(points: &[(f64, f64)], marks: &[Mark], zoom: f64) -> Vec<WorldPixel> {
        marks
            .iter()
            .map(|m| match *m {
                Mark::Single { index, offset } => {
                    let (lat, lon) = points[index];
                    let p = Cluster::of_one(index, LatLon::new(lat, lon)).pixels(zoom);
                    WorldPixel {
                        x: p.x + offset.dx,
                        y: p.y + offset.dy,
                    }
                }
                Mark::Group(ref c) => c.pixels(zoom),
            })
            .collect()
    }

    #[test]
    fn few_centers_overlap_only_where_grouped() {
        // The bundled dataset's case: several centers share a city's coordinates. (At zoom 5
        // a pixel is about 3.5 km at 43 N, so the two Almaty points are well inside 38 px.)
        let points = [(43.24, 76.89), (43.24, 76.89), (41.30, 69.24)];
        let marks = layout_of(&points, 5.0, None);
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert!(matches!(&marks[0], Mark::Group(g) if g.count == 2 && g.bounds.is_point()));
        assert_eq!(
            marks[1],
            Mark::Single {
                index: 2,
                offset: PixelOffset::ZERO
            }
        );
        // Chosen, one of them stands apart, off the point where the other still is.
        let marks = layout_of(&points, 5.0, Some(1));
        assert_eq!(marks.len(), 3, "{marks:?}");
        let px = icon_pixels(&points, &marks, 5.0);
        assert!(matches!(marks[2], Mark::Single { index: 1, offset } if !offset.is_zero()));
        assert!(px[2].box_distance(px[0]) >= APART_PX - 1e-9);
        // From street level each is drawn, those sharing a point on a ring.
        let marks = layout_of(&points, NO_GROUPS_FROM_ZOOM, None);
        let offsets: Vec<PixelOffset> = marks
            .iter()
            .map(|m| match m {
                Mark::Single { offset, .. } => *offset,
                Mark::Group(_) => panic!("no groups at street level: {m:?}"),
            })
            .collect();
        assert!(!offsets[0].is_zero() && offsets[0] != offsets[1]);
        assert!(offsets[2].is_zero());
    }

    #[test]
    fn many_centers_are_grouped_and_the_selected_one_stands_alone() {
        let points = almaty(EACH_UP_TO + 50);
        // Zoom 5: the 0.2° square is under 60 px, so everything falls in one or a few cells.
        let marks = layout_of(&points, 5.0, Some(7));
        let groups: Vec<&Cluster> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Group(c) => Some(c),
                Mark::Single { .. } => None,
            })
            .collect();
        assert!(!groups.is_empty() && groups.len() <= 4, "{groups:?}");
        let grouped: usize = groups.iter().map(|c| c.count).sum();
        let singles: Vec<usize> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Single { index, .. } => Some(*index),
                Mark::Group(_) => None,
            })
            .collect();
        assert!(singles.contains(&7));
        assert_eq!(grouped + singles.len(), points.len());
        // Zoomed in to street level nothing is grouped.
        assert_eq!(
            layout_of(&points, NO_GROUPS_FROM_ZOOM, None).len(),
            points.len()
        );
    }

    proptest! {
        /// The flat table and the hash map give the same clusters.
        #[test]
        fn table_and_map_agree(
            points in prop::collection::vec((35.0..55.0f64, 46.0..88.0f64), 0..300),
            zoom in 0.0..12.0f64,
        ) {
            let points = pts(&points);
            let projected = projected(&points);
            let ids: Vec<usize> = (0..points.len()).collect();
            let view = Bounds { south: 34.0, west: 45.0, north: 56.0, east: 89.0 };
            let z = zoom.floor();
            prop_assert_eq!(
                grid_with(&points, &projected, &ids, z, view, 60.0, MAX_TABLE_CELLS),
                grid_with(&points, &projected, &ids, z, view, 60.0, 0.0)
            );
        }

        /// Few or many, below street level: every center is drawn once (on its own or in a
        /// group's count), and no two icons' boxes come closer than [`APART_PX`] (so none
        /// overlap, and WCAG 2.5.8's 24 px between targets holds).
        #[test]
        fn layout_is_complete_and_nothing_overlaps(
            points in prop::collection::vec((40.0..44.0f64, 68.0..78.0f64), 0..220),
            zoom in 3.0..16.0f64,
        ) {
            let z = zoom.floor();
            let marks = layout_of(&points, z, None);
            let mut seen = 0;
            for m in &marks {
                seen += match m { Mark::Single { .. } => 1, Mark::Group(c) => c.count };
            }
            prop_assert_eq!(seen, points.len());
            let px = icon_pixels(&points, &marks, z);
            for (i, a) in px.iter().enumerate() {
                for b in &px[i + 1..] {
                    prop_assert!(a.box_distance(*b) >= APART_PX - 1e-6, "{a:?} {b:?}");
                }
            }
        }

        /// Merging keeps every center once, and leaves no two icons closer than asked.
        #[test]
        fn merged_clusters_are_apart_and_complete(
            points in prop::collection::vec((35.0..55.0f64, 46.0..88.0f64), 0..400),
            zoom in 3.0..10.0f64,
        ) {
            let z = zoom.floor();
            let cells = run(&points, z, WORLD);
            let merged = merge_close(cells, z, 48.0);
            prop_assert_eq!(merged.iter().map(|c| c.count).sum::<usize>(), points.len());
            let px: Vec<WorldPixel> = merged.iter().map(|c| c.pixels(z)).collect();
            for c in &merged {
                prop_assert!(c.bounds.contains(c.at));
            }
            for (i, a) in px.iter().enumerate() {
                for b in &px[i + 1..] {
                    prop_assert!(a.box_distance(*b) >= 48.0 - 1e-6, "{a:?} {b:?}");
                }
            }
        }

        /// Every center in view is drawn exactly once, alone or in a group.
        #[test]
        fn layout_draws_each_center_once(
            n in 0..600usize,
            zoom in 0.0..18.0f64,
            selected in prop::option::of(0..600usize),
        ) {
            let points = almaty(n);
            let marks = layout_of(&points, zoom.floor(), selected);
            let mut seen = vec![0usize; n];
            let mut grouped = 0;
            for m in &marks {
                match m {
                    Mark::Single { index, .. } => seen[*index] += 1,
                    Mark::Group(c) => grouped += c.count,
                }
            }
            prop_assert!(seen.iter().all(|&k| k <= 1));
            prop_assert_eq!(seen.iter().sum::<usize>() + grouped, n);
            if let Some(s) = selected.filter(|&s| s < n) {
                prop_assert_eq!(seen[s], 1);
            }
        }

        /// Every center in view is in exactly one cluster, whatever the zoom.
        #[test]
        fn clusters_partition_the_centers(
            points in prop::collection::vec((35.0..55.0f64, 46.0..88.0f64), 0..300),
            zoom in 0.0..18.0f64,
        ) {
            let clusters = run(&points, zoom.floor(), WORLD);
            let total: usize = clusters.iter().map(|c| c.count).sum();
            prop_assert_eq!(total, points.len());
            for c in &clusters {
                prop_assert!(c.bounds.contains(c.at));
                let (lat, lon) = points[c.first];
                prop_assert!(c.bounds.contains(LatLon::new(lat, lon)));
            }
        }
    }
}
