// On a phone (375x667; the layout starts below 640 px): the list and the map take turns behind
// a switch, the filters open as a sheet, and a center chosen in the list is shown on the map
// with its detail under it. Nothing scrolls sideways and the controls of each pane are on
// screen; screenshots go to target/screenshots/ for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { describeViolations } from './support/shifo-page.mjs';
import { dataset, markerName, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const PHONE = { width: 375, height: 667 };
const t = useApp({ viewport: PHONE });
// Screenshots for review (not compared): target/screenshots/mobile-375-*.png.
const shots = resolve(import.meta.dirname, '../../target/screenshots');

async function noSidewaysScroll() {
  return t.page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth);
}

/** Asserts each control is shown and lies inside the 375x667 screen as it is now: wholly, or
 *  with `{ starts: true }` (a list item, longer than what is left of the screen) its first line. */
async function expectOnScreen(controls) {
  for (const [what, control, { starts = false } = {}] of controls) {
    assert.ok(await control.isVisible(), `${what} shown`);
    const b = await control.boundingBox();
    const bottom = starts ? b.y + Math.min(b.height, 40) : b.y + b.height;
    assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= PHONE.width + 0.5 && bottom <= PHONE.height + 0.5,
      `${what} inside the screen: ${JSON.stringify(b)}`);
  }
}

test('the list and the map take turns behind a switch, each with its controls on screen; screenshots of both at 375x667', async () => {
  await t.app.open();
  mkdirSync(shots, { recursive: true });
  const [list, map] = [t.app.paneSwitch('list'), t.app.paneSwitch('map')];
  const filters = t.page.getByRole('button', { name: tr('filters_heading'), exact: true });
  assert.equal(await list.getAttribute('aria-pressed'), 'true');
  assert.ok(await t.app.list.isVisible(), 'list shown first');
  assert.equal(await t.app.map.isVisible(), false, 'map waits behind the switch');
  assert.ok(await noSidewaysScroll(), 'no sideways scroll with the list');
  await expectOnScreen([
    ['the filters button', filters], ['"List"', list], ['"Map"', map],
    ['the result count', t.app.resultCount()], ['the first center', t.app.listItem(dataset.centers[0].name), { starts: true }],
  ]);
  await t.page.screenshot({ path: resolve(shots, 'mobile-375-list.png') });

  // Scrolled down the list, the bar with the filters and the switch stays at hand.
  await t.app.listItem(dataset.centers[20].name).scrollIntoViewIfNeeded();
  assert.ok(await t.page.evaluate(() => scrollY > 300), 'the page scrolled');
  await expectOnScreen([['the filters button', filters], ['"Map"', map], ['the result count', t.app.resultCount()]]);
  assert.ok(await noSidewaysScroll(), 'no sideways scroll, scrolled');

  await map.click();
  await expect(() => t.app.map.isVisible(), 'map shown');
  assert.equal(await map.getAttribute('aria-pressed'), 'true');
  assert.equal(await t.app.list.isVisible(), false, 'list hidden');
  await t.app.expectInView([dataset.centers[0]]);
  const box = await t.app.map.boundingBox();
  assert.ok(box.width >= PHONE.width - 1 && box.height >= PHONE.height * 0.5, `map fills the screen: ${JSON.stringify(box)}`);
  assert.ok(await noSidewaysScroll(), 'no sideways scroll with the map');
  await expectOnScreen([
    ['"List"', list], ['the filters button', filters],
    ['zoom in', t.page.getByRole('button', { name: tr('map_zoom_in'), exact: true })], ['zoom out', t.page.getByRole('button', { name: tr('map_zoom_out'), exact: true })],
    ['the partnerships switch', t.page.getByRole('checkbox', { name: tr('layer_partnerships') })],
    // Folded under the map (its own spec below unfolds it).
    ['the legend', t.app.map.getByText(tr('legend_summary'), { exact: true })],
  ]);
  await t.page.screenshot({ path: resolve(shots, 'mobile-375-map.png') });
});

