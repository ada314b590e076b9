//! Positions and boxes: a point on the Earth ([`LatLon`]), a shift on the screen
//! ([`PixelOffset`]), bounding boxes for fitting the map, and spreading markers that share a
//! point.

use std::collections::HashMap;

use crate::dataset::country::Country;
use crate::dataset::model::Center;

/// A position on the Earth in degrees (WGS 84), latitude first as in ISO 6709.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LatLon {
    /// Degrees north of the equator (negative south).
    pub lat: f64,
    /// Degrees east of Greenwich (negative west).
    pub lon: f64,
}

impl LatLon {
    /// The point at `lat` degrees north and `lon` degrees east.
    pub const fn new(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }
}

/// A shift on the screen in CSS pixels: right and down are positive, as in the DOM.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PixelOffset {
    /// Pixels to the right.
    pub dx: f64,
    /// Pixels down.
    pub dy: f64,
}

impl PixelOffset {
    /// No shift.
    pub const ZERO: PixelOffset = PixelOffset { dx: 0.0, dy: 0.0 };

    /// Whether this shifts nothing.
    pub fn is_zero(&self) -> bool {
        self.dx == 0.0 && self.dy == 0.0
    }
}

/// A latitude/longitude box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Southern edge, degrees.
    pub south: f64,
    /// Western edge, degrees.
    pub west: f64,
    /// Northern edge, degrees.
    pub north: f64,
    /// Eastern edge, degrees.
    pub east: f64,
}

impl Bounds {
    /// The smallest box holding every point; `None` for no points.
    pub fn of(points: impl IntoIterator<Item = LatLon>) -> Option<Bounds> {
        points.into_iter().fold(None, |acc, LatLon { lat, lon }| {
            Some(match acc {
                None => Bounds {
                    south: lat,
                    west: lon,
                    north: lat,
                    east: lon,
                },
                Some(b) => Bounds {
                    south: b.south.min(lat),
                    west: b.west.min(lon),
                    north: b.north.max(lat),
                    east: b.east.max(lon),
                },
            })
        })
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            south: self.south.min(other.south),
            west: self.west.min(other.west),
            north: self.north.max(other.north),
            east: self.east.max(other.east),
        }
    }

    /// The box of a single point.
    pub fn point(LatLon { lat, lon }: LatLon) -> Bounds {
        Bounds {
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        }
    }

    /// Whether the box is a single point (fitting it would zoom in all the way).
    pub fn is_point(&self) -> bool {
        self.south == self.north && self.west == self.east
    }

    /// The box grown by `ratio` of its height and width on every side (a margin of
    /// off-screen map, so icons at the edge are drawn before they scroll in).
    pub fn padded(&self, ratio: f64) -> Bounds {
        let (dlat, dlon) = (
            (self.north - self.south) * ratio,
            (self.east - self.west) * ratio,
        );
        Bounds {
            south: self.south - dlat,
            west: self.west - dlon,
            north: self.north + dlat,
            east: self.east + dlon,
        }
    }

    /// Whether a point lies in the box (edges included).
    pub fn contains(&self, LatLon { lat, lon }: LatLon) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }
}

impl Country {
    /// A box around the country's territory: its northern, southern, eastern and western
    /// extreme points (e.g. Kazakhstan 40.57-55.44 N, 46.49-87.36 E), widened by about 0.3
    /// degrees so that a border town is never flagged.
    /// The boxes overlap (Tashkent lies inside Kazakhstan's box), so this catches a center put
    /// in the wrong country or with latitude and longitude swapped, not one a few km off.
    pub fn bounds(self) -> Bounds {
        let (south, west, north, east) = match self {
            Country::KZ => (40.2, 46.2, 55.8, 87.7),
            Country::UZ => (36.9, 55.7, 45.9, 73.5),
            Country::KG => (38.8, 68.9, 43.6, 80.6),
            Country::TJ => (36.4, 67.0, 41.4, 75.5),
            Country::TM => (34.8, 52.1, 43.1, 67.0),
        };
        Bounds {
            south,
            west,
            north,
            east,
        }
    }
}

/// The view over the five countries, used before data arrives and when nothing matches.
pub const REGION: Bounds = Bounds {
    south: 35.1,
    west: 46.5,
    north: 55.4,
    east: 87.3,
};

/// Screen offsets in pixels for each center, so that centers sharing exact coordinates (common
/// with city-level positions) sit on a small ring around the point instead of hiding each other.
/// A center alone at its point gets no shift. The order within a ring follows `centers`.
pub fn spread_offsets(centers: &[&Center]) -> Vec<PixelOffset> {
    let points: Vec<LatLon> = centers.iter().map(|c| c.position()).collect();
    spread(&points)
}

/// [`spread_offsets`] for bare positions.
pub fn spread(points: &[LatLon]) -> Vec<PixelOffset> {
    let mut groups: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (i, LatLon { lat, lon }) in points.iter().enumerate() {
        groups
            .entry((lat.to_bits(), lon.to_bits()))
            .or_default()
            .push(i);
    }
    let mut out = vec![PixelOffset::ZERO; points.len()];
    for members in groups.values() {
        let n = members.len();
        if n < 2 {
            continue;
        }
        // Marker icons are 24 px wide: keep neighbours on the ring at least ~26 px apart.
        let radius = (26.0 * n as f64 / std::f64::consts::TAU).max(18.0);
        for (k, &i) in members.iter().enumerate() {
            let angle = std::f64::consts::TAU * k as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            out[i] = PixelOffset {
                dx: radius * angle.cos(),
                dy: radius * angle.sin(),
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Center {
        Center::stub("x", Country::KZ, lat, lon)
    }

    #[test]
    fn bounds_of_points() {
        assert_eq!(Bounds::of([]), None);
        let points = [(51.17, 71.45), (41.3, 69.24), (42.87, 74.59)];
        let b = Bounds::of(points.map(|(lat, lon)| LatLon::new(lat, lon))).unwrap();
        assert_eq!(
            (b.south, b.west, b.north, b.east),
            (41.3, 69.24, 51.17, 74.59)
        );
        assert!(!b.is_point());
        let p = LatLon::new(1.0, 2.0);
        assert!(Bounds::of([p, p]).unwrap().is_point());
    }

    #[test]
    fn padding_grows_each_side() {
        let b = Bounds {
            south: 40.0,
            west: 60.0,
            north: 50.0,
            east: 80.0,
        };
        let p = b.padded(0.25);
        assert_eq!((p.south, p.west, p.north, p.east), (37.5, 55.0, 52.5, 85.0));
    }

    #[test]
    fn coincident_centers_are_spread_apart() {
        let cs = [
            at(51.0, 71.0),
            at(41.0, 69.0),
            at(51.0, 71.0),
            at(51.0, 71.0),
        ];
        let refs: Vec<&Center> = cs.iter().collect();
        let off = spread_offsets(&refs);
        assert!(off[1].is_zero());
        let ring = [off[0], off[2], off[3]];
        for (i, a) in ring.iter().enumerate() {
            assert!(
                (a.dx.hypot(a.dy) - 18.0).abs() < 1e-9,
                "on an 18 px ring: {a:?}"
            );
            for b in &ring[i + 1..] {
                assert!((a.dx - b.dx).hypot(a.dy - b.dy) >= 24.0, "{a:?} vs {b:?}");
            }
        }
        // First member sits straight above the point.
        assert!(off[0].dx.abs() < 1e-9 && (off[0].dy + 18.0).abs() < 1e-9);
    }
}
