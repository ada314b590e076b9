// Markers a finger can tell apart: wherever two would overlap, they are one group with a count,
// named after its cities, so no two tappable markers stand closer than 24 px (WCAG 2.2, 2.5.8)
// on a phone, held upright or sideways, or on a laptop, over the whole region and each country.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** The least distance between two markers' centres, and the pair. */
function closest(boxes) {
  let best = { d: Infinity };
  const mid = (b) => [b.x + b.width / 2, b.y + b.height / 2];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [[ax, ay], [bx, by]] = [mid(boxes[i]), mid(boxes[j])];
      const d = Math.hypot(ax - bx, ay - by);
      if (d < best.d) best = { d, a: boxes[i].name, b: boxes[j].name };
    }
  }
  return best;
}

const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const sizes = [[320, 640], [375, 667], [667, 375], [1280, 800]];
const views = ['', ...['KZ', 'UZ', 'KG', 'TJ', 'TM'].map((c) => `country=${c}`)];

for (const [width, height] of sizes) {
  test(`at ${width}x${height} no two markers overlap or stand closer than 24 px, over the region and each country`, async () => {
    await t.page.setViewportSize({ width, height });
    for (const query of views) {
      await t.app.open(query);
      // On a phone the map is its own screen.
      const mapPane = t.app.paneSwitch('map');
      if (await mapPane.isVisible()) await mapPane.click();
      await expect(async () => (await t.app.markerBoxes()).length > 0, `${query || 'region'}: markers drawn`);
      await t.app.settled();
      const boxes = (await t.app.markerBoxes()).filter((b) => b.width > 0);
      for (const b of boxes) assert.ok(b.width >= 24 && b.height >= 24, `${query}: ${b.name} is ${b.width}x${b.height}`);
      const near = closest(boxes);
      assert.ok(near.d >= 24, `${query || 'region'} at ${width}x${height}: "${near.a}" and "${near.b}" ${near.d.toFixed(1)} px apart`);
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          assert.ok(!overlap(boxes[i], boxes[j]), `${query || 'region'} at ${width}x${height}: "${boxes[i].name}" overlaps "${boxes[j].name}"`);
        }
      }
    }
  });
}

test('choosing a group by its city zooms in until every center of the city has a marker of its own, none overlapping', async () => {
  await t.page.setViewportSize({ width: 375, height: 667 });
  const city = 'Tashkent';
  const here = dataset.centers.filter((c) => c.city === city);
  assert.ok(here.length > 5, `${city} has many centers`);
  await t.app.open(`country=UZ`);
  await t.app.paneSwitch('map').click();
  for (const c of here) await t.app.showMarker(c);
  const boxes = await t.app.markerBoxes();
  const near = closest(boxes);
  assert.ok(near.d >= 24, `"${near.a}" and "${near.b}" ${near.d.toFixed(1)} px apart`);
});