test('the phone layout starts below 640 px: 639 px gets the switch, 640 px the list beside the map', async () => {
  await t.page.setViewportSize({ width: 640, height: 800 });
  await t.app.open();
  assert.equal(await t.page.getByRole('group', { name: tr('pane_label'), exact: true }).count(), 0, 'no switch at 640 px');
  assert.ok(await t.app.list.isVisible() && await t.app.map.isVisible(), 'list and map both shown at 640 px');
  await t.page.setViewportSize({ width: 639, height: 800 });
  await expect(() => t.app.paneSwitch('map').isVisible(), 'the switch at 639 px');
  assert.equal(await t.app.map.isVisible(), false, 'the map behind the switch at 639 px');
});

test('the filters open as a full-screen sheet that keeps focus and shows the results', async () => {
  await t.app.open();
  const open = t.page.getByRole('button', { name: tr('filters_heading'), exact: true });
  await open.click();
  const sheet = t.page.getByRole('dialog', { name: tr('filters_heading') });
  await expect(() => sheet.isVisible(), 'sheet open');
  assert.deepEqual(await sheet.boundingBox(), { x: 0, y: 0, ...PHONE });
  await expectOnScreen([
    ['the sheet\'s heading', sheet.getByRole('heading', { name: tr('filters_heading') })],
    ['its close button', sheet.getByRole('button', { name: tr('sheet_close') })],
    ['the search box', t.app.search],
    ['"Show N centers"', sheet.getByRole('button', { name: trCount('filters_show_results', dataset.centers.length) })],
  ]);
  assert.ok(await noSidewaysScroll(), 'no sideways scroll with the sheet');
  // One "Filters" heading (the sheet's), and the search form inside is named by it.
  assert.equal(await t.page.getByRole('heading', { name: tr('filters_heading'), exact: true }).count(), 1, 'one Filters heading');
  assert.equal(await sheet.getByRole('search', { name: tr('filters_heading'), exact: true }).count(), 1, 'the form named by the sheet heading');
  mkdirSync(shots, { recursive: true });
  await t.page.screenshot({ path: resolve(shots, 'mobile-375-filters.png') });

  await sheet.getByRole('checkbox', { name: new RegExp(`^${tr('country_TJ')}\\b`) }).check();
  const tj = dataset.centers.filter((c) => c.country === 'TJ');
  const show = sheet.getByRole('button', { name: trCount('filters_show_results', tj.length) });
  await expect(() => show.isVisible(), `"${trCount('filters_show_results', tj.length)}"`);
  // Focus stays inside the sheet: the page behind it is inert.
  for (let i = 0; i < 30; i++) {
    await t.page.keyboard.press('Tab');
    assert.ok(await sheet.evaluate((d) => d.contains(document.activeElement)), `focus inside after ${i + 1} Tabs`);
  }
  await show.click();
  await expect(async () => !(await sheet.isVisible()), 'sheet closed');
  const reopen = t.page.getByRole('button', { name: tr('filters_open_count', { count: 1 }) });
  await expect(() => reopen.evaluate((b) => document.activeElement === b), 'focus back on the filters button');
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', tj.length), 'list filtered');

  await reopen.click();
  await expect(() => sheet.isVisible(), 'sheet open again');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await sheet.isVisible()), 'Escape closes the sheet');
});

test('choosing a center from the list shows it on the map with its detail on screen', async () => {
  const c = dataset.centers.at(-1);
  await t.app.open();
  const heading = t.app.detail(c.name).getByRole('heading', { name: c.name });
  await t.app.listItem(c.name).click();
  await expect(() => heading.isVisible(), 'detail open');
  assert.equal(await t.app.paneSwitch('map').getAttribute('aria-pressed'), 'true');
  const inViewport = async () => {
    const b = await heading.boundingBox();
    const v = t.page.viewportSize();
    return !!b && b.y >= 0 && b.y + b.height <= v.height;
  };
  await expect(inViewport, 'detail heading on screen');
  // "List" brings the list back where it was.
  await t.app.showList();
  await expect(() => t.app.listItem(c.name).isVisible(), 'list back');
});

