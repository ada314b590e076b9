// Results first: on a laptop the search box, the count and the first results are in sight
// without scrolling; on a phone the list screen has the search box and "nearest first", and the
// results come before the panels and the editors' tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** Whether `locator` lies wholly on the screen of `viewport`. */
async function onScreen(locator, viewport) {
  const b = await locator.boundingBox();
  return !!b && b.y >= 0 && b.x >= 0 && b.y + b.height <= viewport.height && b.x + b.width <= viewport.width;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1366, height: 768 }]) {
  for (const lang of ['en', 'ru']) {
    test(`at ${viewport.width}x${viewport.height} (${lang}) the search, the count and the first results are in sight`, async () => {
      await t.page.setViewportSize(viewport);
      await t.app.open(`lang=${lang}`, { waitReady: false });
      const count = t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, lang) });
      await expect(() => count.isVisible(), 'count');
      const list = t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
      const items = list.getByRole('button');
      await expect(async () => (await items.count()) > 2, 'items');
      assert.ok(await onScreen(t.page.getByLabel(tr('search_label', {}, lang)), viewport), 'search box in sight');
      assert.ok(await onScreen(count, viewport), 'count in sight');
      for (const i of [0, 1]) assert.ok(await onScreen(items.nth(i), viewport), `result ${i + 1} in sight`);
      // A filter's effect is seen at once: the count changes where the eye is.
      await t.page.getByRole('checkbox', { name: new RegExp(`^${tr('country_TJ', {}, lang)}(\\s|$)`) }).check();
      const tj = dataset.centers.filter((c) => c.country === 'TJ').length;
      const after = t.page.getByRole('status').filter({ hasText: trCount('results_count', tj, lang) });
      await expect(() => after.isVisible(), 'count updated');
      assert.ok(await onScreen(after, viewport), 'updated count in sight');
    });
  }
}

for (const viewport of [{ width: 375, height: 667 }, { width: 320, height: 568 }]) {
  test(`on a ${viewport.width} px phone the list screen has the search box and "nearest first", and results before the panels`, async () => {
    await t.page.setViewportSize(viewport);
    await t.app.open();
    const search = t.app.search;
    assert.ok(await search.isVisible(), 'search box on the list screen');
    assert.ok(await t.page.getByLabel(tr('near_city_label')).isVisible(), 'nearest first on the list screen');
    // The facets stay in the sheet.
    assert.equal(await t.app.countryBox('KZ').isVisible(), false);
    await search.fill('Tashkent');
    const first = t.app.list.getByRole('button').first();
    await expect(() => first.isVisible(), 'results');
    const y = async (l) => (await l.boundingBox()).y;
    const firstY = await y(first);
    for (const later of [
      t.page.getByText(tr('events_summary', { count: dataset.events.length }), { exact: true }),
      t.page.getByRole('button', { name: tr('embed_open') }),
      t.page.getByText(tr('download_summary'), { exact: true }),
    ]) {
      assert.ok((await y(later)) > firstY, `${await later.textContent()} after the results`);
    }
  });
}

for (const viewport of [{ width: 1024, height: 768 }, { width: 800, height: 600 }, { width: 700, height: 900 }]) {
  test(`at ${viewport.width}x${viewport.height} the facets are behind "Filters": the count and the first result in sight; the sheet opens beside the map with every specialty, no box scrolling inside it (review defect 5)`, async () => {
    await t.page.setViewportSize(viewport);
    await t.app.open('lang=ru', { waitReady: false });
    const count = t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, 'ru') });
    await expect(() => count.isVisible(), 'count');
    const first = t.page.getByRole('list', { name: tr('results_list_label', {}, 'ru') }).getByRole('button').first();
    if (viewport.width >= 800) {
      assert.ok(await onScreen(count, viewport), 'count in sight');
      assert.ok(await onScreen(first, viewport), 'first result in sight');
    }
    assert.equal(await t.page.getByRole('checkbox', { name: new RegExp(`^${tr('country_TJ', {}, 'ru')}(\\s|$)`) }).isVisible(), false, 'the facets in the sheet');
    await t.page.getByRole('button', { name: tr('filters_heading', {}, 'ru'), exact: true }).click();
    const sheet = t.page.getByRole('dialog', { name: tr('filters_heading', {}, 'ru') });
    await expect(() => sheet.isVisible(), 'the sheet open');
    const specialties = sheet.getByRole('group', { name: tr('specialty_legend', {}, 'ru'), exact: true });
    assert.ok(await specialties.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'the specialties not in a box of their own that scrolls');
    const tj = sheet.getByRole('checkbox', { name: new RegExp(`^${tr('country_TJ', {}, 'ru')}(\\s|$)`) });
    await tj.check();
    const n = dataset.centers.filter((c) => c.country === 'TJ').length;
    // Beside the map, which follows the choice; a phone-wide sheet covers it.
    if (viewport.width >= 800) {
      const [s, m] = [await sheet.boundingBox(), await t.page.locator('.leaflet-container').boundingBox()];
      assert.ok(s.x + s.width < m.x + m.width / 2, 'the map half in sight beside the sheet');
    }
    await t.page.keyboard.press('Escape');
    const after = t.page.getByRole('status').filter({ hasText: trCount('results_count', n, 'ru') });
    await expect(() => after.isVisible(), 'count updated');
    await expect(() => t.page.getByRole('button', { name: tr('filters_open_count', { count: 1 }, 'ru') }).evaluate((b) => b === document.activeElement), 'focus back on the button, which says one filter is set');
  });
}
