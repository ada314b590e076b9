// The partnerships layer: a line between two centers that signed a memorandum, its date,
// occasion and scope on click or Enter, following the filters, and a switch to hide it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const center = (id) => dataset.centers.find((c) => c.id === id);
const lineName = (p) => tr('partnership_label', { a: center(p.a).name, b: center(p.b).name });
const line = (p) => t.app.map.getByRole('button', { name: lineName(p), exact: true });
const layerSwitch = () => t.page.getByRole('checkbox', { name: tr('layer_partnerships') });

/** Clicks a line where it is not under a marker, as a person would: once the map has settled
 *  (its first fit may still be moving the lines), at a point where the line is on top. */
async function clickLine(p) {
  let point = null;
  const free = async () => {
    point = await line(p).evaluate((path) => {
      const len = path.getTotalLength();
      const m = path.getScreenCTM();
      for (let i = 1; i < 100; i++) {
        const q = path.getPointAtLength((len * i) / 100).matrixTransform(m);
        if (document.elementFromPoint(q.x, q.y) === path) return { x: q.x, y: q.y };
      }
      return null;
    });
    return point !== null;
  };
  await expect(free, `a free point on ${lineName(p)}`);
  await t.page.mouse.click(point.x, point.y);
}

test('every memorandum is a line from one center to the other', async () => {
  // The countries of the memoranda's parties: few enough centers for each to have its own marker.
  const countries = [...new Set(dataset.partnerships.flatMap((p) => [center(p.a).country, center(p.b).country]))];
  // A map wide enough for every one of their markers (beside the filters and the results
  // columns, 1280 px leaves it 620 px, where the rings of Almaty's markers reach past its edge).
  await t.page.setViewportSize({ width: 1680, height: 1000 });
  await t.app.open(`country=${countries.join(',')}`);
  assert.ok(dataset.partnerships.length > 0);
  // Where the line and its two markers are, read again until two reads a moment apart agree
  // (the map's first fit may still be moving them).
  // A party drawn in a group (centers sharing its city's point): the line ends at the group.
  const markerOf = async (c) => ((await t.app.marker(c.name).count()) ? t.app.marker(c.name) : t.app.groupIn(c.city));
  const boxes = async (p) => [await line(p).boundingBox(), ...(await Promise.all([p.a, p.b].map(async (id) => (await markerOf(center(id))).boundingBox())))];
  for (const p of dataset.partnerships) {
    let seen = null;
    await expect(async () => {
      const before = JSON.stringify(await boxes(p));
      await t.page.waitForTimeout(200);
      seen = await boxes(p);
      return seen.every((b) => b !== null) && JSON.stringify(seen) === before;
    }, `line ${lineName(p)} and its markers drawn and still`);
    // The line's ends are the two markers (its box spans their centres).
    const [box, ...markers] = seen;
    for (const [k, m] of markers.entries()) {
      const [x, y] = [m.x + m.width / 2, m.y + m.height / 2];
      const near = (v, lo, hi) => v >= lo - 16 && v <= hi + 16;
      assert.ok(near(x, box.x, box.x + box.width) && near(y, box.y, box.y + box.height),
        `${[p.a, p.b][k]}'s marker at (${x}, ${y}) is at an end of ${JSON.stringify(box)}`);
    }
  }
});

test('clicking a line shows its date, occasion and scope', async () => {
  const p = dataset.partnerships.find((x) => x.date && x.occasion && x.scope);
  await t.app.open();
  await clickLine(p);
  const popup = t.app.map.getByText(p.scope);
  await expect(() => popup.isVisible(), 'scope shown');
  for (const [label, value] of [['partnership_date', p.date], ['partnership_occasion', p.occasion], ['partnership_scope', p.scope]]) {
    assert.ok(await t.app.map.getByText(`${tr(label)}: ${value}`, { exact: true }).isVisible(), `"${tr(label)}: ${value}" shown`);
  }
  assert.ok(await t.app.map.getByText(`${center(p.a).name} – ${center(p.b).name}`, { exact: true }).isVisible(), 'both centers named');
});

test('a line opens from the keyboard, takes focus into its popup and Escape brings it back', async () => {
  const p = dataset.partnerships[0];
  await t.app.open();
  await expect(async () => (await line(p).count()) === 1, 'line drawn');
  await t.app.tabTo(line(p), { max: 300 });
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.map.getByText(p.scope).isVisible(), 'popup from Enter');
  // Focus is in the popup, so a screen reader reads it.
  await expect(() => t.app.map.getByText(p.scope).evaluate((el) => document.activeElement !== document.body && document.activeElement.contains(el)), 'focus on the popup');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await t.app.map.getByText(p.scope).isVisible()), 'popup closed by Escape');
  await expect(() => line(p).evaluate((el) => document.activeElement === el), 'focus back on the line');
});

test('the switch hides and shows the lines', async () => {
  await t.app.open();
  await expect(async () => (await t.app.map.getByRole('button', { name: /^Memorandum between/ }).count()) === dataset.partnerships.length, 'lines drawn');
  await layerSwitch().uncheck();
  await expect(async () => (await t.app.map.getByRole('button', { name: /^Memorandum between/ }).count()) === 0, 'lines hidden');
  await layerSwitch().check();
  await expect(async () => (await t.app.map.getByRole('button', { name: /^Memorandum between/ }).count()) === dataset.partnerships.length, 'lines back');
});

test('a line whose center the filters hide is not drawn', async () => {
  // Kazakhstan alone hides the Dushanbe and Tashkent parties: no line may end at nothing.
  await t.app.open('country=KZ');
  await expect(() => t.app.resultCount().isVisible(), 'loaded');
  for (const p of dataset.partnerships) {
    const both = center(p.a).country === 'KZ' && center(p.b).country === 'KZ';
    await expect(async () => (await line(p).count()) === (both ? 1 : 0), `${lineName(p)} drawn: ${both}`);
  }
});