test('on a 320 px phone in Russian, a chosen center\'s heading shows below the bar, however many lines the bar takes', async () => {
  // "Фильтры (выбрано: 1)" and the switch take three lines here: the heading must not be under them.
  await t.page.setViewportSize({ width: 320, height: 568 });
  const c = dataset.centers.filter((x) => x.pediatric?.treats_children).at(-1);
  await t.app.open('lang=ru&pediatric=1', { waitReady: false });
  const name = nameIn(c, 'ru');
  const item = t.page.getByRole('list', { name: tr('results_list_label', {}, 'ru') }).getByRole('button', { name, exact: true });
  await expect(() => item.isVisible(), 'the center listed');
  await item.click();
  const heading = t.app.detail(name).getByRole('heading', { name });
  await expect(() => heading.isVisible(), 'detail open');
  const bar = t.page.getByRole('button', { name: tr('filters_open_count', { count: 1 }, 'ru') }).locator('xpath=..');
  const clear = async () => {
    const [b, h] = [await bar.boundingBox(), await heading.boundingBox()];
    return !!b && !!h && h.y >= b.y + b.height - 0.5 && h.y + h.height <= 568;
  };
  await expect(clear, 'the heading below the bar and on screen');
  await t.page.setViewportSize(PHONE);
});

test('a link to a center opens a phone on the map with that center', async () => {
  const c = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.open(`center=${c.id}`, { waitReady: false });
  await expect(() => t.app.detail(c.name).isVisible(), 'detail shown');
  assert.equal(await t.app.paneSwitch('map').getAttribute('aria-pressed'), 'true');
  await t.app.expectInView([c]);
});

test('Escape closes the search box\'s suggestions, then the sheet, keeping what was typed', async () => {
  await t.app.open();
  await t.page.getByRole('button', { name: tr('filters_heading'), exact: true }).click();
  await t.app.search.fill('proton');
  // A combobox's Escape closes its list first (WAI-ARIA APG), and only that.
  await expect(() => t.app.suggestions.isVisible(), 'suggestions for "proton"');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await t.app.suggestions.isVisible()), 'suggestions closed');
  assert.ok(await t.page.getByRole('dialog').isVisible(), 'the sheet still open');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await t.page.getByRole('dialog').isVisible()), 'sheet closed');
  await expect(async () => (await t.app.resultCount().textContent()) !== trCount('results_count', dataset.centers.length), 'search applied');
  assert.equal(await t.app.search.inputValue(), 'proton');
});

test('the filters open from the map pane too, over the list pane they belong to', async () => {
  await t.app.open();
  await t.app.paneSwitch('map').click();
  await expect(() => t.app.map.isVisible(), 'map shown');
  await t.page.getByRole('button', { name: tr('filters_heading'), exact: true }).click();
  const sheet = t.page.getByRole('dialog', { name: tr('filters_heading') });
  await expect(() => sheet.isVisible(), 'sheet open');
  await sheet.getByRole('checkbox', { name: new RegExp(`^${tr('country_KG')}\\b`) }).check();
  const kg = dataset.centers.filter((c) => c.country === 'KG');
  await sheet.getByRole('button', { name: trCount('filters_show_results', kg.length) }).click();
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', kg.length), 'list filtered');
});

test('Back closes the sheet, keeps the choice made in it, and leaves the page usable', async () => {
  await t.app.open();
  await t.page.getByRole('button', { name: tr('filters_heading'), exact: true }).click();
  const sheet = t.page.getByRole('dialog', { name: tr('filters_heading') });
  await sheet.getByRole('checkbox', { name: new RegExp(`^${tr('country_TM')}\\b`) }).check();
  await t.page.goBack();
  await expect(async () => !(await sheet.isVisible()), 'sheet closed by Back');
  // Back dismissed the sheet as Android's Back does, without undoing the choice (the address
  // still carries it), and nothing is left inert: the switch and the list respond.
  const tm = dataset.centers.filter((c) => c.country === 'TM');
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', tm.length), 'choice kept');
  assert.equal(new URL(t.page.url()).searchParams.get('country'), 'TM');
  assert.equal(await t.page.locator('[inert]').count(), 0, 'nothing inert');
  await t.app.paneSwitch('map').click();
  await expect(() => t.app.map.isVisible(), 'map shown');
});

