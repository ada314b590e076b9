// The map's fitted view: when a filter or a link fits the map to some centers, every one of
// their markers (a center's own, or a group's) is on the map and clear of what sits over it (zoom buttons, the tiles notice,
// the legend, the partnership switch), in the full app and embedded, from 800 to 1280 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** Whether box `a` overlaps box `b` (Playwright boxes: x, y, width, height). */
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** Checks every marker standing for `centers` (each one's own, or its city's group) against
 *  the map and the controls over it, and that they stand for all of them. */
async function expectAllClear(centers, where, lang = 'en') {
  const mapRegion = t.page.getByRole('region', { name: tr('map_label', {}, lang) });
  const map = await mapRegion.boundingBox();
  const covers = {
    'zoom in': mapRegion.getByRole('button', { name: tr('map_zoom_in', {}, lang), exact: true }),
    'zoom out': mapRegion.getByRole('button', { name: tr('map_zoom_out', {}, lang) }),
    'tiles notice': mapRegion.getByRole('status').filter({ hasText: tr('tiles_failed', {}, lang) }),
    legend: t.page.getByRole('list', { name: tr('legend_label', {}, lang) }),
    'partnership switch': mapRegion.getByRole('checkbox', { name: tr('layer_partnerships', {}, lang) }).locator('xpath=..'),
  };
  await expect(() => covers['tiles notice'].isVisible(), 'the tiles notice is up (the tests refuse tiles)');
  const boxes = {};
  for (const [name, locator] of Object.entries(covers)) boxes[name] = await locator.boundingBox();
  await expect(async () => {
    const { singles, grouped } = await t.app.centersOnMap({ inside: true });
    return singles + grouped === centers.length;
  }, `${where}: the markers inside the map stand for all ${centers.length} centers`);
  // Every marker (a center's own or a group's) is a button of the map other than its zoom.
  const zoom = [tr('map_zoom_in', {}, lang), tr('map_zoom_out', {}, lang)];
  const markers = await mapRegion.getByRole('button').evaluateAll((buttons, zoom) => buttons
    .filter((b) => !zoom.includes(b.getAttribute('title')))
    .map((b) => { const r = b.getBoundingClientRect(); return { name: b.getAttribute('title'), x: r.x, y: r.y, width: r.width, height: r.height }; }), zoom);
  assert.ok(markers.length > 0, `${where}: markers drawn`);
  for (const { name, ...box } of markers) {
    assert.ok(inside(box, map), `${where}: ${name} is on the map (${JSON.stringify(box)} in ${JSON.stringify(map)})`);
    for (const [what, cover] of Object.entries(boxes)) {
      if (cover) assert.ok(!overlaps(box, cover), `${where}: ${name} is under the ${what}`);
    }
  }
}

const cases = [
  // Uzbekistan: a ring of 11 centers sharing Tashkent's point, at the country's north-east
  // corner, and two in the south-west; with a 40 px margin the ring sat under the notice.
  { where: 'Uzbekistan, full app, 1280×800', query: 'country=UZ', size: [1280, 800], country: 'UZ' },
  { where: 'Uzbekistan, embedded, 800×500', query: 'embed=1&lock=country&country=UZ', size: [800, 500], country: 'UZ' },
  { where: 'Kazakhstan, embedded, 800×500', query: 'embed=1&country=KZ', size: [800, 500], country: 'KZ' },
  { where: 'Turkmenistan, full app, 1024×700', query: 'country=TM', size: [1024, 700], country: 'TM' },
];

for (const { where, query, size, country, lang = 'en' } of cases) {
  test(`fitted to ${where}: every marker on the map and clear of its controls`, async () => {
    await t.page.setViewportSize({ width: size[0], height: size[1] });
    await t.app.open(query, { waitReady: lang === 'en' });
    const centers = dataset.centers.filter((c) => c.country === country);
    assert.ok(centers.length > 5, `${country} has centers to fit`);
    await expectAllClear(centers, where, lang);
  });
}
