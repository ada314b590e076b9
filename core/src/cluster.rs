//! Grid clustering of the filtered centers for the current map view, recomputed on every zoom,
//! pan and filter change.
//!
//! Why not the `supercluster` crate: its index covers a fixed set of points, so every filter
//! change would rebuild it, which takes 350-490 ms at 50,000 centers (`cargo bench -p
//! shifo-core --bench scale`). Binning only the filtered centers inside the view into
//! screen-sized cells costs one pass over them. Positions are projected once, when the
//! dataset loads, so a pass is a multiply and a hash per center.

use std::collections::HashMap;

use crate::geo::Bounds;

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
    pub fn project(lat: f64, lon: f64) -> Mercator {
        let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
        Mercator {
            x: (lon + 180.0) / 360.0,
            y: (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0,
        }
    }
}

/// One icon on the map: a single center, or several that fall in one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean latitude of the members.
    pub lat: f64,
    /// Mean longitude of the members.
    pub lon: f64,
    /// How many centers it holds.
    pub count: usize,
    /// The box around its members: zooming to it splits the cluster.
    pub bounds: Bounds,
    /// The first member (its index in the dataset); the center itself when `count == 1`.
    pub first: usize,
}

/// Groups the centers `ids` (indices into `points`, as latitude and longitude, with their
/// projections in `projected`) that lie in `view` into cells of `cell_px` screen pixels at
/// `zoom` (Leaflet's 256-pixel tiles). Clusters come out in the order of their first member.
pub fn grid(
    points: &[(f64, f64)],
    projected: &[Mercator],
    ids: &[usize],
    zoom: f64,
    view: Bounds,
    cell_px: f64,
) -> Vec<Cluster> {
    let scale = 256.0 * zoom.exp2() / cell_px.max(1.0);
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    let mut out: Vec<Cluster> = Vec::new();
    let mut sums: Vec<(f64, f64)> = Vec::new();
    for &i in ids {
        let (Some(&(lat, lon)), Some(m)) = (points.get(i), projected.get(i)) else {
            continue;
        };
        if !view.contains(lat, lon) {
            continue;
        }
        let key = ((m.x * scale).floor() as i64, (m.y * scale).floor() as i64);
        match cells.get(&key) {
            Some(&k) => {
                let c = &mut out[k];
                c.count += 1;
                c.bounds = Bounds {
                    south: c.bounds.south.min(lat),
                    west: c.bounds.west.min(lon),
                    north: c.bounds.north.max(lat),
                    east: c.bounds.east.max(lon),
                };
                sums[k].0 += lat;
                sums[k].1 += lon;
            }
            None => {
                cells.insert(key, out.len());
                out.push(Cluster {
                    lat,
                    lon,
                    count: 1,
                    bounds: Bounds {
                        south: lat,
                        west: lon,
                        north: lat,
                        east: lon,
                    },
                    first: i,
                });
                sums.push((lat, lon));
            }
        }
    }
    for (c, (lat, lon)) in out.iter_mut().zip(sums) {
        // Clamped: the mean of equal values can drift by a rounding step outside them.
        c.lat = (lat / c.count as f64).clamp(c.bounds.south, c.bounds.north);
        c.lon = (lon / c.count as f64).clamp(c.bounds.west, c.bounds.east);
    }
    out
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

    fn run(points: &[(f64, f64)], zoom: f64, view: Bounds) -> Vec<Cluster> {
        let projected: Vec<Mercator> = points
            .iter()
            .map(|&(lat, lon)| Mercator::project(lat, lon))
            .collect();
        let ids: Vec<usize> = (0..points.len()).collect();
        grid(points, &projected, &ids, zoom, view, 60.0)
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
            let m = Mercator::project(lat, lon);
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
        assert!((region[0].lat - 41.305).abs() < 1e-9 && (region[0].lon - 69.25).abs() < 1e-9);
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

    proptest! {
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
                prop_assert!(c.bounds.contains(c.lat, c.lon));
                let (lat, lon) = points[c.first];
                prop_assert!(c.bounds.contains(lat, lon));
            }
        }
    }
}