test("an event's city, chosen on a phone, is what the map shows", async () => {
  const e = dataset.events.find((x) => x.id === 'kazakh-medicine-days-tajikistan');
  await t.app.open();
  await t.page.getByText(tr('events_summary', { count: dataset.events.length }), { exact: true }).click();
  await t.page.getByRole('button', { name: tr('event_show_city', { city: e.cities[0] }) }).click();
  await expect(() => t.app.map.isVisible(), 'map pane shown');
  // Zoomed in on Dushanbe: Tashkent, 300 km away, is out of view.
  const far = dataset.centers.find((c) => c.city === 'Tashkent');
  const near = dataset.centers.filter((c) => c.city === e.cities[0]);
  await expect(async () => {
    if (await t.app.isInside(t.app.groupIn(e.cities[0]).first(), t.app.map)) return true;
    for (const b of await t.app.map.getByRole('button').all()) {
      if (!(await t.app.isInside(b, t.app.map))) continue;
      const title = await b.getAttribute('title');
      if (title && near.some((c) => markerName(c) === title)) return true;
    }
    return false;
  }, `a center of ${e.cities[0]} (or its group) in view`);
  assert.equal(await t.app.isInside(t.app.marker(far.name), t.app.map), false, 'Tashkent out of view');
});

test('on a phone the legend is folded under the map, not over its markers, and unfolds with a tap', async () => {
  await t.app.open();
  await t.app.paneSwitch('map').click();
  await expect(() => t.app.map.isVisible(), 'map shown');
  const summary = t.app.map.getByText(tr('legend_summary'), { exact: true });
  const entries = t.page.getByRole('list', { name: tr('legend_label') });
  await expect(() => summary.isVisible(), 'the legend\'s summary shown');
  assert.equal(await entries.isVisible(), false, 'folded');
  // Under the map's drawing area (the Leaflet container), not over it.
  const drawing = await t.page.locator('.leaflet-container').boundingBox();
  const folded = await summary.boundingBox();
  assert.ok(folded.y >= drawing.y + drawing.height - 1, `summary at ${folded.y}, map ends at ${drawing.y + drawing.height}`);
  assert.ok(folded.height >= 24, 'a 24 px target');
  await summary.click();
  await expect(() => entries.isVisible(), 'unfolded');
  for (const key of ['legend_pediatric', 'legend_other', 'legend_selected']) {
    assert.ok(await entries.getByText(tr(key)).isVisible(), `says "${tr(key)}"`);
  }
  const open = await entries.boundingBox();
  const map = await t.page.locator('.leaflet-container').boundingBox();
  assert.ok(open.y >= map.y + map.height - 1, 'still under the map');
  const found = await t.app.axeViolations();
  assert.equal(found.length, 0, describeViolations(found));
});

test('a chosen center\'s heading leaves room for its focus ring above the buttons under it', async () => {
  const c = dataset.centers.find((x) => x.id === 'nroc-astana');
  await t.app.open(`center=${c.id}`, { waitReady: false });
  const heading = t.page.getByRole('heading', { level: 2, name: c.name, exact: true });
  const button = t.page.getByRole('button', { name: tr('referral_open') });
  await expect(() => button.isVisible(), 'the detail\'s buttons shown');
  const h = await heading.boundingBox();
  const b = await button.boundingBox();
  // The ring is 3 px wide and 2 px off the heading (public/style.css, :focus-visible).
  assert.ok(h.y + h.height + 5 <= b.y, `heading ends at ${h.y + h.height}, the button starts at ${b.y}`);
});

test('a phone held sideways (667x375): the legend starts folded and the region is spread over the map, not one lump', async () => {
  await t.page.setViewportSize({ width: 667, height: 375 });
  await t.app.open();
  await t.app.settled();
  const summary = t.app.map.getByText(tr('legend_summary'), { exact: true });
  await expect(() => summary.isVisible(), 'the legend\'s summary shown');
  assert.equal(await t.page.getByRole('list', { name: tr('legend_label') }).isVisible(), false, 'folded');
  // The region fitted to the map's size: the markers span at least a quarter of its width
  // (with the fixed 100 px margins it was fitted into a 60 px strip, an eighth of it).
  const drawing = await t.page.locator('.leaflet-container').boundingBox();
  const boxes = await t.app.markerBoxes();
  const xs = boxes.flatMap((b) => [b.x, b.x + b.width]);
  const spread = Math.max(...xs) - Math.min(...xs);
  assert.ok(spread >= drawing.width / 4, `markers span ${spread} of ${drawing.width} px`);
  await t.page.screenshot({ path: resolve(shots, 'landscape-667x375.png') });
});
