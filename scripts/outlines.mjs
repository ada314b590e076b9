// Writes public/outlines.json: simplified outlines of the five countries, drawn when the map
// tile server cannot be reached. Run with `npm run outlines`; the output is the same bytes on
// every run.
//
// Source: Natural Earth 1:50m Admin 0 – Countries (public domain), as TopoJSON from the
// `world-atlas` npm package (ISC). The borders are simplified on the topology's arcs, not on
// each country's rings, so a border shared by two countries is simplified once and the two
// outlines still meet exactly (no slivers or gaps between neighbours).
//
// Output format:
//   {"source": "...", "countries": [{"code": "KZ", "polygons": [ring, ring, ...]}, ...]}
// A ring is a list of [lat, lon] pairs (Leaflet's order), rounded to 3 decimals (about 100 m),
// and NOT closed: the last point joins back to the first. A country's rings combine by the
// even–odd rule: each polygon's outer ring comes first, followed by its holes, and the holes
// here are exactly the enclaves of a neighbour (Sokh, Shakhimardan and Vorukh inside
// Kyrgyzstan, Sarvan inside Uzbekistan), which that neighbour also lists as polygons of its own.
// Fill with the even–odd rule (Leaflet's default) to draw them right.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const atlas = join(root, 'node_modules', 'world-atlas');
const out = join(root, 'public', 'outlines.json');

/// ISO 3166-1 numeric id of each country in world-atlas, in the app's order (Country::ALL).
const COUNTRIES = [
  ['KZ', '398'],
  ['UZ', '860'],
  ['KG', '417'],
  ['TJ', '762'],
  ['TM', '795'],
];

/// Douglas–Peucker tolerance in degrees of latitude (longitude is scaled by cos(latitude), so
/// it is the same distance on the ground both ways): 0.01° ≈ 1.1 km, under two pixels at
/// zoom 7, the closest the app shows the outlines.
const TOLERANCE = 0.01;

/// Decimals kept: 3 ≈ 110 m, below the source's own quantization step (0.0036° of longitude).
const DECIMALS = 3;

const version = JSON.parse(readFileSync(join(atlas, 'package.json'), 'utf8')).version;
const topology = JSON.parse(readFileSync(join(atlas, 'countries-50m.json'), 'utf8'));

// Decode the quantized, delta-encoded arcs to absolute [lon, lat] degrees.
const { scale, translate } = topology.transform;
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
});

const geometries = COUNTRIES.map(([code, id]) => {
  const g = topology.objects.countries.geometries.find((g) => g.id === id);
  if (!g) throw new Error(`world-atlas ${version} has no country ${id} (${code})`);
  return g;
});

// Simplify only the arcs the five countries use (each once, however many rings share it).
const used = new Set();
const visit = (a) => (Array.isArray(a) ? a.forEach(visit) : used.add(a < 0 ? ~a : a));
geometries.forEach((g) => visit(g.arcs));
const simplified = arcs.map((arc, i) => (used.has(i) ? simplifyArc(arc) : arc));

const source =
  `Natural Earth 1:50m Admin 0 – Countries v4.1.0 (public domain), via world-atlas ${version}`;
const countries = COUNTRIES.map(([code], i) => {
  const topo = { type: 'Topology', arcs: simplified, objects: {} };
  const { geometry } = feature(topo, geometries[i]);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons
    .map((rings) => rings.map(toRing))
    .sort((a, b) => area(b[0]) - area(a[0]) || compare(a[0], b[0]))
    .flat();
  for (const ring of rings) {
    if (ring.length < 3) throw new Error(`${code}: a ring collapsed to ${ring.length} points`);
  }
  return { code, rings };
});

// One ring per line, so that a change shows up in a diff as the rings it touches.
const lines = [`{"source":${JSON.stringify(source)},"countries":[`];
countries.forEach(({ code, rings }, i) => {
  lines.push(`{"code":"${code}","polygons":[`);
  rings.forEach((ring, j) => lines.push(JSON.stringify(ring) + (j + 1 < rings.length ? ',' : '')));
  lines.push(i + 1 < countries.length ? ']},' : ']}');
});
lines.push(']}');
writeFileSync(out, lines.join('\n') + '\n');

const points = countries.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length, 0), 0);
console.log(`wrote ${out}: ${Buffer.byteLength(lines.join('\n') + '\n')} bytes, ${points} points`);
for (const { code, rings } of countries) {
  console.log(`  ${code}: ${rings.length} rings (${rings.map((r) => r.length).join(', ')} points)`);
}

/// A GeoJSON ring ([lon, lat], closed) as rounded [lat, lon] pairs, open, without repeats.
function toRing(coordinates) {
  const f = 10 ** DECIMALS;
  const round = (v) => Math.round(v * f) / f + 0; // `+ 0` turns -0 into 0
  const ring = [];
  for (const [lon, lat] of coordinates) {
    const p = [round(lat), round(lon)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && same(ring[0], ring[ring.length - 1])) ring.pop();
  return ring;
}

function same(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

/// Absolute area of a [lat, lon] ring in square degrees (for ordering only).
function area(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][1] - ring[i][1]) * (ring[j][0] + ring[i][0]);
  }
  return Math.abs(s / 2);
}

/// A total order on rings of equal area, so the output never depends on sort stability.
function compare(a, b) {
  return a[0][0] - b[0][0] || a[0][1] - b[0][1];
}

/// Douglas–Peucker on one arc of [lon, lat] points, keeping its end points (where it meets other
/// arcs). A closed arc (an island, an enclave) is split at its point farthest from the start and
/// always keeps that point and the farthest of each half, so it stays at least a quadrilateral.
function simplifyArc(arc) {
  const n = arc.length;
  if (n < 3) return arc;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  if (same(arc[0], arc[n - 1])) {
    let k = 1;
    for (let i = 2; i < n - 1; i++) if (dist(arc[i], arc[0]) > dist(arc[k], arc[0])) k = i;
    keep[k] = 1;
    for (const [a, b] of [
      [0, k],
      [k, n - 1],
    ]) {
      const [i] = farthest(arc, a, b);
      if (i < 0) continue;
      keep[i] = 1;
      mark(arc, keep, a, i);
      mark(arc, keep, i, b);
    }
  } else {
    mark(arc, keep, 0, n - 1);
  }
  return arc.filter((_, i) => keep[i]);
}

/// Marks the points between `a` and `b` that Douglas–Peucker keeps.
function mark(arc, keep, a, b) {
  const stack = [[a, b]];
  while (stack.length) {
    const [s, e] = stack.pop();
    const [i, d] = farthest(arc, s, e);
    if (i > 0 && d > TOLERANCE) {
      keep[i] = 1;
      stack.push([s, i], [i, e]);
    }
  }
}

/// The point strictly between `s` and `e` farthest from the segment s–e, and its distance
/// (`[-1, 0]` when there is none).
function farthest(arc, s, e) {
  let best = -1;
  let max = 0;
  for (let i = s + 1; i < e; i++) {
    const d = segmentDistance(arc[i], arc[s], arc[e]);
    if (d > max) {
      max = d;
      best = i;
    }
  }
  return [best, max];
}

/// Distance in degrees of latitude, with longitude scaled by the cosine of the latitude.
function dist(p, q) {
  const k = Math.cos((((p[1] + q[1]) / 2) * Math.PI) / 180);
  return Math.hypot((p[0] - q[0]) * k, p[1] - q[1]);
}

/// Distance from `p` to the segment a–b, in the same local units as `dist`.
function segmentDistance(p, a, b) {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]];
  const [dx, dy] = [bx - ax, by - ay];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
